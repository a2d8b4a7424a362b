"""The time field (now by default, "2142" or "21:42", + and − step a minute) and the
municipality picker."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import Qt

from ui.widgets import TimeField, TownCombo, follows_now, parse_clock, place_clock, resolve_clock

CEST = timezone(timedelta(hours=2))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 14, 21, 42, 17, tzinfo=CEST)

    def __call__(self) -> datetime:
        return self.now


def test_clock_texts() -> None:
    assert parse_clock("2142") == (21, 42)
    assert parse_clock("21:42") == (21, 42)
    assert parse_clock("21.42") == (21, 42)
    assert parse_clock("942") == (9, 42)
    assert parse_clock("2561") is None and parse_clock("kvart") is None
    now = datetime(2026, 5, 15, 0, 10, tzinfo=CEST)
    assert resolve_clock(23, 50, now) == datetime(2026, 5, 14, 23, 50, tzinfo=CEST)


def test_time_field_is_now_until_edited_and_steps_by_the_minute(qtbot: Any) -> None:
    clock = Clock()
    field = TimeField(clock)
    qtbot.addWidget(field)
    assert field.edit.text() == "21:42" and field.is_now()
    assert field.value() == clock.now  # the exact second
    clock.now += timedelta(minutes=3)
    assert field.value() == clock.now

    qtbot.keyClick(field.edit, Qt.Key.Key_Minus)
    assert field.edit.text() == "21:44"
    qtbot.keyClick(field.edit, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert field.edit.text() == "21:54"
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2130")
    assert field.value() == datetime(2026, 5, 14, 21, 30, tzinfo=CEST)
    assert field.day_label.text() == "i dag"
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "2350")  # later than now: last night
    assert field.value() == datetime(2026, 5, 13, 23, 50, tzinfo=CEST)
    assert field.day_label.text() == "i går"
    field.reset()
    assert field.is_now() and field.draft_text() == ""


def test_a_set_time_keeps_its_day(qtbot: Any) -> None:
    field = TimeField(Clock())
    qtbot.addWidget(field)
    earlier = datetime(2026, 5, 10, 20, 3, 41, tzinfo=CEST)
    field.set_value(earlier)
    assert field.value() == earlier
    assert field.day_label.text() == "sön 10 maj"  # the date in words, not ISO
    field.edit.setText("2015")
    assert field.value() == datetime(2026, 5, 10, 20, 15, tzinfo=CEST)


def test_a_typed_time_is_placed_near_the_cases_time_when_that_is_another_day() -> None:
    now = datetime(2026, 5, 14, 21, 42, tzinfo=CEST)
    # Half a day either way is the raid under way: today or yesterday, as always.
    assert follows_now(now - timedelta(hours=12), now)
    assert not follows_now(now - timedelta(hours=12, minutes=1), now)
    assert place_clock(23, 50, now, reference=now - timedelta(hours=3)) == resolve_clock(
        23, 50, now
    )
    # A raid three evenings ago, from 20:00 past midnight.
    raid = datetime(2026, 5, 11, 20, 0, tzinfo=CEST)
    assert place_clock(21, 40, now, reference=raid) == datetime(2026, 5, 11, 21, 40, tzinfo=CEST)
    assert place_clock(3, 0, now, reference=raid) == datetime(2026, 5, 12, 3, 0, tzinfo=CEST)
    assert place_clock(15, 0, now, reference=raid) == datetime(2026, 5, 11, 15, 0, tzinfo=CEST)
    # A day chosen wins over both.
    chosen = place_clock(21, 40, now, reference=raid, day=date(2026, 5, 9))
    assert chosen == datetime(2026, 5, 9, 21, 40, tzinfo=CEST)


def test_a_draft_keeps_the_day_chosen(qtbot: Any) -> None:
    clock = Clock()
    field = TimeField(clock, reference=datetime(2026, 5, 10, 20, 0, tzinfo=CEST))
    qtbot.addWidget(field)
    assert field.draft_text() == "" and field.value() is None
    field.restore_text("2026-05-09 2215")
    assert field.value() == datetime(2026, 5, 9, 22, 15, tzinfo=CEST)
    assert field.day_label.text() == "lör 9 maj"
    field.restore_text("2215")  # no day chosen: near the case's time
    assert field.value() == datetime(2026, 5, 10, 22, 15, tzinfo=CEST)
    field.restore_text("")
    assert field.edit.text() == "" and field.day_label.text() == "sön 10 maj"
    field.restore_text("0800")  # 12 h before the case's 20:00
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)  # a minute back keeps the day
    assert field.value() == datetime(2026, 5, 10, 7, 59, tzinfo=CEST)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown, ctrl)  # the next step's key, not a day
    assert field.value() == datetime(2026, 5, 10, 7, 59, tzinfo=CEST)
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    assert field.value() == datetime(2026, 5, 9, 7, 59, tzinfo=CEST)


def test_town_combo_picks_or_types(qtbot: Any) -> None:
    combo = TownCombo()
    qtbot.addWidget(combo)
    assert combo.isEditable()
    combo.set_code("Uppsala")
    assert combo.code() == "Uppsala"
    combo.set_towns(("Köping", "Västerås"))
    assert not combo.isEditable()
    combo.set_code("Västerås")
    assert combo.code() == "Västerås"
