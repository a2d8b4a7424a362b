"""The operation dashboard and the global actions around it: counts as the brochure
reports them, cases with their badges, the contacts on duty one key away (F2), search
(Ctrl+F) and the quick note (Ctrl+Enter) from another section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.builders import COMPLETED, COMPLETED_BUYER, HOTELS_INFORMED, OPERATION_NAME
from ui.main_window import CASES, DASHBOARD

CTRL = Qt.KeyboardModifier.ControlModifier


def test_dashboard_contacts_search_and_quick_note(qtbot: Any, small_controller: Any) -> None:
    controller = small_controller
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    assert view.section() == DASHBOARD  # an operation is in use: its dashboard first
    dashboard = view.dashboard
    assert dashboard.title.text() == OPERATION_NAME
    # tests/ui/builders.py: four cases, two with a buyer; four sellers, two offered support
    # (the child case's declined it), two hotels of three informed (and a taxi company).
    assert dashboard.figures["cases"].number.text() == "4"
    assert dashboard.figures["buyers"].number.text() == "2"
    assert dashboard.figures["seller_support"].number.text() == "2 / 4"
    assert dashboard.figures["seller_support"].detail.text() == "1 tackade ja"
    assert dashboard.figures["hotels"].number.text() == str(HOTELS_INFORMED)
    numbers = [n.text().replace("\u00a0", " ") for n in dashboard.contacts.numbers]
    assert "010-562 50 00" in numbers and "112" in numbers

    # F2: the contacts over whatever is on screen; numbers large; Esc closes.
    qtbot.keyClick(window, Qt.Key.Key_F2)
    panel = view.contacts
    assert panel.isVisible() and panel.hasFocus()
    assert panel.contacts.numbers[0].font().pointSizeF() >= 18
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()

    # Ctrl+F: search the cases by a buyer's name; Enter opens the match.
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert view.section() == CASES and view.cases.search.hasFocus()
    qtbot.keyClicks(view.cases.search, COMPLETED_BUYER.split()[1].lower())
    assert view.cases.model.rowCount() == 1
    qtbot.keyClick(view.cases.search, Qt.Key.Key_Return)
    screen = view.cases.case_screen
    assert view.cases.showing_case() and screen.header.place.text().startswith(COMPLETED)

    # Ctrl+Enter from another section: back to the case, cursor in the note bar.
    view.go_to(DASHBOARD)
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    assert view.section() == CASES and screen.note.hasFocus()

    # Opening a case from the dashboard's list.
    view.go_to(DASHBOARD)
    dashboard.cases.setFocus()
    dashboard.cases.selectRow(0)
    qtbot.keyClick(dashboard.cases, Qt.Key.Key_Return)
    assert view.section() == CASES and screen.case_id == dashboard.model.case_id(0)
