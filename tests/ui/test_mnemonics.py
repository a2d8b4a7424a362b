"""Alt keys are unique on every page: walking each section (and each tab in it) of the
laptop's and the station's window, and the dialogs, in Swedish and English, no two widgets
shown at once (the menu bar included) claim the same Alt+letter, nor two items of one
menu. Qt would only cycle between them, so Alt+G could land in a tab when the officer meant
the Go menu, and Alt+S in the Case menu on the quick note when they meant what is missing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from fieldapp.ads.kinds import AD_ENTITY
from fieldapp.ads.model import ad_view
from fieldapp.demo import DEMO_OFFICER_ID
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.outreach import COMPANY_ENTITY
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from fieldapp.sync.station import station_keys
from fieldapp.workflow.context import Change
from tests.sync import conftest as sync_fixtures
from ui import main_window as mw
from ui.ads.attachment_view import PictureViewer
from ui.ads.correct_dialog import CorrectAdDialog
from ui.ads.decisions_dialog import DecisionsDialog
from ui.ads.link_dialog import LinkAdDialog
from ui.dialogs.access_log import AccessLogDialog
from ui.dialogs.directory_edits import CompanyDialog, WithdrawDialog
from ui.dialogs.enrol_officer import EnrolOfficerDialog
from ui.i18n import translate
from ui.main_window import MainWindow
from ui.sync.fingerprint import FingerprintDialog
from ui.workspace import Workspace

station = sync_fixtures.station
card = sync_fixtures.card

SECTIONS = (mw.OPERATIONS, mw.DASHBOARD, mw.CASES, mw.ADS, mw.DOCUMENTS, mw.SYNC, mw.SETTINGS)


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand)."""
    i = 0
    while (i := text.find("&", i)) >= 0 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].lower()
        i += 2
    return None


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Alt letters claimed more than once among what ``window`` shows now."""
    claimed: dict[str, list[str]] = {}

    def claim(text: str, what: str) -> None:
        key = mnemonic(text)
        if key:
            claimed.setdefault(key, []).append(f"{what} {text!r}")

    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            claim(action.text(), "menu")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            claim(widget.text(), "label")
        elif isinstance(widget, QAbstractButton):
            claim(widget.text(), "button")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                claim(widget.tabText(i), "tab")
        elif isinstance(widget, QGroupBox):
            claim(widget.title(), "group")
    return {key: found for key, found in claimed.items() if len(found) > 1}


def menu_clashes(window: QWidget) -> dict[str, dict[str, list[str]]]:
    """Alt letters claimed twice among the items of one menu (each menu of ``window``, its
    submenus included), by the menu's title. Shown or not: a menu is opened over any page."""
    found: dict[str, dict[str, list[str]]] = {}
    for menu in window.findChildren(QMenu):
        claimed: dict[str, list[str]] = {}
        for action in menu.actions():
            key = None if action.isSeparator() else mnemonic(action.text())
            if key:
                claimed.setdefault(key, []).append(action.text())
        clash = {key: texts for key, texts in claimed.items() if len(texts) > 1}
        if clash:
            found[menu.title() or menu.objectName() or type(menu).__name__] = clash
    return found


def walk(window: QWidget, page: QWidget, where: str) -> Iterator[tuple[str, dict[str, list]]]:
    """The page as shown, then with each tab of each of its tab widgets chosen."""
    QApplication.processEvents()
    yield where, clashes(window)
    for tabs in [t for t in page.findChildren(QTabWidget) if t.isVisible()]:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield f"{where}, tab {tabs.tabText(index)!r}", clashes(window)


def _all_sections(session: Session, folder: Path) -> dict[str, dict[str, list]]:
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    found: dict[str, dict[str, list]] = {}
    try:
        window.show_session(session, str(folder), lambda: 299_000)
        view = window.session_view()
        assert view is not None
        menus = menu_clashes(window)
        if menus:
            found["menus"] = {title: list(clash.items()) for title, clash in menus.items()}
        for section in SECTIONS:
            view.go_to(section)
            for where, clash in walk(window, view.pages.currentWidget(), f"section {section}"):
                if clash:
                    found[where] = clash
        workspace = Workspace(session)
        for dialog in (
            AccessLogDialog(workspace),
            EnrolOfficerDialog(session),
            DecisionsDialog(workspace),
            *_record_dialogs(workspace, window),
            *(
                [FingerprintDialog(station_keys(session).card)]
                if session.setting("vault_mode", "") == "station"
                else []
            ),
        ):
            dialog.show()
            QApplication.processEvents()
            clash = clashes(dialog)
            if clash:
                found[type(dialog).__name__] = clash
            dialog.close()
    finally:
        window.close()
    return found


