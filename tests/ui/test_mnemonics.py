"""Alt keys are unique on every page: walking each section (and each tab in it) of the
laptop's and the station's window, and the dialogs, in Swedish and English, no two widgets
shown at once (the menu bar included) claim the same Alt+letter. Qt would only cycle
between them, so Alt+G could land in a tab when the officer meant the Go menu."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from fieldapp.ads.kinds import AD_ENTITY
from fieldapp.ads.model import ad_view
from fieldapp.demo import DEMO_OFFICER_ID
from fieldapp.domain.outreach import COMPANY_ENTITY
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from fieldapp.sync.station import station_keys
from tests.sync import conftest as sync_fixtures
from ui import main_window as mw
from ui.ads.correct_dialog import CorrectAdDialog
from ui.ads.decisions_dialog import DecisionsDialog
from ui.dialogs.access_log import AccessLogDialog
from ui.dialogs.directory_edits import CompanyDialog
from ui.dialogs.enrol_officer import EnrolOfficerDialog
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
            *_record_dialogs(workspace),
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


def _record_dialogs(workspace: Workspace) -> list[QDialog]:
    """The dialogs that edit one record, on the first ad and directory company there are
    (the station has neither)."""
    ctx = workspace.ctx
    dialogs: list[QDialog] = []
    ads = ctx.records.find(AD_ENTITY)
    if ads:
        dialogs.append(CorrectAdDialog(workspace, ad_view(ads[0])))
    companies = ctx.records.find(COMPANY_ENTITY)
    if companies:
        dialogs.append(CompanyDialog(workspace, companies[0], []))
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
