"""The support leaflets handed over at the scene: one for the person who sold sex (not a
suspect; help now and later; what happens next), one for the buyer (support to stop, e.g.
KAST; what happens next). Texts from ``leaflet_texts``, contacts from the operation.

A leaflet carries no case reference: it goes home in a handbag or a pocket, and a police
case number on it could expose the person holding it to whoever controls them.

Every string is in the leaflet's language: a contact's hours print as its availability code
in that language (the free-text hours are Swedish as typed, so only the Swedish leaflet
prints them), and each contact says whether, and when, its details were checked. Contacts
go to the audience they serve: the NSPM line is for professionals (LEGAL.md §9.6), so no
leaflet lists it. An unreviewed translation and a county profile that is only an example
are marked on the paper.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from fieldapp.documents.leaflet_texts import Audience, LeafletTexts, load_leaflet_texts
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.qr import QrCode
from fieldapp.documents.styles import (
    RULE,
    SHADE,
    TABLE_FONT,
    bullet,
    grid_style,
    para,
    rich,
    warning_box,
)
from fieldapp.documents.text import SHAPED_LANGUAGES, bold, markup, phone
from fieldapp.storage.records import Record

LEAFLET_VERSION = "2"
VERIFIED_SIZE = 8.5
QR_SIZE = 15 * mm

# Which of the operation's contacts each leaflet lists, in this order.
ROLES: dict[Audience, tuple[str, ...]] = {
    Audience.SELLER: ("seller_support", "social_services_on_call", "emergency"),
    Audience.BUYER: ("buyer_support", "social_services_on_call", "emergency"),
}


def build_leaflet(
    audience: Audience, language: str, contacts: Sequence[Record], *, example: bool = False
) -> bytes:
    """The leaflet in ``language`` (``InvalidInput`` listing the languages if unknown).

    ``example``: the contacts come from a county profile marked as an example, so the paper
    says so in its own language."""
    texts = load_leaflet_texts(language)
    shaped = texts.language in SHAPED_LANGUAGES
    leaflet = texts.leaflet(audience)
    story: list[Flowable] = [
        *marks(texts, example=example),
        para(leaflet.title, "title", shaped=shaped),
        Spacer(1, 2 * mm),
        _lead_box(leaflet.lead, shaped),
    ]
    for section in leaflet.sections:
        story.append(para(section.heading, "h1", shaped=shaped))
        story += [para(p, "large", shaped=shaped) for p in section.paragraphs]
        story += [bullet(b, "large_bullet", shaped=shaped) for b in section.bullets]
    story += [
        para(texts.labels["emergency"], "h2", shaped=shaped),
        *_contacts_part(texts, audience, contacts, shaped),
    ]
    setup = PageSetup(
        title=leaflet.title,
        footer_note=f"{texts.labels['version']} {LEAFLET_VERSION} · {texts.language}",
        page_word=texts.labels["page"],
        language=texts.language,
    )
    return build_pdf(setup, story, subject=f"{audience.value} leaflet ({texts.language})")


def marks(texts: LeafletTexts, *, example: bool, extra: tuple[str, ...] = ()) -> list[Flowable]:
    """The visible marks above the title: an unreviewed translation, an example profile,
    and ``extra`` marks (the approval form's information translation)."""
    shown = [*extra]
    if not texts.reviewed:
        shown.append(texts.labels["unreviewed"])
    if example:
        shown.append(texts.labels["example"])
    if not shown:
        return []
    shaped = texts.language in SHAPED_LANGUAGES
    marks = " · ".join(bold(m, shaped=shaped) for m in shown)
    box = warning_box(rich(marks, "body", shaped=shaped), CONTENT_WIDTH)
    return [box, Spacer(1, 3 * mm)]


def _lead_box(lead: str, shaped: bool) -> Table:
    box = Table([[para(lead, "large", shaped=shaped)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(
        [
            TABLE_FONT,
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return box


def chosen_contacts(audience: Audience, contacts: Sequence[Record]) -> list[Record]:
    order = ROLES[audience]
    picked = [c for c in contacts if c.get("role") in order and not c.voided]
    return sorted(picked, key=lambda c: order.index(c.get("role")))


def _contacts_part(
    texts: LeafletTexts, audience: Audience, contacts: Sequence[Record], shaped: bool
) -> list[Flowable]:
    cells = [_contact_cell(texts, c, shaped) for c in chosen_contacts(audience, contacts)]
    heading = para(texts.labels["contacts"], "h1", shaped=shaped)
    note = para(texts.labels["contacts_note"], "small", shaped=shaped)
    if not cells:
        return [heading, note]
    # Two contacts a row: the list is short enough to stay on the leaflet's one page.
    half = CONTENT_WIDTH / 2
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[half, half])
    style = grid_style(header=False)
    style.add("LEFTPADDING", (0, 0), (-1, -1), 0)
    style.add("RIGHTPADDING", (0, 0), (-1, -1), 0)
    style.add("LINEBEFORE", (1, 0), (1, -1), 0.4, RULE)
    table.setStyle(style)
    # The whole list stays on one page: a contact split from its heading, or a list split
    # across a page break, is easily lost when the paper is folded into a pocket.
    return [KeepTogether([heading, note, Spacer(1, 2 * mm), table])]


def _hours(texts: LeafletTexts, contact: Record) -> str | None:
    """Swedish papers print the hours as typed; others the availability in their language."""
    if texts.language == "sv" and contact.get("hours"):
        return str(contact.get("hours"))
    code = contact.get("availability")
    return texts.availability.get(str(code)) if code else None


def _verified(texts: LeafletTexts, contact: Record, shaped: bool) -> str:
    day = contact.get("verified_on")
    text = f"{texts.labels['verified']} {day}" if day else texts.labels["not_verified"]
    return f'<font size="{VERIFIED_SIZE}">{markup(text, shaped=shaped)}</font>'


def _contact_cell(texts: LeafletTexts, contact: Record, shaped: bool) -> Table:
    labels = texts.labels
    role = texts.roles.get(str(contact.get("role")), texts.roles.get("other", ""))
    lines = [bold(contact.get("organisation"), shaped=shaped), markup(role, shaped=shaped)]
    # The colon goes through markup with its label: glued to a Thai word it must be set
    # apart, or the shaper would look for it in the Thai font.
    # Phone and hours share a line: a leaflet's contact list must fit on its one page.
    reach = []
    if contact.get("phone"):
        number = bold(phone(contact.get("phone")))
        reach.append(markup(f"{labels['phone']}: ", shaped=shaped) + number)
    hours = _hours(texts, contact)
    if hours:
        reach.append(markup(f"{labels['hours']}: {hours}", shaped=shaped))
    if reach:
        lines.append(" · ".join(reach))
    for key in ("email", "web"):
        if contact.get(key):
            lines.append(markup(f"{labels[key]}: {contact.get(key)}", shaped=shaped))
    lines.append(_verified(texts, contact, shaped))
    cell = rich("<br/>".join(lines), "cell", shaped=shaped)
    web = contact.get("web")
    half = CONTENT_WIDTH / 2
    if not web:
        inner = Table([[cell]], colWidths=[half])
    else:
        inner = Table(
            [[cell, QrCode(str(web), QR_SIZE)]],
            colWidths=[half - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm],
        )
    inner.setStyle(
        [
            TABLE_FONT,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return inner
