"""``--database``: the station's commands against a PostgreSQL station, end to end, with
the password from a password file (never from the command line)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import psycopg
import pytest

from fieldapp import cli
from fieldapp.storage.records import Records
from fieldapp.sync import pg_schema
from fieldapp.sync.export import acknowledge, export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.sync.register import register_laptop
from fieldapp.sync.station import StationCard
from tests.station_pg.conftest import STAFF, STAFF_PASS
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal


def _run(tmp: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """One command; against a database, unlocked by the tests' staff member (whose
    passphrase a file holds) unless the command names its own."""
    out = io.StringIO()
    if "--database" in argv and "--officer" not in argv:
        (tmp / "staff-pass").write_text(STAFF_PASS + "\n")
        argv = (*argv, "--officer", STAFF, "--passphrase-file", str(tmp / "staff-pass"))
    args = cli.build_parser().parse_args(["--data-dir", str(tmp / "unused"), *argv])
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue(), capsys.readouterr().err


def test_init_register_import_and_acknowledge(
    target: str, pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--database", target)
    code, out, err = _run(
        tmp_path, "station", "init", *db, "--station-name", "Region", capsys=capsys
    )
    assert code == 0, err
    fingerprint = out.split("Fingerprint: ")[1].strip()
    code, out, err = _run(
        tmp_path, "station", "card", *db, "--out", str(tmp_path / "card.json"), capsys=capsys
    )
    assert code == 0, err
    card = StationCard.load(tmp_path / "card.json")
    assert card.fingerprint == fingerprint
    laptop = Laptop(tmp_path / "laptop", card)
    make_laptop_card(laptop.session).save(tmp_path / "laptop.json")
    code, _, err = _run(
        tmp_path, "station", "register", str(tmp_path / "laptop.json"), *db, "--yes", capsys=capsys
    )
    assert code == 0, err
    code, out, _ = _run(tmp_path, "station", "laptops", *db, capsys=capsys)
    assert out.startswith("1 laptop(s) registered.")
    laptop.new_case()
    (tmp_path / "out").mkdir()
    exported = export_bundle(laptop.session, tmp_path / "out")
    assert exported is not None
    code, out, err = _run(
        tmp_path,
        "sync",
        "import",
        str(exported.path),
        *db,
        "--expect-station",
        fingerprint,
        capsys=capsys,
    )
    assert code == 0, err
    assert "imported" in out
    receipt = exported.path.with_suffix(".receipt")
    assert json.loads(receipt.read_text())["station"] == fingerprint
    assert acknowledge(laptop.session, receipt) == len(list(laptop.session.events()))
    device = laptop.session.device_id
    code, out, err = _run(
        tmp_path, "station", "revoke", device[:8], *db, "--reason", "lost", capsys=capsys
    )
    assert code == 0, err
    code, out, _ = _run(tmp_path, "station", "laptops", *db, capsys=capsys)
    assert f"{device}\t" in out and "\trevoked" in out
    laptop.new_case()  # after the revocation: refused, and an alarm to review
    (tmp_path / "later").mkdir()
    later = export_bundle(laptop.session, tmp_path / "later")
    assert later is not None
    code, _, err = _run(tmp_path, "sync", "import", str(later.path), *db, capsys=capsys)
    assert code == 1 and "refused" in err
    code, out, _ = _run(tmp_path, "sync", "review", *db, capsys=capsys)
    assert out.splitlines()[0] == "0 conflict(s), 1 alarm(s) to review."
    assert out.splitlines()[1].startswith(f"alarm\trevoked\t{device[:8]}\t")
    # The consolidated list: the case imported before the revocation, not the one after.
    code, out, err = _run(tmp_path, "sync", "cases", *db, capsys=capsys)
    assert code == 0, err
    assert out.splitlines()[0] == "1 case(s)."
    case_id, operation_id, laptop_id, _officer, *_rest, review, duplicates = out.splitlines()[
        1
    ].split("\t")
    assert (operation_id, laptop_id, review, duplicates) == (
        laptop.operation,
        device[:8],
        "received",
        "",
    )
    assert case_id in {c.entity_id for c in Records(laptop.session.conn).find("case")}
    # Bad input: one-line coded refusals, nothing written.
    code, _, err = _run(tmp_path, "sync", "cases", "--operation", "nope", *db, capsys=capsys)
    assert code == 1 and err.count("\n") == 1 and "operation: no such operation" in err
    code, _, err = _run(
        tmp_path, "sync", "resolve", "ffffffffff", "--keep", "current", *db, capsys=capsys
    )
    assert code == 1 and err.count("\n") == 1 and "Conflict: no open conflict" in err
    laptop.session.lock()


def test_a_password_on_the_command_line_and_another_station_are_refused(
    target: str, pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        tmp_path,
        "station",
        "init",
        "--database",
        pg_database,
        "--station-name",
        "R",
        capsys=capsys,
    )
    assert code == 1 and err.count("\n") == 1 and "password" in err
    code, _, err = _run(
        tmp_path, "station", "init", "--database", target, "--station-name", "R", capsys=capsys
    )
    assert code == 0, err
    code, _, err = _run(
        tmp_path,
        "station",
        "laptops",
        "--database",
        target,
        "--expect-station",
        "AAAA-BBBB-CCCC-DDDD-EEEE",
        capsys=capsys,
    )
    assert code == 1 and err.count("\n") == 1
    code, out, err = _run(tmp_path, "station", "migrate", "--database", target, capsys=capsys)
    now = pg_schema.SCHEMA_VERSION
    assert (code, out) == (0, f"The station's schema was at version {now}; it is at {now}.\n"), err
    code, _, err = _run(tmp_path, "station", "laptops", capsys=capsys)  # neither way in
    assert code == 1 and "--officer" in err


def test_staff_slots_from_the_command_line_and_a_wrong_passphrase(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--database", target)
    code, _, err = _run(tmp_path, "station", "init", *db, "--station-name", "R", capsys=capsys)
    assert code == 0, err
    other = tmp_path / "other-pass"
    other.write_text("gröna kaniner hoppar högt\n")
    code, out, err = _run(
        tmp_path, "station", "staff", "add", "S100002", *db, "--new-passphrase-file",
        str(other), capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = _run(tmp_path, "station", "staff", "list", *db, capsys=capsys)
    assert out.splitlines() == ["2 staff key slot(s).", STAFF, "S100002"]
    as_other = ("--officer", "S100002", "--passphrase-file", str(other))
    code, out, err = _run(
        tmp_path, "station", "staff", "remove", STAFF, *db, *as_other, capsys=capsys
    )
    assert code == 0, err
    code, _, err = _run(tmp_path, "station", "laptops", *db, capsys=capsys)  # STAFF's slot gone
    assert code == 1 and err.count("\n") == 1 and "passphrase" in err
    # That refusal made the next try from this PC wait (test_unlock_backoff): the wait
    # over, as its file gone says.
    [waiting] = (tmp_path / "unused").glob("station-*.unlock.state")
    waiting.unlink()
    code, _, err = _run(
        tmp_path, "station", "staff", "remove", "S100002", *db, *as_other, capsys=capsys
    )
    assert code == 1 and err.count("\n") == 1 and "last key slot" in err  # it stays
    code, out, err = _run(tmp_path, "station", "laptops", *db, *as_other, capsys=capsys)
    assert (code, out) == (0, "0 laptop(s) registered.\n"), err
    code, _, err = _run(tmp_path, "station", "staff", "list", capsys=capsys)  # not a vault's
    assert code == 1 and "PostgreSQL" in err


def test_migrate_to_the_projection_opens_the_sealed_log_with_a_staff_passphrase(
    pg_station: PgStationStore,
    pg_database: str,
    target: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    register_laptop(pg_station, make_laptop_card(laptop.session))
    case_id, _ = laptop.new_case()
    session = laptop.session
    StationImporter(pg_station).import_bytes(
        seal(pg_station.keys.card, list(session.events()), {}, session)
    )
    with psycopg.connect(pg_database) as conn:  # back to the schema before the projection
        conn.execute("DROP VIEW meta; DROP TABLE records, record_changes, conflicts")
        conn.execute("UPDATE schema_version SET version = 2")
    (tmp_path / "wrong").write_text("not the passphrase\n")
    wrong = ("--officer", STAFF, "--passphrase-file", str(tmp_path / "wrong"))
    code, _, err = _run(tmp_path, "station", "migrate", "--database", target, *wrong, capsys=capsys)
    assert code == 1 and err.count("\n") == 1
    with psycopg.connect(pg_database) as conn:  # refused: left as it was
        assert pg_schema.installed_version(conn) == 2
    # The wrong passphrase counted, as an unlock's (test_unlock_backoff); the wait over, as
    # its file gone says.
    [waiting] = (tmp_path / "unused").glob("station-*.unlock.state")
    waiting.unlink()
    code, out, err = _run(tmp_path, "station", "migrate", "--database", target, capsys=capsys)
    now = pg_schema.SCHEMA_VERSION
    assert (code, out) == (0, f"The station's schema was at version 2; it is at {now}.\n"), err
    code, out, err = _run(tmp_path, "sync", "cases", "--database", target, capsys=capsys)
    assert code == 0, err
    assert case_id[:8] in out or case_id in out
    session.lock()
