"""The station's import on two cores: what the second process works out (signatures, the
search index's rows) is the same as what the import works out alone, and the writer
takes nothing from it that is not bound to the bytes it stores."""

from __future__ import annotations

import json
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from fieldapp.composition import open_vault
from fieldapp.domain.case import OBSERVATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY, SELLER
from fieldapp.storage.records import Dialect, RecordsProjection
from fieldapp.storage.session import Session
from fieldapp.sync.export import acknowledge, export_bundle
from fieldapp.sync.importer import AlarmKind, BundleAlarm, StationImporter, open_path
from fieldapp.sync.register import load_register
from fieldapp.sync.review import open_alarms
from fieldapp.workflow import cases, persons
from tests.sync.conftest import STATION_OFFICER, STATION_PASS, Laptop
from tests.sync.helpers import records_state

INDEX_TABLES = ("search_docs", "search_fts", "search_phones", "search_days")


def _copy(station: Session, tmp_path: Path, name: str) -> Session:
    """Another copy of the station (the same keys), as it stands."""
    station.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(station.vault.data_dir, tmp_path / name)
    return open_vault(tmp_path / name).unlock(STATION_OFFICER, STATION_PASS)


def _bundles(station: Session, laptop: Laptop, tmp_path: Path) -> list[Path]:
    """Three consecutive bundles of notes: some name a seller of their case (blanked in
    the index), some carry phone numbers, one has no day."""
    spare = _copy(station, tmp_path, "spare")
    case, _ = laptop.new_case()
    persons.add_seller(laptop.ctx, case, {"name": "Ana Påhittad"})
    other, _ = laptop.new_case()
    notes = [
        (case, "Ana gick in i rum 312, ring 070-123 45 67"),
        (other, "Bokade via 0701234567 och +46 73 555 12 12"),
        (other, "Anabel nämndes, ingen Ana här"),
        (case, "Påhittad syntes vid hissen"),
    ]
    bundles = []
    for i in range(3):
        for case_id, text in notes:
            cases.add_observation(laptop.ctx, case_id, f"{text} ({i})")
        cases.add_observation(laptop.ctx, other, "utan dag", at="")
        out = tmp_path / f"b{i}"
        out.mkdir()
        exported = export_bundle(laptop.session, out)
        assert exported is not None
        bundles.append(exported.path)
        receipt = StationImporter(spare).import_file(exported.path).receipt
        (out / "r.receipt").write_text(json.dumps(receipt))
        acknowledge(laptop.session, out / "r.receipt")
    spare.lock()
    return bundles


def _index(session: Session) -> list[list[tuple[object, ...]]]:
    return [
        session.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in INDEX_TABLES
    ]


