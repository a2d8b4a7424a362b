"""Correcting and removing a directory company and withdrawing a tip (the core the outreach
and tips tabs call): the same checks as adding, a reason for each removal, history kept."""

from __future__ import annotations

import pytest

from fieldapp.errors import InvalidInput
from fieldapp.workflow import directory, outreach, tips
from fieldapp.workflow.context import Context
from fieldapp.workflow.tip_report import outreach_effect
from tests.workflow.conftest import refused

COUNTY = "vastmanland"


def _company(ctx: Context, name: str, kind: str = "hotel") -> str:
    data = {"name": name, "kind": kind, "county": COUNTY, "municipality": "Västerås"}
    return directory.add_company(ctx, data).entity_id


def test_a_correction_is_checked_as_a_new_entry_is(ctx: Context) -> None:
    hotel = _company(ctx, "Hotell Tallkotten")
    other = _company(ctx, "Pensionat Vitsippan")
    directory.amend_company(ctx, hotel, {"phone": "021-12 34 56", "address": "Storgatan 1"})
    stored = ctx.require(directory.COMPANY_ENTITY, hotel, "id")
    assert stored.get("phone") == "+4621123456" and stored.get("address") == "Storgatan 1"
    # Another entry's name (spelt another way) would split its tips in two.
    err = refused(directory.amend_company, ctx, other, {"name": " hotell  TALLKOTTEN"})
    assert err.field == "name" and err.problems[0][1].code == "company_listed"
    # Its own name again, or the same name as another kind of company, is no clash.
    directory.amend_company(ctx, hotel, {"name": "HOTELL Tallkotten"})
    directory.amend_company(ctx, other, {"name": "Hotell Tallkotten", "kind": "taxi"})
    err = refused(directory.amend_company, ctx, hotel, {"municipality": "Uppsala"})
    assert err.field == "municipality"  # the cleaner's checks run on a correction too
    directory.amend_company(ctx, hotel, {"phone": None})  # None clears a field
    assert ctx.require(directory.COMPANY_ENTITY, hotel, "id").get("phone") is None


def test_removing_a_company_needs_a_reason_and_keeps_its_history(ctx: Context) -> None:
    hotel = _company(ctx, "Hotell Tallkotten")
    tip = tips.record_tip(ctx, {"company_id": hotel, "what": "Rum 12, många besök."}).entity_id
    err = refused(directory.remove_company, ctx, hotel, "  ")
    assert err.field == "reason"
    directory.remove_company(ctx, hotel, "Stängt sedan mars.")
    assert directory.companies(ctx, COUNTY) == []
    removed = ctx.records.get(directory.COMPANY_ENTITY, hotel)
    assert removed is not None and removed.get("name") == "Hotell Tallkotten"  # history stays
    events = [e for e in ctx.session.events() if e.entity_id == hotel]
    assert [e.kind for e in events] == ["create", "void"]
    assert events[-1].data.get("reason") == "Stängt sedan mars."
    # Its tip stays, naming it; the name may be listed anew.
    assert [t.entity_id for t in tips.tips(ctx, COUNTY)] == [tip]
    _company(ctx, "Hotell Tallkotten")


def test_a_withdrawn_tip_leaves_the_list_and_the_report(ctx: Context) -> None:
    hotel = _company(ctx, "Hotell Tallkotten")
    kept = tips.record_tip(ctx, {"company_id": hotel, "what": "Rum 12."}).entity_id
    twice = tips.record_tip(ctx, {"company_id": hotel, "what": "Rum 12."}).entity_id
    assert outreach_effect(ctx, COUNTY).companies[0].tips_before == 2
    with pytest.raises(InvalidInput) as err:
        tips.withdraw_tip(ctx, twice, "")
    assert err.value.field == "reason"
    tips.withdraw_tip(ctx, twice, "Samma tips inlagt två gånger.")
    assert [t.entity_id for t in tips.tips(ctx, COUNTY)] == [kept]
    assert outreach_effect(ctx, COUNTY).companies[0].tips_before == 1
    events = [e for e in ctx.session.events() if e.entity_id == twice]
    assert [e.kind for e in events] == ["create", "void"]


def test_a_renamed_company_keeps_its_deliveries(ctx: Context, operation_id: str) -> None:
    hotel = _company(ctx, "Hotell Tallkotten")
    directory.deliver_sheet(ctx, operation_id, hotel, {"copies": 2})
    directory.amend_company(ctx, hotel, {"name": "Hotell Kottebo"})
    # one typed in by hand, under the new name: matched by kind and name
    outreach.record_delivery(ctx, operation_id, {"company": "hotell  KOTTEBO", "kind": "hotel"})

    effect = outreach_effect(ctx, COUNTY)
    [row] = [c for c in effect.companies if c.company_id == hotel]
    assert (row.name, row.deliveries) == ("Hotell Kottebo", 2)
    assert row.first_informed is not None and not effect.unmatched_deliveries
    first = outreach.deliveries(ctx, operation_id)[0]
    assert (first.get("company"), first.get("company_id")) == ("Hotell Tallkotten", hotel)
