"""On the laptop: seal every event (and blob) the station has not acknowledged into one
bundle, and record the station's receipts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from fieldapp import settings
from fieldapp.errors import KnownError, coded
from fieldapp.inputs import BUNDLE_MAX_BYTES, CARD_MAX_BYTES, MIB, InputRefused, read_capped
from fieldapp.settings import Scope, Setting
from fieldapp.storage.atomic import write_atomic
from fieldapp.storage.canonical import canonical
from fieldapp.storage.database import transaction
from fieldapp.storage.events import Event, read_device_events
from fieldapp.storage.session import Session
from fieldapp.storage.verify import LAST_RECEIPT
from fieldapp.sync import bundle
from fieldapp.sync.enrol import enrolled_station

RECEIPT_FORMAT = "fieldapp-receipt"
RECEIPT_SUFFIX = ".receipt"
# The newest own sequence number the station has acknowledged.
ACKED_SEQ = Setting("sync.acked_seq", int, 0, Scope.PERSIST)


@dataclass(frozen=True)
class Exported:
    path: Path
    header: bundle.Header


def acked_seq(session: Session) -> int:
    return settings.get(session, ACKED_SEQ)


def export_bundle(session: Session, out_dir: Path) -> Exported | None:
    """Write one bundle of everything not yet acknowledged; ``None`` if there is nothing."""
    card = enrolled_station(session)
    if card is None:
        raise KnownError(
            coded(
                "no_station",
                "No station is enrolled on this laptop: enrol the station's card first.",
            )
        )
    events = list(read_device_events(session.conn, session.device_id, after=acked_seq(session)))
    if not events:
        return None
    blobs = {d: session.log.blob(d) or b"" for e in events for d in e.attachments}
    header, data = bundle.seal(
        events,
        blobs,
        station=card,
        vault_id=session.vault_id,
        signer=session.officer_id,
        signer_public=session.public_key,
        sign=session.sign,
    )
    if len(data) > BUNDLE_MAX_BYTES:  # the station would refuse it unread
        raise KnownError(
            coded(
                "bundle_too_large",
                f"The bundle would be {len(data) // MIB} MB, over the {BUNDLE_MAX_BYTES // MIB} "
                "MB a station accepts; ask the station to take this laptop's data another way.",
                limit_mb=BUNDLE_MAX_BYTES // MIB,
            )
        )
    name = f"{header.device_id[:8]}-{header.from_seq:07d}-{header.to_seq:07d}{bundle.SUFFIX}"
    path = Path(out_dir) / name
    write_atomic(path, data)
    return Exported(path, header)


def sign_receipt(body: dict[str, Any], signing_key: Any) -> dict[str, Any]:
    """The station's side: a receipt is its body plus the station's signature."""
    return {**body, "signature": signing_key.sign(canonical(body)).hex()}


def acknowledge(session: Session, receipt_path: Path) -> int:
    """Record a station receipt; returns the sequence number now acknowledged."""
    try:
        receipt = json.loads(read_capped(Path(receipt_path), CARD_MAX_BYTES, "receipt"))
        body = {k: v for k, v in receipt.items() if k != "signature"}
        signature = bytes.fromhex(receipt["signature"])
    except (InputRefused, ValueError, KeyError, TypeError, AttributeError):
        raise KnownError(
            coded("receipt_unreadable", f"{receipt_path} is not a readable receipt.")
        ) from None
    card = enrolled_station(session)
    if card is None or body.get("format") != RECEIPT_FORMAT:
        raise KnownError(
            coded(
                "receipt_unreadable", f"{receipt_path} is not a receipt from this laptop's station."
            )
        )
    if body.get("station") != card.fingerprint:
        raise KnownError(
            coded(
                "receipt_other_station",
                f"{receipt_path} comes from another station ({body.get('station')}).",
            )
        )
    try:
        VerifyKey(bytes.fromhex(card.signing_public)).verify(canonical(body), signature)
    except BadSignatureError:
        raise KnownError(
            coded("receipt_forged", f"{receipt_path}: the station's signature does not verify.")
        ) from None
    if (body.get("vault_id"), body.get("device_id")) != (session.vault_id, session.device_id):
        raise KnownError(
            coded("receipt_other_laptop", f"{receipt_path} is a receipt for another laptop.")
        )
    through = int(body["through_seq"])
    mine = _own_event(session, through)
    if mine is None or mine.entry_hash.hex() != body["head"]:
        raise KnownError(
            coded(
                "receipt_chain_differs",
                f"{receipt_path}: the station holds a different chain than this laptop "
                f"at sequence {through}. Do not purge; report it to the station.",
                seq=through,
            )
        )
    if through > acked_seq(session):
        # Kept as settings, not an event: an event would itself need acknowledging, and the
        # laptop and the station would never be done. The receipt itself is kept: a purge
        # names it, and ``verify`` holds the log to it (the station signed that head).
        with transaction(session.conn):
            session.conn.executemany(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                [
                    (ACKED_SEQ.name, ACKED_SEQ.format(through)),
                    (LAST_RECEIPT.name, canonical(receipt).decode()),
                ],
            )
    return acked_seq(session)


def last_receipt(session: Session) -> dict[str, Any] | None:
    """The newest receipt acknowledged (with the station's signature), if any."""
    raw = settings.get(session, LAST_RECEIPT)
    return json.loads(raw) if raw else None


def _own_event(session: Session, seq: int) -> Event | None:
    found = list(read_device_events(session.conn, session.device_id, after=seq - 1, limit=1))
    return found[0] if found and found[0].seq == seq else None
