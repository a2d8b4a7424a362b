"""A record's history as a reader tells it: its first entry, then its corrections.

A person or the case is typed field by field and saved as it is typed: the record is
created as soon as it is valid, and every further field is its own ``amend`` event. Those
amends are not corrections: they finish the first entry. The first entry of such a record
lasts while the same officer on the same laptop records nothing else: from the ``create``
the laptop's events follow one another (gapless sequence numbers) and all concern that
record. The first event about anything else ends it; what changes the record after that
is a correction. Acts (an element, a notice, a decision …) are recorded whole by one
Enter, so every change to them is a correction.

Derived from the log alone (nothing is stored for it), so it holds for old vaults, for
imported cases and at the station alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.storage.events import Event

# The records typed field by field (saved as typed) rather than recorded whole.
ENTERED_BY_FIELD = frozenset({PERSON_ENTITY, CASE_ENTITY})


def first_entries(events: Iterable[Event]) -> dict[str, str]:
    """For every ``amend`` that belongs to its record's first entry: amend id → the id of
    the record's ``create`` event."""
    by_device: dict[str, list[Event]] = {}
    for event in events:
        by_device.setdefault(event.device_id, []).append(event)
    folded: dict[str, str] = {}
    for device_events in by_device.values():
        entering: Event | None = None  # the create whose first entry is still going on
        previous: int | None = None
        for event in sorted(device_events, key=lambda e: e.seq):
            follows = previous is not None and event.seq == previous + 1
            previous = event.seq
            same = (
                entering is not None
                and follows
                and (event.entity_type, event.entity_id)
                == (entering.entity_type, entering.entity_id)
            )
            if event.kind == "create":
                entering = event if event.entity_type in ENTERED_BY_FIELD else None
            elif same and event.kind == "access":
                continue  # opening the record being typed changes nothing
            elif (
                same
                and entering is not None
                and event.kind == "amend"
                and event.officer_id == entering.officer_id
            ):
                folded[event.id] = entering.id
            else:
                entering = None
    return folded


def as_entered(create: Event, amends: Sequence[Event]) -> dict[str, Any]:
    """The record's data at the end of its first entry: the ``create`` with ``amends``
    (in order) applied."""
    data: dict[str, Any] = dict(create.data.get("data") or {})
    for amend in amends:
        body: Mapping[str, Any] = amend.data
        data.update(body.get("set") or {})
        for name in body.get("unset") or ():
            data.pop(name, None)
    return data
