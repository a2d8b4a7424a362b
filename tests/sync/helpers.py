"""Test helpers: forging bundles (what an attacker or a broken laptop could send), and a
fingerprint of everything a station holds."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

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
    sign: Callable[[bytes], bytes] | None = None,
    signer_public: bytes | None = None,
) -> bytes:
    """A bundle built by hand from ``events``, signed by ``signer`` (or ``sign``)."""
    _, data = bundle.seal(
        events,
        blobs,
        station=card,
        vault_id=vault_id,
        signer=signer.officer_id,
        signer_public=signer_public or signer.public_key,
        sign=sign or signer.sign,
    )
    return data


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
