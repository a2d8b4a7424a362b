"""The station pages' seam: one set of pages (``ui.sync.station`` and its tabs) over either
station store. ``StationBackend`` is what a page may ask of the station; ``VaultBackend``
gives it from a station vault's session, ``PgBackend`` from a PostgreSQL station's store
(issue #18). The rules are ``fieldapp.sync``'s either way; the backends only choose what
the rules read and write through.

What differs, and is said here once: who is named (a vault's officers as enrolled; at a
PostgreSQL station the staff member who unlocked it, named in the events' bodies by
``sync.pg_staff``), how work reaches a worker thread (a sibling session, or the store
opened again on a connection of its own), and what a PostgreSQL station does not do
(linking operations, which writes through a vault's context; remembering settings).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from fieldapp import settings
from fieldapp.officers import active_officers
from fieldapp.storage.session import Session
from fieldapp.sync.laptop_card import LaptopCard
from fieldapp.sync.register import RegisterBook, RegisteredLaptop, register_laptop
from fieldapp.sync.review import ReviewStore
from fieldapp.sync.settled import Settled, vault_settled
from fieldapp.sync.station import StationKeys, station_keys
from fieldapp.workflow.context import Context
from ui.runner import Opened, SessionSource, WorkSource
from ui.sync.media import LAST_FOLDER

if TYPE_CHECKING:
    from fieldapp.sync.pg_store import PgStationStore


class StationBackend(Protocol):
    """What the station's pages read and write through."""

    @property
    def review(self) -> ReviewStore:
        """The review's store: conflicts, alarms, cases, review states."""
        ...

    @property
    def book(self) -> Session | RegisterBook:
        """The register of laptops."""
        ...

    @property
    def ctx(self) -> Context:
        """The use cases' context: the case views, summaries and the report."""
        ...

    @property
    def keys(self) -> StationKeys: ...

    @property
    def device_id(self) -> str:
        """The station's own device id (its own events are "this station")."""
        ...

    @property
    def work(self) -> WorkSource:
        """What the background runner opens for an import or a report."""
        ...

    @property
    def can_link(self) -> bool:
        """Whether operations can be linked here (a station vault only)."""
        ...

    @property
    def opens_case_here(self) -> bool:
        """Whether a chosen case opens on the station page itself (a PostgreSQL station's
        case details, ``open_case_details``) rather than in the vault's case screen."""
        ...

    @property
    def counties(self) -> list[str] | None:
        """The counties a laptop may be registered for here (the ones the login holds), or
        None where the station has no counties (a station vault is one county's)."""
        ...

    @property
    def preset_county(self) -> str | None:
        """The county to offer first: the login's only one, when it holds one."""
        ...

    def register(self, card: LaptopCard, county: str | None) -> RegisteredLaptop:
        """``card`` registered (for ``county``, at a station with counties)."""
        ...

    def laptop_county(self, device_id: str) -> str | None:
        """The county a laptop is registered for; None without one (or without counties)."""
        ...

    def officer_names(self, device_id: str) -> dict[str, str]:
        """The officers enrolled on a laptop: service id → name."""
        ...

    def settled(self) -> list[Settled]:
        """The latest settled conflicts, each with who settled it."""
        ...

    def staff_of(self, event_id: str) -> str | None:
        """The staff member one of the station's own events names (None: the event is
        named by its signer, as in a vault)."""
        ...

    def open_case_details(self, case_id: str, purpose: str = "case_details") -> bytes:
        """A case's details (its summary) for staff to read; at a PostgreSQL station the
        opening is logged as an access to each person in it, for ``purpose``."""
        ...

    def last_folder(self) -> str: ...

    def remember_folder(self, folder: str) -> None: ...


