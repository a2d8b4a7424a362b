"""Words for the core's codes: element kinds, sources, outcomes, roles, reasons.

The core returns enums and codes; this module turns them into the UI language (the words for
refusal reasons and errors are in ``ui.problem_texts``). Tables are marked with
``QT_TRANSLATE_NOOP`` so pyside6-lupdate finds them, and translated when asked, so a
language switch takes effect at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from fieldapp.errors import as_reason
from ui.i18n import QT_TRANSLATE_NOOP
from ui.problem_texts import coded_text

_CTX = "Words"

ELEMENT_KINDS = {
    "agreement": QT_TRANSLATE_NOOP("Words", "Agreement"),
    "stated_price": QT_TRANSLATE_NOOP("Words", "Stated price"),
    "payment_handed_over": QT_TRANSLATE_NOOP("Words", "Payment handed over"),
    "act_begun": QT_TRANSLATE_NOOP("Words", "Act begun"),
}
SOURCES = {
    "observed": QT_TRANSLATE_NOOP("Words", "observed"),
    "overheard": QT_TRANSLATE_NOOP("Words", "overheard"),
    "message": QT_TRANSLATE_NOOP("Words", "message (text, chat)"),
    "statement": QT_TRANSLATE_NOOP("Words", "statement"),
    "ad": QT_TRANSLATE_NOOP("Words", "the ad"),
    "verbal": QT_TRANSLATE_NOOP("Words", "said aloud"),
    "found": QT_TRANSLATE_NOOP("Words", "found (left by the buyer)"),
}
OUTCOMES = {
    "completed": QT_TRANSLATE_NOOP("Words", "Completed offence"),
    "attempt": QT_TRANSLATE_NOOP("Words", "Attempt"),
    "not_enough": QT_TRANSLATE_NOOP("Words", "Not enough yet"),
}
OUTCOMES_SHORT = {
    "completed": QT_TRANSLATE_NOOP("Words", "completed"),
    "attempt": QT_TRANSLATE_NOOP("Words", "attempt"),
    "not_enough": QT_TRANSLATE_NOOP("Words", "not enough"),
}
COMPLETION_RULES = {
    "county_practice": QT_TRANSLATE_NOOP(
        "Words", "County practice: agreement, stated price and payment handed over"
    ),
    "act_begun_required": QT_TRANSLATE_NOOP(
        "Words", "Case law: agreement, stated price and the act begun"
    ),
}
ESCALATIONS = {
    "child_case": QT_TRANSLATE_NOOP(
        "Words", "Child case (BrB 6:9): report of concern at once, no summary penalty"
    ),
    "trafficking": QT_TRANSLATE_NOOP(
        "Words", "Signs of trafficking: coordinator, reflection period, investigators"
    ),
    "buyer_under_18": QT_TRANSLATE_NOOP("Words", "Suspect under 18: no advance approval"),
    "foreign_national": QT_TRANSLATE_NOOP(
        "Words", "Seller is a foreign national: interpreter, Migrationsverket where relevant"
    ),
}
STANDING = {
    "witness": QT_TRANSLATE_NOOP("Words", "witness"),
    "injured_party": QT_TRANSLATE_NOOP("Words", "injured party"),
}
SUPPORT_OUTCOMES = {
    "accepted": QT_TRANSLATE_NOOP("Words", "accepted"),
    "declined": QT_TRANSLATE_NOOP("Words", "declined"),
    "referral_made": QT_TRANSLATE_NOOP("Words", "referred / handed over"),
    "not_possible": QT_TRANSLATE_NOOP("Words", "not possible"),
}
# The same outcomes as choices in a list: each starts with its own letter, so one key
# picks it (two quick presses of the same letter would not move on).
SUPPORT_CHOICES = {
    "accepted": QT_TRANSLATE_NOOP("Words", "yes, accepted"),
    "declined": QT_TRANSLATE_NOOP("Words", "no, declined"),
    "referral_made": QT_TRANSLATE_NOOP("Words", "referred / handed over"),
    "not_possible": QT_TRANSLATE_NOOP("Words", "could not be offered"),
}
PLACE_KINDS = {
    "hotel": QT_TRANSLATE_NOOP("Words", "hotel"),
    "apartment": QT_TRANSLATE_NOOP("Words", "apartment"),
    "vehicle": QT_TRANSLATE_NOOP("Words", "vehicle"),
    "other": QT_TRANSLATE_NOOP("Words", "other"),
}
CASE_STATUS = {
    "open": QT_TRANSLATE_NOOP("Words", "open"),
    "closed": QT_TRANSLATE_NOOP("Words", "closed"),
    "transferred": QT_TRANSLATE_NOOP("Words", "transferred"),
}
IDENTITY_METHODS = {
    "id_card": QT_TRANSLATE_NOOP("Words", "ID card"),
    "driving_licence": QT_TRANSLATE_NOOP("Words", "driving licence"),
    "passport": QT_TRANSLATE_NOOP("Words", "passport"),
    "known": QT_TRANSLATE_NOOP("Words", "known before"),
    "other": QT_TRANSLATE_NOOP("Words", "other way"),
}
CIVIL_STATUS = {
    "single": QT_TRANSLATE_NOOP("Words", "single"),
    "married": QT_TRANSLATE_NOOP("Words", "married"),
    "cohabiting": QT_TRANSLATE_NOOP("Words", "cohabiting"),
    "partner_elsewhere": QT_TRANSLATE_NOOP("Words", "partner living elsewhere"),
    "divorced": QT_TRANSLATE_NOOP("Words", "divorced"),
    "widowed": QT_TRANSLATE_NOOP("Words", "widowed"),
    "unknown": QT_TRANSLATE_NOOP("Words", "unknown"),
}
INDICATORS = {
    "no_or_false_id": QT_TRANSLATE_NOOP("Words", "No ID, or a false one"),
    "no_contact_details_of_receiver": QT_TRANSLATE_NOOP(
        "Words", "Cannot say who receives the money or how to reach them"
    ),
    "controlled_by_calls": QT_TRANSLATE_NOOP("Words", "Controlled by phone calls"),
    "unexplained_absences": QT_TRANSLATE_NOOP("Words", "Unexplained absences"),
    "unexplained_money": QT_TRANSLATE_NOOP("Words", "Unexplained money"),
    "criminal_network_links": QT_TRANSLATE_NOOP("Words", "Links to a criminal network"),
}
ANSWERS = {
    "yes": QT_TRANSLATE_NOOP("Words", "yes"),
    "no": QT_TRANSLATE_NOOP("Words", "no"),
    "unknown": QT_TRANSLATE_NOOP("Words", "unknown"),
}
DECIDER_ROLES = {
    "prosecutor": QT_TRANSLATE_NOOP("Words", "prosecutor"),
    "investigation_leader": QT_TRANSLATE_NOOP("Words", "investigation leader"),
}
DECISION_HOW = {
    "phone": QT_TRANSLATE_NOOP("Words", "by phone"),
    "in_person": QT_TRANSLATE_NOOP("Words", "in person"),
    "other": QT_TRANSLATE_NOOP("Words", "other way"),
}
DECISION_KINDS = {
    "advance_approval": QT_TRANSLATE_NOOP("Words", "advance approval of summary penalty"),
    "summary_order": QT_TRANSLATE_NOOP("Words", "summary penalty order"),
    "ordinary_prosecution": QT_TRANSLATE_NOOP("Words", "ordinary prosecution"),
    "no_action": QT_TRANSLATE_NOOP("Words", "no action"),
}
BUYER_ANSWERS = {
    "accepts": QT_TRANSLATE_NOOP("Words", "accepts"),
    "declines": QT_TRANSLATE_NOOP("Words", "declines"),
}
CONTACT_ROLES = {
    "prosecutor_on_duty": QT_TRANSLATE_NOOP("Words", "Prosecutor on duty"),
    "social_services_on_call": QT_TRANSLATE_NOOP("Words", "Social services on call"),
    "seller_support": QT_TRANSLATE_NOOP("Words", "Support for the seller"),
    "buyer_support": QT_TRANSLATE_NOOP("Words", "Support for the buyer"),
    "trafficking_helpline": QT_TRANSLATE_NOOP("Words", "Trafficking helpline"),
    "regional_coordinator": QT_TRANSLATE_NOOP("Words", "Regional coordinator"),
    "migration_agency": QT_TRANSLATE_NOOP("Words", "Migrationsverket"),
    "interpreter": QT_TRANSLATE_NOOP("Words", "Interpreter"),
    "police_tip_line": QT_TRANSLATE_NOOP("Words", "Police tip line"),
    "emergency": QT_TRANSLATE_NOOP("Words", "Emergency"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
}
TEAM_ROLES = {
    "operation_leader": QT_TRANSLATE_NOOP("Words", "operation leader"),
    "field_officer": QT_TRANSLATE_NOOP("Words", "field officer"),
    "investigator": QT_TRANSLATE_NOOP("Words", "investigator"),
    "station_staff": QT_TRANSLATE_NOOP("Words", "station staff"),
    "social_worker": QT_TRANSLATE_NOOP("Words", "social worker"),
}
PERSON_ROLES = {
    "buyer": QT_TRANSLATE_NOOP("Words", "Buyer"),
    "seller": QT_TRANSLATE_NOOP("Words", "Seller"),
    "witness": QT_TRANSLATE_NOOP("Words", "Witness"),
}
ENTITY_TYPES = {
    "case": QT_TRANSLATE_NOOP("Words", "Case"),
    "person": QT_TRANSLATE_NOOP("Words", "Person"),
    "element": QT_TRANSLATE_NOOP("Words", "Offence element"),
    "observation": QT_TRANSLATE_NOOP("Words", "Note"),
    "support_offer": QT_TRANSLATE_NOOP("Words", "Support offered"),
    "notice": QT_TRANSLATE_NOOP("Words", "Notice of suspicion"),
    "hearing": QT_TRANSLATE_NOOP("Words", "Hearing"),
    "decision": QT_TRANSLATE_NOOP("Words", "Decision"),
    "buyer_answer": QT_TRANSLATE_NOOP("Words", "Buyer's answer"),
    "checklist_tick": QT_TRANSLATE_NOOP("Words", "Checklist"),
    "photo": QT_TRANSLATE_NOOP("Words", "Photo"),
}
DAY_FINE_LINES = {
    "income": QT_TRANSLATE_NOOP(
        "Words", "Income {income} − costs {costs} + benefits {benefits} = {total} kr"
    ),
    "tax_adjustment": QT_TRANSLATE_NOOP(
        "Words", "Minus 20 % of {excess} kr above the state-tax threshold {threshold} kr"
    ),
    "children": QT_TRANSLATE_NOOP(
        "Words", "Minus ½ prisbasbelopp × {children} children: {deduction} kr"
    ),
    "spouse": QT_TRANSLATE_NOOP("Words", "Minus {deduction} kr for a spouse without income"),
    "remainder": QT_TRANSLATE_NOOP("Words", "Remainder: {remainder} kr"),
    "per_mille": QT_TRANSLATE_NOOP("Words", "1/1000 of the remainder, rounded down: {amount} kr"),
    "debt_restructuring": QT_TRANSLATE_NOOP(
        "Words", "Debt restructuring: {base} kr + payment-free amount {payment_free} kr / 365"
    ),
    "minimum": QT_TRANSLATE_NOOP("Words", "Raised to the minimum {amount} kr"),
    "wealth": QT_TRANSLATE_NOOP("Words", "Wealth addition: +{addition} kr"),
    "maximum": QT_TRANSLATE_NOOP("Words", "Capped at the maximum {amount} kr"),
    "result": QT_TRANSLATE_NOOP("Words", "Day-fine amount: {amount} kr"),
}


def word(table: Mapping[str, str], code: object, context: str = _CTX) -> str:
    """The word for ``code`` from ``table`` in the UI language; the code itself if unknown."""
    key = str(code)
    text = table.get(key)
    return QCoreApplication.translate(context, text) if text else key


def reason_text(reason: str) -> str:
    """A refusal reason of the core in the UI language, by its code (``ui.problem_texts``).
    A reason without a code is not shown as English: it gets the generic words."""
    return coded_text(as_reason(reason))


def kr(amount: int | float | None) -> str:
    """``16 500 kr`` in Swedish grouping, ``16,500 kr`` in English."""
    if amount is None:
        return "–"
    return f"{QLocale().toString(int(amount))} kr"


def clock(iso: str | None) -> str:
    """``21:42`` from an ISO time, in the laptop's zone."""
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")


def day_and_clock(iso: str | None) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def short_moment(iso: str | None) -> str:
    """``26/11 21:15``: an operation lasts days, not years."""
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone().strftime("%d/%m %H:%M")


def day_text(value: date | str | None) -> str:
    if not value:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def short_name(name: str | None) -> str:
    """``Bo L.``: enough to tell buyers apart on a checklist line."""
    if not name:
        return ""
    parts = name.split()
    if len(parts) == 1 or "(" in name:
        return name
    return f"{parts[0]} {parts[-1][0]}."
