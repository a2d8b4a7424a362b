"""A time typed for a case recorded days later is on the case's day, not today's.

The time fields followed the clock and placed "2140" today or yesterday: a case written up
the morning after, or days later at the station, got its agreement, payment or decision
on the wrong date. A field that knows its case's time and is more than half a day from it
now waits for a time (empty), places it nearest the case's time (a raid runs past
midnight) and names the day as a date; a case under way keeps now, today and yesterday.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.storage.session import Session
from fieldapp.workflow import persons
from fieldapp.workflow.context import Context
from fieldapp.workflow.evidence import ELEMENT_ENTITY
from tests.documents.scenarios import BUYER, Clock, open_hotel_case
from tests.ui.builders import ATTEMPT, RAID, SmallOperation
from ui.ads.when import WhenField
from ui.screens.case_screen import CaseScreen
from ui.screens.case_steps import NewCaseForm
from ui.screens.elements import ElementsStep
from ui.widgets import TimeField, place_clock
from ui.workspace import Workspace

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


class WallClock:
    """The workspace's clock, set by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


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


def _payment_panel(qtbot: Any, workspace: Workspace, case_id: str) -> tuple[CaseScreen, Any]:
    screen = CaseScreen(workspace)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    screen.open_case(case_id)
    buyer_id = screen.view.buyers[0].id
    screen.open_case(case_id, f"item:payment_secured:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    return screen, panel


def _record_payment(qtbot: Any, panel: Any, typed: str | None) -> None:
    form = panel.form
    if typed is not None:
        form.at.edit.setFocus()
        form.at.edit.selectAll()
        qtbot.keyClicks(form.at.edit, typed)
    form.source.set_code("observed")
    form.amount.setText("1500")
    panel.record_button.click()


def _payments(workspace: Workspace, case_id: str) -> list[str]:
    found = workspace.ctx.records.find(ELEMENT_ENTITY, case_id=case_id)
    return [str(e.get("at")) for e in found if e.get("kind") == "payment_handed_over"]


def test_a_time_typed_three_days_later_is_on_the_cases_day(
    qtbot: Any, small_operation: SmallOperation, make_workspace: Callable[..., Workspace]
) -> None:
    workspace = make_workspace(RAID + timedelta(days=3, hours=2))
    case_id = small_operation.case(ATTEMPT)  # opened at RAID, Thursday 14 May 21:30
    screen, panel = _payment_panel(qtbot, workspace, case_id)
    field = panel.form.at
    # Not now, three days on: empty, waiting for the time, and the case's day named.
    assert not field.is_now() and field.edit.text() == "" and field.value() is None
    assert field.day_label.text() == "tors 14 maj"
    _record_payment(qtbot, panel, None)  # untouched: refused, named at the field
    assert panel.form.fields["at"].message.text() == "Krävs."
    assert _payments(workspace, case_id) == []

    _record_payment(qtbot, panel, "2140")
    expected = datetime(2026, 5, 14, 21, 40).astimezone()  # the machine's zone, as RAID
    assert [datetime.fromisoformat(at) for at in _payments(workspace, case_id)] == [expected]
    screen.flush()


def test_a_time_after_midnight_is_the_night_after_the_case_opened(
    qtbot: Any,
    admin_session: Session,
    small_operation: SmallOperation,
    make_workspace: Callable[..., Workspace],
) -> None:
    late = datetime(2026, 5, 15, 23, 30).astimezone()
    ctx = Context(admin_session, Clock(late))
    case_id = open_hotel_case(ctx, small_operation.operation_id, place_name="Hotell Sent")
    persons.add_buyer(ctx, case_id, BUYER | {"name": "Nils Nattsson"})
    workspace = make_workspace(late + timedelta(days=3))
    screen, panel = _payment_panel(qtbot, workspace, case_id)
    field = panel.form.at
    qtbot.keyClicks(field.edit, "0015")
    assert field.day_label.text() == "lör 16 maj"
    _record_payment(qtbot, panel, None)
    expected = datetime(2026, 5, 16, 0, 15).astimezone()
    assert [datetime.fromisoformat(at) for at in _payments(workspace, case_id)] == [expected]
    screen.flush()


def test_a_case_under_way_keeps_now_today_and_yesterday(
    qtbot: Any, small_operation: SmallOperation, make_workspace: Callable[..., Workspace]
) -> None:
    now = RAID + timedelta(minutes=40)  # 22:10, the raid under way
    workspace = make_workspace(now)
    case_id = small_operation.case(ATTEMPT)
    screen, panel = _payment_panel(qtbot, workspace, case_id)
    field = panel.form.at
    assert field.is_now() and field.value() == now and field.day_label.text() == "nu"
    assert field.edit.text() == "22:10"
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2350")  # later than now: last night, as always
    assert field.day_label.text() == "i går"
    assert field.value() == (now - timedelta(days=1)).replace(hour=23, minute=50, second=0)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2140")
    assert field.day_label.text() == "i dag"
    _record_payment(qtbot, panel, None)
    assert _payments(workspace, case_id) == [now.replace(minute=40, hour=21).isoformat()]
    screen.flush()


def test_page_down_chooses_the_day_before_and_a_day_ahead_is_refused(
    qtbot: Any, small_operation: SmallOperation, make_workspace: Callable[..., Workspace]
) -> None:
    workspace = make_workspace(RAID + timedelta(days=3))
    case_id = small_operation.case(ATTEMPT)
    screen, panel = _payment_panel(qtbot, workspace, case_id)
    field = panel.form.at
    qtbot.keyClicks(field.edit, "1930")
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    assert field.day_label.text() == "ons 13 maj" and field.edit.text() == "1930"
    assert field.draft_text() == "2026-05-13 1930"  # a draft keeps the day chosen
    # A date past now, stepped to with Page Up, is refused as every future time is.
    for _ in range(5):
        qtbot.keyClick(field.edit, Qt.Key.Key_PageUp)
    assert field.day() == date(2026, 5, 18)
    _record_payment(qtbot, panel, None)
    assert panel.form.fields["at"].message.text() == "Får inte ligga i framtiden."
    assert _payments(workspace, case_id) == []
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    _record_payment(qtbot, panel, None)
    expected = datetime(2026, 5, 16, 19, 30).astimezone()
    assert [datetime.fromisoformat(at) for at in _payments(workspace, case_id)] == [expected]
    screen.flush()


def test_a_new_case_after_the_operation_is_on_its_last_cases_day(
    qtbot: Any, small_operation: SmallOperation, make_workspace: Callable[..., Workspace]
) -> None:
    # The operation ran 13–17 May; the station writes up a case on the 20th.
    workspace = make_workspace(datetime(2026, 5, 20, 9, 0).astimezone())
    form = NewCaseForm(workspace)
    qtbot.addWidget(form)
    form.prepare()
    assert form.start.edit.text() == "" and form.start.day_label.text() == "tors 14 maj"
    qtbot.keyClicks(form.start.edit, "2315")
    assert form.start.value() == datetime(2026, 5, 14, 23, 15).astimezone()
    # While the operation runs (and the night after its last day), a new case is now.
    live = make_workspace(datetime(2026, 5, 18, 1, 0).astimezone())
    live_form = NewCaseForm(live)
    qtbot.addWidget(live_form)
    live_form.prepare()
    assert live_form.start.is_now() and live_form.start.day_label.text() == "nu"


@pytest.fixture
def swedish_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_summer_case_viewed_in_winter_keeps_summer_time(
    qtbot: Any, swedish_machine: None, language: Callable[[str], None]
) -> None:
    summer_case = datetime(2026, 7, 3, 21, 30, tzinfo=CEST)
    winter_now = datetime(2026, 12, 7, 9, 0, tzinfo=CET)  # the machine's clock in December
    assert winter_now.utcoffset() == winter_now.astimezone().utcoffset()
    field = TimeField(lambda: winter_now, reference=summer_case)
    qtbot.addWidget(field)
    assert field.day_label.text() == "fre 3 juli"
    qtbot.keyClicks(field.edit, "2140")
    assert field.iso() == "2026-07-03T21:40:00+02:00"  # summer time, not today's +01:00
    assert place_clock(0, 15, winter_now, reference=summer_case).isoformat() == (
        "2026-07-04T00:15:00+02:00"
    )
    # The last Sunday of October: 02:30 comes twice; the day after is winter time again.
    autumn = datetime(2026, 10, 24, 22, 0, tzinfo=CEST)
    assert place_clock(3, 30, winter_now, reference=autumn).isoformat() == (
        "2026-10-25T03:30:00+01:00"
    )
    language("en")
    field.reset()
    assert field.day_label.text() == "Fri 3 Jul"


def test_a_day_typed_beside_a_time_has_its_own_offset(qtbot: Any, swedish_machine: None) -> None:
    winter_now = datetime(2026, 12, 7, 9, 0, tzinfo=CET)
    when = WhenField(lambda: winter_now)
    qtbot.addWidget(when)
    qtbot.keyClicks(when.day, "2026-07-03")
    assert when.time.day_label.text() == "fre 3 juli"
    when.time.edit.selectAll()
    qtbot.keyClicks(when.time.edit, "1015")
    assert when.field_value() == "2026-07-03T10:15:00+02:00"
    qtbot.keyClick(when.time.edit, Qt.Key.Key_PageDown)  # the day typed follows the key
    assert when.day.text() == "2026-07-02"
    assert when.field_value() == "2026-07-02T10:15:00+02:00"
    when.day.selectAll()
    qtbot.keyClicks(when.day, "3 juli")
    assert when.field_value() == "3 juli"  # not a day: the core's refusal names it


def test_a_step_of_a_case_written_up_later_opens_on_its_time(
    qtbot: Any, small_operation: SmallOperation, make_workspace: Callable[..., Workspace]
) -> None:
    """The step opened on the source, past the empty time it waits for: Enter was refused
    ("Krävs." beside the time) until the officer went back for it. Now it opens on the
    time, and the keys after it fill the step in order; a raid under way opens on the
    source, its time being now."""
    workspace = make_workspace(RAID + timedelta(days=1))
    case_id = small_operation.case(ATTEMPT)
    screen, panel = _payment_panel(qtbot, workspace, case_id)
    qtbot.waitUntil(screen.isActiveWindow)
    screen.open_case(case_id, screen.current_step())  # opened again: the focus as it opens

    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    assert QApplication.focusWidget() is panel.form.at.edit
    for text in ("2140", "\t", "1", "\t", "1500"):
        focus = QApplication.focusWidget()
        assert focus is not None
        if text == "\t":
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
        else:
            qtbot.keyClicks(focus, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    expected = datetime(2026, 5, 14, 21, 40).astimezone()
    assert [datetime.fromisoformat(at) for at in _payments(workspace, case_id)] == [expected]
    screen.flush()

    live = make_workspace(RAID + timedelta(minutes=40))
    live_screen, _live_panel = _payment_panel(qtbot, live, case_id)
    qtbot.waitUntil(live_screen.isActiveWindow)
    live_screen.open_case(case_id, live_screen.current_step())
    source = live_screen.panel.form.source
    focus = QApplication.focusWidget()
    assert focus is source or source.isAncestorOf(focus)
    live_screen.flush()


@pytest.mark.parametrize("item", ["notice_of_suspicion", "buyer_heard"])
def test_the_notice_and_the_hearing_of_a_case_written_up_later_open_on_the_time(
    qtbot: Any,
    small_operation: SmallOperation,
    make_workspace: Callable[..., Workspace],
    item: str,
) -> None:
    workspace = make_workspace(RAID + timedelta(days=1))
    case_id = small_operation.case(ATTEMPT)
    screen, _panel = _payment_panel(qtbot, workspace, case_id)
    qtbot.waitUntil(screen.isActiveWindow)
    screen.open_case(case_id, f"item:{item}:{screen.view.buyers[0].id}")
    form = getattr(screen.panel, "form", None)
    assert form is not None and isinstance(form.at, TimeField)
    assert QApplication.focusWidget() is form.at.edit
    screen.flush()
