"""Properties on a real vault: recording order does not change the evaluation, and
replaying the log rebuilds the same records whatever was done."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.domain.evaluation import ElementKind
from fieldapp.workflow import cases, evidence, persons
from fieldapp.workflow.context import Context
from tests.workflow.conftest import BUYER

DATA: dict[str, dict[str, Any]] = {
    "agreement": {"source": "overheard", "what": "samlag"},
    "stated_price": {"source": "ad", "amount": 1500},
    "payment_handed_over": {"source": "observed", "amount": 1500},
    "act_begun": {"source": "observed"},
}
KINDS = [k.value for k in ElementKind]
FIXTURES = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _new_case(ctx: Context, operation_id: str) -> tuple[str, str]:
    case_id = cases.open_case(
        ctx, operation_id, {"place_kind": "other", "address": "Gatan 1", "municipality": "Sala"}
    ).entity_id
    return case_id, persons.add_buyer(ctx, case_id, BUYER).entity_id


@FIXTURES
@given(elements=st.lists(st.sampled_from(KINDS), max_size=6), data=st.data())
def test_any_order_gives_the_same_evaluation(
    ctx: Context, operation_id: str, elements: list[str], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(elements))
    results = []
    for order in (elements, shuffled):
        case_id, buyer_id = _new_case(ctx, operation_id)
        for kind in order:
            evidence.record_element(ctx, case_id, buyer_id, kind, DATA[kind])
        results.append(evidence.evaluation(ctx, case_id, buyer_id))
    assert results[0] == results[1]


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("record"), st.sampled_from(KINDS)),
        st.tuples(st.just("correct"), st.integers(0, 5)),
        st.tuples(st.just("withdraw"), st.integers(0, 5)),
        st.tuples(st.just("tick"), st.sampled_from(["entry", "interpreter_arranged"])),
        st.tuples(st.just("note"), st.text(min_size=1, max_size=30).filter(str.strip)),
    ),
    max_size=12,
)


@FIXTURES
@given(actions=ACTIONS)
def test_replay_rebuilds_the_same_records(
    ctx: Context, operation_id: str, actions: list[tuple[str, Any]]
) -> None:
    case_id, buyer_id = _new_case(ctx, operation_id)
    for action, arg in actions:
        elements = ctx.records.find("element", case_id=case_id)
        if action == "record":
            evidence.record_element(ctx, case_id, buyer_id, arg, DATA[arg])
        elif action == "correct" and elements:
            evidence.correct_element(ctx, elements[arg % len(elements)].entity_id, {"note": "x"})
        elif action == "withdraw" and elements:
            evidence.withdraw_element(ctx, elements[arg % len(elements)].entity_id, "fel")
        elif action == "tick":
            cases.tick(ctx, case_id, arg)
        elif action == "note":
            cases.add_observation(ctx, case_id, arg)
    conn = ctx.session.conn
    before = ctx.session.projector.snapshot(conn)
    ctx.session.projector.rebuild(conn)
    assert ctx.session.projector.snapshot(conn) == before
