"""The station's identity: a bundle key (age, X25519) that laptops encrypt to, a signing key
(Ed25519) for receipts and recoveries, and the public card that laptops enrol.

The private keys live inside the station's encrypted vault, beside its ids in ``meta``:
they are the station's identity, not settings (only ``StationKeys`` reads them). The card
holds only public keys and a fingerprint short enough to compare by eye, read aloud over
the phone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp import settings
from fieldapp.errors import InvalidInput, KnownError, NotPermitted, coded
from fieldapp.inputs import CARD_MAX_BYTES, InputRefused, read_capped
from fieldapp.settings import Setting
from fieldapp.storage.atomic import write_atomic
from fieldapp.storage.canonical import canonical
from fieldapp.storage.database import transaction
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from fieldapp.storage.verify import VAULT_MODE

CARD_FORMAT = "fieldapp-station-card"
STATION_MODE = "station"  # the value of ``VAULT_MODE`` in a station's vault
STATION_NAME = Setting("station.name", str, "")
_IDENTITY = "station.identity"
_SIGNING = "station.signing_key"


def fingerprint_of(public: dict[str, Any]) -> str:
    """Five groups of four characters over ``public`` (public keys and ids), short enough
    to compare by eye or read aloud: the station's card and the laptops' cards use it."""
    digest = hashlib.sha256(canonical(public)).hexdigest()[:20].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True)
class StationCard:
    """What a laptop needs to seal bundles to a station and check its receipts."""

    name: str
    bundle_recipient: str  # age1…
    signing_public: str  # hex

    @property
    def fingerprint(self) -> str:
        """Five groups of four characters over both public keys, for comparison by eye."""
        return fingerprint_of({"recipient": self.bundle_recipient, "signing": self.signing_public})

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT,
            "version": 1,
            "name": self.name,
            "bundle_recipient": self.bundle_recipient,
            "signing_public": self.signing_public,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, data: Any, source: str = "card") -> StationCard:
        if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
            raise KnownError(coded("not_a_station_card", f"{source} is not a station card."))
        try:
            card = cls(
                str(data["name"]), str(data["bundle_recipient"]), str(data["signing_public"])
            )
            pyrage.x25519.Recipient.from_str(card.bundle_recipient)
            if len(bytes.fromhex(card.signing_public)) != 32:
                raise ValueError
        except (KeyError, ValueError, pyrage.RecipientError):
            raise KnownError(
                coded("station_card_damaged", f"{source} is damaged: its keys cannot be read.")
            ) from None
        if data.get("fingerprint") != card.fingerprint:
            raise KnownError(
                coded(
                    "station_card_mismatch",
                    f"{source} is damaged: its fingerprint does not match its keys.",
                )
            )
        return card

    @classmethod
    def load(cls, path: Path) -> StationCard:
        try:
            data = json.loads(read_capped(path, CARD_MAX_BYTES, "station card"))
        except (InputRefused, ValueError):
            raise KnownError(
                coded("not_a_station_card", f"{path} cannot be read as a station card.")
            ) from None
        return cls.from_json(data, str(path))

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(self.to_json(), indent=2).encode() + b"\n")


@dataclass(frozen=True)
class StationKeys:
    """The station's private keys, held only while the station vault is unlocked."""

    name: str
    identity: str  # AGE-SECRET-KEY-1…
    signing_key: Ed25519PrivateKey

    @property
    def card(self) -> StationCard:
        recipient = str(pyrage.x25519.Identity.from_str(self.identity).to_public())
        public = self.signing_key.public_key().public_bytes_raw().hex()
        return StationCard(self.name, recipient, public)


def init_station(
    vault: Vault, officer_id: str, display_name: str, passphrase: str, station_name: str, **kw: Any
) -> Session:
    """A new vault in station mode, with fresh station keys, and its first administrator."""
    if not station_name.strip():
        raise InvalidInput(coded("required", "Station name: required."), field="station_name")
    session = vault.create(officer_id, display_name, passphrase, **kw)
    signing = Ed25519PrivateKey.generate()
    with transaction(session.conn):
        session.conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                (_IDENTITY, str(pyrage.x25519.Identity.generate())),
                (_SIGNING, signing.private_bytes_raw().hex()),
            ],
        )
    settings.put(session, STATION_NAME, station_name.strip())
    settings.put(session, VAULT_MODE, STATION_MODE)
    return session


def is_station(session: Session) -> bool:
    return settings.get(session, VAULT_MODE) == STATION_MODE


def station_keys(session: Session) -> StationKeys:
    """The keys of this station; refused on a laptop vault."""
    if not is_station(session):
        raise NotPermitted(
            coded(
                "not_a_station",
                "This vault is not a station (create one with 'fieldapp station init').",
            )
        )
    return StationKeys(
        name=settings.get(session, STATION_NAME),
        identity=_private_key(session, _IDENTITY),
        signing_key=Ed25519PrivateKey.from_private_bytes(
            bytes.fromhex(_private_key(session, _SIGNING))
        ),
    )


def _private_key(session: Session, name: str) -> str:
    # A station made by an earlier version kept its keys in ``settings``: read there too.
    for table in ("meta", "settings"):
        row = session.conn.execute(f"SELECT value FROM {table} WHERE key = ?", (name,)).fetchone()
        if row is not None:
            return str(row[0])
    return ""
