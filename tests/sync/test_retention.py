"""Retention: only what the station acknowledged may be purged; the chain still verifies and
nothing of the case is left readable on the laptop."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fieldapp.storage import schema
from fieldapp.storage.database import DatabaseError
from fieldapp.storage.events import Draft
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.storage.verify import verify
from fieldapp.sync.export import acknowledge, export_bundle, last_receipt
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.retention import due_for_purge, purge_due, set_retention_days
from fieldapp.workflow import cases
from tests.sync.conftest import Laptop

MARKER = "MARKÖR-4411-rensas-efter-kvitto"


def _closed_case(laptop: Laptop) -> str:
    case_id, _ = laptop.new_case()
    cases.add_observation(laptop.ctx, case_id, MARKER)
    cases.transfer_case(laptop.ctx, case_id, "Utredningsenheten")
    return case_id


def _sync(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    exported = export_bundle(laptop.session, tmp_path)
    assert exported is not None
    outcome = StationImporter(station).import_file(exported.path)
    receipt = tmp_path / "r.receipt"
    receipt.write_text(json.dumps(outcome.receipt))
    acknowledge(laptop.session, receipt)


def test_nothing_unacknowledged_is_purged(laptop: Laptop) -> None:
    _closed_case(laptop)
    later = datetime.now().astimezone() + timedelta(days=400)
    assert due_for_purge(laptop.session, later) == []


def test_purge_after_receipt_and_retention(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    case_id = _closed_case(laptop)
    open_case, _ = laptop.new_case()  # still open: never purged
    _sync(station, laptop, tmp_path)
    now = datetime.now().astimezone()
    assert due_for_purge(laptop.session, now) == []  # the retention period has not passed
    set_retention_days(laptop.session, 0)
    purged = purge_due(laptop.session, now + timedelta(seconds=1))
    assert [p.case_id for p in purged] == [case_id]
    records = Records(laptop.session.conn)
    assert records.get("case", case_id) is None
    assert records.find("observation", case_id=case_id) == []
    assert records.get("case", open_case) is not None
    assert laptop.session.verify().ok
    purge = [e for e in laptop.session.events() if e.entity_type == "purge"]
    assert purge[0].data["case_id"] == case_id
    laptop.session.projector.rebuild(laptop.session.conn)  # replay keeps it purged
    assert Records(laptop.session.conn).get("case", case_id) is None
    # The station still holds the whole case.
    assert Records(station.conn).get("case", case_id) is not None
    # Not only gone from the records: no table holds it any more, even decrypted.
    conn = laptop.session.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table}"):
            for value in row:
                raw = bytes(value) if isinstance(value, bytes | memoryview) else str(value)
                assert (MARKER.encode() if isinstance(raw, bytes) else MARKER) not in raw, table


def test_no_other_change_to_an_event_is_allowed(laptop: Laptop) -> None:
    conn = laptop.session.conn
    with pytest.raises(DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET body = X'00', body_sha256 = 'x' WHERE seq = 3")
    with pytest.raises(DatabaseError, match="append-only"):
        conn.execute(
            "UPDATE events SET body = X'', body_sha256 = 'x', officer_id = 'Y' WHERE seq = 3"
        )


def test_a_purge_event_names_the_events_and_the_receipt(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    case_id = _closed_case(laptop)
    _sync(station, laptop, tmp_path)
    set_retention_days(laptop.session, 0)
    purge_due(laptop.session, datetime.now().astimezone() + timedelta(seconds=1))
    events = list(laptop.session.events())
    (purge,) = [e for e in events if e.entity_type == "purge"]
    emptied = [e for e in events if e.purged]
    assert purge.data["event_ids"] == [e.id for e in emptied] and emptied
    assert purge.data["receipt"]["through_seq"] >= max(e.seq for e in emptied)
    assert purge.data["receipt"]["signature"]
    assert all(e.seq < purge.seq for e in emptied)  # the purge event came first
    report = laptop.session.verify(deep=True)  # the projections agree with the replay too
    assert report.ok, report.summary()
    assert case_id == purge.data["case_id"]


def test_a_purge_beyond_what_the_station_acknowledged_is_found(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """An insider signs a purge event of their own, naming an event the station never
    acknowledged: the trigger lets it empty the body, verify does not let it pass."""
    _closed_case(laptop)
    _sync(station, laptop, tmp_path)
    receipt = last_receipt(laptop.session)
    assert receipt is not None
    _closed_case(laptop)  # after the receipt: not synced
    session = laptop.session
    newest = list(session.events())[-1]
    assert newest.seq > receipt["through_seq"]
    draft = Draft(
        "checkpoint",
        "purge",
        "x",
        {"case_id": "x", "events": 1, "event_ids": [newest.id], "receipt": receipt},
    )
    session.append([draft])
    body = bytes(
        session.conn.execute("SELECT body FROM events WHERE id = ?", (newest.id,)).fetchone()[0]
    )
    session.conn.execute(
        "UPDATE events SET body = X'', body_sha256 = ? WHERE id = ?",
        (hashlib.sha256(body).hexdigest(), newest.id),
    )
    report = session.verify()
    assert report.bad_seq == newest.seq
    assert f"does not cover sequence {newest.seq}" in (report.problem or "")


def test_a_tail_cut_below_the_last_receipt_is_found(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """Even with the head checkpoint deleted too, the station's signed receipt tells."""
    _closed_case(laptop)
    _sync(station, laptop, tmp_path)
    receipt = last_receipt(laptop.session)
    assert receipt is not None
    conn = laptop.session.conn
    conn.execute("DROP TRIGGER events_append_only_delete")
    conn.execute("DELETE FROM events WHERE seq > ?", (receipt["through_seq"] - 2,))
    conn.execute("DELETE FROM meta WHERE key = 'head_anchored'")
    (laptop.vault.data_dir / "head.sig").unlink()
    report = verify(conn)  # what is left in vault.db alone
    assert report.bad_seq == receipt["through_seq"]
    assert "below the station's last receipt" in (report.problem or "")


def test_a_large_purge_is_named_in_parts(
    station: Session, laptop: Laptop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each purge event names at most PURGE_CHUNK events, and comes just before them."""
    monkeypatch.setattr(schema, "PURGE_CHUNK", 2)
    _closed_case(laptop)
    _sync(station, laptop, tmp_path)
    set_retention_days(laptop.session, 0)
    purge_due(laptop.session, datetime.now().astimezone() + timedelta(seconds=1))
    events = list(laptop.session.events())
    purges = [e for e in events if e.entity_type == "purge"]
    emptied = [e for e in events if e.purged]
    assert len(purges) == (len(emptied) + 1) // 2 > 1
    assert [i for p in purges for i in p.data["event_ids"]] == [e.id for e in emptied]
    assert laptop.session.verify(deep=True).ok
