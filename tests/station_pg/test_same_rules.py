"""One code path for the rules, two stores under it: the same bundles imported into a
station vault (SQLCipher) and a PostgreSQL station end in the same outcomes, alarms and
stored events."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fieldapp.storage.events import Event, read_device_events
from fieldapp.storage.records import NOT_RECORDS, SQLITE, Records, amend_draft, void_draft
from fieldapp.storage.session import Session
from fieldapp.sync.importer import BundleAlarm, StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.sync.register import RegisterBook, register_laptop
from fieldapp.sync.review import ReviewStore, open_conflicts, settle
from fieldapp.sync.station import StationCard, station_keys
from fieldapp.workflow import entities, evidence
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


def test_the_same_outcomes_from_both_stores(
    pg_station: PgStationStore, vault_station: Session, tmp_path: Path
) -> None:
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


def _edits_at_the_station(store: ReviewStore, elements: list[str]) -> None:
    """A reviewer changes the first element's amount and withdraws the second, neither
    having seen what the laptop does meanwhile (the same code on both stores)."""
    records = Records(store.conn)
    first, second = (records.get("element", e) for e in elements)
    assert first is not None and second is not None
    store.append([amend_draft(first, {"amount": 1800})])
    store.append([void_draft(second, "entered twice")])


def _projection(
    store: ReviewStore, station_device: str, own_ids: set[str], laptop_ids: set[tuple[str, str]]
) -> object:
    """Records, their changes and conflicts of the laptop's entities, with the station's
    own event ids, times and signer (which differ between the two stations) as the order
    they came in: what the rules made, comparable across stores."""
    conn = store.conn
    dialect = getattr(conn, "dialect", SQLITE)
    own: dict[str, str] = {}
    rows = conn.execute(
        "SELECT id, wall_time, officer_id FROM events WHERE device_id = ? ORDER BY seq",
        (station_device,),
    ).fetchall()
    for n, (event_id, wall_time, officer) in enumerate(r for r in rows if r[0] in own_ids):
        own.update({event_id: f"S{n}", wall_time: f"T{n}", officer: "STATION"})

    def same(value: object) -> object:
        return own.get(value, value) if isinstance(value, str) else value

    records = Records(conn)
    found = [records.get(t, i) for t, i in sorted(laptop_ids)]
    return (
        [tuple(same(v) for v in dataclasses.astuple(r)) for r in found if r is not None],
        [
            tuple(same(v) for v in row)
            for row in conn.execute(
                "SELECT entity_type, entity_id, event_id, fields FROM record_changes "
                f"ORDER BY {dialect.order_column}"
            ).fetchall()
        ],
        [
            (
                *(same(v) for v in row[:3]),
                dialect.load_data(row[3], *row[:3], row[6], "incoming"),
                same(row[4]),
                dialect.load_data(row[5], *row[:3], row[6], "current"),
            )
            for row in conn.execute(
                "SELECT entity_type, entity_id, field, incoming_value, resolved_by, "
                f"current_value, incoming_event FROM conflicts ORDER BY {dialect.order_column}"
            ).fetchall()
        ],
    )


def _ids(store: ReviewStore) -> set[str]:
    return {str(r[0]) for r in store.conn.execute("SELECT id FROM events").fetchall()}


def test_the_same_records_and_conflicts_in_both_stores(
    pg_station: PgStationStore, vault_station: Session, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    case_id, buyer_id = laptop.new_case()
    elements = [
        evidence.record_element(
            laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": amount}
        ).entity_id
        for amount in (1500, 300)
    ]
    session = laptop.session
    before = list(session.events())
    stations: list[tuple[StationCard, ReviewStore, str, Session | RegisterBook]] = [
        (station_keys(vault_station).card, vault_station, vault_station.device_id, vault_station),
        (pg_station.keys.card, pg_station.reviewer(), pg_station.device_id, pg_station),
    ]
    for card, _store, _device, register in stations:
        laptop_card = make_laptop_card(session)
        register_laptop(register, dataclasses.replace(laptop_card, station=card.fingerprint))
    own: dict[str, set[str]] = {}  # per station: its own events about the laptop's records
    for card, store, device, register in stations:
        importer = StationImporter(register)  # type: ignore[arg-type]
        importer.import_bytes(seal(card, before, {}, session, vault_id=session.vault_id))
        seen = _ids(store)
        _edits_at_the_station(store, elements)
        own[device] = _ids(store) - seen
    # Meanwhile on the laptop: both amounts corrected, the case's room given (merges).
    evidence.correct_element(laptop.ctx, elements[0], {"amount": 2000})
    evidence.correct_element(laptop.ctx, elements[1], {"amount": 400})
    entities.amend(laptop.ctx, "case", case_id, {"room": "412"})
    every = list(session.events())
    laptop_ids = {
        (e.entity_type, e.entity_id)
        for e in every
        if e.kind == "create" and e.entity_type not in NOT_RECORDS
    }
    projections = []
    for card, store, device, register in stations:
        importer = StationImporter(register)  # type: ignore[arg-type]
        importer.import_bytes(seal(card, every, {}, session, vault_id=session.vault_id))
        middle = _projection(store, device, own[device], laptop_ids)
        fields = sorted(c.field for c in open_conflicts(store))
        assert fields == ["(void)", "amount"]
        assert Records(store.conn).get("case", case_id).get("room") == "412"  # type: ignore[union-attr]
        for conflict in open_conflicts(store):
            seen = _ids(store)
            keep = "incoming" if conflict.field == "amount" else "current"
            settle(store, conflict.id, keep, None)
            own[device] |= _ids(store) - seen
        assert open_conflicts(store) == []
        projections.append((middle, _projection(store, device, own[device], laptop_ids)))
    assert projections[0] == projections[1]
    (records_before, changes_before, conflicts_before), _ = projections[1]
    assert len(records_before) == len(laptop_ids) and len(changes_before) >= 4
    assert [c[2] for c in conflicts_before] == ["amount", "(void)"]
    records = Records(pg_station.reviewer().conn)
    assert records.get("element", elements[0]).get("amount") == 2000  # type: ignore[union-attr]
    assert records.get("element", elements[1]).voided  # type: ignore[union-attr]
    vault_station.lock()
    session.lock()
