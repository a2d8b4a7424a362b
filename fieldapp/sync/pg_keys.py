"""The PostgreSQL station's secrets at rest (issue #18): its private keys sealed under
station staff's passphrases, and the key that encrypts event bodies and attachments.

A dump of the database, or its disk, must reveal nothing of what officers recorded, nor
the keys that open laptops' bundles. So:

* ``station_secret`` holds the station's x25519 identity and Ed25519 signing key only
  sealed (AES-256-GCM) under a random master key the database never holds in the clear;
* ``station_keyslots`` holds one key slot per staff member: the master key wrapped by
  Argon2id over that member's passphrase — the vault's key-slot machinery
  (``storage.keyslots.Slot``, the same cost floor and calibration), bound to this
  station's id so that a slot copied from another station does not open;
* event bodies and blobs are AES-256-GCM with a key derived (HKDF-SHA256) from the
  station's identity, a random 96-bit nonce each, and the row's key (the event id, the
  blob's digest) as associated data, so a body moved to another row does not open.

The entry hashes and signatures stay over the plaintext bodies, as laptops signed them.

Wrong passphrases make the next try wait (``UnlockBackoff``), as a vault does on its PC:
the same policy and file format (``storage.unlock_state``), one file per station in the
app's data folder of the PC that tries.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.errors import (
    BackoffActive,
    InvalidInput,
    KeyFileError,
    KnownError,
    WrongPassphrase,
    coded,
)
from fieldapp.passphrase_policy import check_passphrase
from fieldapp.storage.canonical import canonical
from fieldapp.storage.keyslots import KdfCost, Slot, SlotOpenFailed, SlotSecrets, calibrate
from fieldapp.storage.unlock_state import UnlockState

_NONCE = 12
# Names what the derived key is for: another use of the identity never shares it.
_AT_REST_INFO = b"fieldapp postgresql station: event bodies and blobs at rest, v1"
_SECRET_AAD = "fieldapp-pg-station-secret"  # noqa: S105 - a label, not a password
_STAFF_MAX = 64


class AtRestDamaged(KnownError):
    """A body or blob that does not open under the station's key: altered, or moved from
    another row (its associated data is the row's key)."""

    code = "station_db_body_damaged"

    def __init__(self, where: str) -> None:
        super().__init__(
            f"A stored {where} does not open with the station's key (altered or moved).",
            params={"where": where},
        )


class AtRest:
    """AES-256-GCM for bodies and blobs, keyed from the station's identity."""

    def __init__(self, identity: str) -> None:
        key = HKDF(hashes.SHA256(), 32, salt=None, info=_AT_REST_INFO).derive(
            identity.encode("ascii")
        )
        self._aead = AESGCM(key)

    def seal(self, data: bytes, aad: bytes) -> bytes:
        """``nonce || ciphertext+tag``, a fresh random nonce each time."""
        nonce = os.urandom(_NONCE)
        return nonce + self._aead.encrypt(nonce, data, aad)

    def open(self, sealed: bytes, aad: bytes, where: str) -> bytes:
        try:
            return self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], aad)
        except (InvalidTag, ValueError):
            raise AtRestDamaged(where) from None

    def seal_body(self, event_id: str, body: bytes) -> bytes:
        return self.seal(body, _body_aad(event_id))

    def open_body(self, event_id: str, sealed: bytes) -> bytes:
        return self.open(sealed, _body_aad(event_id), "event body")

    def seal_blob(self, digest: str, data: bytes) -> bytes:
        return self.seal(data, _blob_aad(digest))

    def open_blob(self, digest: str, sealed: bytes) -> bytes:
        return self.open(sealed, _blob_aad(digest), "attachment")


def _body_aad(event_id: str) -> bytes:
    return b"event\0" + event_id.encode("utf-8")


def _blob_aad(digest: str) -> bytes:
    return b"blob\0" + digest.encode("ascii")


def body_hash(body: bytes) -> str:
    """The plaintext body's SHA-256, kept beside the sealed body: the purge function checks
    a purge event's body against it. It tells no more than the entry hash, which covers
    the same digest (``Event.header``)."""
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class SealedKeys:
    """``station_secret``'s row: the station's private keys under the master key."""

    nonce: bytes
    sealed: bytes

    @classmethod
    def seal(
        cls, master: bytes, station_id: str, identity: str, signing: Ed25519PrivateKey
    ) -> SealedKeys:
        nonce = os.urandom(_NONCE)
        payload = canonical(
            {"identity": identity, "signing_key": signing.private_bytes_raw().hex()}
        )
        return cls(nonce, AESGCM(master).encrypt(nonce, payload, _secret_aad(station_id)))

    def open(self, master: bytes, station_id: str) -> tuple[str, Ed25519PrivateKey]:
        try:
            payload = AESGCM(master).decrypt(self.nonce, self.sealed, _secret_aad(station_id))
        except InvalidTag:
            raise KnownError(
                coded(
                    "station_db_keys_damaged",
                    "The station's sealed keys do not open with its staff's key slots "
                    "(altered, or from another station).",
                )
            ) from None
        data = json.loads(payload)
        signing = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(data["signing_key"]))
        return str(data["identity"]), signing


