"""``run_gui`` as ``main.py`` calls it, in a child process (it owns the QApplication, the
translator and the theme, so it must not share this process's): the login dialog, an
unlock through it, the main window, and a clean exit that locks the vault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS
from ui.app import BENCH_ENV

_DRIVE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fieldapp.composition import open_vault
from ui.app import run_gui
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
data_dir, officer, passphrase = sys.argv[1:4]
typed = []

def drive():
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            print("main window shown:", widget.windowTitle())
            app.quit()
            return
        if isinstance(widget, LoginDialog) and widget.isVisible() and not typed:
            print("login shown:", widget.unlock_button.text())
            widget.officer.setEditText(officer)
            widget.passphrase.setText(passphrase)
            widget.unlock_button.click()
            typed.append(True)
    QTimer.singleShot(20, drive)

QTimer.singleShot(0, drive)
print("exit code:", run_gui(open_vault(Path(data_dir)), language="en"))
"""


def test_run_gui_logs_in_shows_the_main_window_and_exits_cleanly(
    two_officer_vault: Vault,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(BENCH_ENV, None)  # the start-up hook would exit at the login dialog
    result = subprocess.run(
        [sys.executable, "-c", _DRIVE, str(two_officer_vault.data_dir), ADMIN_ID, ADMIN_PASS],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "login shown: &Unlock"  # English, as asked
    assert lines[1].startswith("main window shown: ")
    assert lines[-1] == "exit code: 0"
    assert "Traceback" not in result.stderr
    # The session was locked on the way out: the vault opens again, nothing held.
    two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS).lock()
