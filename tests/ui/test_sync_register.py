"""The station's Laptops tab: a laptop card registered only after the fingerprint dialog
is accepted, the register listed (``qtmodeltester``), a laptop revoked with a reason after
a confirmation, and a damaged card refused in words, never offered for confirmation."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.storage.session import Session
from fieldapp.sync.laptop_card import LaptopCard, make_laptop_card
from fieldapp.sync.register import registered_laptops
from tests.sync import conftest as sync_fixtures
from ui.sync import SyncPage, make_sync_page
from ui.sync.fingerprint import LaptopFingerprintDialog, spaced
from ui.sync.laptops import RegisteredLaptopModel
from ui.sync.station import StationSyncView

station = sync_fixtures.station
card = sync_fixtures.card
laptop_factory = sync_fixtures.laptop_factory


@pytest.fixture(autouse=True)
def english(language: Callable[[str], None]) -> None:
    language("en")


def _view(qtbot: Any, session: Session) -> tuple[SyncPage, StationSyncView]:
    page = make_sync_page(session, None)
    qtbot.addWidget(page)
    assert isinstance(page, SyncPage) and page.station is not None
    page.resize(1366, 768)
    page.show()
    page.station.tabs.setCurrentWidget(page.station.laptops_tab)
    return page, page.station


def test_register_a_laptop_card_after_comparing_and_revoke_it(
    qtbot: Any, qtmodeltester: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    laptop = laptop_factory("unregistered", registered=False)
    path = tmp_path / "laptop-card.json"
    laptop_card = make_laptop_card(laptop.session)
    laptop_card.save(path)
    _page, view = _view(qtbot, station)
    tab = view.laptops_tab
    assert tab.model.rowCount() == 0 and not tab.revoke_button.isEnabled()
    assert not tab.county.isVisibleTo(tab)  # a station vault is one county's: no choice
    assert "county" not in tab.model.COLUMNS  # nor a column for it
    shown: list[str] = []
    tab.ask_laptop_card_file = lambda _parent: path
    tab.confirm_laptop_card = lambda _parent, c: shown.append(c.fingerprint) or False
    tab.register_button.click()
    assert shown == [laptop_card.fingerprint] and registered_laptops(station) == []
    assert "not confirmed" in tab.message.text()
    tab.confirm_laptop_card = lambda _parent, _c: True
    tab.register_button.click()
    assert [r.device_id for r in registered_laptops(station)] == [laptop.session.device_id]
    assert tab.model.rowCount() == 1 and "Registered laptop" in tab.message.text()
    qtmodeltester.check(tab.model)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    assert tab.revoke_button.isEnabled()
    tab.reason.setCurrentIndex(tab.reason.findData("lost"))
    tab.note.setText("Glömd på tåget.")
    questions: list[str] = []
    tab.confirm = lambda _parent, q: questions.append(q) or False
    tab.revoke_button.click()
    assert not registered_laptops(station)[0].revoked  # not confirmed: nothing done
    tab.confirm = lambda _parent, q: questions.append(q) or True
    tab.revoke_button.click()
    [revoked] = registered_laptops(station)
    assert revoked.revoked and revoked.revoke_reason == "lost"
    assert revoked.revoke_note == "Glömd på tåget."
    assert laptop.session.device_id[:8] in questions[0]
    assert tab.model.data(tab.model.index(0, 3)) == "Revoked: Lost"
    assert not tab.revoke_button.isEnabled()


def test_a_damaged_laptop_card_is_refused_in_words(
    qtbot: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    laptop = laptop_factory("damaged", registered=False)
    data = make_laptop_card(laptop.session).to_json()
    data["officers"] = {**data["officers"], "X1": next(iter(data["officers"].values()))}
    path = tmp_path / "laptop-card.json"
    path.write_text(json.dumps(data))
    _page, view = _view(qtbot, station)
    tab = view.laptops_tab
    tab.ask_laptop_card_file = lambda _parent: path
    tab.confirm_laptop_card = lambda _parent, _c: pytest.fail("a damaged card is never offered")
    tab.register_button.click()
    assert "cannot be used" in tab.message.text() and registered_laptops(station) == []
    tab.ask_laptop_card_file = lambda _parent: Path("/dev/zero")
    tab.register_button.click()
    assert "not a regular file" in tab.message.text()


def test_the_laptop_fingerprint_dialog_and_the_tab_at_1366x768(
    qtbot: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    """Pictures to look at (``SYNC_SHOTS_DIR``); the dialog defaults to Cancel."""
    folder = Path(os.environ.get("SYNC_SHOTS_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    laptop_factory("Laptop A")
    laptop_factory("Laptop B")
    page, _unused = _view(qtbot, station)
    QApplication.sendPostedEvents()
    assert page.grab().save(str(folder / "station-laptops.png"))
    laptop_card = LaptopCard.from_json(
        make_laptop_card(laptop_factory("Laptop C", registered=False).session).to_json()
    )
    dialog = LaptopFingerprintDialog(laptop_card)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fingerprint.text() == spaced(laptop_card.fingerprint)
    assert dialog.cancel_button.isDefault() and not dialog.match_button.autoDefault()
    QApplication.sendPostedEvents()
    assert dialog.grab().save(str(folder / "laptop-fingerprint-dialog.png"))


def test_the_model_passes_the_model_tester(qtmodeltester: Any, station: Session) -> None:
    model = RegisteredLaptopModel()
    model.load(registered_laptops(station))
    qtmodeltester.check(model)


def test_the_laptop_saves_its_card_and_shows_the_fingerprint_the_station_will(
    qtbot: Any, station: Session, laptop_factory: Any, tmp_path: Path
) -> None:
    laptop = laptop_factory("new", registered=False)
    page = make_sync_page(laptop.session, None)
    qtbot.addWidget(page)
    assert isinstance(page, SyncPage) and page.laptop is not None
    page.resize(1366, 768)
    page.show()
    view = page.laptop
    target = tmp_path / "usb" / "laptop-card.json"
    target.parent.mkdir()
    view.ask_laptop_card_target = lambda _parent: target
    view.laptop_card_button.click()
    saved = LaptopCard.load(target)
    assert view.laptop_fingerprint.accessibleName() == saved.fingerprint
    assert "Saved laptop-card.json" in view.station_message.text()
    _station_page, station_view = _view(qtbot, station)
    station_view.laptops_tab.ask_laptop_card_file = lambda _parent: target
    station_view.laptops_tab.confirm_laptop_card = lambda _parent, c: (
        c.fingerprint == view.laptop_fingerprint.accessibleName()
    )
    station_view.laptops_tab.register_button.click()
    assert [r.device_id for r in registered_laptops(station)] == [laptop.session.device_id]
