"""The import rules over a PostgreSQL station: the same importer as the vault's, on a
real server (one code path for the rules, two stores under it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.errors import KnownError
from fieldapp.sync.bundle import BundleRejected
from fieldapp.sync.export import acknowledge, export_bundle
from fieldapp.sync.importer import AlarmKind, BundleAlarm, StationImporter, Status
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore, init_pg_station, open_pg_station
from fieldapp.sync.register import register_laptop, registered_laptops, revoke_laptop
from tests.station_pg.conftest import UNLOCK, alarms, pg_state
from tests.sync.conftest import Laptop
from tests.sync.helpers import resealed_event, seal


def _laptop(tmp_path: Path, store: PgStationStore, name: str, *, registered: bool = True) -> Laptop:
    laptop = Laptop(tmp_path / name, store.keys.card)
    if registered:
        register_laptop(store, make_laptop_card(laptop.session))
    return laptop


def _export(laptop: Laptop, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    exported = export_bundle(laptop.session, out)
    assert exported is not None
    return exported.path


def test_import_receipt_and_acknowledgement(pg_station: PgStationStore, tmp_path: Path) -> None:
    laptop = _laptop(tmp_path, pg_station, "a")
    laptop.new_case()
    path = _export(laptop, tmp_path / "out")
    outcome = StationImporter(pg_station).import_file(path)
    assert outcome.status is Status.IMPORTED
    own = list(laptop.session.events())
    assert outcome.new_events == len(own)
    held = pg_station.read_events(laptop.session.device_id)
    assert [(e.seq, e.entry_hash, e.body) for e in held] == [
        (e.seq, e.entry_hash, e.body) for e in own
    ]
    receipt = tmp_path / "r.receipt"
    receipt.write_text(json.dumps(outcome.receipt))
    assert acknowledge(laptop.session, receipt) == len(own)  # the laptop checks its signature
    assert pg_station.verify().ok
    laptop.session.lock()


def test_same_bundle_again_changes_nothing(pg_station: PgStationStore, tmp_path: Path) -> None:
    laptop = _laptop(tmp_path, pg_station, "a")
    laptop.new_case()
    path = _export(laptop, tmp_path / "out")
    importer = StationImporter(pg_station)
    importer.import_file(path)
    before = pg_state(pg_station)
    assert importer.import_file(path).status is Status.DUPLICATE
    assert importer.import_bytes(path.read_bytes()).status is Status.DUPLICATE
    assert pg_state(pg_station) == before
    laptop.new_case()  # not acknowledged: the next bundle repeats the first one's events
    outcome = importer.import_file(_export(laptop, tmp_path / "2"))
    assert (outcome.status, outcome.new_events) == (Status.IMPORTED, 2)
    laptop.session.lock()


def test_a_gap_is_held_until_the_missing_events_arrive(
    pg_station: PgStationStore, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path, pg_station, "a")
    laptop.new_case()
    events = list(laptop.session.events())
    card, session = pg_station.keys.card, laptop.session
    vault_id = session.vault_id
    early = seal(card, events[:3], {}, session, vault_id=vault_id)
    late = seal(card, events[3:], {}, session, vault_id=vault_id)
    importer = StationImporter(pg_station)
    assert importer.import_bytes(late).status is Status.HELD
    outcome = importer.import_bytes(early)
    assert outcome.status is Status.IMPORTED
    assert [r.status for r in outcome.released] == [Status.IMPORTED]
    assert len(pg_station.read_events(session.device_id)) == len(events)
    assert pg_station._conn.execute("SELECT count(*) FROM pending_bundles").fetchone() == (0,)
    laptop.session.lock()


def test_an_unregistered_laptop_is_refused_before_anything_is_stored(
    pg_station: PgStationStore, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path, pg_station, "a", registered=False)
    path = _export(laptop, tmp_path / "out")
    before = pg_state(pg_station)
    with pytest.raises(BundleAlarm) as refused:
        StationImporter(pg_station).import_file(path)
    assert refused.value.kind is AlarmKind.UNREGISTERED
    assert pg_state(pg_station)[: len(before)] == before  # only the alarm's own event
    assert [a["kind"] for a in alarms(pg_station)] == ["unregistered"]
    assert pg_station.read_events(laptop.session.device_id) == []
    laptop.session.lock()


def test_a_revoked_laptop_beyond_what_was_held_is_refused(
    pg_station: PgStationStore, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path, pg_station, "a")
    importer = StationImporter(pg_station)
    importer.import_file(_export(laptop, tmp_path / "1"))
    revoked = revoke_laptop(pg_station, laptop.session.device_id, "stolen")
    assert revoked.accepted_through == len(list(laptop.session.events()))
    assert [lp.revoked for lp in registered_laptops(pg_station)] == [True]
    laptop.new_case()
    with pytest.raises(BundleAlarm) as refused:
        importer.import_file(_export(laptop, tmp_path / "2"))
    assert refused.value.kind is AlarmKind.REVOKED
    laptop.session.lock()


def test_a_forked_chain_and_a_forged_signature_raise_alarms(
    pg_station: PgStationStore, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path, pg_station, "a")
    laptop.new_case()
    session = laptop.session
    events = list(session.events())
    importer = StationImporter(pg_station)
    card = pg_station.keys.card
    importer.import_bytes(seal(card, events, {}, session, vault_id=session.vault_id))
    before = pg_state(pg_station)
    # The same chain with a different last event, correctly signed: a cloned laptop.
    forked = [*events[:-1], resealed_event(events[-1], session, zone="XYZ+0900")]
    with pytest.raises(BundleAlarm) as fork:
        importer.import_bytes(seal(card, forked, {}, session, vault_id=session.vault_id))
    assert fork.value.kind is AlarmKind.FORK
    # New events whose signature does not verify: nothing of them is stored.
    laptop.new_case()
    more = list(session.events())[len(events) :]
    bad = [*more[:-1], _with_bad_signature(more[-1])]
    with pytest.raises(BundleAlarm) as forged:
        importer.import_bytes(seal(card, bad, {}, session, vault_id=session.vault_id))
    assert forged.value.kind is AlarmKind.BAD_CHAIN
    assert [r for r in pg_state(pg_station) if r in before] == before
    assert len(pg_station.read_events(session.device_id)) == len(events)
    assert [a["kind"] for a in alarms(pg_station)] == ["fork", "bad_chain"]
    session.lock()


def _with_bad_signature(event: object) -> object:
    from dataclasses import replace

    return replace(event, signature=bytes(64))  # type: ignore[type-var]


def test_a_damaged_bundle_is_refused_whole(pg_station: PgStationStore, tmp_path: Path) -> None:
    laptop = _laptop(tmp_path, pg_station, "a")
    path = _export(laptop, tmp_path / "out")
    before = pg_state(pg_station)
    with pytest.raises(BundleRejected):
        StationImporter(pg_station).import_bytes(path.read_bytes()[:-10])
    assert pg_state(pg_station) == before
    laptop.session.lock()


def test_opening_with_the_wrong_station_expected_is_refused(
    pg_station: PgStationStore, pg_database: str
) -> None:
    with pytest.raises(KnownError) as refused:
        open_pg_station(pg_database, expect="AAAA-BBBB-CCCC-DDDD-EEEE", **UNLOCK)
    assert refused.value.code == "station_db_other_station"
    same = open_pg_station(pg_database, expect=pg_station.keys.card.fingerprint, **UNLOCK)
    assert same.keys.card == pg_station.keys.card
    same.close()
    with pytest.raises(KnownError) as again:
        init_pg_station(pg_database, "Igen", **UNLOCK)
    assert again.value.code == "station_db_exists"
