"""The main window: sections by keyboard, and the status bar's lock countdown."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from fieldapp.storage.vault import Vault
from tests.conftest import FIELD_ID, FIELD_PASS
from tests.ui.conftest import log_in
from ui.actions import SECTIONS


def test_sections_switch_by_shortcut_and_show_their_placeholder(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, FIELD_ID, FIELD_PASS)
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    assert [view.navigation.item(i).text() for i in range(view.navigation.count())] == [
        "Insatser",
        "Översikt",
        "Ärenden",
        "Annonser",
        "Dokument",
        "Synk",
        "Inställningar",
    ]
    assert len(SECTIONS) == view.pages.count()

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)

    assert view.pages.currentIndex() == 3
    assert view.pages.currentWidget().title.text() == "Annonser"
    assert view.navigation.hasFocus()


def test_status_bar_counts_down_to_the_idle_lock(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault, idle_timeout_ms=125_000)
    log_in(controller, FIELD_ID, FIELD_PASS)
    label = controller.main_window.lock_label
    # A loaded machine may take a second or two to log in: the count starts at 2:05 or a
    # little below it, and then goes down a second at a time.
    shown = _seconds_left(label.text())
    assert 120 <= shown <= 125
    qtbot.waitUntil(lambda: _seconds_left(label.text()) == shown - 1, timeout=3000)


def _seconds_left(text: str) -> int:
    match = re.fullmatch(r"Låses om (\d+):(\d\d)", text)
    assert match, text
    return int(match[1]) * 60 + int(match[2])
