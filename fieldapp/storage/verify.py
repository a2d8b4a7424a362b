"""Checking events: encrypted pages, each device's hash chain, every signature, every
attachment. ``ChainChecker`` is shared by ``verify`` (the whole vault) and the station's
bundle import (events arriving from laptops).

Signatures are checked with libsodium (PyNaCl): the import's speed is bounded by it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from fieldapp.officers import OFFICER_ENTITY
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.database import Connection, integrity_problems, translate_errors
from fieldapp.storage.events import Event, genesis_hash, read_events

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


@dataclass
class ChainChecker:
    """What a verifier knows so far: each device's head, and who may sign on each device."""

    heads: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    keys: dict[tuple[str, str], VerifyKey] = field(default_factory=dict)
    station_keys: dict[str, VerifyKey] = field(default_factory=dict)

    def head(self, device_id: str) -> tuple[int, bytes]:
        return self.heads.get(device_id, (0, genesis_hash(device_id)))

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
        data = event.data if event.entity_type in (OFFICER_ENTITY, STATION_ENTITY) else {}
        key = (event.device_id, event.entity_id)
        if event.entity_type == OFFICER_ENTITY:
            if event.kind == "create" or (event.kind == "amend" and "public_key" in data):
                self.keys[key] = VerifyKey(bytes.fromhex(data["public_key"]))
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


def verify(conn: Connection) -> VerifyReport:
    """Verify everything; stops at the first break."""
    pages = integrity_problems(conn)
    if pages:
        return VerifyReport(0, 0, problem=f"encrypted pages failed their check: {pages[0]}")
    checker = ChainChecker()
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
            count += 1
            last = event
    return VerifyReport(count, len(checker.heads), last.entry_hash.hex() if last else None)


def _is_self_enrolment(event: Event) -> bool:
    return (
        event.entity_type == OFFICER_ENTITY
        and event.kind == "create"
        and event.entity_id == event.officer_id
    )
