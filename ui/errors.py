"""Turning errors into words: known errors by code, everything else as a logged bug.

The core's ``KnownError`` carries a ``code`` and ``params`` (a refusal, its coded reasons);
the words are in ``ui.problem_texts``, translated. An exception that is not a ``KnownError``
is our bug: it is logged by type and stack only (its message may quote what the user typed)
and shown as a generic internal error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from fieldapp import logs
from fieldapp.errors import InvalidInput, KnownError, WeakPassphrase, as_reason
from fieldapp.passphrase_policy import MIN_LENGTH
from ui.i18n import translate
from ui.problem_texts import code_text, coded_text


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
        "Internal error: this could not be completed. The error has been logged in {log}; "
        "please report it.",
    ).format(log=logs.where_text())


def log_bug(exc: BaseException, where: str) -> None:
    """Log an unexpected exception by type and stack, never by message or locals."""
    logs.log_bug(exc, where)


_Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


@contextmanager
def reporting_bugs(show: Callable[[str], None]) -> Iterator[None]:
    """While the app runs, an exception that escapes a slot (Qt hands it to
    ``sys.excepthook``) is logged as code only, and ``show`` tells the user where the log
    is; the app goes on."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, Exception):
            previous(kind, exc, tb)  # KeyboardInterrupt and the like: as before
            return
        log_bug(exc.with_traceback(tb), "the desktop app")
        show(internal_error_text())

    previous: _Hook = sys.excepthook
    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous
