"""A second process for work that needs no vault (opening bundles, reading a large file's
rows), so that a two-core laptop or station uses both cores.

Started fresh ("spawn"), never forked: the GUI runs imports from a thread of a Qt process,
and a forked copy of that is not safe. What it is given and returns passes through a pipe,
never a file. Starting it takes a few tenths of a second, so it is for large jobs only.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager


@contextmanager
def second_process(wanted: bool = True) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of one fresh process, or ``None`` (not wanted, one core only, or it could
    not be started: the caller then does the work itself). Shut down on leaving."""
    pool = None
    if wanted and (os.cpu_count() or 1) >= 2:
        try:
            pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        except (OSError, BrokenProcessPool, RuntimeError):
            pool = None
    try:
        yield pool
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
