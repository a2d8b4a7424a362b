"""The laptop card: what a station needs to accept a laptop's bundles, and nothing more.

    vault id, device id   which laptop (the ids every bundle header and event names)
    station               the fingerprint of the station card the laptop enrolled
    officers              each officer id enrolled on the laptop, with every signing public
                          key it has had there (a key reset by recovery adds one), so events
                          signed before a change or a removal still verify
    signer, signature     the administrator who made the card, signing it with their key
    fingerprint           five groups over the ids and keys, compared by eye at the station

No names, roles or secrets: the officer ids are the service ids already in the key file.
Station staff import the card and compare its fingerprint with the one the laptop shows
(``fieldapp station laptop-card``), as the laptop did with the station card.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from fieldapp.errors import KnownError
from fieldapp.inputs import CARD_MAX_BYTES, read_capped
from fieldapp.officers import OFFICER_ENTITY
from fieldapp.storage.atomic import write_atomic
from fieldapp.storage.canonical import canonical
from fieldapp.storage.session import Session
from fieldapp.sync.enrol import enrolled_station
from fieldapp.sync.station import fingerprint_of, is_station

LAPTOP_CARD_FORMAT = "fieldapp-laptop-card"
_MAX_OFFICERS = 1000
_MAX_KEYS = 100  # per officer
_MAX_ID = 64


class LaptopCardRefused(KnownError):
    """A laptop card that cannot be read, is damaged, or is not for this station."""

    code = "laptop_card_refused"


@dataclass(frozen=True)
class LaptopCard:
    vault_id: str
    device_id: str
    station: str  # the enrolled station card's fingerprint
    officers: dict[str, tuple[str, ...]]  # officer id -> public keys (hex), oldest first
    signer: str
    signature: str  # hex, over ``signed_part``

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self._public())

    def _public(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "device_id": self.device_id,
            "officers": {k: list(v) for k, v in self.officers.items()},
        }

    def signed_part(self) -> bytes:
        return canonical(
            {
                "format": LAPTOP_CARD_FORMAT,
                "version": 1,
                "station": self.station,
                "signer": self.signer,
                **self._public(),
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": LAPTOP_CARD_FORMAT,
            "version": 1,
            "station": self.station,
            "signer": self.signer,
            **self._public(),
            "signature": self.signature,
            "fingerprint": self.fingerprint,
        }

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(self.to_json(), indent=2).encode() + b"\n")

    @classmethod
    def load(cls, path: Path) -> LaptopCard:
        raw = read_capped(path, CARD_MAX_BYTES, "laptop card")
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise LaptopCardRefused(f"{Path(path).name} is not a laptop card (not JSON).") from None
        return cls.from_json(data, Path(path).name)

    @classmethod
    def from_json(cls, data: Any, source: str = "card") -> LaptopCard:
        """A card whose fields, signature and fingerprint all check; refused otherwise."""
        if not isinstance(data, dict) or data.get("format") != LAPTOP_CARD_FORMAT:
            raise LaptopCardRefused(f"{source} is not a laptop card.")
        if data.get("version") != 1:
            raise LaptopCardRefused(f"{source}: a laptop card of a version this program lacks.")
        try:
            card = cls(
                vault_id=_text(data["vault_id"]),
                device_id=_text(data["device_id"]),
                station=_text(data["station"]),
                officers=_officers(data["officers"]),
                signer=_text(data["signer"]),
                signature=_text(data["signature"], 128),
            )
            signing = VerifyKey(bytes.fromhex(card.officers[card.signer][-1]))
            signing.verify(card.signed_part(), bytes.fromhex(card.signature))
        except BadSignatureError:
            raise LaptopCardRefused(f"{source}: its signature does not verify.") from None
        except (KeyError, ValueError, TypeError):
            raise LaptopCardRefused(f"{source} is damaged: a field is missing or wrong.") from None
        if data.get("fingerprint") != card.fingerprint:
            raise LaptopCardRefused(f"{source} is damaged: its fingerprint does not match.")
        return card


def laptop_fingerprint(session: Session) -> str:
    """This laptop card's fingerprint, as the station will show it (any officer may see
    it; only an administrator makes the signed card)."""
    station = enrolled_station(session)
    card = LaptopCard(
        session.vault_id,
        session.device_id,
        station.fingerprint if station else "",
        officer_keys(session),
        session.officer_id,
        "",
    )
    return card.fingerprint


def make_laptop_card(session: Session) -> LaptopCard:
    """This laptop's card, signed by the logged-in officer (an administrator)."""
    if is_station(session):
        raise LaptopCardRefused("A station has no laptop card: it is the one that imports them.")
    if not session.officer.is_admin:
        raise LaptopCardRefused("Only an administrator makes the laptop card.")
    station = enrolled_station(session)
    if station is None:
        raise LaptopCardRefused("Enrol the station's card first: the laptop card names it.")
    card = LaptopCard(
        vault_id=session.vault_id,
        device_id=session.device_id,
        station=station.fingerprint,
        officers=officer_keys(session),
        signer=session.officer_id,
        signature="",
    )
    return LaptopCard(**{**card.__dict__, "signature": session.sign(card.signed_part()).hex()})


def officer_keys(session: Session) -> dict[str, tuple[str, ...]]:
    """Every officer enrolled on this device, ever, with every key they signed with."""
    keys: dict[str, list[str]] = {}
    rows = session.conn.execute(
        "SELECT entity_id, kind, body FROM events WHERE device_id = ? AND entity_type = ? "
        "AND body_sha256 IS NULL ORDER BY seq",
        (session.device_id, OFFICER_ENTITY),
    )
    for officer_id, kind, body in rows:
        data = json.loads(bytes(body)) if kind in ("create", "amend") else {}
        public = data.get("public_key") or data.get("set", {}).get("public_key")
        if isinstance(public, str) and public not in keys.setdefault(officer_id, []):
            keys[officer_id].append(public)
    return {k: tuple(v) for k, v in sorted(keys.items()) if v}


def _text(value: Any, limit: int = _MAX_ID) -> str:
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError
    return value


def _officers(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value or len(value) > _MAX_OFFICERS:
        raise ValueError
    officers: dict[str, tuple[str, ...]] = {}
    for officer_id, keys in value.items():
        if not isinstance(keys, list) or not keys or len(keys) > _MAX_KEYS:
            raise ValueError
        for key in keys:
            if len(bytes.fromhex(_text(key))) != 32:
                raise ValueError
        officers[_text(officer_id)] = tuple(keys)
    return officers
