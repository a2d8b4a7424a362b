"""A second process (or a few) for work that needs no vault (opening bundles, reading a
large file's rows), so that a two-core laptop or station uses both cores.

Never a fork of this process: the GUI runs imports from a thread of a Qt process, and a
forked copy of that is not safe. Where the system has it, the process is forked from a
"fork server": a small clean process started once, with the modules the work needs
already imported, so a second process is ready in a few hundredths of a second instead of
the half second a fresh interpreter takes to import them. The server holds no data; each
second process ends with its job. Elsewhere (Windows) it is started fresh ("spawn"). What
it is given and returns passes through a pipe, never a file.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext

# The modules whose functions run in the second process: imported once, by the server.
_PRELOAD = ["fieldapp.ads.importing", "fieldapp.sync.importer"]


def _context() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)  # no effect once the server runs
        return context
    return multiprocessing.get_context("spawn")


def _one_step_down() -> None:
    """A new process's priority one step below this one's (where the system has steps):
    the process it helps does the part the work ends with (an import's writing, the
    screen), and on two cores a helper at the same priority took a third of the writer's
    time. One step, not more: against another program at the normal priority the helpers
    must still get their share (measured with ``bench sync``, with and without a CPU
    burner: 4 % faster without, the same with)."""
    if hasattr(os, "nice"):
        os.nice(1)


def _started(processes: int) -> ProcessPoolExecutor | None:
    if (os.cpu_count() or 1) < 2:
        return None
    try:
        return ProcessPoolExecutor(
            max(1, processes), mp_context=_context(), initializer=_one_step_down
        )
    except (OSError, BrokenProcessPool, RuntimeError):
        return None


@contextmanager
def second_process(wanted: bool = True, processes: int = 1) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``processes`` new processes (one unless asked), or ``None`` (not wanted,
    one core only, or it could not be started: the caller then does the work itself).
    Shut down on leaving."""
    pool = _started(processes) if wanted else None
    try:
        yield pool
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


@dataclass
class _Shared:
    pool: ProcessPoolExecutor | None
    users: int = 0


_shared: dict[int, _Shared] = {}  # by the number of processes asked for
_shared_lock = threading.Lock()


@contextmanager
def shared_processes(processes: int) -> Iterator[ProcessPoolExecutor | None]:
    """``second_process(True, processes)``, one pool for every block of this process inside
    it at the same time: two station imports running side by side (two importers of a
    PostgreSQL station on one PC) share two opening processes rather than start four for
    the same two cores. Started by the first to enter, shut down by the last to leave
    (which waits for the jobs already started); what a block submitted and no longer
    wants it cancels itself. A pool broken meanwhile (a process killed) stays broken for
    the blocks in it, which then do their work themselves, until the last leaves."""
    with _shared_lock:
        shared = _shared.get(processes)
        if shared is None:
            shared = _shared[processes] = _Shared(_started(processes))
        shared.users += 1
    try:
        yield shared.pool
    finally:
        with _shared_lock:
            shared.users -= 1
            last = shared.users == 0
            if last:
                del _shared[processes]
        if last and shared.pool is not None:
            shared.pool.shutdown(cancel_futures=True)
