"""The shortcuts that make a form fast print exactly what plain ReportLab prints: with each
of them switched off (label / value rows built as a ReportLab ``Table`` again), every page
of the approval form (and of the other documents that share the page and the styles) is
drawn with the same operators, in the same places."""

from __future__ import annotations

import io
import random
import re
import zlib
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table
from reportlab.platypus import Paragraph as ReportLabParagraph

from fieldapp.documents import font_subsets, page, pdf_writing, service, styles, text_object
from fieldapp.documents.fonts import BODY, BOLD, THAI, THAI_BOLD
from fieldapp.documents.leaflet_texts import Audience
from fieldapp.workflow.context import Context
from tests.documents import pdfcheck
from tests.documents.scenarios import Clock, standard_case

# A description that is split across pages (the longest allowed is 4,000 characters).
LONG = ("Köparen kom överens med säljaren i hotellets korridor och betalade i rummet. " * 52)[:3900]
SHORT = "Den 14 maj 2026 köpte Kalle Påhittsson en sexuell förbindelse på Hotell Påhittat."


def _page_streams(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in pdfcheck.reader(pdf).pages]


def _as_table(
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    looks: Sequence[object],
    rule: object,
) -> Table:
    """The ReportLab table that ``styles.field_table`` built before ``FieldRows``."""
    table = Table([list(row) for row in rows], colWidths=list(widths))
    commands = styles.grid_style(header=False)
    for command in styles.cell_style(0, "label") + styles.cell_style(1, "cell"):
        commands.add(*command)
    table.setStyle(commands)
    return table


def _switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain ReportLab: every paragraph lays its lines out whenever asked (with ReportLab's
    own ``breakLines``) and is drawn by
    ReportLab's own ``drawOn`` and ``drawPara``, its text goes
    through the markup parser, and label / value rows are a ``Table``."""
    monkeypatch.setattr(styles.Paragraph, "wrap", ReportLabParagraph.wrap)
    monkeypatch.setattr(styles.Paragraph, "breakLines", ReportLabParagraph.breakLines)
    monkeypatch.setattr(styles.Paragraph, "drawOn", ReportLabParagraph.drawOn)
    monkeypatch.setattr(styles.Paragraph, "drawPara", ReportLabParagraph.drawPara)
    monkeypatch.setattr(styles, "_PARSED", re.compile(r"[\s\S]"))
    monkeypatch.setattr(styles, "FieldRows", _as_table)
    # draw_string falls back to canvas.drawString / drawRightString.
    monkeypatch.setattr(text_object, "text_object", lambda *args, **kwargs: None)
    # ReportLab makes and writes the fonts' objects itself.
    monkeypatch.setattr(page, "quick_fonts", lambda doc: None)


def test_the_form_is_drawn_the_same_without_the_shortcuts(
    ctx: Context, clock: Clock, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = standard_case(ctx, clock, operation_id).case_id
    builds: list[Callable[[], bytes]] = [
        lambda: service.approval_pdf(ctx, case_id),
        lambda: service.approval_pdf(ctx, case_id, description=SHORT, info_language="th"),
        lambda: service.approval_pdf(ctx, case_id, description=LONG, info_language="ru"),
        lambda: service.case_summary_pdf(ctx, case_id),
        lambda: service.leaflet_pdf(ctx, case_id, Audience.BUYER, "th"),
    ]
    fast = [build() for build in builds]
    _switch_off(monkeypatch)
    plain = [build() for build in builds]
    assert pdfcheck.pages(fast[2]) == 4  # two pages of form, the signatures, information
    for ours, reference in zip(fast, plain, strict=True):
        assert pdfcheck.text(ours) == pdfcheck.text(reference)
        assert _page_streams(ours) == _page_streams(reference)
        assert _fonts(ours) == _fonts(reference)


def _fonts(pdf: bytes) -> list[tuple[object, ...]]:
    """Each page's fonts as a viewer reads them: name, widths, the character map and the
    embedded font program, inflated."""
    raw = pdfcheck.reader(pdf)
    fonts = []
    for pdf_page in raw.pages:
        for key, ref in sorted(pdf_page["/Resources"]["/Font"].items()):
            font = ref.get_object()
            widths = font["/Widths"]
            fonts.append(
                (
                    key,
                    font["/BaseFont"],
                    font["/FirstChar"],
                    font["/LastChar"],
                    [float(w) for w in widths],
                    font["/ToUnicode"].get_object().get_data(),
                    font["/FontDescriptor"]["/FontFile2"].get_object().get_data(),
                )
            )
    return fonts


def test_widths_are_written_as_reportlab_writes_them() -> None:
    """``_NumberArray`` writes the bytes ``PDFArray`` writes: ints, floats, short and long
    arrays (a line break after every tenth number), and a value of another kind."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDocument, PDFName

    doc = PDFDocument()
    sequences: list[list[Any]] = [
        [],
        [600],
        [556.0, 0.5, 612.3046875, -0.0, 0, 3, 3.0, 1000, 278, 1e-9, 123456.789],
        [float(i) * 1.5 for i in range(257)],
        [1, PDFName("x"), 2.25],
    ]
    for sequence in sequences:
        expected = PDFArray(sequence).format(doc)
        assert pdf_writing.NumberArray(sequence).format(doc) == expected
        assert pdf_writing.NumberArray(sequence).format(doc) == expected  # from the table


