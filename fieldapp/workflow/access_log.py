"""The access log for administrators: who opened which person's record (or an ad's file, or
the vault), when, and why, by person, case, officer and date. Brottsdatalagen asks that
access be logged and followed up; listing the log is itself an access, and is logged.

At a station the log holds the laptops' accesses too (they travel in the bundles)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from fieldapp.errors import InvalidInput, NotPermitted, coded
from fieldapp.storage.events import Draft, Event, read_events
from fieldapp.storage.session import VAULT_ENTITY
from fieldapp.workflow.context import Context

LIST_ACTION = "list_access_log"


@dataclass(frozen=True)
class Access:
    """One access event, with what a reader needs to follow it up."""

    event_id: str
    wall_time: str  # UTC, ISO
    officer_id: str
    officer_name: str  # as enrolled on the device it was made on ("" if unknown)
    device_id: str
    entity_type: str  # person, ad, vault …
    entity_id: str
    case_id: str | None  # the case of the record opened, if it belongs to one
    role: str | None  # a person's role (buyer, seller, witness)
    action: str  # open, unlock, failed_unlocks, list_access_log …
    purpose: str | None


@dataclass(frozen=True)
class AccessFilter:
    case_id: str | None = None
    person_id: str | None = None
    officer_id: str | None = None
    since: date | None = None  # local dates, both included
    until: date | None = None


def parse_day(text: str, field: str) -> date:
    """A date typed as YYYY-MM-DD, or a refusal naming ``field``."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        reason = coded("date_format", "a date as YYYY-MM-DD.")
        raise InvalidInput(f"{field}: {reason}", field=field, problems=((field, reason),)) from None


def utc_bounds(wanted: AccessFilter) -> tuple[str | None, str | None]:
    """The filter's local days as UTC wall-time bounds (``since`` inclusive, ``until``
    through the end of its day)."""
    zone = datetime.now().astimezone().tzinfo

    def at(day: date) -> str:
        return datetime.combine(day, time(), zone).astimezone(UTC).isoformat()

    low = at(wanted.since) if wanted.since else None
    high = at(wanted.until + timedelta(days=1)) if wanted.until else None
    return low, high


def listed_filter(wanted: AccessFilter) -> dict[str, str]:
    """``wanted`` as the listing's own access event records it (what was asked for, not
    what was found); refused when its first day comes after its last."""
    if wanted.since and wanted.until and wanted.since > wanted.until:
        reason = coded("date_order", "the first date comes after the last.")
        raise InvalidInput(f"Since: {reason}", field="since", problems=(("since", reason),))
    return {
        k: v
        for k, v in (
            ("case_id", wanted.case_id),
            ("person_id", wanted.person_id),
            ("officer_id", wanted.officer_id),
            ("since", wanted.since.isoformat() if wanted.since else None),
            ("until", wanted.until.isoformat() if wanted.until else None),
        )
        if v
    }


def access_log(ctx: Context, wanted: AccessFilter) -> list[Access]:
    """The accesses that match ``wanted``, oldest first (administrators only). Appends an
    access event saying the log was listed, with the filter used."""
    session = ctx.session
    if not session.officer.is_admin:
        raise NotPermitted("Only an administrator may list the access log.")
    listed = listed_filter(wanted)
    conn = session.conn
    sql = (
        "SELECT e.id FROM events e LEFT JOIN records r ON r.entity_type = e.entity_type "
        "AND r.entity_id = e.entity_id WHERE e.kind = 'access'"
    )
    args: list[str] = []
    if wanted.person_id:
        sql += " AND e.entity_type = 'person' AND e.entity_id = ?"
        args.append(wanted.person_id)
    if wanted.case_id:
        sql += " AND r.case_id = ?"
        args.append(wanted.case_id)
    if wanted.officer_id:
        sql += " AND e.officer_id = ?"
        args.append(wanted.officer_id)
    low, high = utc_bounds(wanted)
    if low:
        sql += " AND e.wall_time >= ?"
        args.append(low)
    if high:
        sql += " AND e.wall_time < ?"
        args.append(high)
    ids = {row[0] for row in conn.execute(sql, args)}
    found = [_access(ctx, e) for e in _events(ctx, ids)]
    found.sort(key=lambda a: (a.wall_time, a.event_id))
    body = {"action": LIST_ACTION, "filter": listed, "count": len(found)}
    session.append([Draft("access", VAULT_ENTITY, session.vault_id, body)])
    return found


def _events(ctx: Context, ids: set[str]) -> Iterator[Event]:
    """The events ``ids`` names, read once per entity they concern."""
    conn = ctx.session.conn
    entities: set[tuple[str, str]] = set()
    for event_id in ids:
        row = conn.execute("SELECT entity_type, entity_id FROM events WHERE id = ?", (event_id,))
        entities.add(tuple(row.fetchone()))
    for entity in sorted(entities):
        yield from (e for e in read_events(conn, entity=entity) if e.id in ids)


def _access(ctx: Context, event: Event) -> Access:
    conn = ctx.session.conn
    name = conn.execute(
        "SELECT display_name FROM officers WHERE device_id = ? AND officer_id = ?",
        (event.device_id, event.officer_id),
    ).fetchone()
    record = ctx.records.get(event.entity_type, event.entity_id)
    case_id = record.case_id if record else None
    role = record.get("role") if record and event.entity_type == "person" else None
    return Access(
        event.id,
        event.wall_time,
        event.officer_id,
        str(name[0]) if name else "",
        event.device_id,
        event.entity_type,
        event.entity_id,
        case_id,
        role,
        str(event.data.get("action", "open")),
        event.data.get("purpose"),
    )
