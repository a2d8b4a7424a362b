"""Errors a user can cause or meet (``KnownError``) versus our own bugs (everything else).

A ``KnownError`` carries a ``code`` (and ``params``) that ``ui`` turns into words and a plain
English ``message`` for the CLI and logs. A refused value's reason is a ``Reason``: English
text that also carries a stable code and its parameters, so the UI looks its words up by
code and never matches English text. Messages never contain personal data.
"""

from __future__ import annotations

import math
from typing import Any


class Reason(str):
    """Why a value was refused: the English text (for the CLI and logs) *is* the string;
    ``code`` and ``params`` are what the UI translates (``ui.problem_texts``).

    A ``str`` subclass so that the ``(field, reason)`` pairs of ``InvalidInput.problems``
    read as before everywhere; ``coded(code, text, **params)`` makes one.
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, text: str, params: dict[str, Any] | None = None) -> Reason:
        obj = super().__new__(cls, text)
        obj.code = code
        obj.params = dict(params or {})
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled across the second process: rebuild with the code, not str's own protocol.
        return (Reason, (self.code, str(self), self.params))


def coded(code: str, text: str, **params: Any) -> Reason:
    """A coded reason: ``coded("too_long", f"at most {n} characters.", limit=n)``."""
    return Reason(code, text, params)


def as_reason(text: str) -> Reason:
    """``text`` as a reason: itself when coded, else under the generic "invalid_input"."""
    return text if isinstance(text, Reason) else Reason("invalid_input", text)


class KnownError(Exception):
    """A refusal or a fault in the environment, shown to the user as a clear message.

    A subclass names one kind of fault by its class ``code``; a plain ``KnownError`` (or a
    subclass with several meanings) is given a ``Reason`` as its message, whose code and
    parameters it takes: ``KnownError(coded("receipt_unreadable", "Not a receipt."))``.
    """

    code = "known_error"
    # Values the UI's words for ``code`` may use (counts, line numbers; never personal data).
    params: dict[str, Any] = {}  # noqa: RUF012 - read-only default, replaced per instance

    def __init__(
        self, message: str, *, field: str | None = None, params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        self.field = field
        if isinstance(message, Reason):
            self.code = message.code
            self.params = dict(message.params)
        if params:
            self.params = dict(params)

    def to_reason(self) -> Reason:
        """This error as a coded reason: its English message, code and parameters."""
        return Reason(self.code, self.message, self.params)


def whole_seconds(seconds: float) -> int:
    """A delay as whole seconds to wait, rounded up: never "0 s" while one is running."""
    return max(1, math.ceil(seconds))


class WrongPassphrase(KnownError):
    """The passphrase does not open this officer's key slot."""

    code = "wrong_passphrase"

    def __init__(self, delay_seconds: float) -> None:
        wait = f" Next attempt possible in {whole_seconds(delay_seconds)} s." * bool(delay_seconds)
        super().__init__(
            "Wrong officer or passphrase." + wait,
            params={"delay": whole_seconds(delay_seconds) if delay_seconds else 0},
        )
        self.delay_seconds = delay_seconds


class BackoffActive(KnownError):
    """Too many failed unlocks: the next attempt must wait."""

    code = "backoff_active"

    def __init__(self, remaining_seconds: float) -> None:
        super().__init__(
            f"Too many failed attempts. Wait {whole_seconds(remaining_seconds)} s before trying "
            "again.",
            params={"seconds": whole_seconds(remaining_seconds)},
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
    as ``(field path, reason)`` pairs. A single refusal may be given as a coded message
    alone: ``InvalidInput(coded(...), field="buyer_id")`` lists it as its one problem."""

    code = "invalid_input"

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        problems: tuple[tuple[str, Reason], ...] = (),
    ) -> None:
        # The code stays "invalid_input": a coded message is a problem, not the error's kind.
        super().__init__(str(message), field=field)
        if problems:
            self.problems = problems
        elif field or isinstance(message, Reason):
            self.problems = ((field or "", as_reason(message)),)
        else:
            self.problems = ()


class SessionLocked(KnownError):
    """The session was locked; unlock again to continue."""

    code = "session_locked"
