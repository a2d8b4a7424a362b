"""The append-only, hash-chained, signed event log.

Every change to any record is an event. An event's ``entry_hash`` is SHA-256 over a
canonical header that includes the previous event's hash, so the events of one device form
a chain; the officer's Ed25519 key signs the entry hash. Projections (the tables the app
reads) are updated in the same transaction as the event that changes them.
"""

from __future__ import annotations

import hashlib
import json
import operator
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, Protocol, overload

import orjson
from nacl.signing import SigningKey

from fieldapp.errors import InvalidInput, VaultDamaged, coded
from fieldapp.inputs import ATTACHMENT_MAX_BYTES, check_size
from fieldapp.storage.canonical import canonical, sha256_hex
from fieldapp.storage.database import Connection, transaction, translate_errors
from fieldapp.storage.ids import Hlc, uuid7
from fieldapp.storage.schema import EVENT_KINDS

ENTRY_DOMAIN = b"fieldapp-event-v1\n"
GENESIS_DOMAIN = b"fieldapp-genesis-v1\n"
EVENT_FORMAT = 1

_COLUMNS = (
    "device_id, seq, id, officer_id, hlc, wall_time, zone, kind, entity_type, entity_id, "
    "parents, body, attachments, prev_hash, entry_hash, signature"
)


def canonical_header(header: dict[str, Any]) -> bytes:
    """RFC 8785 bytes of an event header, fast.

    A header holds only strings, integers and lists of strings under ASCII keys; for those,
    orjson's sorted output is exactly the RFC 8785 bytes (a property test holds it to
    ``rfc8785``), at a fiftieth of the cost, which matters when a station imports 100,000
    events.
    """
    return orjson.dumps(header, option=orjson.OPT_SORT_KEYS)


def genesis_hash(device_id: str) -> bytes:
    """The ``prev_hash`` of a device's first event."""
    return hashlib.sha256(GENESIS_DOMAIN + device_id.encode()).digest()


@dataclass(frozen=True)
class Draft:
    """An event to be appended: what changes. The log fills in who, when and the chain."""

    kind: str
    entity_type: str
    entity_id: str
    body: Mapping[str, Any]
    parents: tuple[str, ...] = ()
    attachments: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}")


class _parsed_once:  # noqa: N801 - used as a decorator, like the property it replaces
    """``functools.cached_property`` for ``Event.data``, without the lock Python 3.11's takes
    on every first read (gone in 3.12): a station reads the bodies of 100,000 events once
    each. Stored in the instance's ``__dict__``, which later reads find first; two threads
    parsing the same body at once would store equal values."""

    def __init__(self, parse: Callable[[Event], dict[str, Any]]) -> None:
        self._parse = parse
        self.__doc__ = parse.__doc__

    @overload
    def __get__(self, event: None, owner: type[Event]) -> _parsed_once: ...

    @overload
    def __get__(self, event: Event, owner: type[Event]) -> dict[str, Any]: ...

    def __get__(self, event: Event | None, owner: type[Event]) -> dict[str, Any] | _parsed_once:
        if event is None:
            return self
        value = event.__dict__["data"] = self._parse(event)
        return value


@dataclass(frozen=True)
class Event:
    """A stored event, exactly as hashed and signed."""

    device_id: str
    seq: int
    id: str
    officer_id: str
    hlc: str
    wall_time: str
    zone: str
    kind: str
    entity_type: str
    entity_id: str
    parents: tuple[str, ...]
    body: bytes
    attachments: tuple[str, ...]
    prev_hash: bytes
    entry_hash: bytes = field(default=b"")
    signature: bytes = field(default=b"")
    body_sha256: str | None = None  # set when a purge has emptied the body

    @property
    def purged(self) -> bool:
        return self.body_sha256 is not None

    def __reduce__(self) -> tuple[Callable[..., Event], tuple[Any, ...]]:
        # Sent to another process as its fields' values, without the parsed body (``data``:
        # parsing it again there costs less than sending the parsed copy): a bundle's
        # events pickle in half the time their state as dicts took, and unpickle in 3/4.
        return event_of, _field_values(self)

    @_parsed_once
    def data(self) -> dict[str, Any]:
        """The parsed body, parsed once (every projection reads it): read it, never change it."""
        if self.purged:
            return {}  # purged under the retention rules; the station holds the original
        value = orjson.loads(self.body)
        assert isinstance(value, dict)
        return value

    def header(self) -> dict[str, Any]:
        """What the entry hash covers: every field except the hash and signature."""
        return {
            "format": EVENT_FORMAT,
            "device_id": self.device_id,
            "seq": self.seq,
            "id": self.id,
            "officer_id": self.officer_id,
            "hlc": self.hlc,
            "wall_time": self.wall_time,
            "zone": self.zone,
            "kind": self.kind,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "parents": list(self.parents),
            "body_sha256": self.body_sha256 or sha256_hex(self.body),
            "attachments": list(self.attachments),
            "prev_hash": self.prev_hash.hex(),
        }

    def computed_hash(self) -> bytes:
        return hashlib.sha256(ENTRY_DOMAIN + canonical_header(self.header())).digest()

    def row(self) -> tuple[Any, ...]:
        # The blobs as they are: ``storage.database`` registers bytes as bound as is, one
        # adapter lookup a value, which costs less than a bytearray copy of each (measured:
        # 2.0 against 2.5 µs a row of four blobs). The stored blob is the same either way.
        return (
            self.device_id,
            self.seq,
            self.id,
            self.officer_id,
            self.hlc,
            self.wall_time,
            self.zone,
            self.kind,
            self.entity_type,
            self.entity_id,
            json_list(self.parents),
            self.body,
            json_list(self.attachments),
            self.prev_hash,
            self.entry_hash,
            self.signature,
        )

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Event:
        return event_of(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
            tuple(json.loads(row[10])),
            bytes(row[11]),
            tuple(json.loads(row[12])),
            bytes(row[13]), bytes(row[14]), bytes(row[15]),
            row[16] if len(row) > 16 else None,
        )  # fmt: skip


