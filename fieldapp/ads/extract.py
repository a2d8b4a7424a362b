"""What an ad's text says: phone numbers (as E.164), e-mail addresses, prices, and the
places it names. The officer sees the result before anything is saved.

Phone numbers are found with phonenumbers' ``PhoneNumberMatcher`` (Swedish by default, any
country with a leading + or 00). The matcher is slow on long texts full of other numbers
(prices, ages, times: about 0.5 ms an ad), so it runs only on the stretches of text that
could hold a phone number at all (six or more digits with the usual separators), and its
answer for each such stretch is cached: advertisers repeat their numbers ad after ad. That
matters when a CSV of 10,000 ads is imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import phonenumbers

from fieldapp.ads.places import find_hotels, find_municipalities, fold
from fieldapp.ads.prices import Price, find_prices
from fieldapp.domain.common import DEFAULT_REGION

# Six or more digits with at most three separators between two of them; a leading + or (.
_PHONE_RUN = re.compile(r"[+(]?\d(?:[\s\u00a0\u202f().\-/]{0,3}\d){5,}")
_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\(a\)|\{at\})\s*[\w-]+(?:(?:\.|\s*\(dot\)\s*|\s*\[dot\]\s*)[\w-]+)+",
    re.IGNORECASE,
)
_EMAIL_GATE = re.compile(r"@|\(at\)|\[at\]|\(a\)|\{at\}", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_E164 = phonenumbers.PhoneNumberFormat.E164


@dataclass(frozen=True)
class Extraction:
    """What was read out of an ad, for the officer to confirm or correct."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    prices: tuple[Price, ...] = ()
    municipalities: tuple[str, ...] = ()
    hotels: tuple[str, ...] = ()
    phone_spans: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def fields(self) -> dict[str, Any]:
        """The proposed fields of an ad record (the first place and hotel named)."""
        proposal: dict[str, Any] = {
            "phones": list(self.phones),
            "emails": list(self.emails),
            "prices": [p.as_data() for p in self.prices],
        }
        if self.municipalities:
            proposal["municipality"] = self.municipalities[0]
        if self.hotels:
            proposal["hotel"] = self.hotels[0]
        return proposal


def extract(
    text: str, *, municipalities: Sequence[str] = (), hotels: Sequence[str] = ()
) -> Extraction:
    """Read ``text``: phones first, so their digits are masked before prices are read."""
    phones, spans = find_phones(text)
    emails, email_spans = find_emails(text)
    masked = _mask(text, [*spans, *email_spans, *(m.span() for m in _URL.finditer(text))])
    folded = fold(text)
    return Extraction(
        phones=tuple(phones),
        emails=tuple(emails),
        prices=tuple(find_prices(masked)),
        municipalities=tuple(find_municipalities(text, municipalities, folded=folded)),
        hotels=tuple(find_hotels(text, hotels, folded=folded)),
        phone_spans=tuple(spans),
    )


def find_phones(text: str, region: str = DEFAULT_REGION) -> tuple[list[str], list[tuple[int, int]]]:
    """Phone numbers in ``text`` as E.164 (first appearance first, no repeats) and where
    each occurrence stands."""
    numbers: list[str] = []
    spans: list[tuple[int, int]] = []
    for run in _PHONE_RUN.finditer(text):
        for e164, begin, end in _match_run(run.group(0), region):
            if e164 not in numbers:
                numbers.append(e164)
            spans.append((run.start() + begin, run.start() + end))
    return numbers, spans


@lru_cache(maxsize=16384)
def _match_run(run: str, region: str) -> tuple[tuple[str, int, int], ...]:
    """The numbers in one run of digits, with where they stand in it.

    The run is matched on its own, between spaces, so the result depends on the run alone
    and can be cached: one advertiser's number recurs in ad after ad, written the same way.
    """
    return tuple(
        (phonenumbers.format_number(m.number, _E164), m.start - 1, m.end - 1)
        for m in phonenumbers.PhoneNumberMatcher(f" {run} ", region)
    )


def find_emails(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """E-mail addresses, also written as "namn (at) exempel.se", in lower case."""
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    if not _EMAIL_GATE.search(text):
        return found, spans
    for m in _EMAIL.finditer(text):
        raw = re.sub(r"\s*(?:\(at\)|\[at\]|\(a\)|\{at\})\s*", "@", m.group(0), flags=re.I)
        raw = re.sub(r"\s*(?:\(dot\)|\[dot\])\s*", ".", raw, flags=re.I)
        address = re.sub(r"\s+", "", raw).strip(".").lower()
        if "@" in address and address not in found:
            found.append(address)
        spans.append(m.span())
    return found, spans


@lru_cache(maxsize=16384)
def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """A phone number typed in any usual format as E.164; ``None`` if it is not one.

    "070-174 06 05", "0701740605", "+46 70 174 06 05", "0046701740605" and "46701740605"
    (the country code without its +) all give "+46701740605".
    """
    cleaned = raw.strip()
    if not re.fullmatch(r"[\d\s\u00a0+().\-/]{5,40}", cleaned):
        return None
    for candidate in (cleaned, "+" + re.sub(r"\D", "", cleaned)):
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, _E164)
    return None


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
