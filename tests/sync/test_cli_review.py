"""A conflict seen and settled from the command line at the station: ``sync review`` shows
both values with who wrote each, where and when; ``sync resolve`` settles it with the same
event as the review screen's buttons, and refuses what it cannot mean."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.review import consolidated_cases, open_conflicts
from fieldapp.workflow import entities, evidence
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_NAME
from tests.sync.conftest import STATION_NAME, STATION_OFFICER, STATION_PASS, Laptop


def _sync(station: Session, laptop: Laptop, folder: Path) -> None:
    folder.mkdir()
    exported = export_bundle(laptop.session, folder)
    assert exported is not None
    StationImporter(station).import_file(exported.path)


def _cli(
    station: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    secret = tmp_path / "s.txt"
    secret.write_text(STATION_PASS + "\n")
    login = ("--officer", STATION_OFFICER, "--passphrase-file", str(secret))
    args = cli.build_parser().parse_args(["--data-dir", str(station.vault.data_dir), *argv, *login])
    out = io.StringIO()
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue(), capsys.readouterr().err


def _conflicting_amounts(station: Session, laptop: Laptop, tmp_path: Path) -> str:
    """The station's reviewer and the laptop change the same stated price."""
    case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    _sync(station, laptop, tmp_path / "first")
    entities.amend(Context(station, laptop.clock), "element", element, {"amount": 1800})
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    _sync(station, laptop, tmp_path / "second")
    return element


def test_review_shows_both_values_and_resolve_settles_one(
    station: Session, laptop: Laptop, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    element = _conflicting_amounts(station, laptop, tmp_path)
    [conflict] = open_conflicts(station)
    code, out, _ = _cli(station, tmp_path, capsys, "sync", "review")
    assert code == 0 and out.startswith("1 conflict(s)")
    lines = out.splitlines()
    assert lines[1].startswith(f"conflict {conflict.id}\telement/{element}\tamount")
    current, incoming = lines[2], lines[3]
    assert "current" in current and "1800" in current
    assert f"{STATION_NAME} ({STATION_OFFICER}), this station, 2026-" in current
    assert "incoming" in incoming and "2000" in incoming
    assert f"{ADMIN_NAME} (T100001), laptop {laptop.session.device_id[:8]}, 2026-" in incoming

    code, _, err = _cli(station, tmp_path, capsys, "sync", "resolve", "ffffffffff", "--value", "1")
    assert code == 1 and "Conflict: no open conflict has that id" in err
    short = conflict.id[:6]
    code, _, err = _cli(station, tmp_path, capsys, "sync", "resolve", short, "--value", "tusen")
    assert code == 1 and "Value: give a number" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:  # current or incoming, nothing else
        _cli(station, tmp_path, capsys, "sync", "resolve", short, "--keep", "mine")
    assert usage.value.code == 2 and "current" in capsys.readouterr().err
    assert Records(station.conn).get("element", element).get("amount") == 1800  # untouched

    code, out, err = _cli(station, tmp_path, capsys, "sync", "resolve", short, "--value", "1900")
    assert code == 0, err
    assert out.startswith(f"Settled conflict {conflict.id}")
    assert Records(station.conn).get("element", element).get("amount") == 1900
    resolve = [e for e in station.events() if e.kind == "resolve"]
    assert resolve[-1].parents == (conflict.current.event_id, conflict.incoming.event_id)
    code, out, _ = _cli(station, tmp_path, capsys, "sync", "review")
    assert out.startswith("0 conflict(s)")
    code, _, err = _cli(station, tmp_path, capsys, "sync", "resolve", short, "--keep", "current")
    assert code == 1 and "no open conflict" in err  # settled once


def test_a_withdrawal_is_settled_by_keeping_a_side(
    station: Session, laptop: Laptop, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    _sync(station, laptop, tmp_path / "first")
    entities.amend(Context(station, laptop.clock), "element", element, {"note": "granskad"})
    evidence.withdraw_element(laptop.ctx, element, "fel köpare")
    _sync(station, laptop, tmp_path / "second")
    [conflict] = open_conflicts(station)
    code, out, _ = _cli(station, tmp_path, capsys, "sync", "review")
    assert "kept (edited)" in out and "withdrawn" in out
    code, _, err = _cli(station, tmp_path, capsys, "sync", "resolve", conflict.id, "--value", "1")
    assert code == 1 and "keeping one side" in err
    code, _, err = _cli(
        station, tmp_path, capsys, "sync", "resolve", conflict.id, "--keep", "incoming"
    )
    assert code == 0, err
    assert Records(station.conn).get("element", element).voided


def test_link_and_undo_from_the_command_line(
    station: Session, laptop_factory: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.workflow.operations import operations

    one, two = laptop_factory("a"), laptop_factory("b")  # type: ignore[operator]
    _sync(station, one, tmp_path / "usb-a")
    _sync(station, two, tmp_path / "usb-b")
    code, out, err = _cli(
        station, tmp_path, capsys, "sync", "link-operations", "--into", one.operation,
        two.operation,
    )  # fmt: skip
    assert code == 0, err
    assert [o.entity_id for o in operations(Context(station))] == [one.operation]
    code, out, err = _cli(station, tmp_path, capsys, "sync", "unlink-operation", two.operation)
    assert code == 0 and "of its own again" in out, err
    assert len(operations(Context(station))) == 2
    code, _, err = _cli(station, tmp_path, capsys, "sync", "unlink-operation", two.operation)
    assert code == 1 and "not linked into another" in err


def test_the_consolidated_case_list_from_the_command_line(
    station: Session, laptop_factory: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = laptop_factory("a"), laptop_factory("b")  # type: ignore[operator]
    first, _ = one.new_case()
    second, _ = two.new_case()
    _sync(station, one, tmp_path / "usb-a")
    _sync(station, two, tmp_path / "usb-b")
    code, out, err = _cli(station, tmp_path, capsys, "sync", "cases")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2 case(s)."
    rows = [line.split("\t") for line in lines[1:]]
    assert [(r[0], r[2], r[7]) for r in rows] == [
        (first, one.session.device_id[:8], "received"),
        (second, two.session.device_id[:8], "received"),
    ]
    # The same place, room and minute on two laptops: each names the other.
    assert rows[0][8] == second[-8:].upper() and rows[1][8] == first[-8:].upper()
    code, out, err = _cli(station, tmp_path, capsys, "sync", "cases", "--operation", two.operation)
    assert code == 0 and out.startswith("1 case(s).\n" + second), err
    code, _, err = _cli(station, tmp_path, capsys, "sync", "cases", "--operation", "nope")
    assert code == 1 and err.count("\n") == 1 and "no such operation" in err


def test_the_consolidated_list_leaves_the_collector_as_it_found_it(
    station: Session, laptop_factory: object, tmp_path: Path
) -> None:
    # The list pauses Python's cycle collector while it builds (thousands of acyclic
    # objects); the GUI and the CLI must get it back on afterwards, and off stays off.
    one, two = laptop_factory("a"), laptop_factory("b")  # type: ignore[operator]
    first, _ = one.new_case()
    second, _ = two.new_case()
    _sync(station, one, tmp_path / "usb-a")
    _sync(station, two, tmp_path / "usb-b")
    assert gc.isenabled()
    listed = consolidated_cases(station)
    assert gc.isenabled()
    assert [(row.origin.case.entity_id, row.duplicates) for row in listed] == [
        (first, (second,)),
        (second, (first,)),
    ]
    gc.disable()
    try:
        assert consolidated_cases(station) == listed
        assert not gc.isenabled()
    finally:
        gc.enable()
