"""A record's first entry versus its corrections, read from a real vault's log."""

from __future__ import annotations

from fieldapp.workflow import cases, evidence, persons
from fieldapp.workflow.context import Context
from fieldapp.workflow.history import as_entered, first_entries


def _case_events(ctx: Context, case_id: str) -> list:
    wanted = {case_id} | {r.entity_id for r in ctx.records.for_case(case_id)}
    return [e for e in ctx.session.events() if e.entity_id in wanted]


def test_fields_typed_after_creation_are_the_first_entry_until_something_else(
    ctx: Context, case_id: str
) -> None:
    seller = persons.add_seller(ctx, case_id, {"name": "Ana"}).entity_id
    # Saved field by field as she is typed in (and her record opened meanwhile).
    persons.amend_person(ctx, seller, {"estimated_age": 25})
    ctx.session.record_access("person", seller, "view")
    persons.amend_person(ctx, seller, {"language": "ro, en", "phone": "0731234567"})
    # Something else is recorded: her first entry is over.
    cases.add_observation(ctx, case_id, "Hon väntar i korridoren.")
    persons.amend_person(ctx, seller, {"estimated_age": 27})

    events = _case_events(ctx, case_id)
    folded = first_entries(events)
    amends = [e for e in events if e.kind == "amend" and e.entity_id == seller]
    assert [a.id in folded for a in amends] == [True, True, False]
    create = next(e for e in events if e.kind == "create" and e.entity_id == seller)
    assert {folded[a.id] for a in amends[:2]} == {create.id}
    assert as_entered(create, amends[:2]) == {
        "role": "seller",
        "name": "Ana",
        "estimated_age": 25,
        "possibly_minor": False,
        "interpreter_needed": False,
        "indicators": {},
        "language": "ro, en",
        "phone": "+46731234567",
    }


def test_a_recorded_act_is_corrected_even_straight_away(ctx: Context, case_id: str) -> None:
    buyer = persons.add_buyer(
        ctx,
        case_id,
        {"name": "Kalle Påhittsson", "personal_id": "19811218-9876", "identity_method": "known"},
    ).entity_id
    element = evidence.record_element(
        ctx, case_id, buyer, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    evidence.correct_element(ctx, element, {"amount": 1200})
    events = _case_events(ctx, case_id)
    correction = next(e for e in events if e.kind == "amend" and e.entity_id == element)
    assert correction.id not in first_entries(events)


def test_still_missing_per_buyer_elements_and_steps(ctx: Context, case_id: str) -> None:
    from fieldapp.domain.evaluation import ElementKind
    from fieldapp.workflow.missing import still_missing

    buyer = persons.add_buyer(
        ctx,
        case_id,
        {"name": "Kalle Påhittsson", "personal_id": "19811218-9876", "identity_method": "known"},
    ).entity_id
    evidence.record_element(ctx, case_id, buyer, "stated_price", {"source": "ad", "amount": 1500})
    view = cases.case_view(ctx, case_id)
    missing = still_missing(view, cases.checklist(ctx, case_id))
    assert [b.buyer_id for b in missing.buyers] == [buyer]
    mine = missing.buyers[0]
    assert ElementKind.PAYMENT_HANDED_OVER in mine.elements
    assert ElementKind.STATED_PRICE not in mine.elements
    assert "notice_of_suspicion" in mine.items and "buyer_heard" in mine.items
    assert not missing.nothing
