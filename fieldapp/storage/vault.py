"""The vault: one encrypted database and its key-slot file in a data directory.

``Vault`` is what exists before login (the key file, the officer ids, the unlock delay).
It is handed the projections it maintains (``fieldapp.composition`` builds the app's): the
storage layer keeps tables for features above it without importing them.
``Vault.unlock`` returns a ``Session`` (``fieldapp.storage.session``).

Start-up matters (the login dialog must show at once), so the database, the event log and
the session are imported when a vault is opened, not when this module is.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import paths
from fieldapp.errors import (
    BackoffActive,
    KnownError,
    NoVault,
    StorageUnavailable,
    VaultExists,
    WrongPassphrase,
)
from fieldapp.officers import check_display_name, check_officer_id
from fieldapp.passphrase_policy import check_passphrase
from fieldapp.storage.atomic import ensure_writable
from fieldapp.storage.keyslots import (
    DerivedKek,
    KdfCost,
    KeyFile,
    Slot,
    SlotOpenFailed,
    SlotSecrets,
    calibrate,
)
from fieldapp.storage.unlock_state import UnlockState

if TYPE_CHECKING:
    from fieldapp.storage.projections import Projection
    from fieldapp.storage.session import Session

Clock = Callable[[], float]


# The projections a vault maintains, as the composition root registers them: a list, or
# a function that returns one (so that their modules load when a vault opens, not at
# start-up). ``fieldapp.composition.core_projections`` is the app's.
Projections = Sequence["Projection"] | Callable[[], Sequence["Projection"]]


class Vault:
    """A vault on disk, before anyone has unlocked it."""

    def __init__(
        self,
        data_dir: Path,
        *,
        projections: Projections,
        clock: Clock = time.time,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / paths.VAULT_DB
        self.keys_path = self.data_dir / paths.VAULT_KEYS
        self._unlock_state = UnlockState(self.data_dir / paths.UNLOCK_STATE)
        self._projections = projections
        self._clock = clock

    @property
    def projections(self) -> Sequence[Projection]:
        """The projections, made anew for each open (a projection may keep state)."""
        made = self._projections
        return made() if callable(made) else made

    @property
    def clock(self) -> Clock:
        return self._clock

    def exists(self) -> bool:
        return self.keys_path.exists() or self.db_path.exists()

    def key_file(self) -> KeyFile:
        if not self.exists():
            raise NoVault(f"There is no vault in {self.data_dir}. Create one with 'fieldapp init'.")
        return KeyFile.load(self.keys_path)

    def officer_ids(self) -> list[str]:
        """The officers who can unlock this vault (for the login picker)."""
        return sorted(s.officer_id for s in self.key_file().slots)

    def backoff_remaining(self) -> float:
        return self._unlock_state.remaining(self._clock())

    # -- creation ---------------------------------------------------------------------------

    def create(
        self,
        officer_id: str,
        display_name: str,
        passphrase: str,
        *,
        cost: KdfCost | None = None,
        derived: DerivedKek | None = None,
    ) -> Session:
        """Make a new vault with ``officer_id`` as its administrator, and unlock it.
        ``derived``: the demo vault's one derivation of ``passphrase`` (and its cost)."""
        officer_id = check_officer_id(officer_id)
        display_name = check_display_name(display_name)
        check_passphrase(passphrase, personal=(officer_id, display_name))
        if self.exists():
            raise VaultExists(f"A vault already exists in {self.data_dir}.")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StorageUnavailable(
                f"Cannot create the data directory {self.data_dir}: {exc.strerror}."
            ) from None
        ensure_writable(self.data_dir)
        # Deferred for start-up time: SQLCipher and the log load once a vault opens.
        from fieldapp.storage.session import create_database, new_signing_key

        cost = derived.cost if derived is not None else cost or calibrate()
        import uuid  # Deferred for start-up time: a new vault only (it imports platform)

        keys = KeyFile(vault_id=str(uuid.uuid4()), device_id=str(uuid.uuid4()), cost=cost)
        secrets = SlotSecrets(os.urandom(32), new_signing_key())
        try:
            create_database(self.db_path, secrets.data_key, keys, self.projections)
            slot = Slot.seal(keys.vault_id, officer_id, passphrase, secrets, cost, derived=derived)
            keys = keys.with_slot(slot)
            keys.save(self.keys_path)
        except KnownError:
            self._remove_partial()
            raise
        session = self._open_session(keys, slot, secrets)
        session._enrol_self(display_name)
        return session

    def _remove_partial(self) -> None:
        # A vault that failed half-way holds nothing yet; leave no debris that blocks a retry.
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{self.db_path}{suffix}").unlink()

    # -- unlocking --------------------------------------------------------------------------

    def unlock(self, officer_id: str, passphrase: str, *, check_pages: bool = True) -> Session:
        """Open the vault as ``officer_id``. Refusals: ``BackoffActive``, ``WrongPassphrase``,
        ``KeyFileError``, ``VaultDamaged``, ``StorageUnavailable``.

        ``check_pages=False`` leaves the full page check (seconds on a large vault) to the
        caller, who runs ``Session.page_check`` after: the GUI on a thread, the CLI's
        ``verify`` in full (see the README's security section)."""
        keys = self.key_file()
        remaining = self.backoff_remaining()
        if remaining > 0:
            raise BackoffActive(remaining)
        slot = keys.slot_for(officer_id.strip())
        try:
            if slot is None:
                raise SlotOpenFailed
            secrets = slot.open(keys.vault_id, passphrase)
        except SlotOpenFailed:
            delay = self._unlock_state.record_failure(officer_id.strip(), self._clock())
            raise WrongPassphrase(delay) from None
        failures = self._unlock_state.failures()
        session = self._open_session(keys, slot, secrets, check_pages=check_pages)
        try:
            session._record_unlock(failures)
        except BaseException:
            session.lock()
            raise
        self._unlock_state.clear()
        return session

    def _open_session(
        self, keys: KeyFile, slot: Slot, secrets: SlotSecrets, *, check_pages: bool = True
    ) -> Session:
        # Deferred for start-up time: SQLCipher and the log load once a vault opens.
        from fieldapp.storage.session import open_session

        ensure_writable(self.data_dir)  # the WAL and every change need it
        return open_session(
            self,
            keys,
            slot.officer_id,
            secrets,
            self.projections,
            self._clock,
            check_pages=check_pages,
        )

    def destroy(self) -> None:
        """Delete the whole data directory (used for the throwaway demo vault)."""
        import shutil  # Deferred for start-up time: the demo's throwaway vault only

        shutil.rmtree(self.data_dir, ignore_errors=True)
