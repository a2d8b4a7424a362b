"""Small building blocks shared by the forms: inline field messages and the message box.

Errors appear inline beside the field they concern, in plain words (DESIGN 6a.2); a
message that concerns no single field goes in a box above the buttons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.theme import ENTRY_POINT_SIZE, TITLE_POINT_SIZE, set_severity, sized_font

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


def qt() -> type[Qt]:
    """The ``Qt`` namespace, fetched when first needed.

    PySide6 builds all of its ~100 enums on first touch, about 30 ms; the login dialog is
    built without them so that it shows sooner (start-up time is benchmarked). Code that
    runs once the dialog is up fetches ``Qt`` through here or a local import.
    """
    from PySide6.QtCore import Qt

    return Qt


def escape_html(text: str) -> str:
    """Plain text for a rich-text label (``html.escape`` would import a large table)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FieldMessage(QLabel):
    """The line under a field: hidden when empty, styled as error, hint or ok."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str, severity: str = "error") -> None:
        self.setTextFormat(qt().TextFormat.PlainText)
        set_severity(self, severity)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def is_error(self) -> bool:
        return bool(self.text()) and self.property("severity") == "error"


class MessageBox(QFrame):
    """An inline box for errors that concern the whole form (damaged key file, bugs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBox")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setTextFormat(qt().TextFormat.PlainText)
        # Selectable, so the officer can quote it exactly when reporting a problem.
        self.label.setTextInteractionFlags(qt().TextInteractionFlag.TextSelectableByMouse)
        self.label.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.label.setText("")
        self.hide()


def title_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(sized_font(label, TITLE_POINT_SIZE, bold=True))
    return label


def muted_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("muted", "true")
    return label


def enlarge(widget: QWidget) -> None:
    """The big font of the login fields: typed under stress, read at arm's length."""
    widget.setFont(sized_font(widget, ENTRY_POINT_SIZE))


def passphrase_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    # Password mode also sets the input-method hints (hidden, sensitive, no prediction),
    # so no on-screen keyboard or input method learns the passphrase, and disables copy.
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    enlarge(edit)
    return edit
