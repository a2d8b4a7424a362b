"""The clipboard guard: what the app copied is cleared on lock, what others copied is not."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS
from tests.ui.conftest import log_in
from ui.clipboard import ClipboardGuard


def test_lock_clears_text_the_app_copied(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    controller.clipboard.copy("Köpare: Påhittad Person, 19800101-0000")
    assert QApplication.clipboard().text().startswith("Köpare")

    controller.lock()

    assert QApplication.clipboard().text() == ""


def test_lock_leaves_text_copied_by_others(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    controller.clipboard.copy("något appen kopierade")
    QApplication.clipboard().setText("från ett annat program")

    controller.lock()

    assert QApplication.clipboard().text() == "från ett annat program"


def test_guard_keeps_no_copy_of_the_text(qtbot: Any) -> None:
    guard = ClipboardGuard()
    guard.copy("hemlig uppgift")
    assert guard.holds_ours()
    assert not any(b"hemlig" in digest for digest in guard._copied)
    assert guard.clear_if_ours()
    assert not guard.clear_if_ours()  # forgotten after a lock
