"""Words for the core's coded reasons (``fieldapp.errors.Reason``), by code.

One table: each code maps to an English template whose ``{names}`` are the reason's
``params``; Swedish comes from the translation file like every other string. A coded
reason whose code is missing here falls back to ``ui.words.reason_text`` (the older table
of English texts), so adding a code to the core and its words here go together.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.errors import Reason
from ui.i18n import QT_TRANSLATE_NOOP

_CTX = "Problems"

PROBLEM_TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Problems", "Required."),
    "too_long": QT_TRANSLATE_NOOP("Problems", "At most {limit} characters."),
    # Station register of laptops and input caps (i14a): reasons, and KnownError codes.
    "revoke_reason": QT_TRANSLATE_NOOP("Problems", "Choose lost, stolen or retired."),
    "laptop_unknown": QT_TRANSLATE_NOOP("Problems", "No such registered laptop."),
    "input_refused": QT_TRANSLATE_NOOP("Problems", "{file} cannot be read: {reason}."),
    "input_too_large": QT_TRANSLATE_NOOP(
        "Problems", "{file} is larger than {limit_mb} MB, the limit for it; nothing was read."
    ),
    "input_not_a_file": QT_TRANSLATE_NOOP(
        "Problems", "{file} is not a regular file (a folder, device or pipe); nothing was read."
    ),
    "laptop_card_refused": QT_TRANSLATE_NOOP(
        "Problems",
        "This laptop card cannot be used: it is damaged, altered or not a laptop card. Ask "
        "the laptop's administrator for a new one.",
    ),
    "register_other_station": QT_TRANSLATE_NOOP(
        "Problems", "This laptop card was made for another station; nothing was registered."
    ),
    "register_revoked": QT_TRANSLATE_NOOP(
        "Problems",
        "This laptop was revoked; a revoked laptop is not registered again. Set it up as a "
        "new vault.",
    ),
    "register_other_vault": QT_TRANSLATE_NOOP(
        "Problems", "This laptop is registered with another vault; nothing was registered."
    ),
    # Station staff (i19): retention, review, access log
    "retention_days_range": QT_TRANSLATE_NOOP("Problems", "Between 0 and {max} days."),
    "conflict_unknown": QT_TRANSLATE_NOOP("Problems", "No open conflict has that id."),
    "conflict_ambiguous": QT_TRANSLATE_NOOP(
        "Problems", "More than one open conflict starts so; give more of the id."
    ),
    "conflict_keep_a_side": QT_TRANSLATE_NOOP(
        "Problems", "A withdrawal is settled by keeping one side."
    ),
    "conflict_value_kind": QT_TRANSLATE_NOOP("Problems", "Give a {kind}, like the two sides."),
    "conflict_keep_or_value": QT_TRANSLATE_NOOP("Problems", "Keep a side or give a value."),
    "review_state": QT_TRANSLATE_NOOP("Problems", "Received, needs attention or reviewed."),
    "operation_not_linked": QT_TRANSLATE_NOOP(
        "Problems", "That operation is not linked into another."
    ),
    "date_format": QT_TRANSLATE_NOOP("Problems", "A date as YYYY-MM-DD."),
    "date_order": QT_TRANSLATE_NOOP("Problems", "The first date comes after the last."),
    "conflict_keep_side": QT_TRANSLATE_NOOP("Problems", "Keep the current or the incoming value."),
}


def known_error_text(code: str, params: dict[str, object]) -> str | None:
    """The words for a ``KnownError``'s code and params, or None if the code has none here."""
    template = PROBLEM_TEXTS.get(code)
    if template is None:
        return None
    try:
        return QCoreApplication.translate(_CTX, template).format(**params)
    except (KeyError, IndexError):  # a template naming a param the error lacks
        return None


def coded_text(value: Reason) -> str | None:
    """The words for a coded reason in the UI language, or None if the code has none yet."""
    template = PROBLEM_TEXTS.get(value.code)
    if template is None:
        return None
    return QCoreApplication.translate(_CTX, template).format(**value.params)
