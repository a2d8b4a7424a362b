"""What the first-run and login dialogs share: they stand before the main window.

Both announce when they are shown (the start-up benchmark waits for that) and both can be
told about a problem the controller found after they succeeded, e.g. a vault that unlocks
but cannot name its officer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from ui.forms import MessageBox

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent  # at run time it would build QEvent's enums


class GateDialog(QDialog):
    """A dialog that opens the vault. Subclasses place ``message_box`` in their layout."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_box = MessageBox(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def dismiss(self) -> None:
        """Close it from code (the app is ending)."""
        self.close()

    def show_error(self, text: str) -> None:
        """Show a problem with the whole form (not one field) inline, above the buttons."""
        self.message_box.show_message(text)
