"""Projections: the tables the app reads, derived from the event log.

Each projection owns its tables and applies one event at a time, in the same transaction
as the event. Dropping the tables and replaying the log rebuilds the same state, byte for
byte; ``snapshot`` is how the tests check that.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from typing import Protocol, cast

from fieldapp.storage.canonical import canonical
from fieldapp.storage.database import Connection, statements, transaction
from fieldapp.storage.events import Event, read_events


class Projection(Protocol):
    """One read model: its tables (name → DDL, indexes may follow after ';') and how an
    event changes them."""

    @property
    def tables(self) -> Mapping[str, str]: ...

    def apply(self, conn: Connection, event: Event) -> None: ...


class Preparing(Projection, Protocol):
    """A projection that can work out part of what an event does to its tables from the
    event alone, with no vault (``prepare``, which never raises: ``None`` when it cannot),
    so that another process can do it: the station's bundle opener, while this one
    writes. ``apply`` given that value writes exactly what it would have written without."""

    def prepare(self, event: Event) -> object | None: ...

    def apply(self, conn: Connection, event: Event, prepared: object | None = None) -> None: ...


# Per event, each projection's prepared value (None: nothing prepared, ``apply`` works it out).
Prepared = tuple[object | None, ...]


class Projector:
    """Applies events to every registered projection; creates and rebuilds their tables."""

    def __init__(self, projections: Sequence[Projection]) -> None:
        self._projections = tuple(projections)
        self._preparing = tuple(
            cast(Preparing, p) if callable(getattr(p, "prepare", None)) else None
            for p in self._projections
        )

    @property
    def tables(self) -> list[str]:
        return [name for p in self._projections for name in p.tables]

    def ensure_tables(self, conn: Connection) -> None:
        """Create missing tables; if any table's definition changed since the vault last
        saw it (a new version of the app), rebuild every projection from the log."""
        digest = hashlib.sha256(
            "\n".join(ddl for p in self._projections for ddl in p.tables.values()).encode()
        ).hexdigest()
        row = conn.execute("SELECT value FROM meta WHERE key = 'projections'").fetchone()
        if row is not None and row[0] != digest:
            self.rebuild(conn)
        missing = [
            ddl
            for p in self._projections
            for name, ddl in p.tables.items()
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
        ]
        with transaction(conn):
            for ddl in missing:
                _create(conn, ddl)
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('projections', ?)", (digest,)
            )

    def prepare(self, events: Sequence[Event]) -> tuple[Prepared, ...] | None:
        """What the projections can work out from each event alone (``Preparing``); None
        if none of them can. Needs no vault: runs in the process that opens a bundle."""
        preparing = [(i, p) for i, p in enumerate(self._preparing) if p is not None]
        if not preparing:
            return None
        if len(preparing) == 1:  # the usual case (the search index): one call an event
            at, only = preparing[0]
            left, right = (None,) * at, (None,) * (len(self._preparing) - at - 1)
            return tuple((*left, only.prepare(e), *right) for e in events)
        # A projection at a time over the events (its values a list), then an event's
        # values together: a call an event and projection, no generator an event.
        nothing = (None,) * len(events)
        columns = [
            nothing if p is None else [p.prepare(event) for event in events]
            for p in self._preparing
        ]
        return tuple(zip(*columns, strict=True))

    def apply(self, conn: Connection, event: Event, prepared: Prepared | None = None) -> None:
        if prepared is None:
            for projection in self._projections:
                projection.apply(conn, event)
            return
        for projection, preparing, value in zip(
            self._projections, self._preparing, prepared, strict=True
        ):
            if preparing is not None and value is not None:
                preparing.apply(conn, event, value)
            else:
                projection.apply(conn, event)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several events applied in turn inside one transaction (an append, a bundle, a
        replay). A projection with a ``batch()`` context of its own may keep what it read
        until the batch ends (the search index keeps each case's place and sellers: ten
        thousand notes of one case read them once, not ten thousand times)."""
        with ExitStack() as stack:
            for projection in self._projections:
                batch = getattr(projection, "batch", None)
                if batch is not None:
                    stack.enter_context(batch())
            yield

    def rebuild(self, conn: Connection) -> int:
        """Drop every projection table and replay the whole log; returns the events replayed."""
        with transaction(conn):
            return self.replay(conn)

    def replay(self, conn: Connection) -> int:
        """``rebuild`` inside the caller's transaction (``verify --deep`` rolls it back)."""
        count = 0
        for p in self._projections:
            for name, ddl in p.tables.items():
                conn.execute(f"DROP TABLE IF EXISTS {name}")
                _create(conn, ddl)
        with self.batch():
            for event in read_events(conn):
                self.apply(conn, event)
                count += 1
        return count

    def snapshot(self, conn: Connection) -> bytes:
        """A digest of every projection row, in primary-key order, to compare two states."""
        digest = hashlib.sha256()
        for name in self.tables:
            digest.update(name.encode() + b"\0")
            for row in conn.execute(f"SELECT * FROM {name} ORDER BY 1"):
                digest.update(canonical([_jsonable(v) for v in row]))
        return digest.digest()


def _create(conn: Connection, ddl: str) -> None:
    # A table's DDL may carry its indexes after it, separated by ';'.
    for statement in statements(ddl):
        conn.execute(statement)


def _jsonable(value: object) -> object:
    return value.hex() if isinstance(value, bytes | memoryview) else value
