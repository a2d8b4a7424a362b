"""The page every document is printed on: A4, a running header with the document's title and
what it concerns, and a footer with "page n / N", the short hash of the record's last event
and a QR code carrying the same (``stamp``).

"N" is only known when the last page is laid out, so the canvas holds each finished page back
and draws the page marks on all of them when the document is saved.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from fieldapp import APP_NAME
from fieldapp.documents.fonts import BODY, BOLD, register_fonts
from fieldapp.documents.pdf_writing import quick_fonts, quick_page_streams
from fieldapp.documents.qr import draw_path, matrix_path, qr_matrix
from fieldapp.documents.stamp import Stamp
from fieldapp.documents.styles import MUTED, RULE, Paragraph, markup_paragraph, styles
from fieldapp.documents.text import bold, markup
from fieldapp.documents.text_object import draw_string

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 30 * mm
# Papers for the public carry no stamp and no QR code, so their footer needs less room: the
# space goes to the text (a leaflet must fit on its one page).
MARGIN_BOTTOM_PLAIN = 22 * mm
QR_SIZE = 19 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


@dataclass(frozen=True)
class PageSetup:
    """What the header and footer of every page say.

    ``stamp`` is None for papers handed to the public (leaflets, the hotel sheet): they must
    not carry a police case reference that could expose the person holding them.
    """

    title: str
    stamp: Stamp | None = None
    footer_note: str = ""
    page_word: str = "Sida"
    language: str = "sv"


def build_pdf(setup: PageSetup, story: Sequence[Flowable], *, subject: str = "") -> bytes:
    """Lay ``story`` out on A4 pages with the shared header and footer; the PDF's bytes.

    ``setup.title`` and ``subject`` go into the PDF's metadata: they name the kind of
    document, never a person (no name, personal number or address)."""
    register_fonts()
    out = io.BytesIO()
    bottom = MARGIN_BOTTOM if setup.stamp is not None else MARGIN_BOTTOM_PLAIN
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=bottom,
        title=setup.title,
        author=APP_NAME,
        creator=APP_NAME,
        subject=subject,
        lang=setup.language,
    )
    frame = _Frame(MARGIN_X, bottom, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - bottom, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=_canvas_class(setup))
    return out.getvalue()


class _Frame(Frame):  # type: ignore[misc]  # ReportLab ships no type hints
    """A frame that is deep-copied without ``copy.deepcopy`` visiting each of its numbers.

    ReportLab measures a block kept together (``KeepTogether``, a heading kept with the
    next paragraph) on a deep copy of the frame, nine times for a form: the generic copy
    walked the frame's two dozen attributes one by one each time. Numbers and strings are
    immutable, so sharing them is what ``deepcopy`` does too; anything else (the list of
    frame backgrounds) is still copied deeply."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Frame:
        clone = copy.copy(self)
        for name, value in self.__dict__.items():
            if not isinstance(value, _IMMUTABLE):
                setattr(clone, name, copy.deepcopy(value, memo))
        return clone


_IMMUTABLE = (int, float, str, bool, type(None))


