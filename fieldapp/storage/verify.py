"""Checking the whole vault: encrypted pages, each device's hash chain, every signature,
every attachment. Reports the first problem by device and sequence number."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.officers import OFFICER_ENTITY
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.database import Connection, integrity_problems, translate_errors
from fieldapp.storage.events import Event, genesis_hash, read_events


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


def verify(conn: Connection) -> VerifyReport:
    """Verify everything; stops at the first break."""
    pages = integrity_problems(conn)
    if pages:
        return VerifyReport(0, 0, problem=f"encrypted pages failed their check: {pages[0]}")
    keys: dict[str, Ed25519PublicKey] = {}
    heads: dict[str, tuple[int, bytes]] = {}
    count = 0
    last: Event | None = None
    with translate_errors():
        for event in read_events(conn):
            problem = _check(conn, event, heads, keys)
            if problem:
                return VerifyReport(count, len(heads), None, event.seq, event.device_id, problem)
            heads[event.device_id] = (event.seq, event.entry_hash)
            _learn_key(event, keys)
            count += 1
            last = event
    return VerifyReport(count, len(heads), last.entry_hash.hex() if last else None)


def _check(
    conn: Connection,
    event: Event,
    heads: dict[str, tuple[int, bytes]],
    keys: dict[str, Ed25519PublicKey],
) -> str | None:
    seq, prev = heads.get(event.device_id, (0, genesis_hash(event.device_id)))
    if event.seq != seq + 1:
        return f"sequence gap: expected {seq + 1}, found {event.seq}"
    if event.prev_hash != prev:
        return "chain link broken: prev_hash does not match the previous event"
    if event.computed_hash() != event.entry_hash:
        return "entry hash does not match the event's content (altered after it was written)"
    key = keys.get(event.officer_id)
    if key is None and event.seq == 1 and _is_self_enrolment(event):
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(event.data["public_key"]))
    if key is None:
        return f"signed by an officer who was not enrolled at that point ({event.officer_id})"
    try:
        key.verify(event.signature, event.entry_hash)
    except InvalidSignature:
        return "signature does not verify"
    for digest in event.attachments:
        row = conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
        if row is None:
            return f"attachment {digest[:12]} is missing"
        if sha256_hex(bytes(row[0])) != digest:
            return f"attachment {digest[:12]} does not match its hash"
    return None


def _is_self_enrolment(event: Event) -> bool:
    return (
        event.entity_type == OFFICER_ENTITY
        and event.kind == "create"
        and event.entity_id == event.officer_id
    )


def _learn_key(event: Event, keys: dict[str, Ed25519PublicKey]) -> None:
    if event.entity_type != OFFICER_ENTITY:
        return
    if event.kind == "create":
        keys[event.entity_id] = Ed25519PublicKey.from_public_bytes(
            bytes.fromhex(event.data["public_key"])
        )
    elif event.kind == "void":
        keys.pop(event.entity_id, None)
