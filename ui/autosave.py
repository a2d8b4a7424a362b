"""Autosave: each field saves one second after its last keystroke, and at once when it
loses focus, when the vault locks and when the app closes.

A field registers a save function under a key; ``schedule`` (re)starts that key's timer.
``flush`` runs one key's pending save now, ``flush_all`` every one (lock, close). A save
function decides itself what saving means: an event when the value is valid, a draft in
the vault when it is not yet. Save functions must not raise: they show refusals inline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

from ui.errors import log_bug

Save = Callable[[], None]


class Autosaver(QObject):
    """Debounced saves by key, with a timer per key."""

    def __init__(self, delay_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.delay_ms = delay_ms
        self._timers: dict[str, QTimer] = {}
        self._saves: dict[str, Save] = {}
        self._widgets: dict[str, QWidget | None] = {}
        self._watching = False
        self._stopped = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            self._watching = True

    def schedule(self, key: str, save: Save, widget: QWidget | None = None) -> None:
        """Save ``key`` with ``save`` after the delay, unless it is scheduled again first."""
        self._saves[key] = save
        self._widgets[key] = widget
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda k=key: self.flush(k))
            self._timers[key] = timer
        timer.start(self.delay_ms)

    def pending(self) -> list[str]:
        return [k for k in self._saves]

    def cancel(self, key: str) -> None:
        """Forget a pending save (the form it belongs to recorded or discarded its data)."""
        timer = self._timers.get(key)
        if timer is not None:
            timer.stop()
        self._saves.pop(key, None)
        self._widgets.pop(key, None)

    def cancel_prefix(self, prefix: str) -> None:
        for key in [k for k in self._saves if k.startswith(prefix)]:
            self.cancel(key)

    def flush(self, key: str) -> None:
        """Run ``key``'s pending save now (nothing if none is pending)."""
        timer = self._timers.get(key)
        if timer is not None:
            timer.stop()
        save = self._saves.pop(key, None)
        self._widgets.pop(key, None)
        if save is None or self._stopped:
            return
        try:
            save()
        except Exception as exc:  # a save must never take the app down mid-raid
            log_bug(exc, "autosave")

    def flush_all(self) -> None:
        for key in list(self._saves):
            self.flush(key)

    def flush_widget(self, widget: QWidget) -> None:
        for key, owner in list(self._widgets.items()):
            if owner is widget:
                self.flush(key)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            self.flush_widget(old)

    def stop(self) -> None:
        """Disconnect from the application (the workspace is going away)."""
        self._stopped = True
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._watching:
            self._watching = False
            with contextlib.suppress(RuntimeError, TypeError):
                app.focusChanged.disconnect(self._on_focus_changed)
        for timer in self._timers.values():
            timer.stop()
