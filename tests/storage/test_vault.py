"""The vault on real SQLCipher files: create, unlock, officers, passphrases, backoff."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from fieldapp.composition import open_vault
from fieldapp.errors import (
    BackoffActive,
    InvalidInput,
    KeyFileError,
    NotPermitted,
    VaultDamaged,
    VaultExists,
    WeakPassphrase,
    WrongPassphrase,
)
from fieldapp.officers import Role
from fieldapp.storage.keyslots import KeyFile
from fieldapp.storage.session import Session
from fieldapp.storage.unlock_state import MAX_DELAY_SECONDS
from fieldapp.storage.vault import Vault
from tests.conftest import (
    ADMIN_ID,
    ADMIN_NAME,
    ADMIN_PASS,
    FIELD_ID,
    FIELD_NAME,
    FIELD_PASS,
    TEST_COST,
)


class FakeClock:
    """Wall time the test controls, for the unlock delay."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_first_officer_is_administrator_and_enrolment_is_an_event(admin_session: Session) -> None:
    me = admin_session.officer
    assert (me.officer_id, me.display_name, me.role) == (ADMIN_ID, ADMIN_NAME, Role.ADMINISTRATOR)
    first = next(admin_session.events())
    assert (first.seq, first.kind, first.entity_type, first.entity_id) == (
        1,
        "create",
        "officer",
        ADMIN_ID,
    )
    assert admin_session.verify().ok


def test_vault_files_are_encrypted(admin_session: Session, vault: Vault) -> None:
    admin_session.lock()
    header = vault.db_path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert ADMIN_NAME.encode() not in vault.db_path.read_bytes()
    assert ADMIN_NAME.encode() not in vault.keys_path.read_bytes()


def test_create_refuses_an_existing_vault(admin_session: Session, vault: Vault) -> None:
    with pytest.raises(VaultExists):
        open_vault(vault.data_dir).create(
            "T9", "Nils Nytt", "en annan bra fras här", cost=TEST_COST
        )


