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
from typing import Any

from fieldapp.storage.records import Record
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.directory import COMPANY_ENTITY
from fieldapp.workflow.tip_records import TIP_ENTITY as TIP_ENTITY
from fieldapp.workflow.tip_records import TipChannel as TipChannel
from fieldapp.workflow.tip_records import clean_tip as clean_tip


def record_tip(ctx: Context, data: Mapping[str, Any]) -> Change:
    """Log a tip; the time defaults to now, the receiver to the officer logged in, the
    county to the directory company's."""
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
    return entities.amend(ctx, TIP_ENTITY, tip_id, {"case_id": case_id})


def withdraw_tip(ctx: Context, tip_id: str, reason: str) -> Change:
    """Withdraw a tip logged by mistake (twice, or in the wrong county) with a reason: a
    void event, so the log keeps it and the lists and the report no longer count it."""
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
