"""Call back once a widget has been painted for the first time: what the start-up
benchmarks time (``showEvent`` comes before anything is drawn; the paint is what the
officer sees). Imports only ``QtCore``: it is installed before the login dialog shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    """Watches ``widget`` for its first paint event; ``callback`` runs when that paint has
    finished (a zero timer: the paint event is handled before the timer fires)."""

    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            # With this object as context: dropped if the widget is gone by then (a lock).
            QTimer.singleShot(0, self, callback)
        return False
