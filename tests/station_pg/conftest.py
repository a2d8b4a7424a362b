"""Fixtures for the PostgreSQL station: login roles in a test database's groups."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from fieldapp.composition import open_vault
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.session import Session
from fieldapp.sync import pg_keys
from fieldapp.sync.importer import ALARM_ENTITY
from fieldapp.sync.pg_store import PgStationStore, init_pg_station
from fieldapp.sync.station import init_station
from tests.conftest import ADMIN_PASS, TEST_COST
from tests.postgres import SUPERUSER_PASS

LOGIN_PASS = "staff-test-only"  # invented, for a throwaway cluster
# The station staff member whose key slot the tests' stations are made with (invented).
STAFF = "S100001"
STAFF_PASS = ADMIN_PASS
UNLOCK = {"staff": STAFF, "passphrase": STAFF_PASS}


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staff key slots at Argon2id's floor (the vault tests' ``TEST_COST``), not
    calibrated to half a second on this machine."""
    monkeypatch.setattr(pg_keys, "calibrate", lambda: KdfCost())


def as_user(conninfo: str, user: str, password: str = LOGIN_PASS) -> str:
    """``conninfo`` with another user and password."""
    conninfo = re.sub(r"user='[^']*'", f"user='{user}'", conninfo)
    return re.sub(r"password='[^']*'", f"password='{password}'", conninfo)


@pytest.fixture
def login_role(pg_database: str) -> Callable[[str, str], str]:
    """Makes a login role that is a member of a group (``app`` or ``purge``) of the test
    database; returns a conninfo for it."""

    def make(name: str, group: str) -> str:
        with psycopg.connect(pg_database, autocommit=True) as conn:
            row = conn.execute("SELECT current_database()").fetchone()
            assert row is not None
            role = f"{row[0]}_login_{name}"
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(role),
                    sql.Literal(LOGIN_PASS),
                    sql.Identifier(f"{row[0]}_{group}"),
                )
            )
        return as_user(pg_database, role)

    return make


def login_name(conninfo: str) -> str:
    """The user a conninfo logs in as."""
    found = re.search(r"user='([^']*)'", conninfo)
    assert found is not None
    return found.group(1)


def staff_role(pg_database: str, name: str) -> None:
    """A PostgreSQL role for an invented staff member (the cluster's, kept for the run):
    ``station staff add`` needs one to exist."""
    with psycopg.connect(pg_database, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))


# What schema 4 (counties) added, taken away again, so that a test can go back to the
# schema before the projection (version 2) and migrate from there.
_WITHOUT_COUNTIES = """
DROP FUNCTION station_counties, station_all_counties, station_is_admin CASCADE;
DROP TRIGGER events_county ON events;
DROP TRIGGER pending_bundles_county ON pending_bundles;
DROP TRIGGER imported_bundles_county ON imported_bundles;
DROP FUNCTION station_staff_set, station_staff_drop, _station_may_manage;
DROP TABLE station_staff, laptop_county;
DROP FUNCTION station_head, _station_granted, laptop_county_fill, laptop_county_fixed,
    projection_county, events_county, bundle_county;
ALTER TABLE events DISABLE ROW LEVEL SECURITY;
ALTER TABLE blobs DISABLE ROW LEVEL SECURITY;
ALTER TABLE pending_bundles DISABLE ROW LEVEL SECURITY;
ALTER TABLE imported_bundles DISABLE ROW LEVEL SECURITY;
ALTER TABLE events DROP COLUMN county;
DELETE FROM blobs b WHERE county IS NOT NULL AND EXISTS (
    SELECT 1 FROM blobs c WHERE c.sha256 = b.sha256 AND c.ctid < b.ctid);
DROP INDEX blobs_county;
ALTER TABLE blobs DROP COLUMN county;
ALTER TABLE blobs ADD PRIMARY KEY (sha256);
ALTER TABLE pending_bundles DROP COLUMN county;
ALTER TABLE imported_bundles DROP COLUMN county;
"""


# The projection's part of it (its tables are there from schema 3 on).
_PROJECTION_WITHOUT_TRIGGERS = """
DROP TRIGGER records_county ON records;
DROP TRIGGER record_changes_county ON record_changes;
DROP TRIGGER conflicts_county ON conflicts;
"""
_PROJECTION_WITHOUT_COUNTIES = """
ALTER TABLE records DISABLE ROW LEVEL SECURITY;
ALTER TABLE record_changes DISABLE ROW LEVEL SECURITY;
ALTER TABLE conflicts DISABLE ROW LEVEL SECURITY;
ALTER TABLE records DROP COLUMN county;
ALTER TABLE record_changes DROP COLUMN county;
ALTER TABLE conflicts DROP COLUMN county;
"""


def back_to_schema_3(conn: psycopg.Connection[object]) -> None:
    """The station's database as before counties (schema 3): its rows of no county."""
    conn.execute(_PROJECTION_WITHOUT_TRIGGERS)
    conn.execute(_WITHOUT_COUNTIES)
    conn.execute(_PROJECTION_WITHOUT_COUNTIES)
    conn.execute("UPDATE schema_version SET version = 3")


def back_to_schema_2(conn: psycopg.Connection[object]) -> None:
    """The station's database as before the records projection (its tables gone; the
    bodies stay sealed)."""
    conn.execute("DROP VIEW meta; DROP TABLE records, record_changes, conflicts")
    conn.execute(_WITHOUT_COUNTIES)
    conn.execute("UPDATE schema_version SET version = 2")


@pytest.fixture
def vault_station(tmp_path: Path) -> Session:
    """A SQLCipher station beside the PostgreSQL one: the same bundles go into both."""
    return init_station(
        open_vault(tmp_path / "station"),
        "S1",
        "Sara Station",
        "blåa tåg går sent i natt",
        "Station Exempel",
        cost=TEST_COST,
    )


@pytest.fixture
def pg_station(pg_database: str) -> Iterator[PgStationStore]:
    """A new PostgreSQL station in the test's database (made as its owner)."""
    store = init_pg_station(pg_database, "Region Exempel", **UNLOCK)
    yield store
    store.close()


def pg_state(store: PgStationStore) -> list[tuple[object, ...]]:
    """Everything a PostgreSQL station holds that an import may change (``station_state``)."""
    conn = store._conn
    rows: list[tuple[object, ...]] = []
    for query in (
        "SELECT device_id, seq, entry_hash FROM events ORDER BY device_id, seq",
        "SELECT sha256 FROM blobs ORDER BY sha256",
        "SELECT bundle_id FROM imported_bundles ORDER BY bundle_id",
        "SELECT bundle_id FROM pending_bundles ORDER BY bundle_id",
    ):
        rows.extend(conn.execute(query).fetchall())
    return rows


def alarms(store: PgStationStore) -> list[dict[str, object]]:
    """The alarms the station raised, as their events say."""
    return [
        json.loads(e.body)["data"] for e in store.read_events() if e.entity_type == ALARM_ENTITY
    ]


@pytest.fixture
def target(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The test database's address without its password, which a password file holds."""
    params = dict(re.findall(r"(\w+)='([^']*)'", pg_database))
    passfile = tmp_path / "pgpass"
    passfile.write_text(
        f"{params['host']}:{params['port']}:{params['dbname']}:{params['user']}:{SUPERUSER_PASS}\n"
    )
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    return " ".join(f"{k}={v}" for k, v in params.items() if k != "password")
