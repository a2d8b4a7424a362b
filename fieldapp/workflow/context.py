"""What every use case needs: the unlocked session, the records, the clock, the settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from fieldapp import settings
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.evaluation import CompletionRule
from fieldapp.errors import coded
from fieldapp.officers import Officer
from fieldapp.settings import Setting
from fieldapp.storage.database import SqlConnection
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import Record, Records
from fieldapp.storage.session import Session
from fieldapp.validation import Problems

# A time typed as "now" on one laptop may be a little ahead of another's clock.
CLOCK_TOLERANCE = timedelta(minutes=5)
StoreKind = Literal["vault", "station_db"]
COMPLETION_RULE = Setting("completion_rule", CompletionRule, CompletionRule.COUNTY_PRACTICE)


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Change:
    """What a use case changed (Anki's ``OpChanges``): the record it is about, the events it
    appended, and what those touched — the cases, the operations and the kinds of record —
    so that a screen knows whether to refresh without reading the events.
    ``Context.change`` and ``Context.describe`` fill it in."""

    entity_type: str
    entity_id: str
    events: tuple[Event, ...] = field(default=())
    case_ids: frozenset[str] = frozenset()
    operation_ids: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()  # the entity types of the events

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.events)

    @property
    def operation_id(self) -> str | None:
        """The one operation the change touched, if it touched exactly one."""
        return next(iter(self.operation_ids)) if len(self.operation_ids) == 1 else None

    def concerns_case(self, case_id: str) -> bool:
        return case_id in self.case_ids


class Context:
    """The unlocked session and what the use cases read from it."""

    # Where the records are kept, for documents that say so ("ärendena finns i valvet"):
    # a vault; a PostgreSQL station's context (``sync.pg_context``) says "station_db".
    store_kind: StoreKind = "vault"

    def __init__(self, session: Session, clock: Callable[[], datetime] = local_now) -> None:
        self.session = session
        self._clock = clock

    @property
    def records(self) -> Records:
        return Records(self.session.conn)

    @property
    def conn(self) -> SqlConnection:
        """The connection the records are read through, for the few reads that are not a
        record's (the documents' stamps, counts): a PostgreSQL station's context
        (``sync.pg_context``) gives its own."""
        return self.session.conn

    def officers(self) -> list[Officer]:
        """The officers enrolled in this vault (the names on printed documents)."""
        return self.session.officers()

    @property
    def officer_id(self) -> str:
        return self.session.officer_id

    def printed_by(self) -> str:
        """Who prints, as a document names them: ``Astrid Testberg (T100001)``."""
        officer = self.session.officer
        return f"{officer.display_name} ({officer.officer_id})"

    def now(self) -> datetime:
        """The current time, aware of the local zone, to the second."""
        return self._clock().replace(microsecond=0)

    def latest_allowed(self) -> datetime:
        return self.now() + CLOCK_TOLERANCE

    def today(self) -> date:
        return self.now().date()

    @property
    def completion_rule(self) -> CompletionRule:
        return settings.get(self.session, COMPLETION_RULE)

    def set_completion_rule(self, rule: str) -> None:
        p = Problems()
        try:
            chosen = CompletionRule(rule)
        except ValueError:
            allowed = ", ".join(r.value for r in CompletionRule)
            p.add("completion_rule", coded("not_a_choice", f"must be one of {allowed}."))
        p.raise_if_any()
        settings.put(self.session, COMPLETION_RULE, chosen)

    def commit(self, drafts: Sequence[Draft]) -> tuple[Event, ...]:
        return tuple(self.session.append(drafts))

    def change(self, drafts: Sequence[Draft]) -> Change:
        """Commit ``drafts`` (one transaction) and describe the first one's entity."""
        events = self.commit(drafts)
        return self.describe(drafts[0].entity_type, drafts[0].entity_id, events)

    def describe(self, entity_type: str, entity_id: str, events: Sequence[Event]) -> Change:
        """The ``Change`` of ``events``, just committed: the cases and operations their
        records belong to, and their kinds."""
        cases: set[str] = set()
        operations: set[str] = set()
        # A create names its placement; an amend or a void is placed where its record is.
        unplaced: dict[tuple[str, str], None] = {}
        for event in events:
            if event.entity_type == CASE_ENTITY:
                cases.add(event.entity_id)
            data = event.data
            if event.kind == "create":
                cases.update(v for v in (data.get("case_id"),) if isinstance(v, str))
                operations.update(v for v in (data.get("operation_id"),) if isinstance(v, str))
            else:
                unplaced[(event.entity_type, event.entity_id)] = None
        for kind, record_id in unplaced:
            record = self.records.get(kind, record_id)
            if record is not None:
                cases.update(v for v in (record.case_id,) if v)
                operations.update(v for v in (record.operation_id,) if v)
        return Change(
            entity_type,
            entity_id,
            tuple(events),
            frozenset(cases),
            frozenset(operations),
            frozenset(e.entity_type for e in events),
        )

    def require(self, entity_type: str, entity_id: str, field: str) -> Record:
        return self.records.require(entity_type, entity_id, field)
