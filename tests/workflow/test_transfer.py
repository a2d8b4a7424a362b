"""Case export and import on real vaults: the document, the schema, the round trip between
two vaults, and refusals that list every problem and store nothing. No Qt."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from fieldapp.composition import open_vault
from fieldapp.domain.case import CaseStatus, PlaceKind
from fieldapp.domain.elements import AgreementSource, PaymentSource, PriceSource
from fieldapp.domain.evaluation import CompletionRule, ElementKind, Outcome
from fieldapp.domain.operation import ContactRole
from fieldapp.domain.persons import CLEANERS, Indicator
from fieldapp.domain.procedure import BuyerAnswer, DeciderRole, DecisionKind
from fieldapp.domain.support import SupportOutcome
from fieldapp.errors import InvalidInput
from fieldapp.workflow import cases, evidence, operations, persons, procedure, support, transfer
from fieldapp.workflow.case_view import Escalation
from fieldapp.workflow.context import Context
from tests.conftest import (
    ADMIN_ID,
    ADMIN_NAME,
    ADMIN_PASS,
    FIELD_ID,
    FIELD_NAME,
    FIELD_PASS,
    TEST_COST,
)
from tests.documents.scenarios import personnummer
from tests.workflow.conftest import BUYER, CET_SUMMER, SELLER, Clock, event_count

RAID_START = datetime(2026, 5, 14, 21, 30, tzinfo=CET_SUMMER)
OPERATION = {
    "name": "Insatsvecka maj",
    "start": "2026-05-11",
    "end": "2026-05-22",
    "county": "vastmanland",
    "agencies": ["Polisen", "Socialjouren"],
}
CASE = {
    "place_kind": "hotel",
    "place_name": "Hotell Påhittat",
    "address": "Storgatan 1",
    "room": "312",
    "municipality": "Västerås",
}

PROVENANCE = ("exported_at", "exported_by", "vault_id", "device_id", "last_event_hash")
EVENT_PROVENANCE = ("ticked_by", "ticked_at")


def _contact(ctx: Context, operation_id: str, role: str) -> str:
    found = operations.contacts(ctx, operation_id)
    return next(c.entity_id for c in found if c.get("role") == role)


@dataclass(frozen=True)
class Built:
    ctx: Context
    operation_id: str
    case_id: str
    buyer_id: str
    seller_id: str


def _build(ctx: Context, clock: Clock) -> Built:
    """A case with one of everything: witness, three elements with seizure, notice,
    hearings, support to both, advance approval, answer, observation, hand ticks."""
    operation_id = operations.create_operation(ctx, OPERATION).entity_id
    case_id = cases.open_case(ctx, operation_id, CASE).entity_id
    buyer_id = persons.add_buyer(ctx, case_id, BUYER).entity_id
    seller_id = persons.add_seller(ctx, case_id, SELLER).entity_id
    persons.add_witness(ctx, case_id, {"name": "Eva Exempeldotter", "relation": "nattportier"})
    evidence.record_element(
        ctx, case_id, buyer_id, "agreement", {"source": "overheard", "what": "samlag"}
    )
    clock.advance(1)
    evidence.record_element(
        ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    )
    clock.advance(2)
    seizure = {"record_number": "2026-5000-BG1", "amount": 1500, "stored_at": "Beslagsrummet"}
    evidence.record_element(
        ctx,
        case_id,
        buyer_id,
        "payment_handed_over",
        {"source": "observed", "amount": 1500, "seized": True, "seizure": seizure},
    )
    rights = {"lawyer": True, "silence": True, "information": True}
    procedure.record_notice(ctx, case_id, buyer_id, {"language": "sv", "rights_given": rights})
    procedure.record_hearing(ctx, case_id, buyer_id, {"where": "rummet"})
    procedure.record_hearing(ctx, case_id, seller_id, {"where": "lobbyn"})
    support.record_support_offer(
        ctx,
        case_id,
        seller_id,
        {
            "contact_id": _contact(ctx, operation_id, "seller_support"),
            "outcome": "accepted",
            "leaflet_language": "ro",
        },
    )
    support.record_support_offer(
        ctx, case_id, buyer_id, {"organisation": "KAST Västerås", "outcome": "declined"}
    )
    clock.advance(5)
    decision = procedure.record_decision(
        ctx,
        case_id,
        buyer_id,
        {
            "decided_by": "Åklagare Påhittad",
            "decider_role": "prosecutor",
            "how": "phone",
            "decision": "advance_approval",
            "sanction": {
                "conditional_sentence": True,
                "day_fines": 50,
                "day_fine_amount_sek": 390,
                "forfeiture_sek": 1500,
            },
        },
    ).entity_id
    procedure.record_answer(ctx, case_id, decision, "accepts")
    cases.add_observation(ctx, case_id, "Köparen kom 21.40.")
    cases.tick(ctx, case_id, "entry", note="Nyckelkort")
    cases.tick(ctx, case_id, "interpreter_arranged")
    cases.tick_operation_item(ctx, operation_id, "briefing_held")
    return Built(ctx, operation_id, case_id, buyer_id, seller_id)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """One full case for the tests that only read it or try refused imports (which store
    nothing): building it once keeps the module quick."""
    folder = tmp_path_factory.mktemp("source") / "vault"
    session = open_vault(folder).create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    clock = Clock(RAID_START)
    yield _build(Context(session, clock), clock)
    session.lock()


@pytest.fixture
def built(ctx: Context, clock: Clock) -> Built:
    """A full case of the test's own, for tests that change it."""
    return _build(ctx, clock)