def test_the_index_prepared_in_the_second_process_is_the_one_made_here(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    bundles = _bundles(station, laptop, tmp_path)
    alone = _copy(station, tmp_path, "alone")
    try:
        # Several files: the second and third opened (and prepared) in the other process.
        outcomes = list(StationImporter(station).import_files(bundles))
        assert all(not isinstance(o, Exception) and o.new_events for _, o in outcomes)
        for path in bundles:  # one by one: everything worked out by the writer
            assert StationImporter(alone).import_file(path).new_events
        assert _index(station) == _index(alone)
        assert records_state(station) == records_state(alone)
        texts = [r[0] for r in station.conn.execute("SELECT body FROM search_fts")]
        # The seller's names blanked in her case's notes only, whole words only.
        assert sum(t.startswith("••• gick in i rum 312") for t in texts) == 3
        assert sum(t.startswith("••• syntes vid hissen") for t in texts) == 3
        assert sum(t.startswith("Anabel nämndes, ingen Ana här") for t in texts) == 3
        assert len(station.conn.execute("SELECT * FROM search_phones").fetchall()) >= 9
        assert station.verify(deep=True).ok
    finally:
        alone.lock()


def test_the_second_process_is_trusted_only_for_the_bytes_the_import_stores(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """An event changed after the other process verified it (its signature and entry hash
    kept, its verdict and prepared rows claiming it is fine) is refused: the import
    recomputes every entry hash from what it stores. The station is left unchanged."""
    bundle = _bundles(station, laptop, tmp_path)[0]
    importer = StationImporter(station)
    keys = importer._keys
    opened = open_path(
        bundle,
        keys.identity,
        keys.card.fingerprint,
        load_register(station),
        importer._known_keys(),
        frozenset(),
        station.projector,
    )
    assert opened.prepared is not None and all(k is not None for k in opened.signed_by)
    at = next(i for i, e in enumerate(opened.events) if b"rum 312" in e.body)
    forged = replace(opened.events[at], body=opened.events[at].body.replace(b"312", b"999"))
    events = (*opened.events[:at], forged, *opened.events[at + 1 :])
    device = laptop.session.device_id
    held = "SELECT count(*) FROM events WHERE device_id = ?"
    with pytest.raises(BundleAlarm) as refused:
        importer.import_opened(replace(opened, events=events))
    assert refused.value.kind is AlarmKind.BAD_CHAIN
    assert refused.value.seq == forged.seq
    assert "entry hash" in refused.value.message
    # Nothing of the bundle stored: no event of the laptop, no bundle marked imported.
    assert station.conn.execute(held, (device,)).fetchone()[0] == 0
    assert station.conn.execute("SELECT count(*) FROM imported_bundles").fetchone()[0] == 0
    assert [a.get("kind") for a in open_alarms(station)] == ["bad_chain"]
    # The same bundle, unaltered, then imports.
    assert importer.import_opened(opened).new_events == len(opened.events)


def test_several_bundles_reach_the_station_file_itself_by_the_end_of_the_import(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """An import of several files copies each commit's WAL into vault.db on a thread
    (``storage.checkpoints``): when ``import_files`` is done, vault.db alone (a copy of it
    without its WAL) holds every imported event, and the automatic checkpoint is back."""
    bundles = _bundles(station, laptop, tmp_path)
    outcomes = list(StationImporter(station).import_files(bundles))
    assert all(not isinstance(o, Exception) and o.new_events for _, o in outcomes)
    assert station.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    copy = tmp_path / "file-alone"
    shutil.copytree(station.vault.data_dir, copy, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    alone = open_vault(copy).unlock(STATION_OFFICER, STATION_PASS)
    try:
        count = "SELECT count(*) FROM events WHERE device_id = ?"
        device = laptop.session.device_id
        assert (
            alone.conn.execute(count, (device,)).fetchone()[0]
            == (station.conn.execute(count, (device,)).fetchone()[0])
        )
        assert records_state(alone) == records_state(station)
        assert alone.verify(deep=True).ok
    finally:
        alone.lock()


def test_the_writer_parses_no_body_of_a_note_prepared_in_the_second_process(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """The records' row and the index's rows of a new note come from the second process:
    the writer never parses its body (``Event.data`` is parsed on first read and kept),
    except where a seller's name is to be blanked in the indexed copy."""
    bundle = _bundles(station, laptop, tmp_path)[0]
    importer = StationImporter(station)
    keys = importer._keys
    opened = open_path(
        bundle, keys.identity, keys.card.fingerprint, load_register(station),
        importer._known_keys(), frozenset(), station.projector,
    )  # fmt: skip
    # As it comes from the second process (a body parsed there is not sent: __getstate__).
    opened = pickle.loads(pickle.dumps(opened))  # noqa: S301 - our own bytes, just made
    assert opened.prepared is not None
    bodies = [orjson.loads(e.body) for e in opened.events]
    sellers = {
        body["case_id"]
        for e, body in zip(opened.events, bodies, strict=True)
        if e.entity_type == PERSON_ENTITY and body["data"].get("role") == SELLER
    }
    assert sellers
    notes = [
        e
        for e in opened.events
        if e.entity_type == OBSERVATION_ENTITY
        and e.kind == "create"
        and orjson.loads(e.body)["case_id"] not in sellers
    ]
    assert notes and all("data" not in e.__dict__ for e in notes)  # unpickled unparsed
    assert importer.import_opened(opened).new_events == len(opened.events)
    assert all("data" not in e.__dict__ for e in notes)
    stored = dict(
        station.conn.execute(
            "SELECT entity_id, data FROM records WHERE entity_type = ?", (OBSERVATION_ENTITY,)
        ).fetchall()
    )
    # The rows hold what the notes say (the same text as the body's, the body unparsed).
    assert {e.entity_id: orjson.loads(stored[e.entity_id]) for e in notes} == {
        e.entity_id: orjson.loads(e.body)["data"] for e in notes
    }


def test_a_sealing_dialect_prepares_no_records_row(laptop: Laptop) -> None:
    """The PostgreSQL station seals a record's data with keys the second process lacks:
    its records projection works out nothing ahead; a vault's does, for creates only."""
    case, _ = laptop.new_case()
    cases.add_observation(laptop.ctx, case, "Rum 12")
    note = [e for e in laptop.session.events() if e.entity_type == OBSERVATION_ENTITY][-1]
    sealing = Dialect("sealed", order_column="id", row_lock="", dump_data=lambda d, *k: b"x")
    assert RecordsProjection(sealing).prepare(note) is None
    prepared = RecordsProjection().prepare(note)
    assert prepared is not None
    assert orjson.loads(prepared[2]) == orjson.loads(note.body)["data"]
