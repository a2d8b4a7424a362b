"""What an ad's text says: phone numbers (as E.164), e-mail addresses, prices, and the
places it names. The officer sees the result before anything is saved.

Phone numbers are found with phonenumbers' ``PhoneNumberMatcher`` (Swedish by default, any
country with a leading + or 00). The matcher is slow on long texts full of other numbers
(prices, ages, times: about 0.5 ms an ad), so it runs only on the stretches of text that
could hold a phone number at all (six or more digits with the usual separators), and its
answer for each such stretch is cached: advertisers repeat their numbers ad after ad. That
matters when a CSV of 10,000 ads is imported.

Even on one stretch the matcher costs 60–90 µs, and an import meets thousands of numbers
for the first time. Most stretches are written plainly ("070-174 06 05", "+44 7700 900123",
"0046701740605": digits in groups split by one space or hyphen). For those the matcher's
answer is known without running it: if the digits (with the +, if any) parse as a valid
number, the matcher takes the whole stretch as that number, because its other tests (dates,
brackets, letters around it, slashes) cannot fail on such a stretch. The answer for the
digits is cached, so the ways one advertiser writes a number share one look-up. Anything
else, and any plain stretch that is not a valid number as a whole, goes to the matcher.
Tests check the two agree on random ad-like text.

Ads are typed and copied in many ways, so a run is tidied before it is matched, character
for character (every position stays): any dash (en dash, em dash, minus, the Unicode
hyphens) becomes "-", a middle dot ".", any space (no-break, narrow, thin) and a line
break " ". A number typed with the letter O for a zero ("O7O-174 O6 O5") is read with the
zeros, in a run that holds at least four real digits and touches no other letter. A
number found across a line break, or with an O read as zero, is read with less
confidence: it is marked for the officer to confirm (``Extraction.phone_doubts``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import phonenumbers

from fieldapp.ads.places import find_hotels, find_municipalities, fold
from fieldapp.ads.prices import Price, find_prices
from fieldapp.ads.prices import clear_caches as clear_prices
from fieldapp.domain.common import DEFAULT_REGION

# Six or more digits with at most three separators between two of them; a leading + or (.
_SEPARATOR = r"[\s\u00a0\u202f\u2007\u2009().\u00b7\-/\u2010-\u2015\u2212\ufe63\uff0d]"
_PHONE_RUN = re.compile(rf"[+(]?\d(?:{_SEPARATOR}{{0,3}}\d){{5,}}")
# Dashes and spaces as the matcher knows them, one character for one (positions stay).
_TIDY = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"}
    | {c: " " for c in "\u00a0\u202f\u2007\u2009\n\r\t\v\f"}
    | {"\u00b7": "."}  # a middle dot, as in "070·174·06·05"
)
_UNTIDY = re.compile(r"[^0-9 ()+./\-]")
# The letter O typed for a zero: a run of digits and O's, touching no other letter.
_O_GATE = re.compile(r"\d[Oo]|[Oo]\d")
_O_RUN = re.compile(rf"(?<![^\W\d_])[\dOo](?:{_SEPARATOR}{{0,3}}[\dOo]){{5,}}(?![^\W\d_])")
_O_DIGITS_MIN = 4
# Any run either pattern above could find (digits or O's, six or more): absent from most
# notes ("rum 312, två personer"), and looked for once, where the full reading takes a few
# patterns and calls (a station reads the notes of 100,000 events in a night's import).
_MAYBE_NUMBER = re.compile(rf"[\dOo](?:{_SEPARATOR}{{0,3}}[\dOo]){{5,}}")
# Opening hours, "09.00–18.00": digits and a dash, never a phone number.
_TIME_RANGE = re.compile(r"(?<!\d)\d{1,2}[.:]\d{2} ?- ?\d{1,2}[.:]\d{2}(?!\d)")
LETTER_O = "letter_o"  # a doubt: an O read as a zero
JOINED_LINES = "joined_lines"  # a doubt: the number runs over a line break
_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\(a\)|\{at\})\s*[\w-]+(?:(?:\.|\s*\(dot\)\s*|\s*\[dot\]\s*)[\w-]+)+",
    re.IGNORECASE,
)
_EMAIL_GATE = re.compile(r"@|\(at\)|\[at\]|\(a\)|\{at\}", re.IGNORECASE)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_E164 = phonenumbers.PhoneNumberFormat.E164
# A run written plainly: ASCII digits in groups split by one space or hyphen, maybe a +.
_PLAIN_RUN = re.compile(r"\+?[0-9]+(?:[ -][0-9]+)*")
_MAX_DIGITS = 17  # E.164's 15 and a 00 prefix; longer runs go to the matcher
_TYPED_PHONE = re.compile(r"[\d\s\u00a0+().\-/]{5,40}")
_NON_DIGIT = re.compile(r"\D")
# Regions whose international prefix is "00" (``_plus_for_idd``); a test checks each.
_IDD_00 = frozenset({"SE"})
# E.164 numbers the matcher has found in ad texts (see ``normalise_phone``).
_FOUND: set[str] = set()
_MAX_FOUND = 200_000


@dataclass(frozen=True)
class Extraction:
    """What was read out of an ad, for the officer to confirm or correct."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    prices: tuple[Price, ...] = ()
    municipalities: tuple[str, ...] = ()
    hotels: tuple[str, ...] = ()
    # Numbers read with less confidence, and why (``LETTER_O``, ``JOINED_LINES``).
    phone_doubts: tuple[tuple[str, str], ...] = ()

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
    phones, spans, doubts = read_phones(text)
    emails, email_spans = find_emails(text)
    masked = _mask(text, [*spans, *email_spans, *_url_spans(text)])
    folded = fold(text)
    return Extraction(
        phones=tuple(phones),
        emails=tuple(emails),
        prices=tuple(find_prices(masked)),
        municipalities=tuple(find_municipalities(text, municipalities, folded=folded)),
        hotels=tuple(find_hotels(text, hotels, folded=folded)),
        phone_doubts=tuple(doubts.items()),
    )


