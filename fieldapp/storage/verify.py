"""Checking events: encrypted pages, each device's hash chain, every signature, every
attachment. ``ChainChecker`` is shared by ``verify`` (the whole vault) and the station's
bundle import (events arriving from laptops).

Signatures are checked with libsodium (PyNaCl): the import's speed is bounded by it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from fieldapp.officers import OFFICER_ENTITY
from fieldapp.settings import Scope, Setting
from fieldapp.storage.canonical import canonical, sha256_hex
from fieldapp.storage.database import Connection, integrity_problems, translate_errors
from fieldapp.storage.events import Event, genesis_hash, read_events
from fieldapp.storage.head import (
    HEAD_FILE,
    CheckpointUnreadable,
    chain_reaches,
    is_anchored,
    read_checkpoint,
)
from fieldapp.storage.records import PURGE_ENTITY

if TYPE_CHECKING:
    from fieldapp.storage.projections import Projector

STATION_ENTITY = "station"
STATION_SIGNER_PREFIX = "station:"


def station_signer(fingerprint: str) -> str:
    """The officer id under which a station signs events in a laptop's chain (recovery)."""
    return f"{STATION_SIGNER_PREFIX}{fingerprint}"


@dataclass(frozen=True)
class VerifyReport:
    events: int
    devices: int
    head: str | None = None
    bad_seq: int | None = None
    bad_device: str | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def summary(self) -> str:
        if self.ok:
            head = f", chain head {self.head[:16]}" if self.head else ""
            return f"OK: {self.events} events from {self.devices} device(s) verified{head}."
        where = f" at sequence {self.bad_seq}" if self.bad_seq is not None else ""
        device = f" (device {self.bad_device[:8]})" if self.bad_device else ""
        return f"BROKEN{where}{device}: {self.problem}"


BlobLookup = Callable[[str], bytes | None]
# The entities whose events enrol or remove a signing key.
_KEY_ENTITIES = frozenset({OFFICER_ENTITY, STATION_ENTITY})


@dataclass
class ChainChecker:
    """What a verifier knows so far: each device's head, and who may sign on each device."""

    heads: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    keys: dict[tuple[str, str], VerifyKey] = field(default_factory=dict)
    station_keys: dict[str, VerifyKey] = field(default_factory=dict)
    # Every (device, officer, raw public key) ever enrolled, removed ones too: a head
    # checkpoint may be signed by an officer removed since.
    enrolled: set[tuple[str, str, bytes]] = field(default_factory=set)

    def head(self, device_id: str) -> tuple[int, bytes]:
        head = self.heads.get(device_id)  # the genesis hash computed only when it is needed
        return head if head is not None else (0, genesis_hash(device_id))

    def check(self, event: Event, blob: BlobLookup) -> str | None:
        """Why ``event`` cannot follow what is known, or ``None`` if it can."""
        problem, key = self.check_links(event, blob)
        if problem or key is None:
            return problem
        return None if signature_ok(key, event) else "signature does not verify"

    def check_links(
        self, event: Event, blob: BlobLookup, *, hash_ok: bool | None = None
    ) -> tuple[str | None, VerifyKey | None]:
        """Everything but the signature: the problem, or the key the signature must verify
        with. Lets a caller verify many signatures at once, in parallel. ``hash_ok`` is the
        entry hash already recomputed elsewhere (another process), ``None`` to do it here."""
        seq, prev = self.head(event.device_id)
        if event.seq != seq + 1:
            return f"sequence gap: expected {seq + 1}, found {event.seq}", None
        if event.prev_hash != prev:
            return "chain link broken: prev_hash does not match the previous event", None
        if not (event.computed_hash() == event.entry_hash if hash_ok is None else hash_ok):
            return (
                "entry hash does not match the event's content (altered after it was written)",
                None,
            )
        key = self.key_for(event)
        if key is None:
            return (
                f"signed by an officer who was not enrolled at that point ({event.officer_id})",
                None,
            )
        for digest in () if event.purged else event.attachments:
            data = blob(digest)
            if data is None:
                return f"attachment {digest[:12]} is missing", None
            if sha256_hex(data) != digest:
                return f"attachment {digest[:12]} does not match its hash", None
        return None, key

    def accept(self, event: Event) -> None:
        """Move the device's head past ``event`` and learn any key it enrols or removes."""
        self.heads[event.device_id] = (event.seq, event.entry_hash)
        if event.entity_type not in _KEY_ENTITIES:
            return  # nearly every event: nothing more to learn (checked 100,000 times an import)
        data = event.data
        key = (event.device_id, event.entity_id)
        if event.entity_type == OFFICER_ENTITY:
            if event.kind == "create" or (event.kind == "amend" and "public_key" in data):
                self.keys[key] = VerifyKey(bytes.fromhex(data["public_key"]))
                self.enrolled.add((*key, bytes(self.keys[key])))
            elif event.kind == "void":
                self.keys.pop(key, None)
        elif event.entity_type == STATION_ENTITY and event.kind == "create":
            card = data.get("data", {})
            if card.get("signing_public") and card.get("fingerprint"):
                self.station_keys[station_signer(card["fingerprint"])] = VerifyKey(
                    bytes.fromhex(card["signing_public"])
                )

    def key_for(self, event: Event) -> VerifyKey | None:
        """The key ``event``'s signature must verify with, as far as is known here."""
        key = self.keys.get((event.device_id, event.officer_id))
        if key is None and event.officer_id.startswith(STATION_SIGNER_PREFIX):
            key = self.station_keys.get(event.officer_id)
        if key is None and event.seq == 1 and _is_self_enrolment(event):
            key = VerifyKey(bytes.fromhex(event.data["public_key"]))
        return key


