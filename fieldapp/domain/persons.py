"""Persons in a case: the buyer (a suspect), the seller (never a suspect), witnesses.

Each ``clean_*`` function checks one person's fields and returns the stored form; every
problem is recorded with its field, so nothing half-checked is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import country, drop_none, language, languages, phone
from fieldapp.domain.identity import age_on, parse_swedish_id
from fieldapp.errors import coded
from fieldapp.validation import Problems, boolean, choice, day, integer, text

_NO_SWEDISH_ID = coded(
    "birth_or_document_required", "required when there is no Swedish identity number."
)
BUYER = "buyer"
SELLER = "seller"
WITNESS = "witness"
PERSON_ENTITY = "person"
ADULT_AGE = 18


class IdentityMethod(StrEnum):
    """How the buyer's identity was established."""

    ID_CARD = "id_card"
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    KNOWN = "known"
    OTHER = "other"


class CivilStatus(StrEnum):
    SINGLE = "single"
    MARRIED = "married"
    COHABITING = "cohabiting"
    PARTNER_ELSEWHERE = "partner_elsewhere"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    UNKNOWN = "unknown"


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Indicator(StrEnum):
    """Trafficking indicators (LEGAL.md §5); none decides alone."""

    NO_OR_FALSE_ID = "no_or_false_id"
    NO_CONTACT_DETAILS_OF_RECEIVER = "no_contact_details_of_receiver"
    CONTROLLED_BY_CALLS = "controlled_by_calls"
    UNEXPLAINED_ABSENCES = "unexplained_absences"
    UNEXPLAINED_MONEY = "unexplained_money"
    CRIMINAL_NETWORK_LINKS = "criminal_network_links"


def _identity_document(p: Problems, data: Mapping[str, Any]) -> dict[str, Any] | None:
    doc = data.get("foreign_id")
    if doc is None:
        return None
    if not isinstance(doc, Mapping):
        p.add("foreign_id", coded("malformed", "must be a document type, number and country."))
        return None
    sub = p.at("foreign_id")
    return drop_none(
        {
            "document": text(sub, doc, "document", required=True, max_len=60),
            "number": text(sub, doc, "number", required=True, max_len=60),
            "country": country(sub, doc, "country"),
        }
    )


