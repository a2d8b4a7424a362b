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

Then, in a second database (``<name>_cases``, created beside it when the login may; or
``FIELDAPP_BENCH_DATABASE_CASES``): ``BENCH_STATION_CASES`` (default 10,000) cases recorded
through the workflow on ten laptops (one of them ``REPORT_CASES`` = 1,000 whole hotel raids
as ``bench documents`` records them, the others a raid with a seller offered support and a
buyer, at forty hotels, some rooms and minutes on two laptops: possible duplicates),
imported into both stations. Timed: the consolidated case list of every case from
PostgreSQL (target ≤ 200 ms) and the operation report of the 1,000 raids from PostgreSQL
over the same from the SQLCipher station (target ≤ 1.5).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypedDict
from unittest import mock

import psycopg
from psycopg import conninfo as libpq
from psycopg import sql

from bench.documents import CEST, _Clock, _personnummer, _record_case
from bench.sync import PASS, STATION, _fill, _import_all
from fieldapp.composition import open_vault
from fieldapp.documents import service
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.session import Session
from fieldapp.sync import bundle, pg_keys
from fieldapp.sync.enrol import enrol_station
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_context import PgStationContext
from fieldapp.sync.pg_store import PgStationStore, init_pg_station, open_pg_station
from fieldapp.sync.register import register_laptop
from fieldapp.sync.review import consolidated_cases
from fieldapp.sync.station import StationCard, init_station, station_keys
from fieldapp.workflow import cases, operations, persons, support
from fieldapp.workflow.context import Context


class Unlock(TypedDict):
    """``open_pg_station``'s keywords that unlock the bench's station."""

    staff: str
    passphrase: str


