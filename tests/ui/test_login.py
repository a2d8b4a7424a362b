"""The login dialog on real vaults: wrong passphrase, the backoff countdown, damaged files,
the demo banner, and a successful login into the main window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldapp.composition import open_vault
from fieldapp.errors import WrongPassphrase
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS, FIELD_ID, FIELD_NAME, FIELD_PASS
from tests.ui.conftest import log_in, visible
from ui.dialogs.login import LoginDialog


class FakeClock:
    """Wall time the test moves, so the countdown needs no waiting."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_officers_are_listed_and_none_is_guessed_when_several(
    qtbot: Any, two_officer_vault: Vault
) -> None:
    dialog = LoginDialog(two_officer_vault)
    qtbot.addWidget(dialog)
    assert [dialog.officer.itemText(i) for i in range(dialog.officer.count())] == [
        ADMIN_ID,
        FIELD_ID,
    ]
    assert dialog.officer.currentText() == ""
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    hints = dialog.passphrase.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhSensitiveData
    assert hints & Qt.InputMethodHint.ImhNoPredictiveText
    assert not dialog.demo_banner.isVisibleTo(dialog)


def test_wrong_passphrase_shows_an_inline_message_and_opens_nothing(
    make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    dialog = controller.dialog

    log_in(controller, FIELD_ID, "inte rätt lösenfras alls")

    # Then the 1 s delay, counted down after it while it lasts.
    assert dialog.passphrase_message.text().startswith("Fel tjänste-id eller lösenfras.")
    assert dialog.passphrase_message.isVisible()
    assert dialog.passphrase.text() == ""
    assert controller.session is None
    assert controller.main_window is None
    assert visible(dialog)


def test_backoff_countdown_disables_the_button_until_the_delay_has_passed(
    qtbot: Any, two_officer_vault: Vault
) -> None:
    clock = FakeClock()
    vault = open_vault(two_officer_vault.data_dir, clock=clock)
    for _ in range(2):  # two failures: the next delay is 2 s, then 4 s
        with pytest.raises(WrongPassphrase):
            vault.unlock(FIELD_ID, "fel")
        clock.now += 10
    dialog = LoginDialog(vault, officer_id=FIELD_ID)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.unlock_button.isEnabled()

    dialog.passphrase.setText("fel igen")
    dialog.unlock_button.click()

    assert not dialog.unlock_button.isEnabled()
    assert dialog.unlock_button.text() == "Försök igen om 4 s"
    wrong = "Fel tjänste-id eller lösenfras."
    # The message under the field counts down too, live.
    assert dialog.passphrase_message.text() == f"{wrong} Nästa försök kan göras om 4 s."
    assert dialog.focusWidget() is dialog.passphrase
    clock.now += 2.5
    qtbot.waitUntil(lambda: dialog.unlock_button.text() == "Försök igen om 2 s")
    qtbot.waitUntil(
        lambda: dialog.passphrase_message.text() == f"{wrong} Nästa försök kan göras om 2 s."
    )
    clock.now += 2
    qtbot.waitUntil(dialog.unlock_button.isEnabled)
    assert dialog.unlock_button.text() == "Lås &upp"
    assert dialog.passphrase_message.text() == wrong
    assert not dialog.countdown_active()


def test_a_delay_left_from_before_is_counted_down_from_the_start(
    qtbot: Any, two_officer_vault: Vault
) -> None:
    clock = FakeClock()
    vault = open_vault(two_officer_vault.data_dir, clock=clock)
    with pytest.raises(WrongPassphrase):
        vault.unlock(ADMIN_ID, "fel")
    dialog = LoginDialog(vault, officer_id=ADMIN_ID)
    qtbot.addWidget(dialog)
    assert not dialog.unlock_button.isEnabled()
    assert dialog.unlock_button.text() == "Försök igen om 1 s"


def test_correct_login_shows_the_main_window_with_name_and_role(
    make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)

    log_in(controller, FIELD_ID, FIELD_PASS)

    assert controller.session is not None and controller.session.officer_id == FIELD_ID
    window = controller.main_window
    assert visible(window)
    assert window.windowTitle() == "Insatsstöd"
    assert window.officer_label.text() == FIELD_NAME
    assert window.role_label.text() == "Fältpolis"
    assert str(two_officer_vault.data_dir) in window.vault_label.text()
    # The default 5 minutes, less the second or two a loaded machine takes to log in.
    assert window.lock_label.text() in {"Låses om 5:00", "Låses om 4:59", "Låses om 4:58"}
    assert controller.dialog is None


def test_empty_fields_are_asked_for_without_counting_a_failure(
    qtbot: Any, two_officer_vault: Vault
) -> None:
    dialog = LoginDialog(two_officer_vault)
    qtbot.addWidget(dialog)
    dialog.unlock_button.click()
    assert dialog.officer_message.text() == "Ange ditt tjänste-id."
    dialog.officer.setEditText(ADMIN_ID)
    dialog.unlock_button.click()
    assert dialog.passphrase_message.text() == "Ange din lösenfras."
    assert two_officer_vault.backoff_remaining() == 0


def test_damaged_key_file_is_a_message_not_a_traceback(
    qtbot: Any, two_officer_vault: Vault, caplog: pytest.LogCaptureFixture
) -> None:
    keys: Path = two_officer_vault.keys_path
    keys.write_bytes(keys.read_bytes()[:40])

    dialog = LoginDialog(two_officer_vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message_box.isVisible()
    assert dialog.message_box.label.text().startswith("Nyckelfilen (vault.keys) är skadad")

    dialog.officer.setEditText(ADMIN_ID)
    dialog.passphrase.setText(ADMIN_PASS)
    dialog.unlock_button.click()
    assert dialog.message_box.label.text().startswith("Nyckelfilen (vault.keys) är skadad")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_bug_is_logged_without_what_was_typed_and_shown_as_internal_error(
    qtbot: Any,
    two_officer_vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken_unlock(officer_id: str, passphrase: str, **_options: object) -> None:
        raise RuntimeError(f"boom with {passphrase}")

    monkeypatch.setattr(two_officer_vault, "unlock", broken_unlock)
    dialog = LoginDialog(two_officer_vault, officer_id=ADMIN_ID)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(ADMIN_PASS)
    dialog.unlock_button.click()

    assert dialog.message_box.label.text().startswith("Internt fel")
    assert "RuntimeError" in caplog.text
    assert ADMIN_PASS not in caplog.text
    assert dialog.unlock_button.isEnabled()


def test_demo_mode_shows_the_passphrase_in_a_banner_and_fills_it_on_request(
    make_controller: Any, vault: Vault
) -> None:
    from tests.conftest import TEST_COST

    demo_pass = "demo-fyra-ord-här-nu"
    vault.create("D100001", "Dana Demosson", demo_pass, cost=TEST_COST).lock()
    controller = make_controller(vault, demo_passphrase=demo_pass, demo_officer_id="D100001")
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)

    assert dialog.demo_banner.isVisible()
    assert "Demoläge" in dialog.demo_text.text() and demo_pass in dialog.demo_text.text()
    assert dialog.officer.currentText() == "D100001"
    assert dialog.passphrase.text() == ""

    dialog.fill_demo_button.click()
    dialog.unlock_button.click()
    assert controller.session is not None
    assert controller.main_window.officer_label.text() == "Dana Demosson"
