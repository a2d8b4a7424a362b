"""Backup and restore with ``pg_dump``/``pg_restore``: the restored station verifies, is
the same station, and goes on importing where it stopped. And ``verify`` finds a broken
chain."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import psycopg

from fieldapp.sync import pg_schema
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter, Status
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore, open_pg_station
from fieldapp.sync.register import register_laptop
from tests import postgres
from tests.station_pg.conftest import UNLOCK
from tests.sync.conftest import Laptop


def _bundle(laptop: Laptop, out: Path) -> Path:
    out.mkdir()
    exported = export_bundle(laptop.session, out)
    assert exported is not None
    return exported.path


def _tool(name: str, *args: str) -> None:
    bindir = postgres.find_bindir()
    assert bindir is not None
    env = {**os.environ, "PGPASSWORD": postgres.SUPERUSER_PASS}
    subprocess.run([str(bindir / name), *args], check=True, capture_output=True, env=env)


def _params(conninfo: str) -> dict[str, str]:
    return dict(re.findall(r"(\w+)='([^']*)'", conninfo))


def test_dump_restore_then_verify_and_go_on(
    pg_station: PgStationStore, pg_database: str, pg_cluster: postgres.Cluster, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    register_laptop(pg_station, make_laptop_card(laptop.session))
    laptop.new_case()
    first = _bundle(laptop, tmp_path / "1")
    StationImporter(pg_station).import_file(first)
    p = _params(pg_database)
    dump = tmp_path / "station.dump"
    where = ["-h", p["host"], "-p", p["port"], "-U", p["user"]]
    _tool("pg_dump", *where, "-Fc", "-f", str(dump), p["dbname"])
    restored = postgres.fresh_database(pg_cluster)
    # The roles are the cluster's, not the database's: the restored copy gets its own by
    # migrating (a restore onto a new server restores the roles first, pg_dumpall -r).
    _tool("pg_restore", *where, "--no-acl", "-d", restored, str(dump))
    target = pg_cluster.conninfo(restored)
    with psycopg.connect(target) as conn:
        assert pg_schema.migrate(conn) == pg_schema.SCHEMA_VERSION
    copy = open_pg_station(target, expect=pg_station.keys.card.fingerprint, **UNLOCK)
    report = copy.verify()
    assert report.ok, report.summary()
    assert report.events == len(pg_station.read_events())
    importer = StationImporter(copy)
    assert importer.import_file(first).status is Status.DUPLICATE
    laptop.new_case()
    assert importer.import_file(_bundle(laptop, tmp_path / "2")).status is Status.IMPORTED
    assert copy.verify().ok
    copy.close()
    postgres.drop_database(pg_cluster, restored)
    laptop.session.lock()


def test_verify_finds_an_event_that_does_not_follow_its_chain(
    pg_station: PgStationStore, tmp_path: Path, pg_database: str
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    register_laptop(pg_station, make_laptop_card(laptop.session))
    StationImporter(pg_station).import_file(_bundle(laptop, tmp_path / "1"))
    assert pg_station.verify().ok
    last = pg_station.read_events(laptop.session.device_id)[-1]
    sealed = pg_station._at_rest.seal_body(last.id + "x", last.body)  # opens: only the link is off
    with psycopg.connect(pg_database) as conn:  # the owner writes behind the app's back
        conn.execute(
            "INSERT INTO events (device_id, seq, id, officer_id, hlc, wall_time, zone, kind, "
            "entity_type, entity_id, parents, body, attachments, prev_hash, entry_hash, "
            "signature, body_hash) SELECT device_id, seq + 1, id || 'x', officer_id, hlc, "
            "wall_time, zone, kind, entity_type, entity_id, parents, %s, attachments, "
            "entry_hash, entry_hash, signature, body_hash FROM events WHERE id = %s",
            (sealed, last.id),
        )
    report = pg_station.verify()
    assert not report.ok
    assert report.bad_device == laptop.session.device_id
    assert "entry hash" in (report.problem or "")
    laptop.session.lock()
