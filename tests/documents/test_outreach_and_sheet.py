"""The hotel and taxi sheet (tip line from the county profile) and its delivery log."""

from __future__ import annotations

import pytest

from fieldapp.counties import load_county
from fieldapp.documents import service
from fieldapp.documents.hotel_sheet import build_hotel_sheet
from fieldapp.errors import InvalidInput
from fieldapp.workflow import outreach
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID
from tests.documents import pdfcheck


def test_sheet_tells_how_to_reach_the_police() -> None:
    pdf = build_hotel_sheet(load_county("vastmanland"))
    text = pdfcheck.text(pdf)
    assert "Hjälp polisen mot sexköp och människohandel" in text
    assert "Tecken att vara uppmärksam på" in text
    assert "114 14" in text and "112" in text
    assert "tipsapolisen.vastmanland@polisen.se" in text
    # The brochure's authority (Polismyndigheten i Västmanlands län) ceased in 2015.
    assert "Polismyndigheten i Västmanlands län" not in text and "Box 9" not in text
    assert f"version {outreach.sheet_version()}" in text
    assert "Exempel – kontrollera uppgifterna" in text  # the profile is an example
    assert "Kontaktuppgifterna inte kontrollerade" in text
    assert " hon " not in text  # gender-neutral
    pdfcheck.assert_fonts_embedded(pdf)
    english = pdfcheck.text(build_hotel_sheet(load_county("vastmanland"), "en"))
    assert "How to tell the police" in english
    assert "Around the clock; option 2" in english and "Example – check the details" in english
    for swedish in ("Dygnet", "knappval", "tipsmottagare", "Kontaktuppgifterna", "Exempel"):
        assert swedish not in english
    assert " she " not in english
    with pytest.raises(InvalidInput) as err:
        build_hotel_sheet(load_county("vastmanland"), "th")
    assert "sv, en" in err.value.message


def test_delivery_log_records_company_time_officer_version(ctx: Context, operation_id: str) -> None:
    change = outreach.record_delivery(
        ctx, operation_id, {"company": "Hotell Påhittat", "kind": "hotel", "copies": 3}
    )
    outreach.record_delivery(ctx, operation_id, {"company": "Taxi Exempel AB", "kind": "taxi"})
    log = outreach.deliveries(ctx, operation_id)
    assert [d.get("company") for d in log] == ["Hotell Påhittat", "Taxi Exempel AB"]
    first = log[0]
    assert first.entity_id == change.entity_id
    assert first.get("delivered_by") == ADMIN_ID
    assert first.get("sheet_version") == outreach.sheet_version()
    assert first.get("delivered_at") == ctx.now().isoformat()
    outreach.withdraw_delivery(ctx, change.entity_id, "fel hotell")
    assert len(outreach.deliveries(ctx, operation_id)) == 1


def test_delivery_refusals_name_the_fields(ctx: Context, operation_id: str) -> None:
    with pytest.raises(InvalidInput) as err:
        outreach.record_delivery(ctx, operation_id, {"kind": "boat", "copies": 0})
    assert {f for f, _ in err.value.problems} == {"company", "kind", "copies"}
    with pytest.raises(InvalidInput) as err:
        outreach.record_delivery(ctx, "no-such-operation", {"company": "X", "kind": "hotel"})
    assert err.value.field == "operation_id"


def test_sheet_for_the_operation_uses_its_county(ctx: Context, operation_id: str) -> None:
    text = pdfcheck.text(service.hotel_sheet_pdf(ctx, operation_id))
    assert "Västmanlands län" in text