def signature_ok(key: VerifyKey, event: Event) -> bool:
    try:
        key.verify(event.entry_hash, event.signature)
    except (BadSignatureError, ValueError):
        return False
    return True


def verify(
    conn: Connection, *, data_dir: Path | None = None, projector: Projector | None = None
) -> VerifyReport:
    """Verify everything; stops at the first break: pages, chains, signatures, attachments,
    then every purge, the last station receipt, with ``data_dir`` the head against its
    checkpoint there, and with ``projector`` (``verify --deep``) the projections against a
    replay of the log."""
    pages = integrity_problems(conn)
    if pages:
        return VerifyReport(0, 0, problem=f"encrypted pages failed their check: {pages[0]}")
    checker = ChainChecker()
    purges = _Purges()
    count = 0
    last: Event | None = None

    def blob(digest: str) -> bytes | None:
        row = conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
        return bytes(row[0]) if row else None

    with translate_errors():
        for event in read_events(conn):
            problem = checker.check(event, blob)
            if problem:
                return VerifyReport(
                    count, len(checker.heads), None, event.seq, event.device_id, problem
                )
            checker.accept(event)
            purges.note(count, event)
            count += 1
            last = event
        finding = (
            purge_finding(conn, purges, checker)
            or last_receipt_finding(conn, checker)
            or (head_finding(conn, data_dir, checker) if data_dir is not None else None)
            or (projection_finding(conn, projector) if projector is not None else None)
        )
    if finding is not None:
        return VerifyReport(count, len(checker.heads), None, *finding)
    return VerifyReport(count, len(checker.heads), last.entry_hash.hex() if last else None)


# A finding: the sequence and device it concerns (if any), and what is wrong.
Finding = tuple[int | None, str | None, str]


def _meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def _entry_hash(conn: Connection, device_id: str, seq: int) -> bytes | None:
    row = conn.execute(
        "SELECT entry_hash FROM events WHERE device_id = ? AND seq = ?", (device_id, seq)
    ).fetchone()
    return bytes(row[0]) if row else None


def _last_seq(conn: Connection, device_id: str) -> int:
    row = conn.execute("SELECT max(seq) FROM events WHERE device_id = ?", (device_id,)).fetchone()
    return int(row[0] or 0)


def _cut_tail(conn: Connection, device_id: str, seq: int, anchor: str) -> str:
    """Why the log does not hold ``anchor``'s event at ``seq``."""
    last = _last_seq(conn, device_id)
    if last < seq:
        return (
            f"the log ends at sequence {last}, below {anchor} (sequence {seq}): "
            "the newest events were deleted"
        )
    return f"the event at sequence {seq} is not the one {anchor} names: the tail was rewritten"


# -- purges: every emptied body under a purge event and the receipt it relied on -----------


@dataclass
class _Purges:
    """What the log says about purges, gathered while the chain is checked."""

    emptied: list[tuple[int, Event]] = field(default_factory=list)
    # event id -> every (position of the purge event, the purge event) naming it
    named: dict[str, list[tuple[int, Event]]] = field(default_factory=dict)
    # purge events from before schema v5, which name no events: (position, count)
    unnamed: list[tuple[int, int]] = field(default_factory=list)

    def note(self, position: int, event: Event) -> None:
        if event.purged:
            self.emptied.append((position, event))
        elif event.entity_type == PURGE_ENTITY and event.kind == "checkpoint":
            ids = event.data.get("event_ids")
            if isinstance(ids, list):
                for event_id in ids:
                    self.named.setdefault(str(event_id), []).append((position, event))
            else:
                self.unnamed.append((position, int(event.data.get("events", 0))))


