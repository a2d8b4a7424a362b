"""Settings: large text and English take effect at once and are remembered by the vault;
the idle lock time is changed for the running session."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from fieldapp.storage.vault import Vault
from tests.conftest import FIELD_ID, FIELD_PASS
from tests.ui.conftest import log_in
from ui.main_window import SETTINGS
from ui.theme import BASE_POINT_SIZE, LARGE_POINT_SIZE, set_large_text


def test_large_text_english_and_lock_time(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault, language: Any
) -> None:
    controller = make_controller(two_officer_vault, switch_language=language)
    log_in(controller, FIELD_ID, FIELD_PASS)
    window = controller.main_window
    view = window.session_view()
    view.go_to(SETTINGS)
    try:
        view.settings.large_text.setChecked(True)
        assert QApplication.font().pointSizeF() == LARGE_POINT_SIZE
        view = window.session_view()  # rebuilt at the new size, still on Settings
        assert view.section() == SETTINGS and view.settings.large_text.isChecked()

        view.settings.language.set_code("en")
        view = window.session_view()
        assert view.navigation.item(SETTINGS).text() == "Settings"
        assert window.menuBar().actions()[0].text() == "&File"

        view.settings.idle.setValue(2)
        view.settings.idle.editingFinished.emit()
        assert controller.idle_lock.timeout_ms == 120_000
        assert window.lock_label.text() in ("Locks in 2:00", "Locks in 1:59")

        controller.lock()
        set_large_text(QApplication.instance(), False)
        language("sv")
        log_in(controller, FIELD_ID, FIELD_PASS)  # the vault remembers both
        assert QApplication.font().pointSizeF() == LARGE_POINT_SIZE
        assert window.session_view().navigation.item(SETTINGS).text() == "Settings"
    finally:
        set_large_text(QApplication.instance(), False)
    assert QApplication.font().pointSizeF() == BASE_POINT_SIZE
