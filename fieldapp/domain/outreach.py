"""The records of the outreach to hotels and taxi companies, as fields: a directory
company and an information-sheet delivery, with their names and checks. The use cases are
``fieldapp.workflow.directory`` and ``fieldapp.workflow.outreach``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from fieldapp.counties import county_ids, load_county, unknown_county
from fieldapp.domain.common import drop_none, email, not_in_county, phone, web_address
from fieldapp.errors import coded
from fieldapp.validation import Problems, choice, moment, text

COMPANY_ENTITY = "outreach_company"
SHEET_DELIVERY_ENTITY = "sheet_delivery"


class CompanyKind(StrEnum):
    HOTEL = "hotel"
    TAXI = "taxi"
    OTHER = "other"


def clean_sheet_delivery(
    data: Mapping[str, Any], p: Problems, *, now: datetime, officer_id: str
) -> dict[str, Any]:
    """One delivery: the company and its kind, when, by whom, which sheet version.

    The staff member who took the sheet is not recorded by name: the company is what the
    report needs, and a name would be personal data kept for no purpose.
    """
    at = moment(p, data, "delivered_at", required=True, not_after=now)
    return drop_none(
        {
            "company": text(p, data, "company", required=True, max_len=160),
            # The directory entry's id, when the sheet went to one: a renamed company
            # keeps its deliveries (the name is the name it had on the day).
            "company_id": text(p, data, "company_id", max_len=64),
            "kind": choice(p, data, "kind", CompanyKind, required=True),
            "address": text(p, data, "address", max_len=300),
            "municipality": text(p, data, "municipality", max_len=80),
            "delivered_at": at.isoformat() if at else None,
            "delivered_by": text(p, data, "delivered_by", max_len=32) or officer_id,
            "sheet_version": text(p, data, "sheet_version", required=True, max_len=20),
            "copies": _copies(p, data),
            "note": text(p, data, "note", max_len=500),
        }
    )


def _copies(p: Problems, data: Mapping[str, Any]) -> int | None:
    raw = data.get("copies")
    if raw is None:
        return None
    if type(raw) is not int or not 1 <= raw <= 1000:
        p.add(
            "copies",
            coded(
                "out_of_range", "must be a whole number from 1 to 1000.", minimum=1, maximum=1000
            ),
        )
        return None
    return raw


def clean_company(data: Mapping[str, Any], p: Problems) -> dict[str, Any]:
    """A hotel or taxi company: its name, kind, county and municipality, how to reach it.

    No staff member is recorded by name: the company is the police's counterpart.
    """
    county = text(p, data, "county", required=True, max_len=60)
    municipalities: tuple[str, ...] = ()
    if county is not None:
        if county not in county_ids():
            p.add("county", unknown_county())
        else:
            municipalities = load_county(county).municipalities
    municipality = text(p, data, "municipality", max_len=80)
    if municipality and municipalities and municipality not in municipalities:
        p.add("municipality", not_in_county(municipalities))
    return drop_none(
        {
            "name": text(p, data, "name", required=True, max_len=160),
            "kind": choice(p, data, "kind", CompanyKind, required=True),
            "county": county,
            "municipality": municipality,
            "address": text(p, data, "address", max_len=300),
            "phone": phone(p, data, "phone"),
            "email": email(p, data, "email"),
            "web": web_address(p, data, "web"),
            "note": text(p, data, "note", max_len=500),
        }
    )
