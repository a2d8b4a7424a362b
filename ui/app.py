"""The entry point and the window flow: first run or login, main window, lock, login again.

``run_gui`` is what ``main.py`` calls. ``AppController`` owns the flow and the one open
``Session``; it is a plain ``QObject`` so tests drive it without an event loop of its own.
Only the dialog shown first is imported before it appears: start-up time is benchmarked.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog

from fieldapp import APP_NAME, logs
from fieldapp.errors import KnownError
from fieldapp.provisioning import LANGUAGE, PRINTER, Managed
from ui.errors import error_text, internal_error_text, log_bug, reporting_bugs
from ui.gui_gc import collect_on_gui_thread
from ui.i18n import Translation
from ui.theme import apply_theme

if TYPE_CHECKING:
    from fieldapp.storage.keyslots import KdfCost
    from fieldapp.storage.session import Session
    from fieldapp.storage.vault import Vault
    from ui.clipboard import ClipboardGuard
    from ui.dialogs.base import GateDialog
    from ui.lock import IdleLock, LockNote, LockReason
    from ui.main_window import MainWindow
    from ui.os_lock import OsLockWatcher
    from ui.page_check import BackgroundPageCheck
    from ui.startup_work import StartupWork
    from ui.wheel import WheelGuard

BENCH_ENV = "FIELDAPP_BENCH_EXIT_ON_LOGIN"
BENCH_MARKER = "LOGIN_SHOWN"


class AppController(QObject):
    """Shows first run or login, then the main window; locks and unlocks.

    ``idle_timeout_ms`` overrides the session's own idle timeout (tests use a short one);
    ``kdf_cost`` is passed to vault creation (``None``: calibrate to this computer);
    ``switch_language`` installs another UI language (the vault remembers the choice);
    ``managed`` are the settings IT manages on this machine (they win over the vault's).
    """

    login_shown = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        vault: Vault,
        *,
        demo_passphrase: str | None = None,
        demo_officer_id: str | None = None,
        idle_timeout_ms: int | None = None,
        kdf_cost: KdfCost | None = None,
        clipboard: ClipboardGuard | None = None,
        switch_language: Callable[[str], None] | None = None,
        managed: Managed | None = None,
        before_unlock: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.managed = managed or Managed()
        self._before_unlock = before_unlock
        self._switch_language = switch_language
        self.os_lock: OsLockWatcher | None = None
        self.vault = vault
        self._demo_passphrase = demo_passphrase
        self._last_officer_id = demo_officer_id
        self._idle_timeout_ms = idle_timeout_ms
        self._kdf_cost = kdf_cost
        self._clipboard = clipboard
        # The wheel changes only the combo or spin box the officer is in (ui.wheel); made
        # with the main window, not before: the login dialog shows before more is imported.
        self.wheel_guard: WheelGuard | None = None
        self.session: Session | None = None
        self.dialog: GateDialog | None = None
        self.main_window: MainWindow | None = None
        self.idle_lock: IdleLock | None = None
        self.lock_note: LockNote | None = None
        self.page_check: BackgroundPageCheck | None = None
        self.diagnostics_box: QDialog | None = None

    # -- flow --------------------------------------------------------------------------------

    def start(self) -> None:
        if self.vault.exists():
            self.show_login()
        else:
            self._show_first_run()

    def _show_first_run(self) -> None:
        from ui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.vault, cost=self._kdf_cost)
        dialog.created.connect(self._on_unlocked)
        self._show_dialog(dialog)

    def show_login(self) -> None:
        """Show the login dialog (over the locked main window, if there is one)."""
        if self.dialog is not None:
            self.dialog.activateWindow()
            return
        from ui.dialogs.login import LoginDialog

        dialog = LoginDialog(
            self.vault,
            officer_id=self._last_officer_id,
            demo_passphrase=self._demo_passphrase,
            locked_note=self.lock_note.text() if self.lock_note is not None else "",
            before_unlock=self._before_unlock,
            parent=self.main_window,
        )
        dialog.unlocked.connect(self._on_unlocked)
        dialog.quit_requested.connect(self._on_main_window_closed)
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: GateDialog) -> None:
        self.dialog = dialog
        dialog.shown.connect(self.login_shown)
        dialog.finished.connect(self._on_dialog_finished)
        if self.main_window is not None:
            from PySide6.QtCore import Qt  # not at start-up: see ui.forms.qt

            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    @Slot(int)
    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        # Closing the first-run dialog ends the app (the login dialog cannot be rejected:
        # it asks to quit instead).
        if result != QDialog.DialogCode.Accepted and self.main_window is None:
            self.quit_requested.emit()
        elif self.main_window is not None:
            # Keyboard focus back to the window, so Ctrl+L and the rest work at once.
            self.main_window.activateWindow()

    @Slot(object)
    def _on_unlocked(self, session: Session) -> None:
        from fieldapp.storage.database import translate_errors

        try:
            # The pages were not all checked at unlock (that runs after, on a thread): a
            # damaged page read while the window opens says so, as the check would.
            with translate_errors():
                self._open_session(session)
        except KnownError as exc:
            self._refuse(session, error_text(exc))
        except Exception as exc:
            log_bug(exc, "opening the main window")
            self._refuse(session, internal_error_text())

    def _open_session(self, session: Session) -> None:
        from ui.main_window import MainWindow

        self._apply_settings(session)
        self._enrol_managed_station(session)
        seconds = self.managed.idle_lock_seconds or session.idle_timeout_seconds
        timeout_ms = self._idle_timeout_ms or seconds * 1000
        if self.idle_lock is None or self.idle_lock.timeout_ms != timeout_ms:
            self._new_idle_lock(timeout_ms)
        assert self.idle_lock is not None
        if self.main_window is None:
            self.main_window = MainWindow()
            self.main_window.managed = self.managed
            printer = self.managed.value(PRINTER)
            if printer:
                from ui.managed import print_to

                self.main_window.ask_printer = print_to(printer)
            self.main_window.lock_requested.connect(self.lock)
            self.main_window.unlock_requested.connect(self.show_login)
            self.main_window.close_requested.connect(self._on_main_window_closed)
            self.main_window.language_changed.connect(self._on_language_changed)
            self.main_window.large_text_changed.connect(self._on_large_text_changed)
            self.main_window.idle_timeout_changed.connect(self._on_idle_timeout_changed)
            self.main_window.diagnostics_requested.connect(self.copy_diagnostics)
            # Shown before the dialog closes, so the app is never without a window.
            self.main_window.show_fitted()
        self._watch_os_lock()
        # Not before: the login dialog shows before anything more is imported.
        self.clipboard.install()
        if self.wheel_guard is None:
            from ui.wheel import WheelGuard

            self.wheel_guard = WheelGuard(self)
        self.wheel_guard.install()
        self.session = session
        self._last_officer_id = session.officer_id
        self.idle_lock.start()
        self.main_window.show_session(
            session, str(session.vault.data_dir), self.idle_lock.remaining_ms
        )
        self.main_window.activateWindow()
        self._start_page_check(session)

    def _start_page_check(self, session: Session) -> None:
        """Every page checked after unlock, on a thread (unlock skipped it to be quick)."""
        from ui.page_check import BackgroundPageCheck

        self._stop_page_check()
        check = BackgroundPageCheck(session.page_check(), self)
        check.damaged.connect(self._on_pages_damaged)
        self.page_check = check
        check.start()

    def _stop_page_check(self, wait_s: float = 0.0) -> None:
        check, self.page_check = self.page_check, None
        if check is not None:
            check.damaged.disconnect(self._on_pages_damaged)
            check.cancel(wait_s)
            # Deleted only once its thread is done: it may still be about to emit.
            if not check.running():
                check.deleteLater()

    @Slot(str)
    def _on_pages_damaged(self, _problem: str) -> None:
        """The alarm: lock at once and say why (the problem itself is in the log)."""
        from fieldapp.storage.database import damaged
        from ui.lock import LockReason

        if self.session is None:
            return
        self.lock(LockReason.DAMAGED)
        if self.dialog is not None:
            self.dialog.show_error(error_text(damaged()))
            self.dialog.adjustSize()  # shown already: grow to the whole message

    def _new_idle_lock(self, timeout_ms: int) -> None:
        from ui.lock import IdleLock

        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock.deleteLater()
        self.idle_lock = IdleLock(timeout_ms, self)
        self.idle_lock.timed_out.connect(self._lock_idle)

    def _watch_os_lock(self) -> None:
        """Lock on the OS's screen lock or suspend, where it tells us (once per run)."""
        if self.os_lock is not None or self.main_window is None:
            return
        from ui.os_lock import OsLockWatcher

        self.os_lock = OsLockWatcher(self)
        self.os_lock.lock_requested.connect(self._lock_system)
        self.os_lock.start(int(self.main_window.winId()))

    def _apply_settings(self, session: Session) -> None:
        """The vault's remembered language and text size, before the pages are built."""
        from fieldapp import settings
        from ui.i18n import current_language
        from ui.theme import set_large_text
        from ui.workspace import LANGUAGE as LANGUAGE_SETTING
        from ui.workspace import LARGE_TEXT

        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_large_text(app, settings.get(session, LARGE_TEXT))
        language = self.managed.value(LANGUAGE) or settings.get(session, LANGUAGE_SETTING)
        if language and language != current_language() and self._switch_language is not None:
            self._switch_language(language)

    def _enrol_managed_station(self, session: Session) -> None:
        """The station card IT deployed, enrolled by the first administrator to log in, so
        no officer enrols it by hand. A refusal (another station enrolled) leaves the vault
        as it is; it is logged by code."""
        from fieldapp.provisioning import enrol_managed_station

        try:
            enrol_managed_station(session, self.managed)
        except KnownError as exc:
            logging.getLogger(__name__).warning("managed station card not enrolled: %s", exc.code)

    @Slot(str)
    def _on_language_changed(self, language: str) -> None:
        if self._switch_language is not None:
            self._switch_language(language)
        if self.main_window is not None:
            self.main_window.rebuild()

    @Slot(bool)
    def _on_large_text_changed(self, large: bool) -> None:
        from ui.theme import set_large_text

        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_large_text(app, large)
        if self.main_window is not None:
            self.main_window.rebuild()

    @Slot(int)
    def _on_idle_timeout_changed(self, seconds: int) -> None:
        if self._idle_timeout_ms is not None or self.session is None:
            return  # a fixed timeout given at start (tests) wins
        self._new_idle_lock(seconds * 1000)
        assert self.idle_lock is not None
        self.idle_lock.start()
        if self.main_window is not None:
            self.main_window.set_lock_remaining(self.idle_lock.remaining_ms)

    @Slot()
    def copy_diagnostics(self) -> None:
        """Versions and formats for support (no data, no paths) through the clipboard
        guard; the status line says where the log is."""
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from fieldapp import diagnostics, logs
        from fieldapp.storage.schema import version_of

        schema = version_of(self.session.conn) if self.session is not None else None
        qt = f"{qVersion()} (PySide6 {pyside_version})"
        self.clipboard.copy(diagnostics.report(qt_version=qt, vault_schema=schema))
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        # Not modal: a note for support, and where the log is (too long for the status line).
        box = QMessageBox(
            QMessageBox.Icon.Information,
            APP_NAME,
            self.tr(
                "The diagnostics are copied: paste them into your report. They hold versions "
                "only, no personal data.\n\nThe log: {log}"
            ).format(log=logs.where_text()),
            parent=self.main_window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.diagnostics_box = box

    def _refuse(self, session: Session, text: str) -> None:
        """Give up on a session that unlocked but cannot be used; the dialog says why."""
        session.lock()
        self.session = None
        if self.idle_lock is not None:
            self.idle_lock.stop()
        if self.main_window is not None:
            self.main_window.show_locked()
        if self.dialog is not None:
            self.dialog.show_error(text)

    @property
    def clipboard(self) -> ClipboardGuard:
        """The guard every copy in the app goes through."""
        if self._clipboard is None:
            from ui.clipboard import ClipboardGuard

            self._clipboard = ClipboardGuard(parent=self)
        return self._clipboard

    @Slot()
    def lock(self, reason: LockReason | None = None) -> None:
        """Lock now: drop the keys, take down every widget with data, ask for login."""
        from ui.lock import LockNote, LockReason

        if self.session is None:
            return
        self._stop_page_check()
        # What is being typed is saved first: locking loses nothing.
        self._save_pending()
        session, self.session = self.session, None
        idle_seconds = self.idle_lock.timeout_ms // 1000 if self.idle_lock is not None else 0
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.lock_note = LockNote(
            session.officer_id, datetime.now(), reason or LockReason.MANUAL, idle_seconds
        )
        session.lock()
        self._close_transients()
        if self.main_window is not None:
            self.main_window.show_locked(self.lock_note.text() if self.lock_note else "")
        self.clipboard.clear_if_ours()
        self.show_login()

    @Slot()
    def _lock_idle(self) -> None:
        from ui.lock import LockReason

        self.lock(LockReason.IDLE)

    @Slot()
    def _lock_system(self) -> None:
        from ui.lock import LockReason

        self.lock(LockReason.SYSTEM)

    def _close_transients(self) -> None:
        """Close menus, popups and dialogs over the main window: they may show data too."""
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            next_popup = QApplication.activePopupWidget()
            if next_popup is popup:
                break
            popup = next_popup
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.dialog:
                widget.reject()

    @Slot()
    def _on_main_window_closed(self) -> None:
        self.shutdown()
        self.quit_requested.emit()

    def _save_pending(self) -> None:
        if self.main_window is None:
            return
        try:
            self.main_window.flush_pending()
        except Exception as exc:  # never let a failed save keep the vault open
            log_bug(exc, "saving before lock")

    def shutdown(self) -> None:
        """Lock and clear without asking for login again: the app is ending."""
        if self.session is not None:
            self._save_pending()
        if self.os_lock is not None:
            self.os_lock.stop()
        self._stop_page_check(wait_s=5.0)  # interrupted: returns at once
        session, self.session = self.session, None
        if self.idle_lock is not None:
            self.idle_lock.stop()
        if session is not None:
            session.lock()
        if self.wheel_guard is not None:
            self.wheel_guard.uninstall()
        if self._clipboard is not None:
            self._clipboard.clear_if_ours()
            self._clipboard.uninstall()
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.finished.disconnect(self._on_dialog_finished)
            dialog.dismiss()
            dialog.deleteLater()
        if self.main_window is not None:
            window, self.main_window = self.main_window, None
            window.close_requested.disconnect(self._on_main_window_closed)
            window.show_locked()
            window.close()
            window.deleteLater()


def _announce_and_exit(app: QApplication) -> None:
    import time

    print(BENCH_MARKER, flush=True)
    # The CPU seconds to here, for the bench to compare on a loaded machine.
    print(f"{BENCH_MARKER} cpu {time.process_time():.4f}", file=sys.stderr, flush=True)
    app.exit(0)


def run_gui(
    vault: Vault,
    *,
    language: str = "sv",
    demo_passphrase: str | None = None,
    demo_officer_id: str | None = None,
    after_first_paint: Callable[[], None] | None = None,
    managed: Managed | None = None,
) -> int:
    """Create the QApplication, install translator and dark theme, show the first-run
    dialog (if there is no vault yet) or the login dialog, then the main window.
    ``after_first_paint`` starts on a thread of its own once that dialog has been painted
    (the demo fills its vault there: typing meanwhile is handled at once; an unlock, and
    the app's end, wait for it; ``ui.startup_work``). Returns the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    # Qt objects left to Python's cycle collector die on the GUI thread, never on the
    # runner's or the demo filling's thread (ui.gui_gc).
    collect_on_gui_thread(app)
    app.setApplicationName("fieldapp")
    # Window titles are the app name already; with it as display name Qt adds no suffix.
    app.setApplicationDisplayName(APP_NAME)
    # The controller decides when the app ends: between login and main window there is a
    # moment with no window, and a lock must never quit.
    app.setQuitOnLastWindowClosed(False)
    translations = [Translation(language).install()]

    def switch_language(code: str) -> None:
        translations[0].remove()
        translations[0] = Translation(code).install()

    apply_theme(app)
    startup_work: list[StartupWork] = []  # the one after the first paint, once started

    def say_failure() -> bool:
        """The login says what the work after the first paint raised, once; True if so."""
        for work in startup_work:
            error = work.take_error()
            if error is not None and controller.dialog is not None:
                known = error_text(error) if isinstance(error, KnownError) else None
                controller.dialog.show_error(known or internal_error_text())
                return True
        return False

    def before_unlock() -> bool:
        """Wait for the work after the first paint (the vault whole before a session reads
        it). False if it failed: the login says so instead of unlocking this once."""
        for work in startup_work:
            work.wait()
        return not say_failure()

    controller = AppController(
        vault,
        demo_passphrase=demo_passphrase,
        demo_officer_id=demo_officer_id,
        switch_language=switch_language,
        managed=managed,
        before_unlock=before_unlock,
    )
    controller.quit_requested.connect(app.quit)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    if controller.dialog is not None:
        from ui.first_paint import FirstPaint

        def painted() -> None:
            if os.environ.get(BENCH_ENV) == "1":
                # Once the first dialog has been painted, not merely shown: what is seen.
                _announce_and_exit(app)
            # The log file (main.py's records waited in memory until now: fieldapp.logs).
            logs.open_file()
            if after_first_paint is not None:
                from ui.startup_work import StartupWork  # not before the first paint

                work = StartupWork(after_first_paint, controller)
                work.failed.connect(say_failure)
                startup_work.append(work)
                work.start()

        FirstPaint(controller.dialog, painted)

    def show_bug(text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, parent=controller.main_window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()  # not modal: the app goes on, nothing typed is lost

    try:
        with reporting_bugs(show_bug):
            return app.exec()
    finally:
        for work in startup_work:
            work.wait()  # nor may the app end with the vault half written
        controller.shutdown()
        translations[0].remove()
