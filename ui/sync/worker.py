"""Importing bundles off the GUI thread.

The station may import 100,000 events at a time (about 30 s); the window must stay
responsive and show progress. A SQLite connection belongs to the thread that opened it, so
the worker opens its own connection to the same unlocked vault and closes it when done;
the page touches the vault only after the worker has finished (DESIGN §2 rule 3: the core
reports progress through a plain callback, turned into a Qt signal here).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from fieldapp.errors import KnownError, Reason
from fieldapp.storage.session import Session
from fieldapp.sync.export import RECEIPT_SUFFIX
from fieldapp.sync.importer import BundleAlarm, Outcome, StationImporter
from ui.errors import log_bug
from ui.sync.texts import REFUSED

OpenSession = Callable[[], Session]


@dataclass(frozen=True)
class FileResult:
    """What became of one bundle file."""

    path: Path
    outcomes: tuple[Outcome, ...] = ()  # the bundle's own, then held ones it released
    receipt: Path | None = None
    refusal: Reason | None = None  # why the bundle was refused (nothing was written)
    alarm: str | None = None  # the alarm kind, when the refusal was also raised as an alarm
    receipt_error: str | None = None  # imported, but the receipt file could not be written
    bug: bool = False  # not a KnownError: our bug, logged without its message

    @property
    def status(self) -> str:
        if self.refusal is not None or self.bug:
            return REFUSED
        return self.outcomes[0].status.value

    @property
    def new_events(self) -> int:
        return sum(o.new_events for o in self.outcomes)

    @property
    def released(self) -> int:
        return len(self.outcomes) - 1 if self.outcomes else 0


def sibling_opener(session: Session) -> OpenSession:
    """A function that opens a second session on ``session``'s unlocked vault, to be called
    on the worker thread (a connection may be used only by the thread that opened it)."""
    return session.sibling_opener()


def receipt_path(bundle: Path) -> Path:
    """Beside its bundle, as the CLI writes it: the officer takes both back on one stick."""
    return bundle.with_name(bundle.stem + RECEIPT_SUFFIX)


class ImportWorker(QObject):
    """Imports ``paths`` one after another on its own thread; one transaction per bundle,
    so stopping between bundles (or a crash) leaves each either imported or not."""

    file_started = Signal(int, str)  # index, file name
    progress = Signal(int, int)  # signatures verified in the current bundle, of
    file_done = Signal(object)  # FileResult
    finished = Signal()

    def __init__(self, open_session: OpenSession, paths: Sequence[Path]) -> None:
        super().__init__()
        self._open_session = open_session
        self._paths = list(paths)
        # Set from the GUI thread, read here between bundles: a plain thread-safe flag.
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the current bundle (safe from any thread)."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        session: Session | None = None
        try:
            session = self._open_session()
            importer = StationImporter(session, progress=self.progress.emit)
            results = self._results(importer)
            for index, path in enumerate(self._paths):
                if self._cancel.is_set():
                    break
                self.file_started.emit(index, path.name)
                self.file_done.emit(next(results))
            results.close()
        except KnownError as exc:
            # The vault could not be opened here (locked, disk gone): every file is untouched.
            for path in self._paths:
                self.file_done.emit(FileResult(path, refusal=exc.to_reason()))
        except Exception as exc:
            log_bug(exc, "sync import")
            self.file_done.emit(FileResult(self._paths[0], bug=True))
        finally:
            if session is not None:
                session.lock()
            self.finished.emit()

    def _results(self, importer: StationImporter) -> Generator[FileResult]:
        """Each file's result in turn (the next bundle is opened while one is written)."""
        remaining = list(self._paths)
        while remaining:
            try:
                for path, result in importer.import_files(remaining):
                    remaining.pop(0)
                    yield self._file_result(path, result)
            except Exception as exc:
                # Our bug, not the file's: logged, and the files after it are still tried.
                log_bug(exc, "sync import")
                yield FileResult(remaining.pop(0), bug=True)

    def _file_result(self, path: Path, result: Outcome | KnownError) -> FileResult:
        if isinstance(result, BundleAlarm):
            return FileResult(path, refusal=result.to_reason(), alarm=result.kind.value)
        if isinstance(result, KnownError):
            return FileResult(path, refusal=result.to_reason())
        outcome = result
        outcomes = (outcome, *outcome.released)
        # The newest receipt says the most: a released bundle's covers this one's too.
        receipt = next((o.receipt for o in reversed(outcomes) if o.receipt), None)
        if receipt is None:
            return FileResult(path, outcomes)
        target = receipt_path(path)
        try:
            target.write_text(json.dumps(receipt, indent=2), "utf-8")
        except OSError as exc:
            return FileResult(path, outcomes, receipt_error=exc.strerror or str(exc))
        return FileResult(path, outcomes, receipt=target)


class ImportRun(QObject):
    """One import on its own ``QThread``; ``done`` once the thread has ended.

    Running imports are kept referenced here until their thread ends: a page taken down
    while an import runs (the vault locked) must not destroy a running thread. It cancels
    instead, and the worker stops after the bundle in hand.
    """

    _running: ClassVar[set[ImportRun]] = set()

    file_started = Signal(int, str)
    progress = Signal(int, int)
    file_done = Signal(object)
    done = Signal()

    def __init__(self, open_session: OpenSession, paths: Sequence[Path]) -> None:
        super().__init__()
        self.qthread = QThread()
        self.qthread.setObjectName("sync-import")
        self.worker = ImportWorker(open_session, paths)
        self.worker.moveToThread(self.qthread)
        self.qthread.started.connect(self.worker.run)
        # Direct: the thread's event loop ends as soon as the worker is done.
        self.worker.finished.connect(self.qthread.quit, Qt.ConnectionType.DirectConnection)
        self.worker.file_started.connect(self.file_started)
        self.worker.progress.connect(self.progress)
        self.worker.file_done.connect(self.file_done)
        self.qthread.finished.connect(self._on_thread_finished)

    @classmethod
    def any_running(cls) -> bool:
        """An import is still under way somewhere (its page may be gone)."""
        return bool(cls._running)

    def start(self) -> None:
        ImportRun._running.add(self)
        self.qthread.start()

    @Slot()
    def cancel(self) -> None:
        self.worker.cancel()

    def is_running(self) -> bool:
        return self.qthread.isRunning()

    def wait(self) -> None:
        """Block until the worker has ended (on quit: the current bundle completes)."""
        self.cancel()
        self.qthread.wait()

    @Slot()
    def _on_thread_finished(self) -> None:
        # ``finished`` is sent just before the thread ends: wait for the end (at once), so
        # that dropping this run never destroys a thread that is still running.
        self.qthread.wait()
        ImportRun._running.discard(self)
        self.done.emit()
