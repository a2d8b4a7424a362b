"""``python -m bench station``: importing into a PostgreSQL station against the SQLCipher
station, in the same run (issue #18; the first part of its benchmark).

Needs an empty PostgreSQL database its login may create tables and roles in:
``FIELDAPP_BENCH_DATABASE`` (a libpq conninfo or URL; the password from ``PGPASSFILE``).
``BENCH_STATION_LAPTOPS`` × ``BENCH_STATION_EVENTS`` (default 10 × 10,000) events are
recorded on laptops, sealed once for each station, then imported: into the vault by one
importer, into PostgreSQL by two concurrent importers (two station PCs), each its half of
the laptops. The figure is the vault's time over PostgreSQL's (target ≥ 1.0).

At rest (event bodies and attachments sealed under the station's key, ``sync.pg_keys``):
microseconds per body sealed and opened, over the recorded bodies; and the same two-
importer import into a copy of the station's database (``CREATE DATABASE … TEMPLATE``,
which needs the CREATEDB right) with sealing replaced by the identity, in the same run:
what encryption costs an import.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import psycopg
from psycopg import conninfo as libpq
from psycopg import sql

from bench.sync import PASS, STATION, _fill, _import_all
from fieldapp.composition import open_vault
from fieldapp.storage.keyslots import KdfCost
from fieldapp.sync import bundle, pg_keys
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.pg_store import init_pg_station, open_pg_station
from fieldapp.sync.register import register_laptop
from fieldapp.sync.station import init_station, station_keys

LAPTOPS = int(os.environ.get("BENCH_STATION_LAPTOPS", "10"))
EVENTS = int(os.environ.get("BENCH_STATION_EVENTS", "10000"))
DATABASE = "FIELDAPP_BENCH_DATABASE"
# The station staff member who unlocks the PostgreSQL station (invented).
UNLOCK = {"staff": "S100001", "passphrase": PASS}


def _pg_import(target: str, halves: list[list[Path]]) -> tuple[int, float]:
    """Each half imported by its own importer on its own connection, both at once."""
    totals = [0] * len(halves)
    start_together = threading.Barrier(len(halves))
    unlocked = open_pg_station(target, **UNLOCK)  # one Argon2id derivation, not timed

    def work(index: int) -> None:
        store = unlocked.open_again(target)
        try:
            importer = StationImporter(store)
            start_together.wait()
            for _path, outcome in importer.import_files(halves[index]):
                assert not isinstance(outcome, Exception), outcome
                totals[index] += outcome.new_events
        finally:
            store.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(halves))]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    unlocked.close()
    return sum(totals), time.perf_counter() - start


def _seal_cost(identity: str, bodies: list[tuple[str, bytes]]) -> tuple[float, float]:
    """Microseconds per body sealed, and per body opened (best of three passes)."""
    at_rest = pg_keys.AtRest(identity)
    seal, unseal = [], []
    for _ in range(3):
        start = time.perf_counter()
        sealed = [(i, at_rest.seal_body(i, b)) for i, b in bodies]
        middle = time.perf_counter()
        for i, b in sealed:
            at_rest.open_body(i, b)
        seal.append(middle - start)
        unseal.append(time.perf_counter() - middle)
    return min(seal) / len(bodies) * 1e6, min(unseal) / len(bodies) * 1e6


def _copy_database(target: str, suffix: str, *, clear: bool) -> str | None:
    """A copy of ``target``'s database (its station, register and staff slots, nothing
    imported yet; ``clear``: what it holds in the clear), or None where this login may not
    create databases."""
    params = libpq.conninfo_to_dict(target)
    name = str(params.get("dbname") or params.get("user"))
    copy = f"{name}_{suffix}"
    admin = libpq.make_conninfo(target, dbname="postgres")
    try:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(copy)))
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(copy), sql.Identifier(name)
                )
            )
    except psycopg.Error as exc:
        print(f"(import without encryption not measured: {type(exc).__name__})")
        return None
    copied = libpq.make_conninfo(target, dbname=copy)
    if not clear:
        return copied
    # What the copy holds already (the register) in the clear too, as the baseline reads it.
    station = open_pg_station(copied, **UNLOCK)
    events = station.read_events()
    station.close()
    with psycopg.connect(copied) as conn:
        conn.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
        with conn.cursor() as cur:
            cur.executemany(
                "UPDATE events SET body = %s WHERE id = %s", [(e.body, e.id) for e in events]
            )
        conn.execute("ALTER TABLE events ENABLE TRIGGER events_append_only")
    return copied


def _drop_database(target: str) -> None:
    admin = libpq.make_conninfo(target, dbname="postgres")
    name = str(libpq.conninfo_to_dict(target)["dbname"])
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))


@contextlib.contextmanager
def _bodies_in_the_clear() -> Iterator[None]:
    """The benchmark's baseline only: bodies and blobs stored as they are."""
    with (
        mock.patch.object(pg_keys.AtRest, "seal_body", lambda _s, _i, b: b),
        mock.patch.object(pg_keys.AtRest, "open_body", lambda _s, _i, b: b),
        mock.patch.object(pg_keys.AtRest, "seal_blob", lambda _s, _d, b: b),
        mock.patch.object(pg_keys.AtRest, "open_blob", lambda _s, _d, b: b),
    ):
        yield


