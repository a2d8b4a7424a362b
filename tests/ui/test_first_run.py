"""The first-run dialog: creating the vault and its administrator, and the inline errors."""

from __future__ import annotations

from typing import Any

from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.ui.conftest import visible
from ui.dialogs.first_run import FirstRunDialog


def fill(dialog: FirstRunDialog, officer_id: str, name: str, passphrase: str, repeat: str) -> None:
    dialog.officer_id.setText(officer_id)
    dialog.display_name.setText(name)
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(repeat)


def test_first_run_creates_the_vault_and_opens_the_main_window(
    make_controller: Any, vault: Vault
) -> None:
    controller = make_controller(vault)
    dialog = controller.dialog
    assert isinstance(dialog, FirstRunDialog)
    assert visible(dialog)

    fill(dialog, ADMIN_ID, ADMIN_NAME, ADMIN_PASS, ADMIN_PASS)
    dialog.create_button.click()

    assert vault.exists()
    assert vault.officer_ids() == [ADMIN_ID]
    assert controller.session is not None and not controller.session.locked
    window = controller.main_window
    assert visible(window)
    assert not visible(dialog)
    assert window.officer_label.text() == ADMIN_NAME
    assert window.role_label.text() == "Administratör"
    # The passphrase does not linger in the (closed) dialog.
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""


def test_weak_passphrase_is_explained_while_typing_and_refused_on_submit(
    qtbot: Any, vault: Vault
) -> None:
    dialog = FirstRunDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.officer_id.setText(ADMIN_ID)
    dialog.display_name.setText(ADMIN_NAME)

    dialog.passphrase.setText("kort")
    assert dialog.passphrase_message.text() == "Använd minst 12 tecken."
    assert dialog.passphrase_message.property("severity") == "hint"

    dialog.passphrase.setText("astrid testberg är bäst")
    assert "tjänste-id eller namn" in dialog.passphrase_message.text()

    dialog.repeat.setText("astrid testberg är bäst")
    dialog.create_button.click()
    assert dialog.passphrase_message.property("severity") == "error"
    assert dialog.passphrase.hasFocus() or not dialog.isActiveWindow()
    assert not vault.exists()

    dialog.passphrase.setText(ADMIN_PASS)
    assert dialog.passphrase_message.text() == "Lösenfrasen godtas."


def test_every_problem_is_shown_beside_its_field_at_once(qtbot: Any, vault: Vault) -> None:
    dialog = FirstRunDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, "x", "", ADMIN_PASS, ADMIN_PASS + "!")

    dialog.create_button.click()

    assert "2–32" in dialog.officer_id_message.text()
    assert "högst 80 tecken" in dialog.display_name_message.text()
    assert dialog.repeat_message.text() == "Lösenfraserna skiljer sig åt."
    assert not dialog.message_box.isVisible()
    assert not vault.exists()


def test_mismatched_repeat_is_flagged_once_it_is_as_long(qtbot: Any, vault: Vault) -> None:
    dialog = FirstRunDialog(vault)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(ADMIN_PASS)
    dialog.repeat.setText(ADMIN_PASS[:5])
    assert dialog.repeat_message.text() == ""
    dialog.repeat.setText(ADMIN_PASS[:-1] + "x")
    assert dialog.repeat_message.text() == "Lösenfraserna skiljer sig åt."
    dialog.repeat.setText(ADMIN_PASS)
    assert dialog.repeat_message.text() == ""


def test_a_vault_that_appeared_meanwhile_is_reported_not_overwritten(
    qtbot: Any, vault: Vault
) -> None:
    dialog = FirstRunDialog(vault, cost=TEST_COST)
    qtbot.addWidget(dialog)
    vault.create("T999999", "Någon Annan", "ett helt annat valv i mappen", cost=TEST_COST).lock()
    fill(dialog, ADMIN_ID, ADMIN_NAME, ADMIN_PASS, ADMIN_PASS)

    dialog.create_button.click()

    assert dialog.message_box.label.text() == "Det finns redan ett valv i den här mappen."
    assert vault.officer_ids() == ["T999999"]
