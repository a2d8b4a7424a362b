"""The full page check after unlock (``Session.page_check``) on a real vault file: an unlock
without it opens a vault whose damage lies in a page nobody read, and the check, run on a
thread with its own connection, finds it; a cancelled check stops and reports nothing."""

from __future__ import annotations

import os
import threading
import uuid

from fieldapp.storage.events import Draft
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS


def _filled(vault: Vault) -> None:
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    session.append(
        [
            Draft("create", "note", str(uuid.uuid4()), {"data": {"text": f"fyllnad {i} " * 30}})
            for i in range(400)
        ]
    )
    session.lock()  # closing checkpoints the WAL into vault.db


def flip_a_deep_byte(vault: Vault) -> None:
    """One bit of a page deep inside vault.db, not read by a plain open (as in test_faults)."""
    size = vault.db_path.stat().st_size
    assert size > 40 * 4096
    with vault.db_path.open("r+b") as f:
        f.seek(size // 2 + 123)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0x01]))


def _on_a_thread(check: object) -> list[str] | None:
    found: list[list[str] | None] = []
    worker = threading.Thread(target=lambda: found.append(check.run()))  # type: ignore[attr-defined]
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    return found[0]


def test_the_check_after_unlock_finds_a_flipped_byte(two_officer_vault: Vault) -> None:
    _filled(two_officer_vault)
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS, check_pages=False)
    assert _on_a_thread(session.page_check()) == []  # sound before the flip
    session.lock()
    flip_a_deep_byte(two_officer_vault)
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS, check_pages=False)
    try:
        problems = _on_a_thread(session.page_check())
        assert problems, "the flipped byte went unnoticed"
    finally:
        session.lock()


def test_a_cancelled_check_reports_nothing(two_officer_vault: Vault) -> None:
    _filled(two_officer_vault)
    flip_a_deep_byte(two_officer_vault)
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS, check_pages=False)
    check = session.page_check()
    session.lock()
    check.cancel()  # the vault locked before the thread got to it: the key is gone too
    assert _on_a_thread(check) is None
