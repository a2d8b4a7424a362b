"""The station's refusals come from SQLSTATEs and a ping, never from the server's words:
against a server that speaks Swedish (``lc_messages = sv_SE.UTF-8``), a refused login, a
missing database, a server not reached and a server gone mid-import each still get their
code; and a server stopped in the middle of ``sync import`` leaves nothing of the bundle,
the next run importing it."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from fieldapp import cli
from fieldapp.errors import KnownError
from fieldapp.storage.records import Records
from fieldapp.sync import importer as importer_module
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import init_pg_station, open_pg_station
from fieldapp.sync.register import register_laptop
from tests import postgres
from tests.station_pg.conftest import STAFF, STAFF_PASS, UNLOCK, as_user, pg_state
from tests.sync.conftest import Laptop

SWEDISH = "sv_SE.UTF-8"


@pytest.fixture(scope="module")
def sv_cluster() -> Iterator[postgres.Cluster]:
    """A cluster of this module's own, whose server speaks Swedish (and may be stopped)."""
    started = postgres.start_cluster(messages=SWEDISH)
    if isinstance(started, str):
        if os.environ.get(postgres.REQUIRE_ENV) == "1":
            pytest.fail(f"{postgres.REQUIRE_ENV}=1 but {started}")
        pytest.skip(started)
    yield started
    postgres.stop_cluster(started)


@pytest.fixture
def sv_database(sv_cluster: postgres.Cluster) -> Iterator[str]:
    name = postgres.fresh_database(sv_cluster)
    yield sv_cluster.conninfo(name)
    if not _running(sv_cluster):  # a test that stopped it failed before starting it again
        postgres.start_server(sv_cluster)
    postgres.drop_database(sv_cluster, name)


def _running(cluster: postgres.Cluster) -> bool:
    return psycopg.pq.PGconn.ping(cluster.conninfo().encode()) == psycopg.pq.Ping.OK


def _refused(action: Any) -> KnownError:
    with pytest.raises(KnownError) as refused:
        action()
    assert "\n" not in refused.value.message
    return refused.value


def _server_says(conninfo: str) -> str:
    """What the server answers a connection, as the driver reports it."""
    with pytest.raises(psycopg.OperationalError) as failed:
        psycopg.connect(conninfo)
    return str(failed.value)


def test_the_server_speaks_swedish(sv_database: str) -> None:
    with psycopg.connect(sv_database) as conn:
        row = conn.execute("SHOW lc_messages").fetchone()
        assert row == (SWEDISH,)
        with pytest.raises(psycopg.errors.DivisionByZero) as caught:
            conn.execute("SELECT 1 / 0")
    assert "division med noll" in str(caught.value)


def test_each_refusal_has_its_code_whatever_the_servers_language(
    sv_database: str, tmp_path: Path
) -> None:
    init_pg_station(sv_database, "Region Exempel", **UNLOCK).close()
    wrong = as_user(sv_database, postgres.SUPERUSER, "not-the-password")
    assert "does not exist" not in _server_says(wrong)  # not English: Swedish
    assert _refused(lambda: open_pg_station(wrong, **UNLOCK)).code == "station_db_login_refused"
    nobody = as_user(sv_database, "no_such_staff", "x")
    assert _refused(lambda: open_pg_station(nobody, **UNLOCK)).code == "station_db_login_refused"
    missing = re.sub(r"dbname='[^']*'", "dbname='no_such_station'", sv_database)
    said = _server_says(missing)
    assert "existerar inte" in said and "does not exist" not in said
    assert _refused(lambda: open_pg_station(missing, **UNLOCK)).code == "station_db_missing"
    # A missing database whose login libpq takes from a password file's line for it.
    params = dict(re.findall(r"(\w+)='([^']*)'", missing))
    passfile = tmp_path / "pgpass"
    passfile.write_text(
        f"{params['host']}:{params['port']}:no_such_station:{params['user']}:"
        f"{postgres.SUPERUSER_PASS}\n"
    )
    passfile.chmod(0o600)
    from_file = re.sub(r" password='[^']*'", "", missing) + f" passfile='{passfile}'"
    assert _refused(lambda: open_pg_station(from_file, **UNLOCK)).code == "station_db_missing"
    away = f"host='{tmp_path}' port='5999' dbname='station'"
    assert _refused(lambda: open_pg_station(away, **UNLOCK)).code == "station_db_unreachable"


