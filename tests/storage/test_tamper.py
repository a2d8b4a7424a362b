"""Tampering by someone who holds the data key (an insider with a passphrase, or anyone with
the key and a raw connection, who can drop triggers): an emptied body, a deleted tail, an
edited projection row. The database refuses what it can; ``verify`` finds the rest."""

from __future__ import annotations

import hashlib
import uuid

import pytest

from fieldapp.storage import database
from fieldapp.storage.database import DatabaseError
from fieldapp.storage.events import Draft
from fieldapp.storage.head import HEAD_FILE, HeadCheckpoint, read_checkpoint
from fieldapp.storage.schema import SCHEMA_VERSION
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from fieldapp.storage.verify import verify
from fieldapp.workflow import cases, operations
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_PASS
from tests.workflow.conftest import Clock


def _notes(session: Session, n: int) -> None:
    session.append(
        [Draft("create", "note", str(uuid.uuid4()), {"data": {"text": f"n {i}"}}) for i in range(n)]
    )


def _empty_body(conn: database.Connection, seq: int) -> None:
    """What the issue found allowed: the body emptied, its true hash kept (chain intact)."""
    body = bytes(conn.execute("SELECT body FROM events WHERE seq = ?", (seq,)).fetchone()[0])
    conn.execute(
        "UPDATE events SET body = X'', body_sha256 = ? WHERE seq = ?",
        (hashlib.sha256(body).hexdigest(), seq),
    )


# -- purge only through a purge event -----------------------------------------------------------


def test_a_body_cannot_be_emptied_without_a_purge_event(admin_session: Session) -> None:
    _notes(admin_session, 4)
    with pytest.raises(DatabaseError, match="append-only"):
        _empty_body(admin_session.conn, 4)
    assert admin_session.verify().ok


def test_an_emptied_body_without_a_purge_event_is_found_by_verify(admin_session: Session) -> None:
    _notes(admin_session, 4)
    conn = admin_session.conn
    conn.execute("DROP TRIGGER events_append_only_update")  # the data key allows this
    _empty_body(conn, 4)
    report = admin_session.verify()
    assert (report.bad_seq, report.problem) == (4, "body emptied without a purge event naming it")


def test_a_purge_event_must_come_before_it_empties(admin_session: Session) -> None:
    """Naming an event in a purge event made *before* it does not cover it."""
    _notes(admin_session, 2)
    later = str(uuid.uuid4())
    admin_session.append(
        [Draft("checkpoint", "purge", "c", {"case_id": "c", "event_ids": [later]})]
    )
    admin_session.append([Draft("create", "note", later, {"data": {"text": "x"}})])
    (seq,) = admin_session.conn.execute(
        "SELECT seq FROM events WHERE entity_id = ?", (later,)
    ).fetchone()
    with pytest.raises(DatabaseError, match="append-only"):
        _empty_body(admin_session.conn, seq)


def test_a_version_4_vault_gets_the_purge_trigger(admin_session: Session, vault: Vault) -> None:
    from fieldapp.storage.schema import MIGRATIONS

    conn = admin_session.conn
    conn.execute("DROP TRIGGER events_append_only_update")
    v4_trigger = MIGRATIONS[3].split("DROP TRIGGER events_append_only_update;")[1]
    conn.execute(v4_trigger.strip().rstrip(";"))
    conn.execute("PRAGMA user_version = 4")
    _notes(admin_session, 2)
    admin_session.lock()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        assert session.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        with pytest.raises(DatabaseError, match="append-only"):
            _empty_body(session.conn, 4)
        assert session.verify().ok
    finally:
        session.lock()


# -- an anchored head ----------------------------------------------------------------------------


def _data_key(session: Session) -> bytes:
    assert session._secrets is not None
    return session._secrets.data_key


def _cut_tail_offline(vault: Vault, key: bytes, keep: int) -> None:
    """With the app closed: drop the delete trigger and the events after ``keep``."""
    conn = database.connect(vault.db_path, key)
    try:
        conn.execute("DROP TRIGGER events_append_only_delete")
        conn.execute("DELETE FROM events WHERE seq > ?", (keep,))
    finally:
        conn.close()


def test_the_head_checkpoint_is_signed_and_outside_the_database(
    admin_session: Session, vault: Vault
) -> None:
    _notes(admin_session, 3)
    admin_session.lock()
    checkpoint = read_checkpoint(vault.data_dir / HEAD_FILE)
    assert isinstance(checkpoint, HeadCheckpoint) and checkpoint.signature_ok()
    assert checkpoint.seq == 5 and checkpoint.officer_id == ADMIN_ID


