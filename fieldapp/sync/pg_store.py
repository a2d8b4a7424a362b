"""The station's store in PostgreSQL (issue #18): ``StationStore`` and ``RegisterBook``
over a database made by ``init_pg_station`` (schema: ``sync.pg_schema``).

The rules stay in ``sync.importer`` and ``sync.register``; this module only reads and
writes. Several station PCs may import at once: a bundle is checked and stored while its
device's advisory lock is held (two importers of one laptop take turns, of two laptops
do not wait), and each bundle is one transaction, so a connection lost midway leaves
nothing of it and the next run imports it.

The station's keys are unlocked with a staff member's passphrase (``sync.pg_keys``):
bodies and blobs are sealed as they are written and opened as they are read, here and
nowhere else (``_insert_events``, ``_event``, ``blob``); the entry hashes and signatures
are over the plaintext, as the laptops made them.

Every failure to reach or use the server is a ``KnownError`` with a code of its own
(``station_db_*``), never a driver's stack trace, chosen by SQLSTATE and the server's
answers, never by its words (``sync.pg_errors``). The password is never part of what a
user types on the command line: libpq takes it from a service file, a password file
(``PGPASSFILE``) or the prompt (``cli_sync``).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nacl.signing import VerifyKey
from psycopg import conninfo as libpq
from psycopg import sql

from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.officers import OFFICER_ENTITY, Officer, Role
from fieldapp.storage.canonical import canonical
from fieldapp.storage.events import Draft, Event, genesis_hash, json_list, local_zone
from fieldapp.storage.ids import Hlc, uuid7
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.projections import Prepared, Projector
from fieldapp.storage.records import RecordsProjection
from fieldapp.storage.verify import STATION_ENTITY, ChainChecker, VerifyReport, station_signer
from fieldapp.sync import pg_counties, pg_keys, pg_schema
from fieldapp.sync.bundle import Header
from fieldapp.sync.importer import ALARM_ENTITY
from fieldapp.sync.laptop_card import LaptopCard
from fieldapp.sync.pg_connection import PgConnection, pg_dialect
from fieldapp.sync.pg_errors import connect_refusal, db_errors
from fieldapp.sync.register import (
    LAPTOP_ENTITY,
    Register,
    RegisteredLaptop,
    register_from_events,
    register_laptop,
)
from fieldapp.sync.review import refuse_settled
from fieldapp.sync.station import StationKeys
from fieldapp.sync.station_store import SigningKeys

_COLUMNS = (
    "device_id, seq, id, officer_id, hlc, wall_time, zone, kind, entity_type, entity_id, "
    "parents, body, attachments, prev_hash, entry_hash, signature"
)
_READ = _COLUMNS + ", body_sha256"
_BODY, _ID = 11, 2  # where a row read with _READ has the (sealed) body and the event id
# Advisory lock (first key) taken while the staff key slots change: the last is kept.
_SLOT_LOCK = 0x46_41_53_4C  # "FASL"
# The advisory locks' first key: one namespace for the devices' locks.
_DEVICE_LOCKS = 0x46_41_44_56  # "FADV"
_CONNECT_TIMEOUT = 10  # seconds


def conninfo_for(target: str) -> str:
    """A libpq URL or conninfo as it is, a bare word as a service name (``pg_service.conf``);
    a malformed one refused. Outside a local socket, TLS that checks the server's name is
    the default (``sslmode=verify-full``) unless the service or URL says otherwise."""
    text = target.strip()
    if text and "=" not in text and "://" not in text:
        text = f"service={text}"
    try:
        params = libpq.conninfo_to_dict(text)
    except psycopg.ProgrammingError:
        raise KnownError(
            coded("station_db_bad_url", "The database address cannot be read.")
        ) from None
    host = str(params.get("host", ""))
    if "sslmode" not in params and "service" not in params and not host.startswith("/"):
        params["sslmode"] = "verify-full"
    return libpq.make_conninfo(**{k: str(v) for k, v in params.items()})


def has_password(target: str) -> bool:
    """Whether ``target`` carries a password (refused on the command line)."""
    with contextlib.suppress(psycopg.ProgrammingError):
        return "password" in libpq.conninfo_to_dict(conninfo_for(target))
    return False


def refuse_password_in_target(target: str) -> None:
    """A password in ``target`` refused (``station_db_password_given``): the app, the
    commands and the self-test take it only from a service file, a password file or a
    prompt, never from the command line (where other users and the shell's history see it)."""
    if has_password(target):
        raise KnownError(
            coded(
                "station_db_password_given",
                "A password is never given on the command line: use a service file, a "
                "password file (PGPASSFILE) or --ask-password.",
            )
        )


def connect(target: str, password: str | None = None) -> psycopg.Connection[Any]:
    """A connection to the station's database, or a one-line refusal by code.
    ``password``: one asked for at a prompt (never one from the command line)."""
    info = conninfo_for(target)
    if password is not None:
        info = libpq.make_conninfo(info, password=password)
    try:
        return psycopg.connect(info, autocommit=True, connect_timeout=_CONNECT_TIMEOUT)
    except psycopg.OperationalError as exc:
        raise connect_refusal(info, exc, _CONNECT_TIMEOUT) from None


def init_pg_station(
    target: str,
    station_name: str,
    password: str | None = None,
    *,
    staff: str,
    passphrase: str,
    cost: KdfCost | None = None,
) -> PgStationStore:
    """A new station in an empty database (as its owner): the schema, its roles and fresh
    station keys, sealed under a first key slot for ``staff``'s ``passphrase`` (``cost``:
    Argon2id's, calibrated on this PC when not given). Refused where the database holds a
    station already."""
    if not station_name.strip():
        raise InvalidInput(coded("required", "Station name: required."), field="station_name")
    staff = pg_keys.check_staff(staff)
    conn = connect(target, password)
    try:
        with db_errors(conn):
            pg_schema.migrate(conn)
            with conn.transaction():
                if conn.execute("SELECT 1 FROM station").fetchone() is not None:
                    raise KnownError(
                        coded(
                            "station_db_exists",
                            "That database holds a station already; nothing was changed.",
                        )
                    )
                identity = str(pyrage.x25519.Identity.generate())
                signing = Ed25519PrivateKey.generate()
                card = StationKeys(station_name.strip(), identity, signing).card
                station_id = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO station (name, fingerprint, device_id, bundle_recipient, "
                    "signing_public) VALUES (%s, %s, %s, %s, %s)",
                    (
                        card.name,
                        card.fingerprint,
                        station_id,
                        card.bundle_recipient,
                        card.signing_public,
                    ),
                )
                _store_sealed_keys(conn, station_id, identity, signing, staff, passphrase, cost)
                _first_admin(conn, staff)
    except BaseException:
        conn.close()
        raise
    return PgStationStore(conn, staff, passphrase)


def _store_sealed_keys(
    conn: psycopg.Connection[Any],
    station_id: str,
    identity: str,
    signing: Ed25519PrivateKey,
    staff: str,
    passphrase: str,
    cost: KdfCost | None,
) -> None:
    """The station's keys under a new master key, and ``staff``'s slot for that key."""
    master = pg_keys.new_master_key()
    slot = pg_keys.seal_staff_slot(station_id, staff, passphrase, master, cost)
    sealed = pg_keys.SealedKeys.seal(master, station_id, identity, signing)
    conn.execute(
        "INSERT INTO station_secret (nonce, sealed) VALUES (%s, %s)", (sealed.nonce, sealed.sealed)
    )
    conn.execute(
        "INSERT INTO station_keyslots (staff, slot) VALUES (%s, %s)",
        (pg_keys.check_staff(staff), slot),
    )


def _first_admin(conn: psycopg.Connection[Any], staff: str) -> None:
    """The first staff member is an admin of every county. Their PostgreSQL role is made
    (without a login) when the server has none: its administrator gives it one."""
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (staff,)).fetchone() is None:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(staff)))
    pg_counties.set_staff(conn, staff, "admin", True, ())


