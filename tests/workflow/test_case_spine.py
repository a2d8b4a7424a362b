"""What a case screen shows comes from the workflow: the spine's order, the people still to
add, the record that ticked an item by itself, and the operation-wide ticks."""

from __future__ import annotations

from fieldapp.workflow import cases, evidence
from fieldapp.workflow.case_spine import StepKind, case_steps
from fieldapp.workflow.case_view import operation_ticks
from fieldapp.workflow.checklist import checklist_state
from fieldapp.workflow.context import Context
from tests.workflow.conftest import BUYER


def _kinds(ctx: Context, case_id: str) -> list[tuple[str, str]]:
    view = cases.case_view(ctx, case_id)
    return [
        (str(s.kind), s.role or (s.state.item.id if s.state else ""))
        for s in case_steps(view, cases.checklist(ctx, case_id))
    ]


def test_a_new_case_asks_for_its_buyer_and_seller_after_the_entry(
    ctx: Context, case_id: str
) -> None:
    kinds = _kinds(ctx, case_id)
    entry = kinds.index(("item", "entry"))
    assert kinds[entry + 1 : entry + 3] == [("add", "buyer"), ("add", "seller")]
    assert ("add", "witness") in kinds and kinds[-1] == ("close", "")
    view = cases.case_view(ctx, case_id)
    steps = case_steps(view, cases.checklist(ctx, case_id))
    first_buyer = next(s for s in steps if s.kind is StepKind.ADD and s.role == "buyer")
    assert first_buyer.first and first_buyer.phase_id == "scene"
    assert steps[0].kind is StepKind.PHASE and steps[-1].status == "open"


def test_once_a_buyer_is_recorded_the_spine_offers_another(
    ctx: Context, case_id: str, buyer_id: str
) -> None:
    view = cases.case_view(ctx, case_id)
    adds = [s for s in case_steps(view, cases.checklist(ctx, case_id)) if s.role == "buyer"]
    assert len(adds) == 1 and not adds[0].first and adds[0].phase_id == ""


def test_an_item_ticked_by_a_record_names_that_record(
    ctx: Context, case_id: str, buyer_id: str
) -> None:
    change = evidence.record_element(
        ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    )
    view = cases.case_view(ctx, case_id)
    items = {
        s.state.item.id: s
        for s in case_steps(view, cases.checklist(ctx, case_id))
        if s.state is not None and s.state.subject_id == buyer_id
    }
    step = items["price_secured"]
    assert step.state is not None and step.state.done and step.state.tick is None
    assert step.evidence is not None and step.evidence.entity_id == change.entity_id
    assert items["buyer_identified"].evidence is not None
    assert items["buyer_identified"].evidence.get("name") == BUYER["name"]


def test_operation_wide_ticks_show_in_every_case(
    ctx: Context, operation_id: str, case_id: str
) -> None:
    cases.tick_operation_item(ctx, operation_id, "briefing_held")
    cases.tick(ctx, case_id, "entry")
    wide = operation_ticks(ctx.records, operation_id)
    assert [t.get("item_id") for t in wide] == ["briefing_held"]
    assert operation_ticks(ctx.records, None) == ()
    view = cases.case_view(ctx, case_id)
    states = {s.item.id: s for s in checklist_state(view, wide)}
    assert states["briefing_held"].done
