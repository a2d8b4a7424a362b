"""The log file support reads: rotating, in the platform's user log folder, never personal.

What is logged is chosen to hold no personal data: messages are fixed texts with codes,
counts and type names as their only parameters, and an exception is written as the
exception's type and the code locations it passed through (``diagnostics.safe_traceback``:
no message, no locals, no values). The formatter enforces the last part for every logger,
ours or a library's, so a ``log.exception(...)`` anywhere cannot write a message that
quotes a name. The file is found with ``log_file()``; the user is told where it is when
something goes wrong.

The desktop app opens the file once its first window is painted (``install(wait=True)``,
then ``open_file``): importing ``logging.handlers`` (socket, pickle, queue) is a
twentieth of the start to the login's first paint. Until then the records wait in memory,
and a warning or worse opens the file at once; the interpreter's exit writes what waits.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from fieldapp import APP_ID

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_DIR_ENV = "FIELDAPP_LOG_DIR"
LOG_NAME = f"{APP_ID}.log"
MAX_BYTES = 1_000_000  # a support mail can carry every file
BACKUPS = 4
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_dir() -> Path:
    """``$FIELDAPP_LOG_DIR``, else the platform's user log folder
    (``~/.local/state/fieldapp/log``, ``%LOCALAPPDATA%\\fieldapp\\Logs``)."""
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


class CodeOnlyFormatter(logging.Formatter):
    """Formats an exception as its type and stack only; the message is withheld."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the full traceback on the record (exc_text).
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: _ExcInfo | tuple[None, None, None]) -> str:
        from fieldapp.diagnostics import safe_traceback  # Deferred for start-up time

        exc = ei[1]
        return safe_traceback(exc) if exc is not None else ""


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (tests swap it)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


class _OursFileHandler(logging.Handler):
    """The log file: a ``RotatingFileHandler`` made at ``open`` (or at the first record if
    not told to wait), the records before it kept in order. Marks the handler ``install``
    added, so installing again replaces it."""

    def __init__(self, path: Path, *, wait: bool) -> None:
        super().__init__()
        self.baseFilename = str(path)  # as the file handler names it (current_file)
        self._wait = wait
        self._waiting: list[logging.LogRecord] = []
        self._file: RotatingFileHandler | None = None

    def open(self) -> None:
        """Open the file and write the records that waited."""
        self.acquire()
        try:
            if self._file is None:
                import logging.handlers  # Deferred for start-up time: see the docstring

                self._file = logging.handlers.RotatingFileHandler(
                    self.baseFilename,
                    maxBytes=MAX_BYTES,
                    backupCount=BACKUPS,
                    encoding="utf-8",
                    delay=True,
                )
                self._file.setFormatter(self.formatter)
            waiting, self._waiting = self._waiting, []
            for record in waiting:
                self._file.handle(record)
        finally:
            self.release()

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and self._wait and record.levelno < logging.WARNING:
            self._waiting.append(record)
            return
        self.open()
        assert self._file is not None
        self._file.handle(record)

    def setFormatter(self, fmt: logging.Formatter | None) -> None:
        super().setFormatter(fmt)
        if self._file is not None:
            self._file.setFormatter(fmt)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        # At the interpreter's exit (logging.shutdown) too: what waited is written.
        if self._waiting:
            self.open()
        if self._file is not None:
            self._file.close()
        super().close()


def install(level: int = logging.INFO, *, wait: bool = False) -> Path | None:
    """Log to the rotating file (and warnings to stderr, as before); returns the file, or
    ``None`` when the log folder cannot be written (then stderr only: never fail to start
    because of the log). ``wait``: the file opens at ``open_file`` or at the first warning,
    the records before it kept until then (the desktop app, until its first paint)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _OursFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    if not any(isinstance(h, _Stderr) for h in root.handlers):
        stderr = _Stderr()
        stderr.setLevel(logging.WARNING)
        stderr.setFormatter(CodeOnlyFormatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stderr)
    root.setLevel(level)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = _OursFileHandler(path, wait=wait)
    handler.setFormatter(CodeOnlyFormatter(_FORMAT))
    root.addHandler(handler)
    return path


def open_file() -> None:
    """Open the log file ``install(wait=True)`` left waiting, writing what waited."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _OursFileHandler):
            handler.open()


def log_bug(exc: BaseException, where: str) -> None:
    """Log our own bug: where it happened (a fixed text) and the code path, no data."""
    from fieldapp.diagnostics import safe_traceback  # Deferred for start-up time

    logging.getLogger(APP_ID).error("internal error in %s\n%s", where, safe_traceback(exc))


def where_text() -> str:
    """Where the log is, for a message to the user (or that there is none)."""
    path = current_file()
    return str(path) if path is not None else "stderr"


def current_file() -> Path | None:
    """The file the installed handler writes to, if any."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _OursFileHandler):
            return Path(handler.baseFilename)
    return None