def _identity(p: Problems, data: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Personnummer or samordningsnummer; otherwise date of birth and a foreign document."""
    out: dict[str, Any] = {}
    raw_id = text(p, data, "personal_id", max_len=20)
    if raw_id is not None:
        with p.catching("personal_id"):
            parsed = parse_swedish_id(raw_id, today=today, field="personal_id")
            out["personal_id"] = parsed.number
            out["id_kind"] = parsed.kind.value
            out["date_of_birth"] = parsed.birth_date.isoformat()
    else:
        born = day(p, data, "date_of_birth", not_after=today, not_before=date(1900, 1, 1))
        doc = _identity_document(p, data)
        if born is None and "date_of_birth" not in {f for f, _ in p}:
            p.add("date_of_birth", _NO_SWEDISH_ID)
        if doc is None and "foreign_id" not in {f.split(".")[0] for f, _ in p}:
            p.add("foreign_id", _NO_SWEDISH_ID)
        out["date_of_birth"] = born.isoformat() if born else None
        out["foreign_id"] = doc
    return out


def _income(p: Problems, data: Mapping[str, Any]) -> dict[str, Any] | None:
    income = data.get("income")
    if income is None:
        return None
    if not isinstance(income, Mapping):
        p.add("income", coded("malformed", "must be the income fields."))
        return None
    sub = p.at("income")
    restructuring = boolean(sub, income, "debt_restructuring", default=False)
    return drop_none(
        {
            "annual_income_sek": integer(sub, income, "annual_income_sek", required=True),
            "costs_sek": integer(sub, income, "costs_sek"),
            "benefits_sek": integer(sub, income, "benefits_sek"),
            "children_supported": integer(sub, income, "children_supported", maximum=30),
            "spouse_without_income": boolean(sub, income, "spouse_without_income", default=False),
            "net_wealth_sek": integer(sub, income, "net_wealth_sek", minimum=None),
            "debt_restructuring": restructuring,
            "payment_free_amount_sek": integer(
                sub, income, "payment_free_amount_sek", required=bool(restructuring)
            ),
            "source": text(sub, income, "source", max_len=200),
        }
    )


def clean_buyer(data: Mapping[str, Any], p: Problems, *, today: date) -> dict[str, Any]:
    method = choice(p, data, "identity_method", IdentityMethod, required=True)
    interpreter = boolean(p, data, "interpreter_needed", default=False)
    return drop_none(
        {
            "role": BUYER,
            "name": text(p, data, "name", required=True, max_len=120),
            **_identity(p, data, today),
            "identity_method": method,
            "identity_note": text(
                p, data, "identity_note", required=method is IdentityMethod.OTHER, max_len=300
            ),
            "address": text(p, data, "address", max_len=300),
            "phone": phone(p, data, "phone"),
            "civil_status": choice(p, data, "civil_status", CivilStatus),
            "children_under_18": integer(p, data, "children_under_18", maximum=30),
            "income": _income(p, data),
            "language": languages(p, data, "language"),
            "interpreter_needed": interpreter,
            "interpreter_language": language(
                p, data, "interpreter_language", required=bool(interpreter)
            ),
        }
    )


def _indicators(p: Problems, data: Mapping[str, Any]) -> dict[str, Any]:
    raw = data.get("indicators") or {}
    if not isinstance(raw, Mapping):
        p.add("indicators", coded("malformed", "must list indicators with yes, no or unknown."))
        return {}
    out: dict[str, Any] = {}
    sub = p.at("indicators")
    for key, value in raw.items():
        try:
            indicator = Indicator(key)
        except ValueError:
            sub.add(str(key), coded("unknown_indicator", "not a known trafficking indicator."))
            continue
        entry = value if isinstance(value, Mapping) else {"answer": value}
        at = sub.at(indicator.value)
        answer = choice(at, entry, "answer", Answer, required=True)
        note = text(at, entry, "note", max_len=500)
        if answer is not None:
            out[indicator.value] = drop_none({"answer": answer.value, "note": note})
    return out


def clean_seller(data: Mapping[str, Any], p: Problems, *, today: date) -> dict[str, Any]:
    interpreter = boolean(p, data, "interpreter_needed", default=False)
    born = day(p, data, "date_of_birth", not_after=today, not_before=date(1900, 1, 1))
    return drop_none(
        {
            "role": SELLER,
            "name": text(p, data, "name", required=True, max_len=120),  # or an alias
            "date_of_birth": born.isoformat() if born else None,
            "estimated_age": integer(p, data, "estimated_age", minimum=10, maximum=99),
            "possibly_minor": boolean(p, data, "possibly_minor", default=False),
            "nationality": country(p, data, "nationality"),
            "language": languages(p, data, "language"),
            "interpreter_needed": interpreter,
            "interpreter_language": language(
                p, data, "interpreter_language", required=bool(interpreter)
            ),
            "phone": phone(p, data, "phone"),
            "indicators": _indicators(p, data),
            "note": text(p, data, "note"),
        }
    )


def clean_witness(data: Mapping[str, Any], p: Problems, *, today: date) -> dict[str, Any]:
    raw_id = text(p, data, "personal_id", max_len=20)
    personal_id = None
    if raw_id is not None:
        with p.catching("personal_id"):
            personal_id = parse_swedish_id(raw_id, today=today, field="personal_id").number
    return drop_none(
        {
            "role": WITNESS,
            "name": text(p, data, "name", required=True, max_len=120),
            "personal_id": personal_id,
            "phone": phone(p, data, "phone"),
            "address": text(p, data, "address", max_len=300),
            "relation": text(p, data, "relation", max_len=120),  # e.g. hotel night porter
            "note": text(p, data, "note"),
        }
    )


CLEANERS = {BUYER: clean_buyer, SELLER: clean_seller, WITNESS: clean_witness}


def seller_is_minor(seller: Mapping[str, Any], on: date) -> bool:
    """Under 18, or age unknown and possibly under 18: the child-case path applies.

    Doubt counts as a child: the law (BrB 6:13) lets negligence about age suffice.
    """
    if seller.get("possibly_minor"):
        return True
    born = seller.get("date_of_birth")
    if born:
        return age_on(date.fromisoformat(born), on) < ADULT_AGE
    estimated = seller.get("estimated_age")
    if estimated is not None:
        return int(estimated) < ADULT_AGE
    # Nothing recorded yet: the checklist asks for the age assessment; until then no escalation.
    return False


def trafficking_indicators(seller: Mapping[str, Any]) -> list[str]:
    """The indicators answered yes."""
    return [k for k, v in (seller.get("indicators") or {}).items() if v.get("answer") == "yes"]


def buyer_age(buyer: Mapping[str, Any], on: date) -> int | None:
    born = buyer.get("date_of_birth")
    return age_on(date.fromisoformat(born), on) if born else None
