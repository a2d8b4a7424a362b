"""Python's cycle collector runs on the GUI thread only.

Left to itself the collector runs on whichever thread happens to allocate past its
threshold: the background runner's worker (an import makes thousands of objects), the
checkpoint thread, the demo's filling. A Qt object held only by a reference cycle (a
window or a workspace whose Python side owns it) is then destroyed on that thread while
the GUI thread may be painting or handling its timers and signals: Qt objects must die on
their own thread, and a race here crashes the app (a test run saw the crash while the GUI
thread was in a screen's code). So the automatic collector is switched off and a timer on
the GUI thread collects instead, as soon as the collector's own thresholds say it would
have, checked a few times a second (``gc.collect`` called explicitly still runs at once).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

# How often the GUI thread looks at the allocation counts: often enough that garbage does
# not pile up between looks, rarely enough to cost nothing (a look is three integers).
_CHECK_MS = 250


class GuiThreadCollector(QObject):
    """Collects garbage on the thread it lives on (make it on the GUI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(_CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    @Slot()
    def check(self) -> None:
        """Collect the generations the thresholds say are due, oldest first."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


_installed: list[GuiThreadCollector] = []


def collect_on_gui_thread(parent: QObject) -> GuiThreadCollector:
    """Switch the automatic collector to the GUI thread for as long as ``parent`` (the
    application) lives; once per process (a second call returns the first)."""
    if not _installed:
        collector = GuiThreadCollector(parent)
        collector.start()
        _installed.append(collector)
    return _installed[0]
