"""What station staff do at a PostgreSQL station, under their own name (issue #18).

A PostgreSQL station signs its own events with the station's key, whoever unlocked it
(staff are key slots, not officers with keys of their own). So that a settlement or an
opened record still says who did it, the staff member's name is put into the event's
body, where the station's signature covers it: ``StaffReviewer`` stamps the review's
appends, ``record_access`` the access events. ``settled`` reads the name back,
and ``access_log`` lists the accesses as a vault's ``workflow.access_log`` does (the
listing logged as one more).

The body's extra ``staff`` key changes nothing a projection reads: a create's data is
under ``data``, an amend's under ``set``, a settlement's under ``field`` and ``value``.
"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.errors import NotPermitted
from fieldapp.officers import OFFICER_ENTITY
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import Record, Records
from fieldapp.storage.verify import STATION_ENTITY
from fieldapp.sync.pg_store import PgReviewer, PgStationStore
from fieldapp.sync.review import refuse_settled
from fieldapp.sync.settled import Settled, settled_conflicts
from fieldapp.workflow.access_log import (
    LIST_ACTION,
    Access,
    AccessFilter,
    listed_filter,
    utc_bounds,
)

STAFF_KEY = "staff"  # the body's key naming the staff member who made a station event


def stamped(drafts: Sequence[Draft], staff: str) -> list[Draft]:
    """``drafts`` with ``staff`` named in each body."""
    return [
        Draft(d.kind, d.entity_type, d.entity_id, {**d.body, STAFF_KEY: staff}, d.parents)
        for d in drafts
    ]


class StaffReviewer(PgReviewer):
    """``PgStationStore.reviewer`` with the staff member named in every settlement and
    review state (a ``sync.review.ReviewStore``)."""

    def append(self, drafts: Sequence[Draft]) -> list[Event]:
        named = stamped(drafts, self._store.staff_name)
        return self._store.append(named, lambda conn: refuse_settled(conn, named))


def record_access(
    store: PgStationStore, entity_type: str, entity_id: str, purpose: str = "view"
) -> Event:
    """Log that the staff member who unlocked the station opened a record (brottsdatalagen
    access logging, as ``Session.record_access`` in a vault)."""
    body = {"action": "open", "purpose": purpose, STAFF_KEY: store.staff_name}
    return store.append([Draft("access", entity_type, entity_id, body)])[0]


def open_case_persons(store: PgStationStore, case_id: str, purpose: str) -> list[str]:
    """A case's details opened at the station: an access event for each person in it
    (what a case's summary shows), in one transaction. The persons' ids."""
    records = Records(store.records_conn)
    records.require("case", case_id, "case_id")
    persons = [p.entity_id for p in records.find(PERSON_ENTITY, case_id=case_id)]
    body = {"action": "open", "purpose": purpose, STAFF_KEY: store.staff_name}
    store.append([Draft("access", PERSON_ENTITY, p, body) for p in persons])
    return persons


def settled(store: PgStationStore) -> list[Settled]:
    """The latest settled conflicts, each by the staff member the settlement names."""

    def events(keys: Sequence[tuple[str, str, str]]) -> dict[str, Event]:
        return {e.id: e for e in store.events_where(ids=[k[2] for k in keys])}

    def name(event: Event) -> str:
        return str(event.data.get(STAFF_KEY) or event.officer_id)

    return settled_conflicts(store.records_conn, events, name)


def officer_names(store: PgStationStore) -> dict[tuple[str, str], str]:
    """(device id, officer id) → display name, as enrolled on the laptops (their officers'
    events came in the bundles); removed officers keep theirs (their entries still show)."""
    names: dict[tuple[str, str], str] = {}
    for event in store.events_where(entity_type=OFFICER_ENTITY, kind="create"):
        name = event.data.get("display_name")
        if name:
            names[(event.device_id, event.entity_id)] = str(name)
    return names


def access_log(store: PgStationStore, wanted: AccessFilter) -> list[Access]:
    """The accesses that match ``wanted``, oldest first: the station's staff's and the
    laptops' officers' (the station's admins only, as a vault's administrators). Appends an
    access event saying the log was listed."""
    if not store.login.admin:
        raise NotPermitted("Only a station admin may list the access log.")
    listed = listed_filter(wanted)
    low, high = utc_bounds(wanted)
    records = Records(store.records_conn)
    # Each record read once however often it was opened (a person's record is, many
    # times), and only for the accesses the rest of the filter keeps.
    held: dict[tuple[str, str], Record | None] = {}
    names = officer_names(store)
    found: list[Access] = []
    for event in store.events_where(kind="access"):
        data = event.data
        who = str(data.get(STAFF_KEY) or names.get((event.device_id, event.officer_id), ""))
        key = (event.entity_type, event.entity_id)
        if (
            (wanted.person_id and key != ("person", wanted.person_id))
            or (wanted.officer_id and wanted.officer_id not in (event.officer_id, who))
            or (low and event.wall_time < low)
            or (high and event.wall_time >= high)
        ):
            continue
        if key not in held:
            held[key] = records.get(*key)
        record = held[key]
        case_id = record.case_id if record else None
        if wanted.case_id and case_id != wanted.case_id:
            continue
        role = record.get("role") if record and event.entity_type == PERSON_ENTITY else None
        found.append(
            Access(
                event.id,
                event.wall_time,
                event.officer_id,
                who,
                event.device_id,
                event.entity_type,
                event.entity_id,
                case_id,
                role,
                str(data.get("action", "open")),
                data.get("purpose"),
            )
        )
    found.sort(key=lambda a: (a.wall_time, a.event_id))
    body = {
        "action": LIST_ACTION,
        "filter": listed,
        "count": len(found),
        STAFF_KEY: store.staff_name,
    }
    store.append([Draft("access", STATION_ENTITY, store.device_id, body)])
    return found
