"""Retention on the laptop: a case the station has acknowledged, closed or handed over and
left alone for the retention period, is purged from the laptop (LEGAL.md §8: keep data no
longer than necessary). Only what the station holds may go; the purge is itself an event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldapp import settings
from fieldapp.errors import InvalidInput, NotPermitted, coded
from fieldapp.settings import Setting
from fieldapp.storage.events import Draft
from fieldapp.storage.records import Records
from fieldapp.storage.session import VAULT_ENTITY, Session
from fieldapp.sync.export import acked_seq, last_receipt

DEFAULT_RETENTION_DAYS = 30
RETENTION_DAYS = Setting("retention_days", int, DEFAULT_RETENTION_DAYS)
MAX_RETENTION_DAYS = 3650
_FINISHED = ("closed", "transferred")


@dataclass(frozen=True)
class Due:
    case_id: str
    last_seq: int  # the case's newest event on this laptop


def retention_days(session: Session) -> int:
    return settings.get(session, RETENTION_DAYS)


def set_retention_days(session: Session, days: int) -> None:
    set_retention_setting(session, RETENTION_DAYS, days)


def check_days(days: int) -> int:
    if not 0 <= days <= MAX_RETENTION_DAYS:
        reason = coded(
            "retention_days_range",
            f"between 0 and {MAX_RETENTION_DAYS} days.",
            max=MAX_RETENTION_DAYS,
        )
        raise InvalidInput(
            f"Retention: {reason}", field="retention_days", problems=(("retention_days", reason),)
        )
    return days


def set_retention_setting(session: Session, setting: Setting[int], days: int) -> None:
    """Set a retention period (administrators only); the change is logged as an event, so
    who shortened a period, and when, stays in the log."""
    check_days(days)
    if not session.officer.is_admin:
        raise NotPermitted("Only an administrator may change the retention period.")
    with session.writing():
        session.conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (setting.name, setting.format(days)),
        )
        session.append(
            [
                Draft(
                    "amend",
                    VAULT_ENTITY,
                    session.vault_id,
                    {"setting": setting.name, "value": days},
                )
            ]
        )


def due_for_purge(session: Session, now: datetime) -> list[Due]:
    """Finished cases, untouched for the retention period, that the station acknowledged
    (by a receipt this laptop keeps: a purge names it)."""
    receipt = last_receipt(session)
    if receipt is None:
        return []  # acknowledged before receipts were kept: the next receipt will do
    acked = min(acked_seq(session), int(receipt["through_seq"]))
    cutoff = now - timedelta(days=retention_days(session))
    due = []
    for case in Records(session.conn).find("case"):
        if case.get("status") not in _FINISHED:
            continue
        if datetime.fromisoformat(case.updated_at) > cutoff:
            continue
        row = session.conn.execute(
            "SELECT max(e.seq) FROM events e JOIN records r ON r.entity_type = e.entity_type "
            "AND r.entity_id = e.entity_id WHERE (r.case_id = ? OR (r.entity_type = 'case' "
            "AND r.entity_id = ?)) AND e.device_id = ?",
            (case.entity_id, case.entity_id, session.device_id),
        ).fetchone()
        last = int(row[0] or 0)
        if last and last <= acked:
            due.append(Due(case.entity_id, last))
    return due


def purge_due(session: Session, now: datetime) -> list[Due]:
    """Purge every case that is due; returns what was purged."""
    due = due_for_purge(session, now)
    receipt = last_receipt(session)
    for item in due:
        assert receipt is not None  # nothing is due without one
        session.purge_case(
            item.case_id,
            f"retention: acknowledged by the station, {retention_days(session)} days",
            receipt,
        )
    return due
