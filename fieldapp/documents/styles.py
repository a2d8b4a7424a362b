"""Paragraph and table styles shared by every document: one body font, a few sizes, muted
labels, and tables whose cells are paragraphs so that any value wraps inside its column."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus import Paragraph as _RLParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.rl_config import _FUZZ, paraFontSizeHeightOffset

from fieldapp.documents.field_rows import CellLook, FieldRows
from fieldapp.documents.fonts import BODY, BOLD, register_fonts
from fieldapp.documents.line_breaks import plain_lines, run_lines
from fieldapp.documents.text import markup
from fieldapp.documents.text_object import fill_operator, runs_object, text_object

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")
ACCENT = colors.HexColor("#1f3a5f")
WARN_INK = colors.HexColor("#9a3b00")  # the frame of a mark a reader must notice


class Paragraph(_RLParagraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ReportLab paragraph that lays its lines out once per width.

    Layout asks a paragraph for its size several times at the same width: a heading kept
    with the next flowable is measured inside a ``KeepTogether`` and again when placed, a
    table measures its cells for every split, and a block that moves to the next page is
    measured on both. Breaking lines is most of a form's layout time, and the answer only
    depends on the width (the text and style never change after construction)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # ``split`` deletes ``blPara`` when the paragraph cannot start in the space left:
        # then the lines are broken anew.
        if getattr(self, "_wrapped_at", None) == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        self._wrapped_at = None
        width, height = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # below it nothing was laid out
            self._wrapped_at = availWidth
        return width, height

    def breakLines(self, width: Any) -> Any:
        # One plain run of text, or runs of plain and bold text with line breaks, are broken
        # without ReportLab's general loop (line_breaks).
        lines = plain_lines(self, width)
        if lines is None:
            lines = run_lines(self, width)
        return super().breakLines(width) if lines is None else lines

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        """``Flowable.drawOn`` writes ``q``, a translation, the paragraph and ``Q``; for the
        lines ``_plain_text_code`` draws, the same operators are written here without the
        canvas saving and restoring its state twice (once here, once in ``drawPara``) and
        tracking the translation: that bookkeeping cost more than the text itself, on
        every heading, label and line of a form."""
        x = self._hAlignAdjust(x, _sW)
        code = None
        if hasattr(self, "blPara") and not getattr(self, "_showBoundary", None):
            self.canv = canvas
            try:
                code = _plain_text_code(self)
            finally:
                del self.canv
        if code is None:
            super().drawOn(canvas, x, y)
            return
        canvas._code.extend(("q", f"{fp_str(1, 0, 0, 1, x, y)} cm", "q", *code, "Q", "Q"))

    def drawPara(self, debug: int = 0) -> None:
        code = None if debug else _plain_text_code(self)
        if code is None:
            super().drawPara(debug)
            return
        self.canv._code.extend(("q", *code, "Q"))


def _plain_text_code(paragraph: Paragraph) -> list[str] | None:
    """What ``Paragraph.drawPara`` writes between its ``q`` and ``Q`` for lines of one run
    of plain text, left-aligned, in a TrueType font, with or without a bullet: the
    bullet's text object, the colour and the text object; None for anything else
    (ReportLab draws it).

    ReportLab builds a text object and runs its generic line drawing for each paragraph;
    for these (headings, labels, most of a form's text) that is overhead around the text
    it writes (about 0.5 ms of a form's build): ``text_object`` writes the same operators
    (a test compares the pages)."""
    para_lines = paragraph.blPara
    style = paragraph.style
    if (
        para_lines.kind not in (0, 1)
        or not para_lines.lines
        or style.alignment != TA_LEFT
        or (paragraph.bulletText and not isinstance(paragraph.bulletText, str))
        or style.backColor
        or (style.borderColor and style.borderWidth)
        or style.firstLineIndent
        or style.wordWrap
        or style.endDots
        or hasattr(paragraph, "_offsets")
        or getattr(paragraph, "autoLeading", getattr(style, "autoLeading", ""))
        not in ("", "off", None)
        or getattr(paragraph.canv, "_enforceColorSpace", None)
    ):
        return None
    if para_lines.kind == 1:
        return _runs_code(paragraph)
    if getattr(para_lines, "us_lines", None) or getattr(para_lines, "link", None):
        return None
    # A line that only fits by shrinking its spaces is drawn with word spacing: ReportLab's.
    if any(extra <= -1e-8 for extra, _ in para_lines.lines):
        return None
    canvas = paragraph.canv
    fill = fill_operator(canvas, para_lines.textColor)
    if fill is None:
        return None
    if paraFontSizeHeightOffset:
        y = paragraph.height - para_lines.fontSize
    else:
        y = paragraph.height - getattr(para_lines, "ascent", para_lines.fontSize)
    ops = [fill]
    offset = 0.0
    if paragraph.bulletText:
        bullet = _bullet_code(paragraph, y)
        if bullet is None:
            return None
        bullet_code, offset = bullet
        ops.insert(0, bullet_code)
    code = text_object(
        canvas,
        para_lines.fontName,
        para_lines.fontSize,
        style.leading,
        style.leftIndent,
        y,
        [" ".join(words) for _, words in para_lines.lines],
        first_offset=offset,
    )
    if code is None:
        return None
    ops.append(code)
    return ops


def _runs_code(paragraph: Paragraph) -> list[str] | None:
    """What ``drawPara`` writes for lines of runs (plain and bold text, line breaks: the
    form's assessment and penalty), each run in one colour and a TrueType font, with no
    bullet, link, underline, rise or background; None for anything else."""
    para_lines = paragraph.blPara
    if paragraph.bulletText or paragraph.style.shaping:  # shaped text: ReportLab's
        return None
    lines = para_lines.lines
    colour = None
    for line in lines:
        # A line that only fits by shrinking its spaces is drawn with word spacing.
        if line.extraSpace <= -1e-8:
            return None
        for run in line.words:
            if (
                type(run.text) is not str  # a shaped string is drawn otherwise
                or hasattr(run, "cbDefn")
                or run.rise
                or run.link
                or run.us_lines
                or getattr(run, "backColor", None)
                or (colour is not None and run.textColor != colour)
            ):
                return None
            colour = run.textColor
    fill = fill_operator(paragraph.canv, colour)
    if fill is None:
        return None
    first = lines[0]
    if paraFontSizeHeightOffset:
        y = paragraph.height - first.fontSize
    else:
        y = paragraph.height - getattr(first, "ascent", first.fontSize)
    code = runs_object(
        paragraph.canv,
        paragraph.style.leading,
        paragraph.style.leftIndent,
        y,
        [[(run.fontName, run.fontSize, run.text) for run in line.words] for line in lines],
        fill,
    )
    return None if code is None else [code]


def _bullet_code(paragraph: Paragraph, y: float) -> tuple[str, float] | None:
    """The bullet's text object as ReportLab's ``_drawBullet`` writes it (a string bullet at
    the start of the first line), and how far the first line moves right to clear it."""
    style = paragraph.style
    if style.bulletAnchor != "start" or getattr(style, "bulletOffsetY", 0):
        return None
    fill = fill_operator(paragraph.canv, getattr(style, "bulletColor", style.textColor))
    if fill is None:
        return None
    text = paragraph.bulletText
    size = style.bulletFontSize
    x = style.bulletIndent  # a bullet anchored at its start is not measured back
    code = text_object(
        paragraph.canv,
        style.bulletFontName,
        size,
        size * 1.2,
        x,
        y,
        [text],
        colour=fill,
        line_end="",
    )
    if code is None:
        return None
    end = x + stringWidth(text, style.bulletFontName, size) + size * 0.6
    return code, max(0, end - style.leftIndent)


def styles(shaped: bool = False) -> dict[str, ParagraphStyle]:
    """The named styles; ``shaped`` for scripts that need OpenType shaping (Thai)."""
    return _shaped_styles() if shaped else _styles()


@cache
def _shaped_styles() -> dict[str, ParagraphStyle]:
    out = {}
    for name, style in _styles().items():
        copy = ParagraphStyle(f"{name}_shaped", parent=style)
        copy.shaping = 1
        out[name] = copy
    return out


@cache
def _styles() -> dict[str, ParagraphStyle]:
    """Fonts are registered first, as every style refers to them."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=BODY,
        bulletFontName=BODY,  # the default bullet font is Helvetica, never embedded
        fontSize=9.5,
        leading=12.5,
        textColor=INK,
        spaceAfter=3,
    )
    return {
        "body": body,
        "large": ParagraphStyle("large", parent=body, fontSize=10.5, leading=13.5, spaceAfter=4),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=body, fontName=BOLD, fontSize=8.5, leading=10.5, spaceAfter=0
        ),
        "header": ParagraphStyle(
            "header", parent=body, fontSize=8.5, leading=10, textColor=MUTED, spaceAfter=0
        ),
        "label": ParagraphStyle(
            "label", parent=body, fontSize=8.5, leading=10.5, textColor=MUTED, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2,
            textColor=ACCENT,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=10, leading=13, textColor=MUTED, spaceAfter=8
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=8,
            spaceAfter=4, textColor=ACCENT, keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=6,
            spaceAfter=2, keepWithNext=1,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=2
        ),
        "large_bullet": ParagraphStyle(
            "large_bullet", parent=body, fontSize=10.5, leading=13.5, leftIndent=14,
            bulletIndent=2, spaceAfter=3,
        ),
    }  # fmt: skip


def para(value: object, style: str = "body", *, shaped: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped; Thai in the Thai font, bold in a bold style)."""
    chosen = styles(shaped)[style]
    strong = chosen.fontName == BOLD
    text = markup(value, shaped=shaped, strong=strong)
    return markup_paragraph(f"<b>{text}</b>" if strong else text, style, shaped, strong)


def rich(markup_text: str, style: str = "body", *, shaped: bool = False) -> Paragraph:
    """A paragraph of markup the caller built from ``text.markup`` pieces."""
    chosen = styles(shaped)[style]
    cleaned = cleanBlockQuotedText(markup_text)  # what the paragraph does before parsing
    frags = _bold_runs(cleaned, style, shaped)
    if frags is None:
        return Paragraph(markup_text, chosen)
    return Paragraph(cleaned, chosen, frags=frags)


# The only tags ``_bold_runs`` takes apart: bold runs and line breaks.
_BOLD_RUN_TAGS = re.compile(r"(<b>|</b>|<br/>)")


def _bold_runs(cleaned: str, style: str, shaped: bool) -> list[Any] | None:
    """The parser's fragments for plain text with ``<b>`` runs and ``<br/>`` breaks (a form's
    verdict, penalty and total), or None for any other markup (Thai font runs, entities).

    Each fragment is copied from the ones the parser made once for the style, as
    ``markup_paragraph`` does for a single plain run: the parser was most of building these
    paragraphs."""
    plain, strong, line_break = _run_fragments(style, shaped)
    frags = []
    in_bold = False
    for piece in _BOLD_RUN_TAGS.split(cleaned):
        if piece == "<b>" or piece == "</b>":
            if in_bold == (piece == "<b>"):  # nested or stray: the parser's business
                return None
            in_bold = not in_bold
        elif piece == "<br/>":
            frags.append(line_break.clone(link=[], us_lines=[]))
        elif _PARSED.search(piece):
            return None
        elif piece:
            frags.append((strong if in_bold else plain).clone(text=piece, link=[], us_lines=[]))
    return frags if frags and not in_bold else None


@cache
def _run_fragments(style: str, shaped: bool) -> tuple[Any, Any, Any]:
    """The parser's fragments for a plain run, a bold run and a line break in ``style``
    (sample text only, replaced on every use)."""
    plain, strong, line_break, _ = _RLParagraph("x<b>x</b><br/>x", styles(shaped)[style]).frags
    return plain, strong, line_break


def bullet(value: object, style: str = "bullet", *, shaped: bool = False) -> Paragraph:
    """A bulleted paragraph of plain text."""
    return markup_paragraph(markup(value, shaped=shaped), style, shaped, bullet="•")


# What only the markup parser handles: tags and entities (escaping turns < > & into them).
_PARSED = re.compile(r"[<>&]")


def markup_paragraph(
    source: str,
    style: str,
    shaped: bool = False,
    strong: bool = False,
    bullet: str | None = None,
) -> Paragraph:
    """``Paragraph(source, style)``, without running the markup parser over plain text
    (``strong``: ``source`` is ``<b>…</b>`` around it).

    The parser (``html.parser`` underneath) was a tenth of a form's build time, and most
    paragraphs are one run of plain text in one style: for those it makes a single fragment
    that differs from the style's only in its text. That fragment is copied from one the
    parser made once for the style, and given the text the parser would have given it."""
    chosen = styles(shaped)[style]
    cleaned = cleanBlockQuotedText(source)  # what the paragraph does before parsing
    text = cleaned[len("<b>") : -len("</b>")] if strong else cleaned
    if not text or _PARSED.search(text):
        return Paragraph(source, chosen, bulletText=bullet)
    frag = _plain_fragment(style, shaped, strong).clone(text=text, link=[], us_lines=[])
    return Paragraph(cleaned, chosen, bulletText=bullet, frags=[frag])


@cache
def _plain_fragment(style: str, shaped: bool, strong: bool) -> Any:
    """The parser's fragment for a plain run of text in ``style`` (bold or not): a style's
    fonts and colours, no personal data (the sample text is replaced on every use)."""
    sample = _RLParagraph("<b>x</b>" if strong else "x", styles(shaped)[style])
    (fragment,) = sample.frags
    return fragment


# Table cells that hold plain strings (even empty ones) are set in the table's own font,
# Helvetica unless told otherwise: a standard-14 font that would not be embedded.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), BODY)


def warning_box(content: Flowable, width: float) -> Table:
    """A framed mark a reader must notice ("not reviewed", "example", "keep it safe")."""
    box = Table([[content]], colWidths=[width])
    box.setStyle(
        [
            TABLE_FONT,
            ("BOX", (0, 0), (-1, -1), 1.2, WARN_INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return box


def grid_style(*, header: bool = True, zebra: bool = False) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    if zebra:
        commands.append(
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f7f7")])
        )
    return TableStyle(commands)


_PADDING = 3  # the grid's left and right cell padding, points
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _fits(value: object, font: str, size: float, width: float) -> bool:
    """A one-line plain value that fits its column needs no paragraph: a table draws a
    string directly, which costs a fraction of laying a paragraph out (forms and reports
    hold hundreds of such cells). Thai needs the paragraph's font switching and shaping."""
    text = str(value)
    return (
        "\n" not in text
        and not _THAI.search(text)
        and stringWidth(text, font, size) <= width - 2 * _PADDING - 0.5
    )