# Asked only when a database keeps the station's keys in the clear (schema 1): the staff
# member whose passphrase seals them, and that passphrase.
AskStaff = Callable[[], tuple[str, str]]


def migrate_pg_station(
    target: str,
    password: str | None = None,
    *,
    ask_staff: AskStaff | None = None,
    ask_unlock: AskStaff | None = None,
    cost: KdfCost | None = None,
    backoff_dir: Path | None = None,
    county: str | None = None,
) -> tuple[int, int]:
    """Take a station's database to this app's schema version (as its owner): the version
    it was at, and the one it is at now. A database newer than the app is refused.

    A database that kept the station's keys and bodies in the clear has them sealed and
    encrypted in the same transaction, under a first key slot for the staff member
    ``ask_staff`` names (refused, nothing changed, without it); the tables are then
    rewritten (VACUUM FULL) so that no clear copy stays in their files.

    A migration that adds the records projection fills it from the log, which needs the
    bodies opened: under the slot just made, or ``ask_unlock``'s staff member's passphrase
    (refused, nothing changed, without it when there are events to project; a wrong one
    counted as ``open_pg_station`` counts it, in ``backoff_dir``).

    ``county``: given to every registered laptop that has none yet (a station from before
    counties was one county's), and their rows with it, in the same transaction."""
    if county is not None:
        county = pg_counties.checked_county(county.strip())
    conn = connect(target, password)
    sealed: list[bool] = []
    unlock: list[tuple[str, str]] = []

    def seal(owner: psycopg.Connection[Any]) -> None:
        if ask_staff is None:
            return  # pg_schema refuses, by its code
        staff, passphrase = ask_staff()
        _seal_clear_station(owner, pg_keys.check_staff(staff), passphrase, cost)
        sealed.append(True)
        unlock.append((staff, passphrase))

    def project(owner: psycopg.Connection[Any]) -> None:
        _project(owner)
        if county is not None:
            _county_for_every_laptop(owner, county)

    def _project(owner: psycopg.Connection[Any]) -> None:
        # The bodies are sealed: the projection is made from them opened, under the key of
        # the staff member who sealed them just now, or of one asked for their passphrase.
        if not _needs_projection(owner):
            return
        if not unlock:
            if ask_unlock is None:
                raise KnownError(
                    coded(
                        "station_migrate_needs_staff",
                        "This migration reads the station's records, which needs a staff "
                        "member's passphrase: migrate with 'fieldapp station migrate "
                        "--database --officer STAFF'. Nothing was changed.",
                    )
                )
            unlock.append(ask_unlock())
            station_id = _station_id(owner) if backoff_dir is not None else None
            if backoff_dir is not None and station_id is not None:
                # A passphrase asked for: wrong ones make the next try wait, as an unlock's.
                staff, passphrase = unlock[0]
                backoff = pg_keys.UnlockBackoff(backoff_dir, station_id)
                store = backoff.unlock(staff, lambda: PgStationStore(owner, staff, passphrase))
                store.project_log()
                return
        PgStationStore(owner, *unlock[0]).project_log()

    try:
        with db_errors(conn):
            if not pg_schema.installed_version(conn):
                pg_schema.check_version(conn)  # not a station: refused by its code
            before = pg_schema.migrate(conn, seal if ask_staff is not None else None, project)
            if sealed:
                conn.execute("VACUUM FULL events, blobs")
    finally:
        conn.close()
    return before, pg_schema.SCHEMA_VERSION


