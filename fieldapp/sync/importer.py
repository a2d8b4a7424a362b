"""At the station: import sealed bundles, one transaction per bundle.

- the same bundle or the same events again: no change;
- a known event id with different content, or a second chain from one device (a cloned or
  restored laptop): refused, and raised as an alarm for review;
- a gap in a device's sequence: the bundle is held until the missing range arrives;
- anything damaged, tampered, truncated, or sealed for another station: refused whole,
  nothing written, a clear message;
- a laptop, or an officer key, that the station's register does not hold (or a revoked
  laptop's bundle beyond what was held at revocation): refused before anything of it is
  stored, and raised as an alarm naming only the header's ids (``sync.register``).
After an import the station signs a receipt that the laptop records.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Container, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyrage
from nacl.signing import VerifyKey

from fieldapp.bulk import collector_paused
from fieldapp.errors import KnownError, coded
from fieldapp.inputs import BUNDLE_MAX_BYTES, InputRefused, read_capped
from fieldapp.second_process import shared_processes
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.events import Event
from fieldapp.storage.projections import Prepared, Projector
from fieldapp.storage.records import create_draft
from fieldapp.storage.session import Session
from fieldapp.storage.verify import ChainChecker, signature_ok
from fieldapp.sync import bundle
from fieldapp.sync.bundle import BundleRejected, signed_part
from fieldapp.sync.export import RECEIPT_FORMAT, sign_receipt
from fieldapp.sync.register import LAPTOP_ENTITY, Register, verify_header_signature
from fieldapp.sync.station import StationKeys
from fieldapp.sync.station_store import StationStore
from fieldapp.sync.vault_store import VaultStationStore

_log = logging.getLogger(__name__)
ALARM_ENTITY = "sync_alarm"
Progress = Callable[[int, int], None]


class Status(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # everything in it was already here
    HELD = "held"  # waiting for an earlier bundle from the same device


class AlarmKind(StrEnum):
    FORK = "fork"  # two chains from one device: a cloned or restored laptop
    CONFLICTING_EVENT = "conflicting_event"  # a known event id with other content
    BAD_CHAIN = "bad_chain"  # a validly sealed bundle whose events do not verify
    UNKNOWN_SIGNER = "unknown_signer"  # sealed by a key not enrolled on that laptop
    UNREGISTERED = "unregistered"  # a laptop or officer key not in the station's register
    REVOKED = "revoked"  # a revoked laptop's bundle beyond what was held at revocation


@dataclass(frozen=True)
class Outcome:
    bundle_id: str
    device_id: str
    status: Status
    new_events: int
    receipt: dict[str, Any] | None = None
    released: tuple[Outcome, ...] = field(default=())


class BundleAlarm(BundleRejected):
    """Refused, and recorded as an alarm for review at the station."""

    code = "bundle_alarm"

    def __init__(self, kind: AlarmKind, message: str, *, seq: int | None = None) -> None:
        # ``seq``: the laptop's entry where it went wrong (the screens say it in words;
        # ``message`` is the technical English for the CLI and the record).
        params: dict[str, object] = {"kind": kind.value}
        if seq is not None:
            params["seq"] = seq
        super().__init__(message, params=params)
        self.kind = kind
        self.seq = seq


@dataclass(frozen=True)
class Opened:
    """A bundle file taken as far as it can be without the station's vault: read, its
    header and signature checked, decrypted, unpacked (each entry hash is recomputed by
    the import, from the fields it stores)."""

    data: bytes = b""
    header: bundle.Header | None = None
    events: tuple[Event, ...] = ()
    blobs: dict[str, bytes] = field(default_factory=dict)
    # Per event, when opened with the station's keys: the public key its signature was
    # verified with there (None: not verified there, the import verifies it itself).
    signed_by: tuple[bytes | None, ...] = ()
    # Per event, when opened in an opening process: what the projections could work out
    # from the event alone (``Projector.prepare``); None: the import works it all out.
    prepared: tuple[Prepared, ...] | None = None
    refusal: str | None = None  # unreadable, damaged outer layers, or another station's
    signature: bytes = b""  # the header's, checked against the signer's registered key
    # The signer is not registered (or revoked): refused unread, raised as an alarm.
    alarm: tuple[AlarmKind, str] | None = None
    payload_refusal: str | None = None  # the sealed payload's problem (checked after duplicates)


@dataclass(frozen=True)
class KnownKeys:
    """The signing keys a station knows (raw public keys), for verifying in another process."""

    officers: dict[tuple[str, str], bytes] = field(default_factory=dict)
    stations: dict[str, bytes] = field(default_factory=dict)

    def checker(self) -> ChainChecker:
        return ChainChecker(
            keys={k: VerifyKey(v) for k, v in self.officers.items()},
            station_keys={k: VerifyKey(v) for k, v in self.stations.items()},
        )


def open_path(
    path: Path,
    identity: str,
    station: str,
    register: Register,
    known: KnownKeys | None = None,
    imported: Container[str] = (),
    projector: Projector | None = None,
) -> Opened:
    """``open_bundle`` on a file, in an opening process when several are imported: there,
    with the station's ``known`` keys, the signatures are verified too (its own
    interpreter: no contention with the writing thread for Python's lock), and with its
    ``projector`` what the projections can work out from each event alone. The file is
    read under the bundle cap: a device, a pipe or an oversized file is refused unread."""
    try:
        data = read_capped(Path(path), BUNDLE_MAX_BYTES, "bundle")
    except InputRefused as refused:
        return Opened(refusal=refused.to_reason())
    with collector_paused():  # tens of thousands of objects, none in a cycle
        opened = open_bundle(data, identity, station, register, imported)
        if known is None or not opened.events:
            return opened
        return _verified_and_prepared(opened, known, projector)


def _verified_and_prepared(opened: Opened, known: KnownKeys, projector: Projector | None) -> Opened:
    """``opened`` with each event's signature verdict and its ``prepared`` values, one
    after the other: this runs in one of the two opening processes, which with the writer
    already keep two cores busy (a thread here only fought this one for Python's lock)."""
    checker = known.checker()
    signed_by: list[bytes | None] = []
    for event in opened.events:
        key = checker.key_for(event)
        checker.accept(event)  # keys enrolled or removed inside the bundle
        signed_by.append(bytes(key) if key is not None and signature_ok(key, event) else None)
    prepared = projector.prepare(opened.events) if projector is not None else None
    return replace(opened, signed_by=tuple(signed_by), prepared=prepared)


def open_bundle(
    data: bytes, identity: str, station: str, register: Register, imported: Container[str] = ()
) -> Opened:
    """Open a bundle sealed for ``station`` with its age ``identity``; a damaged,
    truncated or foreign bundle comes back with its refusal, never half opened. A bundle
    whose signer the ``register`` does not accept is not decrypted at all. A bundle
    the station has ``imported`` already is recognised by its signed header and left
    sealed: importing it again changes nothing, so there is nothing to decrypt."""
    try:
        sealed = bundle.decode(data)
    except BundleRejected as refused:
        return Opened(data, refusal=refused.to_reason())
    header = sealed.header
    if header.station != station:
        return Opened(
            data,
            header,
            refusal=coded(
                "bundle_other_station",
                f"The bundle is sealed for another station ({header.station}); this "
                f"station is {station}.",
            ),
        )
    try:
        alarm = signer_refusal(header, sealed.signature, register)
    except BundleRejected as refused:
        return Opened(data, header, refusal=refused.message)
    if alarm is not None:
        return Opened(data, header, signature=sealed.signature, alarm=alarm)
    if header.bundle_id in imported:
        return Opened(data, header, signature=sealed.signature)
    try:
        events, blobs = _unseal(sealed, identity)
    except BundleRejected as refused:
        return Opened(data, header, payload_refusal=refused.to_reason(), signature=sealed.signature)
    return Opened(data, header, tuple(events), blobs, signature=sealed.signature)


def signer_refusal(
    header: bundle.Header, signature: bytes, register: Register
) -> tuple[AlarmKind, str] | None:
    """Why the register refuses a bundle's signer, or None: the laptop registered and not
    revoked (for this range), and the header signed with a key registered for the officer
    it names. A header whose signature does not verify at all was damaged on the way
    (refused, ``BundleRejected``, no alarm); one well signed by a key the register lacks
    is an alarm. So a header is only ever trusted under a REGISTERED key."""
    if not verify_header_signature(header.signer_public, signed_part(header), signature):
        raise BundleRejected(
            coded("bundle_altered", "The bundle's signature does not verify: it was altered.")
        )
    problem = register.header_refusal(
        header.device_id, header.signer, header.signer_public, header.to_seq
    )
    if problem is None:
        return None
    laptop = register.laptops.get(header.device_id)
    revoked = laptop is not None and laptop.revoked
    return (AlarmKind.REVOKED if revoked else AlarmKind.UNREGISTERED), problem


def _unseal(sealed: bundle.SealedBundle, identity: str) -> tuple[list[Event], dict[str, bytes]]:
    header = sealed.header
    try:
        compressed = pyrage.decrypt(sealed.ciphertext, [pyrage.x25519.Identity.from_str(identity)])
    except pyrage.DecryptError:
        raise BundleRejected(
            coded(
                "bundle_undecryptable",
                "The bundle cannot be decrypted with this station's key: it is damaged or "
                "was sealed for another station.",
            )
        ) from None
    events, blobs = bundle.unpack_payload(compressed, header)
    expected = list(range(header.from_seq, header.to_seq + 1))
    if not events:
        raise BundleRejected(coded("bundle_empty", "The bundle holds no events."))
    if (
        [e.seq for e in events] != expected
        or len(events) != header.count
        or any(e.device_id != header.device_id for e in events)
        or events[0].prev_hash.hex() != header.prev_head
        or events[-1].entry_hash.hex() != header.new_head
        or len(blobs) != header.blob_count
        or any(sha256_hex(v) != k for k, v in blobs.items())
    ):
        raise BundleRejected(
            coded("bundle_altered", "The bundle's contents do not match its header.")
        )
    return events, blobs


# Bundles are opened by two processes at once. Opening a bundle (its signatures above all)
# costs about twice what writing it does: with one opener the writer waited half the time;
# with two, the three share the cores evenly. One bundle more is asked for than there are
# openers, so that an opener that is done starts the next at once rather than when the
# writer next comes round; so an import holds at most four bundles in memory, each about
# ten times its file's size as objects (two imports side by side, eight). Imports running
# side by side in one process (two importers of a PostgreSQL station) share the two
# openers: the cores they run on are the same.
_OPENERS = 2
_LOOKAHEAD = _OPENERS + 1


class _OpenAhead:
    """The next bundles, opened in the opening processes while this one imports; if they
    cannot start or one dies, the bundles are simply opened here instead."""

    def __init__(
        self,
        pool: ProcessPoolExecutor | None,
        paths: Sequence[Path],
        identity: str,
        station: str,
        register: Register,
        known: KnownKeys,
        imported: frozenset[str],
        projector: Projector | None,
    ) -> None:
        self._pool, self._paths = pool, paths
        self._args = (identity, station, register, known, imported, projector)
        self._futures: dict[int, Future[Opened]] = {}

    def submit_from(self, index: int) -> None:
        # The first bundle is opened here (its signatures checked on a thread while it is
        # written): the opening processes are still starting.
        for later in range(max(index, 1), min(index + 1 + _LOOKAHEAD, len(self._paths))):
            if self._pool is None:
                return
            if later not in self._futures:
                try:
                    self._futures[later] = self._pool.submit(
                        open_path, self._paths[later], *self._args
                    )
                except BrokenProcessPool:
                    self._pool = None

    def cancel(self) -> None:
        for future in self._futures.values():
            future.cancel()
        self._futures.clear()

    def take(self, index: int) -> Opened | None:
        future = self._futures.pop(index, None)
        try:
            return future.result() if future is not None else None
        except Exception as exc:  # the process died, or failed: the bundle is opened here
            _log.warning("opening process failed (%s); bundle opened here", type(exc).__name__)
            self._pool = None
            return None


class _AskVault:
    """The bundles imported before, asked of the vault for the one bundle opened (a single
    import needs no list of them all; several are given the list, for the opening processes)."""

    def __init__(self, importer: StationImporter) -> None:
        self._importer = importer

    def __contains__(self, bundle_id: object) -> bool:
        return isinstance(bundle_id, str) and self._importer._already_imported(bundle_id)


class StationImporter:
    """Imports bundles into a station's store: an unlocked station vault (a ``Session``),
    or any other ``StationStore`` (PostgreSQL). The rules are here, once, for both."""

    def __init__(self, station: Session | StationStore, progress: Progress | None = None) -> None:
        self._store: StationStore = (
            VaultStationStore(station) if isinstance(station, Session) else station
        )
        self._keys: StationKeys = self._store.keys
        self._progress = progress or (lambda done, total: None)

    def import_file(self, path: Path) -> Outcome:
        register = self._store.register()
        return self.import_opened(
            open_path(
                path, self._keys.identity, self._fingerprint, register, imported=_AskVault(self)
            )
        )

    def import_bytes(self, data: bytes) -> Outcome:
        register = self._store.register()
        return self.import_opened(
            open_bundle(data, self._keys.identity, self._fingerprint, register, _AskVault(self))
        )

    def import_files(self, paths: Sequence[Path]) -> Iterator[tuple[Path, Outcome | KnownError]]:
        """Import several bundles in turn, each in its own transaction; yields each file's
        outcome, or the refusal that left it unwritten (the others go on).

        While one bundle is written, the next two are read, decrypted and unpacked, their
        signatures verified and what their events do to the projections worked out as far
        as the events alone tell, in two other processes: that work needs no vault
        (``shared_processes``). What this process checks itself is said in ``_apply``."""
        identity, station, imported = self._keys.identity, self._fingerprint, self._imported()
        register = self._store.register()
        # A store that can (the station's vault) copies its WAL on a thread meanwhile.
        many = getattr(self._store, "many_bundles", None) if len(paths) > 1 else None
        # Python's cycle collector paused for the whole batch, not a bundle at a time: the
        # objects each bundle leaves (and those unpickled from the opening processes, on
        # another thread, meanwhile) are acyclic, and a collector let loose between two
        # bundles walked every one of them (a few % of the writer's time).
        with (
            many() if many is not None else nullcontext(),
            shared_processes(_OPENERS) if len(paths) > 1 else nullcontext(None) as pool,
            collector_paused(),
        ):
            known = self._known_keys()
            projector = self._store.projector
            ahead = _OpenAhead(pool, paths, identity, station, register, known, imported, projector)
            try:
                for index, path in enumerate(paths):
                    ahead.submit_from(index)
                    opened = ahead.take(index) or open_path(
                        path, identity, station, register, None, imported
                    )
                    try:
                        yield path, self.import_opened(opened)
                    except KnownError as refused:
                        yield path, refused
            finally:
                # If the import was stopped: what it asked for and no opener has started
                # is dropped (the pool may be another import's too). What the openers have
                # started they finish, and the last import to leave waits for that.
                ahead.cancel()

    @property
    def _fingerprint(self) -> str:
        return self._keys.card.fingerprint

    def import_opened(self, opened: Opened) -> Outcome:
        """Import one opened bundle (``open_bundle``), then any held bundles of the same
        device it unblocks: one transaction each. Another importer of the same device
        (another station PC) waits until this one is done (``device_lock``)."""
        if opened.header is None:
            return self._import(opened)
        with self._store.device_lock(opened.header.device_id):
            outcome = self._import(opened)
            if outcome.status is not Status.IMPORTED:
                return outcome
            released = self._release_pending(outcome.device_id)
        return replace(outcome, released=released)

    def _import(self, opened: Opened) -> Outcome:
        if opened.refusal is not None or opened.header is None:
            raise BundleRejected(
                opened.refusal or coded("bundle_damaged", "The bundle cannot be read.")
            )
        header = opened.header
        # The register as it is now (it may have changed since the bundle was opened):
        # one query per bundle, then a dict lookup per event.
        register = self._store.register()
        refused = signer_refusal(header, opened.signature, register)
        if refused is None and opened.alarm is not None:  # registered since it was opened
            return self._import(
                open_bundle(opened.data, self._keys.identity, self._fingerprint, register)
            )
        if refused is not None:
            # Nothing of the bundle is kept: no held row, no blobs; the alarm names the
            # header's ids only, never what the bundle holds.
            alarm = BundleAlarm(*refused)
            self._raise_alarm(alarm, header)
            raise alarm
        if self._already_imported(header.bundle_id):
            return Outcome(header.bundle_id, header.device_id, Status.DUPLICATE, 0)
        if opened.payload_refusal is not None:
            raise BundleRejected(opened.payload_refusal)
        try:
            stranger = next(
                (e for e in opened.events if not register.officer_known(e.device_id, e.officer_id)),
                None,
            )
            if stranger is not None:
                raise BundleAlarm(
                    AlarmKind.UNREGISTERED,
                    f"Sequence {stranger.seq}: officer {stranger.officer_id[:32]} is not "
                    f"registered for laptop {header.device_id[:8]}; bundle refused.",
                    seq=stranger.seq,
                )
            # The register is the station's own; a laptop's event about it is a forgery
            # (it would not count, being read from the station's events only, but neither
            # is it let into the records the screens show).
            meddling = next((e for e in opened.events if e.entity_type == LAPTOP_ENTITY), None)
            if meddling is not None:
                raise BundleAlarm(
                    AlarmKind.BAD_CHAIN,
                    f"Sequence {meddling.seq}: a laptop may not write the station's register; "
                    "bundle refused.",
                    seq=meddling.seq,
                )
            head_seq, _ = self._checker_for(header.device_id).head(header.device_id)
            if header.from_seq > head_seq + 1:
                self._hold(header, opened.data)
                return Outcome(header.bundle_id, header.device_id, Status.HELD, 0)
            with collector_paused():
                return self._apply(header, opened, register)
        except BundleAlarm as alarm:
            self._raise_alarm(alarm, header)
            raise

    # -- applying --------------------------------------------------------------------------

    def _apply(self, header: bundle.Header, opened: Opened, register: Register) -> Outcome:
        """Check and store a bundle's events in one transaction.

        What the process that opened the bundle found is taken only where it is bound to
        the bytes stored here: this process checked the header's signature itself (under
        the register), checks that the events are the header's (count, device, sequence,
        first and last links), recomputes every entry hash from the fields it stores and
        checks every link of the chain, so every stored byte is covered by the signed
        header. Taken from the other process: that each event's signature verifies over
        its entry hash, with the key this process finds for it itself (a verdict for
        another key counts for nothing: verified again here), and the projections'
        ``prepared`` values (a read model: ``verify --deep`` replays it from the log)."""
        store = self._store
        events, blobs = opened.events, opened.blobs
        if not _matches_header(header, events):
            raise BundleRejected(
                coded("bundle_altered", "The bundle's contents do not match its header.")
            )
        checker = self._checker_for(header.device_id)
        head_seq, _ = checker.head(header.device_id)
        fresh, keys, verified, prepared = [], [], [], []
        new_ids = [e.id for e in events if e.seq > head_seq]
        known_ids = store.known_ids(new_ids)
        signed_by = opened.signed_by or (None,) * len(events)
        hints = opened.prepared or (None,) * len(events)
        registered = _RegisteredKeys(register)

        def blob(digest: str) -> bytes | None:
            return blobs.get(digest) or store.blob(digest)

        for event, signer, hint in zip(events, signed_by, hints, strict=True):
            if event.seq <= head_seq:
                self._check_known(event)
                continue
            if event.id in known_ids:
                raise BundleAlarm(
                    AlarmKind.CONFLICTING_EVENT,
                    f"Event {event.id} is already held with other content; bundle refused.",
                    seq=event.seq,
                )
            # The entry hash recomputed here, whatever the other process found.
            problem, key = checker.check_links(event, blob)
            if problem or key is None:
                raise BundleAlarm(
                    AlarmKind.BAD_CHAIN, f"Sequence {event.seq}: {problem}.", seq=event.seq
                )
            raw = registered.raw(event, key)
            if raw is None:
                raise BundleAlarm(
                    AlarmKind.UNREGISTERED,
                    f"Sequence {event.seq}: signed by {event.officer_id[:32]} with a key not "
                    f"registered for laptop {event.device_id[:8]}; bundle refused.",
                    seq=event.seq,
                )
            checker.accept(event)
            fresh.append(event)
            keys.append(key)
            verified.append(signer is not None and signer == raw)
            prepared.append(hint)
        signer_key = checker.keys.get((header.device_id, header.signer))
        if signer_key is None or bytes(signer_key).hex() != header.signer_public:
            raise BundleAlarm(
                AlarmKind.UNKNOWN_SIGNER,
                f"The bundle was sealed with a key that is not {header.signer}'s on that laptop.",
            )
        needed = {d for e in fresh for d in e.attachments}
        now = datetime.now(UTC).isoformat(timespec="seconds")

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            # Signatures not verified where the bundle was opened are checked on the other
            # cores while this one writes; the transaction commits only once every one has.
            todo = [i for i, done in enumerate(verified) if not done]
            pending = _verify_signatures(pool, keys, fresh, todo)

            def signatures_checked() -> None:
                bad = _first_bad(pending, fresh, self._progress)
                if bad is not None:
                    raise BundleAlarm(
                        AlarmKind.BAD_CHAIN,
                        f"Sequence {bad.seq}: signature does not verify.",
                        seq=bad.seq,
                    )

            blobs_needed = {k: v for k, v in blobs.items() if k in needed}
            store.store_bundle(
                header,
                fresh,
                blobs_needed,
                now,
                signatures_checked,
                prepared if opened.prepared else None,
            )
        status = Status.IMPORTED if fresh else Status.DUPLICATE
        return Outcome(
            header.bundle_id,
            header.device_id,
            status,
            len(fresh),
            self.receipt(header.vault_id, header.device_id, header.bundle_id),
        )

    def _check_known(self, event: Event) -> None:
        held = self._store.entry_hash_at(event.device_id, event.seq)
        if held != event.entry_hash:
            raise BundleAlarm(
                AlarmKind.FORK,
                f"Device {event.device_id[:8]} sent a second, different chain at sequence "
                f"{event.seq} (a cloned or restored laptop?); bundle refused.",
                seq=event.seq,
            )

    def _known_keys(self) -> KnownKeys:
        """Every key the station knows, for the process that opens bundles ahead."""
        officers, stations = self._store.signing_keys()
        return KnownKeys(officers, stations)

    def _checker_for(self, device_id: str) -> ChainChecker:
        """What the station knows of one device: its head and who may sign there."""
        return self._store.checker_for(device_id)

    # -- gaps, duplicates, alarms, receipts --------------------------------------------------

    def _imported(self) -> frozenset[str]:
        """The bundles imported before (a bundle imported again is not even decrypted)."""
        return self._store.imported()

    def _already_imported(self, bundle_id: str) -> bool:
        return self._store.already_imported(bundle_id)

    def _hold(self, header: bundle.Header, data: bytes) -> None:
        self._store.hold(header, data)

    def _release_pending(self, device_id: str) -> tuple[Outcome, ...]:
        released: list[Outcome] = []
        while True:
            head_seq, _ = self._checker_for(device_id).head(device_id)
            held = self._store.next_held(device_id, head_seq)
            if held is None:
                return tuple(released)
            bundle_id, data = held
            self._store.drop_held(bundle_id)
            register = self._store.register()
            opened = open_bundle(data, self._keys.identity, self._fingerprint, register)
            try:
                released.append(self._import(opened))
            except BundleRejected:
                continue  # refused on its own merits (an alarm says why); the import stands

    def _raise_alarm(self, alarm: BundleAlarm, header: bundle.Header) -> None:
        draft = create_draft(
            ALARM_ENTITY,
            {
                "kind": alarm.kind.value,
                "device_id": header.device_id,
                "vault_id": header.vault_id,
                "bundle_id": header.bundle_id,
                "from_seq": header.from_seq,
                "to_seq": header.to_seq,
                "detail": alarm.message,
                **({"seq": alarm.seq} if alarm.seq is not None else {}),
                "status": "open",
            },
        )
        self._store.append([draft])

    def receipt(self, vault_id: str, device_id: str, bundle_id: str) -> dict[str, Any]:
        """What the station holds of a device, signed: the laptop may purge up to here."""
        head_seq, head = self._checker_for(device_id).head(device_id)
        body = {
            "format": RECEIPT_FORMAT,
            "version": 1,
            "station": self._keys.card.fingerprint,
            "vault_id": vault_id,
            "device_id": device_id,
            "through_seq": head_seq,
            "head": head.hex(),
            "bundle_id": bundle_id,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        return sign_receipt(body, self._keys.signing_key)


class _RegisteredKeys:
    """Per officer of a bundle: the key its events were last found signed with, that key's
    raw bytes and the register's verdict on it, worked out once, not once an event (a
    bundle of 10,000 events has one or two signers). The key object is held here and
    compared by identity, so a key enrolled in its place within the bundle is looked at
    afresh; the register is the one this import checks against throughout."""

    def __init__(self, register: Register) -> None:
        self._register = register
        self._seen: dict[tuple[str, str], tuple[VerifyKey, bytes | None]] = {}

    def raw(self, event: Event, key: VerifyKey) -> bytes | None:
        """``key``'s raw bytes if the register accepts it for the event's officer and
        laptop, else None."""
        signer = (event.device_id, event.officer_id)
        seen = self._seen.get(signer)
        if seen is None or seen[0] is not key:
            raw = bytes(key)
            ok = self._register.key_ok(event.device_id, event.officer_id, raw)
            seen = self._seen[signer] = (key, raw if ok else None)
        return seen[1]


def _matches_header(header: bundle.Header, events: Sequence[Event]) -> bool:
    """The events are the ones the header names (checked again here: the header's
    signature covers its ``new_head``, and the chain covers everything before it)."""
    return (
        len(events) == header.count
        and bool(events)
        and events[0].seq == header.from_seq
        and events[-1].seq == header.to_seq
        and all(e.device_id == header.device_id for e in events)
        and events[0].prev_hash.hex() == header.prev_head
        and events[-1].entry_hash.hex() == header.new_head
    )


def _verify_signatures(
    pool: ThreadPoolExecutor, keys: list[VerifyKey], events: list[Event], todo: list[int]
) -> list[tuple[list[int], Future[int | None]]]:
    """Start checking the signatures of ``todo`` (libsodium releases the GIL)."""

    def check(chunk: list[int]) -> int | None:
        return next((i for i in chunk if not signature_ok(keys[i], events[i])), None)

    chunks = [todo[i : i + 1000] for i in range(0, len(todo), 1000)]
    return [(chunk, pool.submit(check, chunk)) for chunk in chunks]


def _first_bad(
    pending: list[tuple[list[int], Future[int | None]]], events: list[Event], progress: Progress
) -> Event | None:
    done = len(events) - sum(len(chunk) for chunk, _ in pending)  # verified when opened
    for chunk, future in pending:
        bad = future.result()
        if bad is not None:
            return events[bad]
        done += len(chunk)
        progress(done, len(events))
    progress(len(events), len(events))
    return None
