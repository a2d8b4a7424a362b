"""The mouse wheel never changes a field the officer is not in.

Qt turns a wheel over a combo box or a spin box into a change of its value, focused or
not: scrolling a long step past "Observed by" chose another officer, and the record said
so. One filter on the whole application lets such a field take the wheel only while it
has the keyboard focus; otherwise the wheel goes on to what is under it (the step's
scroll area scrolls, as the officer meant).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


def _value_field(watched: QObject) -> QWidget | None:
    """The combo box or spin box ``watched`` is (or is inside: a spin box's line), if any."""
    widget = watched if isinstance(watched, QWidget) else None
    while widget is not None:
        if isinstance(widget, QComboBox | QAbstractSpinBox):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def takes_wheel(field: QWidget) -> bool:
    """A value field takes the wheel only while the keyboard focus is in it."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is field or field.isAncestorOf(focus))


class WheelGuard(QObject):
    """Installed on the application: a wheel over an unfocused combo or spin box is left
    unaccepted, so Qt hands it to the widgets under it instead of changing the value."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def installed(self) -> bool:
        return self._installed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            field = _value_field(watched)
            if field is watched and field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                # Qt's default for both: the wheel would first give the field the focus,
                # and then change it. A click or Tab still does.
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel:
            return False
        field = _value_field(watched)
        if field is None or takes_wheel(field):
            return False
        # Filtered but not accepted: QApplication passes the wheel on to the parent.
        event.ignore()
        return True
