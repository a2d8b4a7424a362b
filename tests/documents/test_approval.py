"""The summary-penalty approval form, read back from the PDF: the law of the offence date
on both sides of 2022-08-01 and 2023-02-01, the amounts, the refusals, wrapping."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from fieldapp.documents import service
from fieldapp.documents.approval import ADVANCE_TITLE, ORDER_TITLE
from fieldapp.errors import InvalidInput
from fieldapp.workflow import cases, evidence, persons, procedure
from fieldapp.workflow.context import Context
from tests.documents import pdfcheck
from tests.documents.scenarios import (
    BUYER,
    CEST,
    Clock,
    decision,
    new_operation,
    open_hotel_case,
    record_buyer,
    record_seller,
    standard_case,
)


def _case_on(ctx: Context, clock: Clock, moment: datetime, **kwargs: Any) -> tuple[str, str]:
    clock.now = moment
    operation = new_operation(ctx, moment.date().isoformat(), moment.date().isoformat())
    recorded = standard_case(ctx, clock, operation, **kwargs)
    return recorded.case_id, recorded.buyer_ids[0]


@pytest.mark.parametrize(
    ("day", "title", "fee", "penalty", "payable", "years"),
    [
        # Fines still in the scale: day-fines alone, by a prosecutor's order.
        ("2022-07-31", ORDER_TITLE, "800 kr", "50 dagsböter à 200 kr = 10 000 kr", "10 800 kr", 5),
        # Fines removed from 6:11: villkorlig dom with day-fines.
        ("2022-08-01", ORDER_TITLE, "800 kr", "Villkorlig dom", "10 800 kr", 10),
        # Advance approval exists, the old fee still applies.
        ("2023-01-31", ADVANCE_TITLE, "800 kr", "Villkorlig dom", "10 800 kr", 10),
        # The 1,000 kr fee.
        ("2023-02-01", ADVANCE_TITLE, "1 000 kr", "Villkorlig dom", "11 000 kr", 10),
    ],
)
def test_form_follows_the_law_of_the_offence_date(
    ctx: Context,
    clock: Clock,
    day: str,
    title: str,
    fee: str,
    penalty: str,
    payable: str,
    years: int,
) -> None:
    moment = datetime.fromisoformat(f"{day}T21:30").replace(tzinfo=CEST)
    case_id, buyer_id = _case_on(ctx, clock, moment)
    pdf = service.approval_pdf(ctx, case_id, buyer_id)
    text = pdfcheck.text(pdf)
    assert title in text
    assert f"Avgift till brottsofferfonden {fee} enligt lagen (1994:419)" in text
    assert penalty in text
    assert "50 dagsböter à 200 kr = 10 000 kr" in text
    assert f"Att betala totalt {payable}" in text
    assert "köp av sexuell tjänst, 6 kap. 11 § brottsbalken" in text
    assert f"Uppgiften tas bort {years} år efter" in text
    # Who decided, who is suspected and how that was established.
    assert "Åklagare Åsa Påhittad" in text and "per telefon" in text
    assert "Kalle Påhittsson" in text and "Personnummer 19811218-9876" in text
    assert "id-kort" in text
    # The act, drafted from the recorded elements: time, place, circumstances.
    assert f"Den {day} omkring kl. 21:30 på Hotell Påhittat, Storgatan 1, rum 312" in text
    assert "Priset angavs till 1 500 kr (annons)" in text
    assert "Den misstänkte" in text and "Underskrift" in text and "Ort och datum" in text
    stamp = service.sources.case_stamp(ctx, case_id)
    assert f"Senaste händelse {stamp.short_hash}" in text and case_id in text
    assert pdfcheck.assert_fonts_embedded(pdf) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_forfeiture_and_seizure_appear(ctx: Context, clock: Clock, operation_id: str) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    text = pdfcheck.text(service.approval_pdf(ctx, recorded.case_id))
    assert "1 500 kr förklaras förverkade: beslagtagna pengar 1 500 kr (beslag 2026-5000-BG17)" in (
        text
    )
    assert "Förhandsgodkännande av strafföreläggande" in text
    assert "Jag erkänner gärningen och godkänner i förväg" in text


def test_description_can_be_replaced_and_long_text_wraps(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    written = "Gärningsbeskrivning skriven av polisen. " + "Mycket lång beskrivning " * 120
    pdf = service.approval_pdf(ctx, recorded.case_id, description=written)
    text = pdfcheck.text(pdf)
    assert "Gärningsbeskrivning skriven av polisen." in text
    assert "träffades en överenskommelse" not in text
    assert pdfcheck.overflowing_runs(pdf) == []


def test_a_very_long_name_wraps(ctx: Context, clock: Clock, operation_id: str) -> None:
    name = "Karl-Johan " + "Påhittssonlångnamnssonexempelbergaholmytterligarenamn" * 2
    recorded = standard_case(ctx, clock, operation_id, buyer={**BUYER, "name": name[:120]})
    pdf = service.approval_pdf(ctx, recorded.case_id)
    assert pdfcheck.overflowing_runs(pdf) == []
    assert "Karl-Johan" in pdfcheck.text(pdf)


def _refusal(ctx: Context, case_id: str, buyer_id: str | None = None) -> InvalidInput:
    with pytest.raises(InvalidInput) as err:
        service.approval_pdf(ctx, case_id, buyer_id)
    return err.value


def test_refused_without_a_decision(ctx: Context, clock: Clock, operation_id: str) -> None:
    case_id = open_hotel_case(ctx, operation_id)
    buyer_id = record_buyer(ctx, clock, case_id, BUYER, decision_data=None)
    err = _refusal(ctx, case_id, buyer_id)
    assert err.field == "decision" and "no decision" in err.message


def test_refused_for_a_decision_that_is_no_summary_order(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    case_id = open_hotel_case(ctx, operation_id)
    prosecution = {**decision("ordinary_prosecution", {}), "sanction": None}
    buyer_id = record_buyer(ctx, clock, case_id, BUYER, decision_data=prosecution, answer=None)
    assert "not a summary penalty order" in _refusal(ctx, case_id, buyer_id).message


def test_refused_for_a_suspect_under_18(ctx: Context, clock: Clock, operation_id: str) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    # The age came to light after the decision: the form must still refuse.
    persons.amend_person(
        ctx,
        recorded.buyer_ids[0],
        {
            "personal_id": None,
            "date_of_birth": "2009-03-01",
            "foreign_id": {"document": "pass", "number": "X1234567", "country": "DE"},
        },
    )
    err = _refusal(ctx, recorded.case_id)
    assert err.field == "decision" and "under 18" in err.message


def test_refused_in_a_child_case(ctx: Context, clock: Clock, operation_id: str) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    assert recorded.seller_id is not None
    persons.amend_person(ctx, recorded.seller_id, {"possibly_minor": True})
    err = _refusal(ctx, recorded.case_id)
    assert "child case" in err.message and "BrB 6:9" in err.message


def test_refused_when_the_law_no_longer_allows_the_sanction(ctx: Context, clock: Clock) -> None:
    # Day-fines alone were lawful on 2022-07-31; the elements are then corrected to the
    # next day, when fines had left the scale: the recorded sanction is no longer allowed.
    moment = datetime(2022, 7, 31, 23, 30, tzinfo=CEST)
    case_id, buyer_id = _case_on(ctx, clock, moment)
    clock.now = datetime(2022, 8, 1, 2, 0, tzinfo=CEST)
    for element in ctx.records.find("element", case_id=case_id):
        evidence.correct_element(ctx, element.entity_id, {"at": "2022-08-01T00:30:00+02:00"})
    err = _refusal(ctx, case_id, buyer_id)
    assert err.field == "sanction" and "day-fines alone are not allowed" in err.message


def test_refused_when_the_case_has_several_buyers_and_none_is_named(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    record_buyer(
        ctx, clock, recorded.case_id, {**BUYER, "name": "Olle Exempel"}, decision_data=None
    )
    assert _refusal(ctx, recorded.case_id).field == "buyer_id"


def test_advance_approval_decision_needs_prosecutor_before_2023(ctx: Context, clock: Clock) -> None:
    moment = datetime(2021, 6, 3, 21, 0, tzinfo=CEST)
    clock.now = moment
    operation = new_operation(ctx, "2021-06-01", "2021-06-05")
    case_id = open_hotel_case(ctx, operation)
    record_seller(ctx, case_id)
    leader = decision(
        "summary_order",
        {"day_fines": 40, "day_fine_amount_sek": 150},
        role="investigation_leader",
    )
    buyer_id = record_buyer(ctx, clock, case_id, BUYER, decision_data=leader)
    assert "only a prosecutor" in _refusal(ctx, case_id, buyer_id).message
    procedure.record_decision(
        ctx,
        case_id,
        buyer_id,
        decision("summary_order", {"day_fines": 40, "day_fine_amount_sek": 150}),
    )
    text = pdfcheck.text(service.approval_pdf(ctx, case_id, buyer_id))
    assert "40 dagsböter à 150 kr = 6 000 kr" in text and "Att betala totalt 6 800 kr" in text
    assert cases.case_view(ctx, case_id).buyer(buyer_id) is not None


def test_the_drafted_description_is_offered_for_editing(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    drafted = service.act_description(ctx, recorded.case_id)
    assert drafted.startswith("Den 2026-05-14 omkring kl. 21:30 på Hotell Påhittat")
    # Completed by the county practice (agreement, price, payment): no sexual act is recorded,
    # so the description must not assert one.
    assert "kom Kalle Påhittsson överens om en tillfällig sexuell förbindelse" in drafted
    assert "skaffade sig" not in drafted
    evidence.record_element(
        ctx, recorded.case_id, recorded.buyer_ids[0], "act_begun", {"source": "observed"}
    )
    drafted = service.act_description(ctx, recorded.case_id)
    assert "skaffade sig Kalle Påhittsson en tillfällig sexuell förbindelse" in drafted
