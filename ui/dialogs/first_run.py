"""The first-run dialog: create the vault on this computer and its first administrator.

The passphrase policy is the core's (``fieldapp.passphrase_policy``); this dialog only asks
it as the user types, so the reason shows before the submit, and shows every field's
problem at once on submit rather than one per attempt.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import APP_NAME
from fieldapp.errors import KnownError
from fieldapp.officers import check_display_name, check_officer_id
from fieldapp.passphrase_policy import weakness
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.vault import Vault
from ui.dialogs.base import GateDialog
from ui.errors import error_text, internal_error_text, log_bug, weakness_text
from ui.forms import FieldMessage, enlarge, muted_label, passphrase_edit, qt, title_label


class FirstRunDialog(GateDialog):
    """Creates the vault; emits ``created(Session)`` and then closes as accepted.

    ``cost`` is the Argon2 cost for the new vault; ``None`` calibrates it to this computer
    (about a second), tests pass the cheap minimum.
    """

    created = Signal(object)

    def __init__(
        self, vault: Vault, *, cost: KdfCost | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._cost = cost
        self._build_ui()
        self._connect()

    # -- building ----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.setMinimumWidth(640)

        self.title = title_label(self.tr("Welcome to {app}").format(app=APP_NAME), self)
        self.intro = muted_label(
            self.tr(
                "There is no vault on this computer yet. Create it here: you become its "
                "administrator and can then enrol the other officers."
            ),
            self,
        )

        self.officer_id = QLineEdit(self)
        self.officer_id.setPlaceholderText(self.tr("your service id, e.g. A123456"))
        enlarge(self.officer_id)
        self.officer_id_message = FieldMessage(self)
        self.display_name = QLineEdit(self)
        self.display_name.setPlaceholderText(self.tr("first and last name"))
        enlarge(self.display_name)
        self.display_name_message = FieldMessage(self)
        self.passphrase = passphrase_edit(self)
        self.passphrase_message = FieldMessage(self)
        self.repeat = passphrase_edit(self)
        self.repeat_message = FieldMessage(self)
        self.show_passphrase = QCheckBox(self.tr("S&how passphrases"), self)
        self.advice = muted_label(
            self.tr(
                "A passphrase of several words is easy to remember and hard to guess, "
                "e.g. a short sentence only you would say. It cannot be recovered on this "
                "computer if forgotten."
            ),
            self,
        )

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Officer &id:"), self.officer_id)
        form.addRow("", self.officer_id_message)
        form.addRow(self.tr("&Name:"), self.display_name)
        form.addRow("", self.display_name_message)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.passphrase_message)
        form.addRow(self.tr("&Repeat passphrase:"), self.repeat)
        form.addRow("", self.repeat_message)
        form.addRow("", self.show_passphrase)

        self.busy_label = QLabel(self)
        self.busy_label.setWordWrap(True)
        self.busy_label.hide()

        # A plain row, as in the login dialog (QDialogButtonBox costs start-up time).
        self.create_button = QPushButton(self.tr("&Create vault"), self)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.create_button.setDefault(True)
        self.quit_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(self.message_box)
        layout.addWidget(self.busy_label)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.officer_id.setFocus()

    def _connect(self) -> None:
        self.create_button.clicked.connect(self._on_create)
        self.quit_button.clicked.connect(self.reject)
        self.show_passphrase.toggled.connect(self._on_show_passphrase)
        for edit in (self.officer_id, self.display_name, self.passphrase):
            edit.textChanged.connect(self._on_passphrase_inputs_changed)
        self.repeat.textChanged.connect(self._on_repeat_changed)

    # -- live feedback -----------------------------------------------------------------------

    def _personal(self) -> tuple[str, str]:
        return (self.officer_id.text().strip(), self.display_name.text().strip())

    @Slot()
    def _on_passphrase_inputs_changed(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.passphrase_message.clear_message()
        else:
            found = weakness(passphrase, personal=self._personal())
            if found is None:
                self.passphrase_message.show_message(self.tr("Passphrase accepted."), "ok")
            else:
                # Amber while typing: it is advice until the user tries to submit.
                self.passphrase_message.show_message(weakness_text(found.value), "hint")
        self._on_repeat_changed()

    @Slot()
    def _on_repeat_changed(self) -> None:
        repeat, passphrase = self.repeat.text(), self.passphrase.text()
        if repeat and len(repeat) >= len(passphrase) and repeat != passphrase:
            self.repeat_message.show_message(self.tr("The passphrases differ."), "hint")
        else:
            self.repeat_message.clear_message()

    @Slot(bool)
    def _on_show_passphrase(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    # -- submit ------------------------------------------------------------------------------

    def _field_messages(self) -> dict[str, tuple[QLineEdit, FieldMessage]]:
        return {
            "officer_id": (self.officer_id, self.officer_id_message),
            "display_name": (self.display_name, self.display_name_message),
            "passphrase": (self.passphrase, self.passphrase_message),
            "repeat": (self.repeat, self.repeat_message),
        }

    def _check_all(self) -> dict[str, str]:
        """Every field's problem at once, asking the core's own checks."""
        problems: dict[str, str] = {}
        for field, check in (
            ("officer_id", check_officer_id),
            ("display_name", check_display_name),
        ):
            edit, _ = self._field_messages()[field]
            try:
                check(edit.text())
            except KnownError as exc:
                problems[field] = error_text(exc)
        found = weakness(self.passphrase.text(), personal=self._personal())
        if found is not None:
            problems["passphrase"] = weakness_text(found.value)
        elif self.repeat.text() != self.passphrase.text():
            problems["repeat"] = self.tr("The passphrases differ.")
        return problems

    def _show_problems(self, problems: dict[str, str]) -> None:
        first: QLineEdit | None = None
        for field, (edit, message) in self._field_messages().items():
            if field in problems:
                message.show_message(problems[field], "error")
                first = first or edit
            elif field != "passphrase" or not self.passphrase.text():
                message.clear_message()
        if first is not None:
            first.setFocus()

    @Slot()
    def _on_create(self) -> None:
        self.message_box.clear_message()
        problems = self._check_all()
        if problems:
            self._show_problems(problems)
            return
        self._set_busy(True)
        try:
            session = self._vault.create(
                self.officer_id.text(),
                self.display_name.text(),
                self.passphrase.text(),
                cost=self._cost,
            )
        except KnownError as exc:
            field = exc.field or ""
            if field in self._field_messages():
                self._show_problems({field: error_text(exc)})
            else:
                self.message_box.show_message(error_text(exc))
            return
        except Exception as exc:
            log_bug(exc, "first run: create vault")
            self.message_box.show_message(internal_error_text())
            return
        finally:
            self._set_busy(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.created.emit(session)
        if session.locked:
            return  # the receiver refused this session and has said why in show_error
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.officer_id, self.display_name, self.passphrase, self.repeat):
            widget.setReadOnly(busy)
        self.create_button.setEnabled(not busy)
        self.quit_button.setEnabled(not busy)
        if busy:
            self.busy_label.setText(
                self.tr(
                    "Creating the vault: measuring this computer to set the strength of the "
                    "key protection. This takes a few seconds…"
                )
            )
            self.busy_label.show()
            QApplication.setOverrideCursor(qt().CursorShape.WaitCursor)
            # The work below blocks the GUI thread for about a second: paint the notice
            # first. User input is held back so nothing is typed into a half-made vault.
            self.busy_label.repaint()
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        else:
            self.busy_label.hide()
            QApplication.restoreOverrideCursor()
