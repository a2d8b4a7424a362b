"""One job of an unlocked ``Session``: changing key slots — a new passphrase for this
officer, the recovery slot sealed to a station, a new slot for an officer recovered through
the station. Each rewrites ``vault.keys`` together with the events that record it
(``Session.commit_with_keys``); the database is never re-encrypted."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import InvalidInput, WrongPassphrase, coded
from fieldapp.officers import OFFICER_ENTITY, Officer
from fieldapp.passphrase_policy import check_passphrase
from fieldapp.storage.events import Draft
from fieldapp.storage.keyslots import KeyFile, RecoverySlot, Slot, SlotOpenFailed, SlotSecrets
from fieldapp.storage.officer_admin import Unlocked, officers, require_admin


class _Officer(Unlocked, Protocol):
    officer_id: str


def change_passphrase(session: _Officer, old: str, new: str) -> None:
    """Rewrap this officer's slot under a new passphrase; the database is not touched."""
    keys = session._key_file()
    slot = keys.slot_for(session.officer_id)
    assert slot is not None
    try:
        slot.open(keys.vault_id, old)
    except SlotOpenFailed:
        raise WrongPassphrase(0) from None
    me = session.officer
    check_passphrase(new, personal=(me.officer_id, me.display_name))
    if new == old:
        raise InvalidInput(
            coded("passphrase_unchanged", "New passphrase: must differ from the current one."),
            field="passphrase",
        )
    new_slot = Slot.seal(keys.vault_id, session.officer_id, new, session.secrets(), slot.cost)
    draft = Draft("amend", OFFICER_ENTITY, session.officer_id, {"passphrase_changed": True})
    session.commit_with_keys(keys.with_slot(new_slot), [draft])


def set_recovery_slot(
    session: Unlocked, station_recipient: str, fingerprint: str, drafts: list[Draft]
) -> None:
    """Seal the data key to a station's key (administrators only), with ``drafts``
    recording why, in one step."""
    require_admin(session, "enrol a station")
    keys: KeyFile = session._key_file()
    recovery = RecoverySlot.seal(
        keys.vault_id, session.secrets().data_key, station_recipient, fingerprint
    )
    session.commit_with_keys(replace(keys, recovery=recovery), drafts)


def reset_officer_key(
    session: Unlocked,
    officer_id: str,
    new_passphrase: str,
    signing_key: Ed25519PrivateKey,
    drafts: list[Draft],
) -> None:
    """Give ``officer_id`` a new slot (recovery): new signing key, new passphrase."""
    keys = session._key_file()
    officer: Officer | None = next(
        (o for o in officers(session) if o.officer_id == officer_id), None
    )
    if officer is None:
        raise InvalidInput(
            coded("officer_not_enrolled", f"Officer id: {officer_id} is not enrolled."),
            field="officer_id",
        )
    check_passphrase(new_passphrase, personal=(officer.officer_id, officer.display_name))
    secrets = SlotSecrets(session.secrets().data_key, signing_key.private_bytes_raw())
    slot = Slot.seal(keys.vault_id, officer_id, new_passphrase, secrets, keys.cost)
    session.commit_with_keys(keys.with_slot(slot), drafts)