def _secret_aad(station_id: str) -> bytes:
    return canonical({"format": _SECRET_AAD, "station": station_id})


def new_master_key() -> bytes:
    return os.urandom(32)


def check_staff(staff: str) -> str:
    """A staff member's name as it keys their slot: required, one line, short."""
    name = " ".join(staff.split())
    if not name or len(name) > _STAFF_MAX:
        raise InvalidInput(
            coded("station_staff_form", f"Staff name: 1–{_STAFF_MAX} characters, required."),
            field="staff",
        )
    return name


def seal_staff_slot(
    station_id: str, staff: str, passphrase: str, master: bytes, cost: KdfCost | None
) -> str:
    """A staff member's key slot (as stored: JSON) wrapping the master key. ``cost``:
    Argon2id's, calibrated on this PC when not given (never below the vault's floor)."""
    staff = check_staff(staff)
    check_passphrase(passphrase, personal=(staff,))
    # The slot's signing-key field is unused: the station's keys are in station_secret.
    slot = Slot.seal(station_id, staff, passphrase, SlotSecrets(master, b""), cost or calibrate())
    return json.dumps(slot.to_json(), sort_keys=True)


def slot_cost(stored: str) -> KdfCost:
    return _slot(stored).cost


def open_staff_slot(station_id: str, stored: str | None, passphrase: str) -> bytes:
    """The master key, or a ``WrongPassphrase`` refusal (an unknown staff member is refused
    the same way: the refusal does not tell which)."""
    try:
        if stored is None:
            raise SlotOpenFailed
        return _slot(stored).open(station_id, passphrase).data_key
    except SlotOpenFailed:
        raise WrongPassphrase(0) from None


def _slot(stored: str) -> Slot:
    try:
        return Slot.from_json(json.loads(stored), "station key slot")
    except (KeyError, TypeError, ValueError):
        raise KeyFileError("A station key slot is damaged.") from None


_T = TypeVar("_T")


class UnlockBackoff:
    """Failed unlocks of one PostgreSQL station from this PC: after each wrong passphrase
    the next try waits longer, as a vault's login does (``storage.unlock_state``'s policy:
    2^(n-1) s, at most 60; a file that cannot be read means the longest wait), and a
    restart does not reset it. Kept in the app's data folder as
    ``station-<station id>.unlock.state``: the times and the staff names tried, no secret.

    Argon2id's cost per try is the slot's wherever it is tried; this slows guessing from
    this PC's app (a copy of the slots elsewhere is guarded by that cost alone).

    The command line unlocks through ``sync.pg_store.open_pg_station(backoff_dir=…)``; a
    login dialog may call ``remaining`` for its countdown and ``unlock`` around its try."""

    def __init__(
        self, data_dir: Path, station_id: str, clock: Callable[[], float] = time.time
    ) -> None:
        try:
            # The id comes from the database: as a UUID's text only, never a path's.
            name = str(uuid.UUID(station_id))
        except ValueError:
            raise KnownError(
                coded("station_db_not_station", "That database holds no fieldapp station.")
            ) from None
        self.path = Path(data_dir) / f"station-{name}.unlock.state"
        self._state = UnlockState(self.path)
        self._clock = clock

    def remaining(self) -> float:
        """Seconds before the next try is allowed (0: now)."""
        return self._state.remaining(self._clock())

    def check(self) -> None:
        """Refuse (``BackoffActive``) while the wait after a wrong passphrase runs."""
        remaining = self.remaining()
        if remaining > 0:
            raise BackoffActive(remaining)

    def failed(self, staff: str) -> float:
        """Record a wrong passphrase of ``staff``; returns the wait before the next try."""
        # A station PC may have no vault, so the data folder may not exist yet; where it
        # cannot be made the count is not kept (``UnlockState`` logs that), as a vault's.
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self._state.record_failure(" ".join(staff.split()), self._clock())

    def succeeded(self) -> None:
        """An unlock went through: the count starts again."""
        self._state.clear()

    def unlock(self, staff: str, attempt: Callable[[], _T]) -> _T:
        """``attempt()`` (which unlocks with ``staff``'s passphrase) once the wait is over:
        refused meanwhile (``BackoffActive``, before any key derivation); a wrong
        passphrase is recorded and refused with the wait it earned (``WrongPassphrase``)."""
        self.check()
        try:
            result = attempt()
        except WrongPassphrase:
            raise WrongPassphrase(self.failed(staff)) from None
        self.succeeded()
        return result
