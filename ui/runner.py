"""The background runner: long work on the vault (an ads CSV import, a station's bundle
import, a large report) off the GUI thread, so the window keeps repainting.

Anki's ``CollectionOp`` is the model: an ``Op`` names the work and what to do with its
result; the runner runs it on the app's one worker thread, reports progress, and hands the
result back on the GUI thread, where a ``Change`` is announced like any other use case's
(the screens refresh from it). One op at a time per session: ``run`` refuses a second.

The vault from the worker: a SQLite connection belongs to the thread that opened it, so
the work gets its own session on the same unlocked vault (``Session.sibling_opener``),
opened and closed on the worker thread. The page the op affects is disabled while it runs
(nothing there can touch the vault meanwhile), and pending autosaves are written before
it starts, so the GUI thread never waits for the worker's transaction. A lock or quit
while an op runs waits for it (``wait``) before the vault is closed; an op that can stop
early checks ``Job.cancelled``.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.errors import KnownError
from fieldapp.storage.session import Session
from fieldapp.workflow.context import Context, local_now
from ui.errors import log_bug

# The app's one worker thread: ops of every page queue on it, one after another.
_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-runner")
# While an op runs the worker and the GUI thread share the GIL: the GUI thread, asking for
# it to repaint, gets it within 1 ms instead of Python's default 5 ms (measured on a
# loaded 2-core machine: the longest mid-import stall fell from 135-195 ms to ~125 ms).
_SWITCH_INTERVAL_S = 0.001


# What the work is given on the worker thread: its own store (a vault's ``Session``, or a
# PostgreSQL station's store on a connection of its own), the context over it, and how to
# close it when the work ends.
Opened = tuple[Any, Context, Callable[[], None]]


class WorkSource(Protocol):
    """What a runner runs work on: a vault's session (``SessionSource``), or a PostgreSQL
    station (``ui.sync.backend``)."""

    @property
    def locked(self) -> bool: ...

    def work_opener(self, clock: Callable[[], datetime]) -> Callable[[], Opened]:
        """Called on the GUI thread; what it returns is called on the worker thread."""
        ...


class SessionSource:
    """A vault's session as a ``WorkSource``: the work gets a sibling session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def locked(self) -> bool:
        return self._session.locked

    def work_opener(self, clock: Callable[[], datetime]) -> Callable[[], Opened]:
        opener = self._session.sibling_opener()

        def open_session() -> Opened:
            session = opener()
            return session, Context(session, clock), session.lock

        return open_session


