"""The log file holds no personal data (issue #17).

A whole demo session writes its log into a folder of the test: the command line (demo
vault, cases listed and exported, the approval form and summary printed, the chain
verified, the station's sync round trip) and the desktop app (log in, every section, a
case opened and printed, a bug in a slot, diagnostics copied, lock). Then every personal
value of the demo (names, personal ids, phones, addresses, the passphrase, an observation
with a marker, the data folder's name) is looked for in every log file: none may be there,
while the log did record the session and the bug's code path.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import main
from fieldapp import __version__, cli, logs
from fieldapp.composition import open_vault
from fieldapp.demo import DEMO_OFFICER_ID, DEMO_OFFICER_NAME, DEMO_TEAM
from fieldapp.storage.schema import SCHEMA_VERSION
from fieldapp.workflow import cases
from fieldapp.workflow.context import Context
from tests.ui.conftest import log_in, to_pdf_file
from ui.errors import reporting_bugs

MARKER = "MARKÖR-51c9-loggas-aldrig"
FOLDER_MARKER = "MARKÖR-mapp-7d20"
PERSON_FIELDS = ("name", "personal_id", "phone", "date_of_birth", "address")


def _cli(*argv: str) -> str:
    """``main.main`` as the ``fieldapp`` command runs it (its logging included), with the
    command's output collected (``cli.run`` binds sys.stdout when it is imported)."""
    out = io.StringIO()
    real_run = cli.run
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "run", lambda args: real_run(args, out=out))
        code = main.main(list(argv))
    assert code == 0, out.getvalue()
    return out.getvalue()


def _personal_values(export: dict[str, Any]) -> set[str]:
    found = {str(p[k]) for p in export["persons"] for k in PERSON_FIELDS if p.get(k)}
    found |= {str(export["case"].get("address") or "")}
    found |= {str(o.get("text") or "") for o in export["observations"]}
    return {v for v in found if len(v) >= 5}


