"""The idle lock (an application-wide input watcher and a timer) and the note the lock
screen shows: who was logged in, when the vault locked and why.

Any key, mouse or touch input anywhere in the application postpones the lock; after
``timeout_ms`` without input ``timed_out`` is emitted and the app locks the vault.
The event filter only notes the time (it runs for every event in the app, so it must be
cheap); the single-shot timer re-arms itself for whatever is left when it fires early.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

from ui.i18n import translate


class LockReason(Enum):
    MANUAL = "manual"  # Ctrl+L or the menu
    IDLE = "idle"  # the idle timeout
    SYSTEM = "system"  # the OS locked the screen or went to sleep
    DAMAGED = "damaged"  # the page check after unlock found a damaged or altered page


@dataclass(frozen=True)
class LockNote:
    """Who had the vault open when it locked, when, and why (what KeePassXC's lock screen
    says). The officer's id only: it is in the key file and the login's picker anyway,
    while names live inside the encrypted vault and leave the screen with it."""

    officer_id: str
    at: datetime
    reason: LockReason
    idle_seconds: int = 0

    def text(self, now: datetime | None = None) -> str:
        """One or two sentences in the UI language."""
        today = (now or datetime.now()).date()
        when = self.at.strftime("%H:%M" if self.at.date() == today else "%Y-%m-%d %H:%M")
        who = self.officer_id
        if self.reason is LockReason.IDLE:
            return translate(
                "LockNote", "Locked at {time} after {span} without input. Logged in: {who}."
            ).format(time=when, span=_span(self.idle_seconds), who=who)
        if self.reason is LockReason.SYSTEM:
            return translate(
                "LockNote", "Locked at {time} when the computer's screen locked. Logged in: {who}."
            ).format(time=when, who=who)
        if self.reason is LockReason.DAMAGED:
            return translate(
                "LockNote",
                "Locked at {time}: the check of every page found the vault damaged or altered. "
                "Logged in: {who}.",
            ).format(time=when, who=who)
        return translate("LockNote", "Locked by {who} at {time}.").format(who=who, time=when)


def _span(seconds: int) -> str:
    return f"{round(seconds / 60)} min" if seconds >= 60 else f"{seconds} s"


_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)


class IdleLock(QObject):
    """Emits ``timed_out`` once after ``timeout_ms`` of no user input, while started."""

    timed_out = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        if timeout_ms <= 0:
            raise ValueError("the idle timeout must be positive")
        self._timeout_ms = timeout_ms
        self._clock = clock
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._watching = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def start(self) -> None:
        self._last_input = self._clock()
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start(self._timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    def is_active(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        """Milliseconds until the lock, counted from the last input."""
        return self._left_ms() if self._timer.isActive() else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    @Slot()
    def _on_timer(self) -> None:
        remaining = self._left_ms()
        if remaining > 0:
            self._timer.start(remaining)
            return
        self.stop()
        self.timed_out.emit()

    def _left_ms(self) -> int:
        idle_ms = (self._clock() - self._last_input) * 1000
        return max(0, round(self._timeout_ms - idle_ms))