LAPTOPS = int(os.environ.get("BENCH_STATION_LAPTOPS", "10"))
EVENTS = int(os.environ.get("BENCH_STATION_EVENTS", "10000"))
DATABASE = "FIELDAPP_BENCH_DATABASE"
# The station staff member who unlocks the PostgreSQL station (invented).
UNLOCK: Unlock = {"staff": "S100001", "passphrase": PASS}
CASES = int(os.environ.get("BENCH_STATION_CASES", "10000"))
REPORT_CASES = int(os.environ.get("BENCH_STATION_REPORT_CASES", "1000"))
CASE_LAPTOPS = 10
LIST_TARGET_MS = 200
REPORT_RATIO_TARGET = 1.5
RUNS = 5
START = datetime(2026, 5, 11, 20, 0, tzinfo=CEST)


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
    """The benchmark's baseline only: bodies, blobs and record data stored as they are
    (``seal`` and ``open`` too: the records projection's data goes through them)."""
    with (
        mock.patch.object(pg_keys.AtRest, "seal", lambda _s, data, _aad: data),
        mock.patch.object(pg_keys.AtRest, "open", lambda _s, sealed, _aad, _where: sealed),
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
            (out / "pg.fabundle").write_bytes(_sealed_for(session, pg_card))
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
        case_list_and_report(target, root)
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    return _medians_ms(action, runs)[0]


def _medians_ms(action: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (on a shared, loaded machine
    the wall time is mostly waiting for a core; the CPU time is what the work costs)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _server_ms(store: PgStationStore) -> float:
    """The server's own time for the list's one statement (EXPLAIN ANALYZE), median of
    three: what the client's CPU time leaves out."""
    # Deferred for start-up time: only this measurement needs the statement's text.
    from fieldapp.sync.pg_connection import pg_statement

    query = pg_statement(
        "SELECT r.entity_type, r.entity_id, r.operation_id, r.case_id, r.data, "
        "r.created_at, r.created_by, r.updated_at, r.updated_by, r.last_event, r.voided, "
        "r.void_reason, e.device_id FROM records r "
        "LEFT JOIN events e ON e.id = r.created_event WHERE r.entity_type = ? "
        "AND r.voided = 0 ORDER BY r.created_hlc, r.entity_id"
    )
    times = []
    for _ in range(3):
        rows = store.records_conn.raw.execute(f"EXPLAIN ANALYZE {query}", ("case",)).fetchall()
        times.append(float(str(rows[-1][0]).split(":")[1].split()[0]))
    return statistics.median(times)


def _cases_database(target: str) -> str:
    """An empty database for the case list beside ``target`` (or the one named)."""
    named = os.environ.get(f"{DATABASE}_CASES")
    if named:
        return named
    with psycopg.connect(target, autocommit=True) as conn:
        row = conn.execute("SELECT current_database()").fetchone()
        assert row is not None
        name = f"{row[0]}_cases"
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return psycopg.conninfo.make_conninfo(target, dbname=name)


def _light_cases(session: Session, laptop: int, count: int) -> None:
    """A raid with a seller offered support and a buyer, ``count`` times: forty hotels,
    rooms and times that two neighbouring laptops share now and then."""
    clock = _Clock()
    ctx = Context(session, clock)
    operation = operations.create_operation(
        ctx, {"name": f"Insats {laptop}", "start": "2026-05-01", "end": "2026-07-31",
              "county": "vastmanland"},
    ).entity_id  # fmt: skip
    contact = next(
        c.entity_id
        for c in operations.contacts(ctx, operation)
        if c.get("role") == "seller_support"
    )
    with session.writing():
        for i in range(count):
            # Each laptop five minutes after the one before (never the same minute: 13
            # does not divide 5·k for k < 13), except every 50th case, at the same hotel,
            # room and minute as the laptop before's: a possible duplicate.
            shift = laptop - 1 if i % 50 == 0 and laptop % 2 == 0 else laptop
            clock.now = START + timedelta(minutes=5 * shift + 13 * i)
            case = cases.open_case(
                ctx, operation,
                {"place_kind": "hotel", "place_name": f"Hotell {i % 40}",
                 "address": f"Storgatan {i % 40 + 1}", "room": str(100 + i % 300),
                 "municipality": "Västerås"},
            ).entity_id  # fmt: skip
            seller = persons.add_seller(ctx, case, {"name": f"Säljare {i}", "estimated_age": 25})
            outcome = "accepted" if i % 3 else "declined"
            support.record_support_offer(
                ctx, case, seller.entity_id, {"contact_id": contact, "outcome": outcome}
            )
            born = f"{1950 + i % 50}{(i % 12) + 1:02d}{(i % 28) + 1:02d}"
            persons.add_buyer(
                ctx, case,
                {"name": f"Köpare {laptop}-{i}", "personal_id": _personnummer(born),
                 "identity_method": "id_card"},
            )  # fmt: skip


def _report_cases(session: Session, count: int) -> str:
    """``count`` whole raids as ``bench documents`` records them; the operation's id."""
    clock = _Clock()
    ctx = Context(session, clock)
    operation = operations.create_operation(
        ctx, {"name": "Bänkinsats", "start": "2026-05-01", "end": "2026-07-31",
              "county": "vastmanland", "agencies": ["Polisen", "Socialjouren"]},
    ).entity_id  # fmt: skip
    contacts = {str(c.get("role")): c.entity_id for c in operations.contacts(ctx, operation)}
    with session.writing():
        for i in range(count):
            _record_case(ctx, clock, operation, i, contacts)
    return operation


def _sealed_for(session: Session, card: StationCard) -> bytes:
    _, data = bundle.seal(
        list(session.events()),
        {},
        station=card,
        vault_id=session.vault_id,
        signer=session.officer_id,
        signer_public=session.public_key,
        sign=session.sign,
    )
    return data


def case_list_and_report(target: str, root: Path) -> None:
    """The consolidated list of ``CASES`` cases and the report of ``REPORT_CASES``, from
    PostgreSQL, against the SQLCipher station in the same run."""
    vault_station = init_station(
        open_vault(root / "cases-station"), STATION[0], "Sara Stationsson", STATION[1],
        "Station", cost=KdfCost(),
    )  # fmt: skip
    pg = init_pg_station(_cases_database(target), "Region", **UNLOCK, cost=KdfCost())
    vault_card = station_keys(vault_station).card
    per_laptop = max(1, (CASES - REPORT_CASES) // (CASE_LAPTOPS - 1))
    print(
        f"Recording {REPORT_CASES:,} whole raids and {CASE_LAPTOPS - 1} × {per_laptop:,} "
        "cases on laptops (setup, not timed) …"
    )
    start = time.perf_counter()
    report_operation = ""
    for n in range(CASE_LAPTOPS):
        session = open_vault(root / f"cases-laptop{n}").create(
            "B100001", "Pia Mätare", PASS, cost=KdfCost()
        )
        enrol_station(session, vault_card)
        laptop_card = make_laptop_card(session)
        register_laptop(vault_station, laptop_card)
        register_laptop(pg, dataclasses.replace(laptop_card, station=pg.keys.card.fingerprint))
        if n == 0:
            report_operation = _report_cases(session, REPORT_CASES)
        else:
            _light_cases(session, n, per_laptop)
        StationImporter(vault_station).import_bytes(_sealed_for(session, vault_card))
        StationImporter(pg).import_bytes(_sealed_for(session, pg.keys.card))
        session.lock()
    print(f"… recorded and imported into both stations in {time.perf_counter() - start:.0f} s.")
    reviewer = pg.reviewer()
    listed = consolidated_cases(reviewer)
    assert len(listed) == REPORT_CASES + per_laptop * (CASE_LAPTOPS - 1), len(listed)
    assert listed == consolidated_cases(vault_station)
    duplicates = sum(1 for row in listed if row.duplicates)
    load = os.getloadavg()[0]
    pg_list_ms, pg_list_cpu = _medians_ms(lambda: consolidated_cases(reviewer))
    vault_list_ms, vault_list_cpu = _medians_ms(lambda: consolidated_cases(vault_station))
    server_ms = _server_ms(pg)
    pg_ctx, vault_ctx = PgStationContext(pg), Context(vault_station)
    assert service.report_data(pg_ctx, report_operation) == service.report_data(
        vault_ctx, report_operation
    )
    pg_report_ms = _median_ms(lambda: service.operation_report_pdf(pg_ctx, report_operation), 3)
    vault_report_ms = _median_ms(
        lambda: service.operation_report_pdf(vault_ctx, report_operation), 3
    )
    print(f"load average at the start: {load:.2f}")
    print(
        f"consolidated case list, {len(listed):,} cases ({duplicates} possible duplicates): "
        f"PostgreSQL {pg_list_ms:.0f} ms (target <= {LIST_TARGET_MS}; CPU here "
        f"{pg_list_cpu:.0f} ms + the server's {server_ms:.0f} ms), SQLCipher station "
        f"{vault_list_ms:.0f} ms (CPU {vault_list_cpu:.0f} ms)"
    )
    print(
        f"operation report, {REPORT_CASES:,} cases: PostgreSQL {pg_report_ms:.0f} ms, "
        f"SQLCipher station {vault_report_ms:.0f} ms; ratio {pg_report_ms / vault_report_ms:.2f}"
        f"   target <= {REPORT_RATIO_TARGET}"
    )
    pg.close()
    vault_station.lock()
