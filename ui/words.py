"""Words for the core's codes: element kinds, sources, outcomes, roles, reasons.

The core returns enums, codes and plain English refusal reasons; this module turns them
into the UI language. Tables are marked with ``QT_TRANSLATE_NOOP`` so pyside6-lupdate finds
them, and translated when asked, so a language switch takes effect at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from fieldapp.errors import Reason
from ui.i18n import QT_TRANSLATE_NOOP
from ui.problem_texts import coded_text

_CTX = "Words"
# Named ``translate`` so that pyside6-lupdate finds the literal strings below.
translate = QCoreApplication.translate

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

# Refusal reasons of the core, word for word; the ones with a number or a list in them
# are matched by the patterns below.
REASONS = {
    "required.": QT_TRANSLATE_NOOP("Reasons", "Required."),
    "must be a whole number.": QT_TRANSLATE_NOOP("Reasons", "Enter a whole number."),
    "must not be negative.": QT_TRANSLATE_NOOP("Reasons", "Must not be negative."),
    "must not be in the future.": QT_TRANSLATE_NOOP("Reasons", "Must not be in the future."),
    "must not be before the start.": QT_TRANSLATE_NOOP("Reasons", "Must not be before the start."),
    "not a real date (use YYYY-MM-DD).": QT_TRANSLATE_NOOP(
        "Reasons", "Not a real date (use YYYY-MM-DD)."
    ),
    "not a real time (use ISO 8601, e.g. 2026-05-14T21:42+02:00).": QT_TRANSLATE_NOOP(
        "Reasons", "Not a real time."
    ),
    "not a phone number.": QT_TRANSLATE_NOOP("Reasons", "Not a phone number."),
    "not a possible phone number (too short or too long).": QT_TRANSLATE_NOOP(
        "Reasons", "Not a possible phone number (too short or too long)."
    ),
    "use a two-letter country code such as SE, RO.": QT_TRANSLATE_NOOP(
        "Reasons", "Use a two-letter country code such as SE, RO."
    ),
    "use a language code such as sv, en, ro.": QT_TRANSLATE_NOOP(
        "Reasons", "Use a language code such as sv, en, ro."
    ),
    "use a three-letter currency code such as SEK or EUR.": QT_TRANSLATE_NOOP(
        "Reasons", "Use a three-letter currency code such as SEK or EUR."
    ),
    "required when there is no Swedish identity number.": QT_TRANSLATE_NOOP(
        "Reasons", "Required when there is no Swedish identity number."
    ),
    "use 10 or 12 digits, e.g. 19811218-9876.": QT_TRANSLATE_NOOP(
        "Reasons", "Use 10 or 12 digits, e.g. 19811218-9876."
    ),
    "only digits and one '-' or '+'.": QT_TRANSLATE_NOOP(
        "Reasons", "Only digits and one '-' or '+'."
    ),
    "the check digit is wrong (a typing error?).": QT_TRANSLATE_NOOP(
        "Reasons", "The check digit is wrong (a typing error?)."
    ),
    "the date of birth in the number does not exist.": QT_TRANSLATE_NOOP(
        "Reasons", "The date of birth in the number does not exist."
    ),
    "the date of birth in the number is in the future.": QT_TRANSLATE_NOOP(
        "Reasons", "The date of birth in the number is in the future."
    ),
    "required: choose a contact or name the organisation.": QT_TRANSLATE_NOOP(
        "Reasons", "Choose a contact or name the organisation."
    ),
    "required when the money was seized (record number and amount).": QT_TRANSLATE_NOOP(
        "Reasons", "Required when the money was seized (record number and amount)."
    ),
    "required for a summary penalty order.": QT_TRANSLATE_NOOP(
        "Reasons", "Required for a summary penalty order: day-fines and/or conditional sentence."
    ),
    "more than the amount handed over.": QT_TRANSLATE_NOOP(
        "Reasons", "More than the amount handed over."
    ),
    "advance approval is never possible for a suspect under 18.": QT_TRANSLATE_NOOP(
        "Reasons", "Advance approval is never possible for a suspect under 18."
    ),
    "no such person in this case.": QT_TRANSLATE_NOOP("Reasons", "No such person in this case."),
    "no such decision in this case.": QT_TRANSLATE_NOOP(
        "Reasons", "No such decision in this case."
    ),
    "a contact needs a phone number, an e-mail or a web address.": QT_TRANSLATE_NOOP(
        "Reasons", "A contact needs a phone number, an e-mail or a web address."
    ),
    "not an e-mail address.": QT_TRANSLATE_NOOP("Reasons", "Not an e-mail address."),
    "use a full web address starting with https://.": QT_TRANSLATE_NOOP(
        "Reasons", "Use a full web address starting with https://."
    ),
    "Day-fine amount: required when day-fines are given.": QT_TRANSLATE_NOOP(
        "Reasons", "Enter the amount per day-fine too."
    ),
    "Day-fines: required when a day-fine amount is given.": QT_TRANSLATE_NOOP(
        "Reasons", "Enter the number of day-fines too."
    ),
    "choose day-fines, villkorlig dom, or villkorlig dom with day-fines.": QT_TRANSLATE_NOOP(
        "Reasons", "Choose day-fines, conditional sentence, or both."
    ),
    "Income: record the buyer's income first (annual income, costs, children, wealth, "
    "debts).": QT_TRANSLATE_NOOP("Reasons", "Enter the buyer's annual income first."),
    # The ad register, the outreach directory, tips, and files of ads.
    "required (the site or platform, or the ad's web address).": QT_TRANSLATE_NOOP(
        "Reasons", "Enter the site or the ad's web address."
    ),
    "required (the ad's text, or at least its title).": QT_TRANSLATE_NOOP(
        "Reasons", "Paste the ad's text (or at least its title)."
    ),
    "must not be before first seen.": QT_TRANSLATE_NOOP(
        "Reasons", "Must not be before it was first seen."
    ),
    "not a real date or time (use YYYY-MM-DD or ISO 8601 with an offset).": QT_TRANSLATE_NOOP(
        "Reasons", "Not a real date (use YYYY-MM-DD)."
    ),
    "needs a time zone offset (or give the date alone).": QT_TRANSLATE_NOOP(
        "Reasons", "Give the date alone, or a time with its time zone."
    ),
    "the directory already lists this company.": QT_TRANSLATE_NOOP(
        "Reasons", "The directory already lists this company."
    ),
    "required: the directory company, or who else gave the tip.": QT_TRANSLATE_NOOP(
        "Reasons", "Choose the company, or say who else gave the tip."
    ),
    "no such company in the directory.": QT_TRANSLATE_NOOP(
        "Reasons", "No such company in the directory."
    ),
    "must be a whole number from 1 to 1000.": QT_TRANSLATE_NOOP(
        "Reasons", "Enter a whole number from 1 to 1000."
    ),
    "the file is empty.": QT_TRANSLATE_NOOP("Reasons", "The file is empty."),
    "binary data, not a CSV file.": QT_TRANSLATE_NOOP("Reasons", "Not a CSV file."),
    'not UTF-8 text; save the file as "CSV UTF-8" and import it again.': QT_TRANSLATE_NOOP(
        "Reasons", 'Not UTF-8 text: save the file as "CSV UTF-8" and import it again.'
    ),
    "the column appears twice.": QT_TRANSLATE_NOOP("Reasons", "The column appears twice."),
    "no text or title column (the header names the columns).": QT_TRANSLATE_NOOP(
        "Reasons", "No text or title column (the first row must name the columns)."
    ),
    "not a web page (no HTML tags).": QT_TRANSLATE_NOOP("Reasons", "Not a web page."),
    "the page holds no visible text.": QT_TRANSLATE_NOOP(
        "Reasons", "The page holds no visible text."
    ),
}
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^at most (\d+) characters\.$"),
        QT_TRANSLATE_NOOP("Reasons", "At most {0} characters."),
    ),
    (re.compile(r"^at most (\d+)\.$"), QT_TRANSLATE_NOOP("Reasons", "At most {0}.")),
    (re.compile(r"^at least (\d+)\.$"), QT_TRANSLATE_NOOP("Reasons", "At least {0}.")),
    (
        re.compile(r"^must not be after (\S+)\.$"),
        QT_TRANSLATE_NOOP("Reasons", "Must not be after {0}."),
    ),
    (
        re.compile(r"^must not be before (\S+)\.$"),
        QT_TRANSLATE_NOOP("Reasons", "Must not be before {0}."),
    ),
    (
        re.compile(r"^must be one of .*\.$"),
        QT_TRANSLATE_NOOP("Reasons", "Choose one of the listed values."),
    ),
    (
        re.compile(r"^must include: (.*) \(RB 23:18, FUK 12 §\)\.$"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "The rights must include the right to a lawyer, to stay silent and to "
            "information (RB 23:18).",
        ),
    ),
    (
        re.compile(r"^not a municipality of this county \((.*)\)\.$"),
        QT_TRANSLATE_NOOP("Reasons", "Not a municipality of this county."),
    ),
    (
        re.compile(r"^(\d+) fields?; the header has (\d+)\.$"),
        QT_TRANSLATE_NOOP("Reasons", "{0} fields, but the first row names {1} columns."),
    ),
    (
        re.compile(r"^a quoted field opened on this line is never closed"),
        QT_TRANSLATE_NOOP("Reasons", "A quotation mark opened on this line is never closed."),
    ),
    (
        re.compile(r"^the same address as line (\d+)\.$"),
        QT_TRANSLATE_NOOP("Reasons", "The same web address as line {0}."),
    ),
    (
        re.compile(r"; reopen it to link or unlink ads\.$"),
        QT_TRANSLATE_NOOP(
            "Reasons", "The case is closed or handed over: reopen it to link or unlink ads."
        ),
    ),
    (
        re.compile(r"the case is (\w+); reopen it"),
        QT_TRANSLATE_NOOP("Reasons", "The case is {0}; reopen it to change it."),
    ),
    (
        re.compile(r"the number must be between (\d+) and (\d+); got"),
        QT_TRANSLATE_NOOP("Reasons", "The number of day-fines must be between {0} and {1}."),
    ),
    (
        re.compile(r"Day-fine amount: must be between ([\d,]+) and ([\d,]+) kr"),
        QT_TRANSLATE_NOOP("Reasons", "The amount per day-fine must be between {0} and {1} kr."),
    ),
    (
        re.compile(r"day-fines alone are not allowed"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "Day-fines alone are not allowed for offences on this date (fines were removed "
            "from the scale); use conditional sentence, with or without day-fines.",
        ),
    ),
    (
        re.compile(r"no summary penalty order for"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "No summary penalty order in a child case (BrB 6:9): the case goes to the prosecutor.",
        ),
    ),
    (
        re.compile(r"villkorlig dom cannot be given by summary penalty order"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "A conditional sentence cannot be given by summary penalty order for an offence "
            "committed under 18.",
        ),
    ),
    (
        re.compile(r"is not allowed by summary penalty order"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "This sanction is not allowed by summary penalty order for offences on this date.",
        ),
    ),
    (
        re.compile(r"advance approval \(RB 48:10\) is possible only"),
        QT_TRANSLATE_NOOP(
            "Reasons", "Advance approval is possible only for offences from 2023-01-01."
        ),
    ),
    (
        re.compile(r"no advance approval for"),
        QT_TRANSLATE_NOOP(
            "Reasons", "No advance approval in a child case: the case goes to the prosecutor."
        ),
    ),
)


def word(table: Mapping[str, str], code: object, context: str = _CTX) -> str:
    """The word for ``code`` from ``table`` in the UI language; the code itself if unknown."""
    key = str(code)
    text = table.get(key)
    return QCoreApplication.translate(context, text) if text else key


def reason_text(reason: str) -> str:
    """A refusal reason of the core in the UI language: by its code when it has one."""
    if isinstance(reason, Reason):
        coded = coded_text(reason)
        if coded is not None:
            return coded
    exact = REASONS.get(reason)
    if exact is not None:
        return QCoreApplication.translate("Reasons", exact)
    for pattern, template in _PATTERNS:
        match = pattern.search(reason)
        if match:
            return QCoreApplication.translate("Reasons", template).format(*match.groups())
    _head, sep, tail = reason.partition(": ")
    if sep and tail in REASONS:
        return QCoreApplication.translate("Reasons", REASONS[tail])
    return reason  # a reason added to the core before it got words here: English beats none


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
