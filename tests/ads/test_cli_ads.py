"""``fieldapp ads …`` on a real vault: add (with what was read), import (all or nothing,
every problem with its line), search, show (logged), duplicates and decisions; exit codes
0/1/2."""

from __future__ import annotations

import io
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from fieldapp import cli_ads
from fieldapp.cli import Prompter, build_parser
from fieldapp.composition import open_vault
from fieldapp.storage.vault import Vault
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA, AD_BELLA_REPOST, CET_SUMMER
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST


@pytest.fixture
def operation(vault_dir: Path) -> tuple[Vault, str]:
    # A vault as `fieldapp init` makes it: without the search index, which the ads
    # commands add when they open it.
    vault = open_vault(vault_dir)
    session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    ctx = Context(session, lambda: datetime(2026, 5, 14, 21, 30, tzinfo=CET_SUMMER))
    operation_id = operations.create_operation(
        ctx,
        {"name": "Insatsvecka maj", "start": "2026-05-11", "end": "2026-05-22",
         "county": "vastmanland", "agencies": ["Polisen"]},
    ).entity_id  # fmt: skip
    session.lock()
    return vault, operation_id


def _run(vault: Vault, tmp_path: Path, *argv: str) -> tuple[int, str]:
    secret = tmp_path / "pass.txt"
    secret.write_text(ADMIN_PASS + "\n", "utf-8")
    parser = build_parser()  # the real command line
    args = parser.parse_args(
        ["ads", *argv, "--officer", ADMIN_ID, "--passphrase-file", str(secret)]
    )
    out = io.StringIO()
    return cli_ads.run(args, vault, out, Prompter()), out.getvalue()