class VaultBackend:
    """A station vault's session as the pages' backend."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._ctx = Context(session)

    @property
    def review(self) -> ReviewStore:
        return self.session

    @property
    def book(self) -> Session | RegisterBook:
        return self.session

    @property
    def ctx(self) -> Context:
        return self._ctx

    @property
    def keys(self) -> StationKeys:
        return station_keys(self.session)

    @property
    def device_id(self) -> str:
        return self.session.device_id

    @property
    def work(self) -> WorkSource:
        return SessionSource(self.session)

    @property
    def can_link(self) -> bool:
        return True

    @property
    def opens_case_here(self) -> bool:
        return False  # the main window's case screen opens it (and logs the persons)

    @property
    def counties(self) -> list[str] | None:
        return None

    @property
    def preset_county(self) -> str | None:
        return None

    def register(self, card: LaptopCard, county: str | None) -> RegisteredLaptop:
        return register_laptop(self.session, card)

    def laptop_county(self, device_id: str) -> str | None:
        return None

    def officer_names(self, device_id: str) -> dict[str, str]:
        return {o.officer_id: o.display_name for o in active_officers(self.session.conn, device_id)}

    def settled(self) -> list[Settled]:
        return vault_settled(self.session)

    def staff_of(self, event_id: str) -> str | None:
        return None  # a vault's officers sign their own events

    def open_case_details(self, case_id: str, purpose: str = "case_details") -> bytes:
        # Deferred: the documents load when a summary is first asked for.
        from fieldapp.documents import service

        return service.case_summary_pdf(self._ctx, case_id)

    def last_folder(self) -> str:
        return settings.get(self.session, LAST_FOLDER) or ""

    def remember_folder(self, folder: str) -> None:
        settings.put(self.session, LAST_FOLDER, folder)


class PgWork:
    """A PostgreSQL station as a ``WorkSource``: the work gets the unlocked store opened
    again on a connection of its own (a connection belongs to one thread), and the
    context over it; closed when the work ends."""

    def __init__(self, store: PgStationStore, target: str, password: str | None) -> None:
        self._store = store
        self._target = target
        self._password = password
        self.closed = False

    @property
    def locked(self) -> bool:
        return self.closed

    def work_opener(self, clock: Callable[[], datetime]) -> Callable[[], Opened]:
        # Deferred: only a PostgreSQL station loads the driver.
        from fieldapp.sync.pg_context import PgStationContext

        store, target, password = self._store, self._target, self._password

        def open_store() -> Opened:
            opened = store.open_again(target, password)
            return opened, PgStationContext(opened, clock), opened.close

        return open_store


class PgBackend:
    """A PostgreSQL station's unlocked store as the pages' backend. ``target`` and
    ``password`` (one asked for at the login, never one from the command line) open it
    again for the background work."""

    def __init__(self, store: PgStationStore, target: str, password: str | None = None) -> None:
        from fieldapp.sync.pg_context import PgStationContext
        from fieldapp.sync.pg_staff import StaffReviewer

        self.store = store
        self._reviewer = StaffReviewer(store)
        self._ctx = PgStationContext(store)
        self._work = PgWork(store, target, password)
        self._folder = ""  # for this login only: the station's database keeps no settings
        self._names: dict[tuple[str, str], str] | None = None

    @property
    def review(self) -> ReviewStore:
        return self._reviewer

    @property
    def book(self) -> Session | RegisterBook:
        return self.store

    @property
    def ctx(self) -> Context:
        return self._ctx

    @property
    def keys(self) -> StationKeys:
        return self.store.keys

    @property
    def device_id(self) -> str:
        return str(self.store.device_id)

    @property
    def work(self) -> WorkSource:
        return self._work

    @property
    def can_link(self) -> bool:
        return False

    @property
    def opens_case_here(self) -> bool:
        return True

    @property
    def staff_name(self) -> str:
        return self.store.staff_name

    @property
    def counties(self) -> list[str]:
        from fieldapp import counties

        login = self.store.login
        return [c for c in counties.county_ids() if login.holds(c)]

    @property
    def preset_county(self) -> str | None:
        return self.store.login.only_county

    def laptop_county(self, device_id: str) -> str | None:
        return self.store.laptop_county(device_id)

    def register(self, card: LaptopCard, county: str | None) -> RegisteredLaptop:
        # The store's own: the county recorded with the card, and its refusals
        # (station_county_required, station_county_not_yours) before anything is written.
        return self.store.register_laptop(card, county)

    def refresh_names(self) -> None:
        """Read the laptops' officers again (an import may have brought new ones)."""
        self._names = None

    def officer_names(self, device_id: str) -> dict[str, str]:
        from fieldapp.sync.pg_staff import officer_names

        if self._names is None:
            self._names = officer_names(self.store)
        return {o: name for (d, o), name in self._names.items() if d == device_id}

    def settled(self) -> list[Settled]:
        from fieldapp.sync.pg_staff import settled

        return settled(self.store)

    def staff_of(self, event_id: str) -> str | None:
        from fieldapp.sync.pg_staff import STAFF_KEY

        found = self.store.events_where(ids=[event_id])
        staff = found[0].data.get(STAFF_KEY) if found else None
        return str(staff) if staff else None

    def open_case_details(self, case_id: str, purpose: str = "case_details") -> bytes:
        from fieldapp.documents import service
        from fieldapp.sync.pg_staff import open_case_persons

        # Logged before it is shown: an opening that is not logged must not happen.
        open_case_persons(self.store, case_id, purpose)
        return service.case_summary_pdf(self._ctx, case_id)

    def last_folder(self) -> str:
        return self._folder

    def remember_folder(self, folder: str) -> None:
        self._folder = folder

    def close(self) -> None:
        """Lock: the connection closed, the keys dropped with the store."""
        self._work.closed = True
        self.store.close()


def station_backend(station: Session | StationBackend) -> StationBackend:
    """The backend for ``station``: a station vault's session is wrapped."""
    return VaultBackend(station) if isinstance(station, Session) else station
