"""An edited time, and the case's entry time the step's fields are placed near.

- A stored time corrected across midnight is the night after (or the evening before):
  23:30 corrected to 00:15 was kept on the same day, 23 hours before the entry.
- The entry time changed (Page Down: the day before) and the next step opened at once,
  before the autosave: that step's time fields were placed near the old entry; and a
  change of the entry saved while a step is open now reaches its fields too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from fieldapp.domain.case import CASE_ENTITY
from fieldapp.storage.session import Session
from fieldapp.workflow import cases, persons
from fieldapp.workflow.context import Context
from fieldapp.workflow.evidence import ELEMENT_ENTITY
from tests.documents.scenarios import BUYER, Clock, open_hotel_case
from tests.ui.builders import SmallOperation
from tests.ui.test_time_field_case_day import WallClock
from ui.screens.case_screen import CaseScreen
from ui.screens.case_steps import CaseDetailsStep
from ui.screens.elements import ElementsStep
from ui.widgets import TimeField
from ui.workspace import Workspace

ENTRY = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)


def _retype(qtbot: Any, field: TimeField, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)


@pytest.mark.parametrize("hours_later", [1, 36])  # the raid under way; written up later
def test_an_entry_corrected_past_midnight_is_the_next_day(qtbot: Any, hours_later: int) -> None:
    now = ENTRY + timedelta(hours=hours_later)
    field = TimeField(lambda: now, reference=ENTRY)
    qtbot.addWidget(field)
    field.set_value(ENTRY)
    assert field.iso() == ENTRY.isoformat()  # untouched: the stored moment itself
    _retype(qtbot, field, "0015")
    assert field.iso() == "2026-12-01T00:15:00+00:00"
    # Back before midnight, and a small change on the same side: the same evening.
    _retype(qtbot, field, "2350")
    assert field.iso() == "2026-11-30T23:50:00+00:00"
    _retype(qtbot, field, "2310")
    assert field.iso() == "2026-11-30T23:10:00+00:00"


def test_a_time_after_midnight_corrected_to_the_evening_is_the_day_before(qtbot: Any) -> None:
    stored = datetime(2026, 12, 1, 0, 10, tzinfo=UTC)
    now = stored + timedelta(hours=10)
    field = TimeField(lambda: now, reference=ENTRY)
    qtbot.addWidget(field)
    field.set_value(stored)
    _retype(qtbot, field, "23:55")
    assert field.iso() == "2026-11-30T23:55:00+00:00"
    # A day chosen with Page Up / Page Down still rules: the time is on that day.
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    assert field.iso() == "2026-11-29T23:55:00+00:00"


@pytest.fixture
def make_workspace(admin_session: Session) -> Iterator[Callable[[datetime], Workspace]]:
    made: list[Workspace] = []

    def make(now: datetime) -> Workspace:
        workspace = Workspace(admin_session, clock=WallClock(now))
        made.append(workspace)
        return workspace

    yield make
    for workspace in made:
        workspace.autosaver.stop()


@pytest.fixture
def late_case(admin_session: Session, small_operation: SmallOperation) -> tuple[str, datetime]:
    """A case opened at 23:30 with a buyer; its id and its entry."""
    late = datetime(2026, 5, 15, 23, 30).astimezone()
    ctx = Context(admin_session, Clock(late))
    case_id = open_hotel_case(ctx, small_operation.operation_id, place_name="Hotell Sent")
    persons.add_buyer(ctx, case_id, BUYER | {"name": "Nils Nattsson"})
    return case_id, late


def _screen(qtbot: Any, workspace: Workspace) -> CaseScreen:
    screen = CaseScreen(workspace)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    return screen


def _choose_line(screen: CaseScreen, key: str) -> None:
    """What the arrow keys in the checklist do: its current line becomes ``key``."""
    index = screen.checklist_model.index(screen.checklist_model.row_of(key), 0)
    screen.checklist.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def _start(workspace: Workspace, case_id: str) -> datetime:
    record = workspace.ctx.records.get(CASE_ENTITY, case_id)
    assert record is not None
    return datetime.fromisoformat(str(record.get("start")))


def test_the_entry_edited_past_midnight_is_stored_as_the_next_day(
    qtbot: Any, late_case: tuple[str, datetime], make_workspace: Callable[..., Workspace]
) -> None:
    case_id, late = late_case
    workspace = make_workspace(late + timedelta(days=3))
    screen = _screen(qtbot, workspace)
    screen.open_case(case_id, "item:entry:")
    panel = screen.panel
    assert isinstance(panel, CaseDetailsStep)
    _retype(qtbot, panel.form.start, "0015")
    assert panel.form.start.day_label.text() == "lör 16 maj"
    screen.flush()
    assert _start(workspace, case_id) == datetime(2026, 5, 16, 0, 15).astimezone()


def test_the_next_step_opened_at_once_follows_the_entry_just_changed(
    qtbot: Any, late_case: tuple[str, datetime], make_workspace: Callable[..., Workspace]
) -> None:
    case_id, late = late_case
    workspace = make_workspace(late + timedelta(days=2))
    screen = _screen(qtbot, workspace)
    screen.open_case(case_id, "item:entry:")
    panel = screen.panel
    assert isinstance(panel, CaseDetailsStep)
    # The case was written up with the wrong day: the raid was the evening before.
    panel.form.start.edit.setFocus()
    qtbot.keyClick(panel.form.start.edit, Qt.Key.Key_PageDown)
    assert panel.form.start.day_label.text() == "tors 14 maj"
    buyer_id = screen.view.buyers[0].id
    _choose_line(screen, f"item:agreement_secured:{buyer_id}")  # before the autosave
    elements = screen.panel
    assert isinstance(elements, ElementsStep)
    assert _start(workspace, case_id) == late - timedelta(days=1)
    field = elements.form.at
    assert field.day_label.text() == "tors 14 maj"
    qtbot.keyClicks(field.edit, "2345")
    elements.form.source.set_code("observed")
    qtbot.keyClicks(elements.form.what, "samlag")
    qtbot.keyClick(elements.form.what, Qt.Key.Key_Return)
    [agreement] = workspace.ctx.records.find(ELEMENT_ENTITY, case_id=case_id)
    assert (
        datetime.fromisoformat(str(agreement.get("at")))
        == datetime(2026, 5, 14, 23, 45).astimezone()
    )
    screen.flush()


def test_an_open_steps_time_fields_follow_an_entry_saved_elsewhere(
    qtbot: Any, late_case: tuple[str, datetime], make_workspace: Callable[..., Workspace]
) -> None:
    case_id, late = late_case
    workspace = make_workspace(late + timedelta(days=2))
    screen = _screen(qtbot, workspace)
    screen.open_case(case_id)
    buyer_id = screen.view.buyers[0].id
    screen.open_case(case_id, f"item:payment_secured:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    assert panel.form.at.day_label.text() == "fre 15 maj"
    earlier = (late - timedelta(days=1)).isoformat()
    workspace.run(cases.amend_case, case_id, {"start": earlier})
    assert screen.panel is panel  # the same step, still open
    assert panel.form.at.day_label.text() == "tors 14 maj"
    qtbot.keyClicks(panel.form.at.edit, "0010")
    assert panel.form.at.value() == datetime(2026, 5, 15, 0, 10).astimezone()
    screen.flush()
