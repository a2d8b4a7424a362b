"""The Sync page on a laptop: enrolling the station's card after comparing the fingerprint,
exporting a bundle, recording a receipt, and the retention purge, on real vaults."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from fieldapp.composition import open_vault
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.sync.enrol import enrolled_station
from fieldapp.sync.export import acked_seq, export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.retention import set_retention_days
from fieldapp.sync.station import StationCard
from fieldapp.workflow import cases
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Laptop
from ui.sync import SyncPage, make_sync_page
from ui.sync.fingerprint import FingerprintDialog, spaced
from ui.sync.laptop import LaptopSyncView

# The sync tests' real vaults: a station, its card, and laptops that enrolled it.
station = sync_fixtures.station
card = sync_fixtures.card
laptop_factory = sync_fixtures.laptop_factory
laptop = sync_fixtures.laptop


@pytest.fixture(autouse=True)
def english(language: Callable[[str], None]) -> None:
    """These tests read the English texts; the Swedish ones are checked by the i18n test."""
    language("en")


@pytest.fixture
def new_laptop(tmp_path: Path) -> Iterator[Session]:
    """A laptop that has not enrolled any station yet."""
    session = open_vault(tmp_path / "new-laptop").create(
        ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST
    )
    yield session
    session.lock()


def laptop_view(qtbot: Any, session: Session, **kwargs: Any) -> LaptopSyncView:
    view = LaptopSyncView(session, **kwargs)
    qtbot.addWidget(view)
    view.resize(1166, 700)
    view.show()
    return view


def test_the_page_is_the_laptop_view_on_a_laptop(qtbot: Any, new_laptop: Session) -> None:
    page = make_sync_page(new_laptop, None)
    qtbot.addWidget(page)
    assert isinstance(page, SyncPage)
    assert page.laptop is not None and page.station is None
    assert not page.is_busy()


def test_enrolling_a_card_shows_its_fingerprint(
    qtbot: Any, new_laptop: Session, card: StationCard, tmp_path: Path
) -> None:
    card_file = tmp_path / "card.json"
    card.save(card_file)
    view = laptop_view(qtbot, new_laptop)
    assert view.enrol_button.isVisible()
    assert not view.export_button.isEnabled()  # nothing to seal bundles to yet
    shown: list[StationCard] = []

    def compared(_parent: QWidget, offered: StationCard) -> bool:
        shown.append(offered)
        return True

    view.ask_card_file = lambda _parent: card_file
    view.confirm_card = compared
    view.enrol_button.click()

    assert [c.fingerprint for c in shown] == [card.fingerprint]
    assert enrolled_station(new_laptop) == card
    assert view.fingerprint.isVisible()
    assert view.fingerprint.text() == spaced(card.fingerprint)
    assert card.name in view.station_name.text()
    assert not view.enrol_button.isVisible()
    assert view.export_button.isEnabled()
    assert view.station_message.property("severity") == "ok"


def test_an_unconfirmed_fingerprint_enrols_nothing(
    qtbot: Any, new_laptop: Session, card: StationCard, tmp_path: Path
) -> None:
    card_file = tmp_path / "card.json"
    card.save(card_file)
    view = laptop_view(qtbot, new_laptop)
    view.ask_card_file = lambda _parent: card_file
    view.confirm_card = lambda _parent, _card: False
    view.enrol_button.click()
    assert enrolled_station(new_laptop) is None
    assert view.enrol_button.isVisible()
    assert view.station_message.isVisible()


def test_a_damaged_card_is_refused_inline(
    qtbot: Any, new_laptop: Session, card: StationCard, tmp_path: Path
) -> None:
    data = card.to_json()
    data["fingerprint"] = "AAAA-BBBB-CCCC-DDDD-EEEE"
    card_file = tmp_path / "card.json"
    card_file.write_text(json.dumps(data))
    view = laptop_view(qtbot, new_laptop)
    view.ask_card_file = lambda _parent: card_file
    view.confirm_card = lambda _parent, _card: pytest.fail("a damaged card is never offered")
    view.enrol_button.click()
    assert view.station_message.is_error()
    assert "fingerprint does not match" in view.station_message.text()
    assert enrolled_station(new_laptop) is None


def test_the_fingerprint_dialog_defaults_to_cancel(qtbot: Any, card: StationCard) -> None:
    dialog = FingerprintDialog(card)
    qtbot.addWidget(dialog)
    assert dialog.fingerprint.text() == spaced(card.fingerprint)
    assert card.name in dialog.heading.text()
    assert dialog.cancel_button.isDefault()
    assert not dialog.match_button.isDefault()
    with qtbot.waitSignal(dialog.accepted):
        dialog.match_button.click()


def test_export_writes_a_bundle_and_says_what_is_in_it(
    qtbot: Any, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    stick = tmp_path / "usb"
    stick.mkdir()
    view = laptop_view(qtbot, laptop.session)
    last, _ = laptop.session.log.head()
    assert str(last) in view.pending.text()
    view.ask_export_folder = lambda _parent: stick
    view.export_button.click()
    exported = view.last_export
    assert exported is not None and exported.path.parent == stick
    assert exported.path.exists()
    assert exported.path.name in view.send_message.text()
    assert str(exported.header.count) in view.send_message.text()
    assert view.send_message.property("severity") == "ok"


def test_a_receipt_from_elsewhere_is_refused_inline(
    qtbot: Any, laptop: Laptop, tmp_path: Path
) -> None:
    junk = tmp_path / "x.receipt"
    junk.write_text("{}")
    view = laptop_view(qtbot, laptop.session)
    view.ask_receipt_file = lambda _parent: junk
    view.receipt_button.click()
    assert view.send_message.is_error()
    assert acked_seq(laptop.session) == 0


def test_receipt_then_retention_purge(
    qtbot: Any, station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    case_id, _ = laptop.new_case()
    cases.transfer_case(laptop.ctx, case_id, "Utredningsenheten")
    set_retention_days(laptop.session, 0)  # an event: set before the bundle that carries it
    exported = export_bundle(laptop.session, tmp_path)
    assert exported is not None
    outcome = StationImporter(station).import_file(exported.path)
    receipt = tmp_path / "r.receipt"
    receipt.write_text(json.dumps(outcome.receipt))
    later = datetime.now().astimezone() + timedelta(days=1)
    view = laptop_view(qtbot, laptop.session, clock=lambda: later)
    assert not view.purge_button.isEnabled()  # nothing acknowledged yet
    view.ask_receipt_file = lambda _parent: receipt
    with qtbot.waitSignal(view.changed):
        view.receipt_button.click()
    assert acked_seq(laptop.session) == outcome.new_events
    assert "acknowledged everything" in view.pending.text()
    assert view.purge_button.isEnabled()
    assert "1" in view.due.text()

    view.confirm_purge = lambda _parent, _question: False
    view.purge_button.click()
    assert Records(laptop.session.conn).get("case", case_id) is not None

    questions: list[str] = []
    view.confirm_purge = lambda _parent, question: questions.append(question) is None
    view.purge_button.click()
    assert questions and "1" in questions[0]
    assert Records(laptop.session.conn).get("case", case_id) is None
    assert not view.purge_button.isEnabled()
    assert view.retention_message.property("severity") == "ok"
    assert laptop.session.verify().ok

    view.ask_export_folder = lambda _parent: tmp_path
    view.export_button.click()  # the purge is an event: it goes to the station too
    assert view.last_export is not None
