"""PDF text objects written directly: the operators ReportLab's text object writes for lines
of plain text in a TrueType font, without building one per paragraph or table cell.

A form draws a few dozen short runs of text (labels, values, headings); for each, ReportLab
creates a text object and runs its generic formatting, which costs more than the handful of
operators it writes. ``text_object`` writes the same operators from the same ``splitString``
calls, in the same order, so fonts get the same subsets and codes (the layout tests compare
the pages with ReportLab's own drawing). Beside it: ``runs_object`` for lines of plain and
bold runs, ``draw_string`` for ``drawString``, and ``fill_operator`` for a fill colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas


def fill_operator(canvas: Any, color: object) -> str | None:
    """What ``canvas.setFillColor(color)`` writes for an RGB colour whose opacity is the one
    in force (so that no graphics state is written); None for any other colour."""
    if not isinstance(color, Color) or isinstance(color, CMYKColor):
        return None
    if getattr(canvas, "_enforceColorSpace", None):
        return None
    alpha = color.alpha
    if alpha is not None:
        if canvas._extgstate.getValue("ca") != alpha:
            return None
        canvas._doc.ensureMinPdfVersion("transparency")  # as setFillAlpha does
    return f"{fp_str(color.red, color.green, color.blue)} rg"


def text_object(
    canvas: Canvas,
    font_name: str,
    size: float,
    leading: float,
    x: float,
    y: float,
    lines: Iterable[str],
    *,
    first_offset: float = 0.0,
    colour: str | None = None,
    line_end: str = " T*",
) -> str | None:
    """``BT … ET`` showing ``lines`` from (x, y) down, each ended by ``T*``, as
    ``canvas.beginText(x, y)`` with ``setFont(font_name, size, leading)`` and ``textLine``
    per line writes it; None where that would differ (not a TrueType font, a top-down
    canvas): then the caller lets ReportLab draw.

    ``first_offset`` moves the first line right and back after it, as a paragraph's lines
    clear its bullet (``setXPos`` around the line); ``colour`` is a fill operator set first
    in the text object; ``line_end=""`` shows the text as ``textOut`` does (a bullet)."""
    font = getFont(font_name)
    if not font._dynamicFont or not canvas.bottomup:
        return None
    doc = canvas._doc
    escape = canvas._escape
    setting = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
    if colour is not None:
        code.append(colour)
    subset_now = -1  # the text object's: a font is set where its first subset shows up
    # setXPos writes nothing for a move within a millionth of a point.
    moved = first_offset > 1e-6 or first_offset < -1e-6
    for number, line in enumerate(lines):
        shown = [f"{fp_str(first_offset, 0)} Td"] if moved and number == 0 else []
        for subset, codes in font.splitString(line, doc):
            if subset != subset_now:
                shown.append(f"{font.getSubsetInternalName(subset, doc)} {setting}")
                subset_now = subset
            shown.append(f"({escape(codes)}) Tj")
        code.append(" ".join(shown) + line_end)
        if moved and number == 0:
            code.append(f"{fp_str(-first_offset, 0)} Td")
    code.append("ET")
    return " ".join(code)


def draw_string(canvas: Canvas, x: float, y: float, text: str, *, right: bool = False) -> None:
    """``canvas.drawString(x, y, text)`` (``drawRightString`` if ``right``) in the canvas's
    font: the same text object, written without building one."""
    font_name, size = canvas._fontname, canvas._fontsize
    left = x - stringWidth(text, font_name, size) if right else x
    code = text_object(canvas, font_name, size, canvas._leading, left, y, [text])
    if code is not None:
        canvas._code.append(code)
    elif right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def runs_object(
    canvas: Canvas,
    leading: float,
    x: float,
    y: float,
    lines: Sequence[Sequence[tuple[str, float, str]]],
    colour: str,
) -> str | None:
    """The text object ReportLab's ``drawPara`` writes for left-aligned lines of runs
    (font name, size, text): leading and colour set once, a font set where a run changes
    it and its first subset shows up, each line ended by ``T*`` (a line break's empty run
    writes only that); None where that would differ (not TrueType, a top-down canvas)."""
    if not canvas.bottomup:
        return None
    doc = canvas._doc
    escape = canvas._escape
    code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm", f"{fp_str(leading)} TL", colour]
    current: tuple[str, float] | None = None
    font: Any = None
    setting = ""
    subset_now = -1
    for line in lines:
        last = len(line) - 1
        for number, (font_name, size, text) in enumerate(line):
            if (font_name, size) != current:
                current = (font_name, size)
                font = getFont(font_name)
                if not font._dynamicFont:
                    return None
                setting = f"{fp_str(size)} Tf {fp_str(leading)} TL"
                subset_now = -1
            shown = []
            for subset, codes in font.splitString(text, doc):
                if subset != subset_now:
                    shown.append(f"{font.getSubsetInternalName(subset, doc)} {setting}")
                    subset_now = subset
                shown.append(f"({escape(codes)}) Tj")
            code.append(" ".join(shown) + (" T*" if number == last else ""))
    code.append("ET")
    return " ".join(code)
