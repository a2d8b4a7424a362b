"""Settings IT manages (issue #17): applied at login, shown as managed, not changeable
here; the station card enrolled without an officer doing it; documents print to the
managed printer without a dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from fieldapp import provisioning
from fieldapp.composition import open_vault
from fieldapp.storage.vault import Vault
from fieldapp.sync.enrol import enrolled_station
from fieldapp.sync.station import StationCard, init_station, station_keys
from tests.conftest import ADMIN_ID, ADMIN_PASS, FIELD_ID, FIELD_PASS, TEST_COST
from tests.ui.conftest import log_in
from ui.i18n import LANGUAGES
from ui.managed import print_to


@pytest.fixture
def card(tmp_path: Path) -> StationCard:
    session = init_station(
        open_vault(tmp_path / "station"), "S300001", "Stina Stationsdotter",
        "ett långt stationslösen", "Station Provsta", cost=TEST_COST,
    )  # fmt: skip
    try:
        return station_keys(session).card
    finally:
        session.lock()


@pytest.fixture
def managed(tmp_path: Path, card: StationCard) -> provisioning.Managed:
    folder = tmp_path / "ProgramData"
    folder.mkdir()
    card.save(folder / "station.json")
    path = folder / "fieldapp.toml"
    path.write_text(
        'format = "fieldapp-provisioning"\nversion = 1\ncounty = "vastmanland"\n'
        'station_card = "station.json"\nidle_lock_minutes = 3\nlanguage = "sv"\n'
        'printer = "Polisen-Utskrift-3"\n',
        "utf-8",
    )
    found = provisioning.check(path)
    assert found.problems == ()
    return found


def test_the_ui_s_languages_are_the_ones_a_file_may_manage() -> None:
    assert provisioning.LANGUAGES == LANGUAGES


def test_managed_settings_apply_and_cannot_be_changed(
    make_controller: Any,
    two_officer_vault: Vault,
    managed: provisioning.Managed,
    card: StationCard,
    tmp_path: Path,
) -> None:
    controller = make_controller(two_officer_vault, managed=managed)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    assert controller.session is not None
    assert controller.idle_lock.timeout_ms == 3 * 60 * 1000
    # The first administrator to log in enrolled IT's station card.
    enrolled = enrolled_station(controller.session)
    assert enrolled is not None and enrolled.fingerprint == card.fingerprint
    window = controller.main_window
    view = window.session_view()
    settings = view.settings
    assert not settings.language.isEnabled() and settings.language.code() == "sv"
    assert not settings.idle.isEnabled() and settings.idle.value() == 3
    assert settings.managed_note.isVisibleTo(settings)
    note = settings.managed_note.text()
    assert str(managed.source) in note and "Polisen-Utskrift-3" in note
    county = view.operations.form.county
    assert not county.isEnabled() and county.code() == "vastmanland"
    # Printing goes to the managed printer; this machine has none, so the dialog asks.
    assert view.workspace.ask_printer is window.ask_printer is not None


def test_a_managed_printer_that_is_not_installed_falls_back_to_the_dialog() -> None:
    asked: list[str] = []

    def dialog(printer: QPrinter, _parent: Any) -> bool:
        asked.append(printer.printerName())
        return False

    # No printer is installed on the test machine (QPrinterInfo lists none), so only the
    # fallback can be tried here; on a machine with it, the printer is used without asking.
    assert QPrinterInfo.availablePrinterNames() == []
    assert print_to("Polisen-Utskrift-3", dialog)(QPrinter(), None) is False
    assert asked == [""]


def test_a_field_officer_logs_in_without_the_card_being_enrolled(
    make_controller: Any, two_officer_vault: Vault, managed: provisioning.Managed
) -> None:
    controller = make_controller(two_officer_vault, managed=managed)
    log_in(controller, FIELD_ID, FIELD_PASS)
    assert controller.session is not None
    assert enrolled_station(controller.session) is None  # only an administrator enrols


def test_nothing_managed_leaves_every_setting_open(
    make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    view = controller.main_window.session_view()
    assert view.settings.language.isEnabled() and view.settings.idle.isEnabled()
    assert not view.settings.managed_note.isVisibleTo(view.settings)
    assert view.operations.form.county.isEnabled()


def test_a_broken_file_manages_nothing_and_the_officer_sees_why(
    make_controller: Any, two_officer_vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "fieldapp.toml"
    path.write_text(
        'format = "fieldapp-provisioning"\nversion = 1\nidle_lock_minutes = "fem"\n', "utf-8"
    )
    broken = provisioning.check(path)
    controller = make_controller(two_officer_vault, managed=broken)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    view = controller.main_window.session_view()
    settings = view.settings
    view.go_to(view.pages.indexOf(settings))
    assert settings.idle.isEnabled()  # nothing managed: the local setting stays open
    assert not settings.managed_note.isVisibleTo(settings)
    assert settings.managed_problems.isVisibleTo(settings)
    text = settings.managed_problems.text()
    assert str(path) in text
    assert "rad 3 · idle_lock_minutes · Måste vara ett helt antal minuter." in text


def test_a_good_file_shows_no_problems(
    make_controller: Any, two_officer_vault: Vault, managed: provisioning.Managed
) -> None:
    controller = make_controller(two_officer_vault, managed=managed)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    settings = controller.main_window.session_view().settings
    assert not settings.managed_problems.isVisibleTo(settings)
