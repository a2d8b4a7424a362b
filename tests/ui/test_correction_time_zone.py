"""Correcting only the price of a stated price on the case screen changes only the price,
whatever the zone of the machine and the season of the raid.

A raid time stored in summer time (+02:00) used to be shown in the offset the clock had
*now* (UTC on a machine set to UTC, +01:00 in a Swedish winter): the form then handed back
the same instant written in that other offset, the core saw a different text, and the
correction recorded a time change too ("tid 14/05 19:30"), the time shown an hour or two off.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from fieldapp.workflow import evidence
from fieldapp.workflow.evidence import ELEMENT_ENTITY
from tests.ui.builders import ATTEMPT, ATTEMPT_PRICE, SmallOperation
from ui.screens.case_screen import CaseScreen
from ui.screens.elements import ElementsStep
from ui.widgets import local_moment
from ui.workspace import Workspace

SUMMER_RAID = "2026-05-14T21:30:00+02:00"  # as a laptop in Sweden stored it, in May


@pytest.fixture(params=["UTC", "Europe/Stockholm"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The machine's zone, as the app takes it (``datetime.astimezone()``): UTC, or Sweden
    (in winter, when this was written, the clock's offset +01:00 is not the raid's)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_correcting_only_the_price_records_no_time_change(
    qtbot: Any,
    machine_zone: str,
    small_operation: SmallOperation,
    small_workspace: Workspace,
) -> None:
    workspace = small_workspace
    ctx = workspace.ctx
    case_id = small_operation.case(ATTEMPT)
    price = next(
        e
        for e in ctx.records.find(ELEMENT_ENTITY, case_id=case_id)
        if e.get("kind") == "stated_price"
    )
    evidence.correct_element(ctx, price.entity_id, {"at": SUMMER_RAID})
    assert ctx.records.get(ELEMENT_ENTITY, price.entity_id).get("at") == SUMMER_RAID
    events_before = len(list(workspace.session.events()))

    screen = CaseScreen(workspace)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    buyer_id = str(price.get("buyer_id"))
    screen.open_case(case_id, f"item:price_secured:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    shown_before = panel.recorded.item(0).text()
    # The time as the machine's zone gives it for that summer evening.
    expected = "21:30" if machine_zone == "Europe/Stockholm" else "19:30"
    assert shown_before.startswith(expected), shown_before

    panel.recorded.item(0).setSelected(True)
    panel.correct_button.click()
    assert panel.form.correcting == price.entity_id
    assert panel.form.at.edit.text() == expected  # the stored time, not shifted
    panel.form.amount.setText(str(ATTEMPT_PRICE + 300))
    panel.record_button.click()

    events = list(workspace.session.events())[events_before:]
    assert len(events) == 1
    assert events[0].data == {"set": {"amount": ATTEMPT_PRICE + 300}}  # the price alone
    stored = ctx.records.get(ELEMENT_ENTITY, price.entity_id)
    assert stored.get("at") == SUMMER_RAID and stored.get("amount") == ATTEMPT_PRICE + 300
    line = panel.recorded.item(0).text()
    assert line.startswith(expected), line
    newest = screen.timeline_model.texts()[0]  # the correction says what it changed
    assert newest.endswith(": belopp 1800") and "tid " not in newest, newest
    screen.flush()


def test_a_summer_time_is_shown_as_it_was_on_its_day_in_a_swedish_winter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        winter_now = datetime(2026, 12, 7, 12, 0, tzinfo=timezone(timedelta(hours=1)))
        shown = local_moment(datetime.fromisoformat(SUMMER_RAID), winter_now)
        assert shown.strftime("%H:%M") == "21:30" and shown.utcoffset() == timedelta(hours=2)
        # A clock in another zone than the machine's (a test's) is shown in its own zone.
        utc_now = datetime(2026, 12, 7, 11, 0, tzinfo=UTC)
        assert local_moment(datetime.fromisoformat(SUMMER_RAID), utc_now).hour == 19
    finally:
        monkeypatch.undo()
        time.tzset()
