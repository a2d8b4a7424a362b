"""PDF text objects written directly: the operators ReportLab's text object writes for lines
of plain text in a TrueType font, without building one per paragraph or table cell.

A form draws a few dozen short runs of text (labels, values, headings); for each, ReportLab
creates a text object and runs its generic formatting, which costs more than the handful of
operators it writes. ``text_object`` writes the same operators from the same ``splitString``
calls, in the same order, so fonts get the same subsets and codes (the layout tests compare
the pages with ReportLab's own drawing).
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas


def text_object(
    canvas: Canvas,
    font_name: str,
    size: float,
    leading: float,
    x: float,
    y: float,
    lines: Iterable[str],
) -> str | None:
    """``BT … ET`` showing ``lines`` from (x, y) down, each ended by ``T*``, as
    ``canvas.beginText(x, y)`` with ``setFont(font_name, size, leading)`` and ``textLine``
    per line writes it; None where that would differ (not a TrueType font, a top-down
    canvas): then the caller lets ReportLab draw."""
    font = getFont(font_name)
    if not font._dynamicFont or not canvas.bottomup:
        return None
    doc = canvas._doc
    escape = canvas._escape
    setting = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
    subset_now = -1  # the text object's: a font is set where its first subset shows up
    for line in lines:
        shown = []
        for subset, codes in font.splitString(line, doc):
            if subset != subset_now:
                shown.append(f"{font.getSubsetInternalName(subset, doc)} {setting}")
                subset_now = subset
            shown.append(f"({escape(codes)}) Tj")
        code.append(" ".join(shown) + " T*")
    code.append("ET")
    return " ".join(code)
