"""WAL checkpoints on a thread (``storage.checkpoints``), on a real SQLCipher vault: what is
committed inside the block reaches vault.db itself (a copy of that file alone, without
its WAL, holds it), and the connection's automatic checkpoint is back afterwards."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.storage.checkpoints import AUTOCHECKPOINT_PAGES
from fieldapp.storage.events import Draft
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS


def _notes(n: int) -> list[Draft]:
    return [
        Draft("create", "note", str(uuid.uuid4()), {"data": {"text": f"anteckning {i}"}})
        for i in range(n)
    ]


def _file_alone(vault: Vault, tmp_path: Path, name: str) -> Session:
    """The vault as vault.db alone holds it: its folder copied without the WAL."""
    copy = tmp_path / name
    shutil.copytree(vault.data_dir, copy, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    return open_vault(copy).unlock(ADMIN_ID, ADMIN_PASS)


def _note_count(session: Session) -> int:
    return int(
        session.conn.execute("SELECT count(*) FROM events WHERE entity_type = 'note'").fetchone()[0]
    )


def _ingest_own_copy(session: Session, other: Session) -> None:
    """``other``'s events ingested into ``session`` (as a station stores a laptop's)."""
    session.ingest(list(other.events()), {}, lambda conn: None)


def test_what_is_ingested_in_the_block_reaches_the_file_itself(
    vault: Vault, admin_session: Session, tmp_path: Path
) -> None:
    laptop = open_vault(tmp_path / "laptop").create(ADMIN_ID, "Bo Bärbar", ADMIN_PASS)
    laptop.append(_notes(40))
    with admin_session.checkpoints_on_a_thread():
        auto = admin_session.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        _ingest_own_copy(admin_session, laptop)
        admin_session.append(_notes(3))  # committed in the block, not ingested: copied at its end
    assert auto == 0
    assert admin_session.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == (
        AUTOCHECKPOINT_PAGES
    )
    alone = _file_alone(vault, tmp_path, "alone")
    try:
        assert _note_count(alone) == 43 == _note_count(admin_session)
        assert alone.verify().ok
    finally:
        alone.lock()
        laptop.lock()


def test_without_the_block_a_small_commit_stays_in_the_wal(
    vault: Vault, admin_session: Session, tmp_path: Path
) -> None:
    """The control: the file alone lacks what was committed outside the block (fewer pages
    than the automatic checkpoint waits for), so the test above sees the thread's work."""
    admin_session.append(_notes(3))
    alone = _file_alone(vault, tmp_path, "alone")
    try:
        assert _note_count(alone) == 0
    finally:
        alone.lock()