@pytest.fixture
def other_ctx(tmp_path: Path) -> Iterator[Context]:
    """A second vault, on another laptop, with another officer, the day after the raid."""
    session = open_vault(tmp_path / "other").create(
        FIELD_ID, FIELD_NAME, FIELD_PASS, cost=TEST_COST
    )
    yield Context(session, Clock(RAID_START + timedelta(days=1)))
    session.lock()


def _refusal(ctx: Context, document: Any, operation_id: str | None = None) -> InvalidInput:
    before = event_count(ctx)
    with pytest.raises(InvalidInput) as err:
        transfer.import_case(ctx, document, operation_id)
    assert event_count(ctx) == before, "a refused import stored something"
    return err.value


def _normalised(document: Mapping[str, Any], back: Mapping[str, str] | None = None) -> Any:
    """The document without what differs between vaults, ids mapped back, lists sorted."""
    text = transfer.dump_document(document)
    for new, old in (back or {}).items():
        text = text.replace(new, old)
    doc = json.loads(text)
    for key in PROVENANCE:
        doc.pop(key)
    for entry in doc["ticks"] + doc["operation_ticks"] + doc["checklist"]:
        for key in EVENT_PROVENANCE:
            entry.pop(key, None)
    return {k: sorted(v, key=json.dumps) if isinstance(v, list) else v for k, v in doc.items()}


# -- export ---------------------------------------------------------------------------------