def find_phones(text: str, region: str = DEFAULT_REGION) -> tuple[list[str], list[tuple[int, int]]]:
    """Phone numbers in ``text`` as E.164 (first appearance first, no repeats) and where
    each occurrence stands."""
    numbers, spans, _ = read_phones(text, region)
    return numbers, spans


def read_phones(
    text: str, region: str = DEFAULT_REGION
) -> tuple[list[str], list[tuple[int, int]], dict[str, str]]:
    """``find_phones``, and the numbers read with less confidence, with why."""
    numbers: list[str] = []
    spans: list[tuple[int, int]] = []
    doubts: dict[str, str] = {}
    if not _MAYBE_NUMBER.search(text):
        return numbers, spans, doubts
    read = _o_as_zero(text) if _O_GATE.search(text) else text
    for run in _PHONE_RUN.finditer(read):
        raw = run.group(0)
        tidy = raw.translate(_TIDY) if _UNTIDY.search(raw) else raw
        if "." in tidy or ":" in tidy:
            tidy = _TIME_RANGE.sub(lambda m: " " * len(m.group(0)), tidy)
        for e164, begin, end in _match_run(tidy, region):
            start, stop = run.start() + begin, run.start() + end
            if e164 not in numbers:
                numbers.append(e164)
            spans.append((start, stop))
            written = text[start:stop]
            if "O" in written or "o" in written:
                doubts.setdefault(e164, LETTER_O)
            elif "\n" in written or "\r" in written:
                doubts.setdefault(e164, JOINED_LINES)
    return numbers, spans, doubts


def _o_as_zero(text: str) -> str:
    """``text`` with each O typed for a zero in a number-like run read as 0."""

    def zeros(m: re.Match[str]) -> str:
        run = m.group(0)
        if sum(c.isdigit() for c in run) < _O_DIGITS_MIN:
            return run
        return run.replace("O", "0").replace("o", "0")

    return _O_RUN.sub(zeros, text)


def clear_caches() -> None:
    """Forget the runs and clauses read so far (a benchmark starts each batch afresh)."""
    _match_run.cache_clear()
    _plain_number.cache_clear()
    _normalise_phone.cache_clear()
    _FOUND.clear()
    clear_prices()


@lru_cache(maxsize=16384)
def _match_run(run: str, region: str) -> tuple[tuple[str, int, int], ...]:
    """The numbers in one run of digits, with where they stand in it.

    The run is matched on its own, between spaces, so the result depends on the run alone
    and can be cached: one advertiser's number recurs in ad after ad, written the same way.
    """
    if _PLAIN_RUN.fullmatch(run):
        digits = run.replace(" ", "").replace("-", "")
        if len(digits.lstrip("+")) <= _MAX_DIGITS:
            e164 = _plain_number(_plus_for_idd(digits, region), region)
            if e164 is not None:
                return ((e164, 0, len(run)),)
    found = _matcher(run, region)
    _found(e164 for e164, _, _ in found)
    return found