def _county_for_every_laptop(conn: psycopg.Connection[Any], county: str) -> None:
    """Every laptop the register names and that has no county takes ``county``; the
    database gives it to their rows (``laptop_county_fill``)."""
    conn.execute(
        "INSERT INTO laptop_county (device_id, county) SELECT DISTINCT e.entity_id, %s "
        "FROM events e, station s WHERE e.device_id = s.device_id AND e.entity_type = %s "
        "ON CONFLICT DO NOTHING",
        (county, LAPTOP_ENTITY),
    )


def _seal_clear_station(
    conn: psycopg.Connection[Any], staff: str, passphrase: str, cost: KdfCost | None
) -> None:
    """Schema 1's clear keys sealed, and every body and blob encrypted, as the owner in
    the migration's transaction (the append-only trigger set aside for this one rewrite:
    only the owner may)."""
    row = conn.execute(
        "SELECT s.device_id, c.identity, c.signing_key FROM station s, station_secret_clear c"
    ).fetchone()
    if row is None:
        return
    station_id, identity, signing_hex = (str(v) for v in row)
    signing = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signing_hex))
    _store_sealed_keys(conn, station_id, identity, signing, staff, passphrase, cost)
    cipher = pg_keys.AtRest(identity)
    conn.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
    with conn.cursor() as cur:
        rows = conn.execute("SELECT id, body FROM events WHERE body_sha256 IS NULL").fetchall()
        cur.executemany(
            "UPDATE events SET body = %s WHERE id = %s",
            [(cipher.seal_body(str(i), bytes(b)), i) for i, b in rows],
        )
        blobs = conn.execute("SELECT sha256, data FROM blobs").fetchall()
        cur.executemany(
            "UPDATE blobs SET data = %s WHERE sha256 = %s",
            [(cipher.seal_blob(str(d), bytes(b)), d) for d, b in blobs],
        )
    conn.execute("ALTER TABLE events ENABLE TRIGGER events_append_only")
    conn.execute("DELETE FROM station_secret_clear")


def open_pg_station(
    target: str,
    expect: str | None = None,
    password: str | None = None,
    *,
    staff: str,
    passphrase: str,
    backoff_dir: Path | None = None,
    clock: Callable[[], float] = time.time,
) -> PgStationStore:
    """The station in ``target``, unlocked with ``staff``'s passphrase; refused by code when
    it is not one this app can use, when the passphrase does not open that staff member's
    slot (``wrong_passphrase``), or (``expect``: a station fingerprint) when it is another
    station's. ``backoff_dir``: the app's data folder, where this PC counts the station's
    failed unlocks (``pg_keys.UnlockBackoff``: after a wrong passphrase the next try waits,
    ``backoff_active``); ``clock`` its time."""
    conn = connect(target, password)
    try:
        with db_errors(conn):
            pg_schema.check_version(conn)
            station_id = _station_id(conn) if backoff_dir is not None else None
        if backoff_dir is not None and station_id is not None:
            backoff = pg_keys.UnlockBackoff(backoff_dir, station_id, clock)
            store = backoff.unlock(staff, lambda: PgStationStore(conn, staff, passphrase))
        else:
            store = PgStationStore(conn, staff, passphrase)
    except BaseException:
        conn.close()
        raise
    if expect is not None and store.keys.card.fingerprint != expect:
        conn.close()
        raise KnownError(
            coded(
                "station_db_other_station",
                f"That database is station {store.keys.card.fingerprint}'s, not {expect}'s.",
                found=store.keys.card.fingerprint,
                expected=expect,
            )
        )
    return store


def _station_id(conn: psycopg.Connection[Any]) -> str | None:
    """The station's id (its device id), before it is unlocked; None where there is none
    (``PgStationStore`` refuses that database by its code)."""
    row = conn.execute("SELECT device_id FROM station").fetchone()
    return None if row is None else str(row[0])


def _needs_projection(conn: psycopg.Connection[Any]) -> bool:
    """Whether a station's events were stored before it kept the records projection."""
    found = conn.execute(
        "SELECT NOT EXISTS (SELECT 1 FROM records) AND EXISTS (SELECT 1 FROM events)"
    ).fetchone()
    return bool(found and found[0])


