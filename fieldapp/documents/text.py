"""Turning recorded values into the text printed on a document: paragraph markup that
switches font for Thai, Swedish amounts and dates, and the Swedish names of codes.

Values come from records typed in by officers, so everything is escaped before it becomes
ReportLab paragraph markup.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from xml.sax.saxutils import escape

import phonenumbers

from fieldapp.documents.fonts import THAI, THAI_BOLD

# Thai block: DejaVu Sans has no Thai glyphs, Noto Sans Thai has nothing else.
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+(?:[ \u00a0]+[\u0e00-\u0e7f]+)*")
NBSP = "\u00a0"


# Scripts whose marks stack (Thai tone marks over upper vowels) need OpenType shaping to
# print legibly; ReportLab shapes a paragraph with HarfBuzz only when its style asks.
SHAPED_LANGUAGES = frozenset({"th"})
_GLUED_TO_THAI = re.compile(
    r"(?<=[\u0e00-\u0e7f])(?=[^\s\u0e00-\u0e7f])|(?<=[^\s\u0e00-\u0e7f])(?=[\u0e00-\u0e7f])"
)


def markup(value: object, *, shaped: bool = False, strong: bool = False) -> str:
    """Escaped paragraph markup for ``value``, with Thai runs in the Thai font.

    ``shaped``: ReportLab shapes each space-separated word with the font of its first
    character, so a word mixing Thai with Latin punctuation would be shaped in the wrong
    font; a space is put between them.
    """
    raw = _GLUED_TO_THAI.sub(" ", str(value)) if shaped else str(value)
    escaped = escape(raw)
    # An explicit font name overrides <b>, so bold Thai needs the bold face by name.
    face = THAI_BOLD if strong else THAI
    return _THAI_RUN.sub(lambda m: f'<font name="{face}">{m.group(0)}</font>', escaped)


def bold(value: object, *, shaped: bool = False) -> str:
    return f"<b>{markup(value, shaped=shaped, strong=True)}</b>"


def kr(amount: int) -> str:
    """``16 500 kr``: Swedish thousands grouping, never broken across lines."""
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", NBSP) + f"{NBSP}kr"


def phone(stored: object) -> str:
    """A stored phone number as people dial it: ``020-39 00 00``, ``114 14``, ``112``.

    Numbers are stored in E.164 (or as short numbers); Swedish ones print nationally,
    foreign ones internationally so they can be dialled from a Swedish phone.
    """
    raw = str(stored)
    if not raw.startswith("+"):
        return f"{raw[:3]} {raw[3:]}" if len(raw) == 5 else raw  # 11414 → 114 14
    parsed = phonenumbers.parse(raw, None)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 46
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, style).replace(" ", NBSP)


def number(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def when(iso: str | None) -> str:
    """A recorded moment as the officer saw it on the scene: ``2026-05-14 21:42``.

    The stored value keeps its UTC offset; the local wall time is what the paper shows.
    """
    if not iso:
        return "–"
    moment = datetime.fromisoformat(iso)
    return moment.strftime("%Y-%m-%d %H:%M")


def when_logged(iso: str | None) -> str:
    """An event's wall time (stored in UTC) in this machine's local time."""
    if not iso:
        return "–"
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def clock(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M") if iso else "–"


def day(value: date | str | None) -> str:
    if value is None:
        return "–"
    return value if isinstance(value, str) else value.isoformat()


def or_dash(value: object) -> str:
    return "–" if value in (None, "", [], ()) else str(value)


ELEMENT_SV = {
    "agreement": "Överenskommelse",
    "stated_price": "Angivet pris",
    "payment_handed_over": "Överlämnande av betalning",
    "act_begun": "Sexuell handling påbörjad",
}
SOURCE_SV = {
    "observed": "iakttaget",
    "overheard": "hört",
    "message": "meddelande",
    "statement": "uppgift",
    "ad": "annons",
    "verbal": "muntligt",
    "found": "påträffat",
}
IDENTITY_METHOD_SV = {
    "id_card": "id-kort",
    "passport": "pass",
    "driving_licence": "körkort",
    "known": "känd sedan tidigare",
    "other": "annat sätt",
}
# Languages by their ISO 639-1 code, as a Swedish form names them; others print as the code.
LANGUAGE_SV = {
    "sv": "svenska", "en": "engelska", "ro": "rumänska", "ru": "ryska", "es": "spanska",
    "th": "thailändska", "de": "tyska", "fr": "franska", "pl": "polska", "ar": "arabiska",
    "fi": "finska", "no": "norska", "da": "danska", "bg": "bulgariska", "hu": "ungerska",
    "uk": "ukrainska", "lt": "litauiska", "lv": "lettiska", "et": "estniska", "it": "italienska",
    "pt": "portugisiska", "zh": "kinesiska", "vi": "vietnamesiska", "fa": "persiska",
    "so": "somaliska", "tr": "turkiska", "sq": "albanska", "sr": "serbiska", "hr": "kroatiska",
    "bs": "bosniska", "ti": "tigrinja", "am": "amhariska",
}  # fmt: skip
DECIDER_ROLE_SV = {
    "prosecutor": "åklagare",
    "investigation_leader": "förundersökningsledare",
}
DECISION_HOW_SV = {"phone": "per telefon", "in_person": "på plats", "other": "på annat sätt"}
DECISION_KIND_SV = {
    "advance_approval": "förhandsgodkännande av strafföreläggande",
    "summary_order": "strafföreläggande",
    "ordinary_prosecution": "vanlig handläggning (åtalsprövning)",
    "no_action": "ingen åtgärd",
}
ANSWER_SV = {"accepts": "godkänner", "declines": "godkänner inte"}
OUTCOME_SV = {
    "completed": "fullbordat brott",
    "attempt": "försök",
    "not_enough": "underlaget räcker inte",
}
SUPPORT_OUTCOME_SV = {
    "accepted": "tackade ja",
    "declined": "tackade nej",
    "referral_made": "hänvisad / överlämnad",  # spaced: a narrow cell breaks it there
    "not_possible": "inte möjligt",
}
PLACE_KIND_SV = {"hotel": "hotell", "apartment": "lägenhet", "vehicle": "fordon", "other": "annat"}
CASE_STATUS_SV = {"open": "öppet", "closed": "avslutat", "transferred": "överlämnat"}
ESCALATION_SV = {
    "child_case": "barnärende (BrB 6:9): orosanmälan, inget strafföreläggande",
    "trafficking": "tecken på människohandel",
    "buyer_under_18": "misstänkt under 18 år: inget förhandsgodkännande",
    "foreign_national": "utländsk medborgare: tolk, ev. Migrationsverket",
}
STANDING_SV = {"witness": "vittne", "injured_party": "målsägande"}