def test_create_refuses_bad_fields_and_leaves_nothing(vault: Vault) -> None:
    with pytest.raises(InvalidInput) as err:
        vault.create("", ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    assert err.value.field == "officer_id"
    with pytest.raises(InvalidInput) as err:
        vault.create(ADMIN_ID, "   ", ADMIN_PASS, cost=TEST_COST)
    assert err.value.field == "display_name"
    with pytest.raises(WeakPassphrase):
        vault.create(ADMIN_ID, ADMIN_NAME, "password1234", cost=TEST_COST)
    assert not vault.exists()


def test_unlock_and_lock(two_officer_vault: Vault) -> None:
    session = two_officer_vault.unlock(FIELD_ID, FIELD_PASS)
    assert session.officer.role is Role.FIELD_OFFICER
    assert session.officer.display_name == FIELD_NAME
    session.lock()
    assert session.locked
    from fieldapp.errors import SessionLocked

    with pytest.raises(SessionLocked):
        session.officers()
    session.lock()  # twice is harmless


def test_wrong_passphrase_is_a_clear_error_and_opens_nothing(two_officer_vault: Vault) -> None:
    clock = FakeClock()
    vault = open_vault(two_officer_vault.data_dir, clock=clock)
    with pytest.raises(WrongPassphrase) as err:
        vault.unlock(FIELD_ID, "fel fras helt enkelt")
    assert err.value.delay_seconds == 1
    assert "Wrong officer or passphrase" in err.value.message


def test_unknown_officer_looks_like_a_wrong_passphrase(two_officer_vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        two_officer_vault.unlock("T999", FIELD_PASS)


def test_backoff_grows_is_capped_and_survives_a_restart(two_officer_vault: Vault) -> None:
    clock = FakeClock()
    delays = []
    for _ in range(9):
        vault = open_vault(two_officer_vault.data_dir, clock=clock)  # a fresh object: a "restart"
        with pytest.raises(WrongPassphrase) as err:
            vault.unlock(FIELD_ID, "fel fras helt enkelt")
        delays.append(err.value.delay_seconds)
        with pytest.raises(BackoffActive) as active:
            open_vault(two_officer_vault.data_dir, clock=clock).unlock(FIELD_ID, FIELD_PASS)
        assert active.value.remaining_seconds == pytest.approx(err.value.delay_seconds)
        clock.now += err.value.delay_seconds
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]


@pytest.mark.parametrize(
    "garbage", [b"\x00\xffnot json", b'{"failures": 7}', b'{"failures": [["nan", "x"]]}', b""]
)
def test_an_unreadable_unlock_state_means_the_maximum_delay(
    two_officer_vault: Vault, garbage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    (two_officer_vault.data_dir / "unlock.state").write_bytes(garbage)
    vault = open_vault(two_officer_vault.data_dir, clock=clock)
    with pytest.raises(BackoffActive) as active:
        vault.unlock(FIELD_ID, FIELD_PASS)
    assert active.value.remaining_seconds == MAX_DELAY_SECONDS
    assert "unlock.state is unreadable" in caplog.text
    assert FIELD_ID not in caplog.text and FIELD_PASS not in caplog.text
    # Counted from when it was found so, also after a restart; then unlocking works.
    clock.now += MAX_DELAY_SECONDS - 1
    with pytest.raises(BackoffActive) as again:
        open_vault(two_officer_vault.data_dir, clock=clock).unlock(FIELD_ID, FIELD_PASS)
    assert again.value.remaining_seconds == 1
    clock.now += 1
    open_vault(two_officer_vault.data_dir, clock=clock).unlock(FIELD_ID, FIELD_PASS).lock()


def test_a_delay_under_a_second_reads_one_second_not_zero() -> None:
    assert "Wait 1 s" in BackoffActive(0.2).message
    assert "Wait 3 s" in BackoffActive(2.01).message
    assert "in 1 s" in WrongPassphrase(0.4).message


def test_failed_unlocks_are_recorded_at_the_next_success(two_officer_vault: Vault) -> None:
    clock = FakeClock()
    vault = open_vault(two_officer_vault.data_dir, clock=clock)
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            vault.unlock(FIELD_ID, "fel fras helt enkelt")
        clock.now += 60
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    records = [e.data for e in session.events() if e.data.get("action") == "failed_unlocks"]
    assert len(records) == 1
    assert [a["officer_id"] for a in records[0]["attempts"]] == [FIELD_ID, FIELD_ID]
    assert vault.backoff_remaining() == 0
    session.lock()


def test_only_administrators_enrol_or_remove(two_officer_vault: Vault) -> None:
    session = two_officer_vault.unlock(FIELD_ID, FIELD_PASS)
    with pytest.raises(NotPermitted):
        session.enrol_officer("T3", "Cecilia Påhitt", "field_officer", "ett annat bra lösen")
    with pytest.raises(NotPermitted):
        session.remove_officer(ADMIN_ID)
    with pytest.raises(NotPermitted):
        session.remove_officer(FIELD_ID)
    session.lock()


def test_enrol_refuses_duplicates_bad_roles_and_weak_passphrases(admin_session: Session) -> None:
    with pytest.raises(InvalidInput) as err:
        admin_session.enrol_officer(ADMIN_ID, "Dubbel", "field_officer", "ett annat bra lösen")
    assert err.value.field == "officer_id"
    with pytest.raises(InvalidInput) as err:
        admin_session.enrol_officer("T3", "Cecilia Påhitt", "chief", "ett annat bra lösen")
    assert err.value.field == "role"
    with pytest.raises(WeakPassphrase):
        admin_session.enrol_officer("T3", "Cecilia Påhitt", "field_officer", "qwertyuiop12")
    assert [o.officer_id for o in admin_session.officers()] == [ADMIN_ID]


def test_removal_deletes_the_slot_and_is_an_event(two_officer_vault: Vault) -> None:
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    assert KeyFile.load(two_officer_vault.keys_path).slot_for(FIELD_ID) is not None
    session.remove_officer(FIELD_ID)
    assert [o.officer_id for o in session.officers()] == [ADMIN_ID]
    assert KeyFile.load(two_officer_vault.keys_path).slot_for(FIELD_ID) is None
    removal = [e for e in session.events() if e.kind == "void"]
    assert [(e.entity_type, e.entity_id) for e in removal] == [("officer", FIELD_ID)]
    with pytest.raises(NotPermitted, match="last administrator"):
        session.remove_officer(ADMIN_ID)
    assert session.verify().ok
    session.lock()
    with pytest.raises(WrongPassphrase):
        two_officer_vault.unlock(FIELD_ID, FIELD_PASS)


def test_passphrase_change_rewrites_one_slot_only(two_officer_vault: Vault) -> None:
    keys_before = KeyFile.load(two_officer_vault.keys_path)
    clock = FakeClock()
    session = open_vault(two_officer_vault.data_dir, clock=clock).unlock(FIELD_ID, FIELD_PASS)
    with pytest.raises(WrongPassphrase):
        session.change_passphrase("inte den gamla frasen", "helt ny fras för natten")
    session.change_passphrase(FIELD_PASS, "helt ny fras för natten")
    session.lock()
    keys_after = KeyFile.load(two_officer_vault.keys_path)
    assert keys_after.slot_for(ADMIN_ID) == keys_before.slot_for(ADMIN_ID)
    assert keys_after.slot_for(FIELD_ID) != keys_before.slot_for(FIELD_ID)
    with pytest.raises(WrongPassphrase):
        open_vault(two_officer_vault.data_dir, clock=clock).unlock(FIELD_ID, FIELD_PASS)
    clock.now += 60
    # The same data key opens the same database for both officers: nothing was re-encrypted.
    open_vault(two_officer_vault.data_dir, clock=clock).unlock(
        FIELD_ID, "helt ny fras för natten"
    ).lock()
    open_vault(two_officer_vault.data_dir, clock=clock).unlock(ADMIN_ID, ADMIN_PASS).lock()


def _tamper_slot(vault: Vault, change: str) -> None:
    data = json.loads(vault.keys_path.read_text())
    slot = next(s for s in data["slots"] if s["officer_id"] == FIELD_ID)
    if change == "iterations":
        slot["kdf"]["iterations"] += 1
    elif change == "salt":
        slot["kdf"]["salt"] = data["slots"][0]["kdf"]["salt"]
    vault.keys_path.write_text(json.dumps(data))


@pytest.mark.parametrize("change", ["iterations", "salt"])
def test_slot_with_edited_kdf_parameters_does_not_open(
    two_officer_vault: Vault, change: str
) -> None:
    _tamper_slot(two_officer_vault, change)
    with pytest.raises(WrongPassphrase):
        two_officer_vault.unlock(FIELD_ID, FIELD_PASS)


def test_slot_copied_from_another_vault_does_not_open(
    two_officer_vault: Vault, tmp_path: Path
) -> None:
    other = open_vault(tmp_path / "other")
    other.create("T100002", "Bengt Annan", FIELD_PASS, cost=TEST_COST).lock()
    foreign = json.loads(other.keys_path.read_text())["slots"][0]
    data = json.loads(two_officer_vault.keys_path.read_text())
    data["slots"] = [s for s in data["slots"] if s["officer_id"] != FIELD_ID] + [foreign]
    two_officer_vault.keys_path.write_text(json.dumps(data))
    with pytest.raises(WrongPassphrase):
        two_officer_vault.unlock(FIELD_ID, FIELD_PASS)


def test_key_file_of_another_vault_does_not_open_this_database(
    two_officer_vault: Vault, tmp_path: Path
) -> None:
    other = open_vault(tmp_path / "other")
    other.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST).lock()
    two_officer_vault.keys_path.write_bytes(other.keys_path.read_bytes())
    with pytest.raises(VaultDamaged):
        two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)


