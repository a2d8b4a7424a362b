"""The station is the archive. A laptop's purge, imported like every event, is recorded at
the station (the case's history shows it) and removes nothing there; the station's own
retention is a separate period and an explicit decision by an administrator, logged as a
purge event of the station's own, never a side effect of an import.

``check_archive`` is the station's part of ``verify``: every case a laptop purged is still
held whole, unless the station itself has since purged it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldapp import settings
from fieldapp.errors import NotPermitted
from fieldapp.settings import Setting
from fieldapp.storage.events import read_events
from fieldapp.storage.records import PURGE_ENTITY, Records
from fieldapp.storage.session import Session
from fieldapp.sync.retention import (
    DEFAULT_RETENTION_DAYS,
    RETENTION_DAYS,
    retention_days,
    set_retention_setting,
)
from fieldapp.sync.station import is_station

# No period is set in law for these records: review them yearly (LEGAL.md, BDL 2:18).
DEFAULT_STATION_RETENTION_DAYS = 365
STATION_RETENTION_DAYS = Setting("station_retention_days", int, DEFAULT_STATION_RETENTION_DAYS)
_FINISHED = ("closed", "transferred")


@dataclass(frozen=True)
class LaptopPurge:
    """A laptop emptied its copy of a case; the station must still hold it."""

    case_id: str
    device_id: str
    wall_time: str
    events: int  # how many of the case's events the laptop emptied


def laptop_purges(session: Session) -> list[LaptopPurge]:
    """Every purge a laptop made and the station imported, oldest first."""
    rows = session.conn.execute(
        "SELECT DISTINCT entity_id FROM events WHERE entity_type = ? AND device_id != ?",
        (PURGE_ENTITY, session.device_id),
    ).fetchall()
    found = [
        LaptopPurge(str(e.data.get("case_id")), e.device_id, e.wall_time, int(e.data["events"]))
        for (case_id,) in rows
        for e in read_events(session.conn, entity=(PURGE_ENTITY, case_id))
        if e.device_id != session.device_id
    ]
    return sorted(found, key=lambda p: p.wall_time)


def station_purged(session: Session) -> set[str]:
    """The cases this vault purged itself (at a station: under its own retention)."""
    rows = session.conn.execute(
        "SELECT entity_id FROM events WHERE entity_type = ? AND device_id = ?",
        (PURGE_ENTITY, session.device_id),
    )
    return {r[0] for r in rows}


def held_events(session: Session, case_id: str, device_id: str) -> int:
    """How many of ``device_id``'s events of a case the station holds with their body."""
    row = session.conn.execute(
        "SELECT count(*) FROM events e JOIN records r ON r.entity_type = e.entity_type "
        "AND r.entity_id = e.entity_id WHERE (r.case_id = ? OR (r.entity_type = 'case' "
        "AND r.entity_id = ?)) AND e.device_id = ? AND e.body_sha256 IS NULL",
        (case_id, case_id, device_id),
    ).fetchone()
    return int(row[0])


def check_archive(session: Session) -> str | None:
    """Why the station no longer holds a case a laptop purged, or ``None`` when it holds
    every one (or is not a station)."""
    if not is_station(session):
        return None
    own = station_purged(session)
    records = Records(session.conn)
    for purge in laptop_purges(session):
        if purge.case_id in own:
            continue
        if records.get("case", purge.case_id) is None:
            return (
                f"case {purge.case_id} purged on laptop {purge.device_id[:8]} "
                "is no longer held at the station"
            )
        held = held_events(session, purge.case_id, purge.device_id)
        if held < purge.events:
            return (
                f"case {purge.case_id}: the station holds {held} of the {purge.events} "
                f"events laptop {purge.device_id[:8]} purged"
            )
    return None


# -- the station's own retention ------------------------------------------------------------


def station_retention_days(session: Session) -> int:
    return settings.get(session, STATION_RETENTION_DAYS)


def due_at_station(session: Session, now: datetime) -> list[str]:
    """Finished cases the station has held untouched for its own retention period."""
    if not is_station(session):
        raise NotPermitted("This vault is not a station; a laptop purges with 'sync purge'.")
    cutoff = now - timedelta(days=station_retention_days(session))
    return [
        case.entity_id
        for case in Records(session.conn).find("case")
        if case.get("status") in _FINISHED and datetime.fromisoformat(case.updated_at) <= cutoff
    ]


def purge_at_station(session: Session, now: datetime) -> list[str]:
    """The station's own retention: an administrator's explicit decision, each case purged
    (from every laptop's events) under a purge event that names the period."""
    if not session.officer.is_admin:
        raise NotPermitted("Only an administrator may purge the station's records.")
    days = station_retention_days(session)
    due = due_at_station(session, now)
    for case_id in due:
        session.purge_case(case_id, f"station retention: {days} days", every_device=True)
    return due


# -- retention as one vault setting, whichever kind of vault this is --------------------------


@dataclass(frozen=True)
class Retention:
    """This vault's retention period: a laptop's (after the station's receipt) or the
    station's own (its archive)."""

    days: int
    default: int
    station: bool


def vault_retention(session: Session) -> Retention:
    if is_station(session):
        return Retention(station_retention_days(session), DEFAULT_STATION_RETENTION_DAYS, True)
    return Retention(retention_days(session), DEFAULT_RETENTION_DAYS, False)


def set_vault_retention(session: Session, days: int) -> Retention:
    """Set this vault's period (administrators only; logged as an event)."""
    setting = STATION_RETENTION_DAYS if is_station(session) else RETENTION_DAYS
    set_retention_setting(session, setting, days)
    return vault_retention(session)
