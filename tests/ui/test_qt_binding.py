"""The Qt binding itself: PySide6 6.12.0 lost a reference to ``True`` on every signal emit,
so a long session aborted the process (``bool_dealloc``). Guard against such a release."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()
    text = Signal(str)


def test_signal_emits_keep_python_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
        emitter.text.emit("x")
    assert sys.getrefcount(True) >= before - 5
