"""Outreach before and during an operation: the information sheet handed to hotel and taxi
staff, and the delivery log of who got it (which company, when, from which officer, which
version of the sheet). The operation report counts the companies informed from this log.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

from fieldapp.domain.outreach import SHEET_DELIVERY_ENTITY as SHEET_DELIVERY_ENTITY
from fieldapp.domain.outreach import CompanyKind as CompanyKind
from fieldapp.paths import resource
from fieldapp.storage.records import Record
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context


@cache
def sheet_texts() -> dict[str, Any]:
    """The sheet's texts and version (``resources/sheets/hotel_taxi.toml``)."""
    return tomllib.loads(resource("sheets", "hotel_taxi.toml").read_text("utf-8"))


def sheet_version() -> str:
    """The version printed on today's sheet, logged with each delivery."""
    return str(sheet_texts()["version"])


def record_delivery(ctx: Context, operation_id: str, data: Mapping[str, Any]) -> Change:
    """Log that a company got the sheet; time defaults to now, the officer to the one
    logged in, the version to the sheet the app prints today."""
    values = {
        "delivered_at": ctx.now().isoformat(),
        "delivered_by": ctx.officer_id,
        "sheet_version": sheet_version(),
        **data,
    }
    return entities.create(ctx, SHEET_DELIVERY_ENTITY, values, operation_id=operation_id)


def withdraw_delivery(ctx: Context, delivery_id: str, reason: str) -> Change:
    return entities.void(ctx, SHEET_DELIVERY_ENTITY, delivery_id, reason)


def deliveries(ctx: Context, operation_id: str) -> list[Record]:
    """The operation's delivery log, oldest first."""
    found = ctx.records.find(SHEET_DELIVERY_ENTITY, operation_id=operation_id)
    return sorted(found, key=lambda r: str(r.get("delivered_at")))
