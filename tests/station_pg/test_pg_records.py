"""The records projection in a PostgreSQL station: kept by a staff login (the app role may
change the derived tables, never the events), rebuilt from the log for a station migrated
from before it, and the case list's order by a field decoded in Python as a vault's SQL
orders it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from fieldapp.errors import KnownError
from fieldapp.storage.records import Record, Records, amend_draft
from fieldapp.sync import pg_schema
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore, migrate_pg_station, open_pg_station
from fieldapp.sync.register import register_laptop
from fieldapp.sync.review import open_conflicts, settle
from fieldapp.workflow import evidence
from tests.station_pg.conftest import (
    STAFF,
    STAFF_PASS,
    UNLOCK,
    back_to_schema_2,
    login_name,
)
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal

OTHER_PASS = "gröna kaniner hoppar högt"  # invented

_TABLES = (
    "SELECT entity_type, entity_id, operation_id, case_id, data, created_at, created_by, "
    "updated_at, updated_by, last_event, voided, void_reason, created_hlc, created_event "
    "FROM records ORDER BY entity_type, entity_id",
    "SELECT entity_type, entity_id, event_id, fields FROM record_changes ORDER BY pos",
    "SELECT entity_type, entity_id, field, current_value, current_event, incoming_value, "
    "incoming_event, resolved_by FROM conflicts ORDER BY pos",
)


def _projection(conn: psycopg.Connection[object]) -> list[list[tuple[object, ...]]]:
    return [conn.execute(query).fetchall() for query in _TABLES]


def _station_with_a_settled_conflict(store: PgStationStore, tmp_path: Path) -> Laptop:
    laptop = Laptop(tmp_path / "a", store.keys.card)
    register_laptop(store, make_laptop_card(laptop.session))
    for _ in range(3):
        case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    session, importer = laptop.session, StationImporter(store)
    importer.import_bytes(seal(store.keys.card, list(session.events()), {}, session))
    reviewer = store.reviewer()
    record = Records(reviewer.conn).get("element", element)
    assert record is not None
    reviewer.append([amend_draft(record, {"amount": 1800})])
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    importer.import_bytes(seal(store.keys.card, list(session.events()), {}, session))
    [conflict] = open_conflicts(reviewer)
    settle(reviewer, conflict.id, "incoming", None)
    return laptop


def test_a_staff_login_keeps_the_projection_but_cannot_change_events(
    pg_station: PgStationStore,
    pg_database: str,
    login_role: Callable[[str, str], str],
    tmp_path: Path,
) -> None:
    # A login of its own, an admin of every county (it registers the laptop), unlocking
    # with its own key slot.
    login = login_role("clerk", "admin")
    pg_station.add_staff(login_name(login), OTHER_PASS, "admin", all_counties=True)
    staff = open_pg_station(login, staff=login_name(login), passphrase=OTHER_PASS)
    laptop = _station_with_a_settled_conflict(staff, tmp_path)
    reviewer = staff.reviewer()
    assert open_conflicts(reviewer) == []
    assert len(Records(reviewer.conn).find("case")) == 3
    conn = staff.records_conn.raw
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE events SET kind = 'void'")
    staff.close()
    laptop.session.lock()


def test_a_station_migrated_from_before_the_projection_gets_it_from_its_log(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path
) -> None:
    laptop = _station_with_a_settled_conflict(pg_station, tmp_path)
    kept = _decoded(pg_station)
    with psycopg.connect(pg_database) as conn:
        # Back to the schema before the projection (its tables gone, the bodies sealed).
        back_to_schema_2(conn)
    # The bodies are sealed: without a staff member's passphrase nothing is changed.
    with pytest.raises(KnownError) as refused:
        migrate_pg_station(pg_database)
    assert refused.value.code == "station_migrate_needs_staff"
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (2,)
    now = pg_schema.SCHEMA_VERSION
    assert migrate_pg_station(pg_database, ask_unlock=lambda: (STAFF, STAFF_PASS)) == (2, now)
    again = open_pg_station(pg_database, **UNLOCK)
    assert _decoded(again) == kept
    assert len(kept[0]) > 5 and len(kept[3]) == 1  # one conflict, settled
    again.close()
    laptop.session.lock()


def _decoded(store: PgStationStore) -> list[list[tuple[object, ...]]]:
    """The projection's rows, record data and conflict values decoded (sealed afresh each
    time they are written: the ciphertexts differ, what they hold must not)."""
    conn = store.records_conn
    records = Records(conn)
    rows = _projection(conn.raw)
    found = [records.get(str(r[0]), str(r[1])) for r in rows[0]]
    conflicts = [
        (c.entity_type, c.entity_id, c.field, c.current.value, c.incoming.value)
        for c in open_conflicts(store.reviewer())
    ]
    settled = [(*r[:3], r[4], r[6], r[7]) for r in rows[2]]
    plain = [(r[0], r[1], *r[2:4], *r[5:]) for r in rows[0]]
    return [plain, [dataclasses.astuple(f) for f in found if f], rows[1], settled, conflicts]


def test_latest_first_by_a_field_decoded_in_python(
    pg_station: PgStationStore, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    register_laptop(pg_station, make_laptop_card(laptop.session))
    made = [laptop.new_case()[0] for _ in range(4)]
    # The second case's entry moved earliest; the first given the third's start (a tie:
    # the order made decides); the fourth without one comes last.
    records = laptop.ctx.records

    def case(i: int) -> Record:
        found = records.get("case", made[i])
        assert found is not None
        return found

    early = {"start": "2026-05-01T20:00:00+02:00"}
    laptop.ctx.commit([amend_draft(case(1), early), amend_draft(case(3), {}, unset=["start"])])
    laptop.ctx.commit([amend_draft(case(0), {"start": case(2).get("start")})])
    session = laptop.session
    StationImporter(pg_station).import_bytes(
        seal(pg_station.keys.card, list(session.events()), {}, session)
    )
    in_vault = Records(session.conn).ids_latest_first("case", laptop.operation, "start")
    in_pg = Records(pg_station.records_conn).ids_latest_first("case", laptop.operation, "start")
    assert in_pg == in_vault == [made[0], made[2], made[1], made[3]]
    session.lock()
