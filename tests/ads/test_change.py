"""A use case's ``Change`` says what it touched: the cases, the operation and the kinds of
record, so that a screen refreshes from it without reading the events."""

from __future__ import annotations

from fieldapp.ads import links, register
from fieldapp.ads.model import AD_ENTITY
from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY
from fieldapp.domain.elements import ELEMENT_ENTITY
from fieldapp.workflow import cases, evidence
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA


def test_a_record_created_in_a_case_names_the_case_and_the_operation(
    ctx: Context, operation_id: str, case_id: str, buyer_id: str
) -> None:
    change = evidence.record_element(
        ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    )
    assert change.case_ids == {case_id}
    assert change.operation_id == operation_id
    assert change.kinds == {ELEMENT_ENTITY}
    assert change.concerns_case(case_id) and not change.concerns_case("another")


def test_an_amendment_is_placed_where_its_record_is(
    ctx: Context, operation_id: str, case_id: str, buyer_id: str
) -> None:
    element = evidence.record_element(
        ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    change = evidence.correct_element(ctx, element, {"amount": 1800})
    assert change.case_ids == {case_id} and change.operation_ids == {operation_id}
    note = cases.add_observation(ctx, case_id, "Dörren stod på glänt.")
    assert note.kinds == {OBSERVATION_ENTITY} and note.case_ids == {case_id}


def test_linking_an_ad_touches_the_case_as_well_as_the_ad(
    ctx: Context, operation_id: str, case_id: str
) -> None:
    found = register.capture(ctx, operation_id, AD_BELLA, url="https://annonser.example/ad/7")
    created = register.register_ad(ctx, operation_id, found.fields)
    assert created.kinds == {AD_ENTITY} and created.case_ids == frozenset()
    assert created.operation_id == operation_id
    change = links.link_case(ctx, created.entity_id, case_id)
    assert change.entity_type == AD_ENTITY
    assert change.kinds == {AD_ENTITY, CASE_ENTITY}
    assert change.case_ids == {case_id}


def test_nothing_changed_touches_nothing(ctx: Context, case_id: str, buyer_id: str) -> None:
    element = evidence.record_element(
        ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    same = evidence.correct_element(ctx, element, {"amount": 1500})
    assert same.events == () and same.case_ids == frozenset() and same.operation_id is None
