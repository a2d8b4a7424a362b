"""Retention on the laptop: a case the station has acknowledged, closed or handed over and
left alone for the retention period, is purged from the laptop (LEGAL.md §8: keep data no
longer than necessary). Only what the station holds may go; the purge is itself an event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.sync.export import acked_seq

RETENTION_SETTING = "retention_days"
DEFAULT_RETENTION_DAYS = 30
_FINISHED = ("closed", "transferred")


@dataclass(frozen=True)
class Due:
    case_id: str
    last_seq: int  # the case's newest event on this laptop


def retention_days(session: Session) -> int:
    return int(session.setting(RETENTION_SETTING, str(DEFAULT_RETENTION_DAYS)))


def set_retention_days(session: Session, days: int) -> None:
    if not 0 <= days <= 3650:
        raise InvalidInput(
            coded("out_of_range", "Retention: between 0 and 3650 days.", minimum=0, maximum=3650),
            field="retention_days",
        )
    session.set_setting(RETENTION_SETTING, str(days))


def due_for_purge(session: Session, now: datetime) -> list[Due]:
    """Finished cases, untouched for the retention period, that the station acknowledged."""
    acked = acked_seq(session)
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
    for item in due:
        session.purge_case(
            item.case_id, f"retention: acknowledged by the station, {retention_days(session)} days"
        )
    return due
