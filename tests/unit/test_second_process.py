"""The second process: a new process, never a copy of this one, that does what it is given
and whose pool is gone when the block ends."""

from __future__ import annotations

import os
import sys

import pytest

import fieldapp.second_process as second
from fieldapp.second_process import second_process


def _what_the_second_process_sees() -> tuple[int, bool, bool]:
    module = sys.modules["fieldapp.second_process"]
    return os.getpid(), hasattr(module, "_TEST_MARK"), "PySide6" in sys.modules


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no second process")
def test_the_second_process_is_new_not_a_copy_of_this_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mark set here (as a Qt process's state would be) is not there: the process was
    started fresh or forked from the clean fork server, never from this process."""
    monkeypatch.setattr(second, "_TEST_MARK", True, raising=False)
    for _ in range(2):  # the second time from the running fork server, where there is one
        with second_process() as pool:
            assert pool is not None
            pid, marked, qt = pool.submit(_what_the_second_process_sees).result(timeout=60)
        assert pid != os.getpid()
        assert not marked
        assert not qt


def test_not_wanted_gives_none() -> None:
    with second_process(False) as pool:
        assert pool is None


def _pid() -> int:
    return os.getpid()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no second process")
def test_blocks_at_the_same_time_share_one_pool_until_the_last_leaves() -> None:
    """Two imports side by side share the opening processes; the last to leave ends them,
    and a block entered afterwards has a pool of its own, working."""
    with second.shared_processes(2) as first:
        with second.shared_processes(2) as second_block:
            assert first is not None and second_block is first
            assert first.submit(_pid).result(timeout=60) != os.getpid()
        assert first.submit(_pid).result(timeout=60) != os.getpid()  # still running
    with pytest.raises(RuntimeError):
        first.submit(_pid)  # shut down once both had left
    with second.shared_processes(2) as later:
        assert later is not None and later is not first
        assert later.submit(_pid).result(timeout=60) != os.getpid()
    assert not second._shared


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or not hasattr(os, "nice"), reason="no second process, or no nice"
)
def test_the_second_process_runs_one_step_below_this_one() -> None:
    """The writer (or the screen) keeps its share of the cores against its helpers."""
    with second_process() as pool:
        assert pool is not None
        assert pool.submit(_niceness).result(timeout=60) == min(19, os.nice(0) + 1)
