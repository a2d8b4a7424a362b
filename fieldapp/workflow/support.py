"""Use case: support offered to the seller or a buyer, and the outcome."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.domain.support import SUPPORT_ENTITY
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context


def record_support_offer(
    ctx: Context, case_id: str, person_id: str, data: Mapping[str, Any]
) -> Change:
    values = {
        "offered_at": ctx.now().isoformat(),
        "offered_by": ctx.officer_id,
        **data,
        "person_id": person_id,
    }
    case = ctx.require("case", case_id, "case_id")
    return entities.create(
        ctx, SUPPORT_ENTITY, values, case_id=case_id, operation_id=case.operation_id
    )


def amend_support_offer(ctx: Context, offer_id: str, changes: Mapping[str, Any]) -> Change:
    return entities.amend(ctx, SUPPORT_ENTITY, offer_id, changes)