def cell(value: Flowable | str, style: str, column_width: float) -> Flowable | str:
    """``value`` as a table cell set like a paragraph of ``style``: the plain string when it
    fits on one line (the table must then carry ``cell_style`` for its column)."""
    if isinstance(value, Flowable):
        return value
    chosen = styles()[style]
    if _fits(value, chosen.fontName, chosen.fontSize, column_width):
        return value
    return para(value, style)


def cell_style(column: int, style: str) -> list[tuple[object, ...]]:
    """How a plain string in ``column`` looks like a paragraph of ``style``."""
    chosen = styles()[style]
    return [
        ("FONTNAME", (column, 0), (column, -1), chosen.fontName),
        ("FONTSIZE", (column, 0), (column, -1), chosen.fontSize),
        ("LEADING", (column, 0), (column, -1), chosen.leading),
        ("TEXTCOLOR", (column, 0), (column, -1), chosen.textColor),
    ]


def field_table(
    rows: Sequence[tuple[str, Flowable | str]], width: float, label_width: float = 42 * mm
) -> Flowable:
    """Label / value rows, e.g. the suspect's identity. Values wrap within their column.

    Drawn as a ``grid_style(header=False)`` table with ``cell_style`` columns would be, by
    the lighter ``FieldRows``."""
    value_width = width - label_width
    data = [
        [cell(label, "label", label_width), cell(value, "cell", value_width)]
        for label, value in rows
    ]
    return FieldRows(data, (label_width, value_width), (_look("label"), _look("cell")), RULE)


def _look(style: str) -> CellLook:
    chosen = styles()[style]
    return CellLook(chosen.fontName, chosen.fontSize, chosen.leading, chosen.textColor)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    zebra: bool = True,
) -> Table:
    """A table with a header row repeated on each page; plain strings become paragraphs."""
    data: list[list[Flowable]] = [[para(h, "cell_bold") for h in header]]
    data += [[c if isinstance(c, Flowable) else para(c, "cell") for c in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(grid_style(zebra=zebra))
    return table
