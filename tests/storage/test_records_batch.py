"""``RecordsProjection.apply_all`` (the PostgreSQL station's bundle path, a few statements a
run) ends in the same records, history and conflicts as ``apply`` one event at a time, for
any run of creates, amends, voids, resolves and purges; and fails where that fails (a
record created twice). Here on SQLite with the vault's dialect; the PostgreSQL station's
dialect is compared the same way in ``tests/station_pg/test_pg_records.py``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.storage.events import Event
from fieldapp.storage.records import RecordsProjection
from tests.storage.record_runs import STEP_SIZES, Step, events_from

STATION = "D-station"
_steps = st.lists(
    st.tuples(*(st.integers(min_value=0, max_value=n - 1) for n in STEP_SIZES)), max_size=40
)


def _database() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    for ddl in RecordsProjection.tables.values():
        conn.executescript(ddl)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('device_id', ?)", (STATION,))
    return conn


def _outcome(
    apply: Callable[[sqlite3.Connection, Sequence[Event]], None], events: Sequence[Event]
) -> object:
    conn = _database()
    try:
        apply(conn, events)
    except sqlite3.IntegrityError:
        return "refused"
    return [
        conn.execute(query).fetchall()
        for query in (
            "SELECT * FROM records ORDER BY entity_type, entity_id",
            "SELECT * FROM record_changes ORDER BY rowid",
            "SELECT * FROM conflicts ORDER BY rowid",
        )
    ]


def _one_by_one(conn: sqlite3.Connection, events: Sequence[Event]) -> None:
    projection = RecordsProjection()
    for event in events:
        projection.apply(conn, event)


def _all_at_once(conn: sqlite3.Connection, events: Sequence[Event]) -> None:
    RecordsProjection().apply_all(conn, events)


@settings(max_examples=300)
@given(_steps)
def test_a_run_at_once_ends_as_one_event_at_a_time(steps: list[Step]) -> None:
    events = events_from(steps, STATION)
    assert _outcome(_all_at_once, events) == _outcome(_one_by_one, events)


def test_the_runs_reach_conflicts_purges_and_refusals() -> None:
    """The generator makes what the comparison is about (else it could pass by never
    reaching a conflict)."""
    amend, void, resolve, purge, create = 1, 4, 5, 6, 0
    stale = [(amend, 2, 0, 0, 2, 1), (amend, 2, 1, 0, 3, 0), (void, 2, 2, 3, 0, 1),
             (resolve, 2, 0, 0, 1, 1)]  # fmt: skip
    records, changes, conflicts = _outcome(_one_by_one, events_from(stale, STATION))  # type: ignore[misc]
    assert [c[2] for c in conflicts] == ["amount", "(void)"]
    assert conflicts[0][7] is not None and conflicts[1][7] is None  # the amount resolved
    assert len(changes) == 3 and len(records) == 3
    purged = _outcome(_one_by_one, events_from([*stale, (purge, 0, 0, 0, 0, 1)], STATION))
    assert [r[1] for r in purged[0]] == ["c2"]  # type: ignore[index]  # c1 and its e1 gone
    twice = [(create, 0, 0, 0, 1, 0)]
    assert _outcome(_one_by_one, events_from(twice, STATION)) == "refused"
    assert _outcome(_all_at_once, events_from(twice, STATION)) == "refused"
