"""Work that starts once the first dialog has been painted and runs on a thread of its own
(the demo fills its vault there), so that what the officer types into the dialog meanwhile
is handled at once instead of waiting behind it. The unlock waits for the work to end
(``wait``: the vault must be whole before a session reads it), and so does the app's end
(the demo's folder is deleted then). Imports only ``QtCore``, like ``ui.first_paint``."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from fieldapp.errors import KnownError
from ui.errors import log_bug

# The GUI thread, wanting the GIL back to handle a key or a paint, gets it within 1 ms
# instead of Python's default 5 ms while the work runs (as for the runner's ops).
_SWITCH_INTERVAL_S = 0.001


class StartupWork(QObject):
    """Runs ``work`` once on a thread (``start``); ``failed`` (on the GUI thread) if it
    raised. A bug is logged on the work's thread, without its message. The exception is
    said once, by whoever takes it first (``take_error``): the dialog when ``failed``
    arrives, or an unlock that waited for the work and would otherwise close the dialog
    before ``failed`` is delivered."""

    failed = Signal()

    def __init__(self, work: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._error: BaseException | None = None
        self._error_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="fieldapp-startup", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self) -> None:
        """Block until the work has ended (at once if it has, or never started)."""
        if self._thread.ident is not None:
            self._thread.join()

    def take_error(self) -> BaseException | None:
        """What the work raised, the first time this is asked after it ended; else None."""
        with self._error_lock:
            error, self._error = self._error, None
        return error

    def _run(self) -> None:
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, _SWITCH_INTERVAL_S))
        try:
            self._work()
        except Exception as exc:
            if not isinstance(exc, KnownError):
                log_bug(exc, "after the first paint")
            with self._error_lock:
                self._error = exc
            self.failed.emit()  # queued to the GUI thread, where the dialog says it
        finally:
            sys.setswitchinterval(interval)
