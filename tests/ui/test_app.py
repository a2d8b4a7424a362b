"""``run_gui`` end to end in a child process (the start-up benchmark's hook), the theme,
and the screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from fieldapp.storage.vault import Vault
from ui.app import BENCH_ENV, BENCH_MARKER
from ui.theme import apply_theme

_RUN = """
import sys
from pathlib import Path
import PySide6.QtCore
from fieldapp.composition import open_vault
from ui.app import run_gui
code = run_gui(open_vault(Path(sys.argv[1])))
# Building the Qt namespace's enums costs ~30 ms; the first dialog is built without them.
print("Qt namespace built:", "Qt" in vars(PySide6.QtCore))
sys.exit(code)
"""


def _child(argv: list[str], timeout: int = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """``python argv`` offscreen from the repository, with ``env`` on top of this one's (a
    value "" drops the variable)."""
    merged = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [sys.executable, *argv],
        env={k: v for k, v in merged.items() if v},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )


def _run_until_login_shown(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return _child(["-c", _RUN, str(data_dir)], **{BENCH_ENV: "1"})


def test_bench_hook_exits_once_the_login_dialog_is_shown(two_officer_vault: Vault) -> None:
    result = _run_until_login_shown(two_officer_vault.data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [BENCH_MARKER, "Qt namespace built: False"]
    assert "Traceback" not in result.stderr


def test_bench_hook_exits_once_the_first_run_dialog_is_shown(tmp_path: Path) -> None:
    result = _run_until_login_shown(tmp_path / "new")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [BENCH_MARKER, "Qt namespace built: False"]
    assert not (tmp_path / "new").exists()


def test_demo_paints_its_login_then_fills_its_vault(tmp_path: Path) -> None:
    """``--demo``: the officers' slots before the login shows, the operation once it is
    painted (on a thread of its own); the bench hook exits after both, with nothing logged."""
    result = _child(["main.py", "--demo"], 120, **{BENCH_ENV: "1", "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [BENCH_MARKER]
    assert "ERROR" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not list(tmp_path.iterdir())  # the throwaway folder is gone


# ``main.py --demo`` as a user starts it, driven by a script that defines ``ready()`` and
# ``drive(login)``: ``drive`` runs once the login dialog is shown and ``ready`` says so; a
# failure in it ends the app at once (code 3).
_DRIVE_DEMO = """
import traceback
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.dialogs.login import LoginDialog

def _find_login():
    login = next((w for w in app.topLevelWidgets() if isinstance(w, LoginDialog)), None)
    if login is None or not login.isVisible() or not ready():
        return QTimer.singleShot(10, _find_login)
    try:
        drive(login)
    except BaseException:
        traceback.print_exc()
        app.exit(3)
    else:
        app.quit()

QTimer.singleShot(0, _find_login)
sys.exit(main.main(["--demo"]))
"""


def _demo_script(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return _child(["-c", script + _DRIVE_DEMO], 120, **{BENCH_ENV: "", "TMPDIR": str(tmp_path)})


# The filling held until the officer has typed: the typing lands while the vault is being
# filled (it ran on the GUI thread, and the keys waited behind it), and the unlock waits
# for the filling to end and sees it whole.
_TYPE_WHILE_FILLING = """
import sys, threading
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
import fieldapp.demo as demo
import main

started, release, ended = threading.Event(), threading.Event(), threading.Event()
fill = demo.fill_demo_vault

def held_fill(session):
    started.set()
    release.wait(30)
    fill(session)
    ended.set()

demo.fill_demo_vault = held_fill
app = QApplication(sys.argv)
ready = started.is_set
seen = []

def drive(login):
    QTest.keyClicks(login.passphrase, login._demo_passphrase)
    print("typed while filling:", login.passphrase.text() == login._demo_passphrase
          and not ended.is_set(), flush=True)
    login.unlocked.connect(lambda session: seen.extend(session.events()))
    release.set()
    login.unlock_button.click()  # waits for the filling
    print("filled before the unlock:", ended.is_set(), flush=True)
    print("cases:", len({e.entity_id for e in seen if e.entity_type == "case"}),
          "tips:", len({e.entity_id for e in seen if e.entity_type == "tip"}), flush=True)
"""


def test_demo_login_takes_typing_while_its_vault_fills_and_unlocks_it_whole(
    tmp_path: Path,
) -> None:
    result = _demo_script(_TYPE_WHILE_FILLING, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "typed while filling: True",
        "filled before the unlock: True",
        "cases: 6 tips: 2",
    ], result.stderr
    assert "ERROR" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not list(tmp_path.iterdir())  # the demo's folder is gone


# The filling fails (the disk full, say) while the officer presses Enter: the unlock that
# waited for it says so in the login instead of closing it; the next Enter unlocks.
_FILL_FAILS = """
import sys, threading
from PySide6.QtWidgets import QApplication
import fieldapp.demo as demo
import main
from fieldapp.errors import StorageUnavailable
from ui.errors import error_text
from ui.main_window import MainWindow

started, release = threading.Event(), threading.Event()
problem = StorageUnavailable("The disk is full.")

def failing_fill(session):
    started.set()
    release.wait(30)
    session.lock()
    raise problem

demo.fill_demo_vault = failing_fill
app = QApplication(sys.argv)
ready = started.is_set

def drive(login):
    login.fill_demo_button.click()
    release.set()
    login.unlock_button.click()  # waits for the filling, which failed
    print("said:", login.message_box.label.text() == error_text(problem), login.isVisible(),
          flush=True)
    login.unlock_button.click()
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    print("then unlocked:", bool(shown), flush=True)
"""


def test_demo_fill_that_fails_is_said_by_the_login_before_it_unlocks(tmp_path: Path) -> None:
    result = _demo_script(_FILL_FAILS, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["said: True True", "then unlocked: True"], result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert not list(tmp_path.iterdir())


def test_dark_theme(qapp: QApplication) -> None:
    palette, style, sheet, font = (
        qapp.palette(),
        qapp.style().name(),
        qapp.styleSheet(),
        qapp.font(),
    )
    try:
        apply_theme(qapp)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert qapp.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
        assert qapp.font().pointSizeF() >= 11
        assert qapp.styleSheet()
        qapp.setStyleSheet("")  # with a style sheet, style() is the sheet's wrapper
        assert qapp.style().name() == "fusion"
    finally:
        qapp.setStyleSheet(sheet)
        if style:
            qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setFont(font)
