"""``python -m bench station``: importing into a PostgreSQL station against the SQLCipher
station, in the same run (issue #18; the first part of its benchmark).

Needs an empty PostgreSQL database its login may create tables and roles in:
``FIELDAPP_BENCH_DATABASE`` (a libpq conninfo or URL; the password from ``PGPASSFILE``).
``BENCH_STATION_LAPTOPS`` × ``BENCH_STATION_EVENTS`` (default 10 × 10,000) events are
recorded on laptops, sealed once for each station, then imported: into the vault by one
importer, into PostgreSQL by two concurrent importers (two station PCs), each its half of
the laptops. The figure is the vault's time over PostgreSQL's (target ≥ 1.0).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import threading
import time
from pathlib import Path

from bench.sync import PASS, STATION, _fill, _import_all
from fieldapp.composition import open_vault
from fieldapp.storage.keyslots import KdfCost
from fieldapp.sync import bundle
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

    def work(index: int) -> None:
        store = open_pg_station(target, **UNLOCK)
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
    return sum(totals), time.perf_counter() - start


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
        for n in range(LAPTOPS):
            vault = open_vault(root / f"laptop{n}")
            laptop_card = _fill(vault, vault_card, EVENTS)
            register_laptop(vault_station, laptop_card)
            register_laptop(pg, dataclasses.replace(laptop_card, station=pg_card.fingerprint))
            session = vault.unlock("B100001", PASS)
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
        pg.close()
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
