"""The sealed bundle file: a small signed header in the clear, then the events and blobs
encrypted to the station in the age format.

    FIELDAPP-BUNDLE/1\\n
    4 bytes   header length (big-endian)
    header    canonical JSON: bundle id, station, vault, device, sequence range, previous
              and new chain heads, counts, signer, and the SHA-256 of the ciphertext
    64 bytes  Ed25519 signature by the exporting officer over magic + header
    rest      age ciphertext of the zlib-compressed canonical JSON payload

The header reveals no personal data; a flipped bit anywhere fails the signature (checked
at the station with the signer's registered key), the ciphertext hash, age's own
authentication or the payload hash, and the bundle is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
import operator
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
import pyrage

from fieldapp.errors import KnownError, coded
from fieldapp.inputs import BUNDLE_PAYLOAD_MAX_BYTES
from fieldapp.storage.canonical import canonical
from fieldapp.storage.events import Event, event_of

if TYPE_CHECKING:
    from fieldapp.sync.station import StationCard

MAGIC = b"FIELDAPP-BUNDLE/1\n"
FORMAT = "fieldapp-bundle"
MAX_HEADER = 64 * 1024
SUFFIX = ".fabundle"
_INT_FIELDS = frozenset({"from_seq", "to_seq", "count", "blob_count"})
_MAX_FIELD = 200  # ids, hex keys and hashes are far shorter
_T = TypeVar("_T")


class BundleRejected(KnownError):
    """The bundle cannot be used: damaged, tampered, truncated or not for this station."""

    code = "bundle_rejected"


@dataclass(frozen=True)
class Header:
    bundle_id: str
    station: str  # the station card's fingerprint
    vault_id: str
    device_id: str
    from_seq: int
    to_seq: int
    prev_head: str  # hex: the chain head before from_seq
    new_head: str  # hex: the entry hash of to_seq
    count: int
    blob_count: int
    signer: str  # the exporting officer
    signer_public: str  # hex
    created_at: str
    ciphertext_sha256: str
    payload_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, **self.__dict__}

    @classmethod
    def from_json(cls, data: Any) -> Header:
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != 1:
            raise BundleRejected(
                coded("not_a_bundle", "Not a fieldapp bundle of a version this program reads.")
            )
        try:
            header = cls(**{k: data[k] for k in cls.__dataclass_fields__})
        except KeyError:
            raise BundleRejected(
                coded("bundle_damaged", "The bundle's header is incomplete.")
            ) from None
        # Every field of the type it should have, before anything compares or slices it:
        # a forged header must be refused, never reach the importer as a dict or a float.
        for name in cls.__dataclass_fields__:
            value = getattr(header, name)
            wanted = int if name in _INT_FIELDS else str
            if type(value) is not wanted or (isinstance(value, str) and len(value) > _MAX_FIELD):
                raise BundleRejected(
                    coded("bundle_damaged", f"The bundle's header is damaged ({name}).")
                )
        if header.count < 1 or header.from_seq < 1 or header.blob_count < 0:
            raise BundleRejected(coded("bundle_empty", "The bundle holds no events."))
        if header.to_seq - header.from_seq + 1 != header.count:
            raise BundleRejected(
                coded("bundle_damaged", "The bundle's header is damaged (its sequence range).")
            )
        return header


@dataclass(frozen=True)
class SealedBundle:
    """A bundle as read from disk, payload sealed. Its header's signature is checked by
    the station, and trusted only under a key its register holds for the signer
    (``importer.signer_refusal``)."""

    header: Header
    ciphertext: bytes
    signature: bytes = b""


def seal(
    events: list[Event],
    blobs: dict[str, bytes],
    *,
    station: StationCard,
    vault_id: str,
    signer: str,
    signer_public: bytes,
    sign: Callable[[bytes], bytes],
) -> tuple[Header, bytes]:
    """A bundle of ``events`` (one device's, in sequence) and their blobs, encrypted to
    ``station`` and signed with ``sign``: the header and the file's bytes."""
    compressed = pack_payload(events, blobs)
    recipient = pyrage.x25519.Recipient.from_str(station.bundle_recipient)
    ciphertext = pyrage.encrypt(compressed, [recipient])
    header = Header(
        bundle_id=str(uuid.uuid4()),
        station=station.fingerprint,
        vault_id=vault_id,
        device_id=events[0].device_id,
        from_seq=events[0].seq,
        to_seq=events[-1].seq,
        prev_head=events[0].prev_hash.hex(),
        new_head=events[-1].entry_hash.hex(),
        count=len(events),
        blob_count=len(blobs),
        signer=signer,
        signer_public=signer_public.hex(),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        ciphertext_sha256=hashlib.sha256(ciphertext).hexdigest(),
        payload_sha256=payload_digest(compressed),
    )
    return header, encode(header, sign(signed_part(header)), ciphertext)


def encode(header: Header, signature: bytes, ciphertext: bytes) -> bytes:
    head = canonical(header.to_json())
    return MAGIC + len(head).to_bytes(4, "big") + head + signature + ciphertext


def signed_part(header: Header) -> bytes:
    return MAGIC + canonical(header.to_json())


def decode(data: bytes) -> SealedBundle:
    """Parse and check the outer layers (not the signature: see ``SealedBundle``); refuses
    anything damaged, whatever the offset."""
    if not data.startswith(MAGIC):
        raise BundleRejected(
            coded("not_a_bundle", "Not a fieldapp bundle (or its first bytes are damaged).")
        )
    rest = data[len(MAGIC) :]
    if len(rest) < 4:
        raise BundleRejected(coded("bundle_truncated", "The bundle is truncated."))
    size = int.from_bytes(rest[:4], "big")
    if size > MAX_HEADER or len(rest) < 4 + size + 64:
        raise BundleRejected(
            coded("bundle_truncated", "The bundle is truncated or its header is damaged.")
        )
    raw_header = rest[4 : 4 + size]
    signature = rest[4 + size : 4 + size + 64]
    ciphertext = rest[4 + size + 64 :]
    try:
        header = Header.from_json(json.loads(raw_header))
    except ValueError:
        raise BundleRejected(coded("bundle_damaged", "The bundle's header is damaged.")) from None
    if canonical(header.to_json()) != raw_header:
        raise BundleRejected(coded("bundle_damaged", "The bundle's header is damaged."))
    if hashlib.sha256(ciphertext).hexdigest() != header.ciphertext_sha256:
        raise BundleRejected(
            coded("bundle_altered", "The bundle's contents were altered or truncated.")
        )
    return SealedBundle(header, ciphertext, signature)


# -- the payload -----------------------------------------------------------------------------


def pack_payload(events: list[Event], blobs: dict[str, bytes]) -> bytes:
    payload = {
        "events": [_event_json(e) for e in events],
        "blobs": {k: base64.b64encode(v).decode() for k, v in sorted(blobs.items())},
    }
    return zlib.compress(canonical(payload), 6)


def unpack_payload(compressed: bytes, header: Header) -> tuple[list[Event], dict[str, bytes]]:
    try:
        # Bounded: a small bundle must not unpack into more memory than any real one needs.
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(compressed, BUNDLE_PAYLOAD_MAX_BYTES + 1)
    except zlib.error:
        raise BundleRejected(coded("bundle_damaged", "The bundle's payload is damaged.")) from None
    if len(raw) > BUNDLE_PAYLOAD_MAX_BYTES or unpacker.unconsumed_tail:
        raise BundleRejected(
            coded("bundle_too_large", "The bundle's payload is larger than any bundle may be.")
        )
    if hashlib.sha256(raw).hexdigest() != header.payload_sha256:
        raise BundleRejected(
            coded("bundle_altered", "The bundle's payload does not match its header.")
        )
    try:
        data = orjson.loads(raw)  # a tenth of json's time; a bundle holds 10,000s of events
        if not isinstance(data, dict):
            raise TypeError("not an object")
        same: dict[str, str] = {}
        events = [_event_from_json(e, same) for e in _typed(data["events"], list)]
        blobs = {
            _typed(k, str): base64.b64decode(_typed(v, str), validate=True)
            for k, v in _typed(data["blobs"], dict).items()
        }
    except (ValueError, KeyError, TypeError, RecursionError):
        raise BundleRejected(coded("bundle_damaged", "The bundle's payload is damaged.")) from None
    return events, blobs


def _typed(value: Any, kind: type[_T]) -> _T:
    """``value`` if it is a ``kind`` (a damaged payload may hold anything anywhere)."""
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"expected {kind.__name__}")
    return value


