"""Enrolling an officer from the GUI (administrators): service id, name, role and a first
passphrase typed twice. At a station the roles are station staff and administrator; on a
laptop field officer, team leader and administrator. The core checks everything again
(``Session.enrol_officer``: only administrators, a strong passphrase, a new id)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from fieldapp.errors import KnownError
from fieldapp.officers import Officer, Role
from fieldapp.storage.session import Session
from fieldapp.sync.station import is_station
from ui.forms import FieldMessage, muted_label
from ui.i18n import role_name
from ui.widgets import CodeCombo, FormGrid, action_button


class EnrolOfficerDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.enrolled: Officer | None = None
        self.setWindowTitle(self.tr("Enrol an officer"))
        roles = (
            (Role.STATION_STAFF, Role.ADMINISTRATOR)
            if is_station(session)
            else (Role.FIELD_OFFICER, Role.TEAM_LEADER, Role.ADMINISTRATOR)
        )
        grid = FormGrid()
        self.officer_id = QLineEdit(self)
        grid.add("officer_id", self.tr("Service &id"), self.officer_id)
        self.name = QLineEdit(self)
        grid.add("name", self.tr("&Name"), self.name)
        self.role = CodeCombo({r.value: role_name(r) for r in roles}, self)
        self.role.set_code(roles[0].value)
        grid.add("role", self.tr("&Role"), self.role)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        grid.add("passphrase", self.tr("First &passphrase"), self.passphrase)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        grid.add("again", self.tr("The passphrase a&gain"), self.again)
        self.message = FieldMessage(self)
        self.enrol_button = action_button(self.tr("&Enrol (Enter)"), self, primary=True)
        self.enrol_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Give the officer the passphrase in person; they can change it later "
                    "(fieldapp officer passwd)."
                ),
                self,
            )
        )
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.enrol_button.clicked.connect(self.enrol)

    @Slot()
    def enrol(self) -> None:
        from ui.capture import refusal_text

        if self.passphrase.text() != self.again.text():
            self.message.show_message(self.tr("The two passphrases differ."))
            return
        try:
            self.enrolled = self.session.enrol_officer(
                self.officer_id.text().strip(),
                self.name.text().strip(),
                self.role.code() or "",
                self.passphrase.text(),
            )
        except KnownError as exc:
            self.message.show_message(refusal_text(exc))
            return
        finally:
            self.again.clear()
        self.passphrase.clear()
        self.accept()