def test_add_shows_what_it_read_then_stores(
    operation: tuple[Vault, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault, operation_id = operation
    text = tmp_path / "annons.txt"
    text.write_text(AD_BELLA, "utf-8")
    shot = tmp_path / "skarm.png"
    shot.write_bytes(b"\x89PNG invented")
    url = "https://annonser.example/ad/42"
    common = ("--operation", operation_id, "--text-file", str(text), "--url", url)
    code, out = _run(vault, tmp_path, "add", *common, "--dry-run")
    assert code == 0 and "Dry run: nothing was stored." in out
    assert "Phones:   +46701740605" in out
    assert (
        "Prices:   1 500 SEK / 30 min (30 min); 2 500 SEK / 60 min (1 h); 8 000 SEK / night" in out
    )
    assert "Place:    Västerås, Hotell Påhittat" in out
    code, _ = _run(vault, tmp_path, "search", "Bella")
    assert code == 0
    code, out = _run(vault, tmp_path, "add", *common, "--screenshot", str(shot))
    assert code == 0 and "Registered ad " in out
    ad_id = out.strip().split("Registered ad ")[1].rstrip(".")
    code, out = _run(vault, tmp_path, "add", *common)
    assert code == 0 and f"Already registered as {ad_id}: recorded as seen again." in out
    code, out = _run(vault, tmp_path, "search", "070 174 06 05")
    assert code == 0 and out.startswith("Phone +46701740605:") and ad_id in out
    assert "1 hit(s)." in out
    code, out = _run(vault, tmp_path, "show", ad_id)
    assert code == 0 and "Files:    screenshot" in out and "Hej, jag heter Bella" in out
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        opened = [e for e in session.events() if e.kind == "access" and e.entity_id == ad_id]
        assert [e.data["purpose"] for e in opened] == ["cli"]
    finally:
        session.lock()
    assert capsys.readouterr().err == ""


def test_import_is_all_or_nothing(
    operation: tuple[Vault, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault, operation_id = operation
    bad = tmp_path / "annonser.csv"
    bad.write_text(
        "site;url;text\nX;https://a.example/1;Hej 1500 kr\nX;inte-en-adress;Hej\nX;;\n", "utf-8"
    )
    code, _ = _run(vault, tmp_path, "import", str(bad), "--operation", operation_id)
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err == [
        "fieldapp: annonser.csv: nothing was imported.",
        "  line 3, url: use a full web address starting with https://.",
        "  line 4, text: required (the ad's text, or at least its title).",
    ]
    code, out = _run(vault, tmp_path, "search", "Hej")
    assert "0 hit(s)." in out
    good = tmp_path / "ok.csv"
    good.write_text(f'site;text\nX;"{AD_BELLA}"\nX;"{AD_BELLA_REPOST}"\n', "utf-8")
    code, out = _run(vault, tmp_path, "import", str(good), "--operation", operation_id)
    assert code == 0 and "Registered 2 ad(s)" in out
    code, out = _run(vault, tmp_path, "duplicates")
    assert code == 0 and "1 proposal(s)." in out and "near-identical text" in out
    ids = [line.split("\t")[0].strip() for line in out.splitlines() if "\t" in line]
    code, out = _run(vault, tmp_path, "confirm", *ids, "--basis", "text")
    assert code == 0 and "Confirmed as one advertiser" in out
    code, out = _run(vault, tmp_path, "duplicates")
    assert "0 proposal(s)." in out


def test_usage_errors_and_refusals(
    operation: tuple[Vault, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault, operation_id = operation
    code, _ = _run(vault, tmp_path, "search", "--since", "maj")
    assert code == 2 and "--since: use YYYY-MM-DD." in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "search")
    assert code == 2 and "give words" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "add", "--operation", operation_id, "--text-file", "nope.txt")
    assert code == 2 and "cannot read nope.txt" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "show", "no-such-ad")
    assert code == 1 and "no such ad" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "import", str(tmp_path / "x.pdf"), "--operation", operation_id)
    assert code == 1 and "not .csv, .html or .mhtml" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "confirm", "a", "a")
    assert code == 1 and "at least two different ads" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs on Windows")
def test_import_refuses_a_device_a_fifo_and_an_unclosed_quote(
    operation: tuple[Vault, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI reads through the same capped reader and strict CSV as the GUI: one line
    each, exit 1, nothing stored (the unclosed quote used to import "1 ad")."""
    vault, operation_id = operation
    fifo = tmp_path / "ror.csv"
    os.mkfifo(fifo)
    code, _ = _run(vault, tmp_path, "import", str(fifo), "--operation", operation_id)
    assert code == 1 and "not a regular file" in capsys.readouterr().err
    if Path("/dev/zero").exists():
        args = ("import", "/dev/zero", "--kind", "csv", "--operation", operation_id)
        code, _ = _run(vault, tmp_path, *args)
        assert code == 1 and "not a regular file" in capsys.readouterr().err
    unclosed = tmp_path / "citat.csv"
    unclosed.write_text('url,text\nhttps://a.example/1,"Hej 1500 kr\nhttps://a.example/2,Nova\n')
    code, _ = _run(vault, tmp_path, "import", str(unclosed), "--operation", operation_id)
    err = capsys.readouterr().err
    assert code == 1 and "line 2: a quote opened on this line is never closed" in err
    code, out = _run(vault, tmp_path, "search", "Hej")
    assert "0 hit(s)." in out


def test_edit_attach_and_a_decision_taken_back(
    operation: tuple[Vault, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The corrections the Ads screens make, from the command line: the same use cases,
    the same checks, the history kept."""
    vault, operation_id = operation
    good = tmp_path / "ok.csv"
    good.write_text(f'site;text\nX;"{AD_BELLA}"\nX;"{AD_BELLA_REPOST}"\n', "utf-8")
    code, _ = _run(vault, tmp_path, "import", str(good), "--operation", operation_id)
    code, out = _run(vault, tmp_path, "duplicates")
    first, second = sorted(line.split("\t")[0].strip() for line in out.splitlines() if "\t" in line)
    code, out = _run(vault, tmp_path, "duplicates", "--ad", first)
    assert code == 0 and "1 proposal(s)." in out and second in out

    code, out = _run(vault, tmp_path, "edit", first, "--phones", "070-174 06 77",
                     "--prices", "2 000 kr / 1 h", "--municipality", "Sala", "--hotel", "",
                     "--first-seen", "2026-05-12")  # fmt: skip
    assert code == 0 and "Corrected ad" in out
    assert "Phones:   +46701740677" in out and "Prices:   2 000 SEK / 60 min" in out
    assert "Place:    Sala\n" in out and "Seen:     2026-05-12 .. " in out
    code, _ = _run(vault, tmp_path, "edit", first, "--phones", "12", "--prices", "billigt")
    err = capsys.readouterr().err
    assert code == 1 and "not a phone number" in err and "not a price" in err
    code, _ = _run(vault, tmp_path, "edit", first)
    assert code == 2 and "give at least one field" in capsys.readouterr().err

    shot = tmp_path / "skarm.png"
    shot.write_bytes(b"\x89PNG invented")
    code, out = _run(vault, tmp_path, "attach", first, "--screenshot", str(shot))
    assert code == 0 and "Attached 1 file(s)" in out
    code, out = _run(vault, tmp_path, "attach", first, "--screenshot", str(shot))
    assert code == 0 and "Attached 0 file(s)" in out and "(already attached)" in out
    text = tmp_path / "notes.txt"
    text.write_text("x", "utf-8")
    code, _ = _run(vault, tmp_path, "attach", first, "--screenshot", str(text))
    assert code == 1 and "use a picture" in capsys.readouterr().err

    code, out = _run(vault, tmp_path, "confirm", first, second, "--basis", "text")
    code, out = _run(vault, tmp_path, "decisions")
    [line] = [x for x in out.splitlines() if "\t" in x]
    decision_id, decision = line.split("\t")[:2]
    assert decision == "same" and "1 decision(s)." in out
    code, _ = _run(vault, tmp_path, "withdraw-decision", decision_id, "--reason", "")
    assert code == 1 and "Reason: required" in capsys.readouterr().err
    code, out = _run(vault, tmp_path, "withdraw-decision", decision_id, "--reason", "fel")
    assert code == 0 and "taken back" in out
    code, out = _run(vault, tmp_path, "decisions")
    assert "0 decision(s)." in out
    code, out = _run(vault, tmp_path, "duplicates")
    assert "1 proposal(s)." in out  # proposed again

    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:  # the correction is a new event: the phone as registered stays in the history
        events = [e for e in session.events() if e.entity_id == first]
        registered = events[0].data["data"]["phones"]
        assert events[0].kind == "create" and registered in (["+46701740605"], ["+46701740699"])
        corrected = next(e for e in events if e.kind == "amend")
        assert corrected.data["set"]["phones"] == ["+46701740677"]
        assert corrected.data["unset"] == ["hotel"]
    finally:
        session.lock()