class PgStationStore:
    """A station's PostgreSQL database, through one connection (``StationStore``,
    ``RegisterBook``). One per thread: a connection is not shared.

    The records projection (records, their changes, conflicts) is kept by the vault's
    own ``RecordsProjection`` through ``sync.pg_connection``, in the same transaction as
    the events it follows: each bundle's (all its events at once, ``apply_all``: a few
    statements, not one or more an event), and each of the station's own appends."""

    def __init__(
        self,
        conn: psycopg.Connection[Any],
        staff: str,
        passphrase: str,
        clock: Callable[[], float] = time.time,
        *,
        unlocked: PgStationStore | None = None,
    ):
        """Unlock the station in ``conn`` with ``staff``'s passphrase, or (``unlocked``:
        this station open on another connection) with the master key that one holds."""
        self._conn = conn
        self._clock = clock
        self._master: bytes
        self._slot_cost: KdfCost
        with db_errors(self._conn):
            row = conn.execute(
                "SELECT s.name, s.device_id, t.nonce, t.sealed, "
                "(SELECT slot FROM station_keyslots WHERE staff = %s), s.fingerprint "
                "FROM station s, station_secret t",
                (" ".join(staff.split()),),
            ).fetchone()
        if row is None:
            raise KnownError(
                coded("station_db_not_station", "That database holds no fieldapp station.")
            )
        with db_errors(conn):
            self.login = pg_counties.who(conn)
        pg_counties.refuse_other_slot(self.login, " ".join(staff.split()))
        name, self.device_id, nonce, sealed, slot, fingerprint = row
        if unlocked is not None:
            if unlocked.device_id != self.device_id:
                expected = unlocked.keys.card.fingerprint
                raise KnownError(
                    coded(
                        "station_db_other_station",
                        f"That database is station {fingerprint}'s, not {expected}'s.",
                        found=fingerprint,
                        expected=expected,
                    )
                )
            master, self._slot_cost = unlocked._master, unlocked._slot_cost
        else:
            # Argon2id over the passphrase opens the slot; its master key, the station's keys.
            master = pg_keys.open_staff_slot(self.device_id, slot, passphrase)
            self._slot_cost = pg_keys.slot_cost(slot)
        identity, signing = pg_keys.SealedKeys(bytes(nonce), bytes(sealed)).open(
            master, self.device_id
        )
        self._staff = " ".join(staff.split())
        self._master = master  # held while unlocked: it seals new staff slots
        self._keys = StationKeys(str(name), identity, signing)
        self._at_rest = pg_keys.AtRest(identity)
        self._signer = station_signer(self._keys.card.fingerprint)
        # What Records and sync.review read through: record data sealed with the bodies' key.
        dialect = pg_dialect(self._at_rest)
        self.records_conn = PgConnection(conn, dialect)
        self._records = RecordsProjection(dialect)

    def project_log(self) -> None:
        """After a migration, inside its transaction: the records projection made from the
        whole log in the order stored, the bodies opened (the rules are the projection's
        own: the state is what importing made)."""
        with self._conn.cursor(name="fieldapp_replay") as cur:
            cur.execute(f"SELECT {_READ} FROM events ORDER BY pos")
            while rows := cur.fetchmany(2000):
                self._records.apply_all(self.records_conn, [self._event(r) for r in rows])

    def open_again(self, target: str, password: str | None = None) -> PgStationStore:
        """This unlocked station on a connection of its own (another thread, another
        importer), without asking the passphrase again; refused when ``target`` holds
        another station."""
        conn = connect(target, password)
        try:
            with db_errors(conn):
                pg_schema.check_version(conn)
            return PgStationStore(conn, self._staff, "", self._clock, unlocked=self)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        """The connection closed and the keys dropped (locking promises they go): the
        store cannot be used again, only opened anew."""
        self._conn.close()
        # The records' dialect holds the bodies' key too.
        for held in ("_master", "_keys", "_at_rest", "records_conn", "_records"):
            self.__dict__.pop(held, None)

    # -- staff key slots -------------------------------------------------------------------

    def staff(self) -> list[str]:
        """The staff members who can unlock the station (their key slots)."""
        return [str(r[0]) for r in self._rows("SELECT staff FROM station_keyslots ORDER BY 1")]

    def members(self) -> list[pg_counties.StaffMember]:
        """The station's staff: their logins, roles and counties."""
        with db_errors(self._conn):
            return pg_counties.members(self._conn)

    def add_staff(
        self,
        staff: str,
        passphrase: str,
        role: str = "staff",
        counties: Iterable[str] = (),
        *,
        all_counties: bool = False,
    ) -> None:
        """``staff`` (a PostgreSQL login) made station staff: their role and counties
        (given away only by an admin who holds them), and a key slot (this unlocked
        station's master key under their passphrase, at the cost of the slot it was
        unlocked with); refused when they have one already. One transaction."""
        staff = pg_keys.check_staff(staff)
        role = pg_counties.checked_role(role)
        wanted = pg_counties.checked_counties(counties, all_counties)
        pg_counties.refuse_not_admin(self.login)
        pg_counties.refuse_not_yours(self.login, wanted, all_counties)
        with db_errors(self._conn):
            pg_counties.refuse_not_theirs(self.login, pg_counties.members(self._conn), staff)
        slot = pg_keys.seal_staff_slot(
            self.device_id, staff, passphrase, self._master, self._slot_cost
        )
        with db_errors(self._conn), self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SLOT_LOCK,))
            added = self._conn.execute(
                "INSERT INTO station_keyslots (staff, slot) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (staff, slot),
            )
            if added.rowcount != 1:
                raise InvalidInput(
                    coded("station_staff_exists", f"Staff: {staff} has a key slot already."),
                    field="staff",
                )
            pg_counties.set_staff(self._conn, staff, role, all_counties, wanted)

    def remove_staff(self, staff: str) -> None:
        """Remove ``staff``'s key slot, row and groups, by an admin who holds every county
        they hold (the owner's function does the removing: admins may not delete key slots
        themselves); the last slot is refused (nobody could unlock)."""
        staff = " ".join(staff.split())
        pg_counties.refuse_not_admin(self.login)
        with db_errors(self._conn), self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SLOT_LOCK,))
            names = {str(r[0]) for r in self._conn.execute("SELECT staff FROM station_keyslots")}
            if staff not in names:
                raise InvalidInput(
                    coded("station_staff_unknown", f"Staff: {staff} has no key slot."),
                    field="staff",
                )
            pg_counties.refuse_not_theirs(self.login, pg_counties.members(self._conn), staff, True)
            if names == {staff}:
                raise KnownError(
                    coded(
                        "station_staff_last",
                        "That is the station's last key slot: add another staff member first.",
                    )
                )
            self._conn.execute("SELECT station_staff_drop(%s)", (staff,))

    # -- the laptop register, by county --------------------------------------------------

    def register_laptop(self, card: LaptopCard, county: str | None = None) -> RegisteredLaptop:
        """``card`` registered (``register.register_laptop``) for ``county``, in one
        transaction with its county. A laptop's county is set once and never changes
        (``station_laptop_county_fixed``); a laptop registered before counties takes one
        here, and its rows with it. Without ``county``: the laptop's, or the one county
        this login holds; only an all-counties login registers a laptop of no county (its
        rows are seen by every staff member, as in a single-county station)."""
        pg_counties.refuse_not_admin(self.login)
        given = None if county is None else pg_counties.checked_county(county.strip())
        conn = self._conn
        with db_errors(conn), conn.transaction():
            current = pg_counties.laptop_county(conn, card.device_id)
            if current is not None and given is not None and given != current:
                raise KnownError(
                    coded(
                        "station_laptop_county_fixed",
                        f"Laptop {card.device_id[:8]} is registered for {current}; a "
                        "laptop's county does not change.",
                        county=current,
                    )
                )
            target = given or current or self.login.only_county
            if target is None and not pg_counties.holds_all(self.login):
                raise InvalidInput(
                    coded("station_county_required", "County: required (--county)."),
                    field="county",
                )
            if target is not None:
                pg_counties.refuse_not_yours(self.login, [target])
            if target is not None and current is None:
                conn.execute(
                    "INSERT INTO laptop_county (device_id, county) VALUES (%s, %s)",
                    (card.device_id, target),
                )
            return register_laptop(self, card)

    def laptop_county(self, device_id: str) -> str | None:
        with db_errors(self._conn):
            return pg_counties.laptop_county(self._conn, device_id)

    @property
    def keys(self) -> StationKeys:
        return self._keys

    @property
    def staff_name(self) -> str:
        """The staff member who unlocked the station (whose key slot opened it)."""
        return self._staff

    @property
    def projector(self) -> Projector | None:
        # Nothing to work out ahead in another process: the records projection prepares
        # nothing (a vault's search index does, and the station in PostgreSQL has none).
        return None

    # -- reading ---------------------------------------------------------------------------

    def _rows(self, query: Any, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with db_errors(self._conn):
            return self._conn.execute(query, args).fetchall()

    def register(self) -> Register:
        return register_from_events(self._own_events(LAPTOP_ENTITY), self._keys)

    def _own_events(self, entity_type: str) -> list[tuple[Any, ...]]:
        """The station's own events of one kind of record: entity id, kind, body."""
        rows = self._rows(
            "SELECT id, entity_id, kind, body FROM events WHERE entity_type = %s "
            "AND device_id = %s ORDER BY seq",
            (entity_type, self.device_id),
        )
        return [(e, k, self._at_rest.open_body(i, bytes(b))) for i, e, k, b in rows]

    def officers(self) -> list[Officer]:
        """The officers the laptops enrolled, as their enrolment events in the log say (a
        vault keeps them in its ``officers`` projection): by service id, the latest
        enrolment's name and role; a removed officer stays, as a report names who did the
        work then. The station's own staff are not among them (they unlock by key slot)."""
        rows = self._rows(
            f"SELECT {_READ} FROM events WHERE entity_type = %s ORDER BY pos", (OFFICER_ENTITY,)
        )
        found: dict[str, Officer] = {}
        for row in rows:
            event = self._event(row)
            if event.purged:
                continue
            data = event.data
            if event.kind == "create":
                found[event.entity_id] = Officer(
                    event.entity_id,
                    str(data["display_name"]),
                    Role(data["role"]),
                    bytes.fromhex(data["public_key"]),
                )
            elif event.kind == "amend" and "public_key" in data and event.entity_id in found:
                officer = found[event.entity_id]
                key = bytes.fromhex(data["public_key"])
                found[event.entity_id] = Officer(
                    officer.officer_id, officer.display_name, officer.role, key
                )
        return sorted(found.values(), key=lambda o: o.officer_id)

    def _event(self, row: Sequence[Any]) -> Event:
        """An event as read with ``_READ``, its body opened (a purged one has none)."""
        if row[16] is not None:
            return Event.from_row(row)
        opened = list(row)
        opened[_BODY] = self._at_rest.open_body(row[_ID], bytes(row[_BODY]))
        return Event.from_row(opened)

    def reviewer(self) -> PgReviewer:
        """This station as ``sync.review`` reads and writes it (a ``ReviewStore``)."""
        return PgReviewer(self)

    def imported(self) -> frozenset[str]:
        return frozenset(str(r[0]) for r in self._rows("SELECT bundle_id FROM imported_bundles"))

    def already_imported(self, bundle_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM imported_bundles WHERE bundle_id = %s", (bundle_id,)))

    def _key_events(self, device_id: str | None) -> ChainChecker:
        """Who may sign where, learnt from the officers' and stations' events (the same
        rules ``verify`` uses; a vault keeps them in its ``officers`` projection)."""
        where = "entity_type = %s" + ("" if device_id is None else " AND device_id = %s")
        args = (OFFICER_ENTITY,) if device_id is None else (OFFICER_ENTITY, device_id)
        rows = self._rows(
            f"SELECT {_READ} FROM events WHERE ({where}) OR entity_type = %s ORDER BY pos",
            (*args, STATION_ENTITY),
        )
        checker = ChainChecker()
        for row in rows:
            event = self._event(row)
            if not event.purged:
                checker.accept(event)
        checker.heads.clear()
        return checker

    def checker_for(self, device_id: str) -> ChainChecker:
        checker = self._key_events(device_id)
        rows = self._rows(
            "SELECT seq, entry_hash FROM events WHERE device_id = %s ORDER BY seq DESC LIMIT 1",
            (device_id,),
        )
        if rows:
            checker.heads[device_id] = (int(rows[0][0]), bytes(rows[0][1]))
        return checker

    def signing_keys(self) -> SigningKeys:
        checker = self._key_events(None)
        return (
            {k: bytes(v) for k, v in checker.keys.items()},
            {k: bytes(v) for k, v in checker.station_keys.items()},
        )

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        return {
            str(r[0]) for r in self._rows("SELECT id FROM events WHERE id = ANY(%s)", (list(ids),))
        }

    def entry_hash_at(self, device_id: str, seq: int) -> bytes | None:
        rows = self._rows(
            "SELECT entry_hash FROM events WHERE device_id = %s AND seq = %s", (device_id, seq)
        )
        return bytes(rows[0][0]) if rows else None

    def blob(self, digest: str) -> bytes | None:
        # Every copy of one digest holds the same bytes (sealed under it): a county's copy
        # first, before one of no county that any login could have added.
        rows = self._rows(
            "SELECT data FROM blobs WHERE sha256 = %s ORDER BY county IS NULL LIMIT 1", (digest,)
        )
        return self._at_rest.open_blob(digest, bytes(rows[0][0])) if rows else None

    def read_events(self, device_id: str | None = None) -> list[Event]:
        """Events in the order they were stored (one device's, or all), bodies opened."""
        if device_id is None:
            rows = self._rows(f"SELECT {_READ} FROM events ORDER BY pos")
        else:
            rows = self._rows(
                f"SELECT {_READ} FROM events WHERE device_id = %s ORDER BY seq", (device_id,)
            )
        return [self._event(r) for r in rows]

    def events_where(
        self, *, kind: str | None = None, entity_type: str | None = None, ids: Sequence[str] = ()
    ) -> list[Event]:
        """The events of one kind, of one kind of record, or with these ids (the criteria
        given, all of them), in the order stored, bodies opened (``sync.pg_staff``)."""
        where: list[str] = ["TRUE"]
        args: list[Any] = []
        for column, value in (("kind", kind), ("entity_type", entity_type)):
            if value is not None:
                where.append(f"{column} = %s")
                args.append(value)
        if ids:
            where.append("id = ANY(%s)")
            args.append(list(ids))
        rows = self._rows(
            f"SELECT {_READ} FROM events WHERE {' AND '.join(where)} ORDER BY pos", args
        )
        return [self._event(r) for r in rows]

    def verify(self) -> VerifyReport:
        """Every event in its device's chain, its entry hash its content's, its signature
        verified with a key enrolled at that point (the station's own events with the
        station's key), every attachment present and matching its hash. Purged bodies are
        checked by their kept hash. A body or attachment that does not open with the
        station's key (altered, or moved from another row), or whose kept plaintext hash is
        not its own, is a problem like a broken link. (A vault's ``verify`` checks more:
        pages, the head checkpoint, purges against purge events, the projections.)"""
        card = self._keys.card
        own = VerifyKey(bytes.fromhex(card.signing_public))
        checker = ChainChecker(station_keys={station_signer(card.fingerprint): own})
        count = 0
        for row in self._rows(f"SELECT {_READ}, body_hash FROM events ORDER BY pos"):
            try:
                event = self._event(row)
                problem = checker.check(event, self.blob)
            except pg_keys.AtRestDamaged as damaged:
                event, problem = Event.from_row(row), damaged.message
            if problem is None and row[17] != (event.body_sha256 or pg_keys.body_hash(event.body)):
                problem = "its kept body hash is not its body's"
            if problem is not None:
                return VerifyReport(
                    count, len(checker.heads), None, event.seq, event.device_id, problem
                )
            checker.accept(event)
            count += 1
        return VerifyReport(count, len(checker.heads))

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def device_lock(self, device_id: str) -> Iterator[None]:
        """Held while one laptop's bundle is stored (or it is revoked). A laptop of a
        county this login does not hold is refused here, before anything is read or
        written of it (the database would hide its rows and refuse them besides)."""
        with db_errors(self._conn):
            county = pg_counties.laptop_county(self._conn, device_id)
        if county is not None and not self.login.holds(county):
            raise KnownError(
                coded(
                    "station_laptop_other_county",
                    f"Laptop {device_id[:8]} is registered for {county}, a county you do not "
                    "hold at this station; nothing was imported.",
                    county=county,
                )
            )
        with db_errors(self._conn):
            self._conn.execute(
                "SELECT pg_advisory_lock(%s, hashtext(%s))", (_DEVICE_LOCKS, device_id)
            )
        try:
            yield
        finally:
            with contextlib.suppress(psycopg.Error):  # a lost connection has let go of it
                self._conn.execute(
                    "SELECT pg_advisory_unlock(%s, hashtext(%s))", (_DEVICE_LOCKS, device_id)
                )

    def store_bundle(
        self,
        header: Header,
        events: Sequence[Event],
        blobs: Mapping[str, bytes],
        imported_at: str,
        check: Callable[[], None],
        prepared: Sequence[Prepared | None] | None = None,
    ) -> None:
        del prepared  # see ``projector``: never anything here
        conn = self._conn
        with db_errors(self._conn), conn.transaction():
            with conn.cursor() as cur:
                # In digest order: two importers storing the same blobs never deadlock.
                county = pg_counties.laptop_county(conn, header.device_id)
                cur.executemany(
                    # Kept once a county (``pg_schema``): a copy in this laptop's county
                    # even when another county holds the same bytes.
                    "INSERT INTO blobs (sha256, size, data, county) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (sha256, coalesce(county, '')) DO NOTHING",
                    [
                        (k, len(blobs[k]), self._at_rest.seal_blob(k, blobs[k]), county)
                        for k in sorted(blobs)
                    ],
                )
            self._insert_events(events)
            # The whole bundle at once: a few statements, not one or more an event.
            self._records.apply_all(self.records_conn, events)
            check()
            conn.execute(
                "INSERT INTO imported_bundles VALUES (%s, %s, %s, %s, %s)",
                (header.bundle_id, header.device_id, header.from_seq, header.to_seq, imported_at),
            )
            conn.execute("DELETE FROM pending_bundles WHERE bundle_id = %s", (header.bundle_id,))

    def hold(self, header: Header, data: bytes) -> None:
        with db_errors(self._conn):
            self._conn.execute(
                "INSERT INTO pending_bundles VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (header.bundle_id, header.device_id, header.from_seq, header.to_seq, data),
            )

    def next_held(self, device_id: str, through_seq: int) -> tuple[str, bytes] | None:
        rows = self._rows(
            "SELECT bundle_id, data FROM pending_bundles WHERE device_id = %s "
            "AND from_seq <= %s ORDER BY from_seq LIMIT 1",
            (device_id, through_seq + 1),
        )
        return (str(rows[0][0]), bytes(rows[0][1])) if rows else None

    def drop_held(self, bundle_id: str) -> None:
        with db_errors(self._conn):
            self._conn.execute("DELETE FROM pending_bundles WHERE bundle_id = %s", (bundle_id,))

    def _project(self, events: Sequence[Event]) -> None:
        apply, seam = self._records.apply, self.records_conn
        for event in events:
            apply(seam, event)

    def append(
        self, drafts: Iterable[Draft], check: Callable[[PgConnection], None] | None = None
    ) -> list[Event]:
        """The station's own events (the register, alarms, settled conflicts), signed
        with the station's key and chained under its device id; two PCs appending at once
        take turns. ``check``, run once this PC's turn has come and before anything is
        written, raises to refuse (a conflict another reviewer settled meanwhile)."""
        drafts = list(drafts)
        if any(d.attachments for d in drafts):
            raise ValueError("the station's own events carry no attachments here")
        conn = self._conn
        with db_errors(self._conn), conn.transaction():
            conn.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_DEVICE_LOCKS, self.device_id)
            )
            # The head through the owner's function: the station's events of counties this
            # login does not hold are hidden from it, and the chain goes on after them.
            last = conn.execute("SELECT seq, entry_hash, hlc FROM station_head()").fetchone()
            if last is not None and last[0] is None:
                last = None
            seq, prev = (0, genesis_hash(self.device_id)) if last is None else last[:2]
            hlc = Hlc(0, 0) if last is None else Hlc.parse(last[2])
            if check is not None:
                check(self.records_conn)
            events: list[Event] = []
            for draft in drafts:
                now = self._clock()
                hlc = hlc.tick(int(now * 1000))
                seq += 1
                event = _signed(self._keys.signing_key, self._signer, self.device_id, draft)(
                    seq, bytes(prev), hlc, now
                )
                events.append(event)
                prev = event.entry_hash
            self._insert_events(events, [self._draft_county(d) for d in drafts])
            self._project(events)
        return events

    def _draft_county(self, draft: Draft) -> str | None:
        """An alarm's county: its laptop's (the database cannot read the sealed body that
        names the laptop). The station's other events take theirs in the database."""
        if draft.entity_type != ALARM_ENTITY:
            return None
        device = draft.body.get("data", {}).get("device_id")
        return pg_counties.laptop_county(self._conn, str(device)) if device else None

    def _insert_events(
        self, events: Sequence[Event], counties: Sequence[str | None] | None = None
    ) -> None:
        """Events copied into a temporary table, then inserted from it in order: COPY
        into a table under row-level security is refused to a login without
        BYPASSRLS. ``counties``: the station's own events' as the app knows them (an alarm's,
        from its laptop), kept by the database only where it has nothing to derive one
        from (``events_county``)."""
        if not events:
            return
        conn = self._conn
        # Made again after a rolled-back transaction took it away (IF NOT EXISTS: once).
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS events_incoming ON COMMIT DELETE ROWS AS "
            f"SELECT {_COLUMNS}, body_hash, county, 0 AS n FROM events WITH NO DATA"
        )
        _copy_events(conn, events, self._at_rest, counties or [None] * len(events))
        conn.execute(
            f"INSERT INTO events ({_COLUMNS}, body_hash, county) "
            f"SELECT {_COLUMNS}, body_hash, county FROM events_incoming ORDER BY n"
        )
        conn.execute("DELETE FROM events_incoming")

    def last_event(self, entity_type: str, entity_id: str) -> str:
        rows = self._rows(
            "SELECT id FROM events WHERE entity_type = %s AND entity_id = %s "
            "ORDER BY pos DESC LIMIT 1",
            (entity_type, entity_id),
        )
        assert rows  # the station's own create event made it
        return str(rows[0][0])

    def held_through(self, device_id: str) -> int:
        rows = self._rows("SELECT max(seq) FROM events WHERE device_id = %s", (device_id,))
        return int(rows[0][0] or 0)

    def now(self) -> float:
        return self._clock()

    def purge_body(self, event_id: str, purge_event_id: str) -> bool:
        """Empty ``event_id``'s body under the purge event ``purge_event_id`` (logged in as
        a member of the purge role), keeping its hash; False when it was purged already.
        The database checks the purge event's plaintext, passed here, against the hash it
        kept at insert, and refuses (``station_db_not_permitted``) a purge it does not name."""
        rows = self._rows(
            "SELECT id, body FROM events WHERE id = %s AND body_sha256 IS NULL", (purge_event_id,)
        )
        plain = self._at_rest.open_body(purge_event_id, bytes(rows[0][1])) if rows else b"{}"
        found = self._rows("SELECT purge_event_body(%s, %s, %s)", (event_id, purge_event_id, plain))
        return bool(found[0][0])