@pytest.mark.parametrize("content", [b"", b'{"format": "fieldapp-vault-keys", "ver', b"\x00" * 40])
def test_truncated_key_file_is_named_and_left_untouched(
    two_officer_vault: Vault, content: bytes
) -> None:
    two_officer_vault.keys_path.write_bytes(content)
    digest = hashlib.sha256(content).digest()
    with pytest.raises(KeyFileError) as err:
        two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    assert "vault.keys" in err.value.message
    assert hashlib.sha256(two_officer_vault.keys_path.read_bytes()).digest() == digest


def test_unknown_key_file_version_is_refused_untouched(two_officer_vault: Vault) -> None:
    data = json.loads(two_officer_vault.keys_path.read_text())
    data["version"] = 7
    raw = json.dumps(data).encode()
    two_officer_vault.keys_path.write_bytes(raw)
    with pytest.raises(KeyFileError, match="version 7"):
        two_officer_vault.officer_ids()
    assert two_officer_vault.keys_path.read_bytes() == raw


def test_idle_timeout_setting(admin_session: Session) -> None:
    assert admin_session.idle_timeout_seconds == 300
    admin_session.set_idle_timeout_seconds(120)
    assert admin_session.idle_timeout_seconds == 120
    with pytest.raises(InvalidInput) as err:
        admin_session.set_idle_timeout_seconds(5)
    assert err.value.field == "idle_timeout"
