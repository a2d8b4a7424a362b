"""SIGKILL during an import leaves the station before or after the bundle, never between."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.storage.session import Session
from fieldapp.sync.export import export_bundle
from fieldapp.workflow import cases
from tests.sync.conftest import STATION_OFFICER, STATION_PASS, Laptop

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    events: int  # the laptop's events the station holds afterwards
    seconds: float


def test_killed_import_is_all_or_nothing(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    case_id, _ = laptop.new_case()
    for i in range(1500):
        cases.add_observation(laptop.ctx, case_id, f"observation {i} " * 5)
    exported = export_bundle(laptop.session, tmp_path)
    assert exported is not None
    station.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    template = tmp_path / "template"
    shutil.copytree(station.vault.data_dir, template)
    passfile = tmp_path / "pass.txt"
    passfile.write_text(STATION_PASS)
    full = _run(template, tmp_path / "timing", passfile, exported.path, None)
    assert full.events == exported.header.count
    rng = random.Random(11)
    for run in range(5):
        result = _run(
            template,
            tmp_path / f"run{run}",
            passfile,
            exported.path,
            rng.uniform(0.0, full.seconds),
        )
        assert result.events in (0, exported.header.count)  # all of the bundle or none


def _run(
    template: Path, folder: Path, passfile: Path, bundle: Path, kill_after: float | None
) -> Result:
    """Import ``bundle`` into a copy of the station, killed after ``kill_after`` seconds."""
    shutil.copytree(template, folder)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.sync.killed_importer",
            str(folder),
            STATION_OFFICER,
            str(passfile),
            str(bundle),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY"
    start = time.perf_counter()
    if kill_after is None:
        proc.communicate(timeout=120)
    else:
        time.sleep(kill_after)
        proc.kill()
        proc.communicate(timeout=30)
    seconds = time.perf_counter() - start
    session = open_vault(folder).unlock(STATION_OFFICER, STATION_PASS)
    try:
        assert session.verify().ok
        held = session.conn.execute(
            "SELECT count(*) FROM events WHERE device_id != ?", (session.device_id,)
        ).fetchone()[0]
        return Result(int(held), seconds)
    finally:
        session.lock()
