"""Amend events built the way ``entities.amend`` builds them, but returned rather than
committed, so that a use case can commit several in one transaction (an ad and its case,
when they are linked) or add captured files to one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fieldapp.ads.model import AD_CLEANERS
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.storage.events import Draft
from fieldapp.storage.records import Record, amend_draft
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.entities import Placement


def amend_checked(ctx: Context, record: Record, changes: Mapping[str, Any]) -> Draft | None:
    """The checked amend event of ``record`` (``None`` clears a field), or ``None`` when
    nothing would change. The whole resulting record is checked, as ``entities`` does."""
    merged = {k: v for k, v in {**record.data, **changes}.items() if v is not None}
    # A case's placement is its operation only (it is not placed in itself).
    case_id = None if record.entity_type == CASE_ENTITY else record.case_id
    cleaned = entities.clean(
        ctx,
        record.entity_type,
        merged,
        Placement(record.operation_id, case_id),
        cleaner=AD_CLEANERS.get(record.entity_type),
    )
    changed = {k: v for k, v in cleaned.items() if record.data.get(k) != v}
    removed = [k for k in record.data if k not in cleaned]
    if not changed and not removed:
        return None
    return amend_draft(record, changed, removed)


def commit_drafts(
    ctx: Context, entity_type: str, entity_id: str, drafts: Sequence[Draft | None]
) -> Change:
    """Commit the drafts that change something, in one transaction."""
    real = [d for d in drafts if d is not None]
    if not real:
        return Change(entity_type, entity_id)
    return ctx.describe(entity_type, entity_id, ctx.commit(real))
