"""The unlock back-off's countdown, shared by the vault's login and the PostgreSQL
station's: while the next attempt must wait, the Unlock button is disabled and says how
long, and the passphrase's message says what failed and when to try again, live, each
second read again from ``remaining`` (the core's count, never one kept here)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QPushButton

from ui.forms import FieldMessage

# Often enough that the countdown never shows a stale second.
_INTERVAL_MS = 200


class BackoffCountdown(QObject):
    """Counts ``remaining()`` seconds down on ``button`` and in ``message``;
    ``failure_text`` is what the last failure said, shown before the wait."""

    def __init__(
        self,
        button: QPushButton,
        message: FieldMessage,
        remaining: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._button = button
        self._message = message
        self._remaining = remaining
        self.failure_text = ""
        self._timer = QTimer(self)
        self._timer.setInterval(_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        # Room for the countdown text, so the buttons do not jump when it appears.
        button.setMinimumWidth(button.fontMetrics().horizontalAdvance(self.button_text(60)) + 40)

    def is_active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def tick(self) -> None:
        remaining = self._remaining()
        if remaining > 0:
            seconds = math.ceil(remaining)
            self._button.setEnabled(False)
            self._button.setText(self.button_text(seconds))
            wait = self.tr("Next attempt possible in {seconds} s.").format(seconds=seconds)
            self._message.show_message(f"{self.failure_text} {wait}".strip())
            if not self._timer.isActive():
                self._timer.start()
        else:
            was_counting = self._timer.isActive()
            self._timer.stop()
            self._button.setText(self.tr("&Unlock"))
            self._button.setEnabled(True)
            if was_counting and self.failure_text:
                self._message.show_message(self.failure_text)
            elif was_counting:
                self._message.clear_message()

    def button_text(self, seconds: int) -> str:
        return self.tr("Try again in {seconds} s").format(seconds=seconds)
