"""The desktop app on a station kept in PostgreSQL (``fieldapp --database TARGET``, issue
#18): the staff login, then a window with the station's pages only (import, review,
consolidated cases with summaries and the operation report, the register of laptops) —
the same pages as a station vault's Sync section, over ``ui.sync.backend.PgBackend``.

Locking is as in the vault's app: the idle timeout and Ctrl+L close the connection and
drop the keys (the store goes), take the pages down, and ask for the login again over the
window, which says who locked and when. An import under way ends its bundle first.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from fieldapp import APP_NAME
from fieldapp.provisioning import LANGUAGE, Managed
from fieldapp.storage.session import DEFAULT_IDLE_TIMEOUT_SECONDS
from fieldapp.sync.pg_store import PgStationStore
from ui.dialogs.pg_login import Connect, PgLoginDialog, open_station, station_opener
from ui.errors import log_bug, reporting_bugs
from ui.gui_gc import collect_on_gui_thread
from ui.i18n import Translation
from ui.lock import IdleLock, LockNote, LockReason
from ui.locked_page import LockedPage
from ui.sync.backend import PgBackend
from ui.sync.station import StationSyncView
from ui.theme import apply_theme
from ui.widgets import action_button


class StationPage(QWidget):
    """The unlocked station: a bar naming the staff member and the station, with the lock
    button, over the station's pages."""

    lock_requested = Signal()

    def __init__(self, backend: PgBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.who = QLabel(
            self.tr("{staff} at station {station} (PostgreSQL)").format(
                staff=backend.staff_name, station=backend.keys.card.name
            ),
            self,
        )
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.lock_button = action_button(self.tr("Lock (Ctrl+L)"), self)
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing never lands here
        self.lock_button.clicked.connect(self.lock_requested)
        self.view = StationSyncView(backend, self)
        # Names of officers enrolled since the last read (an import brings them).
        self.view.import_tab.finished.connect(backend.refresh_names)
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 0)
        bar.addWidget(self.who, 1)
        bar.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def wait(self) -> None:
        """An import under way ends its bundle (and its worker's connection) first."""
        self.view.import_tab.wait()


class StationWindow(QMainWindow):
    """The station's window: its pages while unlocked, the locked note otherwise."""

    lock_requested = Signal()
    unlock_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        self.addAction(self.lock_action)
        self.show_locked()

    def page(self) -> StationPage | None:
        central = self.centralWidget()
        return central if isinstance(central, StationPage) else None

    def show_station(self, backend: PgBackend) -> StationPage:
        self._take_down()
        page = StationPage(backend, self)
        page.lock_requested.connect(self.lock_requested)
        self.setCentralWidget(page)
        self.lock_action.setEnabled(True)
        page.view.tabs.setFocus()
        return page

    def show_locked(self, note: str = "") -> None:
        self._take_down()
        locked = LockedPage(self.tr("The station is locked"), note, self)
        locked.unlock_requested.connect(self.unlock_requested)
        self.setCentralWidget(locked)
        self.lock_action.setEnabled(False)

    def is_locked(self) -> bool:
        return isinstance(self.centralWidget(), LockedPage)

    def _take_down(self) -> None:
        old = self.takeCentralWidget()
        if old is not None:
            # Hidden at once; deleted when control returns to the event loop.
            old.hide()
            old.deleteLater()

    def show_fitted(self) -> None:
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        if available is None or available.width() <= 1440 or available.height() <= 900:
            if available is not None:
                self.resize(available.size())  # where no window manager maximises it
            self.showMaximized()
        else:
            self.resize(1280, 800)
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # the controller decides (an import ends its bundle first)
        self.close_requested.emit()


