"""The information sheet for hotel and taxi staff: why it matters, signs to notice, and how
to tell the police (tip line, 112, e-mail, post if the profile has a current one), from the
county profile's tip line.

Texts and version in ``resources/sheets/hotel_taxi.toml``; which company got which version
is logged by ``fieldapp.workflow.outreach``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from fieldapp.counties import CountyProfile
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.qr import QrCode
from fieldapp.documents.styles import (
    ACCENT,
    SHADE,
    TABLE_FONT,
    bullet,
    para,
    rich,
    warning_box,
)
from fieldapp.documents.text import bold, markup
from fieldapp.errors import InvalidInput, coded
from fieldapp.workflow.outreach import sheet_texts, sheet_version

QR_SIZE = 26 * mm


def sheet_languages() -> list[str]:
    return [str(code) for code in sheet_texts()["languages"]]


def build_hotel_sheet(county: CountyProfile, language: str = "sv") -> bytes:
    """The sheet for ``county`` in ``language`` (Swedish or English). Every string is in
    that language; the tip line's note comes from the profile in the same language (or is
    left out), and a profile that is only an example is marked as one."""
    if language not in sheet_languages():
        raise InvalidInput(
            coded(
                "no_text_in_language",
                f"Language: the hotel and taxi sheet exists in {', '.join(sheet_languages())}; "
                f"not in {language!r}.",
                language=language,
            ),
            field="language",
        )
    texts: Mapping[str, Any] = sheet_texts()[language]
    story: list[Flowable] = [
        *([_mark(texts["example"]), Spacer(1, 3 * mm)] if county.example else []),
        para(texts["audience"], "subtitle"),
        para(texts["title"], "title"),
        Spacer(1, 2 * mm),
        para(texts["why_heading"], "h1"),
        *[para(p, "large") for p in texts["why"]],
        para(texts["signs_heading"], "h1"),
        para(texts["signs_intro"], "large"),
        *[bullet(s, "large_bullet") for s in texts["signs"]],
        para(texts["tell_heading"], "h1"),
        para(texts["tell_intro"], "large"),
        _contact_box(texts, county, language),
    ]
    setup = PageSetup(
        title=f"{texts['title']} – {county.name}",
        footer_note=f"{texts['footer']} {sheet_version()} · {county.name}",
        page_word="Sida" if language == "sv" else "Page",
        language=language,
    )
    return build_pdf(setup, story, subject=f"hotel and taxi sheet {sheet_version()}")


def _mark(text: str) -> Table:
    return warning_box(rich(bold(text), "body"), CONTENT_WIDTH)


def _contact_box(texts: Mapping[str, Any], county: CountyProfile, language: str) -> Table:
    tip = county.tip_line
    note_key = "phone_note" if language == "sv" else f"phone_note_{language}"
    lines = []
    if tip.get("phone"):
        note = f" – {markup(tip[note_key])}" if tip.get(note_key) else ""
        lines.append(f"{markup(texts['phone'])}: {bold(tip['phone'])}{note}")
    if tip.get("emergency"):
        lines.append(f"{markup(texts['emergency'])}: {bold(tip['emergency'])}")
    for key in ("email", "post", "web"):
        if tip.get(key):
            lines.append(f"{markup(texts[key])}: {markup(tip[key])}")
    day = tip.get("verified_on")
    checked = f"{texts['verified']} {day}" if day else texts["not_verified"]
    lines.append(f'<font size="9">{markup(checked)}</font>')
    cell = rich("<br/>".join(lines), "large")
    qr: Flowable | str = QrCode(tip["web"], QR_SIZE) if tip.get("web") else ""
    box = Table([[cell, qr]], colWidths=[CONTENT_WIDTH - QR_SIZE - 8 * mm, QR_SIZE + 8 * mm])
    box.setStyle(
        [
            TABLE_FONT,
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]
    )
    return box
