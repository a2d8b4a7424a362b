"""The full page check of an unlocked vault, on a connection of its own, for a thread.

Every page's HMAC (``cipher_integrity_check``) and SQLite's structure check
(``quick_check``) read the whole file: seconds at 100,000 events, most of an unlock when it
ran there. SQLCipher already authenticates each page it reads, so nothing the officer sees
or writes rests on a page that failed; what the full check adds is the pages nobody has
read yet. The GUI therefore unlocks without it and runs it right after, on a thread, and
locks with an alarm if it fails; ``fieldapp verify`` runs it whole, in the foreground.

``run`` blocks (call it on the thread); ``cancel`` may be called from any thread (a lock
or a quit while it runs): it interrupts SQLite, and ``run`` returns ``None``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fieldapp.errors import VaultDamaged
from fieldapp.storage import database


class PageCheck:
    """One full check of ``db_path`` with ``data_key``; the key is dropped when it ends."""

    def __init__(self, db_path: Path, data_key: bytes) -> None:
        self._db_path = db_path
        self._data_key: bytes | None = data_key
        self._guard = threading.Lock()
        self._conn: database.Connection | None = None
        self._cancelled = False

    def run(self) -> list[str] | None:
        """The problems found (empty: every page is sound), or ``None`` if cancelled."""
        with self._guard:
            key, self._data_key = self._data_key, None
            if self._cancelled or key is None:
                return None
            try:
                self._conn = database.connect(self._db_path, key)
            except VaultDamaged as exc:
                return [str(exc)]
        conn = self._conn
        try:
            return database.integrity_problems(conn)
        except VaultDamaged as exc:  # a page so broken that reading it fails outright
            return None if self._cancelled else [str(exc)]
        except database.DatabaseError:
            if self._cancelled:
                return None  # interrupted by ``cancel``
            raise
        finally:
            with self._guard:
                self._conn = None
            conn.close()

    def cancel(self) -> None:
        """Stop at once (from any thread): the vault is locking or the app quitting."""
        with self._guard:
            self._cancelled = True
            self._data_key = None
            if self._conn is not None:
                self._conn.interrupt()
