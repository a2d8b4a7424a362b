"""One dialog of a kind at a time (``ui.dialog_slot``): a second replaces the first, a
closed one is forgotten and deleted, and what follows a close runs once, for the dialog
that closed, never for one that was replaced."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ui.dialog_slot import DialogSlot


def _owner(qtbot: Any) -> QWidget:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    return owner


def test_a_second_dialog_replaces_the_first_and_only_a_real_close_runs_on_closed(
    qtbot: Any,
) -> None:
    owner = _owner(qtbot)
    slot: DialogSlot[QDialog] = DialogSlot()
    closed: list[QDialog] = []
    gone: list[str] = []
    first = slot.open(QDialog(owner), closed.append)
    first.destroyed.connect(lambda: gone.append("first"))
    assert slot.current is first and first.isVisible()
    assert first.windowModality() == Qt.WindowModality.WindowModal
    second = slot.open(QDialog(owner), closed.append)
    second.destroyed.connect(lambda: gone.append("second"))
    assert slot.current is second and second.isVisible() and not first.isVisible()
    assert closed == []  # the replaced one's close is not the owner's business
    qtbot.waitUntil(lambda: gone == ["first"])  # deleted once closed
    second.reject()
    assert slot.current is None and closed == [second]
    qtbot.waitUntil(lambda: gone == ["first", "second"])


def test_close_runs_on_closed_and_an_empty_slot_closes_nothing(qtbot: Any) -> None:
    owner = _owner(qtbot)
    slot: DialogSlot[QDialog] = DialogSlot()
    slot.close()  # nothing open: no error
    closed: list[QDialog] = []
    dialog = slot.open(QDialog(owner), closed.append, modal=False)
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.NonModal
    slot.close()
    assert slot.current is None and closed == [dialog] and not dialog.isVisible()
    slot.close()
    assert closed == [dialog]  # once
