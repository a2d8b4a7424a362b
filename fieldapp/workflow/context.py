"""What every use case needs: the unlocked session, the records, the clock, the settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from fieldapp import settings
from fieldapp.domain.evaluation import CompletionRule
from fieldapp.errors import coded
from fieldapp.settings import Setting
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import Record, Records
from fieldapp.storage.session import Session
from fieldapp.validation import Problems

# A time typed as "now" on one laptop may be a little ahead of another's clock.
CLOCK_TOLERANCE = timedelta(minutes=5)
COMPLETION_RULE = Setting("completion_rule", CompletionRule, CompletionRule.COUNTY_PRACTICE)


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Change:
    """What a use case changed: the entity and the events it appended."""

    entity_type: str
    entity_id: str
    events: tuple[Event, ...] = field(default=())

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.events)


class Context:
    """The unlocked session and what the use cases read from it."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = local_now) -> None:
        self.session = session
        self._clock = clock

    @property
    def records(self) -> Records:
        return Records(self.session.conn)

    @property
    def officer_id(self) -> str:
        return self.session.officer_id

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
        return Change(drafts[0].entity_type, drafts[0].entity_id, events)

    def require(self, entity_type: str, entity_id: str, field: str) -> Record:
        return self.records.require(entity_type, entity_id, field)
