"""Errors a user can cause or meet (``KnownError``) versus our own bugs (everything else).

A ``KnownError`` carries a ``code`` that ``ui`` turns into words and a plain English
``message`` for the CLI and logs. Messages never contain personal data.
"""

from __future__ import annotations


class KnownError(Exception):
    """A refusal or a fault in the environment, shown to the user as a clear message."""

    code = "known_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class WrongPassphrase(KnownError):
    """The passphrase does not open this officer's key slot."""

    code = "wrong_passphrase"

    def __init__(self, delay_seconds: float) -> None:
        super().__init__(
            "Wrong officer or passphrase."
            + (f" Next attempt possible in {delay_seconds:.0f} s." if delay_seconds else "")
        )
        self.delay_seconds = delay_seconds


class BackoffActive(KnownError):
    """Too many failed unlocks: the next attempt must wait."""

    code = "backoff_active"

    def __init__(self, remaining_seconds: float) -> None:
        super().__init__(
            f"Too many failed attempts. Wait {remaining_seconds:.0f} s before trying again."
        )
        self.remaining_seconds = remaining_seconds


class KeyFileError(KnownError):
    """``vault.keys`` is missing, truncated, of an unknown version or tampered with."""

    code = "key_file_error"


class VaultDamaged(KnownError):
    """``vault.db`` cannot be read with its key: damaged, tampered with, or not this vault's."""

    code = "vault_damaged"


class VaultExists(KnownError):
    """A vault already exists where a new one was to be created."""

    code = "vault_exists"


class NoVault(KnownError):
    """There is no vault in the data directory."""

    code = "no_vault"


class StorageUnavailable(KnownError):
    """The disk refused a write: full, read-only or not permitted. Nothing was committed."""

    code = "storage_unavailable"


class UnsupportedBuild(KnownError):
    """The SQLite library in use lacks SQLCipher or FTS5."""

    code = "unsupported_build"


class WeakPassphrase(KnownError):
    """A new passphrase was refused by the passphrase policy."""

    code = "weak_passphrase"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message, field="passphrase")
        self.reason = reason


class NotPermitted(KnownError):
    """The logged-in officer's role does not allow this."""

    code = "not_permitted"


class InvalidInput(KnownError):
    """One or more values were refused; ``field`` names the first, ``problems`` lists all
    as ``(field path, reason)`` pairs."""

    code = "invalid_input"

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        problems: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message, field=field)
        if problems:
            self.problems = problems
        elif field:
            self.problems = ((field, message),)
        else:
            self.problems = ()


class SessionLocked(KnownError):
    """The session was locked; unlock again to continue."""

    code = "session_locked"
