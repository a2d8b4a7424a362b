"""One job of an unlocked ``Session``: the vault's officers — who is enrolled, enrolling a
new officer with their own key slot and signing key, removing one (administrators only).
``Session`` keeps its methods for these and hands them here."""

from __future__ import annotations

from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import InvalidInput, NotPermitted, coded
from fieldapp.officers import (
    OFFICER_ENTITY,
    Officer,
    Role,
    active_officers,
    check_display_name,
    check_officer_id,
    check_role,
)
from fieldapp.passphrase_policy import check_passphrase
from fieldapp.storage.database import Connection
from fieldapp.storage.events import Draft
from fieldapp.storage.keyslots import DerivedKek, KeyFile, Slot, SlotSecrets


class Unlocked(Protocol):
    """What the officer jobs use of the session (``storage.session.Session``)."""

    @property
    def conn(self) -> Connection: ...

    @property
    def device_id(self) -> str: ...

    @property
    def officer(self) -> Officer: ...

    def secrets(self) -> SlotSecrets: ...

    def _key_file(self) -> KeyFile: ...

    def commit_with_keys(self, new_keys: KeyFile, drafts: list[Draft]) -> None: ...


def officers(session: Unlocked) -> list[Officer]:
    return active_officers(session.conn, session.device_id)


def require_admin(session: Unlocked, what: str) -> None:
    if not session.officer.is_admin:
        raise NotPermitted(f"Only an administrator may {what}.")


def enrol_officer(
    session: Unlocked,
    officer_id: str,
    display_name: str,
    role: str,
    passphrase: str,
    *,
    derived: DerivedKek | None = None,
) -> Officer:
    """Enrol a new officer with their own slot and signing key (administrators only).
    ``derived``: the demo vault's one derivation of the passphrase its officers share."""
    require_admin(session, "enrol officers")
    officer_id = check_officer_id(officer_id)
    display_name = check_display_name(display_name)
    checked_role = check_role(role)
    check_passphrase(passphrase, personal=(officer_id, display_name))
    keys = session._key_file()
    if keys.slot_for(officer_id) or any(o.officer_id == officer_id for o in officers(session)):
        raise InvalidInput(
            coded("officer_enrolled", f"Officer id: {officer_id} is already enrolled."),
            field="officer_id",
        )
    signing = Ed25519PrivateKey.generate()
    secrets = SlotSecrets(session.secrets().data_key, signing.private_bytes_raw())
    slot = Slot.seal(keys.vault_id, officer_id, passphrase, secrets, keys.cost, derived=derived)
    public = signing.public_key().public_bytes_raw()
    draft = officer_draft(officer_id, display_name, checked_role, public)
    session.commit_with_keys(keys.with_slot(slot), [draft])
    return Officer(officer_id, display_name, checked_role, public)


def remove_officer(session: Unlocked, officer_id: str) -> None:
    """Delete an officer's slot and record the removal (administrators only)."""
    require_admin(session, "remove officers")
    keys = session._key_file()
    current = {o.officer_id: o for o in officers(session)}
    if officer_id not in current:
        raise InvalidInput(
            coded("officer_not_enrolled", f"Officer id: {officer_id} is not enrolled."),
            field="officer_id",
        )
    admins = [o for o in current.values() if o.is_admin]
    if current[officer_id].is_admin and len(admins) == 1:
        raise NotPermitted(coded("last_administrator", "The last administrator cannot be removed."))
    draft = Draft("void", OFFICER_ENTITY, officer_id, {"reason": "removed"})
    session.commit_with_keys(keys.without_officer(officer_id), [draft])


def officer_draft(officer_id: str, name: str, role: Role, public_key: bytes) -> Draft:
    body = {
        "officer_id": officer_id,
        "display_name": name,
        "role": role.value,
        "public_key": public_key.hex(),
    }
    return Draft("create", OFFICER_ENTITY, officer_id, body)
