"""Every copy in the app goes through the clipboard guard, tested on the real QClipboard:
Ctrl+C and Cut in fields, text edits, date boxes and tables, the context menu's Copy, the
concealment hints, and the clearing after the timeout, on lock and on quit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS
from tests.ui.conftest import log_in
from ui.clipboard import ClipboardGuard

PERSON = "Påhittad Person 19800101-0000"
# A popup menu on the offscreen platform: it cannot raise it or grab the keyboard.
_POPUP_NOISE = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def guard(qtbot: Any) -> Iterator[ClipboardGuard]:
    guard = ClipboardGuard()
    guard.install()
    QGuiApplication.clipboard().setText("före")
    yield guard
    guard.uninstall()
    guard.clear_if_ours()


def board_text() -> str:
    return QGuiApplication.clipboard().text()


def concealed() -> bool:
    data = QGuiApplication.clipboard().mimeData()
    return (
        data is not None
        and bytes(data.data("x-kde-passwordManagerHint").data()) == b"secret"
        and any("CanIncludeInClipboardHistory" in f for f in data.formats())
        and any("ExcludeClipboardContentFromMonitorProcessing" in f for f in data.formats())
    )


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_ctrl_c_in_a_line_edit_goes_through_the_guard(qtbot: Any, guard: ClipboardGuard) -> None:
    edit = shown(qtbot, QLineEdit(PERSON))
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == PERSON
    assert concealed()
    assert guard.holds_ours()
    assert guard.clear_pending()


def test_cut_copies_through_the_guard_and_removes_the_text(
    qtbot: Any, guard: ClipboardGuard
) -> None:
    edit = shown(qtbot, QLineEdit(PERSON))
    assert isinstance(edit, QLineEdit)
    edit.setSelection(0, 8)
    qtbot.keyClick(edit, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == "Påhittad"
    assert concealed()
    assert edit.text() == PERSON[8:]
    edit.undo()  # the cut is an ordinary edit: it can be undone
    assert edit.text() == PERSON


def test_a_passphrase_is_never_copied(qtbot: Any, guard: ClipboardGuard) -> None:
    edit = shown(qtbot, QLineEdit("hemlig lösenfras"))
    assert isinstance(edit, QLineEdit)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == "före"


@pytest.mark.parametrize("kind", [QTextEdit, QPlainTextEdit])
def test_ctrl_c_in_a_text_edit(qtbot: Any, guard: ClipboardGuard, kind: type) -> None:
    edit = shown(qtbot, kind())
    edit.setPlainText(f"{PERSON}\nrum 312")
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == f"{PERSON}\nrum 312"
    assert concealed()


def test_ctrl_c_in_a_date_box(qtbot: Any, guard: ClipboardGuard) -> None:
    box = shown(qtbot, QDateEdit())
    assert isinstance(box, QDateEdit)
    box.setDisplayFormat("yyyy-MM-dd")
    box.setDate(box.date().fromString("1980-01-01", "yyyy-MM-dd"))
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == "1980-01-01"
    assert concealed()


def test_ctrl_c_in_a_table_copies_the_selected_rows(qtbot: Any, guard: ClipboardGuard) -> None:
    model = QStandardItemModel()
    model.appendRow([QStandardItem("Påhittad Person"), QStandardItem("19800101-0000")])
    model.appendRow([QStandardItem("Annan Påhittad"), QStandardItem("19900101-0000")])
    view = shown(qtbot, QTableView())
    assert isinstance(view, QTableView)
    view.setModel(model)
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == "Påhittad Person\t19800101-0000"
    assert concealed()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text().splitlines()[1] == "Annan Påhittad\t19900101-0000"


def _menu_action(qtbot: Any, widget: QWidget, name: str) -> None:
    """Open the widget's context menu as a right click does, and choose one action."""
    chosen: list[bool] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == name)
        assert action.isEnabled()
        chosen.append(True)
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(widget, event)
    assert chosen


@_POPUP_NOISE
def test_the_context_menus_copy_goes_through_the_guard(qtbot: Any, guard: ClipboardGuard) -> None:
    edit = shown(qtbot, QLineEdit(PERSON))
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    _menu_action(qtbot, edit, "edit-copy")
    assert board_text() == PERSON
    assert concealed()


@_POPUP_NOISE
def test_the_context_menus_cut_in_a_text_edit(qtbot: Any, guard: ClipboardGuard) -> None:
    edit = shown(qtbot, QPlainTextEdit(PERSON))
    assert isinstance(edit, QPlainTextEdit)
    edit.selectAll()
    _menu_action(qtbot, edit.viewport(), "edit-cut")
    assert board_text() == PERSON
    assert concealed()
    assert edit.toPlainText() == ""


def test_a_selectable_labels_copy(qtbot: Any, guard: ClipboardGuard) -> None:
    label = shown(qtbot, QLabel(PERSON))
    assert isinstance(label, QLabel)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSelection(0, len(PERSON))
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == PERSON
    assert concealed()


def test_cleared_after_the_timeout_only_if_still_ours(qtbot: Any) -> None:
    guard = ClipboardGuard(clear_after_ms=50)
    guard.copy(PERSON)
    assert board_text() == PERSON
    qtbot.waitUntil(lambda: board_text() == "")

    guard.copy(PERSON)
    QGuiApplication.clipboard().setText("från ett annat program")
    qtbot.waitUntil(lambda: not guard.clear_pending())
    assert board_text() == "från ett annat program"


def test_quit_clears_what_the_app_copied(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    assert controller.main_window is not None
    edit = QLineEdit(PERSON, controller.main_window)
    edit.show()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == PERSON  # the controller installed the guard at login

    controller.shutdown()

    assert board_text() == ""


def test_lock_clears_a_ctrl_c_copy(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    assert controller.main_window is not None
    edit = QLineEdit(PERSON, controller.main_window)
    edit.show()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == PERSON

    controller.lock()

    assert board_text() == ""


def test_a_saved_pages_text_is_not_copied_with_the_guard_installed(
    qtbot: Any, guard: ClipboardGuard
) -> None:
    from ui.ads.attachment_view import PageText

    parent = QWidget()
    qtbot.addWidget(parent)
    text = PageText("Maja är tillbaka! Sms 0701740655.", parent)
    parent.show()
    text.selectAll()
    qtbot.keyClick(text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board_text() == "före"