def test_a_statement_the_server_cancels_is_refused_by_its_sqlstate(sv_database: str) -> None:
    store = init_pg_station(sv_database, "Region Exempel", **UNLOCK)
    store._conn.execute("SET statement_timeout = 1")  # milliseconds
    refused = _refused(lambda: store._rows("SELECT pg_sleep(1)"))
    assert (refused.code, refused.params) == ("station_db_server_refused", {"sqlstate": "57014"})
    store._conn.execute("SET statement_timeout = 0")
    assert store.staff() == [STAFF]  # the connection goes on
    store.close()


def test_a_server_gone_mid_import_in_swedish_is_lost(
    sv_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = init_pg_station(sv_database, "Region Exempel", **UNLOCK)
    laptop = Laptop(tmp_path / "a", station.keys.card)
    register_laptop(station, make_laptop_card(laptop.session))
    laptop.new_case()
    (tmp_path / "out").mkdir()
    exported = export_bundle(laptop.session, tmp_path / "out")
    assert exported is not None
    importing = open_pg_station(sv_database, **UNLOCK)
    first_bad = importer_module._first_bad

    def terminated(*args: Any) -> object:
        with psycopg.connect(sv_database, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (importing._conn.info.backend_pid,))
        return first_bad(*args)

    monkeypatch.setattr(importer_module, "_first_bad", terminated)
    lost = _refused(lambda: StationImporter(importing).import_file(exported.path))
    assert lost.code == "station_db_lost"
    assert not station._conn.execute("SELECT 1 FROM imported_bundles").fetchall()
    # What the review and the case list read through the connection seam: the same code.
    gone = _refused(lambda: Records(importing.records_conn).find("case"))
    assert gone.code == "station_db_lost"
    importing.close()
    station.close()
    laptop.session.lock()


def test_a_server_stopped_mid_import_on_the_command_line(
    sv_cluster: postgres.Cluster,
    sv_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    params = dict(re.findall(r"(\w+)='([^']*)'", sv_database))
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{params['user']}:{postgres.SUPERUSER_PASS}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    target = " ".join(f"{k}={v}" for k, v in params.items() if k != "password")
    station = init_pg_station(sv_database, "Region Exempel", **UNLOCK)
    laptop = Laptop(tmp_path / "a", station.keys.card)
    register_laptop(station, make_laptop_card(laptop.session))
    before = pg_state(station)
    station.close()
    laptop.new_case()
    (tmp_path / "out").mkdir()
    exported = export_bundle(laptop.session, tmp_path / "out")
    assert exported is not None
    first_bad = importer_module._first_bad

    def server_stops(*args: Any) -> object:
        # Inside the bundle's transaction, its events sent: the server shuts down (as a
        # restart for an upgrade would), ending this session.
        postgres.stop_server(sv_cluster, "fast")
        return first_bad(*args)

    monkeypatch.setattr(importer_module, "_first_bad", server_stops)
    code, out, err = _import(tmp_path, exported.path, target, capsys)
    assert code == 1
    assert err.count("\n") == 1
    assert "refused: The connection to the station's database was lost" in err, err
    assert not exported.path.with_suffix(".receipt").exists()
    assert not _running(sv_cluster)

    monkeypatch.setattr(importer_module, "_first_bad", first_bad)
    postgres.start_server(sv_cluster)
    after = open_pg_station(sv_database, **UNLOCK)
    assert pg_state(after) == before  # nothing of the bundle
    after.close()
    code, out, err = _import(tmp_path, exported.path, target, capsys)
    assert code == 0, err
    assert f"{exported.path.name}: imported" in out
    assert exported.path.with_suffix(".receipt").exists()
    laptop.session.lock()


def _import(
    tmp: Path, bundle: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    (tmp / "staff-pass").write_text(STAFF_PASS + "\n")
    argv = ["--data-dir", str(tmp / "app"), "sync", "import", str(bundle), "--database", target]
    argv += ["--officer", STAFF, "--passphrase-file", str(tmp / "staff-pass")]
    out = io.StringIO()
    args = cli.build_parser().parse_args(argv)
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue(), capsys.readouterr().err
