"""Key slots: wrapping, AAD binding, parameter floors, the recovery slot, file parsing.

No database here; the vault tests use real SQLCipher files.
"""

import json
from dataclasses import replace
from pathlib import Path

import pyrage
import pytest

from fieldapp.errors import KeyFileError
from fieldapp.storage.keyslots import (
    MIN_ITERATIONS,
    MIN_MEMORY_KIB,
    DerivedKek,
    KdfCost,
    KeyFile,
    RecoverySlot,
    Slot,
    SlotOpenFailed,
    SlotSecrets,
)

SECRETS = SlotSecrets(b"\x11" * 32, b"\x22" * 32)
PASS = "en helt vanlig fras"


@pytest.fixture(scope="module")
def slot() -> Slot:
    return Slot.seal("vault-a", "T1", PASS, SECRETS, KdfCost())


def test_slot_opens_with_its_passphrase(slot: Slot) -> None:
    assert slot.open("vault-a", PASS) == SECRETS


def test_passphrase_is_unicode_normalised() -> None:
    # "ä" typed as one code point or as "a" + combining diaeresis is the same passphrase.
    other = Slot.seal("vault-a", "T1", "gröna h\u00e4star", SECRETS, KdfCost())
    assert other.open("vault-a", "gröna ha\u0308star") == SECRETS


def test_one_derivation_seals_slots_of_a_shared_passphrase() -> None:
    """The demo vault's shortcut: both slots open with the passphrase, on their own."""
    derived = DerivedKek.derive(PASS, KdfCost())
    one = Slot.seal("vault-a", "T1", PASS, SECRETS, KdfCost(), derived=derived)
    two = Slot.seal("vault-a", "T2", PASS, SECRETS, KdfCost(), derived=derived)
    assert one.open("vault-a", PASS) == two.open("vault-a", PASS) == SECRETS
    with pytest.raises(SlotOpenFailed):
        two.open("vault-a", PASS + "x")
    with pytest.raises(ValueError, match="another passphrase"):
        Slot.seal("vault-a", "T3", "en annan fras här", SECRETS, KdfCost(), derived=derived)


def test_wrong_passphrase_fails(slot: Slot) -> None:
    with pytest.raises(SlotOpenFailed):
        slot.open("vault-a", PASS + "x")


def test_slot_copied_to_another_vault_fails(slot: Slot) -> None:
    with pytest.raises(SlotOpenFailed):
        slot.open("vault-b", PASS)


def test_slot_with_edited_parameters_fails(slot: Slot) -> None:
    stronger = replace(slot, cost=replace(slot.cost, iterations=slot.cost.iterations + 1))
    with pytest.raises(SlotOpenFailed):
        stronger.open("vault-a", PASS)
    renamed = replace(slot, officer_id="T2")
    with pytest.raises(SlotOpenFailed):
        renamed.open("vault-a", PASS)


def test_parameters_below_the_floor_are_refused_when_read(slot: Slot, tmp_path: Path) -> None:
    path = tmp_path / "vault.keys"
    KeyFile("vault-a", "dev", KdfCost(), [slot]).save(path)
    data = json.loads(path.read_text())
    data["slots"][0]["kdf"]["memory_kib"] = MIN_MEMORY_KIB // 2
    path.write_text(json.dumps(data))
    with pytest.raises(KeyFileError, match="below the minimum"):
        KeyFile.load(path)
    assert KdfCost().memory_kib == MIN_MEMORY_KIB
    assert KdfCost().iterations == MIN_ITERATIONS


def test_key_file_round_trips(slot: Slot, tmp_path: Path) -> None:
    path = tmp_path / "vault.keys"
    station = pyrage.x25519.Identity.generate()
    recovery = RecoverySlot.seal("vault-a", SECRETS.data_key, str(station.to_public()), "fp")
    KeyFile("vault-a", "dev", KdfCost(), [slot], recovery).save(path)
    loaded = KeyFile.load(path)
    assert loaded.slots == [slot]
    assert loaded.recovery == recovery
    assert loaded.slot_for("T1") == slot


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "truncated"),
        (b'{"format": "fieldapp-vault-keys", "version": 1, "slots": [', "truncated"),
        (b'{"format": "fieldapp-vault-keys", "version": 99}', "version 99"),
        (b'{"format": "something-else"}', "not a fieldapp key file"),
        (b'{"format": "fieldapp-vault-keys", "version": 1}', "missing"),
    ],
)
def test_bad_key_files_name_the_file_and_stay_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "vault.keys"
    path.write_bytes(content)
    with pytest.raises(KeyFileError, match=message) as err:
        KeyFile.load(path)
    assert str(path) in err.value.message
    assert path.read_bytes() == content


def test_recovery_slot_opens_only_with_the_station_key() -> None:
    station = pyrage.x25519.Identity.generate()
    sealed = RecoverySlot.seal("vault-a", SECRETS.data_key, str(station.to_public()), "fp")
    assert sealed.open("vault-a", str(station)) == SECRETS.data_key
    with pytest.raises(SlotOpenFailed):
        sealed.open("vault-a", str(pyrage.x25519.Identity.generate()))
    with pytest.raises(SlotOpenFailed):
        sealed.open("vault-b", str(station))
