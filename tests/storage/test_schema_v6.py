"""Schema v6: the events table rebuilt without its UNIQUE index on entry_hash (a random
key, whose index rewrote most of its pages at every commit). A v5 vault is migrated with
every event, its rowid (the log's order) and its append-only triggers kept."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

import pytest

from fieldapp.storage import database, schema
from fieldapp.storage.database import DatabaseError
from fieldapp.storage.events import _COLUMNS, Draft, read_events
from fieldapp.storage.session import Session
from fieldapp.storage.verify import ChainChecker


def _v5_vault(path: Path, key: bytes) -> database.Connection:
    """A SQLCipher file at schema v5, as the versions before this one made it."""
    conn = database.connect(path, key)
    for version, script in enumerate(schema.MIGRATIONS[:5], start=1):
        with database.transaction(conn):
            for statement in database.statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
    return conn


def test_a_v5_vault_keeps_every_event_in_order_and_its_triggers(
    admin_session: Session, tmp_path: Path
) -> None:
    admin_session.append(
        [Draft("create", "note", str(uuid.uuid4()), {"data": {"text": f"n {i}"}}) for i in range(3)]
    )
    events = list(admin_session.events())
    assert len(events) >= 5
    key = os.urandom(32)
    conn = _v5_vault(tmp_path / "v5.db", key)
    # Rowids with gaps, as a real log may have them: the migration keeps each one.
    with database.transaction(conn):
        for n, event in enumerate(events):
            marks = ", ".join("?" * 17)
            conn.execute(
                f"INSERT INTO events (rowid, {_COLUMNS}) VALUES ({marks})",
                (10 * (n + 1), *event.row()),
            )
    before = conn.execute("SELECT rowid, * FROM events ORDER BY rowid").fetchall()
    unique = [r for r in conn.execute("PRAGMA index_list(events)") if r[2]]
    assert len(unique) == 3  # primary key, id, entry_hash
    conn.close()

    conn = database.connect(tmp_path / "v5.db", key)  # the same file, opened again
    try:
        assert schema.migrate(conn) == 5
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 6
        assert conn.execute("SELECT rowid, * FROM events ORDER BY rowid").fetchall() == before
        indexed = {
            conn.execute(f"PRAGMA index_info('{r[1]}')").fetchall()[0][2]
            for r in conn.execute("PRAGMA index_list(events)")
            if r[2]
        }
        assert indexed == {"device_id", "id"}  # no unique index on entry_hash any more
        assert "events_entity" in {r[1] for r in conn.execute("PRAGMA index_list(events)")}
        checker = ChainChecker()
        for event in read_events(conn):
            assert checker.check(event, lambda _: None) is None
            checker.accept(event)
        body = bytes(conn.execute("SELECT body FROM events WHERE rowid = 20").fetchone()[0])
        with pytest.raises(DatabaseError, match="append-only"):
            conn.execute(
                "UPDATE events SET body = X'', body_sha256 = ? WHERE rowid = 20",
                (hashlib.sha256(body).hexdigest(),),
            )
        with pytest.raises(DatabaseError, match="append-only"):
            conn.execute("DELETE FROM events WHERE rowid = 10")
        with pytest.raises(DatabaseError, match="UNIQUE"):  # the same event twice
            conn.execute(
                f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * 16)})", events[0].row()
            )
        assert database.integrity_problems(conn) == []
    finally:
        conn.close()
