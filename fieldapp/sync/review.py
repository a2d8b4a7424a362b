"""The station's review: every case from every laptop with its origin, the conflicts that
merging found, the alarms that imports raised, and how a reviewer settles each.

The same for either station store: what it reads and appends is a ``ReviewStore``, which
a station vault's ``Session`` is, and a PostgreSQL station gives (``PgStationStore.
reviewer``), whose ``append`` refuses a settlement of a conflict that another reviewer
settled meanwhile (``refuse_settled``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from fieldapp.bulk import collector_paused
from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.officers import active_officers
from fieldapp.storage.database import SqlConnection
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import (
    SQLITE,
    VOIDED_FIELD,
    Dialect,
    Record,
    Records,
    amend_draft,
    create_draft,
)
from fieldapp.storage.session import Session
from fieldapp.sync.importer import ALARM_ENTITY


class ReviewStore(Protocol):
    """What the review reads and writes: the station's records and its own appends."""

    @property
    def conn(self) -> SqlConnection: ...

    def append(self, drafts: Sequence[Draft]) -> list[Event]: ...


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

    @property
    def id(self) -> str:
        """A short name that stays the same across a replay (the CLI settles by it)."""
        key = f"{self.entity_type}/{self.entity_id}/{self.field}/{self.incoming.event_id}"
        return hashlib.sha256(key.encode()).hexdigest()[:10]


def _dialect(conn: SqlConnection) -> Dialect:
    dialect: Dialect = getattr(conn, "dialect", SQLITE)
    return dialect