def test_field_rows_split_where_the_table_split() -> None:
    """Rows that do not fit the space left move on as the table's did: same rows each side,
    same heights (a wrapping value makes one row taller)."""
    rows = [(f"Rad {i}", "ett värde " * (12 if i % 5 == 0 else 1)) for i in range(30)]
    for space in (15.0, 100.0, 333.3, 2000.0):
        ours = styles.field_table(rows, 480)
        ours.wrap(480, space)
        table = _as_table(
            [
                [styles.cell(k, "label", 42 * mm), styles.cell(v, "cell", 480 - 42 * mm)]
                for k, v in rows
            ],
            (42 * mm, 480 - 42 * mm),
            (),
            None,
        )
        table.wrap(480, space)
        expected = [part.wrap(480, space) for part in table.split(480, space)]
        assert [part.wrap(480, space) for part in ours.split(480, space)] == expected


def _drawn(paragraphs: Sequence[ReportLabParagraph], width: float) -> str:
    """The operators the paragraphs write on one canvas, each wrapped at ``width``."""
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    for paragraph in paragraphs:
        paragraph.wrap(width, 2000)
        paragraph.drawOn(canvas, 50, 400)
    return "\n".join(canvas._code)


def test_plain_paragraphs_are_drawn_with_reportlabs_operators(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Headings, labels, body text, bulleted text and runs of bold and plain text, lines
    that only fit by shrinking their spaces, and
    text with more characters than one font subset holds (a second subset is switched to
    mid-line): the light drawing writes what ReportLab's ``drawPara`` writes."""
    many = "".join(chr(c) for c in range(0x410, 0x450)) + "".join(
        chr(c) for c in range(0xC0, 0x17F)
    )
    texts = [SHORT, LONG[:900], "Förhandsgodkännande av strafföreläggande", many, many[::-1]]
    # Runs of plain and bold text with line breaks (the form's assessment and penalty), one
    # with more characters than a subset holds, switching subsets in either font.
    runs = [
        f"Bedömning: <b>fullbordat brott</b>, enligt regeln. {LONG[:300]}<br/>Omständigheter: "
        "överenskommelse kl. 20:13 (hört).<br/>Gärningsdag 2026-05-11.",
        "<b>Villkorlig dom</b><br/><b>50 dagsböter à 130 kr</b><br/>Prövotid 2 år (27 kap.)",
        f"{many[:60]} <b>{many[60:]}</b><br/><b>{many[::-1]}</b> slut",
        "<b>7 500 kr</b> att betala<br/><br/>efter tom rad",
    ]
    for width in (90.0, 200.0, 480.0):
        ours = _drawn(
            [styles.para(t, s) for t in texts for s in ("body", "h1", "label")]
            + [styles.bullet(t) for t in texts]
            + [styles.rich(r, s) for r in runs for s in ("small", "cell", "body")],
            width,
        )
        with monkeypatch.context() as switched:
            switched.setattr(styles.Paragraph, "drawOn", ReportLabParagraph.drawOn)
            switched.setattr(styles.Paragraph, "drawPara", ReportLabParagraph.drawPara)
            reference = _drawn(
                [styles.para(t, s) for t in texts for s in ("body", "h1", "label")]
                + [styles.bullet(t) for t in texts]
                + [styles.rich(r, s) for r in runs for s in ("small", "cell", "body")],
                width,
            )
        assert ours == reference


@pytest.mark.parametrize(
    "source",
    [
        "Bedömning: <b>fullbordat brott</b>, enligt regeln.<br/>Omständigheter: inga.",
        "<b>Villkorlig dom</b><br/><b>50 dagsböter à 130 kr</b><br/>Prövotid 2 år",
        "  <b>7\u00a0500\u00a0kr</b>  ",
        "a <b>b <b>c</b></b>",  # nested: the parser's
        "<b>x &amp; y</b><br/>",  # an entity: the parser's
        '<font name="NotoSansThai">ไทย</font> <b>x</b>',  # a font run: the parser's
    ],
)
def test_bold_runs_are_the_parsers_fragments(source: str) -> None:
    ours = styles.rich(source, "small")
    reference = ReportLabParagraph(source, ours.style)
    assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in reference.frags]


