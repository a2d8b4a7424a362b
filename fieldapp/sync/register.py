"""At the station: the register of the laptops (and their officers' keys) whose bundles it
accepts. Registering a laptop card and revoking a laptop are events in the station's own
log; the register is read back from those events only (never from the records a laptop's
bundle projects), so no laptop can register itself or lift its own revocation.

A bundle is accepted only if its laptop is registered, its header verifies with the
registered key of the officer it names, and every event in it is signed by a registered
officer key of that laptop. A revoked laptop's bundles are refused when they reach beyond
the last sequence the station held when it was revoked: the header's time is the laptop's
word, the station's own sequence is not.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import Records, create_draft, entity_amend_draft
from fieldapp.storage.session import Session
from fieldapp.storage.verify import station_signer
from fieldapp.sync.laptop_card import LaptopCard
from fieldapp.sync.station import StationKeys, station_keys

LAPTOP_ENTITY = "station_laptop"
REGISTERED, REVOKED = "registered", "revoked"
_NOTE_MAX = 500


class RevokeReason(StrEnum):
    LOST = "lost"
    STOLEN = "stolen"
    RETIRED = "retired"


class RegisterRefused(KnownError):
    """A laptop card the register cannot take."""

    code = "register_refused"


class OtherStationsCard(RegisterRefused):
    code = "register_other_station"


class LaptopRevoked(RegisterRefused):
    code = "register_revoked"


class OtherVault(RegisterRefused):
    code = "register_other_vault"


@dataclass(frozen=True)
class RegisteredLaptop:
    device_id: str
    vault_id: str
    fingerprint: str
    officers: dict[str, frozenset[str]]  # officer id -> registered public keys (hex)
    registered_at: str
    status: str = REGISTERED
    revoke_reason: str | None = None
    revoke_note: str | None = None
    revoked_at: str | None = None
    accepted_through: int | None = None  # the last sequence held when it was revoked

    @property
    def revoked(self) -> bool:
        return self.status == REVOKED


@dataclass(frozen=True)
class Register:
    """A snapshot of the register, with this station's own signer: every check is a dict
    lookup (picklable, for the process that opens bundles ahead)."""

    laptops: dict[str, RegisteredLaptop] = field(default_factory=dict)
    station_signer: str = ""
    station_public: str = ""  # hex

    def header_refusal(
        self, device_id: str, signer: str, signer_public: str, to_seq: int
    ) -> str | None:
        """Why a bundle with this header is refused before it is opened, or None."""
        laptop = self.laptops.get(device_id)
        if laptop is None:
            return f"Laptop {device_id[:8]} is not registered at this station; bundle refused."
        if laptop.revoked and (laptop.accepted_through is None or to_seq > laptop.accepted_through):
            return (
                f"Laptop {device_id[:8]} was revoked ({laptop.revoke_reason}); its bundles "
                f"beyond sequence {laptop.accepted_through} are refused."
            )
        if signer_public not in laptop.officers.get(signer, frozenset()):
            return (
                f"The bundle is signed by {signer[:32]}, whose key is not registered for laptop "
                f"{device_id[:8]}; a new laptop card may be needed."
            )
        return None

    def key_ok(self, device_id: str, officer_id: str, public: bytes) -> bool:
        """Whether an event signed with ``public`` as ``officer_id`` on ``device_id`` may come
        in: a registered officer key of that laptop, or this station's own (recovery)."""
        if officer_id == self.station_signer:
            return public.hex() == self.station_public
        laptop = self.laptops.get(device_id)
        return laptop is not None and public.hex() in laptop.officers.get(officer_id, frozenset())

    def officer_known(self, device_id: str, officer_id: str) -> bool:
        laptop = self.laptops.get(device_id)
        return officer_id == self.station_signer or (
            laptop is not None and officer_id in laptop.officers
        )