def payload_digest(compressed: bytes) -> str:
    return hashlib.sha256(zlib.decompress(compressed)).hexdigest()


def _event_json(e: Event) -> dict[str, Any]:
    return {
        "device_id": e.device_id,
        "seq": e.seq,
        "id": e.id,
        "officer_id": e.officer_id,
        "hlc": e.hlc,
        "wall_time": e.wall_time,
        "zone": e.zone,
        "kind": e.kind,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "parents": list(e.parents),
        "body": base64.b64encode(e.body).decode(),
        "attachments": list(e.attachments),
        "prev_hash": e.prev_hash.hex(),
        "entry_hash": e.entry_hash.hex(),
        "signature": e.signature.hex(),
    }


_EVENT_STRINGS = (
    "device_id", "id", "officer_id", "hlc", "wall_time", "zone", "kind", "entity_type",
    "entity_id", "body", "prev_hash", "entry_hash", "signature",
)  # fmt: skip


_event_strings = operator.itemgetter(*_EVENT_STRINGS)


def _event_from_json(d: Any, same: dict[str, str]) -> Event:
    # Every field checked for its type (a damaged payload may hold anything anywhere), in
    # one pass: a bundle holds tens of thousands of events. orjson gives exact types only.
    # The fields that repeat from event to event (device, officer, zone, kind, entity
    # type) are kept once each in ``same``: the events then take less memory, and pickle
    # (to the writer, from the opening process) to less.
    strings = _event_strings(_typed(d, dict))
    parents, attachments, seq = d["parents"], d["attachments"], d["seq"]
    if type(seq) is not int or type(parents) is not list or type(attachments) is not list:
        raise TypeError("an event field of the wrong type")
    for items in (strings, parents, attachments):
        "".join(items)  # TypeError unless every item is a str: the check at C speed
    device_id, id_, officer_id, hlc, wall_time, zone, kind, entity_type, entity_id = strings[:9]
    body, prev_hash, entry_hash, signature = strings[9:]
    once = same.setdefault
    return event_of(
        once(device_id, device_id), seq, id_, once(officer_id, officer_id), hlc, wall_time,
        once(zone, zone), once(kind, kind), once(entity_type, entity_type), entity_id,
        tuple(parents),
        base64.b64decode(body, validate=True),
        tuple(attachments),
        bytes.fromhex(prev_hash), bytes.fromhex(entry_hash), bytes.fromhex(signature),
        None,
    )  # fmt: skip
