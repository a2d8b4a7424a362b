"""Use cases for a case: open it, note observations, tick the checklist, close it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY, CaseStatus
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record
from fieldapp.workflow import entities
from fieldapp.workflow.case_view import TICK_ENTITY, CaseView, load_case_view, operation_ticks
from fieldapp.workflow.checklist import ItemState, checklist_state, open_blocking
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.operations import operation_group


def open_case(ctx: Context, operation_id: str, data: Mapping[str, Any]) -> Change:
    """A new raid location; the time defaults to now and the logged-in officer is present."""
    values = {"start": ctx.now().isoformat(), **data, "status": CaseStatus.OPEN.value}
    present = list(values.get("officers_present") or [])
    if ctx.officer_id not in present:
        values["officers_present"] = [*present, ctx.officer_id]
    return entities.create(ctx, CASE_ENTITY, values, operation_id=operation_id)


def amend_case(ctx: Context, case_id: str, changes: Mapping[str, Any]) -> Change:
    if "status" in changes:
        raise InvalidInput(
            coded("status_by_actions", "Status: use close, reopen or transfer to change it."),
            field="status",
        )
    _require_open(ctx, case_id)
    return entities.amend(ctx, CASE_ENTITY, case_id, changes)


def add_observation(ctx: Context, case_id: str, text: str, at: str | None = None) -> Change:
    """The quick note: a timestamped line on the case's timeline."""
    data = {"text": text, "at": at or ctx.now().isoformat()}
    return entities.create(
        ctx, OBSERVATION_ENTITY, data, case_id=case_id, operation_id=_op(ctx, case_id)
    )


def case_view(ctx: Context, case_id: str) -> CaseView:
    return load_case_view(ctx.records, case_id, ctx.completion_rule)


def checklist(ctx: Context, case_id: str) -> list[ItemState]:
    view = case_view(ctx, case_id)
    return checklist_state(view, operation_ticks(ctx.records, view.case.operation_id))


def tick(
    ctx: Context,
    case_id: str,
    item_id: str,
    *,
    subject_id: str | None = None,
    note: str | None = None,
) -> Change:
    """Tick an item by hand (who and when are the event's). Ticking twice changes nothing."""
    existing = _tick_record(ctx, case_id, item_id, subject_id)
    if existing is not None:
        return Change(TICK_ENTITY, existing.entity_id)
    data = {"item_id": item_id, "subject_id": subject_id, "note": note}
    return entities.create(
        ctx,
        TICK_ENTITY,
        {k: v for k, v in data.items() if v},
        case_id=case_id,
        operation_id=_op(ctx, case_id),
    )


def untick(
    ctx: Context,
    case_id: str,
    item_id: str,
    *,
    subject_id: str | None = None,
    reason: str = "ticked by mistake",
) -> Change:
    existing = _tick_record(ctx, case_id, item_id, subject_id)
    if existing is None:
        return Change(TICK_ENTITY, item_id)
    return entities.void(ctx, TICK_ENTITY, existing.entity_id, reason)


def tick_operation_item(
    ctx: Context, operation_id: str, item_id: str, note: str | None = None
) -> Change:
    for t in ctx.records.find(TICK_ENTITY, operation_id=operation_id):
        if t.case_id is None and t.get("item_id") == item_id:
            return Change(TICK_ENTITY, t.entity_id)
    data = {"item_id": item_id, "note": note} if note else {"item_id": item_id}
    return entities.create(ctx, TICK_ENTITY, data, operation_id=operation_id)


def close_case(ctx: Context, case_id: str) -> Change:
    """Close the case; refused while a mandatory item that applies is open, with the list."""
    _require_open(ctx, case_id)
    missing = open_blocking(checklist(ctx, case_id))
    if missing:
        problems = tuple(
            (
                f"checklist.{s.item.id}" + (f"[{s.subject_id}]" if s.subject_id else ""),
                coded("checklist_open", s.item.text_en, item=s.item.id),
            )
            for s in missing
        )
        listing = "; ".join(text for _, text in problems)
        raise InvalidInput(
            f"Checklist: {len(missing)} mandatory item(s) still open: {listing}.",
            field="checklist",
            problems=problems,
        )
    return entities.amend(ctx, CASE_ENTITY, case_id, {"status": CaseStatus.CLOSED.value})


def reopen_case(ctx: Context, case_id: str) -> Change:
    return entities.amend(
        ctx, CASE_ENTITY, case_id, {"status": CaseStatus.OPEN.value, "transferred_to": None}
    )


def transfer_case(ctx: Context, case_id: str, to: str) -> Change:
    """Hand the case over (to another unit, e.g. trafficking investigators)."""
    _require_open(ctx, case_id)
    return entities.amend(
        ctx, CASE_ENTITY, case_id, {"status": CaseStatus.TRANSFERRED.value, "transferred_to": to}
    )


def cases(ctx: Context, operation_id: str) -> list[Record]:
    """Every case of the operation, from every laptop whose copy is linked into it."""
    return [
        case
        for op in operation_group(ctx, operation_id)
        for case in ctx.records.find(CASE_ENTITY, operation_id=op)
    ]


def _require_open(ctx: Context, case_id: str) -> Record:
    case = ctx.require(CASE_ENTITY, case_id, "case_id")
    if case.get("status") != CaseStatus.OPEN.value:
        status = case.get("status")
        raise InvalidInput(
            coded("case_not_open", f"Case: {status}; reopen it to change it.", status=status),
            field="case_id",
        )
    return case


def _op(ctx: Context, case_id: str) -> str | None:
    return ctx.require(CASE_ENTITY, case_id, "case_id").operation_id


def _tick_record(ctx: Context, case_id: str, item_id: str, subject_id: str | None) -> Record | None:
    for t in ctx.records.find(TICK_ENTITY, case_id=case_id):
        if t.get("item_id") == item_id and t.get("subject_id") == subject_id:
            return t
    return None