def _canvas_class(setup: PageSetup) -> type[Canvas]:
    # The stamp's code is the same on every page: encoded (and turned into the operators that
    # draw it) once per document, kept nowhere.
    qr = ""
    if setup.stamp is not None:
        qr = matrix_path(qr_matrix(setup.stamp.qr_payload()), _QR_X, _QR_Y, QR_SIZE)

    class _PageMarksCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
        """Keeps every page until ``save`` so each can say how many pages there are."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page starts in Helvetica, a standard-14 font that is never
            # embedded, even where no text uses it.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or BODY
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            # The running title and the footer note are the same on every page: laid out
            # for the first and drawn again on the others.
            same: dict[str, tuple[Paragraph, float]] = {}
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _draw_marks(self, setup, number, total, qr, same)
                Canvas.showPage(self)
            quick_page_streams(self._doc)
            quick_fonts(self._doc)
            Canvas.save(self)

    return _PageMarksCanvas


_FOOTER_BOTTOM = 10 * mm
_QR_X = PAGE_WIDTH - MARGIN_X - QR_SIZE
_QR_Y = _FOOTER_BOTTOM


def _draw_marks(
    canvas: Canvas,
    setup: PageSetup,
    number: int,
    total: int,
    qr: str,
    same: dict[str, tuple[Paragraph, float]],
) -> None:
    """Header and footer of page ``number``; ``same`` keeps the paragraphs every page
    shows, laid out once per document."""
    canvas.saveState()
    top = PAGE_HEIGHT - 14 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(BOLD, 8.5)
    draw_string(canvas, MARGIN_X, top, APP_NAME)
    canvas.setFont(BODY, 8.5)
    title_left = MARGIN_X + canvas.stringWidth(APP_NAME, BOLD, 8.5) + 6
    title_right = PAGE_WIDTH - MARGIN_X
    if setup.stamp is not None:
        reference = f"{setup.stamp.label} {setup.stamp.ref_id}"
        draw_string(canvas, title_right, top, reference, right=True)
        title_right -= canvas.stringWidth(reference, BODY, 8.5) + 6 * mm
    if "title" not in same:
        same["title"] = _header_title(setup.title, title_right - title_left)
    header, _ = same["title"]
    header.drawOn(canvas, title_left, top - styles()["header"].fontSize * 0.25)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 3 * mm, PAGE_WIDTH - MARGIN_X, top - 3 * mm)

    bottom = _FOOTER_BOTTOM
    stamped = setup.stamp is not None
    rule = bottom + QR_SIZE + 2 * mm if stamped else bottom + 10 * mm
    canvas.line(MARGIN_X, rule, PAGE_WIDTH - MARGIN_X, rule)
    text_right = PAGE_WIDTH - MARGIN_X
    stamp_width = 0.0
    if setup.stamp is not None:
        draw_path(canvas, qr, _QR_X, _QR_Y, QR_SIZE)
        text_right -= QR_SIZE + 3 * mm
        lines = (
            f"{setup.stamp.label} {setup.stamp.ref_id}",
            f"Senaste händelse {setup.stamp.short_hash}",
        )
        canvas.setFont(BODY, 8.5)
        for offset, line in zip((13 * mm, 9 * mm), lines, strict=True):
            draw_string(canvas, text_right, bottom + offset, line, right=True)
        stamp_width = max(canvas.stringWidth(line, BODY, 8.5) for line in lines) + 5 * mm
    # Paragraphs, not drawString: the page word and note may be Thai (font switching) and a
    # long note must wrap beside the stamp rather than run into it.
    width = text_right - MARGIN_X - stamp_width
    page_top, note_top = (16 * mm, 11 * mm) if stamped else (8 * mm, 3.5 * mm)
    page = bold(f"{setup.page_word} {number} / {total}")
    paragraph, height = _footer_line(page, width, strong=True)
    paragraph.drawOn(canvas, MARGIN_X, bottom + page_top - height)
    if setup.footer_note:
        if "note" not in same:
            same["note"] = _footer_line(markup(setup.footer_note), width, "small")
        paragraph, height = same["note"]
        paragraph.drawOn(canvas, MARGIN_X, bottom + note_top - height)
    canvas.restoreState()


def _header_title(title: str, width: float) -> tuple[Paragraph, float]:
    """The running title on one line, shortened with an ellipsis if it does not fit, laid
    out; and its height.

    A paragraph, so a Thai title gets the Thai font like the body does."""
    text = title
    while True:
        paragraph = markup_paragraph(markup(text), "header")
        paragraph.wrap(width, 20 * mm)
        if len(paragraph.blPara.lines) <= 1 or len(text) <= 1:
            break
        text = text[: max(1, len(text) - 4)].rstrip() + "…"
    return paragraph, paragraph.height


def _footer_line(
    text: str, width: float, style: str = "cell", strong: bool = False
) -> tuple[Paragraph, float]:
    """A footer paragraph wrapped within ``width``, and its height."""
    paragraph = markup_paragraph(text, style, strong=strong)
    _, height = paragraph.wrap(width, 14 * mm)
    return paragraph, height
