"""``vault.keys``: the versioned key-slot file that wraps the vault's data key.

One slot per enrolled officer: Argon2id(passphrase) gives a key-encryption key that
AES-GCM-wraps the data key and the officer's Ed25519 signing key. The AAD binds the
vault id, the slot id, the officer id and the KDF parameters, so a slot copied from
another vault or with edited parameters does not open. An optional recovery slot seals
the data key to a station's age (X25519) key, so a forgotten passphrase loses nothing.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fieldapp.errors import KeyFileError, coded
from fieldapp.inputs import KEY_FILE_MAX_BYTES, InputRefused, read_capped
from fieldapp.storage.atomic import write_atomic
from fieldapp.storage.canonical import b64, canonical, unb64

# The cryptography imports sit in the functions that use them: reading vault.keys for the
# login dialog needs none of them, and they cost a third of the start-up time.

FORMAT = "fieldapp-vault-keys"
VERSION = 1
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 3
MAX_MEMORY_KIB = 1024 * 1024
LANES = 4
TARGET_SECONDS = 0.5


class SlotOpenFailed(Exception):
    """The slot did not open: wrong passphrase, or the slot was altered or moved."""


@dataclass(frozen=True)
class KdfCost:
    """How expensive Argon2id is: memory in KiB, passes, lanes."""

    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = MIN_ITERATIONS
    lanes: int = LANES

    def check(self, source: str) -> None:
        if self.memory_kib < MIN_MEMORY_KIB or self.iterations < MIN_ITERATIONS:
            raise KeyFileError(
                f"{source}: key-derivation parameters are below the minimum "
                f"({MIN_MEMORY_KIB // 1024} MiB, {MIN_ITERATIONS} passes); refusing to use them."
            )
        if self.memory_kib > 4 * MAX_MEMORY_KIB or not 1 <= self.lanes <= 16:
            raise KeyFileError(f"{source}: key-derivation parameters are out of range.")


def derive_kek(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    """Argon2id over the NFC-normalised passphrase (å typed two ways is one passphrase)."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    normalised = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    )
    return kdf.derive(normalised)