def purge_finding(conn: Connection, purges: _Purges, checker: ChainChecker) -> Finding | None:
    """Each emptied body must be named by a purge event later in the log. A laptop's purge
    of its own events names the station's signed receipt that covers them; a station's
    purge of the laptops' events it holds relies on nothing above it (it is the archive)."""
    vault_id, own = _meta(conn, "vault_id"), _meta(conn, "device_id")
    unnamed = sorted(purges.unnamed)
    for position, event in purges.emptied:
        # Only a purge this vault wrote empties it: a laptop's purge imported at the station
        # is recorded there but removes nothing (``records.purge_applies_here``).
        cover = next(
            (
                c
                for c in purges.named.get(event.id, ())
                if c[1].device_id == own and c[0] > position
            ),
            None,
        )
        if cover is None:
            # Purged before v5: the purge event only counts what it emptied, before it.
            slot = next((i for i, (at, n) in enumerate(unnamed) if at > position and n), None)
            if slot is None:
                return event.seq, event.device_id, "body emptied without a purge event naming it"
            at, n = unnamed[slot]
            unnamed[slot] = (at, n - 1)
            continue
        purge = cover[1]
        receipt = purge.data.get("receipt")
        if receipt is None and _is_station(conn):
            continue  # the station's own retention: the archive answers to no receipt
        if purge.device_id != event.device_id:
            return event.seq, event.device_id, "body emptied by another device's purge"
        problem = receipt_problem(conn, receipt, checker, vault_id, event.device_id, event.seq)
        if problem:
            return event.seq, event.device_id, f"body emptied by a purge that relied on {problem}"
    return None


def _stored(conn: Connection, setting: Setting[str]) -> str:
    # ``verify`` reads the database, not a session: the setting's row, or its default.
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (setting.name,)).fetchone()
    return setting.parse(str(row[0])) if row else setting.default


def _is_station(conn: Connection) -> bool:
    return _stored(conn, VAULT_MODE) == _STATION_MODE


# -- station receipts ------------------------------------------------------------------------

LAST_RECEIPT = Setting("sync.last_receipt", str, "", Scope.PERSIST)  # the receipt's JSON
RECEIPT_FORMAT = "fieldapp-receipt"
# "station" in a station's vault (``fieldapp.sync.station`` sets it when it makes one).
VAULT_MODE = Setting("vault_mode", str, "laptop", Scope.PERSIST)
_STATION_MODE = "station"


def receipt_problem(
    conn: Connection,
    receipt: object,
    checker: ChainChecker,
    vault_id: str | None,
    device_id: str,
    covers: int,
) -> str | None:
    """Why ``receipt`` is not a station's acknowledgement of ``device_id``'s chain through
    sequence ``covers`` or later, as this log holds it; ``None`` if it is."""
    if not isinstance(receipt, dict) or receipt.get("format") != RECEIPT_FORMAT:
        return "no station receipt"
    body = {k: v for k, v in receipt.items() if k != "signature"}
    key = checker.station_keys.get(station_signer(str(receipt.get("station"))))
    try:
        if key is None:
            return "a receipt from a station this vault never enrolled"
        key.verify(canonical(body), bytes.fromhex(str(receipt.get("signature"))))
    except (BadSignatureError, ValueError, TypeError):
        return "a receipt whose station signature does not verify"
    through = receipt.get("through_seq")
    if (body.get("vault_id"), body.get("device_id")) != (vault_id, device_id):
        return "a receipt for another vault or device"
    if not isinstance(through, int) or through < covers:
        return f"a receipt that does not cover sequence {covers}"
    held = _entry_hash(conn, device_id, through)
    if held is None or held.hex() != receipt.get("head"):
        return "a receipt for a head this log does not hold"
    return None


def last_receipt_finding(conn: Connection, checker: ChainChecker) -> Finding | None:
    """The log still holds the head that the newest receipt acknowledged."""
    stored = _stored(conn, LAST_RECEIPT)
    device_id = _meta(conn, "device_id")
    if not stored or device_id is None:
        return None
    try:
        receipt = json.loads(stored)
        through = int(receipt["through_seq"])
    except (ValueError, KeyError, TypeError):
        return None, device_id, "the stored station receipt is unreadable"
    held = _entry_hash(conn, device_id, through)
    if held is None or held.hex() != receipt.get("head"):
        anchor = "the station's last receipt"
        return through, device_id, _cut_tail(conn, device_id, through, anchor)
    problem = receipt_problem(conn, receipt, checker, _meta(conn, "vault_id"), device_id, through)
    if problem:
        return through, device_id, f"the stored station receipt does not hold: {problem}"
    return None