def _matcher(run: str, region: str) -> tuple[tuple[str, int, int], ...]:
    """What ``PhoneNumberMatcher`` finds in ``run``, with where it stands in it."""
    return tuple(
        (phonenumbers.format_number(m.number, _E164), m.start - 1, m.end - 1)
        for m in phonenumbers.PhoneNumberMatcher(f" {run} ", region)
    )


@lru_cache(maxsize=65536)
def _plain_number(digits: str, region: str) -> str | None:
    """The number the matcher would find in a plainly written run whose digits (and +, if
    any) are ``digits``, as E.164; ``None`` if the run is not one valid number as a whole
    (the matcher may still find a shorter number in it, so the caller asks it).

    The matcher takes a whole candidate if it parses, is a valid number, and, when it is
    written the national way, carries the national prefix where one is required. The
    first two are asked here; the third, which the matcher keeps to itself, by running the
    matcher on the digits alone (they hold no inner candidate, so it finds the whole or
    nothing).
    """
    try:
        number = phonenumbers.parse(digits, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code_source == phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY:
        found = _matcher(digits, region)
        e164 = found[0][0] if found and found[0][1:] == (0, len(digits)) else None
    else:
        e164 = phonenumbers.format_number(number, _E164) if is_valid(number) else None
    if e164 is not None:
        _found((e164,))
    return e164


def _plus_for_idd(digits: str, region: str) -> str:
    """``digits`` with the international prefix "00" written as "+" where that is how the
    region dials abroad (Sweden: "0044…" is "+44…"). The number read is the same either
    way, so an advertiser who writes both forms is looked up once. Not before a third 0:
    "000…" is no international prefix, and is read the national way."""
    if digits[:2] == "00" and digits[2:3] not in ("", "0") and region in _IDD_00:
        return "+" + digits[2:]
    return digits


def is_valid(number: phonenumbers.PhoneNumber) -> bool:
    """``phonenumbers.is_valid_number(number)``, the number's type worked out once.

    ``is_valid_number`` first finds the number's region, and for a calling code that several
    regions share (+1: the US, Canada, the Caribbean; +44: the UK, Guernsey, Jersey, the
    Isle of Man) that means working out the number's type for a region, then once more for
    that same region to say whether it is valid. Here the first answer is kept: a region
    without leading digits is the number's if the number is valid there (which is what its
    type being known means), one with leading digits is the number's if they match, and
    the number is valid if it is valid there. A test holds the two to the same answers."""
    code = number.country_code
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code) if code is not None else None
    if not regions:
        return False
    if len(regions) == 1:
        return phonenumbers.is_valid_number_for_region(number, regions[0])
    national = phonenumbers.national_significant_number(number)
    for region in regions:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
        if metadata is None:
            continue
        if metadata.leading_digits is not None:
            if re.match(metadata.leading_digits, national):
                return phonenumbers.is_valid_number_for_region(number, region)
        elif phonenumbers.is_valid_number_for_region(number, region):
            return True
    return False


def _found(numbers: Iterable[str]) -> None:
    """Remember numbers the matcher found, for ``normalise_phone`` (bounded: a long session
    forgets and simply parses again)."""
    if len(_FOUND) > _MAX_FOUND:
        _FOUND.clear()
    _FOUND.update(numbers)


def _url_spans(text: str) -> list[tuple[int, int]]:
    # Most ads hold no address; two substring tests are far cheaper than the pattern.
    if "://" not in text and "www." not in text.lower():
        return []
    return [m.span() for m in _URL.finditer(text)]


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


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """A phone number typed in any usual format as E.164; ``None`` if it is not one.

    "070-174 06 05", "0701740605", "+46 70 174 06 05", "0046701740605" and "46701740605"
    (the country code without its +) all give "+46701740605".
    """
    # An ad's numbers come back here, as E.164, when the ad is checked: a number the
    # matcher found normalises to itself, so it need not be parsed a second time.
    if raw in _FOUND:
        return raw
    return _normalise_phone(raw, region)


@lru_cache(maxsize=16384)
def _normalise_phone(raw: str, region: str) -> str | None:
    cleaned = raw.strip()
    if not _TYPED_PHONE.fullmatch(cleaned):
        return None
    for candidate in (cleaned, "+" + _NON_DIGIT.sub("", cleaned)):
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if is_valid(number):
            return phonenumbers.format_number(number, _E164)
    return None


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` blanked out (spaces, so every other position stays)."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0  # how much of text is copied or blanked
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        pieces += (text[done:start], " " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)
