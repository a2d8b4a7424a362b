"""Turning errors into words: known errors by code, everything else as a logged bug.

The core's ``KnownError`` carries a ``code`` and ``params`` (a refusal, its coded reasons);
the words are in ``ui.problem_texts``, translated. An exception that is not a ``KnownError``
is our bug: it is logged by type and stack only (its message may quote what the user typed)
and shown as a generic internal error.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from fieldapp.errors import InvalidInput, KnownError, WeakPassphrase, as_reason
from fieldapp.passphrase_policy import MIN_LENGTH
from ui.i18n import translate
from ui.problem_texts import code_text, coded_text

_log = logging.getLogger(__name__)


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


def error_text(exc: KnownError) -> str:
    """A ``KnownError`` in plain words of the UI language, by its code and parameters; a
    refusal by the codes of its reasons."""
    if isinstance(exc, WeakPassphrase):
        return weakness_text(exc.reason)
    if isinstance(exc, InvalidInput) and exc.problems:
        return " ".join(dict.fromkeys(coded_text(as_reason(r)) for _, r in exc.problems))
    return code_text(exc.code, exc.params)


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