class StationController(QObject):
    """Login, window, lock, login again, for the PostgreSQL station at ``target``."""

    quit_requested = Signal()
    unlocked = Signal()  # the pages are up (tests wait for it)

    def __init__(
        self,
        target: str,
        *,
        ask_password: bool = False,
        idle_timeout_ms: int | None = None,
        connect: Connect = open_station,
        managed: Managed | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self._ask_password = ask_password
        self._connect = connect
        managed = managed or Managed()
        seconds = managed.idle_lock_seconds or DEFAULT_IDLE_TIMEOUT_SECONDS
        self.idle_lock = IdleLock(idle_timeout_ms or seconds * 1000, self)
        self.idle_lock.timed_out.connect(self._lock_idle)
        self.window = StationWindow()
        self.window.lock_requested.connect(self.lock)
        self.window.unlock_requested.connect(self.show_login)
        self.window.close_requested.connect(self._on_quit)
        self.backend: PgBackend | None = None
        self.dialog: PgLoginDialog | None = None
        self.lock_note: LockNote | None = None
        self._staff = ""

    def start(self) -> None:
        self.window.show_fitted()
        self.show_login()

    def show_login(self) -> None:
        if self.dialog is not None:
            self.dialog.activateWindow()
            return
        dialog = PgLoginDialog(
            self.target,
            ask_password=self._ask_password,
            staff=self._staff,
            locked_note=self.lock_note.text() if self.lock_note is not None else "",
            connect=self._connect,
            parent=self.window,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.unlocked.connect(self._on_unlocked)
        dialog.quit_requested.connect(self._on_quit)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.show()

    @Slot(int)
    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.window.activateWindow()

    @Slot(object, object)
    def _on_unlocked(self, store: PgStationStore, password: str | None) -> None:
        backend = PgBackend(store, self.target, password)
        try:
            self.window.show_station(backend)
        except Exception as exc:  # our bug: the station is not left open behind a dialog
            log_bug(exc, "opening the station's window")
            backend.close()
            raise
        self.backend = backend
        self._staff = store.staff_name
        self.idle_lock.start()
        self.unlocked.emit()

    @Slot()
    def lock(self, reason: LockReason | None = None) -> None:
        """Lock now: the import ends its bundle, the connection closes, the keys go."""
        backend, self.backend = self.backend, None
        if backend is None:
            return
        self.idle_lock.stop()
        page = self.window.page()
        if page is not None:
            page.wait()
        self.lock_note = LockNote(
            backend.staff_name,
            datetime.now(),
            reason or LockReason.MANUAL,
            self.idle_lock.timeout_ms // 1000,
        )
        self._close_transients()
        self.window.show_locked(self.lock_note.text())
        backend.close()
        self.show_login()

    @Slot()
    def _lock_idle(self) -> None:
        self.lock(LockReason.IDLE)

    def _close_transients(self) -> None:
        """Dialogs over the window (a PDF preview) may show data too."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.dialog:
                widget.reject()

    @Slot()
    def _on_quit(self) -> None:
        self.shutdown()
        self.quit_requested.emit()

    def shutdown(self) -> None:
        """The app is ending: the import ends its bundle, the station closes."""
        self.idle_lock.stop()
        page = self.window.page()
        if page is not None:
            page.wait()
        backend, self.backend = self.backend, None
        if backend is not None:
            backend.close()
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.finished.disconnect(self._on_dialog_finished)
            dialog.dismiss()
            dialog.deleteLater()
        self.window.show_locked()
        self.window.hide()


def run_station_gui(
    target: str,
    *,
    ask_password: bool = False,
    language: str = "sv",
    managed: Managed | None = None,
    data_dir: Path | None = None,
) -> int:
    """The app on the PostgreSQL station at ``target``; returns the exit code. ``data_dir``
    keeps this PC's unlock back-off for the station."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    collect_on_gui_thread(app)
    app.setApplicationName("fieldapp")
    app.setApplicationDisplayName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    managed = managed or Managed()
    translation = Translation(managed.value(LANGUAGE) or language).install()
    apply_theme(app)
    controller = StationController(
        target, ask_password=ask_password, managed=managed, connect=station_opener(data_dir)
    )
    controller.quit_requested.connect(app.quit)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()

    def show_bug(text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, parent=controller.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    try:
        with reporting_bugs(show_bug):
            return app.exec()
    finally:
        controller.shutdown()
        translation.remove()
