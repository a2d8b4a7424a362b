"""When something happened away from the laptop (a sheet handed over, a tip phoned in): a
day and a time of day. The day is today unless typed; the time follows the clock until it
is edited, and accepts "2142" or "21:42" like every time field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.capture import Value, ValueWidget
from ui.widgets import TimeField, line_edit, local_moment


class WhenField(ValueWidget):
    """A day (YYYY-MM-DD, empty for today) and a ``TimeField``; the value is ISO 8601 with
    the offset, or what was typed when it is not a day, so the core's refusal names it."""

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = line_edit(self, self.tr("today"), 10)
        self.day.setFixedWidth(self.day.fontMetrics().horizontalAdvance("0000-00-00") + 28)
        self.time = TimeField(clock, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.day)
        layout.addWidget(self.time, 1)
        self.setFocusProxy(self.day)
        self.day.textEdited.connect(self._day_edited)
        self.time.edited.connect(self._time_edited)

    def _day_edited(self, text: str) -> None:
        # The time is on the typed day, with that day's offset (a July day typed in a
        # Swedish winter is +02:00); its label then names the day too.
        self.time.set_day(_typed_day(text))
        self.edited.emit()

    def _time_edited(self) -> None:
        # A day chosen on the time (Page Up/Down, its calendar) is the day typed here too.
        chosen = self.time.day()
        if chosen is not None and chosen != _typed_day(self.day.text()):
            self.day.setText(chosen.isoformat())
        self.edited.emit()

    def field_value(self) -> Value:
        typed = self.day.text().strip()
        if typed and _typed_day(typed) is None:
            return typed
        moment = self.time.value()
        if moment is None:
            return self.time.edit.text() or None
        return moment.isoformat()

    def set_field_value(self, value: Value) -> None:
        if not value:
            self.day.clear()
            self.time.reset()
            return
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            self.day.setText(str(value)[:10])
            return
        self.time.set_value(moment, anchor=False)
        day = local_moment(moment, self.time.clock()).date()
        self.day.setText(day.isoformat())
        self.time.set_day(day)


def _typed_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
