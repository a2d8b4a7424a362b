"""The operation's contacts directory and team after creation: amend and remove (a void
with the reason, never a delete), on a real vault. No Qt."""

from __future__ import annotations

from fieldapp.storage.events import read_events
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context
from tests.workflow.conftest import event_count, refused

MEMBER = {
    "officer_id": "T1042",
    "name": "Test Testsson",
    "role": "field_officer",
    "phone": "070-174 06 50",
}


def _kinds(ctx: Context, entity_type: str, entity_id: str) -> list[str]:
    return [e.kind for e in read_events(ctx.session.conn, entity=(entity_type, entity_id))]


def test_a_team_member_is_amended_then_removed_with_a_reason(
    ctx: Context, operation_id: str
) -> None:
    member_id = operations.add_team_member(ctx, operation_id, MEMBER).entity_id

    operations.amend_team_member(ctx, member_id, {"role": "investigator", "phone": None})
    member = ctx.require("team_member", member_id, "id")
    assert (member.get("role"), member.get("phone"), member.get("name")) == (
        "investigator",
        None,
        "Test Testsson",
    )
    same = operations.amend_team_member(ctx, member_id, {"role": "investigator"})
    assert same.events == ()  # nothing differs: no event

    operations.remove_team_member(ctx, member_id, "  Sjuk, ersatt av T1043  ")
    assert member_id not in {m.entity_id for m in operations.team(ctx, operation_id)}
    kept = ctx.records.get("team_member", member_id)
    assert kept is not None and kept.voided  # still in the log, marked void
    assert kept.void_reason == "Sjuk, ersatt av T1043"
    assert _kinds(ctx, "team_member", member_id) == ["create", "amend", "void"]
    assert ctx.session.verify().ok


def test_team_member_refusals_name_the_field_and_store_nothing(
    ctx: Context, operation_id: str
) -> None:
    member_id = operations.add_team_member(ctx, operation_id, MEMBER).entity_id
    before = event_count(ctx)
    err = refused(operations.amend_team_member, ctx, member_id, {"role": "captain"})
    assert err.field == "role"
    err = refused(operations.amend_team_member, ctx, member_id, {"phone": "12"})
    assert err.field == "phone"
    err = refused(operations.remove_team_member, ctx, member_id, "   ")
    assert err.field == "reason"
    contact_id = operations.contacts(ctx, operation_id)[0].entity_id
    err = refused(operations.remove_team_member, ctx, contact_id, "fel")
    assert err.field == "id"  # a contact is not a team member
    assert event_count(ctx) == before

    operations.remove_team_member(ctx, member_id, "Fel person")
    err = refused(operations.amend_team_member, ctx, member_id, {"name": "Ny"})
    assert err.field == "id"  # a removed member cannot be changed
    err = refused(operations.remove_team_member, ctx, member_id, "igen")
    assert err.field == "id"


def test_a_contact_is_amended_then_removed_with_a_reason(ctx: Context, operation_id: str) -> None:
    contact_id = operations.add_contact(
        ctx,
        operation_id,
        {"role": "interpreter", "organisation": "Tolkförmedling Exempel", "phone": "021-10 20 30"},
    ).entity_id
    before = event_count(ctx)
    err = refused(operations.amend_contact, ctx, contact_id, {"phone": None})
    assert err.field == "phone"  # no way left to reach it
    assert event_count(ctx) == before

    operations.amend_contact(ctx, contact_id, {"hours": "dygnet runt", "verified_on": "2026-05-11"})
    contact = ctx.require("contact", contact_id, "id")
    assert (contact.get("hours"), contact.get("verified_on")) == ("dygnet runt", "2026-05-11")

    operations.remove_contact(ctx, contact_id, "Nedlagd")
    assert contact_id not in {c.entity_id for c in operations.contacts(ctx, operation_id)}
    assert _kinds(ctx, "contact", contact_id) == ["create", "amend", "void"]
    assert ctx.session.verify().ok
