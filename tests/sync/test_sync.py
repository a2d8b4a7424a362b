"""Station sync on real vaults: bundles, import rules, alarms, receipts, merge, recovery."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from fieldapp import second_process
from fieldapp.composition import open_vault
from fieldapp.errors import KnownError
from fieldapp.storage.events import read_device_events
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.sync import importer as importer_module
from fieldapp.sync.bundle import BundleRejected
from fieldapp.sync.export import acked_seq, acknowledge, export_bundle
from fieldapp.sync.importer import AlarmKind, BundleAlarm, StationImporter, Status
from fieldapp.sync.recover import WrongCardKeyPassphrase, export_card_key, load_card_key, recover
from fieldapp.sync.review import (
    cases_by_origin,
    close_alarm,
    open_alarms,
    open_conflicts,
    resolve_conflict,
)
from fieldapp.sync.station import init_station, station_keys
from fieldapp.workflow import cases, entities, evidence
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_PASS, TEST_COST
from tests.sync.conftest import STATION_OFFICER, STATION_PASS, Laptop
from tests.sync.helpers import resealed_event, seal, station_state

MARKER = "MARKÖR-b7e2-vittnesuppgift"


def _export(laptop: Laptop, out: Path) -> Path:
    exported = export_bundle(laptop.session, out)
    assert exported is not None
    return exported.path


def test_export_import_ack_round_trip(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    laptop.new_case()
    path = _export(laptop, tmp_path)
    outcome = StationImporter(station).import_file(path)
    assert outcome.status is Status.IMPORTED
    assert outcome.new_events == len(list(laptop.session.events()))
    receipt = tmp_path / "r.receipt"
    receipt.write_text(json.dumps(outcome.receipt))
    assert acknowledge(laptop.session, receipt) == outcome.new_events
    assert export_bundle(laptop.session, tmp_path) is None  # nothing new since the receipt
    assert station.verify().ok
    assert [c.device_id for c in cases_by_origin(station)] == [laptop.session.device_id]


def test_same_bundle_twice_and_overlapping_bundles(
    station: Session, laptop: Laptop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop.new_case()
    (tmp_path / "1").mkdir()
    first = _export(laptop, tmp_path / "1")
    importer = StationImporter(station)
    importer.import_file(first)
    before = station_state(station)
    decrypted: list[object] = []
    unseal = importer_module._unseal
    monkeypatch.setattr(
        importer_module, "_unseal", lambda *args: decrypted.append(args) or unseal(*args)
    )
    assert importer.import_file(first).status is Status.DUPLICATE
    assert importer.import_bytes(first.read_bytes()).status is Status.DUPLICATE
    assert decrypted == []  # known by its signed header: left sealed
    assert station_state(station) == before
    laptop.new_case()  # not acknowledged: the next bundle repeats the first one's events
    (tmp_path / "2").mkdir()
    second = _export(laptop, tmp_path / "2")
    outcome = importer.import_file(second)
    assert outcome.status is Status.IMPORTED
    assert outcome.new_events == 2  # only the new case and its buyer; the rest were known
    assert station.verify().ok


def test_a_gap_is_held_until_the_missing_bundle_arrives(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    bundles = _three_consecutive_bundles(station, laptop, tmp_path)
    importer = StationImporter(station)
    assert importer.import_file(bundles[2]).status is Status.HELD
    assert importer.import_file(bundles[1]).status is Status.HELD
    outcome = importer.import_file(bundles[0])
    assert outcome.status is Status.IMPORTED
    assert [r.status for r in outcome.released] == [Status.IMPORTED, Status.IMPORTED]
    assert station.conn.execute("SELECT count(*) FROM pending_bundles").fetchone()[0] == 0
    assert len(Records(station.conn).find("case")) == 3


def _three_consecutive_bundles(station: Session, laptop: Laptop, tmp_path: Path) -> list[Path]:
    """Three bundles of one laptop, each after the one before: a spare copy of the station
    imports them, and its receipts let the laptop move on (the real station has none)."""
    spare = _spare_station(station, tmp_path)
    bundles = []
    for i in range(3):
        laptop.new_case()
        out = tmp_path / str(i)
        out.mkdir()
        bundles.append(_export(laptop, out))
        receipt = StationImporter(spare).import_file(bundles[-1])
        (out / "r.receipt").write_text(json.dumps(receipt.receipt))
        acknowledge(laptop.session, out / "r.receipt")
    spare.lock()
    return bundles


def _spare_station(station: Session, tmp_path: Path) -> Session:
    """A copy of the station (same keys), to get receipts without touching the real one."""
    station.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(station.vault.data_dir, tmp_path / "spare")
    return open_vault(tmp_path / "spare").unlock(STATION_OFFICER, STATION_PASS)


def _tamper_cases(data: bytes) -> list[tuple[str, bytes]]:
    magic = data.index(b"\n") + 1
    size = int.from_bytes(data[magic : magic + 4], "big")
    header_at, sig_at = magic + 4, magic + 4 + size
    body_at = sig_at + 64
    cases = [
        ("magic", 3),
        ("length", magic + 2),
        ("header", header_at + size // 2),
        ("signature", sig_at + 10),
        ("age header", body_at + 30),
        ("payload start", body_at + (len(data) - body_at) // 3),
        ("payload end", len(data) - 5),
    ]
    flipped = []
    for name, offset in cases:
        changed = bytearray(data)
        changed[offset] ^= 0x01
        flipped.append((name, bytes(changed)))
    return flipped


def test_any_flipped_bit_or_truncation_is_refused_with_nothing_written(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    data = _export(laptop, tmp_path).read_bytes()
    importer = StationImporter(station)
    before = station_state(station)
    events_before = len(list(station.events()))
    for name, damaged in _tamper_cases(data):
        with pytest.raises(BundleRejected):
            importer.import_bytes(damaged)
        assert station_state(station) == before, name
    for cut in sorted(
        {1, 10, 25, 60, 200, len(data) // 2, len(data) - 1, *range(0, len(data), 997)}
    ):
        with pytest.raises(BundleRejected):
            importer.import_bytes(data[:cut])
    assert station_state(station) == before
    assert len(list(station.events())) == events_before  # not even an alarm
    assert importer.import_bytes(data).status is Status.IMPORTED  # the intact one still goes


def test_a_bundle_for_another_station_is_refused(laptop: Laptop, tmp_path: Path) -> None:
    laptop.new_case()
    data = _export(laptop, tmp_path).read_bytes()
    other = init_station(
        open_vault(tmp_path / "other"),
        STATION_OFFICER,
        "Sven Annan",
        STATION_PASS,
        "Annan station",
        cost=TEST_COST,
    )
    with pytest.raises(BundleRejected, match="another station"):
        StationImporter(other).import_bytes(data)
    other.lock()


def test_same_event_id_with_other_content_raises_an_alarm(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    importer = StationImporter(station)
    importer.import_file(_export(laptop, tmp_path))
    known = list(read_device_events(laptop.session.conn, laptop.session.device_id))
    last = known[-1]
    forged = resealed_event(
        known[0],
        laptop.session,
        seq=last.seq + 1,
        prev_hash=last.entry_hash,
        body=b'{"data":{"x":1}}',
    )
    data = seal(station_keys(station).card, [forged], {}, laptop.session)
    with pytest.raises(BundleAlarm) as err:
        importer.import_bytes(data)
    assert err.value.kind is AlarmKind.CONFLICTING_EVENT
    assert [a.get("kind") for a in open_alarms(station)] == ["conflicting_event"]


def test_a_forked_chain_raises_an_alarm(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    laptop.new_case()
    laptop.session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    clone_dir = tmp_path / "clone"
    shutil.copytree(laptop.vault.data_dir, clone_dir)  # a restored or cloned laptop
    clone = Laptop.__new__(Laptop)
    clone.vault = open_vault(clone_dir)
    clone.session = clone.vault.unlock(ADMIN_ID, ADMIN_PASS)
    clone.clock, clone.operation = laptop.clock, laptop.operation
    clone.ctx = Context(clone.session, clone.clock)
    laptop.new_case()
    clone.new_case()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    importer = StationImporter(station)
    importer.import_file(_export(laptop, tmp_path / "a"))
    with pytest.raises(BundleAlarm) as err:
        importer.import_file(_export(clone, tmp_path / "b"))
    assert err.value.kind is AlarmKind.FORK
    alarm = open_alarms(station)[0]
    close_alarm(station, alarm.entity_id, "Den klonade datorn togs ur bruk.")
    assert open_alarms(station) == []
    clone.session.lock()


def test_a_bundle_sealed_with_a_foreign_key_raises_an_alarm(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    events = list(read_device_events(laptop.session.conn, laptop.session.device_id))
    intruder = open_vault(tmp_path / "intruder").create(
        "X1", "Ingen Alls", "en helt annan fras", cost=TEST_COST
    )
    data = seal(station_keys(station).card, events, {}, intruder)
    with pytest.raises(BundleAlarm) as err:
        StationImporter(station).import_bytes(data)
    assert err.value.kind is AlarmKind.UNREGISTERED  # X1's key is not the laptop's
    intruder.lock()


def test_an_event_signed_by_a_foreign_key_is_refused(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    events = list(read_device_events(laptop.session.conn, laptop.session.device_id))
    intruder = open_vault(tmp_path / "intruder").create(
        "X1", "Ingen Alls", "en helt annan fras", cost=TEST_COST
    )
    events[-1] = resealed_event(events[-1], intruder)
    data = seal(station_keys(station).card, events, {}, laptop.session)
    with pytest.raises(BundleAlarm) as err:
        StationImporter(station).import_bytes(data)
    assert err.value.kind is AlarmKind.BAD_CHAIN
    assert (
        station.conn.execute("SELECT count(*) FROM records WHERE entity_type = 'case'").fetchone()[
            0
        ]
        == 0
    )
    intruder.lock()


def test_no_marker_in_the_bundle_file(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    case_id, _ = laptop.new_case()
    cases.add_observation(laptop.ctx, case_id, MARKER)
    data = _export(laptop, tmp_path).read_bytes()
    assert MARKER.encode() not in data
    assert b"Kalle" not in data
    assert b"19811218" not in data


# -- merge at the station -------------------------------------------------------------------


def _shared_element(station: Session, laptop: Laptop, tmp_path: Path) -> tuple[str, Context]:
    case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    out = tmp_path / "first"
    out.mkdir()
    StationImporter(station).import_file(_export(laptop, out))
    return element, Context(station, laptop.clock)


def _resync(station: Session, laptop: Laptop, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    out.mkdir()
    StationImporter(station).import_file(_export(laptop, out))


def test_edits_to_different_fields_merge(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    element, review = _shared_element(station, laptop, tmp_path)
    entities.amend(review, "element", element, {"note": "granskad på stationen"})
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    _resync(station, laptop, tmp_path, "second")
    merged = Records(station.conn).get("element", element)
    assert (merged.get("amount"), merged.get("note")) == (2000, "granskad på stationen")
    assert open_conflicts(station) == []


def test_edits_to_the_same_field_become_a_conflict(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    element, review = _shared_element(station, laptop, tmp_path)
    entities.amend(review, "element", element, {"amount": 1800})
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    _resync(station, laptop, tmp_path, "second")
    assert Records(station.conn).get("element", element).get("amount") == 1800  # unchanged
    [conflict] = open_conflicts(station)
    assert (conflict.field, conflict.current.value, conflict.incoming.value) == (
        "amount",
        1800,
        2000,
    )
    assert conflict.current.officer_id == STATION_OFFICER
    assert conflict.incoming.device_id == laptop.session.device_id
    resolve_conflict(station, conflict, 2000)
    assert Records(station.conn).get("element", element).get("amount") == 2000
    assert open_conflicts(station) == []
    assert station.verify().ok


def test_a_void_against_an_edit_is_a_conflict_not_a_delete(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    element, review = _shared_element(station, laptop, tmp_path)
    entities.amend(review, "element", element, {"note": "stämmer med annonsen"})
    evidence.withdraw_element(laptop.ctx, element, "fel köpare")
    _resync(station, laptop, tmp_path, "second")
    record = Records(station.conn).get("element", element)
    assert not record.voided
    [conflict] = open_conflicts(station)
    assert conflict.field == "(void)"
    resolve_conflict(station, conflict, True)
    assert Records(station.conn).get("element", element).voided


def test_merge_survives_replay(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    element, review = _shared_element(station, laptop, tmp_path)
    entities.amend(review, "element", element, {"amount": 1800, "note": "x"})
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    _resync(station, laptop, tmp_path, "second")
    before = station.projector.snapshot(station.conn)
    station.projector.rebuild(station.conn)
    assert station.projector.snapshot(station.conn) == before


# -- receipts and recovery ------------------------------------------------------------------


def test_a_receipt_from_elsewhere_or_for_another_chain_is_refused(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    outcome = StationImporter(station).import_file(_export(laptop, tmp_path))
    assert outcome.receipt is not None
    path = tmp_path / "r.receipt"
    forged: dict[str, Any] = {**outcome.receipt, "through_seq": outcome.receipt["through_seq"] + 1}
    path.write_text(json.dumps(forged))
    with pytest.raises(KnownError, match="signature"):
        acknowledge(laptop.session, path)
    assert acked_seq(laptop.session) == 0


def test_recovery_gives_a_new_passphrase_and_is_signed_by_the_station(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    laptop.session.lock()
    key_file = tmp_path / "card.key"
    export_card_key(station, key_file, "kortnyckelns egen fras")
    with pytest.raises(WrongCardKeyPassphrase):
        load_card_key(key_file, "fel fras för nyckeln")
    keys = load_card_key(key_file, "kortnyckelns egen fras")
    recover(laptop.vault, keys, ADMIN_ID, "en alldeles ny fras i natt")
    session = laptop.vault.unlock(ADMIN_ID, "en alldeles ny fras i natt")
    assert session.verify().ok
    recovery = [e for e in session.events() if e.data.get("reason") == "recovery"]
    assert recovery[0].officer_id.startswith("station:")
    laptop.session = session
    laptop.ctx = Context(session, laptop.clock)
    laptop.new_case()  # the officer signs with the new key, and the chain still verifies
    assert session.verify().ok
    bundle_path = _export(laptop, tmp_path)
    with pytest.raises(BundleAlarm) as err:  # the new key is not registered yet
        StationImporter(station).import_file(bundle_path)
    assert err.value.kind is AlarmKind.UNREGISTERED
    assert [a.get("kind") for a in open_alarms(station)] == ["unregistered"]
    laptop.register_at(station)  # a new laptop card after the recovery
    assert StationImporter(station).import_file(bundle_path).status is Status.IMPORTED
    assert station.verify().ok


def test_several_files_are_opened_ahead_in_a_second_process_with_the_same_result(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """``import_files`` (the CLI's and the GUI's path): the next bundle is opened in another
    process while one is written. Out-of-order, damaged, unreadable and foreign files give
    the same outcomes as one by one, each refusal its own, and the rest still imported."""
    bundles = _three_consecutive_bundles(station, laptop, tmp_path)
    damaged = tmp_path / "damaged.fabundle"
    data = bytearray(bundles[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "foreign"
    foreign_station = init_station(
        open_vault(foreign),
        "S300001",
        "Åsa Annan",
        "en helt egen nyckel här",
        "Annan",
        cost=TEST_COST,
    )
    other_laptop = Laptop(tmp_path / "other-laptop", station_keys(foreign_station).card)
    foreign_station.lock()
    other_laptop.new_case()
    (tmp_path / "f").mkdir()
    foreign_bundle = _export(other_laptop, tmp_path / "f")
    other_laptop.session.lock()
    order = [bundles[2], damaged, tmp_path / "missing.fabundle", foreign_bundle, bundles[1],
             bundles[0], bundles[0]]  # fmt: skip

    results = list(StationImporter(station).import_files(order))

    assert [path for path, _ in results] == order
    outcomes = [r for _, r in results]
    assert [o.status for o in outcomes if not isinstance(o, KnownError)] == [
        Status.HELD, Status.HELD, Status.IMPORTED, Status.DUPLICATE
    ]  # fmt: skip
    refused = [o for o in outcomes if isinstance(o, KnownError)]
    assert [type(o) for o in refused] == [BundleRejected] * 3
    assert "altered" in refused[0].message or "damaged" in refused[0].message
    assert "cannot be read" in refused[1].message
    assert "another station" in refused[2].message
    imported = outcomes[5]
    assert not isinstance(imported, KnownError)
    assert [r.status for r in imported.released] == [Status.IMPORTED, Status.IMPORTED]
    assert len(Records(station.conn).find("case")) == 3
    assert station.verify().ok


def test_an_import_stopped_after_its_first_bundle_leaves_no_openers_behind(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """The GUI stops reading ``import_files`` when the officer cancels: the shared openers
    end with the import, and the first bundle stands, whole; the rest imports later as it
    would have."""
    bundles = _three_consecutive_bundles(station, laptop, tmp_path)
    importing = StationImporter(station).import_files(bundles)
    first = next(importing)
    importing.close()

    assert first[0] == bundles[0] and not isinstance(first[1], KnownError)
    assert first[1].status is Status.IMPORTED
    assert not second_process._shared  # the pool shut down with the import
    assert len(Records(station.conn).find("case")) == 1
    again = list(StationImporter(station).import_files(bundles))
    assert [r.status for _, r in again if not isinstance(r, KnownError)] == [
        Status.DUPLICATE, Status.IMPORTED, Status.IMPORTED
    ]  # fmt: skip
    assert len(Records(station.conn).find("case")) == 3
    assert station.verify().ok