# -- the head checkpoint (head.sig, outside vault.db) ------------------------------------------


def head_finding(conn: Connection, data_dir: Path, checker: ChainChecker) -> Finding | None:
    """The log reaches the head that ``head.sig`` signed (see ``storage.head``)."""
    device_id = _meta(conn, "device_id") or ""
    try:
        checkpoint = read_checkpoint(data_dir / HEAD_FILE)
    except CheckpointUnreadable as exc:
        return None, device_id, f"the head checkpoint {HEAD_FILE} is unreadable ({exc})"
    if checkpoint is None:
        if is_anchored(conn):
            return None, device_id, f"the head checkpoint {HEAD_FILE} is missing"
        return None  # a vault from before checkpoints, not yet opened by this version
    if (checkpoint.vault_id, checkpoint.device_id) != (_meta(conn, "vault_id"), device_id):
        return None, device_id, f"{HEAD_FILE} belongs to another vault"
    signer = (checkpoint.device_id, checkpoint.officer_id, bytes.fromhex(checkpoint.public_key))
    if signer not in checker.enrolled or not checkpoint.signature_ok():
        return None, device_id, f"{HEAD_FILE} is not signed by an officer of this vault"
    if not chain_reaches(conn, checkpoint):
        anchor = "the signed head checkpoint"
        return checkpoint.seq, device_id, _cut_tail(conn, device_id, checkpoint.seq, anchor)
    return None


# -- projections (verify --deep) ---------------------------------------------------------------


def projection_finding(conn: Connection, projector: Projector) -> Finding | None:
    """Replay the log into fresh projection tables, inside a transaction that is rolled
    back, and compare them with the stored ones; the first difference names the table,
    the record (type and id) and the field, never a value."""
    tables = projector.tables
    stored = {name: _table_rows(conn, name) for name in tables}
    conn.execute("BEGIN IMMEDIATE")
    try:
        projector.replay(conn)
        for name in tables:
            replayed = _table_rows(conn, name)
            difference = _first_difference(name, stored[name], replayed)
            if difference:
                return None, None, difference
    finally:
        conn.execute("ROLLBACK")
    return None


_Rows = tuple[list[str], list[tuple[object, ...]]]


def _table_rows(conn: Connection, name: str) -> _Rows:
    cursor = conn.execute(f"SELECT * FROM {name} LIMIT 0")
    columns = [d[0] for d in cursor.description]
    order = ", ".join(str(i + 1) for i in range(len(columns)))
    rows = conn.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()
    return columns, [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]


def _first_difference(name: str, stored: _Rows, replayed: _Rows) -> str | None:
    columns, have = stored
    _, want = replayed
    if have == want:
        return None
    extra = sorted(set(have) - set(want), key=repr)
    missing = sorted(set(want) - set(have), key=repr)
    if "entity_type" not in columns or "entity_id" not in columns:
        return f"projection {name} differs from a replay of the log"
    kind, ident = columns.index("entity_type"), columns.index("entity_id")
    row = (extra or missing)[0]
    key = (row[kind], row[ident])
    other = next((r for r in (want if extra else have) if (r[kind], r[ident]) == key), None)
    what = f"projection {name}: {row[kind]} {row[ident]}"
    if other is None:
        state = "is not in the log" if extra else "is missing (the log has it)"
        return f"{what} {state}"
    stored_row, replayed_row = (row, other) if extra else (other, row)
    for column, mine, theirs in zip(columns, stored_row, replayed_row, strict=True):
        if mine != theirs:
            return f"{what}, field {_field_name(column, mine, theirs)}, differs from the log"
    return f"{what} differs from the log"  # pragma: no cover - rows differ in some column


def _field_name(column: str, stored: object, replayed: object) -> str:
    """The column, and for a JSON object column the first key whose value differs."""
    try:
        a, b = json.loads(str(stored)), json.loads(str(replayed))
    except ValueError:
        return column
    if not isinstance(a, dict) or not isinstance(b, dict):
        return column
    keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k) or (k in a) != (k in b))
    return f"{column}.{keys[0]}" if keys else column


def _is_self_enrolment(event: Event) -> bool:
    return (
        event.entity_type == OFFICER_ENTITY
        and event.kind == "create"
        and event.entity_id == event.officer_id
    )