EVENT_FIELDS = tuple(f.name for f in fields(Event))
_field_values = operator.attrgetter(*EVENT_FIELDS)


def event_of(*values: Any) -> Event:
    """An ``Event`` of all its fields' values, in ``EVENT_FIELDS`` order, made without the
    frozen dataclass's ``__init__`` (seventeen ``object.__setattr__`` calls, most of the
    cost of an event read or unpacked: a station makes 100,000s). The caller gives every
    field its final type, as ``__init__`` would be given them; a value too few or too many
    is a ValueError."""
    event = object.__new__(Event)
    event.__dict__.update(zip(EVENT_FIELDS, values, strict=True))
    return event


# What is read back: the stored columns, and the kept hash of a purged body.
_READ = _COLUMNS + ", body_sha256"


def insert_event_rows(conn: Connection, events: Iterable[Event]) -> None:
    """Insert finished events as they are (the append path and the benchmark share this)."""
    conn.executemany(
        f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * 16)})",
        [e.row() for e in events],
    )


def read_events(conn: Connection, *, entity: tuple[str, str] | None = None) -> Iterator[Event]:
    """Events in the order they were applied (rowid), optionally for one entity."""
    sql = f"SELECT {_READ} FROM events"
    args: tuple[str, ...] = ()
    if entity:
        sql += " WHERE entity_type = ? AND entity_id = ?"
        args = entity
    with translate_errors():
        for row in conn.execute(sql + " ORDER BY rowid", args):
            yield Event.from_row(row)


def read_device_events(
    conn: Connection, device_id: str, *, after: int = 0, limit: int | None = None
) -> Iterator[Event]:
    """One device's events after sequence ``after``, in sequence order."""
    sql = f"SELECT {_READ} FROM events WHERE device_id = ? AND seq > ? ORDER BY seq"
    args: tuple[object, ...] = (device_id, after)
    if limit is not None:
        sql += " LIMIT ?"
        args = (*args, limit)
    with translate_errors():
        for row in conn.execute(sql, args):
            yield Event.from_row(row)


def local_zone() -> str:
    """The local zone as name and UTC offset, e.g. ``CET+0100``; kept beside UTC wall time."""
    now = datetime.now().astimezone()
    return f"{now.tzname()}{now.strftime('%z')}"


# Events a signing job; fewer in all are signed here, at once. Small, because the last
# chunk is signed while this thread waits (an import commits its ads 500 at a time).
_SIGN_CHUNK = 64


class _Signing:
    """Signs hashed events: a few at once, here; a large batch (an import of thousands of
    ads) in chunks on a second thread while the batch goes on (libsodium releases Python's
    lock while it signs, so that is a second core at work)."""

    def __init__(self, signer: SigningKey, *, many: bool) -> None:
        self._signer = signer
        self._pool = ThreadPoolExecutor(max_workers=1) if many else None
        self._waiting: list[Event] = []
        self._jobs: list[Future[list[Event]]] = []

    def add(self, event: Event) -> None:
        self._waiting.append(event)
        if self._pool is not None and len(self._waiting) >= _SIGN_CHUNK:
            self._jobs.append(self._pool.submit(self._sign, self._waiting))
            self._waiting = []

    def signed(self) -> list[Event]:
        try:
            done = [event for job in self._jobs for event in job.result()]
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
        return done + self._sign(self._waiting)

    def _sign(self, events: list[Event]) -> list[Event]:
        # Each signature is set once, before ``signed`` hands the events on; nothing reads
        # it earlier. A copy of each event would cost this thread more than the signing.
        sign = self._signer.sign
        for event in events:
            object.__setattr__(event, "signature", sign(event.entry_hash).signature)
        return events


