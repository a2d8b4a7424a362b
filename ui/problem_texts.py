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
}


def coded_text(value: Reason) -> str | None:
    """The words for a coded reason in the UI language, or None if the code has none yet."""
    template = PROBLEM_TEXTS.get(value.code)
    if template is None:
        return None
    return QCoreApplication.translate(_CTX, template).format(**value.params)
