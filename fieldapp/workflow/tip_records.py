"""The tip record as ``entities`` checks it: its name, its channels and its cleaner (which
looks up the directory company and the case). The use cases are in ``workflow.tips``."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Protocol

from fieldapp.counties import county_ids, unknown_county
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.common import drop_none
from fieldapp.domain.outreach import COMPANY_ENTITY
from fieldapp.errors import coded
from fieldapp.validation import Problems, choice, moment, text
from fieldapp.workflow.context import Context

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
