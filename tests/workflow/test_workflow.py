"""The raid workflow on a real vault: records, refusals, evaluation, escalations, checklist,
decision rules, and replay. No Qt."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import pytest

from fieldapp.domain.evaluation import Outcome
from fieldapp.errors import InvalidInput
from fieldapp.validation import Problems
from fieldapp.workflow import cases, evidence, operations, persons, procedure, support
from fieldapp.workflow.case_view import Escalation, SellerStanding
from fieldapp.workflow.context import Context
from fieldapp.workflow.legal_checks import check_decision
from tests.workflow.conftest import BUYER, CET_SUMMER, SELLER, Clock, event_count, refused


def _fields(err: InvalidInput) -> set[str]:
    return {f for f, _ in err.problems}


AGREEMENT = {"source": "overheard", "what": "samlag mot betalning"}
PRICE = {"source": "ad", "amount": 1500}
PAYMENT = {"source": "observed", "amount": 1500}
ACT = {"source": "observed"}


# -- operation and contacts -----------------------------------------------------------------


def test_operation_gets_the_county_contacts(ctx: Context, operation_id: str) -> None:
    contacts = operations.contacts(ctx, operation_id)
    roles = {c.get("role") for c in contacts}
    assert {
        "prosecutor_on_duty",
        "seller_support",
        "buyer_support",
        "trafficking_helpline",
        "regional_coordinator",
        "migration_agency",
        "police_tip_line",
    } <= roles
    helpline = next(c for c in contacts if c.get("role") == "trafficking_helpline")
    assert helpline.get("phone") == "+4620390000"


def test_operation_refusals_name_the_field(ctx: Context) -> None:
    before = event_count(ctx)
    err = refused(
        operations.create_operation,
        ctx,
        {"name": "", "start": "2026-05-20", "end": "2026-05-10", "county": "atlantis"},
    )
    assert {"name", "end"} <= _fields(err)
    err = refused(
        operations.create_operation,
        ctx,
        {"name": "X", "start": "2026-05-10", "end": "2026-05-20", "county": "atlantis"},
    )
    assert err.field == "county"
    assert event_count(ctx) == before


def test_contact_needs_a_way_to_reach_it(ctx: Context, operation_id: str) -> None:
    err = refused(
        operations.add_contact,
        ctx,
        operation_id,
        {"role": "interpreter", "organisation": "Tolkförmedling Exempel"},
    )
    assert err.field == "phone"
    err = refused(
        operations.add_contact,
        ctx,
        operation_id,
        {
            "role": "interpreter",
            "organisation": "T",
            "phone": "12",
            "email": "inte-en-adress",
            "verified_on": "2026-02-30",
        },
    )
    assert _fields(err) == {"phone", "email", "verified_on"}
    ok = operations.add_contact(
        ctx, operation_id, {"role": "interpreter", "organisation": "T", "phone": "070-123 45 67"}
    )
    assert ctx.records.get("contact", ok.entity_id).get("phone") == "+46701234567"


# -- case and persons -----------------------------------------------------------------------


def test_open_case_defaults(ctx: Context, case_id: str, clock: Clock) -> None:
    case = ctx.records.get("case", case_id)
    assert case.get("start") == clock.now.isoformat()
    assert case.get("status") == "open"
    assert case.get("officers_present") == [ctx.officer_id]


def test_case_refusals(ctx: Context, operation_id: str, clock: Clock) -> None:
    err = refused(
        cases.open_case,
        ctx,
        operation_id,
        {
            "place_kind": "hotel",
            "address": "Storgatan 1",
            "municipality": "Uppsala",
            "start": datetime(2026, 6, 1, 12, 0, tzinfo=CET_SUMMER).isoformat(),
        },
    )
    assert _fields(err) == {"place_name", "municipality", "start"}
    assert "not a municipality of this county" in err.message


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"personal_id": "19811218-9875"}, "personal_id", "check digit"),
        ({"personal_id": "19810231-1234"}, "personal_id", ""),
        ({"name": "  "}, "name", "required"),
        ({"identity_method": "guess"}, "identity_method", "must be one of"),
        ({"identity_method": "other"}, "identity_note", "required"),
        ({"income": {"annual_income_sek": -5}}, "income.annual_income_sek", "negative"),
        ({"phone": "abc"}, "phone", "not a phone number"),
        ({"children_under_18": -1}, "children_under_18", "negative"),
        ({"interpreter_needed": True}, "interpreter_language", "required"),
    ],
)
def test_buyer_refusals(
    ctx: Context, case_id: str, change: dict[str, Any], field: str, reason: str
) -> None:
    before = event_count(ctx)
    err = refused(persons.add_buyer, ctx, case_id, {**BUYER, **change})
    assert field in _fields(err)
    assert reason in dict(err.problems)[field]
    assert event_count(ctx) == before  # nothing half-written


def test_buyer_without_swedish_number_needs_birth_date_and_document(
    ctx: Context, case_id: str
) -> None:
    data = {k: v for k, v in BUYER.items() if k != "personal_id"}
    err = refused(persons.add_buyer, ctx, case_id, {**data, "date_of_birth": "1979-02-30"})
    assert _fields(err) == {"date_of_birth", "foreign_id"}
    ok = persons.add_buyer(
        ctx,
        case_id,
        {
            **data,
            "identity_method": "passport",
            "date_of_birth": "1979-02-28",
            "foreign_id": {"document": "passport", "number": "X1234567", "country": "pl"},
        },
    )
    stored = ctx.records.get("person", ok.entity_id)
    assert stored.get("foreign_id") == {
        "document": "passport",
        "number": "X1234567",
        "country": "PL",
    }


def test_seller_is_never_a_suspect(ctx: Context, case_id: str, seller_id: str) -> None:
    assert cases.case_view(ctx, case_id).seller_standing is SellerStanding.WITNESS
    seller = ctx.records.get("person", seller_id)
    assert seller.get("role") == "seller"
    assert "suspect" not in str(seller.data).lower()


def test_seller_indicators_are_checked(ctx: Context, case_id: str) -> None:
    err = refused(
        persons.add_seller,
        ctx,
        case_id,
        {**SELLER, "indicators": {"controlled_by_calls": "maybe", "made_up": "yes"}},
    )
    assert _fields(err) == {"indicators.controlled_by_calls.answer", "indicators.made_up"}


def test_opening_a_person_is_logged(ctx: Context, buyer_id: str) -> None:
    persons.open_person(ctx, buyer_id)
    access = [e for e in ctx.session.events() if e.kind == "access" and e.entity_id == buyer_id]
    assert len(access) == 1


# -- elements and evaluation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kinds", "rule", "outcome"),
    [
        ((), "county_practice", Outcome.NOT_ENOUGH),
        (("agreement",), "county_practice", Outcome.NOT_ENOUGH),
        (("agreement", "stated_price"), "county_practice", Outcome.ATTEMPT),
        (
            ("agreement", "stated_price", "payment_handed_over"),
            "county_practice",
            Outcome.COMPLETED,
        ),
        (
            ("agreement", "stated_price", "payment_handed_over"),
            "act_begun_required",
            Outcome.ATTEMPT,
        ),
        (("agreement", "stated_price", "act_begun"), "act_begun_required", Outcome.COMPLETED),
        (("stated_price", "payment_handed_over"), "county_practice", Outcome.NOT_ENOUGH),
    ],
)
def test_evaluation_through_the_workflow(
    ctx: Context, case_id: str, buyer_id: str, kinds: tuple[str, ...], rule: str, outcome: Outcome
) -> None:
    data = {
        "agreement": AGREEMENT,
        "stated_price": PRICE,
        "payment_handed_over": PAYMENT,
        "act_begun": ACT,
    }
    for kind in kinds:
        evidence.record_element(ctx, case_id, buyer_id, kind, data[kind])
    ctx.set_completion_rule(rule)
    result = evidence.evaluation(ctx, case_id, buyer_id)
    assert result.outcome is outcome
    assert {m.value for m in result.missing}.isdisjoint(kinds)


def test_element_defaults_and_refusals(
    ctx: Context, case_id: str, buyer_id: str, seller_id: str, clock: Clock
) -> None:
    change = evidence.record_element(ctx, case_id, buyer_id, "stated_price", PRICE)
    element = ctx.records.get("element", change.entity_id)
    assert element.get("at") == clock.now.isoformat()
    assert element.get("observer") == ctx.officer_id
    assert element.get("currency") == "SEK"
    err = refused(
        evidence.record_element,
        ctx,
        case_id,
        buyer_id,
        "stated_price",
        {"source": "ad", "amount": -100},
    )
    assert err.field == "amount"
    err = refused(evidence.record_element, ctx, case_id, seller_id, "agreement", AGREEMENT)
    assert err.field == "buyer_id"
    assert "buyer" in err.message
    err = refused(
        evidence.record_element,
        ctx,
        case_id,
        buyer_id,
        "payment_handed_over",
        {**PAYMENT, "seized": True},
    )
    assert err.field == "seizure"
    err = refused(evidence.record_element, ctx, case_id, buyer_id, "guessed", AGREEMENT)
    assert err.field == "kind"


def test_a_correction_names_what_it_corrects(ctx: Context, case_id: str, buyer_id: str) -> None:
    original = evidence.record_element(ctx, case_id, buyer_id, "stated_price", PRICE)
    fix = evidence.correct_element(ctx, original.entity_id, {"amount": 2000})
    assert fix.events[0].kind == "amend"
    assert fix.events[0].parents == original.event_ids
    assert ctx.records.get("element", original.entity_id).get("amount") == 2000
    assert evidence.correct_element(ctx, original.entity_id, {"amount": 2000}).events == ()


# -- escalations ----------------------------------------------------------------------------


def test_minor_seller_makes_a_child_case(ctx: Context, case_id: str, buyer_id: str) -> None:
    persons.add_seller(ctx, case_id, {"name": "Okänd", "estimated_age": 16})
    view = cases.case_view(ctx, case_id)
    assert view.child_case
    assert view.seller_standing is SellerStanding.INJURED_PARTY
    assert Escalation.CHILD_CASE in view.escalations
    assert view.buyers[0].offence.section == "BrB 6:9"
    ids = {s.item.id for s in cases.checklist(ctx, case_id)}
    assert {"report_of_concern", "child_prosecutor"} <= ids
    err = refused(procedure.record_decision, ctx, case_id, buyer_id, _decision())
    assert err.field == "decision"
    assert "6:9" in err.message


def test_possibly_minor_counts_as_a_child(ctx: Context, case_id: str, buyer_id: str) -> None:
    persons.add_seller(ctx, case_id, {"name": "Okänd", "possibly_minor": True})
    assert cases.case_view(ctx, case_id).child_case


def test_trafficking_indicator_adds_the_referral_steps(ctx: Context, case_id: str) -> None:
    persons.add_seller(
        ctx,
        case_id,
        {**SELLER, "indicators": {"no_or_false_id": "yes", "unexplained_money": "unknown"}},
    )
    view = cases.case_view(ctx, case_id)
    assert view.indicators == ("no_or_false_id",)
    assert Escalation.TRAFFICKING in view.escalations
    ids = {s.item.id for s in cases.checklist(ctx, case_id)}
    assert {"trafficking_coordinator", "reflection_period", "flag_investigators"} <= ids


# -- decision and sanction ------------------------------------------------------------------


def _decision(**sanction: Any) -> dict[str, Any]:
    return {
        "decided_by": "Åklagare Påhitt",
        "decider_role": "prosecutor",
        "how": "phone",
        "decision": "advance_approval",
        "sanction": {
            "conditional_sentence": True,
            "day_fines": 50,
            "day_fine_amount_sek": 200,
            **sanction,
        },
    }


def test_a_lawful_decision_and_the_answer(ctx: Context, case_id: str, buyer_id: str) -> None:
    decision = procedure.record_decision(ctx, case_id, buyer_id, _decision())
    procedure.record_answer(ctx, case_id, decision.entity_id, "accepts")
    buyer = cases.case_view(ctx, case_id).buyer(buyer_id)
    assert buyer.decision.entity_id == decision.entity_id
    assert buyer.answer.get("answer") == "accepts"
    assert buyer.rules.victim_fund_fee_sek == 1000


@pytest.mark.parametrize(
    ("sanction", "field", "reason"),
    [
        ({"conditional_sentence": False}, "sanction", "day-fines alone"),
        ({"day_fines": 200}, "sanction", "150"),
        ({"day_fine_amount_sek": 20}, "sanction", "50"),
    ],
)
def test_unlawful_sanctions_are_refused(
    ctx: Context, case_id: str, buyer_id: str, sanction: dict[str, Any], field: str, reason: str
) -> None:
    err = refused(procedure.record_decision, ctx, case_id, buyer_id, _decision(**sanction))
    assert field in err.field
    assert reason in err.message


def test_an_unknown_age_refuses_an_advance_approval_at_the_decision_as_on_the_form(
    ctx: Context, case_id: str, buyer_id: str
) -> None:
    """One rule (``sanctions.advance_approval_allowed``) for the decision step and the
    approval form: an age that cannot be shown to be 18 or more refuses. A buyer saved
    through the workflow always has a date of birth, so the view is given one without."""
    view = cases.case_view(ctx, case_id)
    buyer = view.buyer(buyer_id)
    assert buyer is not None and buyer.age is not None
    unknown = dataclasses.replace(buyer, age=None)
    without_age = dataclasses.replace(view, buyers=(unknown,))
    p = Problems()
    check_decision(without_age, {**_decision(), "buyer_id": buyer_id}, p)
    assert [(field, why.code) for field, why in p] == [("decision", "advance_approval_age")]
    assert [why.params for _field, why in p] == [{"age": 18}]

    p = Problems()  # with the age known the same decision is lawful
    check_decision(view, {**_decision(), "buyer_id": buyer_id}, p)
    assert list(p) == []


def test_no_advance_approval_before_2023(ctx: Context, clock: Clock, operation_id: str) -> None:
    clock.now = datetime(2022, 11, 3, 22, 0, tzinfo=CET_SUMMER)
    case_id = cases.open_case(
        ctx, operation_id, {"place_kind": "other", "address": "Gatan 2", "municipality": "Sala"}
    ).entity_id
    buyer_id = persons.add_buyer(ctx, case_id, BUYER).entity_id
    err = refused(procedure.record_decision, ctx, case_id, buyer_id, _decision())
    assert "2023-01-01" in err.message
    ok = procedure.record_decision(
        ctx, case_id, buyer_id, {**_decision(), "decision": "summary_order"}
    )
    buyer = cases.case_view(ctx, case_id).buyer(buyer_id)
    assert buyer.decision.entity_id == ok.entity_id
    assert buyer.rules.victim_fund_fee_sek == 800
    assert buyer.offence.name_sv == "köp av sexuell tjänst"


def test_day_fine_suggestion_uses_the_buyer_income(
    ctx: Context, case_id: str, buyer_id: str
) -> None:
    result = procedure.suggest_day_fine(ctx, case_id, buyer_id)
    # (420,000 − ½ × 59,200 for one child) / 1,000 = 390.4 → 390 kr (2026 parameters)
    assert result.amount_sek == 390


# -- checklist and closing ------------------------------------------------------------------


def test_closing_is_refused_with_the_list_until_done(
    ctx: Context, case_id: str, buyer_id: str, seller_id: str
) -> None:
    err = refused(cases.close_case, ctx, case_id)
    assert err.field == "checklist"
    missing = _fields(err)
    assert f"checklist.agreement_secured[{buyer_id}]" in missing
    assert "checklist.entry" in missing
    _complete_case(ctx, case_id, buyer_id, seller_id)
    cases.close_case(ctx, case_id)
    assert ctx.records.get("case", case_id).get("status") == "closed"
    err = refused(evidence.record_element, ctx, case_id, buyer_id, "act_begun", ACT)
    assert err.field == "case_id"
    cases.reopen_case(ctx, case_id)
    evidence.record_element(ctx, case_id, buyer_id, "act_begun", ACT)


def test_ticks_are_events_and_untick_withdraws(ctx: Context, case_id: str) -> None:
    change = cases.tick(ctx, case_id, "entry", note="21:31 in genom dörren")
    assert change.events[0].entity_type == "checklist_tick"
    assert cases.tick(ctx, case_id, "entry").events == ()
    state = {s.item.id: s for s in cases.checklist(ctx, case_id)}
    assert state["entry"].done and state["entry"].tick.created_by == ctx.officer_id
    cases.untick(ctx, case_id, "entry")
    assert not {s.item.id: s for s in cases.checklist(ctx, case_id)}["entry"].done
    err = refused(cases.tick, ctx, case_id, "no_such_item")
    assert err.field == "item_id"
    err = refused(cases.tick, ctx, case_id, "buyer_heard")
    assert err.field == "subject_id"


def _complete_case(ctx: Context, case_id: str, buyer_id: str, seller_id: str) -> None:
    for kind, data in (
        ("agreement", AGREEMENT),
        ("stated_price", PRICE),
        ("payment_handed_over", PAYMENT),
    ):
        evidence.record_element(ctx, case_id, buyer_id, kind, data)
    cases.tick(ctx, case_id, "entry")
    cases.tick(ctx, case_id, "interpreter_arranged")
    procedure.record_notice(
        ctx,
        case_id,
        buyer_id,
        {"language": "sv", "rights_given": {"lawyer": True, "silence": True, "information": True}},
    )
    procedure.record_hearing(ctx, case_id, buyer_id, {"where": "rum 312"})
    kast = next(
        c
        for c in operations.contacts(ctx, ctx.records.get("case", case_id).operation_id)
        if c.get("role") == "buyer_support"
    )
    support.record_support_offer(
        ctx, case_id, buyer_id, {"contact_id": kast.entity_id, "outcome": "declined"}
    )
    support.record_support_offer(
        ctx,
        case_id,
        seller_id,
        {"organisation": "Kvinnocentrum", "outcome": "accepted", "leaflet_language": "ro"},
    )
    decision = procedure.record_decision(ctx, case_id, buyer_id, _decision())
    procedure.record_answer(ctx, case_id, decision.entity_id, "accepts")


def test_notice_needs_the_rights(ctx: Context, case_id: str, buyer_id: str) -> None:
    err = refused(
        procedure.record_notice,
        ctx,
        case_id,
        buyer_id,
        {"language": "sv", "rights_given": {"lawyer": True}},
    )
    assert err.field == "rights_given"
    assert "silence" in err.message


# -- replay ---------------------------------------------------------------------------------


def test_replaying_the_log_rebuilds_identical_records(
    ctx: Context, case_id: str, buyer_id: str, seller_id: str
) -> None:
    _complete_case(ctx, case_id, buyer_id, seller_id)
    evidence.correct_element(
        ctx, ctx.records.find("element", case_id=case_id)[0].entity_id, {"note": "rättad"}
    )
    support.amend_support_offer(
        ctx,
        ctx.records.find("support_offer", case_id=case_id)[0].entity_id,
        {"outcome": "referral_made"},
    )
    conn = ctx.session.conn
    before = ctx.session.projector.snapshot(conn)
    rows = conn.execute("SELECT * FROM records ORDER BY entity_type, entity_id").fetchall()
    ctx.session.projector.rebuild(conn)
    assert ctx.session.projector.snapshot(conn) == before
    assert conn.execute("SELECT * FROM records ORDER BY entity_type, entity_id").fetchall() == rows
    assert ctx.session.verify().ok
