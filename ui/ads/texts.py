"""Words for the ad register's codes: an ad's status, same-advertiser decisions, prices,
the fields a file import names, company kinds and tip channels, why an ad is suggested for
a case and a linked person's label.

The core returns enums and codes; this module turns them into the UI language (tables marked
with ``QT_TRANSLATE_NOOP`` so pyside6-lupdate finds them).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from fieldapp.ads.issues import RowProblem
from fieldapp.ads.prices import Price
from fieldapp.storage.records import Record
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.words import PERSON_ROLES, day_and_clock, reason_text, word

_CTX = "Ads"

AD_STATUS = {
    "active": QT_TRANSLATE_NOOP("Ads", "active"),
    "gone": QT_TRANSLATE_NOOP("Ads", "gone"),
    "linked": QT_TRANSLATE_NOOP("Ads", "linked"),
}
HIT_KINDS = {
    "ad": QT_TRANSLATE_NOOP("Ads", "Ad"),
    "observation": QT_TRANSLATE_NOOP("Ads", "Note"),
}
COMPANY_KINDS = {
    "hotel": QT_TRANSLATE_NOOP("Ads", "Hotel"),
    "taxi": QT_TRANSLATE_NOOP("Ads", "Taxi company"),
    "other": QT_TRANSLATE_NOOP("Ads", "Other"),
}
TIP_CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("Ads", "phone"),
    "email": QT_TRANSLATE_NOOP("Ads", "e-mail"),
    "in_person": QT_TRANSLATE_NOOP("Ads", "in person"),
    "web": QT_TRANSLATE_NOOP("Ads", "web form"),
    "other": QT_TRANSLATE_NOOP("Ads", "other"),
}
LINK_DECISIONS = {
    "same": QT_TRANSLATE_NOOP("Ads", "same advertiser"),
    "not_same": QT_TRANSLATE_NOOP("Ads", "not the same"),
}
ATTACHMENT_KINDS = {
    "screenshot": QT_TRANSLATE_NOOP("Ads", "screenshot"),
    "page": QT_TRANSLATE_NOOP("Ads", "saved page"),
    "other": QT_TRANSLATE_NOOP("Ads", "file"),
}
# A reading the officer should confirm: the mark beside it, and why (its tooltip).
DOUBT_MARK = "⚠"
DOUBTS = {
    "ambiguous": QT_TRANSLATE_NOOP(
        "Ads", "The amount can be read more than one way: check it against the ad."
    ),
    "inferred": QT_TRANSLATE_NOOP(
        "Ads", "No currency in the ad: read as a price from the words around it. Check it."
    ),
    "letter_o": QT_TRANSLATE_NOOP(
        "Ads", "Written with the letter O for a zero: check the number against the ad."
    ),
    "joined_lines": QT_TRANSLATE_NOOP(
        "Ads", "Written across a line break: check that it is one number."
    ),
}
# The fields and columns a refusal or a file problem may name.
FIELDS = {
    "site": QT_TRANSLATE_NOOP("Ads", "site"),
    "url": QT_TRANSLATE_NOOP("Ads", "web address"),
    "title": QT_TRANSLATE_NOOP("Ads", "title"),
    "text": QT_TRANSLATE_NOOP("Ads", "text"),
    "phones": QT_TRANSLATE_NOOP("Ads", "phone"),
    "emails": QT_TRANSLATE_NOOP("Ads", "e-mail"),
    "prices": QT_TRANSLATE_NOOP("Ads", "price"),
    "municipality": QT_TRANSLATE_NOOP("Ads", "municipality"),
    "hotel": QT_TRANSLATE_NOOP("Ads", "hotel"),
    "first_seen": QT_TRANSLATE_NOOP("Ads", "first seen"),
    "last_seen": QT_TRANSLATE_NOOP("Ads", "last seen"),
    "status": QT_TRANSLATE_NOOP("Ads", "status"),
    "note": QT_TRANSLATE_NOOP("Ads", "note"),
    "case_id": QT_TRANSLATE_NOOP("Ads", "case"),
    "ad_ids": QT_TRANSLATE_NOOP("Ads", "ads"),
}
SUGGESTION_REASONS = {
    "phone": QT_TRANSLATE_NOOP("Ads", "phone in the case: {detail}"),
    "hotel": QT_TRANSLATE_NOOP("Ads", "names the hotel {detail}"),
}


def status_text(status: object) -> str:
    return word(AD_STATUS, status, _CTX)


def field_name(path: str | None) -> str:
    """``phones[0]`` → "phone"; a column no table knows is shown as the file names it."""
    if not path:
        return ""
    head = re.split(r"[.\[]", path, maxsplit=1)[0]
    return word(FIELDS, head, _CTX) if head in FIELDS else path


def problem_text(problem: RowProblem) -> str:
    """One problem of a refused import: "Line 3, phone: Not a phone number."."""
    reason = reason_text(problem.reason)
    reason = reason[:1].upper() + reason[1:]
    field = field_name(problem.field)
    if problem.line is None:
        where = translate("Ads", "The file")
    else:
        where = translate("Ads", "Line {line}").format(line=problem.line)
    return f"{where}, {field}: {reason}" if field else f"{where}: {reason}"


def amount_text(amount: int) -> str:
    return QLocale().toString(amount)


def doubt_text(doubt: str) -> str:
    """Why a reading is marked for the officer to confirm."""
    return word(DOUBTS, doubt, _CTX)


def doubtful_text(value: str, doubt: str | None) -> str:
    """``value`` with the mark of a low-confidence reading before it, if it is one."""
    return f"{DOUBT_MARK} {value}" if doubt else value


def price_text(price: Price) -> str:
    """ "1 500 kr / 30 min (halvtimme)", in the UI language's grouping; marked "⚠" if it
    was read with low confidence."""
    return doubtful_text(_price_words(price), price.doubt)


def _price_words(price: Price) -> str:
    amount = amount_text(price.amount)
    if price.amount_to:
        amount += "–" + amount_text(price.amount_to)
    currency = "kr" if price.currency == "SEK" else price.currency
    text = f"{amount} {currency}"
    if price.night:
        text += " / " + translate("Ads", "night")
    elif price.minutes:
        if price.minutes % 60 == 0:
            text += f" / {price.minutes // 60} h"
        else:
            text += f" / {price.minutes} min"
    label = (price.label or "").strip()
    # A label that only repeats the duration ("30 min", "hel natt") says nothing more.
    night_words = ("natt", "night")
    if price.night and any(w in label.casefold() for w in night_words):
        label = ""
    if label and label.replace(" ", "") not in text.replace(" ", ""):
        text += f" ({label})"
    return text


def prices_text(prices: tuple[Price, ...] | list[Price]) -> str:
    return ", ".join(price_text(p) for p in prices)


def seen_text(value: str | None) -> str:
    """A seen value as the officer reads it: the date, and the time when there is one."""
    if not value:
        return ""
    if len(value) == 10:
        return value
    return day_and_clock(value)


def suggestion_text(reason: str, detail: str) -> str:
    template = SUGGESTION_REASONS.get(reason)
    if template is None:
        return detail
    return translate("Ads", template).format(detail=detail)


def person_label(person: Record) -> str:
    """A person as the case screen names them: "Säljare: Maja (alias)"."""
    text = f"{word(PERSON_ROLES, person.get('role'))}: {person.get('name') or ''}".strip()
    if person.voided:
        text += " " + translate("Ads", "(withdrawn)")
    return text
