"""An unlocked vault: the open database, the officer's signing key, the event log.

``Session.lock`` closes the database and drops the keys. Everything here loads only once a
passphrase has opened a slot, so the login dialog never waits for SQLCipher or Ed25519.

The session's jobs live beside it. Its methods hand over to them where the screens and
the CLI act through the session they hold: the officers (``officer_admin``), the officer's
own passphrase (``slot_changes``), storing another device's events (``ingest``: the
session's connection and projections), purging a case (``purge``, then the head anchored),
the settings (``fieldapp.settings`` over ``setting``/``set_setting``), the tamper checks
(``verify``). The station's key-slot jobs, each used once by ``fieldapp.sync`` (the recovery
slot at enrolment, an officer's key reset by recovery), are called there directly:
``slot_changes.set_recovery_slot(session, ...)``. Appending, the write transaction and
anchoring the head after each commit stay here, with unlock and lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp import settings
from fieldapp.errors import (
    InvalidInput,
    SessionLocked,
    VaultDamaged,
    coded,
)
from fieldapp.officers import (
    Officer,
    Role,
)
from fieldapp.storage import (
    checkpoints,
    database,
    ingest,
    officer_admin,
    purge,
    schema,
    slot_changes,
)
from fieldapp.storage.database import Connection, transaction
from fieldapp.storage.events import Draft, Event, EventLog, read_events
from fieldapp.storage.head import HeadAnchor, own_head
from fieldapp.storage.keyslots import (
    DerivedKek,
    KeyFile,
    SlotSecrets,
)
from fieldapp.storage.page_check import PageCheck
from fieldapp.storage.projections import Prepared, Projection, Projector
from fieldapp.storage.unlock_state import FailedAttempt
from fieldapp.storage.verify import VerifyReport, verify

DEFAULT_IDLE_TIMEOUT_SECONDS = 5 * 60
# Where unlock checks every page itself (``check_pages``), it does so up to this size; larger
# vaults (a station with many photos) rely on `fieldapp verify` for the full check. The GUI
# runs the check after unlock instead, on a thread, at any size (``Session.page_check``).
UNLOCK_PAGE_CHECK_MAX_BYTES = 256 * 1024 * 1024
VAULT_ENTITY = "vault"
IDLE_TIMEOUT = settings.Setting(
    "idle_timeout_seconds", int, DEFAULT_IDLE_TIMEOUT_SECONDS, managed=True
)
Clock = Callable[[], float]


class VaultFiles(Protocol):
    """What a session needs of its vault: ``storage.vault.Vault`` (a protocol here, so that
    the session does not import the module that opens it)."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def db_path(self) -> Path: ...

    @property
    def keys_path(self) -> Path: ...

    @property
    def clock(self) -> Clock: ...


def new_signing_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes_raw()


def create_database(
    db_path: Path, data_key: bytes, keys: KeyFile, projections: Sequence[Projection]
) -> None:
    """A new, empty ``vault.db`` that names its vault and device."""
    conn = database.connect(db_path, data_key)
    try:
        schema.migrate(conn)
        Projector(projections).ensure_tables(conn)
        with transaction(conn):
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("vault_id", keys.vault_id), ("device_id", keys.device_id)],
            )
    finally:
        conn.close()


def open_session(
    vault: VaultFiles,
    keys: KeyFile,
    officer_id: str,
    secrets: SlotSecrets,
    projections: Sequence[Projection],
    clock: Clock,
    *,
    check_pages: bool = True,
) -> Session:
    """Open ``vault.db`` with the data key, check that it is this vault's and (with
    ``check_pages``) every page; without it the caller runs ``Session.page_check``."""
    conn = database.connect(vault.db_path, secrets.data_key)
    try:
        small = vault.db_path.stat().st_size <= UNLOCK_PAGE_CHECK_MAX_BYTES
        if check_pages and small and database.integrity_problems(conn):
            raise database.damaged()
        schema.migrate(conn)
        projector = Projector(projections)
        projector.ensure_tables(conn)
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None or row[0] != keys.vault_id:
            raise VaultDamaged("vault.db does not belong to this vault.keys.")
        # Before anything is appended: a head.sig ahead of this database is kept as found.
        anchor = HeadAnchor.open(conn, vault.data_dir, keys.vault_id, keys.device_id)
    except BaseException:
        conn.close()
        raise
    return Session(vault, keys, officer_id, secrets, conn, projector, clock, anchor)