@pytest.mark.parametrize("width", [40.0, 90.0, 200.0, 480.0, [150.0, 300.0]])
def test_plain_lines_are_reportlabs(width: float | list[float]) -> None:
    """The light line breaker gives ReportLab's lines (space left, words), to the bit, or
    leaves the paragraph to ReportLab."""
    texts = [
        SHORT,
        LONG[:1200],
        "  mellanslag   före,  mellan och efter  ",
        "ett\u00a0hårt\u00a0mellanslag och 7\u00a0500\u00a0kr",
        "Ettmycketlångtordsomintefårplatspåenradutanattdelas" * 2 + " och sedan vanliga ord",
        "",
        "x",
    ]
    for text in texts:
        for style in ("body", "h1", "label", "cell", "small", "bullet"):
            ours = styles.bullet(text) if style == "bullet" else styles.para(text, style)
            reference = styles.bullet(text) if style == "bullet" else styles.para(text, style)
            widths = list(width) if isinstance(width, list) else width
            expected = ReportLabParagraph.breakLines(reference, widths)
            got = ours.breakLines(list(width) if isinstance(width, list) else width)
            assert got.__dict__ == expected.__dict__, (text[:30], style, width)
            assert ours._width_max == reference._width_max


def test_strings_are_drawn_as_drawstring_draws_them() -> None:
    """The page marks' and signature block's strings: ``draw_string`` writes what
    ``drawString`` and ``drawRightString`` write, in the canvas's font at the time."""
    styles.register_fonts()
    ours = Canvas(io.BytesIO(), pagesize=A4)
    reference = Canvas(io.BytesIO(), pagesize=A4)
    for canvas in (ours, reference):
        canvas.setFont(BOLD, 8.5)
    texts = ["Insatsstöd", "Ärende 0193b2c4; Senaste händelse 0123456789ab", "Ort och datum", ""]
    for size in (8.5, 10.0):
        for canvas in (ours, reference):
            canvas.setFont(BODY, size)
        for text in texts:
            text_object.draw_string(ours, 50, 400, text)
            reference.drawString(50, 400, text)
            text_object.draw_string(ours, 500, 300, text, right=True)
            reference.drawRightString(500, 300, text)
    assert ours._code == reference._code


