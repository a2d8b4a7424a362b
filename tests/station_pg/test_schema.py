"""The PostgreSQL station's schema: versions, and privileges that do the guarding."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import psycopg
import pytest

from fieldapp.errors import KnownError
from fieldapp.sync import pg_schema

_COLUMNS = (
    "device_id, seq, id, officer_id, hlc, wall_time, zone, kind, entity_type, entity_id, "
    "parents, body, attachments, prev_hash, entry_hash, signature, body_hash"
)


def _event(conn: psycopg.Connection[object], seq: int, event_id: str, **kw: object) -> None:
    row = {
        "device_id": "dev-1",
        "seq": seq,
        "id": event_id,
        "officer_id": "T1",
        "hlc": "h",
        "wall_time": "w",
        "zone": "z",
        "kind": "create",
        "entity_type": "note",
        "entity_id": "n1",
        "parents": "[]",
        "body": b'{"data":{"text":"hemligt"}}',
        "attachments": "[]",
        "prev_hash": b"p",
        "entry_hash": b"e" + bytes([seq]),
        "signature": b"s",
        **kw,
    }
    # As the store writes it: the plaintext's hash kept (here the body is stored as it is).
    row["body_hash"] = hashlib.sha256(row["body"]).hexdigest()  # type: ignore[arg-type]
    conn.execute(
        f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join(['%s'] * 17)})",
        list(row.values()),
    )


@pytest.fixture
def migrated(pg_database: str) -> str:
    with psycopg.connect(pg_database) as conn:
        assert pg_schema.migrate(conn) == 0
        assert pg_schema.check_version(conn) == pg_schema.SCHEMA_VERSION
    return pg_database


def test_migrating_again_changes_nothing(migrated: str) -> None:
    with psycopg.connect(migrated) as conn:
        assert pg_schema.migrate(conn) == pg_schema.SCHEMA_VERSION
        assert pg_schema.check_version(conn) == pg_schema.SCHEMA_VERSION


def test_a_database_without_a_station_is_refused_by_code(pg_database: str) -> None:
    with psycopg.connect(pg_database) as conn, pytest.raises(KnownError) as refused:
        pg_schema.check_version(conn)
    assert refused.value.code == "station_db_not_station"


def test_a_schema_newer_than_the_app_is_refused_by_code(migrated: str) -> None:
    with psycopg.connect(migrated) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (pg_schema.SCHEMA_VERSION + 1,))
        conn.commit()
        with pytest.raises(KnownError) as refused:
            pg_schema.check_version(conn)
        assert refused.value.code == "station_schema_newer"
        with pytest.raises(KnownError) as again:
            pg_schema.migrate(conn)  # nor is it migrated "back"
        assert again.value.code == "station_schema_newer"


def test_the_application_role_may_only_insert_and_select_events(
    migrated: str, login_role: Callable[[str, str], str]
) -> None:
    with psycopg.connect(login_role("staff", "app")) as conn:
        _event(conn, 1, "e1")
        conn.commit()
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (1,)
        for statement in (
            "UPDATE events SET kind = 'void'",
            "DELETE FROM events",
            "TRUNCATE events",
            "SELECT purge_event_body('e1', 'e1', '{}')",
            "UPDATE blobs SET size = 0",
            "CREATE TABLE mine (x int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def test_triggers_forbid_update_and_delete_even_for_the_owner(migrated: str) -> None:
    with psycopg.connect(migrated) as conn:
        _event(conn, 1, "e1")
        conn.commit()
        for statement in (
            "UPDATE events SET kind = 'void'",
            "DELETE FROM events",
            "TRUNCATE events",
            "UPDATE events SET body = '\\x'::bytea",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
                conn.execute(statement)
            conn.rollback()


def test_the_purge_role_empties_a_body_only_under_a_purge_event_naming_it(
    migrated: str, login_role: Callable[[str, str], str]
) -> None:
    body = b'{"data":{"text":"hemligt"}}'
    with psycopg.connect(migrated) as conn:
        _event(conn, 1, "e1", body=body)
        _event(conn, 2, "e2", body=body)
        purge = json.dumps({"event_ids": ["e1"]}).encode()
        _event(conn, 3, "p1", entity_type="purge", kind="checkpoint", body=purge)
        conn.commit()
    forged = json.dumps({"event_ids": ["e1", "e2"]}).encode()
    with psycopg.connect(login_role("retention", "purge")) as conn:
        call = "SELECT purge_event_body(%s, 'p1', %s)"
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="no purge event"):
            conn.execute(call, ("e2", purge))  # not named by it
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="no purge event"):
            conn.execute(call, ("e2", forged))  # a body that is not the purge event's
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="no purge event"):
            conn.execute("SELECT purge_event_body('e2', 'e1', %s)", (body,))  # not a purge
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE events SET body = '\\x'::bytea WHERE id = 'e1'")
        conn.rollback()
        assert conn.execute(call, ("e1", purge)).fetchone() == (True,)
        conn.commit()
        rows = conn.execute(
            "SELECT id, body, body_sha256 FROM events WHERE id IN ('e1', 'e2') ORDER BY id"
        ).fetchall()
    assert rows[0] == ("e1", b"", hashlib.sha256(body).hexdigest())
    assert rows[1] == ("e2", body, None)