class Job:
    """What the work sees on the worker thread: its own session and context, and the way
    to report progress and partial results (delivered on the GUI thread). ``session`` is
    a vault's ``Session``, or at a PostgreSQL station its store."""

    def __init__(self, session: Any, ctx: Context, relay: _Relay, cancel: threading.Event) -> None:
        self.session = session
        self.ctx = ctx
        self._relay = relay
        self._cancel = cancel

    def progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` (``total`` 0: not known)."""
        self._relay.progressed.emit(done, total)

    def step(self, item: object) -> None:
        """A partial result, e.g. one bundle's outcome, for the op's ``on_step``."""
        self._relay.stepped.emit(item)

    def cancelled(self) -> bool:
        """The page asked to stop (the vault is locking): stop at the next safe point."""
        return self._cancel.is_set()


@dataclass(frozen=True)
class Outcome:
    """How an op ended: its value, or the refusal (``KnownError``), or our bug."""

    value: Any = None
    error: BaseException | None = None
    bug: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Op:
    """The work (on the worker thread, with a ``Job``) and what follows on the GUI thread.

    ``block`` (and the runner's ``view``, with ``whole_view``) is disabled while the op
    runs; ``on_done`` gets the ``Outcome`` whatever it is; a ``Change`` (or a list of
    them) as the value is announced through ``changed``."""

    work: Callable[[Job], Any]
    on_done: Callable[[Outcome], None] | None = None
    on_progress: Callable[[int, int], None] | None = None
    on_step: Callable[[Any], None] | None = None
    block: QWidget | None = None
    # Also block the runner's ``view`` (the main window's pages): an op that writes for
    # seconds; a station import blocks only its own tabs, the rest may be read meanwhile.
    whole_view: bool = True
    what: str = "background op"  # for the log, if it is our bug
    busy_cursor: bool = True
    _blocked: list[QWidget] = field(default_factory=list)


class _Relay(QObject):
    """Carries one job's signals to the GUI thread (it lives there: a signal emitted on
    the worker thread is queued). Kept alive until its job has ended and been delivered,
    whatever becomes of the page that started it."""

    progressed = Signal(int, int)
    stepped = Signal(object)
    finished = Signal(object)  # Outcome

    live: ClassVar[set[_Relay]] = set()

    def __init__(self) -> None:
        super().__init__()
        _Relay.live.add(self)

    def release_when_finished(self) -> None:
        """Connected after every other receiver, so it is let go after they ran."""
        self.finished.connect(self._release)

    @Slot(object)
    def _release(self, _outcome: object) -> None:
        _Relay.live.discard(self)


class Runner(QObject):
    """Runs ``Op``s for one session, one at a time, on the app's worker thread."""

    busy_changed = Signal(bool)
    progressed = Signal(int, int)  # done, total (0: unknown), for the window's indicator
    changed = Signal(object)  # a Change the op returned

    _pending: ClassVar[set[Future[Outcome]]] = set()

    def __init__(
        self,
        session: Session | WorkSource,
        *,
        clock: Callable[[], datetime] = local_now,
        before_start: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source: WorkSource = (
            SessionSource(session) if isinstance(session, Session) else session
        )
        self._clock = clock
        self._before_start = before_start
        self._op: Op | None = None
        self._future: Future[Outcome] | None = None
        self._cancel = threading.Event()
        self._focus: QWidget | None = None
        self._switch_interval = sys.getswitchinterval()
        # The widget every op with ``whole_view`` disables: the main window's pages.
        self.view: QWidget | None = None
        # Taken down mid-op (the vault locked, the page closed): the op is asked to stop.
        # A holder, not a method: the slot must outlive this object's C++ side.
        cancels = self._cancels = [self._cancel]
        self.destroyed.connect(lambda *_: cancels[0].set())

    @classmethod
    def any_running(cls) -> bool:
        """Work is still under way on the worker thread (its page may be gone)."""
        return any(not f.done() for f in cls._pending)

    def is_busy(self) -> bool:
        return self._op is not None

    def run(self, op: Op) -> bool:
        """Start ``op``; False (and nothing done) if this runner is busy or the vault is
        locked. The result comes to ``op.on_done`` on the GUI thread."""
        if self._op is not None or self._source.locked:
            return False
        if self._before_start is not None:
            self._before_start()  # pending autosaves: the GUI must not write meanwhile
        opener = self._source.work_opener(self._clock)
        self._op = op
        self._cancel = self._cancels[0] = threading.Event()
        self._focus = QApplication.focusWidget()
        for widget in (op.block, self.view if op.whole_view else None):
            if widget is not None and widget.isEnabled():
                widget.setEnabled(False)
                op._blocked.append(widget)
        if op.busy_cursor:
            # The busy cursor (an arrow with a spinner): the window still answers.
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        relay = _Relay()
        relay.progressed.connect(self._on_progress)
        relay.stepped.connect(self._on_step)
        relay.finished.connect(self._on_finished)
        relay.release_when_finished()
        cancel = self._cancel
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, _SWITCH_INTERVAL_S))
        future = _EXECUTOR.submit(_work, op.work, opener, relay, cancel, op.what)
        Runner._pending.add(future)
        future.add_done_callback(Runner._pending.discard)
        self._future = future
        self.busy_changed.emit(True)
        self.progressed.emit(0, 0)
        return True

    def cancel(self) -> None:
        """Ask the op to stop at its next safe point (it may not have one)."""
        self._cancel.set()

    def wait(self) -> None:
        """Block until the op in hand has ended (the vault is about to lock or the app to
        close); it is cancelled first. Its result is then delivered to nobody."""
        future = self._future
        if future is None:
            return
        self._cancel.set()
        future.result()  # never raises: _work returns every ending as an Outcome
        self._end(deliver=None)

    # -- on the GUI thread, from the relay -----------------------------------------------------

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._op is not None:
            self.progressed.emit(done, total)
            if self._op.on_progress is not None:
                self._op.on_progress(done, total)

    @Slot(object)
    def _on_step(self, item: object) -> None:
        if self._op is not None and self._op.on_step is not None:
            self._op.on_step(item)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        if self._op is None:
            return  # waited for (lock or quit): the pages it would update are gone
        self._end(deliver=outcome)

    def _end(self, deliver: Outcome | None) -> None:
        op, self._op, self._future = self._op, None, None
        if op is None:
            return
        sys.setswitchinterval(self._switch_interval)
        for widget in op._blocked:
            widget.setEnabled(True)
        focus, self._focus = self._focus, None
        if focus is not None and focus.isVisible() and focus.isEnabled():
            focus.setFocus()  # disabling took it away; typing goes on where it was
        if op.busy_cursor:
            QApplication.restoreOverrideCursor()
        self.busy_changed.emit(False)
        if deliver is None:
            return
        for change in _changes(deliver.value):
            if change.events:
                self.changed.emit(change)
        if op.on_done is not None:
            op.on_done(deliver)


def _work(
    work: Callable[[Job], Any],
    opener: Callable[[], Opened],
    relay: _Relay,
    cancel: threading.Event,
    what: str,
) -> Outcome:
    """On the worker thread: open a session of our own, do the work, close the session."""
    close: Callable[[], None] | None = None
    try:
        session, ctx, close = opener()
        value = work(Job(session, ctx, relay, cancel))
        outcome = Outcome(value)
    except KnownError as exc:
        outcome = Outcome(error=exc)
    except Exception as exc:
        log_bug(exc, what)
        outcome = Outcome(error=exc, bug=True)
    finally:
        if close is not None:
            close()
    relay.finished.emit(outcome)
    return outcome


def _changes(value: object) -> list[Any]:
    from fieldapp.workflow.context import Change

    if isinstance(value, Change):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, Change)]
    return []
