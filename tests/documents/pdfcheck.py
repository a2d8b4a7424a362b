"""Reading a PDF back: its text (whitespace normalised), its fonts, and where text sits."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldapp.documents.fonts import register_fonts

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
    "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text(pdf: bytes) -> str:
    """All pages' text with every run of whitespace (also no-break spaces) as one space."""
    raw = "\n".join(page.extract_text() for page in reader(pdf).pages)
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " "))


def pages(pdf: bytes) -> int:
    return len(reader(pdf).pages)


@dataclass(frozen=True)
class FontUse:
    name: str
    embedded: bool


def fonts(pdf: bytes) -> set[FontUse]:
    found = set()
    for page in reader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add(FontUse(str(font["/BaseFont"]).lstrip("/"), embedded))
    return found


def assert_fonts_embedded(pdf: bytes) -> set[str]:
    """Every font embedded (a subset), none of the standard 14; the base names used."""
    used = fonts(pdf)
    assert used, "no fonts"
    for font in used:
        assert font.embedded, f"{font.name} is not embedded"
        assert font.name.split("+")[-1] not in STANDARD_14, f"{font.name} is a standard font"
    return {f.name.split("+")[-1] for f in used}


def thai_skeleton(value: str) -> str:
    """Thai letters without tone and combining marks, as NFKC: what text extraction must
    keep whatever glyph variants the shaper chose for the marks."""
    value = unicodedata.normalize("NFKC", value)
    return "".join(
        c for c in value if "\u0e00" <= c <= "\u0e7f" and unicodedata.category(c) != "Mn"
    )


def overflowing_runs(pdf: bytes, margin: float = 18 * 72 / 25.4) -> list[str]:
    """Text runs that reach past the right margin (a run that did not wrap)."""
    register_fonts()
    problems: list[str] = []
    for page in reader(pdf).pages:
        page.extract_text(visitor_text=_visitor(float(page.mediabox.width) - margin, problems))
    return problems


def _visitor(limit: float, problems: list[str]):  # type: ignore[no-untyped-def]
    def visit(run: str, cm: list[float], tm: list[float], font: dict, size: float) -> None:
        if not run.strip() or not font:
            return
        name = str(font.get("/BaseFont", "")).split("+")[-1]
        scale = abs(tm[0] * cm[0]) or 1
        x = cm[0] * tm[4] + cm[4]
        try:
            right = x + stringWidth(run.rstrip(), name, size) * scale
        except KeyError:
            return
        if right > limit + 2:
            problems.append(f"{run!r} ends at {right:.0f}, past {limit:.0f}")

    return visit
