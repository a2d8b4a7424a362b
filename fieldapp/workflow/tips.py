"""Tips received from hotels, taxi companies and others: when, from whom, what, and the case
it led to. The brochure's lesson was that informed hotels began to tip the police; the
report shows it with ``tip_report.outreach_effect``.

A tip belongs to its county (the directory company's, or given), not to an operation:
most arrive after the operation weeks. Who at the company called is not recorded; the
company is the source the report needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from fieldapp.counties import county_ids, unknown_county
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.common import drop_none
from fieldapp.errors import coded
from fieldapp.storage.records import Record
from fieldapp.validation import Problems, choice, moment, text
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.directory import COMPANY_ENTITY

TIP_ENTITY = "tip"


class TipChannel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    IN_PERSON = "in_person"
    WEB = "web"
    OTHER = "other"


class _Scope(Protocol):
    @property
    def operation_id(self) -> str | None: ...


def clean_tip(ctx: Context, data: Mapping[str, Any], p: Problems, _: _Scope) -> dict[str, Any]:
    """A tip: when it came, from which directory company (or who else), what it said, by
    which channel, and the case it is linked to, if any."""
    at = moment(p, data, "received_at", required=True, not_after=ctx.latest_allowed())
    company_id = text(p, data, "company_id", max_len=64)
    source = text(p, data, "source", max_len=160)  # e.g. "anonym", when not in the directory
    if company_id is None and source is None and not p:
        p.add(
            "company_id",
            coded(
                "tip_source_required", "required: the directory company, or who else gave the tip."
            ),
        )
    county = text(p, data, "county", required=True, max_len=60)
    if county is not None and county not in county_ids():
        p.add("county", unknown_county())
    if company_id is not None:
        company = ctx.records.get(COMPANY_ENTITY, company_id)
        if company is None or company.voided:
            p.add("company_id", coded("no_such_company", "no such company in the directory."))
        elif county is not None and company.get("county") != county:
            p.add(
                "company_id",
                coded("company_other_county", "the company is in another county's directory."),
            )
    case_id = text(p, data, "case_id", max_len=64)
    if case_id is not None:
        case = ctx.records.get(CASE_ENTITY, case_id)
        if case is None or case.voided:
            p.add("case_id", coded("no_such_case", "no such case."))
    return drop_none(
        {
            "received_at": at.isoformat() if at else None,
            "company_id": company_id,
            "source": source,
            "county": county,
            "channel": choice(p, data, "channel", TipChannel),
            "what": text(p, data, "what", required=True),
            "case_id": case_id,
            "received_by": text(p, data, "received_by", max_len=32) or ctx.officer_id,
        }
    )


def record_tip(ctx: Context, data: Mapping[str, Any]) -> Change:
    """Log a tip; the time defaults to now, the receiver to the officer logged in, the
    county to the directory company's."""
    from fieldapp.workflow import entities  # entities registers this module's cleaner

    values: dict[str, Any] = {
        "received_at": ctx.now().isoformat(),
        "received_by": ctx.officer_id,
        **data,
    }
    company_id = values.get("company_id")
    if company_id and not values.get("county"):
        company = ctx.records.get(COMPANY_ENTITY, str(company_id))
        if company is not None:
            values["county"] = company.get("county")
    return entities.create(ctx, TIP_ENTITY, values)


def link_tip_to_case(ctx: Context, tip_id: str, case_id: str | None) -> Change:
    """Tie a tip to the case it led to (``None`` unties it)."""
    from fieldapp.workflow import entities

    return entities.amend(ctx, TIP_ENTITY, tip_id, {"case_id": case_id})


def withdraw_tip(ctx: Context, tip_id: str, reason: str) -> Change:
    from fieldapp.workflow import entities

    return entities.void(ctx, TIP_ENTITY, tip_id, reason)


def tips(ctx: Context, county: str | None = None, *, company_id: str | None = None) -> list[Record]:
    """Tips, oldest first, for a county and/or one company."""
    found = [
        t
        for t in ctx.records.find(TIP_ENTITY)
        if (county is None or t.get("county") == county)
        and (company_id is None or t.get("company_id") == company_id)
    ]
    return sorted(found, key=lambda t: datetime.fromisoformat(str(t.get("received_at"))))
