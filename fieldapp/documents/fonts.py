"""The fonts every document uses, embedded from ``resources/fonts`` so that a machine with
no fonts installed prints the same pages, in every script the leaflets ship.

DejaVu Sans covers Latin (with Romanian ș/ț and Swedish å/ä/ö), Cyrillic and the symbols
we use; Noto Sans Thai covers Thai only, so Thai runs are switched to it by ``text.markup``.
ReportLab embeds a subset of each TrueType font it uses: never one of the standard 14
PDF fonts, which a viewer would substitute with whatever it has.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp.paths import resource

BODY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
THAI = "NotoSansThai"
THAI_BOLD = "NotoSansThai-Bold"

_FILES = {
    BODY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    THAI: "NotoSansThai-Regular.ttf",
    THAI_BOLD: "NotoSansThai-Bold.ttf",
}


# ReportLab draws a no-break space as a space.
NBSP = "\u00a0"


class TrueTypeFont(TTFont):  # type: ignore[misc]  # ReportLab ships no type hints
    """A TrueType font whose text, once its characters have their codes in the document's
    first subset, becomes those codes without ReportLab's loop over each character.

    ``splitString`` runs for every run of text drawn (a form's paragraphs, cells and page
    marks) and its loop was the largest single item of a form's build. The loop assigns a
    code to each character seen for the first time in a document; for text whose
    characters all have one, below 256, it only looks them up, which ``map`` does at C
    speed. Anything else (a new character, a glyph the font lacks, a second subset) goes
    the original way, so the bytes and the document's codes are the same in every case."""

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state = self.state.get(doc)
        if state is not None and isinstance(text, str) and text:
            try:
                codes = bytes(map(state.assignments.__getitem__, map(ord, text.replace(NBSP, " "))))
            except (KeyError, ValueError):  # not assigned yet, or a code of a later subset
                pass
            else:
                return [(0, codes)]
        result: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return result


@cache
def register_fonts() -> None:
    """Load the fonts once per process (parsing a TrueType file costs tens of ms)."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TrueTypeFont(name, str(resource("fonts", filename))))
    # <b> in a paragraph looks the bold face up through these mappings; there is no italic
    # face shipped, so italic maps to upright rather than falling back to Helvetica.
    _no_discretionary_ligatures()
    # The graphics renderer starts every drawing in its default font before any label picks
    # its own; left as Helvetica, a chart would pull in a non-embedded standard-14 font.
    shapes.STATE_DEFAULTS["fontName"] = BODY
    for family, bold in ((BODY, BOLD), (THAI, THAI_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)


def _no_discretionary_ligatures() -> None:
    """ReportLab shapes with ``dlig`` on, and DejaVu's discretionary "st" ligature turns
    "Västmanland" into a decorative glyph nobody expects on a leaflet. Shaping is only on
    for Thai, where the marks need it; kerning and standard ligatures stay."""
    defaults = getattr(ttfonts.shapeFragWord, "__defaults__", None)
    if defaults and isinstance(defaults[0], dict):
        defaults[0]["dlig"] = False
