"""Sync fixtures: a station and laptops, each a real vault in its own folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from fieldapp.composition import open_vault
from fieldapp.storage.session import Session
from fieldapp.sync.enrol import enrol_station
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.register import register_laptop
from fieldapp.sync.station import StationCard, init_station, station_keys
from fieldapp.workflow import cases, operations, persons
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.workflow.conftest import BUYER, CET_SUMMER, Clock

STATION_OFFICER = "S200001"
STATION_NAME = "Sara Stationsson"
STATION_PASS = "stationen har ett eget lösen"


class Laptop:
    """One laptop: its vault, an open session and a workflow context; enrolled with the
    station's card and, given the ``station``, registered there (its laptop card imported)."""

    def __init__(self, folder: Path, card: StationCard, station: Session | None = None) -> None:
        self.vault = open_vault(folder)
        # The same service id on every laptop: keys are per device, not per officer id.
        self.session = self.vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
        enrol_station(self.session, card)
        if station is not None:
            self.register_at(station)
        self.clock = Clock(datetime(2026, 5, 14, 21, 0, tzinfo=CET_SUMMER))
        self.ctx = Context(self.session, self.clock)
        self.operation = operations.create_operation(
            self.ctx,
            {"name": "Insats", "start": "2026-05-11", "end": "2026-05-22"},
            with_county_contacts=False,
        ).entity_id

    def register_at(self, station: Session) -> None:
        """What station staff do with this laptop's card (again after a new officer)."""
        register_laptop(station, make_laptop_card(self.session))

    def new_case(self) -> tuple[str, str]:
        self.clock.advance(1)
        case = cases.open_case(
            self.ctx,
            self.operation,
            {"place_kind": "other", "address": "Gatan 1", "municipality": "Sala"},
        ).entity_id
        return case, persons.add_buyer(self.ctx, case, BUYER).entity_id


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Session]:
    session = init_station(
        open_vault(tmp_path / "station"),
        STATION_OFFICER,
        STATION_NAME,
        STATION_PASS,
        "Station Exempel",
        cost=TEST_COST,
    )
    yield session
    session.lock()


@pytest.fixture
def card(station: Session) -> StationCard:
    return station_keys(station).card


@pytest.fixture
def laptop_factory(tmp_path: Path, station: Session, card: StationCard) -> Iterator[object]:
    made: list[Laptop] = []

    def make(name: str, *, registered: bool = True) -> Laptop:
        laptop = Laptop(tmp_path / name, card, station if registered else None)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.session.lock()


@pytest.fixture
def laptop(laptop_factory: object) -> Laptop:
    return laptop_factory("laptop-a")  # type: ignore[operator,no-any-return]
