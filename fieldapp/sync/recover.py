"""Recovery: when a laptop's officer has lost their passphrase, the station opens the
laptop's vault through its recovery slot and gives the officer a new slot and signing key.

The station's keys travel for this as a *card key* file, encrypted with its own passphrase
(age), exported from the station vault by an administrator. The recovery is an event in the
laptop's chain, signed by the station, so anyone verifying the chain sees who did it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import KnownError, NotPermitted, coded
from fieldapp.officers import OFFICER_ENTITY
from fieldapp.passphrase_policy import check_passphrase
from fieldapp.storage import slot_changes
from fieldapp.storage.atomic import write_atomic
from fieldapp.storage.events import Draft
from fieldapp.storage.keyslots import SlotOpenFailed, SlotSecrets
from fieldapp.storage.session import Session, open_session
from fieldapp.storage.unlock_state import UnlockState
from fieldapp.storage.vault import Vault
from fieldapp.storage.verify import station_signer
from fieldapp.sync.station import StationKeys, station_keys

CARD_KEY_FORMAT = "fieldapp-station-card-key"


def export_card_key(session: Session, out: Path, passphrase: str) -> None:
    """Administrators only: the station's private keys, sealed with ``passphrase``."""
    if not session.officer.is_admin:
        raise NotPermitted("Only an administrator may export the station's card key.")
    check_passphrase(passphrase)
    keys = station_keys(session)
    payload = json.dumps(
        {
            "format": CARD_KEY_FORMAT,
            "name": keys.name,
            "identity": keys.identity,
            "signing_key": keys.signing_key.private_bytes_raw().hex(),
        }
    ).encode()
    write_atomic(out, pyrage.passphrase.encrypt(payload, passphrase))


class WrongCardKeyPassphrase(KnownError):
    """The passphrase does not open the station's card key file (not an officer's slot)."""

    code = "wrong_card_key_passphrase"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Wrong passphrase for the station card key {path.name}: use the passphrase "
            "chosen when it was written ('station card-key').",
            field="key_passphrase",
            params={"file": path.name},
        )


def load_card_key(path: Path, passphrase: str) -> StationKeys:
    try:
        payload = json.loads(pyrage.passphrase.decrypt(Path(path).read_bytes(), passphrase))
    except pyrage.DecryptError:
        raise WrongCardKeyPassphrase(Path(path)) from None
    except (OSError, ValueError):
        raise KnownError(coded("not_a_card_key", f"{path} is not a station card key.")) from None
    if payload.get("format") != CARD_KEY_FORMAT:
        raise KnownError(coded("not_a_card_key", f"{path} is not a station card key."))
    signing = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(payload["signing_key"]))
    return StationKeys(payload["name"], payload["identity"], signing)


def recover(laptop: Vault, keys: StationKeys, officer_id: str, new_passphrase: str) -> None:
    """Open ``laptop`` with the station's key and give ``officer_id`` a new passphrase."""
    key_file = laptop.key_file()
    fingerprint = keys.card.fingerprint
    if key_file.recovery is None or key_file.recovery.station_fingerprint != fingerprint:
        raise KnownError(
            coded(
                "no_recovery_slot",
                f"This laptop's vault has no recovery slot for station {fingerprint}: "
                "it never enrolled this station's card.",
            )
        )
    try:
        data_key = key_file.recovery.open(key_file.vault_id, keys.identity)
    except SlotOpenFailed:
        raise KnownError(
            coded(
                "recovery_slot_closed", "The recovery slot does not open with this station's key."
            )
        ) from None
    signer = station_signer(fingerprint)
    secrets = SlotSecrets(data_key, keys.signing_key.private_bytes_raw())
    session = open_session(laptop, key_file, signer, secrets, laptop.projections, laptop.clock)
    try:
        new_key = Ed25519PrivateKey.generate()
        public = new_key.public_key().public_bytes_raw().hex()
        draft = Draft(
            "amend",
            OFFICER_ENTITY,
            officer_id,
            {"public_key": public, "reason": "recovery", "station": fingerprint},
        )
        slot_changes.reset_officer_key(session, officer_id, new_passphrase, new_key, [draft])
    finally:
        session.lock()
    UnlockState(laptop.data_dir / "unlock.state").clear()
