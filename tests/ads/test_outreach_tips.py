"""Hotel and taxi outreach: the county directory, sheet deliveries from it (through the
existing delivery log), tips received, and whether informed hotels began to tip."""

from __future__ import annotations

from datetime import datetime

import pytest

from fieldapp.errors import InvalidInput
from fieldapp.workflow import directory, outreach, tips
from fieldapp.workflow.context import Context
from fieldapp.workflow.tip_report import outreach_effect
from tests.ads.conftest import CET_SUMMER, Clock

COUNTY = "vastmanland"


def _company(ctx: Context, name: str, kind: str = "hotel", **extra: str) -> str:
    data = {"name": name, "kind": kind, "county": COUNTY, "municipality": "Västerås", **extra}
    return directory.add_company(ctx, data).entity_id


def test_directory_entries_are_checked(ctx: Context) -> None:
    hotel = _company(ctx, "Hotell Påhittat", phone="021-12 34 56", address="Storgatan 1")
    record = ctx.require(directory.COMPANY_ENTITY, hotel, "id")
    assert record.get("phone") == "+4621123456" and record.operation_id is None
    with pytest.raises(InvalidInput) as err:
        _company(ctx, "  hotell   PÅHITTAT ")
    assert err.value.field == "name"  # the same company twice would split its tips
    _company(ctx, "Hotell Påhittat", kind="taxi")  # another kind: another company
    with pytest.raises(InvalidInput) as err:
        directory.add_company(
            ctx, {"name": "X", "kind": "boat", "county": "atlantis", "email": "nej"}
        )
    assert {f for f, _ in err.value.problems} == {"kind", "county", "email"}
    with pytest.raises(InvalidInput) as err:
        _company(ctx, "Hotell Uppsala", municipality="Uppsala")
    assert err.value.field == "municipality"
    assert [c.get("name") for c in directory.companies(ctx, COUNTY, "hotel")] == ["Hotell Påhittat"]
    assert directory.hotel_names(ctx, COUNTY) == ["Hotell Påhittat"]


def test_delivery_from_the_directory_uses_the_delivery_log(ctx: Context, operation_id: str) -> None:
    hotel = _company(ctx, "Hotell Påhittat", address="Storgatan 1")
    change = directory.deliver_sheet(ctx, operation_id, hotel, {"copies": 5})
    (delivery,) = outreach.deliveries(ctx, operation_id)
    assert delivery.entity_id == change.entity_id
    assert delivery.get("company") == "Hotell Påhittat" and delivery.get("kind") == "hotel"
    assert delivery.get("address") == "Storgatan 1" and delivery.get("copies") == 5
    assert delivery.get("sheet_version") == outreach.sheet_version()


def test_tips_are_checked_and_listed(ctx: Context, case_id: str, clock: Clock) -> None:
    hotel = _company(ctx, "Hotell Påhittat")
    change = tips.record_tip(
        ctx, {"company_id": hotel, "channel": "phone", "what": "Många besökare till rum 214."}
    )
    tip = ctx.require(tips.TIP_ENTITY, change.entity_id, "id")
    assert tip.get("county") == COUNTY and tip.get("received_at") == ctx.now().isoformat()
    tips.link_tip_to_case(ctx, change.entity_id, case_id)
    assert ctx.require(tips.TIP_ENTITY, change.entity_id, "id").get("case_id") == case_id
    tips.record_tip(ctx, {"source": "anonym", "county": COUNTY, "what": "Bil väntar utanför."})
    assert len(tips.tips(ctx, COUNTY)) == 2 and len(tips.tips(ctx, company_id=hotel)) == 1
    with pytest.raises(InvalidInput) as err:
        tips.record_tip(ctx, {"county": COUNTY, "what": ""})
    assert {f for f, _ in err.value.problems} == {"company_id", "what"}
    with pytest.raises(InvalidInput) as err:
        tips.record_tip(
            ctx, {"company_id": "nope", "county": COUNTY, "what": "x", "case_id": "nope"}
        )
    assert {f for f, _ in err.value.problems} == {"company_id", "case_id"}
    with pytest.raises(InvalidInput) as err:
        tips.record_tip(ctx, {"source": "x", "county": COUNTY, "what": "x",
                              "received_at": "2027-01-01T10:00:00+01:00"})  # fmt: skip
    assert err.value.field == "received_at"


def test_informed_hotels_begin_to_tip(ctx: Context, operation_id: str, clock: Clock) -> None:
    informed = _company(ctx, "Hotell Påhittat")
    silent = _company(ctx, "Stadshotellet Exempel")
    never = _company(ctx, "Pensionat Prov")
    taxi = _company(ctx, "Taxi Exempel AB", kind="taxi")

    def tip(company: str, when: datetime) -> None:
        tips.record_tip(ctx, {"company_id": company, "what": "Misstänkt sexköp.",
                              "received_at": when.isoformat()})  # fmt: skip

    tip(informed, datetime(2026, 5, 1, 22, 0, tzinfo=CET_SUMMER))  # before the sheet
    clock.now = datetime(2026, 5, 11, 10, 0, tzinfo=CET_SUMMER)
    for company in (informed, silent, taxi):
        directory.deliver_sheet(ctx, operation_id, company)
    outreach.record_delivery(ctx, operation_id, {"company": "Hotel Felstavat", "kind": "hotel"})
    clock.now = datetime(2026, 6, 20, 23, 0, tzinfo=CET_SUMMER)
    tip(informed, datetime(2026, 5, 30, 1, 15, tzinfo=CET_SUMMER))
    tip(informed, datetime(2026, 6, 19, 23, 40, tzinfo=CET_SUMMER))
    tip(never, datetime(2026, 6, 2, 21, 0, tzinfo=CET_SUMMER))
    tips.record_tip(ctx, {"source": "allmänheten", "county": COUNTY, "what": "Annons."})

    effect = outreach_effect(ctx, COUNTY)
    rows = {c.company_id: c for c in effect.companies}
    assert (rows[informed].tips_before, rows[informed].tips_after) == (1, 2)
    assert rows[informed].first_informed == datetime(2026, 5, 11, 10, 0, tzinfo=CET_SUMMER)
    assert rows[informed].first_tip_after == datetime(2026, 5, 30, 1, 15, tzinfo=CET_SUMMER)
    assert (rows[silent].informed, rows[silent].tips_after) == (True, 0)
    assert (rows[never].informed, rows[never].tips_before) == (False, 1)
    assert [c.name for c in effect.informed("hotel")] == [
        "Hotell Påhittat",
        "Stadshotellet Exempel",
    ]
    assert [c.company_id for c in effect.informed_then_tipped()] == [informed]
    assert effect.tips_total == 5 and effect.tips_not_from_directory == 1
    assert effect.tips_after_informing == 2 and effect.tips_before_or_uninformed == 2
    assert [d.get("company") for d in effect.unmatched_deliveries] == ["Hotel Felstavat"]
    assert outreach_effect(ctx, COUNTY, operation_ids=[]).informed() == []
