"""The conflicts the station's reviewers have settled, each with who settled it and when:
the review shows them under the open ones, so staff see who decided what.

The same for either station store: where the settlement's event is read from, and how
its maker is named, is the caller's (a vault names the officer as enrolled; a PostgreSQL
station, the staff member the event's body names: ``sync.pg_staff``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.storage.database import SqlConnection
from fieldapp.storage.events import Event, read_events
from fieldapp.storage.records import SQLITE, Dialect
from fieldapp.storage.session import Session

SETTLED_SHOWN = 50  # the latest settlements: the review is about what is open


@dataclass(frozen=True)
class Settled:
    """A conflict someone settled: what, the value kept, by whom and when."""

    entity_type: str
    entity_id: str
    field: str
    value: Any
    by: str  # a name where one is known, else the signer's id
    wall_time: str  # UTC, ISO


def settled_conflicts(
    conn: SqlConnection,
    events: Callable[[Sequence[tuple[str, str, str]]], Mapping[str, Event]],
    name: Callable[[Event], str],
) -> list[Settled]:
    """The latest settled conflicts, latest first. ``events``: the settlements' events by
    id, given (entity type, entity id, event id) of each; ``name``: who made one."""
    dialect: Dialect = getattr(conn, "dialect", SQLITE)
    rows = conn.execute(
        "SELECT entity_type, entity_id, field, resolved_by FROM conflicts "
        f"WHERE resolved_by IS NOT NULL ORDER BY {dialect.order_column} DESC LIMIT ?",
        (SETTLED_SHOWN,),
    ).fetchall()
    found = events([(str(r[0]), str(r[1]), str(r[3])) for r in rows])
    settled = []
    for entity_type, entity_id, field, event_id in rows:
        event = found.get(str(event_id))
        if event is not None:
            value = event.data.get("value")
            settled.append(
                Settled(entity_type, entity_id, field, value, name(event), event.wall_time)
            )
    settled.sort(key=lambda s: s.wall_time, reverse=True)
    return settled


def vault_settled(session: Session) -> list[Settled]:
    """A station vault's settled conflicts, each by the officer's name as enrolled."""
    names = {o.officer_id: o.display_name for o in session.officers()}

    def events(keys: Sequence[tuple[str, str, str]]) -> dict[str, Event]:
        wanted = {k[2] for k in keys}
        found: dict[str, Event] = {}
        for entity in {k[:2] for k in keys}:
            found.update(
                (e.id, e) for e in read_events(session.conn, entity=entity) if e.id in wanted
            )
        return found

    def name(event: Event) -> str:
        known = names.get(event.officer_id)
        return f"{known} ({event.officer_id})" if known else event.officer_id

    return settled_conflicts(session.conn, events, name)