class Session:
    """An unlocked vault for one officer. Every use needs it unlocked; ``lock`` ends it."""

    def __init__(
        self,
        vault: VaultFiles,
        keys: KeyFile,
        officer_id: str,
        secrets: SlotSecrets,
        conn: Connection,
        projector: Projector,
        clock: Clock,
        anchor: HeadAnchor | None = None,
    ) -> None:
        self.vault = vault
        self.officer_id = officer_id
        self._keys: KeyFile | None = keys
        self._secrets: SlotSecrets | None = secrets
        self._conn: Connection | None = conn
        self._projector = projector
        self._writing = False
        self._checkpointer: checkpoints.Checkpointer | None = None
        self._anchor = anchor or HeadAnchor.open(
            conn, vault.data_dir, keys.vault_id, keys.device_id
        )
        self._log: EventLog | None = EventLog(
            conn,
            keys.device_id,
            officer_id,
            secrets.signing_key,
            projector,
            clock,
            on_commit=self._committed,
        )

    # -- state ------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._conn is None

    def lock(self) -> None:
        """Close the database and drop every key this object holds. Safe to call twice."""
        if self._conn is not None:
            with contextlib.suppress(database.DatabaseError):
                self._committed(now=True)  # the head as it is left, anchored at once
        conn, self._conn = self._conn, None
        self._log = None
        self._secrets = None
        self._keys = None
        if conn is not None:
            with contextlib.suppress(database.DatabaseError):
                conn.close()

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise SessionLocked("The vault is locked.")
        return self._conn

    @property
    def log(self) -> EventLog:
        if self._log is None:
            raise SessionLocked("The vault is locked.")
        return self._log

    @property
    def projector(self) -> Projector:
        return self._projector

    def _key_file(self) -> KeyFile:
        if self._keys is None or self._secrets is None:
            raise SessionLocked("The vault is locked.")
        return self._keys

    @property
    def vault_id(self) -> str:
        return self._key_file().vault_id

    @property
    def device_id(self) -> str:
        return self._key_file().device_id

    @property
    def officer(self) -> Officer:
        row = self.conn.execute(
            "SELECT officer_id, display_name, role, public_key FROM officers "
            "WHERE device_id = ? AND officer_id = ? AND removed_at IS NULL",
            (self.device_id, self.officer_id),
        ).fetchone()
        if row is None:
            raise VaultDamaged("This officer's enrolment record is missing from the vault.")
        return Officer(row[0], row[1], Role(row[2]), bytes(row[3]))

    # -- settings ---------------------------------------------------------------------------

    def setting(self, key: str, default: str) -> str:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value)
            )

    @property
    def idle_timeout_seconds(self) -> int:
        return settings.get(self, IDLE_TIMEOUT)

    def set_idle_timeout_seconds(self, seconds: int) -> None:
        if not 30 <= seconds <= 60 * 60:
            raise InvalidInput(
                coded("idle_timeout_range", "Idle timeout: between 30 seconds and 60 minutes."),
                field="idle_timeout",
            )
        settings.put(self, IDLE_TIMEOUT, seconds)

    # -- officers (storage.officer_admin) and key slots (storage.slot_changes) ----------------

    def officers(self) -> list[Officer]:
        return officer_admin.officers(self)

    def enrol_officer(
        self,
        officer_id: str,
        display_name: str,
        role: str,
        passphrase: str,
        *,
        derived: DerivedKek | None = None,
    ) -> Officer:
        """Enrol a new officer with their own slot and signing key (administrators only).
        ``derived``: the demo vault's one derivation of the passphrase its officers share."""
        return officer_admin.enrol_officer(
            self, officer_id, display_name, role, passphrase, derived=derived
        )

    def remove_officer(self, officer_id: str) -> None:
        """Delete an officer's slot and record the removal (administrators only)."""
        officer_admin.remove_officer(self, officer_id)

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap this officer's slot under a new passphrase; the database is not touched."""
        slot_changes.change_passphrase(self, old, new)

    def secrets(self) -> SlotSecrets:
        """The data key and this officer's signing key (for the key-slot jobs)."""
        if self._secrets is None:
            raise SessionLocked("The vault is locked.")
        return self._secrets

    def commit_with_keys(self, new_keys: KeyFile, drafts: list[Draft]) -> None:
        """Write ``vault.keys`` and the events as one step: the events commit only once the
        new key file is on disk, and a failed commit puts the old key file back."""
        old_keys = self._key_file()
        conn = self.conn
        with database.translate_errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                self.log.append_in_transaction(drafts)
                new_keys.save(self.vault.keys_path)
            except BaseException:
                database.rollback_quietly(conn)
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                database.rollback_quietly(conn)
                old_keys.save(self.vault.keys_path)
                raise
        self._keys = new_keys
        self._committed()

    def sibling_opener(self) -> Callable[[], Session]:
        """A function that opens a second session on this unlocked vault, for a worker
        thread (a connection belongs to the thread that opened it). Call it on that thread.
        Appends from both serialise on the database lock, so the chain stays one chain."""
        vault, officer_id, projector = self.vault, self.officer_id, self._projector
        keys, secrets = self._key_file(), self._secrets
        assert secrets is not None

        anchor = self._anchor

        def open_sibling() -> Session:
            conn = database.connect(vault.db_path, secrets.data_key)
            return Session(vault, keys, officer_id, secrets, conn, projector, vault.clock, anchor)

        return open_sibling

    def page_check(self) -> PageCheck:
        """The full page check of this vault on its own connection, to run on a thread
        (see ``fieldapp.storage.page_check``)."""
        self._key_file()
        assert self._secrets is not None
        return PageCheck(self.vault.db_path, self._secrets.data_key)

    # -- signing and foreign events (sync) ---------------------------------------------------

    def sign(self, data: bytes) -> bytes:
        """This officer's Ed25519 signature (bundles are signed by who exports them)."""
        if self._secrets is None:
            raise SessionLocked("The vault is locked.")
        return Ed25519PrivateKey.from_private_bytes(self._secrets.signing_key).sign(data)

    @property
    def public_key(self) -> bytes:
        if self._secrets is None:
            raise SessionLocked("The vault is locked.")
        key = Ed25519PrivateKey.from_private_bytes(self._secrets.signing_key)
        return key.public_key().public_bytes_raw()

    def ingest(
        self,
        events: Sequence[Event],
        blobs: dict[str, bytes],
        bookkeeping: Callable[[Connection], object],
        prepared: Sequence[Prepared | None] | None = None,
    ) -> None:
        """Store events that were checked elsewhere (another device's, at the station) with
        their blobs, projections and ``bookkeeping``, in one transaction (see
        ``storage.ingest``)."""
        ingest.ingest(self.conn, self._projector, events, blobs, bookkeeping, prepared)
        if self._checkpointer is not None:
            self._checkpointer.poke()

    @contextlib.contextmanager
    def checkpoints_on_a_thread(self) -> Iterator[None]:
        """While the block runs, the WAL is copied into vault.db on a thread after each
        ``ingest`` instead of inside its commit (``storage.checkpoints``): for an import of
        several bundles. Everything committed in the block is copied when it ends."""
        self._key_file()
        assert self._secrets is not None
        if self._checkpointer is not None:  # already on, for an enclosing block
            yield
            return
        with checkpoints.checkpoints_on_a_thread(
            self.conn, self.vault.db_path, self._secrets.data_key
        ) as checkpointer:
            self._checkpointer = checkpointer
            try:
                yield
            finally:
                self._checkpointer = None

    # -- retention ---------------------------------------------------------------------------

    def purge_case(
        self,
        case_id: str,
        reason: str,
        receipt: Mapping[str, Any] | None = None,
        *,
        every_device: bool = False,
    ) -> int:
        """Purge a case's event bodies under the station's ``receipt`` (see
        ``storage.purge.purge_case``), then anchor the head. Returns the count."""
        count = purge.purge_case(self, case_id, reason, receipt, every_device=every_device)
        self._committed()
        return count

    # -- events -----------------------------------------------------------------------------

    def append(self, drafts: Sequence[Draft]) -> list[Event]:
        """Append ``drafts`` in one transaction (or in the one ``writing`` holds open)."""
        if self._writing:
            return self.log.append_in_transaction(drafts)
        return self.log.append(drafts)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction around several appends: all of them are committed, or none (an
        import writes its first rows while its last are still being read)."""
        if self._writing:
            raise RuntimeError("already writing")  # a bug: transactions do not nest
        with transaction(self.conn):
            self._writing = True
            try:
                yield
            finally:
                self._writing = False
        self._committed()

    def record_access(self, entity_type: str, entity_id: str, purpose: str = "view") -> Event:
        """Log that this officer opened a person's record (brottsdatalagen access logging)."""
        return self.log.append_one(
            Draft("access", entity_type, entity_id, {"action": "open", "purpose": purpose})
        )

    def events(self) -> Iterator[Event]:
        return read_events(self.conn)

    def _committed(self, *, now: bool = False) -> None:
        """After a commit: this device's head to ``head.sig`` (see ``storage.head``)."""
        if self._secrets is None or self._conn is None:
            return
        head = own_head(self._conn, self.device_id)
        self._anchor.committed(head, self.officer_id, self._secrets.signing_key, now=now)

    def verify(self, *, deep: bool = False) -> VerifyReport:
        """``storage.verify.verify`` on this vault, its head checkpoint included;
        ``deep`` also replays the log to check the projections."""
        return verify(
            self.conn, data_dir=self.vault.data_dir, projector=self._projector if deep else None
        )

    def _enrol_self(self, display_name: str) -> None:
        assert self._secrets is not None
        public = Ed25519PrivateKey.from_private_bytes(self._secrets.signing_key).public_key()
        draft = officer_admin.officer_draft(
            self.officer_id, display_name, Role.ADMINISTRATOR, public.public_bytes_raw()
        )
        self.log.append([draft, Draft("create", VAULT_ENTITY, self.vault_id, {"created": True})])

    def _record_unlock(self, failed: list[FailedAttempt]) -> None:
        drafts = []
        if failed:
            body = {
                "action": "failed_unlocks",
                "attempts": [{"at": f.at, "officer_id": f.officer_id} for f in failed],
            }
            drafts.append(Draft("access", VAULT_ENTITY, self.vault_id, body))
        drafts.append(Draft("access", VAULT_ENTITY, self.vault_id, {"action": "unlock"}))
        self.log.append(drafts)
