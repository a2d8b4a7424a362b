"""The login dialog: pick the officer, type the passphrase, unlock the vault.

It is the first thing shown, and start-up is benchmarked: it is built without touching the
``Qt`` namespace (see ``ui.forms.qt``).

A wrong passphrase is an inline message under the field; the core's growing delay after
failed attempts is counted down, live, in that message and on the disabled Unlock button,
read from ``Vault.backoff_remaining`` (which survives restarts) rather than counted here.

As in KeePassXC, the prompt cannot be put away while the vault is locked: Esc does
nothing, and the only ways out are unlocking or quitting the app (the Quit button or
closing the dialog's window, which emit ``quit_requested``). Over the locked main window
it says who locked and when.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import APP_NAME
from fieldapp.errors import BackoffActive, KnownError, WrongPassphrase
from fieldapp.storage.vault import Vault
from ui.dialogs.base import GateDialog
from ui.dialogs.countdown import BackoffCountdown
from ui.errors import error_text, internal_error_text, log_bug
from ui.forms import (
    FieldMessage,
    enlarge,
    escape_html,
    muted_label,
    passphrase_edit,
    qt,
    title_label,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent  # at run time: QEvent's enums


class LoginDialog(GateDialog):
    """Unlocks ``vault``; emits ``unlocked(Session)`` and then closes as accepted.

    ``locked_note`` (who locked the vault and when) replaces the subtitle."""

    unlocked = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        vault: Vault,
        *,
        officer_id: str | None = None,
        demo_passphrase: str | None = None,
        locked_note: str = "",
        before_unlock: Callable[[], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        # Blocks until the vault may be read (the demo's filling, on its thread); False when
        # that failed and the dialog now says so: no unlock this time.
        self._before_unlock = before_unlock
        self._demo_passphrase = demo_passphrase
        self._locked_note = locked_note
        self._dismissed_by_code = False
        self._build_ui()
        self._countdown = BackoffCountdown(
            self.unlock_button, self.passphrase_message, vault.backoff_remaining, self
        )
        self._connect()
        self._load_officers(officer_id)
        self._countdown.tick()

    # -- building ----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.setMinimumWidth(560)

        self.title = title_label(APP_NAME, self)
        self.subtitle = muted_label(
            self._locked_note or self.tr("Unlock the vault on this computer."), self
        )
        if self._locked_note:  # the officer's name; after start-up, so qt() costs nothing
            self.subtitle.setTextFormat(qt().TextFormat.PlainText)

        self.demo_banner = QFrame(self)
        self.demo_banner.setObjectName("demoBanner")
        self.demo_text = QLabel(self.demo_banner)
        self.demo_text.setWordWrap(True)
        self.fill_demo_button = QPushButton(self.tr("&Fill in"), self.demo_banner)
        self.fill_demo_button.setAutoDefault(False)
        banner_layout = QHBoxLayout(self.demo_banner)
        banner_layout.setContentsMargins(12, 10, 12, 10)
        banner_layout.addWidget(self.demo_text, 1)
        banner_layout.addWidget(self.fill_demo_button)
        self.demo_banner.setVisible(self._demo_passphrase is not None)
        if self._demo_passphrase is not None:
            self.demo_text.setText(
                self.tr(
                    "<b>Demo mode:</b> a vault with invented data. Passphrase: <b>{passphrase}</b>"
                ).format(passphrase=escape_html(self._demo_passphrase))
            )

        self.officer = QComboBox(self)
        enlarge(self.officer)
        self.officer.setEditable(True)
        self.officer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        officer_edit = self.officer.lineEdit()
        if officer_edit is not None:
            enlarge(officer_edit)
            officer_edit.setPlaceholderText(self.tr("your service id, e.g. A123456"))
        self.officer_message = FieldMessage(self)
        self.passphrase = passphrase_edit(self)
        self.passphrase_message = FieldMessage(self)

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Officer &id:"), self.officer)
        form.addRow("", self.officer_message)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.passphrase_message)

        self.vault_label = muted_label(
            self.tr("Vault: {folder}").format(folder=self._vault.data_dir), self
        )

        # A plain row rather than QDialogButtonBox, whose constructor alone would build
        # the Qt namespace's enums before the dialog shows (see ui.forms.qt).
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.unlock_button.setDefault(True)
        self.quit_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.demo_banner)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message_box)
        layout.addWidget(self.vault_label)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.unlock_button.clicked.connect(self._on_unlock)
        self.quit_button.clicked.connect(self.quit_requested)
        self.fill_demo_button.clicked.connect(self._on_fill_demo)
        self.passphrase.textEdited.connect(self._on_passphrase_edited)

    def _load_officers(self, preselect: str | None) -> None:
        try:
            ids = self._vault.officer_ids()
        except KnownError as exc:
            self.message_box.show_message(error_text(exc))
            ids = []
        except Exception as exc:
            log_bug(exc, "login: listing officers")
            self.message_box.show_message(internal_error_text())
            ids = []
        self.officer.addItems(ids)
        if preselect is None and len(ids) == 1:
            preselect = ids[0]
        self.officer.setCurrentIndex(-1)
        self.officer.setEditText(preselect or "")
        (self.passphrase if preselect else self.officer).setFocus()

    # -- handlers ----------------------------------------------------------------------------

    @Slot()
    def _on_fill_demo(self) -> None:
        if self._demo_passphrase is not None:
            self.passphrase.setText(self._demo_passphrase)
            self.passphrase.setFocus()

    @Slot(str)
    def _on_passphrase_edited(self, _text: str) -> None:
        # The old complaint no longer describes what is in the field.
        if self.passphrase_message.is_error() and not self._countdown.is_active():
            self.passphrase_message.clear_message()

    @Slot()
    def _on_unlock(self) -> None:
        officer_id = self.officer.currentText().strip()
        passphrase = self.passphrase.text()
        self.officer_message.clear_message()
        self.passphrase_message.clear_message()
        self.message_box.clear_message()
        if not officer_id:
            self.officer_message.show_message(self.tr("Enter your officer id."))
            self.officer.setFocus()
            return
        if not passphrase:
            self.passphrase_message.show_message(self.tr("Enter your passphrase."))
            self.passphrase.setFocus()
            return

        self.unlock_button.setEnabled(False)
        # Argon2 takes about half a second by design; the cursor says "working".
        QApplication.setOverrideCursor(qt().CursorShape.WaitCursor)
        try:
            if self._before_unlock is not None and not self._before_unlock():
                self._countdown.tick()  # the button back, the passphrase kept
                return
            # Every page is checked right after, on a thread (ui.page_check).
            session = self._vault.unlock(officer_id, passphrase, check_pages=False)
        except WrongPassphrase as exc:
            self._countdown.failure_text = error_text(exc)
            self.passphrase_message.show_message(self._countdown.failure_text)
            self._after_failure()
            return
        except BackoffActive:
            self._countdown.failure_text = self.tr("Too many failed attempts.")
            self.passphrase_message.show_message(self._countdown.failure_text)
            self._after_failure()
            return
        except KnownError as exc:
            self._show_known_error(exc)
            self._after_failure()
            return
        except Exception as exc:
            log_bug(exc, "login: unlock")
            self.message_box.show_message(internal_error_text())
            self._after_failure()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.unlocked.emit(session)
        if session.locked:
            return  # the receiver refused this session and has said why in show_error
        self.accept()

    def _after_failure(self) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()
        self._countdown.tick()

    def _show_known_error(self, exc: KnownError) -> None:
        fields = {"officer_id": self.officer_message, "passphrase": self.passphrase_message}
        target = fields.get(exc.field or "")
        if target is not None:
            target.show_message(error_text(exc))
        else:
            self.message_box.show_message(error_text(exc))

    # -- staying up while the vault is locked ------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.officer.currentText():
            self.passphrase.setFocus()

    def reject(self) -> None:
        """Esc: the prompt stays (the vault is still locked); typing goes on where it was."""
        if self._dismissed_by_code:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dismissed_by_code:
            super().closeEvent(event)
            return
        # The user closed the window: with the vault locked that can only mean quit.
        event.ignore()
        self.quit_requested.emit()

    def dismiss(self) -> None:
        """Close it from code (the app is ending, or a screenshot is taken)."""
        self._dismissed_by_code = True
        self.close()

    # -- for callers and tests ---------------------------------------------------------------

    def countdown_active(self) -> bool:
        return self._countdown.is_active()
