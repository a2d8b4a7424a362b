"""Test helpers: forging bundles (what an attacker or a broken laptop could send), and a
fingerprint of everything a station holds."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pyrage

from fieldapp.storage.events import Event
from fieldapp.storage.session import Session
from fieldapp.sync import bundle
from fieldapp.sync.station import StationCard


def seal(
    card: StationCard,
    events: list[Event],
    blobs: dict[str, bytes],
    signer: Session,
    *,
    vault_id: str = "v",
    sign: object = None,
    signer_public: str | None = None,
) -> bytes:
    """A bundle built by hand from ``events``, signed by ``signer`` (or ``sign``)."""
    compressed = bundle.pack_payload(events, blobs)
    ciphertext = pyrage.encrypt(
        compressed, [pyrage.x25519.Recipient.from_str(card.bundle_recipient)]
    )
    header = bundle.Header(
        bundle_id=str(uuid.uuid4()),
        station=card.fingerprint,
        vault_id=vault_id,
        device_id=events[0].device_id,
        from_seq=events[0].seq,
        to_seq=events[-1].seq,
        prev_head=events[0].prev_hash.hex(),
        new_head=events[-1].entry_hash.hex(),
        count=len(events),
        blob_count=len(blobs),
        signer=signer.officer_id,
        signer_public=signer_public or signer.public_key.hex(),
        created_at=datetime.now(UTC).isoformat(),
        ciphertext_sha256=hashlib.sha256(ciphertext).hexdigest(),
        payload_sha256=bundle.payload_digest(compressed),
    )
    signature = (sign or signer.sign)(bundle.signed_part(header))  # type: ignore[operator]
    return bundle.encode(header, signature, ciphertext)


def resealed_event(event: Event, signer: Session, **changes: object) -> Event:
    """``event`` with ``changes``, its hash recomputed and signed again by ``signer``."""
    changed = replace(event, **changes)  # type: ignore[arg-type]
    entry = changed.computed_hash()
    return replace(changed, entry_hash=entry, signature=signer.sign(entry))


def station_state(session: Session) -> bytes:
    """Everything a station holds that an import may change."""
    digest = hashlib.sha256()
    conn = session.conn
    for sql in (
        "SELECT device_id, seq, entry_hash FROM events ORDER BY device_id, seq",
        "SELECT sha256 FROM blobs ORDER BY sha256",
        "SELECT bundle_id FROM imported_bundles ORDER BY bundle_id",
        "SELECT bundle_id FROM pending_bundles ORDER BY bundle_id",
    ):
        for row in conn.execute(sql):
            digest.update(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode()
            )
    return digest.digest()


def records_state(session: Session) -> list[tuple[object, ...]]:
    """The merged records, without station-local bookkeeping."""
    return session.conn.execute(
        "SELECT entity_type, entity_id, data, voided FROM records "
        "WHERE entity_type NOT IN ('sync_alarm') ORDER BY entity_type, entity_id"
    ).fetchall()
