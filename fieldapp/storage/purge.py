"""One job of an unlocked ``Session``: purging a case under retention — checking the
station's receipt covers it, then emptying the bodies of its events under purge events, so
the chain still verifies. ``Session.purge_case`` hands over here and anchors the head after."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from fieldapp.errors import KnownError, coded
from fieldapp.storage import schema
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.database import Connection, transaction
from fieldapp.storage.events import Draft, EventLog
from fieldapp.storage.records import PURGE_ENTITY


class Unlocked(Protocol):
    """What purging uses of the session (``storage.session.Session``)."""

    @property
    def conn(self) -> Connection: ...

    @property
    def device_id(self) -> str: ...

    @property
    def log(self) -> EventLog: ...


def check_receipt(device_id: str, receipt: Mapping[str, Any] | None, *, every_device: bool) -> int:
    """The last sequence number the station's ``receipt`` acknowledges for this device
    (0 for a station's own purge, ``every_device``); refused if it does not cover a laptop."""
    through = 0 if receipt is None else receipt.get("through_seq")
    if not every_device and (
        receipt is None or not isinstance(through, int) or receipt.get("device_id") != device_id
    ):
        raise KnownError(
            coded(
                "purge_without_receipt",
                "Purge: no station receipt for this laptop covers the case.",
            )
        )
    return through if isinstance(through, int) else 0  # a station's: every event is due


def purge_case(
    session: Unlocked,
    case_id: str,
    reason: str,
    receipt: Mapping[str, Any] | None = None,
    *,
    every_device: bool = False,
) -> int:
    """Empty the bodies of every event of a case (their hashes stay, so the chain still
    verifies), drop its attachments and records. A purge event comes first (one for each
    ``schema.PURGE_CHUNK`` events), naming each event it empties and the station's
    signed ``receipt`` it relies on: the database lets a body be emptied only under such
    an event (schema v5), and ``verify`` checks each against it. A station, whose events
    of a case come from the laptops and which is the archive, purges with
    ``every_device`` and no receipt. The caller decides what is due
    (``fieldapp.sync.retention``). Returns the count."""
    conn = session.conn
    device_id = session.device_id
    through = check_receipt(device_id, receipt, every_device=every_device)
    # Freed pages are zeroed while purging: the purged content leaves no trace in the
    # free list. (Only here: always on, it slows every insert by a sixth.)
    conn.execute("PRAGMA secure_delete = ON")
    with transaction(conn):
        rows = conn.execute(
            "SELECT e.id, e.seq FROM events e JOIN records r ON r.entity_type = e.entity_type "
            "AND r.entity_id = e.entity_id WHERE (r.case_id = ? OR (r.entity_type = 'case' "
            "AND r.entity_id = ?)) AND e.body_sha256 IS NULL AND (? OR e.device_id = ?) "
            "ORDER BY e.rowid",
            (case_id, case_id, every_device, device_id),
        ).fetchall()
        if not every_device and any(seq > through for _, seq in rows):
            raise KnownError(
                coded(
                    "purge_not_acknowledged",
                    "Purge: the station has not acknowledged every event of this case.",
                )
            )
        ids = [event_id for event_id, _ in rows]
        # One purge event per chunk, each appended just before the bodies it names are
        # emptied: the trigger reads the newest purge event only (schema v5).
        for start in range(0, max(len(ids), 1), schema.PURGE_CHUNK):
            chunk = ids[start : start + schema.PURGE_CHUNK]
            draft = Draft(
                "checkpoint",
                PURGE_ENTITY,
                case_id,
                {
                    "case_id": case_id,
                    "events": len(chunk),
                    "event_ids": chunk,
                    "reason": reason,
                    **({} if receipt is None else {"receipt": dict(receipt)}),
                },
            )
            session.log.append_in_transaction([draft])
            for event_id in chunk:
                body = conn.execute("SELECT body FROM events WHERE id = ?", (event_id,)).fetchone()
                conn.execute(
                    "UPDATE events SET body = X'', body_sha256 = ? WHERE id = ?",
                    (sha256_hex(bytes(body[0])), event_id),
                )
        conn.execute(
            "DELETE FROM blobs WHERE sha256 NOT IN (SELECT value FROM events, "
            "json_each(events.attachments) WHERE events.body_sha256 IS NULL)"
        )
    conn.execute("PRAGMA secure_delete = OFF")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no copy of the old pages in the WAL
    return len(ids)