class Applier(Protocol):
    """What the log hands each new event to, in its transaction (``projections.Projector``;
    a protocol here so that the log does not import the projections that read it)."""

    def apply(self, conn: Connection, event: Event) -> None: ...

    def batch(self) -> AbstractContextManager[None]: ...


class EventLog:
    """Appends events for one device and one officer, signing and chaining each."""

    def __init__(
        self,
        conn: Connection,
        device_id: str,
        officer_id: str,
        signing_key: bytes,
        projector: Applier,
        clock: Callable[[], float] = time.time,
        on_commit: Callable[[], object] | None = None,
    ) -> None:
        self._conn = conn
        self.device_id = device_id
        self.officer_id = officer_id
        self._key = signing_key  # the Ed25519 seed
        # libsodium signs in two thirds of OpenSSL's time; the signatures are the same bytes.
        self._signer = SigningKey(signing_key)
        self._projector = projector
        self._clock = clock
        self._on_commit = on_commit  # the session anchors the new head (storage.head)

    def append(self, drafts: Sequence[Draft]) -> list[Event]:
        """Append ``drafts`` in one transaction: all of them are committed, or none."""
        with transaction(self._conn):
            events = self.append_in_transaction(drafts)
        if self._on_commit is not None:
            self._on_commit()
        return events

    def append_one(self, draft: Draft) -> Event:
        return self.append([draft])[0]

    def append_in_transaction(self, drafts: Sequence[Draft]) -> list[Event]:
        """Append inside a transaction the caller holds (so other writes commit with it)."""
        for draft in drafts:  # every attachment enters the vault here, under one cap
            for data in draft.attachments:
                check_size(data, ATTACHMENT_MAX_BYTES, "attachment")
        conn = self._conn
        seq, prev = self.head()
        hlc = self._load_hlc()
        zone = local_zone()
        signing = _Signing(self._signer, many=len(drafts) >= _SIGN_CHUNK)
        with self._projector.batch():
            for draft in drafts:
                now = self._clock()
                hlc = hlc.tick(int(now * 1000))
                seq += 1
                event = self._hashed(draft, seq, prev, hlc, now, zone)
                # Projections read what an event says, never its signature: the signing
                # (of a large batch, on another core) goes on while they are updated.
                self._projector.apply(conn, event)
                signing.add(event)
                prev = event.entry_hash
        events = signing.signed()
        insert_event_rows(conn, events)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)", (str(hlc),))
        return events

    def _hashed(
        self, draft: Draft, seq: int, prev: bytes, hlc: Hlc, now: float, zone: str
    ) -> Event:
        """``draft`` as the event at ``seq``: its blobs stored, hashed and chained."""
        event = Event(
            device_id=self.device_id,
            seq=seq,
            id=uuid7(hlc.wall_ms),
            officer_id=self.officer_id,
            hlc=str(hlc),
            wall_time=_utc_iso(now),
            zone=zone,
            kind=draft.kind,
            entity_type=draft.entity_type,
            entity_id=draft.entity_id,
            parents=draft.parents,
            body=_body_bytes(draft.body),
            attachments=tuple(self._put_blob(data) for data in draft.attachments),
            prev_hash=prev,
        )
        # Set once, before anything else sees the event (as __post_init__ would): making
        # a second copy just to fill in the hash costs more than the hash itself.
        object.__setattr__(event, "entry_hash", event.computed_hash())
        return event

    def head(self) -> tuple[int, bytes]:
        """This device's last sequence number and entry hash (0 and genesis when empty)."""
        row = self._conn.execute(
            "SELECT seq, entry_hash FROM events WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
            (self.device_id,),
        ).fetchone()
        if row is None:
            return 0, genesis_hash(self.device_id)
        return int(row[0]), bytes(row[1])

    def _load_hlc(self) -> Hlc:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        return Hlc.parse(row[0]) if row else Hlc(0, 0)

    def _put_blob(self, data: bytes) -> str:
        digest = sha256_hex(data)
        self._conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)",
            (digest, len(data), data),
        )
        return digest

    def blob(self, digest: str) -> bytes | None:
        """An attachment by its SHA-256, checked against its hash on the way out."""
        row = self._conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
        if row is None:
            return None
        data = bytes(row[0])
        if sha256_hex(data) != digest:
            raise VaultDamaged(f"Attachment {digest[:12]}… does not match its hash.")
        return data


def json_list(items: tuple[str, ...]) -> str:
    """A tuple of strings as the JSON array stored for it (parents, attachments)."""
    return json.dumps(list(items)) if items else "[]"  # most events have none: skip the encoder


def _body_bytes(body: Mapping[str, Any]) -> bytes:
    try:
        return canonical(dict(body))
    except (TypeError, ValueError) as exc:
        raise InvalidInput(coded("not_storable", f"The record cannot be stored: {exc}.")) from None


def _utc_iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")
