"""The contacts on duty (F2 from anywhere) as a panel over the right side of the window:
not a dialog, so nothing being typed is interrupted; Esc or F2 again closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldapp.documents.text import phone as phone_text
from fieldapp.domain.operation import TEAM_ENTITY
from ui.forms import muted_label, title_label
from ui.models import big_font
from ui.screens.dashboard import ContactList
from ui.widgets import action_button
from ui.words import TEAM_ROLES, word
from ui.workspace import Workspace

PANEL_WIDTH = 520


class ContactsPanel(QFrame):
    """Contacts on duty and the team's phones, numbers large."""

    close_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("contactsPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = title_label(self.tr("Contacts on duty"), self)
        self.hint = muted_label(
            self.tr("F2 or Esc closes. Check the numbers before the raid."), self
        )
        self.contacts = ContactList(workspace, self, size=20)
        self.team_title = QLabel(self.tr("Team"), self)
        self.team_title.setProperty("role", "stepTitle")
        self.team = QLabel(self)
        self.team.setFont(big_font(13, bold=False))
        self.team.setWordWrap(True)
        self.close_button = action_button(self.tr("Close"), self)
        inner = QWidget(self)
        box = QVBoxLayout(inner)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.contacts)
        box.addSpacing(12)
        box.addWidget(self.team_title)
        box.addWidget(self.team)
        box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.close_button.clicked.connect(self.close_requested)
        self.hide()

    def load(self) -> None:
        operation_id = self.workspace.operation_id
        self.contacts.load(operation_id)
        team = (
            self.workspace.ctx.records.find(TEAM_ENTITY, operation_id=operation_id)
            if operation_id
            else []
        )
        self.team.setText(
            "\n".join(
                f"{m.get('name')}  {phone_text(m.get('phone')) if m.get('phone') else ''}"
                f"  ({word(TEAM_ROLES, m.get('role'))})"
                for m in team
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
