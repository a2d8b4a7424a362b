"""The support leaflets handed over at the scene: one for the person who sold sex (not a
suspect; help now and later; what happens next), one for the buyer (support to stop, e.g.
KAST; what happens next). Texts from ``leaflet_texts``, contacts from the operation.

A leaflet carries no case reference: it goes home in a handbag or a pocket, and a police
case number on it could expose the person holding it to whoever controls them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from fieldapp.documents.leaflet_texts import Audience, LeafletTexts, load_leaflet_texts
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.qr import QrCode
from fieldapp.documents.styles import SHADE, TABLE_FONT, bullet, grid_style, para, rich
from fieldapp.documents.text import SHAPED_LANGUAGES, bold, markup, phone
from fieldapp.storage.records import Record

LEAFLET_VERSION = "1"
QR_SIZE = 20 * mm

# Which of the operation's contacts each leaflet lists, in this order.
ROLES: dict[Audience, tuple[str, ...]] = {
    Audience.SELLER: (
        "seller_support",
        "social_services_on_call",
        "trafficking_helpline",
        "emergency",
    ),
    Audience.BUYER: ("buyer_support", "social_services_on_call", "emergency"),
}


def build_leaflet(audience: Audience, language: str, contacts: Sequence[Record]) -> bytes:
    """The leaflet in ``language`` (``InvalidInput`` listing the languages if unknown)."""
    texts = load_leaflet_texts(language)
    shaped = texts.language in SHAPED_LANGUAGES
    leaflet = texts.leaflet(audience)
    story: list[Flowable] = [
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
    rows = []
    for contact in chosen_contacts(audience, contacts):
        rows.append(_contact_row(texts, contact, shaped))
    heading = para(texts.labels["contacts"], "h1", shaped=shaped)
    note = para(texts.labels["contacts_note"], "small", shaped=shaped)
    if not rows:
        return [heading, note]
    table = Table(rows, colWidths=[CONTENT_WIDTH - QR_SIZE - 6 * mm, QR_SIZE + 6 * mm])
    style = grid_style(header=False)
    style.add("VALIGN", (1, 0), (1, -1), "MIDDLE")
    table.setStyle(style)
    # Heading, note and the first contact stay together so the heading is never orphaned.
    return [KeepTogether([heading, note, Spacer(1, 2 * mm)]), table]


def _contact_row(texts: LeafletTexts, contact: Record, shaped: bool) -> list[Flowable | str]:
    labels = texts.labels
    role = texts.roles.get(str(contact.get("role")), texts.roles.get("other", ""))
    lines = [bold(contact.get("organisation"), shaped=shaped), markup(role, shaped=shaped)]
    # The colon goes through markup with its label: glued to a Thai word it must be set
    # apart, or the shaper would look for it in the Thai font.
    if contact.get("phone"):
        number = bold(phone(contact.get("phone")))
        lines.append(markup(f"{labels['phone']}: ", shaped=shaped) + number)
    for key in ("email", "web", "hours"):
        if contact.get(key):
            lines.append(markup(f"{labels[key]}: {contact.get(key)}", shaped=shaped))
    cell = rich("<br/>".join(lines), "body", shaped=shaped)
    web = contact.get("web")
    return [cell, QrCode(str(web), QR_SIZE) if web else ""]
