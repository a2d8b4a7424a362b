"""One job of an unlocked ``Session``: storing another device's events, already checked by
the sync import (a laptop's at the station, a station's on a laptop), with their blobs,
their projections and the import's own bookkeeping, in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from fieldapp.storage.database import Connection, transaction
from fieldapp.storage.events import Event, insert_event_rows
from fieldapp.storage.projections import Prepared, Projector


def ingest(
    conn: Connection,
    projector: Projector,
    events: Sequence[Event],
    blobs: Mapping[str, bytes],
    bookkeeping: Callable[[Connection], object],
    prepared: Sequence[Prepared | None] | None = None,
) -> None:
    """Store ``events`` with ``blobs``, apply them to the projections and run
    ``bookkeeping`` on the same connection, all committed or none. ``prepared``: per event,
    what ``Projector.prepare`` worked out for it in another process."""
    with transaction(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)",
            [(k, len(v), v) for k, v in blobs.items()],
        )
        insert_event_rows(conn, events)
        apply = projector.apply
        with projector.batch():
            if prepared is None:
                for event in events:
                    apply(conn, event)
            else:
                for event, value in zip(events, prepared, strict=True):
                    apply(conn, event, value)
        bookkeeping(conn)
