"""Work after the first paint (``ui.startup_work``): on a thread of its own, the GUI thread
free meanwhile, ``wait`` until it has ended, and a failure said on the GUI thread (a bug
logged without its message)."""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from fieldapp.errors import StorageUnavailable
from ui.startup_work import StartupWork


def test_the_work_runs_on_its_thread_while_the_gui_thread_takes_typing(qtbot: Any) -> None:
    release, threads = threading.Event(), []
    interval = sys.getswitchinterval()

    def work() -> None:
        threads.append(threading.get_ident())
        release.wait(10)

    field = QLineEdit()
    qtbot.addWidget(field)
    started = StartupWork(work)
    started.wait()  # not started: returns at once
    started.start()
    qtbot.keyClicks(field, "demo-pass")  # handled while the work is still running
    assert field.text() == "demo-pass" and started.running()
    release.set()
    started.wait()
    assert not started.running() and threads and threads[0] != threading.get_ident()
    assert sys.getswitchinterval() == interval  # given back


@pytest.mark.parametrize("bug", [False, True])
def test_a_failure_is_announced_on_the_gui_thread_taken_once_and_a_bug_logged_bare(
    qtbot: Any, caplog: pytest.LogCaptureFixture, bug: bool
) -> None:
    raised = RuntimeError("Kalle Påhittsson") if bug else StorageUnavailable("disk full")

    def work() -> None:
        raise raised

    started = StartupWork(work)
    announced: list[int] = []
    started.failed.connect(lambda: announced.append(threading.get_ident()))
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(started.failed):
        started.start()
    started.wait()
    assert announced == [threading.get_ident()]  # delivered on the GUI thread
    assert started.take_error() is raised
    assert started.take_error() is None  # said once, by whoever takes it first
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert ("after the first paint" in logged) == bug
    assert "Kalle" not in caplog.text
