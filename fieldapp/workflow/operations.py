"""Use cases for the operation: create it, its team, its contacts directory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.counties import load_county
from fieldapp.domain.operation import CONTACT_ENTITY, OPERATION_ENTITY, TEAM_ENTITY
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record, create_draft
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.entities import Placement


def create_operation(
    ctx: Context, data: Mapping[str, Any], *, with_county_contacts: bool = True
) -> Change:
    """A new operation; its county profile's contacts are copied into its directory, so
    the team can verify and adjust them for this operation."""
    cleaned = entities.clean(ctx, OPERATION_ENTITY, data, Placement())
    operation = create_draft(OPERATION_ENTITY, cleaned)
    drafts = [operation]
    county = cleaned.get("county")
    if with_county_contacts and county:
        placement = Placement(operation_id=operation.entity_id)
        for contact in load_county(county).contacts:
            drafts.append(
                create_draft(
                    CONTACT_ENTITY,
                    entities.clean_for_new(ctx, CONTACT_ENTITY, contact, placement),
                    operation_id=operation.entity_id,
                )
            )
    return ctx.change(drafts)


def amend_operation(ctx: Context, operation_id: str, changes: Mapping[str, Any]) -> Change:
    return entities.amend(ctx, OPERATION_ENTITY, operation_id, changes)


def add_contact(ctx: Context, operation_id: str, data: Mapping[str, Any]) -> Change:
    return entities.create(ctx, CONTACT_ENTITY, data, operation_id=operation_id)


def amend_contact(ctx: Context, contact_id: str, changes: Mapping[str, Any]) -> Change:
    return entities.amend(ctx, CONTACT_ENTITY, contact_id, changes)


def remove_contact(ctx: Context, contact_id: str, reason: str) -> Change:
    return entities.void(ctx, CONTACT_ENTITY, contact_id, reason)


def add_team_member(ctx: Context, operation_id: str, data: Mapping[str, Any]) -> Change:
    return entities.create(ctx, TEAM_ENTITY, data, operation_id=operation_id)


def amend_team_member(ctx: Context, member_id: str, changes: Mapping[str, Any]) -> Change:
    return entities.amend(ctx, TEAM_ENTITY, member_id, changes)


def remove_team_member(ctx: Context, member_id: str, reason: str) -> Change:
    """Off the team: the member is voided with the reason (the log keeps who was on it)."""
    return entities.void(ctx, TEAM_ENTITY, member_id, reason)


def operations(ctx: Context) -> list[Record]:
    """The operations, without the copies linked into another one (at the station)."""
    return [o for o in ctx.records.find(OPERATION_ENTITY) if not o.get("same_as")]


def link_operations(ctx: Context, into: str, others: list[str]) -> list[Change]:
    """At the station: each laptop set up its own copy of the operation; declare them one,
    so cases, reports and counts span every laptop. Each link is an event."""
    target = ctx.require(OPERATION_ENTITY, into, "into")
    if target.get("same_as"):
        raise InvalidInput(
            coded(
                "operation_linked_elsewhere", "Into: that operation is itself linked into another."
            ),
            field="into",
        )
    changes = []
    for other in others:
        if other == into:
            continue
        changes.append(amend_operation(ctx, other, {"same_as": into}))
    return changes


def unlink_operation(ctx: Context, operation_id: str) -> Change:
    """Undo a link: the laptop's copy stands alone again. An event of its own; the link
    stays in the log."""
    copy = ctx.require(OPERATION_ENTITY, operation_id, "operation_id")
    if not copy.get("same_as"):
        reason = coded("operation_not_linked", "that operation is not linked into another.")
        raise InvalidInput(
            f"Operation: {reason}", field="operation_id", problems=(("operation_id", reason),)
        )
    return amend_operation(ctx, operation_id, {"same_as": None})


def linked_copies(ctx: Context) -> list[Record]:
    """The laptops' copies linked into another operation (at the station)."""
    return [o for o in ctx.records.find(OPERATION_ENTITY) if o.get("same_as")]


def suggested_links(ctx: Context) -> list[tuple[str, list[str]]]:
    """Operations set up on several laptops under the same name and period, not yet
    linked: (the one to keep, the copies to link into it), for a person to confirm. The
    one kept is the one set up first."""
    groups: dict[tuple[str, str, str], list[Record]] = {}
    for operation in operations(ctx):
        name = " ".join(str(operation.get("name") or "").split()).casefold()
        if name:
            key = (name, str(operation.get("start")), str(operation.get("end")))
            groups.setdefault(key, []).append(operation)
    return [
        (same[0].entity_id, [o.entity_id for o in same[1:]])
        for same in groups.values()
        if len(same) > 1
    ]


def operation_group(ctx: Context, operation_id: str) -> list[str]:
    """The operation and every laptop copy linked into it."""
    linked = [
        o.entity_id for o in ctx.records.find(OPERATION_ENTITY) if o.get("same_as") == operation_id
    ]
    return [operation_id, *linked]


def contacts(ctx: Context, operation_id: str) -> list[Record]:
    return ctx.records.find(CONTACT_ENTITY, operation_id=operation_id)


def team(ctx: Context, operation_id: str) -> list[Record]:
    return ctx.records.find(TEAM_ENTITY, operation_id=operation_id)
