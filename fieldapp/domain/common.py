"""Readers shared by the domain records: phone numbers, languages, countries."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import phonenumbers

from fieldapp.errors import Reason, coded
from fieldapp.validation import Problems, text

DEFAULT_REGION = "SE"
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def not_in_county(municipalities: Iterable[str]) -> Reason:
    """The refusal of a municipality outside the county (the list is for the CLI)."""
    names = ", ".join(municipalities)
    return coded("not_in_county", f"not a municipality of this county ({names}).")


def phone(
    p: Problems, data: Mapping[str, Any], field: str, *, required: bool = False
) -> str | None:
    """A phone number in any usual format; Swedish by default; stored as E.164."""
    raw = text(p, data, field, required=required, max_len=40)
    if raw is None:
        return None
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        p.add(field, coded("not_a_phone", "not a phone number."))
        return None
    if phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_short_number(number):  # 112, 114 14: dialled as they are
        return phonenumbers.national_significant_number(number)
    p.add(field, coded("impossible_phone", "not a possible phone number (too short or too long)."))
    return None


def language(
    p: Problems, data: Mapping[str, Any], field: str, *, required: bool = False
) -> str | None:
    """An ISO 639 language code (sv, en, ro, ru, es, th …)."""
    raw = text(p, data, field, required=required, max_len=40)
    if raw is None:
        return None
    if len(_split_languages(raw)) > 1:
        # "ro, en" where one language is asked for (the interpreter's, the notice's): said,
        # never cut to its first code.
        p.add(field, coded("one_language", "one language code only, such as ro."))
        return None
    if not _LANGUAGE.match(raw.lower()):
        p.add(field, coded("not_a_language", "use a language code such as sv, en, ro."))
        return None
    return raw.lower()


def languages(
    p: Problems, data: Mapping[str, Any], field: str, *, required: bool = False
) -> str | None:
    """The languages a person speaks: one code or several ("ro, en"), the one spoken best
    first; stored as the codes joined by ", "."""
    raw = text(p, data, field, required=required, max_len=40)
    if raw is None:
        return None
    codes = list(dict.fromkeys(_split_languages(raw.lower())))
    wrong = [c for c in codes if not _LANGUAGE.match(c)]
    if wrong or not codes:
        p.add(
            field,
            coded(
                "language_codes",
                "use language codes such as sv, or several as ro, en.",
                wrong=", ".join(wrong),
            ),
        )
        return None
    return ", ".join(codes)


def first_language(value: object) -> str | None:
    """The first code of a ``languages`` value (the one spoken best), if any."""
    codes = _split_languages(str(value or "").lower())
    return codes[0] if codes else None


def _split_languages(raw: str) -> list[str]:
    return [c for c in re.split(r"[\s,;/+&]+", raw.strip()) if c]


def country(p: Problems, data: Mapping[str, Any], field: str) -> str | None:
    """An ISO 3166 two-letter country code (SE, RO, TH …)."""
    raw = text(p, data, field, max_len=2)
    if raw is None:
        return None
    if not _COUNTRY.match(raw.upper()):
        p.add(field, coded("not_a_country", "use a two-letter country code such as SE, RO."))
        return None
    return raw.upper()


def web_address(p: Problems, data: Mapping[str, Any], field: str) -> str | None:
    raw = text(p, data, field, max_len=300)
    if raw is None:
        return None
    if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", raw):
        p.add(field, coded("not_a_web_address", "use a full web address starting with https://."))
        return None
    return raw


def email(p: Problems, data: Mapping[str, Any], field: str) -> str | None:
    raw = text(p, data, field, max_len=200)
    if raw is None:
        return None
    if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", raw):
        p.add(field, coded("not_an_email", "not an e-mail address."))
        return None
    return raw


def drop_none(data: Mapping[str, Any]) -> dict[str, Any]:
    """The stored form: only the fields that hold something, enums as their plain values."""
    return {k: v.value if isinstance(v, Enum) else v for k, v in data.items() if v is not None}
