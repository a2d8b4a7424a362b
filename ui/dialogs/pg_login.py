"""The login to a station kept in PostgreSQL (``fieldapp --database TARGET``, issue #18):
staff name and passphrase, and the server's password only when the app was started with
``--ask-password`` (else libpq finds it in the service file or the password file; it is
never typed on the command line).

Connecting and opening the staff member's key slot (Argon2id, about half a second by
design; a server far away adds its round trips) run on a thread of their own, so the
dialog keeps painting and shows that it works; the result comes back as a signal. A
refusal (wrong passphrase, server not reached, not a station, schema newer than the app)
is its code's sentence, never a stack trace.

As the vault's login, it cannot be put away while the station is locked: Esc does
nothing; closing it asks to quit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import APP_NAME
from fieldapp.errors import BackoffActive, KnownError, WrongPassphrase
from ui.dialogs.base import GateDialog
from ui.dialogs.countdown import BackoffCountdown
from ui.errors import error_text, internal_error_text, log_bug
from ui.forms import FieldMessage, enlarge, muted_label, passphrase_edit, title_label

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from fieldapp.sync.pg_store import PgStationStore

# (target, server password or None, staff, passphrase) -> the unlocked store, or a refusal.
Connect = Callable[[str, str | None, str, str], "PgStationStore"]


def open_station(target: str, password: str | None, staff: str, passphrase: str) -> Any:
    """The default ``Connect``: ``sync.pg_store.open_pg_station``, with no back-off."""
    return station_opener(None)(target, password, staff, passphrase)


def station_opener(backoff_dir: Path | None) -> Connect:
    """A ``Connect`` whose unlocks keep this PC's back-off for the station in
    ``backoff_dir`` (the app's data folder), as the command line's do: a wrong passphrase
    makes the next try wait, refused before any key derivation (``backoff_active``)."""

    def connect(target: str, password: str | None, staff: str, passphrase: str) -> Any:
        # Deferred: the driver loads on the worker, after the dialog has painted.
        from fieldapp.sync.pg_store import open_pg_station

        return open_pg_station(
            target, None, password, staff=staff, passphrase=passphrase, backoff_dir=backoff_dir
        )

    return connect


class _Relay(QObject):
    """Carries the worker's result to the GUI thread; kept alive until delivered, so a
    result that arrives after the dialog has gone is still closed (not left open)."""

    done = Signal(object)  # the store, or the exception

    live: ClassVar[set[_Relay]] = set()

    def __init__(self, deliver: Callable[[object], None]) -> None:
        super().__init__()
        self._deliver = deliver
        _Relay.live.add(self)
        self.done.connect(self._on_done)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        _Relay.live.discard(self)
        self._deliver(result)


class PgLoginDialog(GateDialog):
    """Unlocks the PostgreSQL station at ``target``; emits ``unlocked(store, password)``
    and closes as accepted."""

    unlocked = Signal(object, object)  # PgStationStore, the server password asked (or None)
    quit_requested = Signal()
    attempt_ended = Signal()  # a login attempt came back (tests wait for it)

    def __init__(
        self,
        target: str,
        *,
        ask_password: bool = False,
        staff: str = "",
        locked_note: str = "",
        connect: Connect = open_station,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._target = target
        self._ask_password = ask_password
        self._locked_note = locked_note
        self._connect_station = connect
        self._dismissed_by_code = False
        self._busy = False
        # When the back-off lets the next try go (monotonic time): learnt from the refusal,
        # since this PC's count is the station's and the station is known only once reached.
        self._retry_at = 0.0
        self._build_ui()
        self._countdown = BackoffCountdown(
            self.unlock_button, self.passphrase_message, self._backoff_remaining, self
        )
        self._connect()
        self.staff.setText(staff)
        (self.passphrase if staff else self.staff).setFocus()

    def _build_ui(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.setMinimumWidth(600)
        self.title = title_label(self.tr("Station"), self)
        self.subtitle = muted_label(
            self._locked_note or self.tr("Unlock the station's database with your passphrase."),
            self,
        )
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.staff = QLineEdit(self)
        enlarge(self.staff)
        self.staff.setPlaceholderText(self.tr("your name as in the station's key slots"))
        self.staff.setMaxLength(80)
        self.staff_message = FieldMessage(self)
        self.passphrase = passphrase_edit(self)
        self.passphrase_message = FieldMessage(self)
        self.server_password = passphrase_edit(self)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("&Staff name:"), self.staff)
        form.addRow("", self.staff_message)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.passphrase_message)
        if self._ask_password:
            form.addRow(self.tr("&Database password:"), self.server_password)
        else:
            self.server_password.hide()
        self.database_label = muted_label(
            self.tr("Database: {target}").format(target=self._target), self
        )
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        # Working: a moving bar and what it is doing, the fields still.
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_label = QLabel(self.tr("Connecting and opening your key slot…"), self)
        self.busy_bar.hide()
        self.busy_label.hide()
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.unlock_button.setDefault(True)
        self.quit_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message_box)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.database_label)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.unlock_button.clicked.connect(self._on_unlock)
        self.quit_button.clicked.connect(self.quit_requested)
        self.passphrase.returnPressed.connect(self._on_unlock)
        self.staff.returnPressed.connect(self.passphrase.setFocus)

    # -- unlocking, off the GUI thread -------------------------------------------------------

    def is_busy(self) -> bool:
        return self._busy

    @Slot()
    def _on_unlock(self) -> None:
        if self._busy or self._countdown.is_active():
            return
        staff = " ".join(self.staff.text().split())
        passphrase = self.passphrase.text()
        for message in (self.staff_message, self.passphrase_message):
            message.clear_message()
        self.message_box.clear_message()
        if not staff:
            self.staff_message.show_message(self.tr("Enter your staff name."))
            self.staff.setFocus()
            return
        if not passphrase:
            self.passphrase_message.show_message(self.tr("Enter your passphrase."))
            self.passphrase.setFocus()
            return
        password = self.server_password.text() if self._ask_password else None
        self._set_busy(True)
        relay = _Relay(self._deliver_result(password))
        connect, target = self._connect_station, self._target

        def work() -> None:
            try:
                result: object = connect(target, password or None, staff, passphrase)
            except Exception as exc:  # delivered, sorted out on the GUI thread
                result = exc
            relay.done.emit(result)

        threading.Thread(target=work, name="fieldapp-station-login", daemon=True).start()

    def _deliver_result(self, password: str | None) -> Callable[[object], None]:
        def deliver(result: object) -> None:
            if not shiboken6.isValid(self) or self._dismissed_by_code:
                # The app is ending (or the dialog gone): the station is not used.
                if not isinstance(result, BaseException):
                    result.close()  # type: ignore[attr-defined]
                return
            self._on_result(result, password)

        return deliver

    def _on_result(self, result: object, password: str | None) -> None:
        self._set_busy(False)
        if isinstance(result, KnownError):
            self._show_refusal(result)
        elif isinstance(result, BaseException):
            log_bug(result, "station login")
            self.message_box.show_message(internal_error_text())
            self._after_failure()
        else:
            self.passphrase.clear()
            self.server_password.clear()
            self.unlocked.emit(result, password or None)
            self.accept()
        self.attempt_ended.emit()

    def _show_refusal(self, exc: KnownError) -> None:
        if isinstance(exc, WrongPassphrase | BackoffActive):
            wait = exc.delay_seconds if isinstance(exc, WrongPassphrase) else exc.remaining_seconds
            self._retry_at = time.monotonic() + wait
            # The code's words name an officer id; here it is a staff member's name.
            self._countdown.failure_text = (
                self.tr("Wrong staff name or passphrase.")
                if isinstance(exc, WrongPassphrase)
                else self.tr("Too many failed attempts.")
            )
            self.passphrase_message.show_message(self._countdown.failure_text)
        elif exc.field == "staff":
            self.staff_message.show_message(error_text(exc))
        else:
            self.message_box.show_message(error_text(exc))
        self._after_failure()

    def _after_failure(self) -> None:
        self.passphrase.clear()
        self.passphrase.setFocus()
        self._countdown.tick()  # the wait counted down on the button, if there is one

    def _backoff_remaining(self) -> float:
        return max(0.0, self._retry_at - time.monotonic())

    def countdown_active(self) -> bool:
        return self._countdown.is_active()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        # Read only, not disabled: focus stays in the field (a disabled one would hand it
        # to Quit, where a stray Enter would end the app); Enter does nothing while busy.
        for edit in (self.staff, self.passphrase, self.server_password):
            edit.setReadOnly(busy)
        self.unlock_button.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- staying up while the station is locked ----------------------------------------------

    def reject(self) -> None:
        """Esc: the prompt stays (the station is locked)."""
        if self._dismissed_by_code:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dismissed_by_code:
            super().closeEvent(event)
            return
        event.ignore()
        self.quit_requested.emit()

    def dismiss(self) -> None:
        self._dismissed_by_code = True
        self.close()