class PgReviewer:
    """A PostgreSQL station as a ``sync.review.ReviewStore``: its records through the
    connection seam; its appends refuse a settlement of a conflict that another reviewer
    settled meanwhile (checked once this PC's turn to append has come)."""

    def __init__(self, store: PgStationStore) -> None:
        self._store = store
        self.device_id = store.device_id

    @property
    def conn(self) -> PgConnection:
        return self._store.records_conn

    def append(self, drafts: Sequence[Draft]) -> list[Event]:
        return self._store.append(drafts, lambda conn: refuse_settled(conn, drafts))


def _signed(
    key: Ed25519PrivateKey, signer: str, device_id: str, draft: Draft
) -> Callable[[int, bytes, Hlc, float], Event]:
    def make(seq: int, prev: bytes, hlc: Hlc, now: float) -> Event:
        event = Event(
            device_id=device_id,
            seq=seq,
            id=uuid7(hlc.wall_ms),
            officer_id=signer,
            hlc=str(hlc),
            wall_time=datetime.fromtimestamp(now, UTC).isoformat(timespec="milliseconds"),
            zone=local_zone(),
            kind=draft.kind,
            entity_type=draft.entity_type,
            entity_id=draft.entity_id,
            parents=draft.parents,
            body=_canonical_body(draft.body),
            attachments=(),
            prev_hash=prev,
        )
        entry = event.computed_hash()
        object.__setattr__(event, "entry_hash", entry)
        object.__setattr__(event, "signature", key.sign(entry))
        return event

    return make


def _canonical_body(body: Mapping[str, Any]) -> bytes:
    return canonical(dict(body))


def _copy_events(
    conn: psycopg.Connection[Any],
    events: Sequence[Event],
    at_rest: pg_keys.AtRest,
    counties: Sequence[str | None],
) -> None:
    """Events in one COPY into ``events_incoming`` (a vault's ``insert_event_rows``), each
    body sealed under the station's key with its plaintext's hash beside it (for the
    purge function), numbered in order."""
    columns = f"{_COLUMNS}, body_hash, county, n"
    with conn.cursor() as cur, cur.copy(f"COPY events_incoming ({columns}) FROM STDIN") as copy:
        for n, (event, county) in enumerate(zip(events, counties, strict=True)):
            copy.write_row(
                (
                    event.device_id,
                    event.seq,
                    event.id,
                    event.officer_id,
                    event.hlc,
                    event.wall_time,
                    event.zone,
                    event.kind,
                    event.entity_type,
                    event.entity_id,
                    json_list(event.parents),
                    at_rest.seal_body(event.id, event.body),
                    json_list(event.attachments),
                    event.prev_hash,
                    event.entry_hash,
                    event.signature,
                    pg_keys.body_hash(event.body),
                    county,
                    n,
                )
            )
