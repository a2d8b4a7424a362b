"""Another case opened: its own step, before any key reaches the screen.

A step panel was kept when the new case's first step had the same panel id as the old
one's ("case" for the entry, "close", "add the buyer"): the new case showed the old case's
place, and a note typed there was filed in the old case. And the cases page showed the case
screen before switching it to the new case, so the old case's field had the focus first.
Keys here are real key events to whatever has the focus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.workflow import cases as case_flow
from fieldapp.workflow.case_view import CaseView
from tests.ui.builders import ATTEMPT, COMPLETED
from tests.ui.conftest import case_by_place
from ui import main_window as mw
from ui.app import AppController
from ui.screens.case_steps import CaseDetailsStep


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _entry_notes(view: CaseView) -> list[str]:
    return [str(t.get("note")) for t in view.ticks if t.get("item_id") == "entry"]


def test_a_case_opened_on_the_same_step_gets_its_own_panel_and_the_keys(
    qtbot: Any, small_controller: AppController
) -> None:
    window = small_controller.main_window
    assert window is not None
    window.resize(1366, 768)
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    assert view is not None
    workspace = view.workspace
    cases = view.cases
    screen = cases.case_screen
    first, second = case_by_place(workspace, ATTEMPT), case_by_place(workspace, COMPLETED)

    view.open_case(first, "item:entry:")
    old_panel = screen.panel
    assert isinstance(old_panel, CaseDetailsStep) and old_panel.case_id == first
    QTest.keyClicks(_focus(), "fel")
    # What the screen shows at the moment it is shown, case by case.
    shown: list[tuple[str | None, str | None]] = []
    cases.stack.currentChanged.connect(
        lambda _i: shown.append(
            (screen.case_id, screen.panel.case_id if screen.panel is not None else None)
        )
    )
    cases.show_list()
    view.open_case(second, "item:entry:")

    panel = screen.panel
    assert isinstance(panel, CaseDetailsStep) and panel is not old_panel
    assert panel.case_id == second
    assert panel.form.place.name.text() == COMPLETED
    assert shown[-1] == (second, second)  # never the old case's panel on show
    assert panel.isAncestorOf(_focus())
    QTest.keyClicks(_focus(), "nyckelkort")
    QTest.keyClick(_focus(), Qt.Key.Key_Return)

    ctx = workspace.ctx
    assert "nyckelkort" in _entry_notes(case_flow.case_view(ctx, second))
    assert not any("nyckelkort" in n for n in _entry_notes(case_flow.case_view(ctx, first)))


def test_a_case_opened_from_the_dashboard_is_shown_only_once_it_is_open(
    qtbot: Any, small_controller: AppController
) -> None:
    """The dashboard (Enter on a row) went to the Cases section first: the case screen
    was shown as it was left, the case before and its field, then switched."""
    window = small_controller.main_window
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    assert view is not None
    screen = view.cases.case_screen
    first = case_by_place(view.workspace, ATTEMPT)
    second = case_by_place(view.workspace, COMPLETED)
    view.open_case(first, "item:entry:")
    view.go_to(mw.DASHBOARD)
    shown: list[str | None] = []
    view.pages.currentChanged.connect(
        lambda _i: shown.append(screen.panel.case_id if screen.panel is not None else None)
    )
    view.dashboard.case_requested.emit(second)  # Enter on the dashboard's row

    assert shown == [second]
    assert view.section() == mw.CASES and view.cases.showing_case()
    panel = screen.panel
    assert panel is not None and panel.case_id == second and panel.isAncestorOf(_focus())