def main() -> None:
    target = os.environ.get(DATABASE)
    if not target:
        print(f"bench station: set {DATABASE} to an empty PostgreSQL database (conninfo)")
        return
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-station-") as tmp:
        root = Path(tmp)
        vault_station = init_station(
            open_vault(root / "station"), STATION[0], "Sara Stationsson", STATION[1], "Station",
            cost=KdfCost(),
        )  # fmt: skip
        pg = init_pg_station(target, "Region", **UNLOCK, cost=KdfCost())
        vault_card, pg_card = station_keys(vault_station).card, pg.keys.card
        print(f"Recording {LAPTOPS} laptops × {EVENTS:,} events (setup, not timed) …")
        to_vault, to_pg = [], []
        bodies: list[tuple[str, bytes]] = []
        for n in range(LAPTOPS):
            vault = open_vault(root / f"laptop{n}")
            laptop_card = _fill(vault, vault_card, EVENTS)
            register_laptop(vault_station, laptop_card)
            register_laptop(pg, dataclasses.replace(laptop_card, station=pg_card.fingerprint))
            session = vault.unlock("B100001", PASS)
            if not bodies:
                bodies = [(e.id, e.body) for e in session.events()]
            out = root / f"usb{n}"
            out.mkdir()
            exported = export_bundle(session, out)
            assert exported is not None
            to_vault.append(exported.path)
            # The same events sealed for the PostgreSQL station.
            _, data = bundle.seal(
                list(session.events()),
                {},
                station=pg_card,
                vault_id=session.vault_id,
                signer=session.officer_id,
                signer_public=session.public_key,
                sign=session.sign,
            )
            (out / "pg.fabundle").write_bytes(data)
            to_pg.append(out / "pg.fabundle")
            session.lock()
        identity = pg.keys.identity
        pg.close()
        clear_target = _copy_database(target, "clear", clear=True)
        sealed_target = _copy_database(target, "sealed", clear=False)
        load = os.getloadavg()[0]
        vault_events, vault_seconds = _import_all(vault_station, to_vault)
        vault_station.lock()
        pg_events, pg_seconds = _pg_import(target, [to_pg[0::2], to_pg[1::2]])
        print(f"load average at the start: {load:.2f}")
        print(
            f"SQLCipher station, one importer: {vault_events:,} events in {vault_seconds:.1f} s"
            f" = {vault_events / vault_seconds:,.0f} events/s"
        )
        print(
            f"PostgreSQL station, two importers: {pg_events:,} events in {pg_seconds:.1f} s"
            f" = {pg_events / pg_seconds:,.0f} events/s"
        )
        print(f"ratio SQLCipher time / PostgreSQL time: {vault_seconds / pg_seconds:.2f}"
              "   target >= 1.0")  # fmt: skip
        seal_us, open_us = _seal_cost(identity, bodies)
        size = sum(len(b) for _, b in bodies) / len(bodies)
        print(
            f"at rest: AES-256-GCM {seal_us:.1f} µs per body sealed, {open_us:.1f} µs opened "
            f"({len(bodies):,} bodies, {size:.0f} bytes on average)"
        )
        if clear_target is not None and sealed_target is not None:
            # Once more each way, the clear one first this time: the order of two runs on
            # a shared machine weighs as much as what is measured.
            with _bodies_in_the_clear():
                clear_events, clear_seconds = _pg_import(clear_target, [to_pg[0::2], to_pg[1::2]])
            _, again_seconds = _pg_import(sealed_target, [to_pg[0::2], to_pg[1::2]])
            _drop_database(clear_target)
            _drop_database(sealed_target)
            print(
                f"PostgreSQL station, bodies in the clear: {clear_events:,} events in "
                f"{clear_seconds:.1f} s, then sealed again: {again_seconds:.1f} s"
            )
            print(
                f"sealed over clear: {pg_seconds / clear_seconds:.2f} (first sealed run), "
                f"{again_seconds / clear_seconds:.2f} (the run after the clear one)"
            )
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
