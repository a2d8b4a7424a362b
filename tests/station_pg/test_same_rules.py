"""One code path for the rules, two stores under it: the same bundles imported into a
station vault (SQLCipher) and a PostgreSQL station end in the same outcomes, alarms and
stored events."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.storage.events import Event, read_device_events
from fieldapp.storage.session import Session
from fieldapp.sync.importer import BundleAlarm, StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.sync.register import RegisterBook, register_laptop
from fieldapp.sync.station import StationCard, init_station, station_keys
from tests.conftest import TEST_COST
from tests.sync.conftest import Laptop
from tests.sync.helpers import resealed_event, seal


def _scenario(
    card: StationCard,
    station: Session | RegisterBook,
    laptops: list[Laptop],
) -> list[str]:
    """Register the first laptop (not the second), then: a later part first (held), the
    earlier part (imported, releasing the later), the whole log again (a duplicate), a
    forked chain, and the unregistered laptop's log. Each bundle's outcome or alarm."""
    registered, stranger = laptops
    laptop_card = make_laptop_card(registered.session)
    register_laptop(station, dataclasses.replace(laptop_card, station=card.fingerprint))
    session = registered.session
    events = list(session.events())
    half = len(events) // 2

    def sealed(part: list[Event], who: Laptop = registered) -> bytes:
        s = who.session
        return seal(card, part, {}, s, vault_id=s.vault_id)

    forked = [*events[:-1], resealed_event(events[-1], session, zone="XYZ+0900")]
    bundles = [
        sealed(events[half:]),
        sealed(events[:half]),
        sealed(events),
        sealed(forked),
        sealed(list(stranger.session.events()), stranger),
    ]
    importer = StationImporter(station)  # type: ignore[arg-type]
    seen = []
    for data in bundles:
        try:
            outcome = importer.import_bytes(data)
        except BundleAlarm as alarm:
            seen.append(f"alarm:{alarm.kind.value}")
            continue
        released = ",".join(r.status.value for r in outcome.released)
        seen.append(f"{outcome.status.value}:{outcome.new_events}[{released}]")
    return seen


def test_the_same_outcomes_from_both_stores(pg_station: PgStationStore, tmp_path: Path) -> None:
    vault_station = init_station(
        open_vault(tmp_path / "station"),
        "S1",
        "Sara Station",
        "blåa tåg går sent i natt",
        "Station Exempel",
        cost=TEST_COST,
    )
    # The laptops' logs are made once; each station gets them sealed to its own card.
    laptops = [Laptop(tmp_path / name, pg_station.keys.card) for name in ("a", "b")]
    laptops[0].new_case()
    in_vault = _scenario(station_keys(vault_station).card, vault_station, laptops)
    in_pg = _scenario(pg_station.keys.card, pg_station, laptops)
    assert in_vault == in_pg
    assert in_pg[0].startswith("held") and in_pg[1].startswith("imported")
    assert in_pg[2].startswith("duplicate")
    assert in_pg[3:] == ["alarm:fork", "alarm:unregistered"]
    device = laptops[0].session.device_id
    stored_vault = [
        (e.seq, e.entry_hash, e.signature, e.body)
        for e in read_device_events(vault_station.conn, device)
    ]
    stored_pg = [(e.seq, e.entry_hash, e.signature, e.body) for e in pg_station.read_events(device)]
    assert stored_vault == stored_pg
    assert vault_station.verify().ok
    vault_station.lock()
    for laptop in laptops:
        laptop.session.lock()