def _record_dialogs(workspace: Workspace, window: QWidget) -> list[QDialog]:
    """The dialogs that edit one record, on the first ad, directory company and case there
    are (the station has none), the withdrawal's reason, and the picture viewer."""
    ctx = workspace.ctx
    dialogs: list[QDialog] = []
    ads = ctx.records.find(AD_ENTITY)
    if ads:
        dialogs.append(CorrectAdDialog(workspace, ad_view(ads[0])))
    companies = ctx.records.find(COMPANY_ENTITY)
    if companies:
        dialogs.append(CompanyDialog(workspace, companies[0], []))
    cases = ctx.records.find(CASE_ENTITY)
    if cases:
        dialogs.append(LinkAdDialog(workspace, cases[0].entity_id))
    # The withdrawal of a tip and the removal of a company: the reason asked, one button.
    for context, button in (
        ("TipActions", "With&draw the tip"),
        ("CompanyActions", "Re&move from the directory"),
    ):
        text = translate(context, button)
        dialogs.append(WithdrawDialog("?", "", text, lambda _reason: Change("tip", "")))
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(0)
    dialogs.append(PictureViewer(picture, "", "", window))
    return dialogs


def _listed(found: dict[str, dict[str, list]]) -> str:
    return "\n".join(f"{where}: {clash}" for where, clash in found.items())


@pytest.mark.parametrize("code", ["sv", "en"])
def test_no_alt_key_clash_on_the_laptop(
    qtbot: Any,
    language: Callable[[str], None],
    demo_vault: tuple[Vault, str],
    code: str,
) -> None:
    language(code)
    vault, passphrase = demo_vault
    session = vault.unlock(DEMO_OFFICER_ID, passphrase)
    try:
        found = _all_sections(session, vault.data_dir)
        assert not found, _listed(found)
    finally:
        session.lock()


@pytest.mark.parametrize("code", ["sv", "en"])
def test_no_alt_key_clash_at_the_station(
    qtbot: Any, language: Callable[[str], None], station: Session, code: str
) -> None:
    language(code)
    found = _all_sections(station, station.vault.data_dir)
    assert not found, _listed(found)


def test_the_menu_detector_finds_a_clash_within_a_menu(qtbot: Any) -> None:
    """Two items of one menu with one letter clash; the same letter in two menus does not
    (each menu is its own scope), nor in a separator."""
    window = QWidget()
    qtbot.addWidget(window)
    first, second = QMenu("&Ärende", window), QMenu("&Arkiv", window)
    first.addAction("&Snabbanteckning")
    first.addSeparator()
    first.addAction("Vad som &saknas")
    second.addAction("&Skriv ut")
    assert menu_clashes(window) == {"&Ärende": {"s": ["&Snabbanteckning", "Vad som &saknas"]}}


@pytest.mark.parametrize("code", ["sv", "en"])
def test_withdrawing_a_tip_is_alt_l_on_the_tips_tab(
    qtbot: Any, language: Callable[[str], None], demo_vault: tuple[Vault, str], code: str
) -> None:
    """The tip's withdraw button has an Alt key of its own in both languages (in English
    it had none), and it reaches the button: with no tip chosen, the hint says so."""
    language(code)
    vault, passphrase = demo_vault
    session = vault.unlock(DEMO_OFFICER_ID, passphrase)
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    try:
        window.show_session(session, str(vault.data_dir), lambda: 299_000)
        view = window.session_view()
        assert view is not None
        view.go_to(mw.ADS)
        ads = view.ads
        ads.tabs.setCurrentWidget(ads.tips)
        actions = ads.tips.tip_actions
        assert mnemonic(actions.withdraw_button.text()) == "l"
        qtbot.waitUntil(window.isActiveWindow)
        QApplication.processEvents()
        assert not clashes(window)
        ads.tips.table.setFocus()  # the list of tips, none chosen
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        # A button's Alt key presses it as a click does, a moment later (animateClick).
        qtbot.waitUntil(actions.hint.isVisible)
        assert actions.hint.text()
    finally:
        window.close()
        session.lock()


def test_the_detector_finds_a_clash(qtbot: Any) -> None:
    """What the walks rely on: two buttons with one letter are a clash, && is no letter."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("&Gallra", "&Gå till", "Tom && Jerry"):
        layout.addWidget(QPushButton(text, window))
    window.show()
    assert list(clashes(window)) == ["g"]
    assert mnemonic("Tom && &Jerry") == "j"