def test_the_checkpoint_follows_commits_within_its_interval_and_at_lock(
    admin_session: Session, vault: Vault
) -> None:
    first = read_checkpoint(vault.data_dir / HEAD_FILE)  # the vault's first commit: at once
    assert first is not None and first.seq == 2
    admin_session._anchor.interval = 3600.0  # no timer fires within the test
    _notes(admin_session, 1)
    _notes(admin_session, 2)  # within the interval: pending
    assert read_checkpoint(vault.data_dir / HEAD_FILE) == first
    admin_session.lock()
    last = read_checkpoint(vault.data_dir / HEAD_FILE)
    assert last is not None and last.seq == 5 and last.signature_ok()


def test_a_deleted_tail_is_found_below_the_head_checkpoint(
    admin_session: Session, vault: Vault
) -> None:
    _notes(admin_session, 6)  # events 3–8
    key = _data_key(admin_session)
    admin_session.lock()  # head.sig: sequence 8
    _cut_tail_offline(vault, key, keep=5)
    conn = database.connect(vault.db_path, key)
    try:
        report = verify(conn, data_dir=vault.data_dir)
    finally:
        conn.close()
    assert report.bad_seq == 8
    assert "ends at sequence 5, below the signed head checkpoint (sequence 8)" in report.summary()
    # Unlocking appends at the cut; the checkpoint is kept as found, and verify still tells.
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        _notes(session, 3)  # the log grows past the cut: sequence 8 is another event now
        report = session.verify()
        assert not report.ok and report.bad_seq == 8
        assert "not the one the signed head checkpoint names" in (report.problem or "")
        assert read_checkpoint(vault.data_dir / HEAD_FILE).seq == 8  # type: ignore[union-attr]
    finally:
        session.lock()


def test_a_deleted_head_checkpoint_is_found(admin_session: Session, vault: Vault) -> None:
    admin_session.lock()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)  # the second opening marks the vault anchored
    session.lock()
    (vault.data_dir / HEAD_FILE).unlink()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        assert "head.sig is missing" in session.verify().summary()
    finally:
        session.lock()
    (vault.data_dir / HEAD_FILE).write_bytes(b"garbage")
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        assert "head.sig is unreadable" in session.verify().summary()
    finally:
        session.lock()


def test_a_clean_vault_verifies_with_its_checkpoint_across_unlocks(
    admin_session: Session, vault: Vault
) -> None:
    for _ in range(3):
        _notes(admin_session, 2)
        admin_session.lock()
        admin_session = vault.unlock(ADMIN_ID, ADMIN_PASS)
        assert admin_session.verify().ok, admin_session.verify().summary()
    admin_session.lock()


# -- projections checked --------------------------------------------------------------------------


def test_an_edited_record_is_named_by_verify_deep(admin_session: Session) -> None:
    ctx = Context(admin_session, _clock())
    operation = operations.create_operation(
        ctx,
        {"name": "Insats", "start": "2026-05-11", "end": "2026-05-22"},
        with_county_contacts=False,
    ).entity_id
    case_id = cases.open_case(
        ctx, operation, {"place_kind": "other", "address": "Gatan 1", "municipality": "Sala"}
    ).entity_id
    assert admin_session.verify(deep=True).ok
    conn = admin_session.conn
    conn.execute(
        "UPDATE records SET data = json_set(data, '$.address', 'Annan gata 9') "
        "WHERE entity_type = 'case' AND entity_id = ?",
        (case_id,),
    )
    assert admin_session.verify().ok  # the quick check reads the log only
    report = admin_session.verify(deep=True)
    assert not report.ok
    assert (
        report.problem
        == f"projection records: case {case_id}, field data.address, differs from the log"
    )
    assert "Annan gata" not in report.summary() and "Gatan" not in report.summary()
    # The check changed nothing: the edited row is still there.
    row = conn.execute(
        "SELECT json_extract(data, '$.address') FROM records WHERE entity_id = ?", (case_id,)
    ).fetchone()
    assert row[0] == "Annan gata 9"


def test_a_deleted_or_invented_record_is_named(admin_session: Session) -> None:
    _notes(admin_session, 1)
    conn = admin_session.conn
    conn.execute(
        "INSERT INTO records (entity_type, entity_id, data, created_at, created_by, updated_at, "
        "updated_by, last_event, created_hlc, created_event) "
        "VALUES ('case', 'uppdiktad', '{}', 'x', 'x', 'x', 'x', 'x', 'x', 'x')"
    )
    assert admin_session.verify(deep=True).problem == (
        "projection records: case uppdiktad is not in the log"
    )


def _clock() -> Clock:
    from datetime import datetime

    from tests.workflow.conftest import CET_SUMMER

    return Clock(datetime(2026, 5, 14, 21, 30, tzinfo=CET_SUMMER))
