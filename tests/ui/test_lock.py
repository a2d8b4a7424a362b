"""Locking: Ctrl+L and the idle timeout take down every widget with data and ask for login;
unlocking again rebuilds the main window for whoever logs in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, FIELD_ID, FIELD_NAME, FIELD_PASS
from tests.ui.conftest import flush_deletions, log_in, visible, widget_texts
from ui.dialogs.login import LoginDialog
from ui.lock import IdleLock, LockNote, LockReason


def test_ctrl_l_locks_and_leaves_no_personal_data_in_any_widget(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    session = controller.session
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    assert any(ADMIN_NAME in t for t in widget_texts())

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert session.locked
    assert controller.session is None
    assert window.is_locked()
    assert isinstance(controller.dialog, LoginDialog) and visible(controller.dialog)
    assert controller.dialog.officer.currentText() == ADMIN_ID  # the picker, not a name
    flush_deletions()
    assert not [t for t in widget_texts() if ADMIN_NAME in t]
    assert not window.lock_action.isEnabled()


def test_idle_timeout_locks(make_controller: Any, qtbot: Any, two_officer_vault: Vault) -> None:
    controller = make_controller(two_officer_vault, idle_timeout_ms=200)
    log_in(controller, FIELD_ID, FIELD_PASS)
    session = controller.session

    qtbot.waitUntil(lambda: session.locked, timeout=3000)

    assert controller.main_window.is_locked()
    assert visible(controller.dialog)
    assert controller.main_window.officer_label.text() == ""


def test_unlock_after_lock_rebuilds_for_another_officer(
    make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    window = controller.main_window
    controller.lock()

    log_in(controller, FIELD_ID, FIELD_PASS)

    assert controller.main_window is window
    assert not window.is_locked()
    assert window.officer_label.text() == FIELD_NAME
    assert window.role_label.text() == "Fältpolis"
    assert controller.idle_lock is not None and controller.idle_lock.is_active()


def test_the_unlock_prompt_survives_esc_and_closing_it_quits(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    controller.lock()
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.waitUntil(dialog.isActiveWindow)

    with qtbot.assertNotEmitted(controller.quit_requested):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.reject()
    assert controller.dialog is dialog and visible(dialog)
    assert controller.main_window.is_locked()
    assert dialog.focusWidget() is dialog.passphrase

    # The unlock button of the locked page brings back the same prompt, not a second one.
    controller.main_window.centralWidget().unlock_button.click()
    assert controller.dialog is dialog

    # Closing the prompt's window is the way out: the app quits.
    with qtbot.waitSignal(controller.quit_requested, timeout=1000):
        dialog.close()
    assert controller.main_window is None


def test_quit_on_the_unlock_prompt_quits(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    controller.lock()
    with qtbot.waitSignal(controller.quit_requested, timeout=1000):
        controller.dialog.quit_button.click()


def test_the_lock_screen_says_who_locked_and_when(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, FIELD_ID, FIELD_PASS)
    before = datetime.now()

    controller.lock()

    note = controller.main_window.centralWidget().note
    assert note.text() and not note.isHidden()
    when = controller.lock_note.at
    assert before.replace(microsecond=0) <= when.replace(microsecond=0)
    expected = f"Låst av {FIELD_ID} kl. {when:%H:%M}."
    assert note.text() == expected
    assert controller.dialog.subtitle.text() == expected
    assert controller.dialog.focusWidget() is controller.dialog.passphrase


def test_an_idle_lock_says_so(qtbot: Any, make_controller: Any, two_officer_vault: Vault) -> None:
    controller = make_controller(two_officer_vault, idle_timeout_ms=200)
    log_in(controller, FIELD_ID, FIELD_PASS)
    qtbot.waitUntil(lambda: controller.session is None, timeout=3000)
    text = controller.main_window.centralWidget().note.text()
    assert text.startswith("Låst kl. ") and "utan inmatning" in text
    assert text.endswith(f"Inloggad: {FIELD_ID}.")
    assert FIELD_NAME not in text  # names stay inside the vault


def test_lock_note_texts_name_the_day_when_it_is_not_today() -> None:
    at = datetime(2026, 12, 6, 21, 42)
    note = LockNote("A123456", at, LockReason.SYSTEM)
    assert "21:42" in note.text(now=at) and "2026-12-06" not in note.text(now=at)
    assert "2026-12-06 21:42" in note.text(now=datetime(2026, 12, 7, 1, 0))


def test_closing_the_main_window_locks_and_quits(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    session = controller.session
    with qtbot.waitSignal(controller.quit_requested, timeout=1000):
        controller.main_window.close()
    assert session.locked


def test_input_postpones_the_idle_lock(qtbot: Any) -> None:
    now = [100.0]
    idle = IdleLock(60_000, clock=lambda: now[0])
    field = QLineEdit()
    qtbot.addWidget(field)
    idle.start()
    try:
        now[0] += 50
        assert idle.remaining_ms() == 10_000
        qtbot.keyClick(field, Qt.Key.Key_A)
        assert idle.remaining_ms() == 60_000
    finally:
        idle.stop()
    assert idle.remaining_ms() == 0
