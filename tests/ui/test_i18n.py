"""Languages: Swedish by default, English on request, and the translation files complete
and in step with the source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldapp.officers import Role
from fieldapp.paths import resource
from fieldapp.storage.vault import Vault
from ui.actions import ACTIONS
from ui.dialogs.login import LoginDialog
from ui.i18n import Translation, role_name

TS = resource("translations", "fieldapp_sv.ts")
QM = resource("translations", "fieldapp_sv.qm")
UI_DIR = Path(__file__).resolve().parents[2] / "ui"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_swedish_is_the_default(qtbot: Any, two_officer_vault: Vault) -> None:
    dialog = LoginDialog(two_officer_vault)
    qtbot.addWidget(dialog)
    assert dialog.unlock_button.text() == "Lås &upp"
    assert role_name(Role.STATION_STAFF) == "Stationspersonal"


def test_english_on_request(qtbot: Any, two_officer_vault: Vault, language: Any) -> None:
    language("en")
    dialog = LoginDialog(two_officer_vault)
    qtbot.addWidget(dialog)
    assert dialog.unlock_button.text() == "&Unlock"
    assert role_name(Role.TEAM_LEADER) == "Team leader"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        Translation("de")


def test_every_swedish_translation_is_finished() -> None:
    text = TS.read_text("utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text


def test_the_ts_file_holds_every_string_of_the_source(tmp_path: Path) -> None:
    """Re-extracting the strings adds nothing new: nobody forgot to run lupdate."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete",
         "-locations", "none"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    assert 'type="unfinished"' not in copy.read_text("utf-8"), (
        "untranslated strings: run pyside6-lupdate and translate (see ui/i18n.py)"
    )


def test_the_qm_file_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see ui/i18n.py)"


def test_actions_have_unique_ids_and_shortcuts() -> None:
    ids = [a.id for a in ACTIONS]
    shortcuts = [a.shortcut for a in ACTIONS if a.shortcut]
    assert len(set(ids)) == len(ids)
    assert len(set(shortcuts)) == len(shortcuts)
    assert next(a for a in ACTIONS if a.id == "lock").shortcut == "Ctrl+L"
