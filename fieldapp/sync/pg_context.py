"""The use cases' ``Context`` over a PostgreSQL station, for what is read there: the
operation report (``documents.service.operation_report_pdf``) and the case views it is
made of, from the records projection the station keeps (``sync.pg_store``).

It reads; it writes nothing. A station in PostgreSQL has no vault session: no officers
of its own (its staff unlock it by key slots), so documents name the officers the laptops
enrolled, from their enrolment events in the log (``PgStationStore.officers``); no
settings table (the completion rule is the setting's default); the staff member who
prints is named (``printed_by``); opened records are logged by the station's pages
(``sync.pg_staff``), not through it. Its documents say where the records are kept: in the
station's database (``store_kind``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from fieldapp.domain.evaluation import CompletionRule
from fieldapp.errors import KnownError, coded
from fieldapp.officers import Officer
from fieldapp.storage.database import SqlConnection
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import Records
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.workflow.context import COMPLETION_RULE, Context, StoreKind, local_now


class PgStationContext(Context):
    """A read-only ``Context`` whose records are the PostgreSQL station's."""

    store_kind: StoreKind = "station_db"

    def __init__(self, store: PgStationStore, clock: Callable[[], datetime] = local_now) -> None:
        # No vault session behind it: every read a use case makes through the context
        # goes to the store (``records``, ``conn``, ``officers``, ``completion_rule``).
        self._store = store
        self._clock = clock

    @property
    def records(self) -> Records:
        return Records(self._store.records_conn)

    @property
    def conn(self) -> SqlConnection:
        return self._store.records_conn

    @property
    def officer_id(self) -> str:
        return self._store.keys.card.fingerprint

    def officers(self) -> list[Officer]:
        return self._store.officers()

    def printed_by(self) -> str:
        # The staff member who unlocked the station: staff have no service id here.
        return self._store.staff_name

    @property
    def completion_rule(self) -> CompletionRule:
        return COMPLETION_RULE.default

    def commit(self, drafts: Sequence[Draft]) -> tuple[Event, ...]:
        raise KnownError(
            coded(
                "station_db_read_only",
                "This is done at a station vault or a laptop, not from the station's database.",
            )
        )
