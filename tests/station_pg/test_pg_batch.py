"""The PostgreSQL station projects a bundle in a few statements, whatever its size
(``RecordsProjection.apply_all`` through the station's dialect: staged by COPY, moved by
INSERT … SELECT), with the same records, history and conflicts as one event at a time.

Statements are counted on the wire (libpq's trace of what the client sends: each simple
query and each extended-protocol Execute), not timed."""

from __future__ import annotations

import dataclasses
import random
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import psycopg
from psycopg import pq

from fieldapp.errors import KnownError
from fieldapp.storage.events import Event
from fieldapp.storage.records import RecordsProjection
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_connection import PgConnection
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.sync.register import register_laptop
from fieldapp.workflow import entities, evidence
from tests.storage.record_runs import events_from, random_steps
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal

_IDS = "entity_id IN ('c1', 'c2', 'e1', 'e2')"


def _state(conn: PgConnection) -> object:
    """The run's records, history and conflicts, record data and values opened."""
    load, raw = conn.dialect.load_data, conn.raw
    records = [
        (*r[:4], load(r[4], r[0], r[1]), *r[5:])
        for r in raw.execute(
            "SELECT entity_type, entity_id, operation_id, case_id, data, created_at, "
            "created_by, updated_at, updated_by, last_event, voided, void_reason, "
            f"created_hlc, created_event FROM records WHERE {_IDS} "
            "ORDER BY entity_type, entity_id"
        )
    ]
    changes = raw.execute(
        "SELECT entity_type, entity_id, event_id, fields FROM record_changes "
        f"WHERE {_IDS} ORDER BY pos"
    ).fetchall()
    conflicts = [
        (*r[:3], load(r[3], *r[:3], r[6], "current"), r[4],
         load(r[5], *r[:3], r[6], "incoming"), *r[6:])
        for r in raw.execute(
            "SELECT entity_type, entity_id, field, current_value, current_event, "
            f"incoming_value, incoming_event, resolved_by FROM conflicts WHERE {_IDS} "
            "ORDER BY pos"
        )
    ]  # fmt: skip
    return records, changes, conflicts


def _outcome(
    store: PgStationStore,
    apply: Callable[[PgConnection, Sequence[Event]], None],
    events: Sequence[Event],
) -> object:
    """What ``apply`` makes of ``events`` in a transaction of its own, then rolled back."""
    conn = store.records_conn
    state: object = None
    try:
        with conn.raw.transaction():
            apply(conn, events)
            state = _state(conn)
            raise psycopg.Rollback
    except KnownError as refused:
        # The station's statements are refused by code (sync.pg_errors), the staged
        # rows' INSERT … SELECT as the seam's own.
        assert refused.code == "station_db_conflict"
        return "refused"
    return state


def test_a_run_at_once_ends_as_one_event_at_a_time(pg_station: PgStationStore) -> None:
    projection = RecordsProjection(pg_station.records_conn.dialect)

    def one_by_one(conn: PgConnection, events: Sequence[Event]) -> None:
        for event in events:
            projection.apply(conn, event)

    rng = random.Random(18)
    seen = set()
    for _ in range(40):
        events = events_from(random_steps(rng, 30), pg_station.device_id)
        at_once = _outcome(pg_station, projection.apply_all, events)
        assert at_once == _outcome(pg_station, one_by_one, events)
        seen.add("refused" if at_once == "refused" else bool(at_once[2]))  # type: ignore[index]
    # Runs that the store refused (a record created twice), and runs with conflicts.
    assert {"refused", True} <= seen


def _statements(store: PgStationStore, action: Callable[[], object]) -> int:
    """Statements the store's connection sends while ``action`` runs."""
    pgconn = store.records_conn.raw.pgconn
    with tempfile.TemporaryFile("w+") as trace:
        pgconn.trace(trace.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            action()
        finally:
            pgconn.untrace()
        trace.seek(0)
        sent = [line.split("\t") for line in trace if line.startswith("F\t")]
    return sum(1 for parts in sent if parts[2].split(" ")[0] in ("Query", "Execute"))


def _laptop_bundle(store: PgStationStore, folder: Path, rounds: int) -> tuple[bytes, bytes, int]:
    """A laptop registered at ``store``: a first bundle (cases, buyers, a price each), and
    a second of ``rounds`` rounds of work on them and new ones (amends of records the
    station holds and of records made in the bundle, withdrawals, creates). The second's
    number of events."""
    laptop = Laptop(folder, store.keys.card)
    card = make_laptop_card(laptop.session)
    register_laptop(store, dataclasses.replace(card, station=store.keys.card.fingerprint))
    ctx = laptop.ctx
    held = []
    for _ in range(rounds):
        case, buyer = laptop.new_case()
        element = evidence.record_element(
            ctx, case, buyer, "stated_price", {"source": "ad", "amount": 1500}
        ).entity_id
        held.append((case, element))
    session = laptop.session
    first = list(session.events())
    for case, element in held:
        entities.amend(ctx, "case", case, {"room": "412"})
        evidence.correct_element(ctx, element, {"amount": 1800})
        new_case, buyer = laptop.new_case()
        made = evidence.record_element(
            ctx, new_case, buyer, "stated_price", {"source": "ad", "amount": 700}
        ).entity_id
        evidence.correct_element(ctx, made, {"amount": 800})
        evidence.withdraw_element(ctx, made, "entered twice")
    second = list(session.events())[len(first) :]
    sealed = [seal(store.keys.card, part, {}, session, vault_id=session.vault_id)
              for part in (first, second)]  # fmt: skip
    session.lock()
    return sealed[0], sealed[1], len(second)


def test_a_bundles_statements_do_not_grow_with_its_events(
    pg_station: PgStationStore, tmp_path: Path
) -> None:
    importer = StationImporter(pg_station)
    counted = {}
    for rounds in (2, 16):
        first, second, events = _laptop_bundle(pg_station, tmp_path / str(rounds), rounds)
        importer.import_bytes(first)
        counted[events] = _statements(pg_station, lambda b=second: importer.import_bytes(b))
    (few, few_statements), (many, many_statements) = sorted(counted.items())
    assert many >= 8 * few > 0
    # One event at a time, the projection sent about three statements an event (65 and
    # 373 here); at once, 27 for either.
    assert many_statements <= few_statements + 2, counted
    # The records did change: the amends of held records and the withdrawals are there.
    records = pg_station.records_conn.raw.execute(
        "SELECT count(*) FILTER (WHERE voided = 1), count(*) FROM records "
        "WHERE entity_type = 'element'"
    ).fetchone()
    assert records == (18, 36)
