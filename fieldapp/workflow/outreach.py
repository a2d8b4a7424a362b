"""Outreach before and during an operation: the information sheet handed to hotel and taxi
staff, and the delivery log of who got it (which company, when, from which officer, which
version of the sheet). The operation report counts the companies informed from this log.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from fieldapp.domain.common import drop_none
from fieldapp.errors import coded
from fieldapp.paths import resource
from fieldapp.storage.records import Record
from fieldapp.validation import Problems, choice, moment, text
from fieldapp.workflow.context import Change, Context

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


@cache
def sheet_texts() -> dict[str, Any]:
    """The sheet's texts and version (``resources/sheets/hotel_taxi.toml``)."""
    return tomllib.loads(resource("sheets", "hotel_taxi.toml").read_text("utf-8"))


def sheet_version() -> str:
    """The version printed on today's sheet, logged with each delivery."""
    return str(sheet_texts()["version"])


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


def record_delivery(ctx: Context, operation_id: str, data: Mapping[str, Any]) -> Change:
    """Log that a company got the sheet; time defaults to now, the officer to the one
    logged in, the version to the sheet the app prints today."""
    # Imported here: ``entities`` registers this module's cleaner, so a top-level import
    # would be circular.
    from fieldapp.workflow import entities

    values = {
        "delivered_at": ctx.now().isoformat(),
        "delivered_by": ctx.officer_id,
        "sheet_version": sheet_version(),
        **data,
    }
    return entities.create(ctx, SHEET_DELIVERY_ENTITY, values, operation_id=operation_id)


def withdraw_delivery(ctx: Context, delivery_id: str, reason: str) -> Change:
    from fieldapp.workflow import entities

    return entities.void(ctx, SHEET_DELIVERY_ENTITY, delivery_id, reason)


def deliveries(ctx: Context, operation_id: str) -> list[Record]:
    """The operation's delivery log, oldest first."""
    found = ctx.records.find(SHEET_DELIVERY_ENTITY, operation_id=operation_id)
    return sorted(found, key=lambda r: str(r.get("delivered_at")))