@dataclass(frozen=True)
class DerivedKek:
    """One Argon2id derivation kept in memory to seal several slots that share a passphrase
    (and so a salt). Only for the throwaway demo vault, whose officers all have the one
    passphrase its banner shows: a derivation per officer was most of ``--demo``'s start.
    Never written anywhere; a real vault's slots each derive with a salt of their own."""

    passphrase: str = field(repr=False)
    salt: bytes
    cost: KdfCost
    kek: bytes = field(repr=False)

    @classmethod
    def derive(cls, passphrase: str, cost: KdfCost) -> DerivedKek:
        salt = os.urandom(16)
        return cls(passphrase, salt, cost, derive_kek(passphrase, salt, cost))


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfCost:
    """The cheapest cost at or above the minimum that takes about ``target_seconds`` here.

    Memory grows first (it is what makes guessing on GPUs expensive), passes after that.
    """
    base = KdfCost()
    elapsed = _time_kdf(base)
    if elapsed >= target_seconds:
        return base
    scale = target_seconds / max(elapsed, 1e-3)
    memory = min(MAX_MEMORY_KIB, int(base.memory_kib * scale) // 1024 * 1024)
    memory = max(memory, MIN_MEMORY_KIB)
    cost = KdfCost(memory_kib=memory)
    if memory == MAX_MEMORY_KIB:
        per_pass = _time_kdf(cost) / cost.iterations
        cost = replace(cost, iterations=max(MIN_ITERATIONS, round(target_seconds / per_pass)))
    return cost


def _time_kdf(cost: KdfCost) -> float:
    start = time.perf_counter()
    derive_kek("calibration", b"\0" * 16, cost)
    return time.perf_counter() - start


@dataclass(frozen=True)
class SlotSecrets:
    """What a slot protects. Held only while the vault is unlocked."""

    data_key: bytes
    signing_key: bytes  # Ed25519 private key, raw 32 bytes


@dataclass(frozen=True)
class Slot:
    """One officer's wrapped copy of the data key and their signing key."""

    slot_id: str
    officer_id: str
    salt: bytes
    cost: KdfCost
    nonce: bytes
    ciphertext: bytes

    def aad(self, vault_id: str) -> bytes:
        return canonical(
            {
                "format": FORMAT,
                "version": VERSION,
                "vault_id": vault_id,
                "slot_id": self.slot_id,
                "officer_id": self.officer_id,
                "kdf": _kdf_json(self.salt, self.cost),
            }
        )

    @classmethod
    def seal(
        cls,
        vault_id: str,
        officer_id: str,
        passphrase: str,
        secrets: SlotSecrets,
        cost: KdfCost,
        *,
        derived: DerivedKek | None = None,
    ) -> Slot:
        """A new slot; ``derived`` (the demo only) reuses a derivation of ``passphrase``."""
        import uuid  # Deferred for start-up time: a new slot only (uuid imports platform)

        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if derived is not None and (derived.passphrase != passphrase or derived.cost != cost):
            raise ValueError("the derived key is of another passphrase or cost")
        salt = derived.salt if derived is not None else os.urandom(16)
        draft = cls(str(uuid.uuid4()), officer_id, salt, cost, os.urandom(12), b"")
        kek = derived.kek if derived is not None else derive_kek(passphrase, salt, cost)
        payload = canonical(
            {"data_key": secrets.data_key.hex(), "signing_key": secrets.signing_key.hex()}
        )
        ciphertext = AESGCM(kek).encrypt(draft.nonce, payload, draft.aad(vault_id))
        return replace(draft, ciphertext=ciphertext)

    def open(self, vault_id: str, passphrase: str) -> SlotSecrets:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kek = derive_kek(passphrase, self.salt, self.cost)
        try:
            payload = AESGCM(kek).decrypt(self.nonce, self.ciphertext, self.aad(vault_id))
        except InvalidTag:
            raise SlotOpenFailed from None
        data = json.loads(payload)
        return SlotSecrets(bytes.fromhex(data["data_key"]), bytes.fromhex(data["signing_key"]))

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id,
            "officer_id": self.officer_id,
            "kdf": _kdf_json(self.salt, self.cost),
            "nonce": b64(self.nonce),
            "ciphertext": b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str) -> Slot:
        kdf = data["kdf"]
        if kdf["alg"] != "argon2id":
            raise KeyFileError(
                f"{source}: unknown key-derivation algorithm {str(kdf['alg'])[:20]!r}."
            )
        cost = KdfCost(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        cost.check(source)
        return cls(
            slot_id=str(data["slot_id"]),
            officer_id=str(data["officer_id"]),
            salt=unb64(kdf["salt"]),
            cost=cost,
            nonce=unb64(data["nonce"]),
            ciphertext=unb64(data["ciphertext"]),
        )


def _kdf_json(salt: bytes, cost: KdfCost) -> dict[str, Any]:
    return {
        "alg": "argon2id",
        "salt": b64(salt),
        "memory_kib": cost.memory_kib,
        "iterations": cost.iterations,
        "lanes": cost.lanes,
    }


@dataclass(frozen=True)
class RecoverySlot:
    """The data key sealed to a station's age (X25519) key, bound to this vault's id.

    Filled when a laptop enrols a station card; the station can then open the vault if
    every officer's passphrase is lost, and give an officer a new one.
    """

    station_fingerprint: str
    ciphertext: bytes  # age, to the station's bundle key

    @classmethod
    def seal(
        cls, vault_id: str, data_key: bytes, station_recipient: str, fingerprint: str
    ) -> RecoverySlot:
        import pyrage

        recipient = pyrage.x25519.Recipient.from_str(station_recipient)
        payload = canonical({"vault_id": vault_id, "data_key": data_key.hex()})
        return cls(fingerprint, pyrage.encrypt(payload, [recipient]))

    def open(self, vault_id: str, station_identity: str) -> bytes:
        import pyrage

        try:
            identity = pyrage.x25519.Identity.from_str(station_identity)
            payload = json.loads(pyrage.decrypt(self.ciphertext, [identity]))
        except (pyrage.DecryptError, pyrage.IdentityError, ValueError):
            raise SlotOpenFailed from None
        if payload.get("vault_id") != vault_id:
            raise SlotOpenFailed  # a recovery slot copied from another vault
        return bytes.fromhex(payload["data_key"])

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "age-x25519",
            "station_fingerprint": self.station_fingerprint,
            "ciphertext": b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoverySlot:
        if data.get("alg") != "age-x25519":
            raise ValueError("unknown recovery slot algorithm")
        return cls(str(data["station_fingerprint"]), unb64(data["ciphertext"]))


@dataclass
class KeyFile:
    """The parsed ``vault.keys``. Holds no secret in the clear."""

    vault_id: str
    device_id: str
    cost: KdfCost
    slots: list[Slot] = field(default_factory=list)
    recovery: RecoverySlot | None = None

    def slot_for(self, officer_id: str) -> Slot | None:
        return next((s for s in self.slots if s.officer_id == officer_id), None)

    def with_slot(self, slot: Slot) -> KeyFile:
        """A copy with ``slot`` replacing the officer's current slot, if any."""
        others = [s for s in self.slots if s.officer_id != slot.officer_id]
        return replace(self, slots=[*others, slot])

    def without_officer(self, officer_id: str) -> KeyFile:
        return replace(self, slots=[s for s in self.slots if s.officer_id != officer_id])

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "device_id": self.device_id,
            "kdf_cost": {
                "memory_kib": self.cost.memory_kib,
                "iterations": self.cost.iterations,
                "lanes": self.cost.lanes,
            },
            "slots": [s.to_json() for s in self.slots],
            "recovery": self.recovery.to_json() if self.recovery else None,
        }
        return json.dumps(data, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        source = str(path)
        if not path.exists():
            raise KeyFileError(f"{source} is missing.")
        try:  # a regular file of a few KB: a device, a pipe or a huge file is refused unread
            raw = read_capped(path, KEY_FILE_MAX_BYTES, "key file")
        except InputRefused as refused:
            raise KeyFileError(refused.message) from None
        return cls.from_bytes(raw, source)

    @classmethod
    def from_bytes(cls, raw: bytes, source: str) -> KeyFile:
        """Parse a key file's bytes; anything else than a well-formed key file of this
        version is a ``KeyFileError`` naming ``source`` (the fuzz suite holds it to that)."""
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise KeyFileError(f"{source} is truncated or damaged (not valid JSON).") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError(f"{source} is not a fieldapp key file.")
        version = data.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            # Written by a newer program: a downgrade, refused before anything is opened.
            raise KeyFileError(
                coded(
                    "key_file_too_new",
                    f"{source} has format version {version}, newer than this program "
                    f"reads ({VERSION}). Update the program.",
                    version=version,
                    supported=VERSION,
                )
            )
        if version != VERSION:
            raise KeyFileError(
                f"{source} has version {str(data.get('version'))[:20]}; this program reads "
                f"version {VERSION}. Use the program version that wrote it."
            )
        try:
            cost = KdfCost(**{k: int(v) for k, v in data["kdf_cost"].items()})
            cost.check(source)
            slots = [Slot.from_json(s, source) for s in data["slots"]]
            recovery = RecoverySlot.from_json(data["recovery"]) if data["recovery"] else None
            return cls(str(data["vault_id"]), str(data["device_id"]), cost, slots, recovery)
        except KeyFileError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            # A field of the wrong type (a list where an object belongs, a float 'inf'
            # for a count) is as damaged as a missing one.
            raise KeyFileError(f"{source} is damaged (a required field is missing).") from None
