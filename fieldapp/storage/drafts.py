"""Work in progress: what an officer has typed that is not yet a valid record.

A draft lives in the encrypted vault (never in a loose file), outside the event log: it is
not evidence, only typing that must survive a lock, a crash or a flat battery. Once the
input is valid the record is created as events and the draft is discarded.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from fieldapp.storage.database import Connection, transaction


class Drafts:
    """Drafts by key (e.g. ``case/<id>/new-buyer``), each a JSON object of field texts."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, key: str, data: dict[str, Any]) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO drafts (key, data, updated_at) VALUES (?, ?, ?)",
                (
                    key,
                    json.dumps(data, ensure_ascii=False, sort_keys=True),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )

    def load(self, key: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT data FROM drafts WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        value = json.loads(row[0])
        return value if isinstance(value, dict) else None

    def discard(self, key: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM drafts WHERE key = ?", (key,))

    def keys(self, prefix: str = "") -> list[str]:
        rows = self._conn.execute(
            "SELECT key FROM drafts WHERE key LIKE ? ESCAPE '\\' ORDER BY key",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        )
        return [r[0] for r in rows]
