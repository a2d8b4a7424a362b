"""The demo vault: it builds, verifies, holds a case in every state, and only invented
people. Built once for the module (it takes about a second). No Qt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from fieldapp.composition import open_vault
from fieldapp.demo import (
    DEMO_OFFICER_ID,
    DEMO_TEAM,
    FICTION_PHONE_PREFIX,
    FICTIONAL_BIRTH_DATES,
    TRANSFERRED_TO,
    build_demo_vault,
    fictional_personnummer,
)
from fieldapp.domain.evaluation import Outcome
from fieldapp.domain.identity import parse_swedish_id
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.errors import VaultExists
from fieldapp.workflow import cases, operations, transfer
from fieldapp.workflow.case_view import CaseView, Escalation, SellerStanding
from fieldapp.workflow.context import Context
from tests.conftest import FIELD_ID, FIELD_NAME, FIELD_PASS, TEST_COST
from tests.workflow.conftest import CET_SUMMER

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=CET_SUMMER)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Context, str]]:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    passphrase = build_demo_vault(folder, clock=lambda: NOW)
    session = open_vault(folder).unlock(DEMO_OFFICER_ID, passphrase)
    yield Context(session, lambda: NOW), passphrase
    session.lock()


@pytest.fixture(scope="module")
def views(demo: tuple[Context, str]) -> dict[str, CaseView]:
    ctx, _ = demo
    [operation] = operations.operations(ctx)
    found = {}
    for case in cases.cases(ctx, operation.entity_id):
        found[str(case.get("place_name"))] = cases.case_view(ctx, case.entity_id)
    return found


def test_the_demo_vault_verifies(demo: tuple[Context, str]) -> None:
    ctx, _ = demo
    assert ctx.session.verify().ok


def test_the_operation_team_and_contacts(demo: tuple[Context, str]) -> None:
    ctx, _ = demo
    [operation] = operations.operations(ctx)
    assert operation.get("county") == "vastmanland"
    assert {c.get("role") for c in operations.contacts(ctx, operation.entity_id)} >= {
        "prosecutor_on_duty",
        "seller_support",
        "buyer_support",
        "trafficking_helpline",
    }
    team = {t.get("officer_id"): t.get("role") for t in operations.team(ctx, operation.entity_id)}
    assert team[DEMO_TEAM[2][0]] == "operation_leader" and len(team) == 4
    roles = {o.officer_id: o.role.value for o in ctx.session.officers()}
    assert roles == {
        DEMO_OFFICER_ID: "administrator",
        "D100002": "field_officer",
        "D100003": "field_officer",
        "D100004": "team_leader",
    }


def test_every_state_is_there(views: dict[str, CaseView]) -> None:
    outcomes = {
        name: ([b.evaluation.outcome for b in v.buyers], v.escalations, v.case.get("status"))
        for name, v in views.items()
    }
    assert outcomes["Hotell Påhittat"] == ([Outcome.ATTEMPT], (), "open")
    assert outcomes["Stadshotellet Exempel"] == ([Outcome.COMPLETED], (), "open")
    assert outcomes["Hotell Fiktiva Ängen"][1] == (Escalation.CHILD_CASE,)
    assert Escalation.TRAFFICKING in outcomes["Motell Låtsas"][1]
    assert outcomes["Hotell Demo Park"][2] == "closed"
    transferred = views["Lägenhet (korttidsuthyrning)"].case
    assert (transferred.get("status"), transferred.get("transferred_to")) == (
        "transferred",
        TRANSFERRED_TO,
    )


def test_the_completed_case_has_the_whole_procedure(views: dict[str, CaseView]) -> None:
    view = views["Stadshotellet Exempel"]
    [buyer] = view.buyers
    payment = buyer.elements[-1]
    assert payment.get("seized") and payment.get("seizure")["amount"] == 2000
    assert buyer.notices and buyer.hearings
    decision = buyer.decision
    assert decision is not None and decision.get("decision") == "advance_approval"
    sanction = decision.get("sanction")
    assert sanction["conditional_sentence"] and sanction["day_fines"] == 50
    assert buyer.answer is not None and buyer.answer.get("answer") == "accepts"
    assert buyer.support and view.support_for(view.sellers[0].entity_id)
    assert view.seller_standing is SellerStanding.WITNESS


def test_the_child_case(demo: tuple[Context, str], views: dict[str, CaseView]) -> None:
    ctx, _ = demo
    view = views["Hotell Fiktiva Ängen"]
    assert view.child_case and view.buyers[0].offence.section.startswith("BrB 6:9")
    assert view.seller_standing is SellerStanding.INJURED_PARTY
    states = {s.item.id: s for s in cases.checklist(ctx, view.id)}
    assert states["report_of_concern"].done and states["report_of_concern"].tick is not None
    decision = view.buyers[0].decision
    assert decision is not None and decision.get("decision") == "ordinary_prosecution"


def test_the_closed_case_has_every_mandatory_item(
    demo: tuple[Context, str], views: dict[str, CaseView]
) -> None:
    ctx, _ = demo
    states = cases.checklist(ctx, views["Hotell Demo Park"].id)
    assert not [s for s in states if s.blocks_closing]


def test_times_are_a_week_back_in_the_evening(views: dict[str, CaseView]) -> None:
    for view in views.values():
        start = datetime.fromisoformat(view.case.data["start"])
        assert NOW - timedelta(days=8) < start < NOW - timedelta(days=1)
        assert 20 <= start.hour <= 22


def test_only_invented_people(demo: tuple[Context, str]) -> None:
    ctx, _ = demo
    people = ctx.records.find(PERSON_ENTITY)
    assert len(people) >= 13
    for person in people:
        if person.get("personal_id"):
            parsed = parse_swedish_id(person.get("personal_id"), today=NOW.date())
            assert parsed.birth_date in FICTIONAL_BIRTH_DATES
        if person.get("date_of_birth") and person.get("role") == "buyer":
            assert date.fromisoformat(person.get("date_of_birth")) in FICTIONAL_BIRTH_DATES
        if person.get("phone"):
            assert person.get("phone").startswith(FICTION_PHONE_PREFIX)
        if person.get("role") == "seller":
            assert person.get("name").endswith("(alias)")


def test_fictional_personnummer_have_a_valid_check_digit() -> None:
    number = fictional_personnummer(date(1970, 1, 1), 990)
    assert parse_swedish_id(number, today=NOW.date()).number == number


def test_every_demo_case_exports_and_imports(demo: tuple[Context, str], tmp_path: Path) -> None:
    ctx, _ = demo
    [operation] = operations.operations(ctx)
    other = open_vault(tmp_path / "other").create(FIELD_ID, FIELD_NAME, FIELD_PASS, cost=TEST_COST)
    try:
        other_ctx = Context(other, lambda: NOW)
        for case in cases.cases(ctx, operation.entity_id):
            document = transfer.export_case(ctx, case.entity_id)
            assert transfer.schema_problems_of(document) == []
            view = cases.case_view(other_ctx, transfer.import_case(other_ctx, document).case_id)
            assert [b.evaluation.outcome.value for b in view.buyers] == [
                e["outcome"] for e in document["evaluations"]
            ]
            assert [e.value for e in view.escalations] == document["escalations"]
            assert view.case.get("status") == case.get("status")
        assert other.verify().ok
    finally:
        other.lock()


def test_the_passphrase_opens_every_demo_officer(demo: tuple[Context, str], tmp_path: Path) -> None:
    ctx, passphrase = demo
    # Sealed from one derivation of the shared passphrase: each slot still opens on its own.
    for officer_id in [DEMO_OFFICER_ID, *(member[0] for member in DEMO_TEAM)]:
        open_vault(ctx.session.vault.data_dir).unlock(officer_id, passphrase).lock()


def test_the_demo_needs_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "something").write_text("x")
    with pytest.raises(VaultExists):
        build_demo_vault(tmp_path)
