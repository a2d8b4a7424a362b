"""The mouse wheel never changes a field the officer is not in (``ui.wheel``).

Scrolling a step with the wheel over a combo box changed its value (the municipality, the
observer) and the record said so. In the app (the controller installs the guard) a wheel
over an unfocused combo or spin box goes on to the step's scroll area; the field the
officer is in still takes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox, QWidget

from fieldapp.domain.case import CASE_ENTITY
from tests.ui.builders import ATTEMPT
from tests.ui.conftest import case_by_place
from ui.app import AppController
from ui.screens.case_screen import CaseScreen
from ui.screens.case_steps import CaseDetailsStep
from ui.wheel import WheelGuard
from ui.workspace import Workspace


def wheel(widget: QWidget, notches: int = -1) -> None:
    """A wheel turned over the middle of ``widget`` (-1: one notch towards the officer),
    as the window system delivers it: to the widget under the pointer, passed on to its
    parents when ignored (an event sent to the widget would not be)."""
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None
    centre = widget.mapTo(top, QPoint(widget.width() // 2, widget.height() // 2))
    QTest.wheelEvent(handle, QPointF(centre), QPoint(0, 120 * notches))
    QApplication.processEvents()


class Seen(QObject):
    """Counts the wheel events that reach a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.wheels = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            self.wheels += 1
        return False


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[WheelGuard]:
    """The guard as the app installs it (``AppController.start``)."""
    guard = WheelGuard()
    guard.install()
    yield guard
    guard.uninstall()


def test_the_app_installs_the_guard(small_controller: AppController) -> None:
    """Once logged in (not before: the login dialog shows before more is imported)."""
    guard = small_controller.wheel_guard
    assert guard is not None and guard.installed()


def test_the_wheel_over_an_unfocused_combo_scrolls_the_step_not_the_value(
    qtbot: Any, guard: WheelGuard, small_workspace: Workspace
) -> None:
    screen = CaseScreen(small_workspace)
    qtbot.addWidget(screen)
    screen.resize(780, 700)  # within the offscreen screen: the pointer is over the field
    screen.show()
    qtbot.waitUntil(screen.isActiveWindow)
    case_id = case_by_place(small_workspace, ATTEMPT)
    screen.open_case(case_id, "item:entry:")
    panel = screen.panel
    assert isinstance(panel, CaseDetailsStep)
    town = panel.form.place.municipality
    screen.step_area.ensureWidgetVisible(town)
    assert town.count() > 2 and not town.isEditable()  # the county's municipalities
    before = town.code()
    assert not town.hasFocus()  # the cursor is in the entry note
    seen = Seen()
    screen.step_area.viewport().installEventFilter(seen)

    wheel(town)
    wheel(town, 1)

    assert town.code() == before and not town.hasFocus()
    assert seen.wheels == 2  # passed on to the step's scroll area
    screen.flush()
    record = small_workspace.ctx.records.get(CASE_ENTITY, case_id)
    assert record is not None and record.get("municipality") == before

    town.setFocus()
    # In the field the wheel chooses, as the officer means it to (up: the town before).
    wheel(town, 1 if town.currentIndex() > 0 else -1)
    assert town.code() != before
    town.set_code(before)
    screen.flush()


def test_a_spin_box_takes_the_wheel_only_with_the_focus(qtbot: Any, guard: WheelGuard) -> None:
    try:
        form = QWidget()
        qtbot.addWidget(form)
        spin = QSpinBox(form)
        spin.setRange(1, 60)
        spin.setValue(5)
        other = QSpinBox(form)
        other.move(0, 40)
        form.show()
        qtbot.waitUntil(form.isActiveWindow)
        other.setFocus()
        wheel(spin, 1)
        assert spin.value() == 5
        spin.setFocus()
        wheel(spin, 1)
        assert spin.value() == 6
    finally:
        guard.uninstall()
    assert not guard.installed()
    other.setFocus()
    wheel(spin, 1)  # without the guard: Qt's own behaviour, the value moves
    assert spin.value() == 7
