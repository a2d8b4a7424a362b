"""The station's review: every case from every laptop with its origin, the conflicts that
merging found, the alarms that imports raised, and how a reviewer settles each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.events import Draft
from fieldapp.storage.records import VOIDED_FIELD, Record, Records, amend_draft
from fieldapp.storage.session import Session
from fieldapp.sync.importer import ALARM_ENTITY


@dataclass(frozen=True)
class Side:
    """One side of a conflict: the value, and who wrote it, where and when."""

    value: Any
    event_id: str
    officer_id: str
    device_id: str
    wall_time: str


@dataclass(frozen=True)
class Conflict:
    entity_type: str
    entity_id: str
    field: str
    current: Side
    incoming: Side


def _side(session: Session, event_id: str, value: str | None) -> Side:
    row = session.conn.execute(
        "SELECT officer_id, device_id, wall_time FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    officer, device, when = row if row else ("?", "?", "?")
    return Side(json.loads(value) if value else None, event_id, officer, device, when)


def open_conflicts(session: Session) -> list[Conflict]:
    rows = session.conn.execute(
        "SELECT entity_type, entity_id, field, current_value, current_event, incoming_value, "
        "incoming_event FROM conflicts WHERE resolved_by IS NULL ORDER BY rowid"
    ).fetchall()
    return [
        Conflict(r[0], r[1], r[2], _side(session, r[4], r[3]), _side(session, r[6], r[5]))
        for r in rows
    ]


def resolve_conflict(session: Session, conflict: Conflict, value: Any) -> None:
    """Settle a conflict with ``value`` (one of the two, or another); a new event naming
    both sides as its parents."""
    if conflict.field == VOIDED_FIELD and not isinstance(value, bool):
        raise InvalidInput(
            coded("not_yes_no", "Value: withdraw (yes) or keep (no)."), field="value"
        )
    body = {"field": conflict.field, "value": value}
    parents = (conflict.current.event_id, conflict.incoming.event_id)
    session.append([Draft("resolve", conflict.entity_type, conflict.entity_id, body, parents)])


def open_alarms(session: Session) -> list[Record]:
    return [a for a in Records(session.conn).find(ALARM_ENTITY) if a.get("status") == "open"]


def close_alarm(session: Session, alarm_id: str, note: str) -> None:
    """A reviewer has looked into an alarm (the laptop was checked, the bundle resent …)."""
    if not note.strip():
        raise InvalidInput(
            coded("alarm_note_required", "Note: say what was done about the alarm."), field="note"
        )
    alarm = Records(session.conn).require(ALARM_ENTITY, alarm_id, "alarm_id")
    session.append([amend_draft(alarm, {"status": "reviewed", "review_note": note.strip()})])


@dataclass(frozen=True)
class OriginCase:
    case: Record
    device_id: str  # the laptop it was recorded on


def cases_by_origin(session: Session, operation_id: str | None = None) -> list[OriginCase]:
    """Every case the station holds, with the device that recorded it."""
    records = Records(session.conn).find("case", operation_id=operation_id)
    out = []
    for case in records:
        row = session.conn.execute(
            "SELECT device_id FROM events WHERE entity_type = 'case' AND entity_id = ? "
            "AND kind = 'create'",
            (case.entity_id,),
        ).fetchone()
        out.append(OriginCase(case, row[0] if row else "?"))
    return out
