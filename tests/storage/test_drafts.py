"""Drafts: unsaved typing kept inside the encrypted vault, across a lock."""

from fieldapp.storage.drafts import Drafts
from fieldapp.storage.schema import SCHEMA_VERSION
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS

MARKER = "UTKAST-9c1e-påbörjad-anteckning"


def test_a_draft_survives_a_lock_and_is_not_readable_on_disk(
    admin_session: Session, vault: Vault
) -> None:
    drafts = Drafts(admin_session.conn)
    drafts.save("case/c1/new-buyer", {"name": MARKER, "personal_id": "19811218-98"})
    drafts.save("case/c1/quick-note", {"text": "halv"})
    drafts.save("case/c2_x/quick-note", {"text": "annan"})
    admin_session.lock()
    for path in (vault.db_path, vault.db_path.with_name("vault.db-wal")):
        if path.exists():
            assert MARKER.encode() not in path.read_bytes()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    drafts = Drafts(session.conn)
    assert drafts.load("case/c1/new-buyer") == {"name": MARKER, "personal_id": "19811218-98"}
    assert drafts.keys("case/c1/") == ["case/c1/new-buyer", "case/c1/quick-note"]
    assert drafts.keys("case/c2_") == ["case/c2_x/quick-note"]
    drafts.discard("case/c1/new-buyer")
    assert drafts.load("case/c1/new-buyer") is None
    session.lock()


def test_drafts_are_not_events(admin_session: Session) -> None:
    before = len(list(admin_session.events()))
    Drafts(admin_session.conn).save("k", {"a": "b"})
    assert len(list(admin_session.events())) == before


def test_a_version_1_vault_is_upgraded_on_unlock(admin_session: Session, vault: Vault) -> None:
    conn = admin_session.conn
    # Undo what v2–v4 added, leaving the vault as version 1 wrote it.
    for table in ("drafts", "imported_bundles", "pending_bundles"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute("ALTER TABLE events DROP COLUMN body_sha256")
    conn.execute(
        "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    conn.execute("PRAGMA user_version = 1")
    admin_session.lock()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    assert session.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    Drafts(session.conn).save("k", {"a": "b"})
    assert session.verify().ok
    session.lock()