def test_export_validates_against_the_schema(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    Draft202012Validator.check_schema(transfer.load_schema())
    Draft202012Validator(transfer.load_schema()).validate(document)
    assert transfer.schema_problems_of(document) == []


def test_two_exports_of_the_same_state_are_byte_identical(shared: Built) -> None:
    first = transfer.dump_document(transfer.export_case(shared.ctx, shared.case_id))
    second = transfer.dump_document(transfer.export_case(shared.ctx, shared.case_id))
    assert first == second
    assert list(json.loads(first)) == sorted(json.loads(first))


def test_export_holds_the_case_and_what_follows(shared: Built) -> None:
    ctx = shared.ctx
    doc = transfer.export_case(ctx, shared.case_id)
    assert (doc["format"], doc["version"]) == ("fieldapp-case", 1)
    assert (doc["exported_by"], doc["vault_id"]) == (ctx.officer_id, ctx.session.vault_id)
    assert doc["operation"]["id"] == shared.operation_id
    assert doc["operation"]["county"] == "vastmanland"
    assert doc["case"]["status"] == "open" and doc["case"]["place_name"] == "Hotell Påhittat"
    roles = {p["id"]: p["role"] for p in doc["persons"]}
    assert roles[shared.buyer_id] == "buyer" and roles[shared.seller_id] == "seller"
    assert sorted(roles.values()) == ["buyer", "seller", "witness"]
    seller = next(p for p in doc["persons"] if p["id"] == shared.seller_id)
    assert "suspect" not in json.dumps(seller)
    assert [e["kind"] for e in doc["elements"]] == [
        "agreement",
        "stated_price",
        "payment_handed_over",
    ]
    assert doc["elements"][2]["seizure"]["record_number"] == "2026-5000-BG1"
    [evaluation] = doc["evaluations"]
    assert evaluation["buyer_id"] == shared.buyer_id
    assert (evaluation["outcome"], evaluation["missing"]) == ("completed", [])
    assert evaluation["offence"]["section"].startswith("BrB 6:11")
    assert evaluation["rule_set"]
    assert doc["escalations"] == ["foreign_national"]
    assert doc["decisions"][0]["sanction"]["day_fines"] == 50
    assert doc["buyer_answers"][0]["decision_id"] == doc["decisions"][0]["id"]
    assert [c["role"] for c in doc["contacts"]] == ["seller_support"]
    entry = next(s for s in doc["checklist"] if s["item_id"] == "entry")
    assert entry["done"] and not entry["by_data"] and entry["ticked_by"] == ctx.officer_id
    by_data = next(s for s in doc["checklist"] if s["item_id"] == "agreement_secured")
    assert by_data["done"] and by_data["by_data"] and "ticked_by" not in by_data
    assert [t["item_id"] for t in doc["operation_ticks"]] == ["briefing_held"]


def test_export_logs_one_access_per_person(shared: Built) -> None:
    ctx = shared.ctx
    before = list(ctx.session.events())
    doc = transfer.export_case(ctx, shared.case_id)
    new = list(ctx.session.events())[len(before) :]
    assert [(e.kind, e.entity_id, e.data["purpose"]) for e in new] == [
        ("access", p["id"], "export") for p in doc["persons"]
    ]


def test_last_event_hash_is_the_newest_change_to_the_case(built: Built, clock: Clock) -> None:
    ctx = built.ctx
    clock.advance(1)
    cases.add_observation(ctx, built.case_id, "Sista anteckningen.")
    newest = list(ctx.session.events())[-1]
    assert transfer.export_case(ctx, built.case_id)["last_event_hash"] == newest.entry_hash.hex()
    # Exports log accesses, which change nothing in the case: the hash stays.
    again = transfer.export_case(ctx, built.case_id)["last_event_hash"]
    assert again == newest.entry_hash.hex()


# -- import ---------------------------------------------------------------------------------


def test_round_trip_into_another_vault(shared: Built, other_ctx: Context) -> None:
    first = transfer.export_case(shared.ctx, shared.case_id)
    result = transfer.import_case(other_ctx, json.loads(transfer.dump_document(first)))
    assert result.operation_created and result.source_vault_id == shared.ctx.session.vault_id
    second = transfer.export_case(other_ctx, result.case_id)
    back = {new: old for old, new in result.new_ids.items()}
    assert _normalised(second, back) == _normalised(first)
    assert set(result.new_ids) >= {p["id"] for p in first["persons"]}
    assert not set(result.new_ids.values()) & set(result.new_ids)
    # The county contacts are there once: the document's contact took its profile entry's place.
    county = operations.contacts(shared.ctx, shared.operation_id)
    assert len(operations.contacts(other_ctx, result.operation_id)) == len(county)
    # The hand tick is recorded by the importing officer.
    tick = next(t for t in second["ticks"] if t["item_id"] == "entry")
    assert tick["ticked_by"] == other_ctx.officer_id and tick["note"] == "Nyckelkort"
    assert other_ctx.session.verify().ok


def test_import_into_an_existing_operation_reuses_its_contacts(built: Built) -> None:
    ctx, operation_id = built.ctx, built.operation_id
    document = transfer.export_case(ctx, built.case_id)
    contacts_before = len(operations.contacts(ctx, operation_id))
    result = transfer.import_case(ctx, document, operation_id)
    assert (result.operation_id, result.operation_created) == (operation_id, False)
    assert len(operations.contacts(ctx, operation_id)) == contacts_before
    assert len(cases.cases(ctx, operation_id)) == 2
    copied = transfer.export_case(ctx, result.case_id)
    offer = next(s for s in copied["support_offers"] if "contact_id" in s)
    assert offer["contact_id"] == document["contacts"][0]["id"]  # the directory's own entry
    # Operation ticks belong to an operation and are not copied into another one.
    assert len([t for t in ctx.records.find("checklist_tick") if t.case_id is None]) == 1


def test_derived_parts_are_recomputed_not_imported(shared: Built, other_ctx: Context) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    document["evaluations"][0]["outcome"] = "attempt"
    document["escalations"] = ["child_case"]
    for state in document["checklist"]:
        state["done"] = False
    result = transfer.import_case(other_ctx, document)
    view = cases.case_view(other_ctx, result.case_id)
    assert view.buyers[0].evaluation.outcome is Outcome.COMPLETED
    assert view.escalations == (Escalation.FOREIGN_NATIONAL,)
    states = cases.checklist(other_ctx, result.case_id)
    assert next(s for s in states if s.item.id == "entry").done


def test_a_closed_case_is_imported_closed(built: Built, other_ctx: Context) -> None:
    cases.close_case(built.ctx, built.case_id)
    result = transfer.import_case(other_ctx, transfer.export_case(built.ctx, built.case_id))
    assert cases.case_view(other_ctx, result.case_id).case.get("status") == "closed"


def test_refusal_lists_every_problem_and_stores_nothing(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    people = {p["id"]: i for i, p in enumerate(document["persons"])}
    buyer, seller = people[shared.buyer_id], people[shared.seller_id]
    document["persons"][buyer]["personal_id"] = "19811218-9875"  # check digit wrong
    del document["persons"][seller]["name"]
    document["elements"][1]["amount"] = -1500
    document["elements"][0]["kind"] = "handshake"
    document["notices"][0]["buyer_id"] = "no-such-buyer"
    document["support_offers"][0]["contact_id"] = "no-such-contact"
    problems = dict(_refusal(shared.ctx, document).problems)
    assert set(problems) == {
        f"persons[{buyer}].personal_id",
        f"persons[{seller}].name",
        "elements[1].amount",
        "elements[0].kind",
        "notices[0].buyer_id",
        "support_offers[0].contact_id",
    }
    assert "check digit" in problems[f"persons[{buyer}].personal_id"]
    assert problems[f"persons[{seller}].name"] == "required."
    assert problems["elements[1].amount"] == "at least 1."
    assert problems["notices[0].buyer_id"] == "no buyer with this id in the document."


def test_a_reference_must_name_the_right_kind_of_record(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    document["elements"][0]["buyer_id"] = shared.seller_id  # a seller is never a suspect
    document["buyer_answers"][0]["decision_id"] = document["notices"][0]["id"]
    document["persons"][1]["id"] = document["persons"][0]["id"]
    document["observations"][0]["id"] = document["case"]["id"]
    problems = dict(_refusal(shared.ctx, document).problems)
    assert "elements[0].buyer_id" in problems
    assert "buyer_answers[0].decision_id" in problems
    assert problems["persons[1].id"] == "used by another record in this document."
    assert problems["observations[0].id"] == "used by another record in this document."


def test_schema_violations_are_reported_with_their_paths(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    document["format"] = "something-else"
    document["case"]["colour"] = "red"
    document["decisions"][0]["sanction"]["day_fines"] = "fifty"
    del document["hearings"][0]["where"]
    document["observations"] = {"not": "a list"}
    problems = dict(_refusal(shared.ctx, document).problems)
    assert problems == {
        "format": 'must be "fieldapp-case".',
        "case.colour": "not a field of this format.",
        "decisions[0].sanction.day_fines": "must be a whole number.",
        "hearings[0].where": "required.",
        "observations": "must be a list.",
    }


def test_refusals_never_echo_the_values(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    index = next(i for i, p in enumerate(document["persons"]) if p["id"] == shared.buyer_id)
    document["persons"][index]["personal_id"] = "19811218-9875"
    document["persons"][index]["civil_status"] = "Kalle Påhittsson"
    document["persons"][index]["secret"] = "Kalle Påhittsson"
    err = _refusal(shared.ctx, document)
    assert "Påhittsson" not in err.message and "9875" not in err.message


@pytest.mark.parametrize("document", [None, [], "text", 42])
def test_a_document_that_is_not_an_object_is_refused(shared: Built, document: Any) -> None:
    assert _refusal(shared.ctx, document).problems == (("(document)", "must be an object."),)


def test_an_unknown_operation_is_refused(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    problems = dict(_refusal(shared.ctx, document, "no-such-operation").problems)
    assert problems == {"operation_id": "no such operation in this vault."}


def test_a_municipality_outside_the_county_is_refused(shared: Built) -> None:
    document = transfer.export_case(shared.ctx, shared.case_id)
    document["case"]["municipality"] = "Uppsala"
    assert "case.municipality" in dict(_refusal(shared.ctx, document).problems)


def test_a_hand_written_training_case_needs_only_the_records(other_ctx: Context) -> None:
    document = {
        "format": "fieldapp-case",
        "version": 1,
        "operation": {"id": "op", "name": "Övning", "start": "2026-05-01", "end": "2026-05-02"},
        "case": {
            "id": "c",
            "place_kind": "hotel",
            "place_name": "Övningshotellet",
            "address": "Övningsgatan 1",
            "municipality": "Västerås",
            "start": "2026-05-01T20:00:00+02:00",
            "status": "open",
        },
        "persons": [
            {
                "id": "b",
                "role": "buyer",
                "name": "Övning Köparsson",
                "date_of_birth": "1970-01-01",
                "identity_method": "passport",
                "foreign_id": {"document": "passport", "number": "X1", "country": "NO"},
            },
        ],
        "elements": [
            {
                "id": "e1",
                "kind": "agreement",
                "buyer_id": "b",
                "source": "statement",
                "at": "2026-05-01T20:05:00+02:00",
                "what": "samlag",
            },
        ],
    }
    result = transfer.import_case(other_ctx, copy.deepcopy(document))
    view = cases.case_view(other_ctx, result.case_id)
    assert view.buyers[0].evaluation.outcome is Outcome.NOT_ENOUGH
    assert view.buyers[0].elements[0].get("observer") == other_ctx.officer_id


def test_the_schema_enums_match_the_code() -> None:
    defs = transfer.load_schema()["$defs"]

    def values(node: Mapping[str, Any]) -> set[str]:
        return set(node["enum"])

    def names(enum: Any) -> set[str]:
        return {e.value for e in enum}

    element_then = {
        rule["if"]["properties"]["kind"]["const"]: rule["then"]["properties"]["source"]
        for rule in defs["element"]["allOf"]
    }
    assert values(defs["element"]["properties"]["kind"]) == names(ElementKind)
    assert values(element_then["agreement"]) == names(AgreementSource)
    assert values(element_then["stated_price"]) == names(PriceSource)
    assert values(element_then["payment_handed_over"]) == names(PaymentSource)
    assert values(defs["case"]["properties"]["status"]) == names(CaseStatus)
    assert values(defs["case"]["properties"]["place_kind"]) == names(PlaceKind)
    assert values(defs["contact"]["properties"]["role"]) == names(ContactRole)
    assert values(defs["person"]["properties"]["role"]) == set(CLEANERS)
    assert set(defs["seller_fields"]["properties"]["indicators"]["properties"]) == names(Indicator)
    assert values(defs["decision"]["properties"]["decision"]) == names(DecisionKind)
    assert values(defs["decision"]["properties"]["decider_role"]) == names(DeciderRole)
    assert values(defs["buyer_answer"]["properties"]["answer"]) == names(BuyerAnswer)
    assert values(defs["support_offer"]["properties"]["outcome"]) == names(SupportOutcome)
    assert values(defs["evaluation"]["properties"]["outcome"]) == names(Outcome)
    assert values(defs["evaluation"]["properties"]["rule"]) == names(CompletionRule)


def _on_day(document: Any, day: str) -> Any:
    """The document with every moment of the raid moved to ``day`` (same clock times)."""
    if isinstance(document, dict):
        return {k: _on_day(v, day) for k, v in document.items()}
    if isinstance(document, list):
        return [_on_day(v, day) for v in document]
    if isinstance(document, str) and document.startswith("2026-05-14T"):
        return day + document[10:]
    return document


def _unlawful(document: dict[str, Any], case: str, buyer_id: str, seller_id: str) -> None:
    people = {p["id"]: p for p in document["persons"]}
    decision = document["decisions"][0]
    if case == "day_fines_alone_2022_08_01":
        document.update(_on_day(document, "2022-08-01"))
        decision["decision"] = "summary_order"
        decision["sanction"] = {"day_fines": 50, "day_fine_amount_sek": 200}
    elif case == "advance_approval_2022_12_31":
        document.update(_on_day(document, "2022-12-31"))
    elif case == "advance_approval_under_18":
        people[buyer_id]["personal_id"] = personnummer("20100101")  # 16 at the raid
    elif case == "advance_approval_child_case":
        people[seller_id]["estimated_age"] = 16


@pytest.mark.parametrize(
    "case",
    [
        "day_fines_alone_2022_08_01",
        "advance_approval_2022_12_31",
        "advance_approval_under_18",
        "advance_approval_child_case",
    ],
)
def test_import_refuses_an_unlawful_decision_as_typing_it_would(
    shared: Built, other_ctx: Context, case: str
) -> None:
    """The law's checks on a decision run on import too, with the words typing it gets;
    the refused document stores nothing. Typed: the same case imported without its
    decision, then the decision recorded into it."""
    document = transfer.export_case(shared.ctx, shared.case_id)
    _unlawful(document, case, shared.buyer_id, shared.seller_id)
    refused = dict(_refusal(other_ctx, copy.deepcopy(document)).problems)
    assert refused and all(path.startswith("decisions[0].") for path in refused), refused

    decision = {k: v for k, v in document["decisions"][0].items() if k not in ("id", "at")}
    without = {**document, "decisions": [], "buyer_answers": []}
    imported = transfer.import_case(other_ctx, copy.deepcopy(without))
    buyer_id = imported.new_ids[shared.buyer_id]
    with pytest.raises(InvalidInput) as typed:
        procedure.record_decision(
            other_ctx, imported.case_id, buyer_id, {**decision, "buyer_id": buyer_id}
        )
    assert {f"decisions[0].{f}": r for f, r in typed.value.problems} == refused