def _side(
    conn: SqlConnection, dialect: Dialect, event_id: str, value: Any, key: tuple[str, ...]
) -> Side:
    row = conn.execute(
        "SELECT officer_id, device_id, wall_time FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    officer, device, when = row if row else ("?", "?", "?")
    # A conflict's values are the record's: decoded as its data is (``Dialect``), each
    # under its row's key and side.
    return Side(dialect.load_data(value, *key) if value else None, event_id, officer, device, when)


def open_conflicts(session: ReviewStore) -> list[Conflict]:
    conn = session.conn
    dialect = _dialect(conn)
    rows = conn.execute(
        "SELECT entity_type, entity_id, field, current_value, current_event, incoming_value, "
        f"incoming_event FROM conflicts WHERE resolved_by IS NULL ORDER BY {dialect.order_column}"
    ).fetchall()
    return [
        Conflict(
            r[0],
            r[1],
            r[2],
            _side(conn, dialect, r[4], r[3], (r[0], r[1], r[2], r[6], "current")),
            _side(conn, dialect, r[6], r[5], (r[0], r[1], r[2], r[6], "incoming")),
        )
        for r in rows
    ]


def refuse_settled(conn: SqlConnection, drafts: Sequence[Draft]) -> None:
    """Refuse ``drafts`` if a settlement among them names a conflict that is no longer
    open: two reviewers settling the same conflict at once end with one settlement (run
    where appends take turns: ``PgStationStore.append``'s ``check``)."""
    for draft in drafts:
        if draft.kind != "resolve" or len(draft.parents) != 2:
            continue
        row = conn.execute(
            "SELECT resolved_by FROM conflicts WHERE entity_type = ? AND entity_id = ? "
            "AND field = ? AND incoming_event = ?",
            (draft.entity_type, draft.entity_id, draft.body["field"], draft.parents[1]),
        ).fetchone()
        if row is not None and row[0] is not None:
            raise KnownError(
                coded(
                    "conflict_settled",
                    "Another reviewer settled that conflict a moment ago; nothing was "
                    "changed ('sync review' shows what stands).",
                )
            )


def resolve_conflict(session: ReviewStore, conflict: Conflict, value: Any) -> None:
    """Settle a conflict with ``value`` (one of the two, or another); a new event naming
    both sides as its parents."""
    if conflict.field == VOIDED_FIELD and not isinstance(value, bool):
        raise InvalidInput(
            coded("not_yes_no", "Value: withdraw (yes) or keep (no)."), field="value"
        )
    body = {"field": conflict.field, "value": value}
    parents = (conflict.current.event_id, conflict.incoming.event_id)
    session.append([Draft("resolve", conflict.entity_type, conflict.entity_id, body, parents)])


def find_conflict(session: ReviewStore, conflict_id: str) -> Conflict:
    """The open conflict ``conflict_id`` names (a unique start of its id is enough)."""
    wanted = conflict_id.strip().lower()
    found = [c for c in open_conflicts(session) if wanted and c.id.startswith(wanted)]
    if len(found) == 1:
        return found[0]
    reason = (
        coded("conflict_ambiguous", "more than one open conflict starts so; give more of it.")
        if found
        else coded("conflict_unknown", "no open conflict has that id ('sync review' lists them).")
    )
    raise InvalidInput(f"Conflict: {reason}", field="conflict", problems=(("conflict", reason),))


def typed_value(conflict: Conflict, text: str) -> Any:
    """A value typed for a conflict, of the kind its two sides hold: a number where they are
    numbers, text where they are text. A withdrawal is settled by keeping a side."""
    kinds = {type(v) for v in (conflict.current.value, conflict.incoming.value) if v is not None}
    if conflict.field == VOIDED_FIELD:
        reason = coded("conflict_keep_a_side", "a withdrawal is settled by keeping one side.")
    else:
        try:
            parsed: Any = json.loads(text)
        except ValueError:
            parsed = text
        if str in kinds:
            return text  # "1800" for a note is the text 1800
        if not kinds or type(parsed) in kinds:
            return parsed
        names = ", ".join(sorted("number" if k in (int, float) else k.__name__ for k in kinds))
        reason = coded("conflict_value_kind", f"give a {names}, like the two sides.", kind=names)
    raise InvalidInput(f"Value: {reason}", field="value", problems=(("value", reason),))


def settle(session: ReviewStore, conflict_id: str, keep: str | None, value: str | None) -> Conflict:
    """The command line's way to settle a conflict: keep the current or the incoming side,
    or give another value. The same event as the review screen's buttons write."""
    conflict = find_conflict(session, conflict_id)
    if (keep is None) == (value is None):
        reason = coded("conflict_keep_or_value", "give either --keep or --value.")
        raise InvalidInput(f"Settle: {reason}", field="keep", problems=(("keep", reason),))
    if keep is not None:
        sides = {"current": conflict.current, "incoming": conflict.incoming}
        if keep not in sides:
            reason = coded("conflict_keep_side", "keep 'current' or 'incoming'.")
            raise InvalidInput(f"Keep: {reason}", field="keep", problems=(("keep", reason),))
        chosen = sides[keep].value
    else:
        assert value is not None
        chosen = typed_value(conflict, value)
    resolve_conflict(session, conflict, chosen)
    return conflict


def officer_name(session: Session, device_id: str, officer_id: str) -> str:
    """``Astrid Testberg (T100001)``: the name as enrolled on that device, or the id."""
    for officer in active_officers(session.conn, device_id):
        if officer.officer_id == officer_id:
            return f"{officer.display_name} ({officer_id})"
    return officer_id


def open_alarms(session: ReviewStore) -> list[Record]:
    return [a for a in Records(session.conn).find(ALARM_ENTITY) if a.get("status") == "open"]


def close_alarm(session: ReviewStore, alarm_id: str, note: str) -> None:
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


def cases_by_origin(session: ReviewStore, operation_id: str | None = None) -> list[OriginCase]:
    """Every case the station holds, with the device that recorded it."""
    found = Records(session.conn).find_with_origin("case", operation_id)
    return [OriginCase(case, device) for case, device in found]


# -- the consolidated list's review state and possible duplicates ----------------------------

REVIEW_ENTITY = "case_review"
REVIEW_STATES = ("received", "needs_attention", "reviewed")


def review_state(session: ReviewStore, case_id: str) -> str:
    """Where staff's review of a case stands: ``received`` until someone sets it."""
    record = Records(session.conn).get(REVIEW_ENTITY, case_id)
    return str(record.get("state")) if record is not None else "received"


def set_review_state(session: ReviewStore, case_id: str, state: str) -> None:
    """Staff set a case's review state; each change is an event (who, when, what)."""
    if state not in REVIEW_STATES:
        reason = coded("review_state", "received, needs attention or reviewed.")
        raise InvalidInput(f"State: {reason}", field="state", problems=(("state", reason),))
    records = Records(session.conn)
    case = records.require("case", case_id, "case_id")
    current = records.get(REVIEW_ENTITY, case_id)
    if current is None:
        draft = create_draft(
            REVIEW_ENTITY,
            {"state": state},
            operation_id=case.operation_id,
            case_id=case_id,
            entity_id=case_id,
        )
    elif current.get("state") == state:
        return
    else:
        draft = amend_draft(current, {"state": state})
    session.append([draft])


def possible_duplicates(session: ReviewStore, found: list[OriginCase]) -> dict[str, list[str]]:
    """Cases recorded on different laptops at the same place, room and minute: case id →
    the other cases it may be. Only a person decides (linking or withdrawing one)."""
    groups: dict[tuple[str, str, str], list[OriginCase]] = {}
    for origin in found:
        # The record's dict itself (Record.get is its .get): a Python call less for each of
        # four fields of 10,000 cases.
        case = origin.case.data
        place = str(case.get("place_name") or case.get("address") or "").strip().casefold()
        start = case.get("start")
        if not place or not start:
            continue
        key = (place, str(case.get("room") or "").strip().casefold(), str(start)[:16])
        groups.setdefault(key, []).append(origin)
    flagged: dict[str, list[str]] = {}
    for same in groups.values():
        if len({o.device_id for o in same}) < 2:
            continue
        for origin in same:
            flagged[origin.case.entity_id] = [
                o.case.entity_id for o in same if o.device_id != origin.device_id
            ]
    return flagged


@dataclass(frozen=True)
class ListedCase:
    """One row of the consolidated case list (the station's cases across operations and
    laptops): what the GUI's list shows that needs no rule evaluation."""

    origin: OriginCase
    review: str  # one of REVIEW_STATES
    duplicates: tuple[str, ...]  # the cases it may be (possible_duplicates)


def consolidated_cases(session: ReviewStore, operation_id: str | None = None) -> list[ListedCase]:
    """The consolidated case list, in the order the cases were made: each case with its
    laptop, its review state (every state read at once) and its possible duplicates."""
    # Tens of thousands of records, dicts and tuples for 10,000 cases, none in a cycle: with
    # the collector on, they set it off again and again, each pass walking all the others
    # (about half the list's CPU time for 10,000 cases from a PostgreSQL station, issue #18).
    with collector_paused():
        found = cases_by_origin(session, operation_id)
        states = {
            r.entity_id: str(r.get("state"))
            for r in Records(session.conn).find(REVIEW_ENTITY, operation_id=operation_id)
        }
        duplicates = possible_duplicates(session, found)
        return [
            ListedCase(
                origin,
                states.get(origin.case.entity_id, "received"),
                tuple(duplicates.get(origin.case.entity_id, ())),
            )
            for origin in found
        ]
