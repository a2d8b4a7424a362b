"""Python's cycle collector on the GUI thread only (``ui.gui_gc``, installed for the tests
as in the app): a Qt object held only by a reference cycle is destroyed on the GUI thread,
however much another thread allocates meanwhile (the runner's worker during an import)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ui.gui_gc import collect_on_gui_thread


class _Cycle:
    """Plain objects in a cycle: what an import's worker allocates by the thousand."""

    def __init__(self) -> None:
        self.me = self


def test_a_qt_object_in_a_cycle_dies_on_the_gui_thread_not_on_a_busy_worker(
    qtbot: Any, qapp: Any
) -> None:
    assert collect_on_gui_thread(qapp) is collect_on_gui_thread(qapp)  # one per process
    assert not gc.isenabled()
    died_on: list[int] = []
    gc.collect()  # the object below starts in the youngest generation, as new ones do
    owner = QObject()  # no parent: its Python side owns it
    timer = QTimer(owner)  # a child with a timer, like a workspace's autosaver
    timer.start(10_000)
    owner.held = [owner]  # type: ignore[attr-defined]  # only a cycle keeps it now
    owner.destroyed.connect(lambda *_: died_on.append(threading.get_ident()))
    del owner, timer

    def allocate() -> None:
        # Far past the collector's first threshold: left on, it would collect here.
        for _ in range(20 * gc.get_threshold()[0]):
            _Cycle()

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert died_on == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: bool(died_on), timeout=5000)  # the GUI thread's collection
    assert died_on == [threading.get_ident()]


def test_the_gui_thread_collects_as_the_thresholds_say(qtbot: Any, qapp: Any) -> None:
    collector = collect_on_gui_thread(qapp)
    for _ in range(3 * gc.get_threshold()[0]):
        _Cycle()
    assert gc.get_count()[0] > gc.get_threshold()[0]
    collector.check()
    assert gc.get_count()[0] < gc.get_threshold()[0]
