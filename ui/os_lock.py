"""Lock when the operating system locks the screen or goes to sleep, where it says so.

Linux: the D-Bus screensaver's ``ActiveChanged(true)`` on the session bus
(``org.freedesktop.ScreenSaver``, and GNOME's own name for it) and logind's
``PrepareForSleep(true)`` on the system bus. Windows: ``WM_WTSSESSION_CHANGE`` with
``WTS_SESSION_LOCK`` (after ``WTSRegisterSessionNotification``) and
``WM_POWERBROADCAST`` with ``PBT_APMSUSPEND``. Where there is no bus (a container, a
minimal desktop) or no such API, nothing is connected and nothing is said: the idle lock
and Ctrl+L still work.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)

_log = logging.getLogger(__name__)

SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIND = ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager")

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def windows_message_means_lock(message: int, wparam: int) -> bool:
    """A Windows message that should lock the vault: session locked, or going to sleep."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam == WTS_SESSION_LOCK
    if message == WM_POWERBROADCAST:
        return wparam == PBT_APMSUSPEND
    return False


class _WindowsFilter(QAbstractNativeEventFilter):
    """Reads the window messages Qt receives; never swallows one."""

    def __init__(self, watcher: OsLockWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        if bytes(event_type) == b"windows_generic_MSG":  # pragma: no cover - Windows only
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if windows_message_means_lock(int(msg.message), int(msg.wParam)):
                self._watcher.lock_requested.emit()
        return False, 0


class OsLockWatcher(QObject):
    """Emits ``lock_requested`` when the OS locks the session or suspends."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._filter: _WindowsFilter | None = None

    def start(self, window_id: int | None = None) -> list[str]:
        """Connect to whatever this system offers; returns what was connected."""
        if sys.platform.startswith("win"):  # pragma: no cover - Windows only
            self._start_windows(window_id)
        else:
            self._start_dbus()
        return self.sources

    def stop(self) -> None:
        if self._filter is not None:  # pragma: no cover - Windows only
            app = QCoreApplication.instance()
            if app is not None:
                app.removeNativeEventFilter(self._filter)
            self._filter = None

    # -- Linux: D-Bus -------------------------------------------------------------------------

    def _start_dbus(self) -> None:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, interface in SCREENSAVERS:
                slot = SLOT("on_screensaver(bool)")
                connected = session.connect(  # type: ignore[call-overload]
                    service, path, interface, "ActiveChanged", self, slot
                )
                if connected:
                    self.sources.append(f"session:{service}{path}")
        system = QDBusConnection.systemBus()
        if system.isConnected():
            service, path, interface = LOGIND
            slot = SLOT("on_prepare_for_sleep(bool)")
            connected = system.connect(  # type: ignore[call-overload]
                service, path, interface, "PrepareForSleep", self, slot
            )
            if connected:
                self.sources.append("system:logind")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_requested.emit()

    # -- Windows: session notifications -------------------------------------------------------

    def _start_windows(self, window_id: int | None) -> None:  # pragma: no cover - Windows only
        app = QCoreApplication.instance()
        if app is None:
            return
        self._filter = _WindowsFilter(self)
        app.installNativeEventFilter(self._filter)
        self.sources.append("windows:power")
        if window_id is None:
            return
        with contextlib.suppress(Exception):
            import ctypes

            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
            if wtsapi.WTSRegisterSessionNotification(
                ctypes.c_void_p(window_id), NOTIFY_FOR_THIS_SESSION
            ):
                self.sources.append("windows:session")
