"""The full page check after unlock, on a thread of its own (``fieldapp.storage.page_check``).

Unlock no longer reads every page: at 100,000 events that was seconds between the
passphrase and the main window. The check runs right after, on a plain thread with its own
connection (not on the background runner: an officer's import started meanwhile must not
be refused or wait behind it), and ``damaged`` is emitted on the GUI thread if a page
fails; the app then locks with an alarm. A lock or quit cancels it.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from fieldapp.storage.page_check import PageCheck
from ui.errors import log_bug

_log = logging.getLogger(__name__)


class BackgroundPageCheck(QObject):
    """Runs one ``PageCheck`` on a thread; ``damaged`` (GUI thread) if a page failed."""

    damaged = Signal(str)  # the first problem, as SQLCipher/SQLite name it (no data)
    passed = Signal()

    def __init__(self, check: PageCheck, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._thread = threading.Thread(target=self._run, name="fieldapp-page-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            problems = self._check.run()
        except Exception as exc:  # our bug or the disk: logged, never silent
            log_bug(exc, "background page check")
            return
        if problems is None:
            return  # cancelled: the vault locked meanwhile
        # Emitted from this thread; Qt queues it to the receivers on the GUI thread.
        if problems:
            _log.error("page check after unlock failed: %s", problems[0])
            self.damaged.emit(problems[0])
        else:
            self.passed.emit()

    def cancel(self, wait_s: float = 0.0) -> None:
        """Interrupt the check (the vault is locking); wait up to ``wait_s`` for the thread."""
        self._check.cancel()
        if wait_s and self._thread.is_alive():
            self._thread.join(wait_s)

    def running(self) -> bool:
        return self._thread.is_alive()