@pytest.mark.parametrize("width", [60.0, 120.0, 250.0, 480.0, [150.0, 300.0]])
def test_run_lines_are_reportlabs(width: float | list[float]) -> None:
    """Runs of plain and bold text with line breaks are broken into ReportLab's lines, words
    and fragments, to the bit, or left to ReportLab."""
    sources = [
        "Bedömning: <b>fullbordat brott</b>, enligt regeln om fullbordan i länets praxis: "
        "överenskommelse, angivet pris och överlämnad betalning ger fullbordat brott.<br/>"
        "Omständigheter: överenskommelse kl. 20:13 (hört); angivet pris kl. 20:13 (annons)."
        "<br/>Gärningsdag 2026-05-11; lagrummet i den lydelse som gällde då.",
        "<b>Villkorlig dom</b><br/><b>50 dagsböter à 130 kr</b><br/>Prövotid 2 år (27 kap. 3 §)",
        "a<b>b</b>c <b>d </b> e<br/><br/><b> f</b>g<br/>",
        f"{LONG[:400]} <b>{LONG[400:700]}</b>{LONG[700:900]}",
        "<b>Ettmycketlångtordsomintefårplatspåenradutanattdelas</b> och vanliga ord",
        "<b>7\u00a0500\u00a0kr</b> att betala",
    ]
    for source in sources:
        for style in ("small", "cell", "body", "h1"):
            ours = styles.rich(source, style)
            reference = styles.rich(source, style)
            expected = ReportLabParagraph.breakLines(
                reference, list(width) if isinstance(width, list) else width
            )
            got = ours.breakLines(list(width) if isinstance(width, list) else width)
            assert got.kind == expected.kind, (source[:30], style)
            assert [
                (
                    {k: v for k, v in line.__dict__.items() if k != "words"},
                    [w.__dict__ for w in line.words],
                )
                for line in got.lines
            ] == [
                (
                    {k: v for k, v in line.__dict__.items() if k != "words"},
                    [w.__dict__ for w in line.words],
                )
                for line in expected.lines
            ], (source[:30], style, width)
            assert _words(ours.frags) == _words(reference.frags)
            assert ours._width_max == reference._width_max


def _words(frags: Any) -> list[object]:
    """Fragment words (width, then fragments and their text) as comparable values."""
    return [(type(w).__name__, w[0], [(f.__dict__, t) for f, t in w[1:]]) for w in frags]


def test_font_programs_inflate_to_themselves(ctx: Context, clock: Clock, operation_id: str) -> None:
    """``pack_font_program`` packs the subsets of a form (Latin, bold, Thai) into streams
    that inflate to the same program, in a process that packed their tails before and in
    one that did not; a program whose tail changes, or that is no font, is packed whole."""
    case_id = standard_case(ctx, clock, operation_id).case_id
    pdf = service.approval_pdf(ctx, case_id, description=SHORT, info_language="th")
    programs = {
        ref.get_object()["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        for pdf_page in pdfcheck.reader(pdf).pages
        for ref in pdf_page["/Resources"]["/Font"].values()
    }
    assert len(programs) >= 3
    for program in programs:
        offset = pdf_writing._name_table_offset(program)
        assert offset is not None
        changed = program[:offset] + bytes(b ^ 0x5A for b in program[offset:])
        others = [program, changed, program[:offset], b"", b"no font at all", program[:20]]
        for other in others:
            for _ in range(2):  # the second time from the kept tail
                assert zlib.decompress(pdf_writing.pack_font_program(other)) == other


@pytest.mark.parametrize("font_name", [BODY, BOLD, THAI, THAI_BOLD])
def test_subsets_are_reportlabs(font_name: str) -> None:
    """``make_subset`` makes ReportLab's subset, byte for byte: the first subset of a
    document (ASCII, then what the text adds), full subsets of 256 characters, short ones,
    and characters the font lacks (its missing glyph); composite glyphs (å, ä, ö, Thai
    marks) bring their parts."""
    styles.register_fonts()
    face = getFont(font_name).face
    codes = sorted(face.charToGlyph)
    pick = random.Random(font_name)
    subsets = [list(range(32, 127)) + [ord(c) for c in "åäöÅÄÖéàșțжя–§"], [0, 0x10FFF0, 65]]
    for size in (1, 3, 40, 160, 256):
        subsets.append(pick.sample(codes, min(size, len(codes))))
        subsets.append(list(range(32, 127)) + pick.sample(codes, min(size, len(codes))))
    for subset in subsets:
        subset = subset[:256]
        assert font_subsets.make_subset(face, subset) == face.makeSubset(subset)


def test_an_unexpected_glyph_leaves_the_subset_to_reportlab(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where ``make_subset`` meets a glyph it does not expect it returns ReportLab's subset,
    also while the face's ``makeSubset`` is ``make_subset`` itself (as in ``quick_fonts``)."""
    styles.register_fonts()
    face = getFont(BODY).face
    subset = [*range(32, 127), ord("å")]
    expected = face.makeSubset(subset)

    def unexpected(*args: object) -> None:
        raise font_subsets._Unexpected

    monkeypatch.setattr(font_subsets, "_parts", unexpected)
    monkeypatch.setattr(face, "makeSubset", partial(font_subsets.make_subset, face), raising=False)
    assert font_subsets.make_subset(face, subset) == expected
