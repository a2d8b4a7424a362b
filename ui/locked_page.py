"""The window's content while locked, shared by the vault's main window and the
PostgreSQL station's window: nothing about anyone recorded, a title saying what is locked,
who had it open and when it locked (``note``), and a way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.forms import muted_label, title_label


class LockedPage(QWidget):
    """``title`` (translated by the window: the vault, or the station, is locked) over
    ``note`` and the Unlock button."""

    unlock_requested = Signal()

    def __init__(self, title: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label(title, self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = muted_label(note, self)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # a name: never markup
        self.note.setVisible(bool(note))
        self.unlock_button = QPushButton(self.tr("&Unlock…"), self)
        self.unlock_button.clicked.connect(self.unlock_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
