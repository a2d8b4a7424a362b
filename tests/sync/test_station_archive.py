"""The station is the archive: a laptop that purges after the station's receipt leaves every
case listed, reported and counted at the station; station ``verify`` notices a case it no
longer holds; the station's own retention is a separate, explicit purge. Through the CLI, on
real vaults (a demo laptop with six cases, two of them finished)."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.composition import open_vault
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.records import Records
from fieldapp.sync.archive import check_archive
from fieldapp.sync.export import acknowledge, export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.retention import purge_due, set_retention_days
from fieldapp.sync.station import init_station, station_keys
from fieldapp.workflow import cases
from tests.conftest import TEST_COST
from tests.documents.pdfcheck import text
from tests.sync.conftest import STATION_NAME, STATION_OFFICER, Laptop

STATION_PASS = "arkivet glömmer ingenting"


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.storage import vault as vault_module

    monkeypatch.setattr(vault_module, "calibrate", lambda: KdfCost())


class Cli:
    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp, self.capsys = tmp, capsys

    def __call__(self, data: Path, *argv: str) -> tuple[int, str, str]:
        out = io.StringIO()
        args = cli.build_parser().parse_args(["--data-dir", str(data), *argv])
        code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
        return code, out.getvalue(), self.capsys.readouterr().err

    def file(self, name: str, text: str) -> str:
        (self.tmp / name).write_text(text + "\n")
        return str(self.tmp / name)


def _case_ids(listing: str) -> set[str]:
    return {line.split("\t")[0] for line in listing.splitlines() if line}


def test_a_laptops_purge_leaves_the_station_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(tmp_path, capsys)
    station, laptop, usb = tmp_path / "station", tmp_path / "laptop", tmp_path / "usb"
    s_login = ("--officer", "S1", "--passphrase-file", run.file("s.txt", STATION_PASS))
    init = ("--officer", "S1", "--name", "Sara Station", "--station-name", "Station Exempel")
    assert run(station, "station", "init", *init, "--passphrase-file", s_login[3])[0] == 0
    card = tmp_path / "card.json"
    assert run(station, "station", "card", "--out", str(card), *s_login)[0] == 0
    code, out, _ = run(laptop, "demo")
    officer = out.split("Officer: ")[1].split()[0]
    l_login = ("--officer", officer, "--passphrase-file", run.file("l.txt", out.split()[-1]))
    lcard = tmp_path / "laptop-card.json"
    enrol = ("station", "enrol", str(card), "--yes", "--laptop-card", str(lcard))
    assert run(laptop, *enrol, *l_login)[0] == 0
    assert run(station, "station", "register", str(lcard), "--yes", *s_login)[0] == 0

    def sync() -> None:
        for old in usb.glob("*"):
            old.unlink()
        assert run(laptop, "sync", "export", "--out", str(usb), *l_login)[0] == 0
        [bundle] = usb.glob("*.fabundle")
        code, out, err = run(station, "sync", "import", str(bundle), *s_login)
        assert code == 0 and "imported" in out, err
        [receipt] = usb.glob("*.receipt")
        assert run(laptop, "sync", "ack", str(receipt), *l_login)[0] == 0

    sync()
    code, before, _ = run(station, "case", "list", *s_login)
    assert code == 0 and len(_case_ids(before)) == 6

    assert run(laptop, "settings", "retention", "--days", "0", *l_login)[0] == 0
    code, out, _ = run(laptop, "sync", "purge", *l_login)
    assert code == 0 and out.startswith("2 case(s) purged"), out
    purged = set(out.splitlines()[1:])
    code, listing, _ = run(laptop, "case", "list", *l_login)
    assert _case_ids(listing) == _case_ids(before) - purged  # gone from the laptop
    sync()  # the purge events travel to the station

    code, after, _ = run(station, "case", "list", *s_login)
    assert code == 0 and _case_ids(after) == _case_ids(before)  # every case still listed
    session = open_vault(station).unlock("S1", STATION_PASS)
    records = Records(session.conn)
    [operation] = records.find("operation")
    for case_id in purged:  # held whole, and the purge in the case's history
        assert records.get("case", case_id) is not None
        assert records.find("person", case_id=case_id)
        history = session.conn.execute(
            "SELECT count(*) FROM events WHERE entity_type = 'purge' AND entity_id = ?",
            (case_id,),
        ).fetchone()[0]
        assert history == 1
    session.lock()
    report = tmp_path / "report.pdf"
    code, _, err = run(
        station, "report", "--operation", operation.entity_id, "--out", str(report), *s_login
    )
    assert code == 0, err
    assert "Tillslag (ärenden) 6" in text(report.read_bytes())  # counted
    code, out, _ = run(station, "verify", *s_login)
    assert code == 0 and out.startswith("OK"), out

    # The station's own retention: explicit, never part of the import; not on a laptop.
    code, out, _ = run(station, "station", "purge", "--dry-run", *s_login)
    assert code == 0 and out.startswith("0 case(s) due") and "365 days" in out
    code, _, err = run(laptop, "station", "purge", *l_login)
    assert code == 1 and "not a station" in err
    assert run(station, "settings", "retention", "--days", "0", *s_login)[0] == 0
    code, out, _ = run(station, "station", "purge", *s_login)
    assert code == 0 and set(out.splitlines()[1:]) == purged
    code, listing, _ = run(station, "case", "list", *s_login)
    assert _case_ids(listing) == _case_ids(before) - purged
    code, out, _ = run(station, "verify", *s_login)
    assert code == 0 and out.startswith("OK"), out  # purged by the station's own decision


def test_verify_at_the_station_finds_a_purged_case_it_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the station used to do on import (drop the laptop's purged case) fails verify."""
    station = init_station(
        open_vault(tmp_path / "s"), STATION_OFFICER, STATION_NAME, STATION_PASS, "S", cost=TEST_COST
    )
    laptop = Laptop(tmp_path / "l", station_keys(station).card, station)
    case_id, _ = laptop.new_case()
    cases.transfer_case(laptop.ctx, case_id, "Utredningsenheten")

    def sync() -> None:
        exported = export_bundle(laptop.session, tmp_path)
        assert exported is not None
        outcome = StationImporter(station).import_file(exported.path)
        (tmp_path / "r.receipt").write_text(json.dumps(outcome.receipt))
        acknowledge(laptop.session, tmp_path / "r.receipt")

    sync()
    set_retention_days(laptop.session, 0)
    assert purge_due(laptop.session, datetime.now().astimezone() + timedelta(seconds=1))
    sync()
    assert Records(station.conn).get("case", case_id) is not None
    assert check_archive(station) is None
    station.projector.rebuild(station.conn)  # a replay keeps it too
    assert Records(station.conn).get("case", case_id) is not None
    assert check_archive(station) is None
    station.conn.execute("DELETE FROM records WHERE case_id = ? OR entity_id = ?", (case_id,) * 2)
    problem = check_archive(station)
    assert problem is not None and "no longer held" in problem
    station.lock()
    laptop.session.lock()