def test_a_whole_demo_session_logs_nothing_personal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
    make_controller: Any,
) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    laptop = tmp_path / FOLDER_MARKER / "laptop"
    station = tmp_path / FOLDER_MARKER / "station"
    out = _cli("--data-dir", str(laptop), "demo")
    passphrase = out.split("Passphrase: ")[1].strip()
    secret = tmp_path / "pass.txt"
    secret.write_text(passphrase + "\n")
    login = ("--officer", DEMO_OFFICER_ID, "--passphrase-file", str(secret))
    listed = _cli("--data-dir", str(laptop), "case", "list", *login).splitlines()
    # A case with the prosecutor's decision: its approval form can be printed.
    case_id = next(line for line in listed if "\tcompleted\t" in line).split("\t")[0]
    session = open_vault(laptop).unlock(DEMO_OFFICER_ID, passphrase)
    cases.add_observation(Context(session), case_id, f"{MARKER} sade sitt namn")
    session.lock()

    lap = ("--data-dir", str(laptop))
    sta = ("--data-dir", str(station))
    personal: set[str] = {passphrase, MARKER, FOLDER_MARKER}
    personal |= {DEMO_OFFICER_NAME} | {name for _, name, _, _ in DEMO_TEAM}
    for line in _cli(*lap, "case", "list", *login).splitlines():
        exported = _cli(*lap, "case", "export", "--case", line.split("\t")[0], *login)
        personal |= _personal_values(json.loads(exported))
    for kind in ("approval", "summary"):
        pdf = tmp_path / f"{kind}.pdf"
        _cli(*lap, "print", kind, "--case", case_id, "--out", str(pdf), *login)
        assert pdf.stat().st_size > 1000
    _cli(*lap, "verify", "--deep", *login)

    # Sync: a station, the laptop enrolled and registered, a bundle there and a receipt back.
    s_secret = tmp_path / "station.txt"
    s_secret.write_text("stationens eget långa lösen\n")
    s_login = ("--officer", "S900001", "--passphrase-file", str(s_secret))
    _cli(*sta, "station", "init", "--name", "Sara Stationsson", "--station-name", "Station X",
         "--officer", "S900001", "--passphrase-file", str(s_secret))  # fmt: skip
    personal.add("Sara Stationsson")
    card = tmp_path / "card.json"
    _cli(*sta, "station", "card", "--out", str(card), *s_login)
    laptop_card = tmp_path / "laptop-card.json"
    _cli(*lap, "station", "enrol", str(card), "--yes", "--laptop-card", str(laptop_card),
         *login)  # fmt: skip
    _cli(*sta, "station", "register", str(laptop_card), "--yes", *s_login)
    bundles = tmp_path / "usb"
    bundles.mkdir()
    _cli(*lap, "sync", "export", "--out", str(bundles), *login)
    (bundle,) = bundles.glob("*.fabundle")
    _cli(*sta, "sync", "import", str(bundle), *s_login)
    (receipt,) = bundles.glob("*.receipt")
    _cli(*lap, "sync", "ack", str(receipt), *login)

    # The desktop app on the same vault: every section, the case, printing, a bug, a lock.
    logs.install()
    controller = make_controller(open_vault(laptop), idle_timeout_ms=3_600_000)
    log_in(controller, DEMO_OFFICER_ID, passphrase)
    window = controller.main_window
    assert window is not None
    window.ask_printer = to_pdf_file(tmp_path / "printed.pdf")
    for action in window.section_actions:
        action.trigger()
    view = window.session_view()
    assert view is not None
    view.cases.case_screen.open_case(case_id)
    view.cases.case_screen.print_here()
    shown: list[str] = []

    def buggy_slot() -> None:
        raise ValueError(f"{MARKER}: a message that quotes data")

    with reporting_bugs(shown.append):
        QTimer.singleShot(0, buggy_slot)
        qtbot.waitUntil(lambda: bool(shown))
    assert str(tmp_path / "logs") in shown[0]
    window.diagnostics_action.trigger()
    copied = QApplication.clipboard().text()
    assert "SQLCipher: 4." in copied and f"Vault schema (open vault): {SCHEMA_VERSION}" in copied
    assert str(laptop) not in copied and DEMO_OFFICER_ID not in copied
    controller.lock()

    texts = [p.read_text("utf-8") for p in sorted((tmp_path / "logs").iterdir())]
    log = "\n".join(texts)
    # The session was logged: each command by name, and the bug by its code path.
    for command in ("demo", "case", "print", "verify", "sync", "station"):
        assert f"{logs.APP_ID} {__version__}: {command}" in log
    assert "builtins.ValueError (message withheld)" in log
    assert "tests/ui/test_log_privacy.py" in log and "in buggy_slot" in log
    assert len(personal) > 20
    leaked = sorted(v for v in personal if v in log or v.casefold() in log.casefold())
    assert not leaked


def test_an_unexpected_error_on_the_command_line_says_where_the_log_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError(f"{MARKER} in a message")

    monkeypatch.setattr(cli, "run", broken)  # main imports it when a command runs
    assert main.main(["--data-dir", str(tmp_path / "d"), "verify", "--officer", "X1"]) == 1
    err = capfd.readouterr().err
    log_file = tmp_path / "logs" / logs.LOG_NAME
    assert f"the log is {log_file}" in err
    text = log_file.read_text("utf-8")
    assert "builtins.RuntimeError (message withheld)" in text and "in broken" in text
    assert MARKER not in text and MARKER not in err


def test_the_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    path = logs.install()
    assert path == tmp_path / logs.LOG_NAME
    log = logging.getLogger("fieldapp.test")
    for _ in range(logs.MAX_BYTES // 10_000 * (logs.BACKUPS + 2)):
        log.info("x" * 10_000)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [logs.LOG_NAME] + [f"{logs.LOG_NAME}.{i}" for i in range(1, logs.BACKUPS + 1)]
    assert all(p.stat().st_size <= logs.MAX_BYTES + 200 for p in tmp_path.iterdir())


def test_a_library_s_logged_exception_is_code_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    logs.install()
    try:
        {}[MARKER]
    except KeyError:
        logging.getLogger("somelibrary").exception("lookup failed")
    text = (tmp_path / logs.LOG_NAME).read_text("utf-8")
    assert "builtins.KeyError (message withheld)" in text
    assert MARKER not in text
