"""Turning errors into words: known errors by code, everything else as a logged bug.

The core's ``KnownError`` carries a ``code`` (and for some a ``reason`` or ``field``);
the words live here, translated. An exception that is not a ``KnownError`` is our bug: it
is logged by type and stack only (its message may quote what the user typed) and shown
as a generic internal error.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fieldapp.errors import BackoffActive, KnownError, WeakPassphrase, whole_seconds
from fieldapp.passphrase_policy import MIN_LENGTH
from ui.problem_texts import known_error_text

_log = logging.getLogger(__name__)
# Named ``translate`` so that pyside6-lupdate finds the strings.
translate = QCoreApplication.translate


def weakness_text(reason: str) -> str:
    """Why the passphrase policy refused a passphrase (``WeakPassphrase.reason``)."""
    texts = {
        "too_short": translate("Errors", "Use at least {count} characters.").format(
            count=MIN_LENGTH
        ),
        "repetitive": translate("Errors", "Too few different characters."),
        "sequence": translate("Errors", "A keyboard or number run is easy to guess."),
        "common": translate("Errors", "Built on a common word: easy to guess."),
        "personal": translate("Errors", "Must not contain your officer id or name."),
    }
    return texts.get(reason, translate("Errors", "This passphrase is not accepted."))


def _invalid_input_text(field: str | None) -> str:
    texts = {
        "officer_id": translate(
            "Errors", "Use 2–32 letters, digits, '.', '_' or '-' (your service id)."
        ),
        "display_name": translate("Errors", "Enter a name of at most 80 characters."),
        "passphrase": translate("Errors", "The new passphrase must differ from the current one."),
        "role": translate("Errors", "Choose one of the listed roles."),
        "idle_timeout": translate(
            "Errors", "Choose a lock time between 30 seconds and 60 minutes."
        ),
    }
    return texts.get(field or "", translate("Errors", "The value was not accepted."))


def error_text(exc: KnownError) -> str:
    """A ``KnownError`` in plain words of the UI language."""
    if isinstance(exc, WeakPassphrase):
        return weakness_text(exc.reason)
    if isinstance(exc, BackoffActive):
        return translate(
            "Errors", "Too many failed attempts. Wait {seconds} s and try again."
        ).format(seconds=whole_seconds(exc.remaining_seconds))
    if exc.code == "invalid_input":
        return _invalid_input_text(exc.field)
    texts = {
        "wrong_passphrase": translate("Errors", "Wrong officer id or passphrase."),
        "wrong_card_key_passphrase": translate(
            "Errors", "Wrong passphrase for the station card key."
        ),
        "key_file_error": translate(
            "Errors",
            "The key file (vault.keys) is damaged, missing or of an unknown version, so the "
            "vault cannot be opened. Nothing has been changed. Contact your administrator: "
            "the station can restore access.",
        ),
        "vault_damaged": translate(
            "Errors",
            "The vault database (vault.db) is damaged or does not belong to this key file. "
            "Nothing has been changed. Contact your administrator.",
        ),
        "vault_exists": translate("Errors", "A vault already exists in this folder."),
        "no_vault": translate("Errors", "There is no vault in this folder yet."),
        "storage_unavailable": translate(
            "Errors",
            "The disk refused to save (full, read-only or no permission). Nothing was saved.",
        ),
        "unsupported_build": translate(
            "Errors", "This installation lacks the encryption library. Reinstall the application."
        ),
        "not_permitted": translate("Errors", "Your role does not permit this."),
        "session_locked": translate("Errors", "The vault is locked. Unlock it to continue."),
    }
    if exc.code in texts:
        return texts[exc.code]
    # A code added to the core before it got words here: its English message beats nothing.
    return known_error_text(exc.code, exc.params) or exc.message


def internal_error_text() -> str:
    return translate(
        "Errors",
        "Internal error: this could not be completed. The error has been logged; please report it.",
    )


def log_bug(exc: BaseException, where: str) -> None:
    """Log an unexpected exception by type and stack, never by message or locals."""
    frames = traceback.extract_tb(exc.__traceback__)
    stack = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    _log.error("bug in %s: %s at %s", where, type(exc).__qualname__, stack or "?")
