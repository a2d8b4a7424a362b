"""The page check after unlock, in the app: the login opens the main window without reading
every page, the check runs on its own thread, and a flipped byte in the real vault file
raises the alarm: the vault locks and the login says it is damaged."""

from __future__ import annotations

from typing import Any

from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS
from tests.storage.test_page_check import _filled, flip_a_deep_byte
from tests.ui.conftest import log_in, visible
from ui.dialogs.login import LoginDialog


def test_a_flipped_byte_locks_with_an_alarm_after_unlock(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    _filled(two_officer_vault)
    flip_a_deep_byte(two_officer_vault)
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    session = controller.session
    if session is None:
        # The vault's layout varies (random ids): the flipped page may be one the window
        # reads as it opens. Then the login refuses with the same words the alarm gives.
        dialog = controller.dialog
        assert isinstance(dialog, LoginDialog) and visible(dialog)
        assert "skadad" in dialog.message_box.label.text()
        return
    check = controller.page_check
    assert check is not None
    with qtbot.waitSignal(check.damaged, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: session.locked)
    assert controller.session is None and controller.main_window.is_locked()
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog) and visible(dialog)
    assert "skadad" in dialog.message_box.label.text()  # the vault_damaged text, in Swedish
    assert "skadat eller ändrat" in dialog.subtitle.text()


def test_a_sound_vault_passes_the_check_and_stays_open(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    _filled(two_officer_vault)
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    check = controller.page_check
    assert check is not None
    with qtbot.waitSignal(check.passed, timeout=60_000):
        pass
    assert controller.session is not None and not controller.session.locked