def verify_header_signature(public_hex: str, signed: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(bytes.fromhex(public_hex)).verify(signed, signature)
    except (BadSignatureError, ValueError):
        return False
    return True


def load_register(session: Session) -> Register:
    """The register as this station's own events made it (one indexed query)."""
    rows = session.conn.execute(
        "SELECT entity_id, kind, body FROM events WHERE entity_type = ? AND device_id = ? "
        "ORDER BY seq",
        (LAPTOP_ENTITY, session.device_id),
    )
    return register_from_events(rows, station_keys(session))


def register_from_events(rows: Iterable[Sequence[Any]], keys: StationKeys) -> Register:
    """The register from the station's own ``LAPTOP_ENTITY`` events (entity id, kind,
    body), in sequence order: the same in a vault and in PostgreSQL."""
    laptops = fold_station_records(rows)
    card = keys.card
    return Register(
        {device: _laptop(data) for device, data in laptops.items()},
        station_signer(card.fingerprint),
        card.signing_public,
    )


def fold_station_records(rows: Iterable[Sequence[Any]]) -> dict[str, dict[str, Any]]:
    """The station's own records of one kind (the register, alarms) from their events
    (entity id, kind, body) in sequence order: a create's data, each amend's changes."""
    records: dict[str, dict[str, Any]] = {}
    for entity_id, kind, body in rows:
        data = json.loads(bytes(body))
        if kind == "create":
            records[entity_id] = dict(data["data"])
        elif kind == "amend" and entity_id in records:
            records[entity_id].update(data.get("set", {}))
    return records


def registered_laptops(station: Session | RegisterBook) -> list[RegisteredLaptop]:
    return list(_book(station).register().laptops.values())


class RegisterBook(Protocol):
    """What keeping the register needs of the station's store (a station vault, or
    ``sync.pg_store``): the register, the station's own events, its clock."""

    @property
    def keys(self) -> StationKeys: ...

    def register(self) -> Register: ...

    def append(self, drafts: Iterable[Draft]) -> list[Event]: ...

    def last_event(self, entity_type: str, entity_id: str) -> str:
        """The id of the event that last changed a record of the station's."""
        ...

    def held_through(self, device_id: str) -> int:
        """The last sequence number the station holds of a device (0: none)."""
        ...

    def now(self) -> float: ...

    def device_lock(self, device_id: str) -> AbstractContextManager[None]:
        """Held by an import of the device's bundles (``StationStore.device_lock``): a
        revocation waits for one in flight, so what it says was held is what is held."""
        ...


class _VaultBook:
    """``RegisterBook`` over an unlocked station vault."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.keys = station_keys(session)

    def register(self) -> Register:
        return load_register(self._session)

    def append(self, drafts: Iterable[Draft]) -> list[Event]:
        return self._session.append(list(drafts))

    def last_event(self, entity_type: str, entity_id: str) -> str:
        record = Records(self._session.conn).get(entity_type, entity_id)
        assert record is not None  # the station's own create event made it
        return record.last_event

    def held_through(self, device_id: str) -> int:
        row = self._session.conn.execute(
            "SELECT MAX(seq) FROM events WHERE device_id = ?", (device_id,)
        ).fetchone()
        return int(row[0] or 0)

    def now(self) -> float:
        return self._session.vault.clock()

    def device_lock(self, device_id: str) -> AbstractContextManager[None]:
        return contextlib.nullcontext()  # one PC, one writer


def _book(station: Session | RegisterBook) -> RegisterBook:
    return _VaultBook(station) if isinstance(station, Session) else station


def register_laptop(station: Session | RegisterBook, card: LaptopCard) -> RegisteredLaptop:
    """Register ``card`` (its fingerprint compared by eye first). A laptop registered
    before takes the card's new officers and keys beside the ones it had."""
    book = _book(station)
    own = book.keys.card.fingerprint
    if card.station != own:
        raise OtherStationsCard(
            f"This laptop card was made for station {card.station}; this station is {own}."
        )
    now = book.now()
    current = book.register().laptops.get(card.device_id)
    if current is None:
        data = {
            "device_id": card.device_id,
            "vault_id": card.vault_id,
            "fingerprint": card.fingerprint,
            "officers": {k: list(v) for k, v in card.officers.items()},
            "registered_at": _iso(now),
            "status": REGISTERED,
        }
        book.append([create_draft(LAPTOP_ENTITY, data, entity_id=card.device_id)])
    else:
        if current.revoked:
            raise LaptopRevoked(
                f"Laptop {card.device_id[:8]} was revoked ({current.revoke_reason}); a revoked "
                "laptop is not registered again: set it up as a new vault."
            )
        if current.vault_id != card.vault_id:
            raise OtherVault(f"Laptop {card.device_id[:8]} is registered with another vault.")
        officers = {k: set(v) for k, v in current.officers.items()}
        for officer_id, keys in card.officers.items():
            officers.setdefault(officer_id, set()).update(keys)
        changes = {
            "officers": {k: sorted(v) for k, v in sorted(officers.items())},
            "fingerprint": card.fingerprint,
        }
        book.append([_amend(book, card.device_id, changes)])
    return book.register().laptops[card.device_id]


def revoke_laptop(
    station: Session | RegisterBook, device_id: str, reason: str, note: str = ""
) -> RegisteredLaptop:
    """A lost, stolen or retired laptop: its bundles beyond what the station holds now are
    refused from here on. An event in the station's log, with the reason."""
    book = _book(station)
    problems = []
    if reason not in tuple(RevokeReason):
        problems.append(
            (
                "reason",
                coded("revoke_reason", "lost, stolen or retired.", choices="lost, stolen, retired"),
            )
        )
    if len(note) > _NOTE_MAX:
        problems.append(
            ("note", coded("too_long", f"at most {_NOTE_MAX} characters.", limit=_NOTE_MAX))
        )
    laptop = book.register().laptops.get(device_id)
    if laptop is None:
        problems.append(("device_id", coded("laptop_unknown", "no such registered laptop.")))
    if problems:
        field_name, why = problems[0]
        raise InvalidInput(f"{field_name}: {why}", field=field_name, problems=tuple(problems))
    assert laptop is not None
    if laptop.revoked:
        return laptop
    with book.device_lock(device_id):
        changes = {
            "status": REVOKED,
            "revoke_reason": reason,
            "revoke_note": note.strip(),
            "revoked_at": _iso(book.now()),
            "accepted_through": book.held_through(device_id),
        }
        book.append([_amend(book, device_id, changes)])
    return book.register().laptops[device_id]


def _amend(book: RegisterBook, device_id: str, changes: dict[str, Any]) -> Draft:
    return entity_amend_draft(
        LAPTOP_ENTITY, device_id, book.last_event(LAPTOP_ENTITY, device_id), changes
    )


def _laptop(data: dict[str, Any]) -> RegisteredLaptop:
    through = data.get("accepted_through")
    return RegisteredLaptop(
        device_id=str(data["device_id"]),
        vault_id=str(data["vault_id"]),
        fingerprint=str(data["fingerprint"]),
        officers={str(k): frozenset(v) for k, v in data["officers"].items()},
        registered_at=str(data.get("registered_at", "")),
        status=str(data.get("status", REGISTERED)),
        revoke_reason=data.get("revoke_reason"),
        revoke_note=data.get("revoke_note"),
        revoked_at=data.get("revoked_at"),
        accepted_through=int(through) if through is not None else None,
    )


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
