"""A new case's place is prefilled from the operation's last case; typed over, its kind is
no longer the last case's.

Found with real keys under Xvfb: Ctrl+N, "Hotell Nattugglan" typed over the last case's
"Lägenhet (korttidsuthyrning)", Enter: the hotel was stored as a flat (the kind row is
above the name, where the cursor opens). Now another name clears the copied kind, and
Enter is refused beside it until the officer picks one; the same place keeps it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.domain.case import CASE_ENTITY
from ui.app import AppController

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _type(text: str) -> None:
    QTest.keyClicks(_focus(), text)


def _key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(_focus(), key, modifier)


def test_another_place_typed_over_the_last_one_asks_for_its_kind(
    qtbot: Any, small_controller: AppController
) -> None:
    window = small_controller.main_window
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    assert view is not None
    ctx = view.workspace.ctx
    cases_before = {c.entity_id for c in ctx.records.find(CASE_ENTITY)}
    window.new_case_action.trigger()  # Ctrl+N
    form = view.cases.new_form
    copied = form.place.kind.code()
    assert copied and form.place.name.text()  # the last case's place and kind
    assert _focus() is form.place.name

    _type("Lagenhet Storgatan")  # over the selected name
    assert form.place.kind.code() == ""
    assert form.fields["place_kind"].message.isVisibleTo(form)
    _key(Qt.Key.Key_Return)
    assert {c.entity_id for c in ctx.records.find(CASE_ENTITY)} == cases_before
    assert form.fields["place_kind"].message.text() == "Krävs."

    _key(Qt.Key.Key_Tab, SHIFT)  # back to the kind row, above the name
    _type("2")  # lägenhet
    assert form.place.kind.code() == "apartment"
    # The operation is over: the entry time is typed (not now), then Enter opens the case.
    form.start.edit.setFocus()
    _type("2200")
    _key(Qt.Key.Key_Return)
    [new] = [c for c in ctx.records.find(CASE_ENTITY) if c.entity_id not in cases_before]
    assert new.get("place_name") == "Lagenhet Storgatan"
    assert new.get("place_kind") == "apartment"


def test_the_same_place_keeps_its_kind(qtbot: Any, small_controller: AppController) -> None:
    window = small_controller.main_window
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    assert view is not None
    window.new_case_action.trigger()
    form = view.cases.new_form
    name, copied = form.place.name.text(), form.place.kind.code()
    _type("X")  # a slip, then the name again: the kind comes back
    assert form.place.kind.code() == ""
    form.place.name.selectAll()
    _type(name)
    assert form.place.kind.code() == copied
    assert not form.fields["place_kind"].message.isVisibleTo(form)
    # A kind the officer chose stays, whatever the name.
    _key(Qt.Key.Key_Tab, SHIFT)
    _type("3")
    chosen = form.place.kind.code()
    form.place.name.setFocus()
    form.place.name.selectAll()
    _type("Bil vid stationen")
    assert form.place.kind.code() == chosen != ""
