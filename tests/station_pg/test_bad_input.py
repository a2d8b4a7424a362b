"""What goes wrong with the station's database is a one-line refusal by code, with
nothing half-written: a wrong address, a refused login, a database that is not this
station's, a schema newer than the app, a server that goes away mid-import."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from fieldapp.errors import KnownError
from fieldapp.sync import importer as importer_module
from fieldapp.sync import pg_schema
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter, Status
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import (
    PgStationStore,
    conninfo_for,
    has_password,
    init_pg_station,
    open_pg_station,
)
from fieldapp.sync.register import register_laptop
from tests.station_pg.conftest import UNLOCK, as_user, pg_state
from tests.sync.conftest import Laptop


def _refusal(action: Callable[[], object]) -> str:
    with pytest.raises(KnownError) as refused:
        action()
    assert "\n" not in refused.value.message  # one line, for the CLI and the log
    return refused.value.code


@pytest.mark.parametrize(
    "address", ["postgresql://[::1", "host='/tmp dbname=x", "dbname=x nonsense=1"]
)
def test_an_address_that_cannot_be_read(address: str) -> None:
    assert _refusal(lambda: open_pg_station(address, **UNLOCK)) == "station_db_bad_url"


def test_a_server_that_cannot_be_reached(tmp_path: Path) -> None:
    address = f"host='{tmp_path}' port='5999' dbname='station'"
    assert _refusal(lambda: open_pg_station(address, **UNLOCK)) == "station_db_unreachable"


def test_a_refused_login_and_a_missing_database(pg_database: str) -> None:
    init_pg_station(pg_database, "Region Exempel", **UNLOCK).close()
    wrong = as_user(pg_database, "fieldapp_test_admin", "not-the-password")
    assert _refusal(lambda: open_pg_station(wrong, **UNLOCK)) == "station_db_login_refused"
    nobody = as_user(pg_database, "no_such_staff", "x")
    assert _refusal(lambda: open_pg_station(nobody, **UNLOCK)) == "station_db_login_refused"
    missing = re.sub(r"dbname='[^']*'", "dbname='no_such_station'", pg_database)
    assert _refusal(lambda: open_pg_station(missing, **UNLOCK)) == "station_db_missing"


def test_a_database_that_is_not_a_station_or_is_too_new(pg_database: str) -> None:
    assert _refusal(lambda: open_pg_station(pg_database, **UNLOCK)) == "station_db_not_station"
    init_pg_station(pg_database, "Region Exempel", **UNLOCK).close()
    with psycopg.connect(pg_database) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (pg_schema.SCHEMA_VERSION + 1,))
    assert _refusal(lambda: open_pg_station(pg_database, **UNLOCK)) == "station_schema_newer"


def test_tls_is_the_default_away_from_a_local_socket() -> None:
    assert "sslmode=verify-full" in conninfo_for("postgresql://station.example/region")
    assert "sslmode=disable" in conninfo_for("postgresql://h/region?sslmode=disable")
    assert "sslmode" not in conninfo_for("host=/run/postgresql dbname=region")
    assert conninfo_for("regionstation") == "service=regionstation"
    assert has_password("postgresql://staff:secret@h/region")
    assert not has_password("postgresql://staff@h/region")


def test_a_server_gone_mid_import_keeps_nothing_and_the_next_run_imports(
    pg_station: PgStationStore,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    register_laptop(pg_station, make_laptop_card(laptop.session))
    laptop.new_case()
    (tmp_path / "out").mkdir()
    exported = export_bundle(laptop.session, tmp_path / "out")
    assert exported is not None
    before = pg_state(pg_station)
    importing = open_pg_station(pg_database, **UNLOCK)
    first_bad = importer_module._first_bad

    def server_goes_away(*args: Any) -> object:
        # Inside the bundle's transaction, after its events were sent: the server ends
        # this connection (as a restart or a network cut would).
        with psycopg.connect(pg_database, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (importing._conn.info.backend_pid,))
        return first_bad(*args)

    monkeypatch.setattr(importer_module, "_first_bad", server_goes_away)
    code = _refusal(lambda: StationImporter(importing).import_file(exported.path))
    assert code == "station_db_lost"
    assert pg_state(pg_station) == before  # nothing of the bundle
    monkeypatch.setattr(importer_module, "_first_bad", first_bad)
    again = open_pg_station(pg_database, **UNLOCK)
    assert StationImporter(again).import_file(exported.path).status is Status.IMPORTED
    again.close()
    importing.close()
    laptop.session.lock()
