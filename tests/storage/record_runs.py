"""Runs of record events for comparing ``RecordsProjection.apply`` one event at a time with
``apply_all`` (the PostgreSQL station's bundle path): creates, amends and voids with stale
or missing parents (conflicts), resolves, purges, creates of a record held already.

A run is made from ``steps``, tuples of small numbers (hypothesis draws them, or a seeded
``random.Random``), so both stores' tests build the same kinds of runs."""

from __future__ import annotations

import random
from collections.abc import Sequence

import orjson

from fieldapp.storage.events import Event

# The entities a run touches: two cases, and two elements of the first case.
ENTITIES = (("case", "c1", None), ("case", "c2", None), ("element", "e1", "c1"),
            ("element", "e2", "c1"))  # fmt: skip
KINDS = ("create", "amend", "amend", "amend", "void", "resolve", "purge")
FIELDS = ("amount", "room", "source")
VALUES = (None, 1500, 1800, "412", "ad")
Step = tuple[int, int, int, int, int, int]
STEP_SIZES = (len(KINDS), len(ENTITIES), 8, len(FIELDS) + 1, len(VALUES), 2)


def random_steps(rng: random.Random, count: int) -> list[Step]:
    return [tuple(rng.randrange(n) for n in STEP_SIZES) for _ in range(count)]  # type: ignore[misc]


def events_from(steps: Sequence[Step], station_device: str) -> list[Event]:
    """Each step as an event: its kind, its entity, the parent it names (one of the
    entity's events so far, counted back from the latest, or none), a field, a value, and
    whether a station's officer wrote it. Every entity is created first, once, unless a
    step says otherwise; a purge empties the first case where written by ``station_device``."""
    events: list[Event] = []
    by_entity: dict[str, list[str]] = {}

    def add(kind: str, entity_type: str, entity_id: str, body: object, parents: tuple[str, ...],
            device: str = "D-laptop", officer: str = "B100001") -> None:  # fmt: skip
        n = len(events) + 1
        event_id = f"ev{n:04d}"
        events.append(
            Event(
                device_id=device, seq=n, id=event_id, officer_id=officer, hlc=f"{n:013d}:0",
                wall_time=f"2026-05-14T21:{n // 60 % 60:02d}:{n % 60:02d}.000+00:00",
                zone="Europe/Stockholm", kind=kind, entity_type=entity_type,
                entity_id=entity_id, parents=parents, body=orjson.dumps(body),
                attachments=(), prev_hash=b"",
            )
        )  # fmt: skip
        by_entity.setdefault(entity_id, []).append(event_id)

    for entity_type, entity_id, case_id in ENTITIES[:3]:
        body: dict[str, object] = {"data": {"amount": 1000, "source": "ad"}}
        if case_id is not None:
            body["case_id"] = case_id
        add("create", entity_type, entity_id, body, ())
    for kind_n, entity_n, parent_n, field_n, value_n, station_n in steps:
        kind = KINDS[kind_n]
        entity_type, entity_id, case_id = ENTITIES[entity_n]
        seen = by_entity.get(entity_id, [])
        parents = (seen[-1 - parent_n],) if parent_n < len(seen) else ()
        if parent_n == 7:
            parents = ("ev-unknown",)
        field = FIELDS[field_n] if field_n < len(FIELDS) else "(void)"
        value = VALUES[value_n]
        officer = "S100001" if station_n else "B100001"
        if kind == "create":
            data = {"amount": value} if value is not None else {}
            body = {"data": data, **({"case_id": case_id} if case_id else {})}
            add("create", entity_type, entity_id, body, (), officer=officer)
        elif kind == "amend":
            change = {"unset": [field]} if value is None else {"set": {field: value}}
            if field == "(void)":
                change = {"set": {"amount": value, "room": "1"}}
            add("amend", entity_type, entity_id, change, parents, officer=officer)
        elif kind == "void":
            add("void", entity_type, entity_id, {"reason": f"r{value_n}"}, parents, officer=officer)
        elif kind == "resolve":
            resolved = {"field": field} if value is None else {"field": field, "value": value}
            if field == "(void)":
                resolved = {"field": field, "value": bool(value_n % 2)}
            add("resolve", entity_type, entity_id, resolved, parents, officer=officer)
        else:
            device = station_device if station_n else "D-laptop"
            add("purge", "purge", f"p{len(events)}", {"case_id": "c1"}, (), device=device)
    return events
