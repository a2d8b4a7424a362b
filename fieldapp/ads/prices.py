"""Prices in ad texts: "1500:-", "1 500 kr", "3000kr/h", "1500 SEK", "€200", with what
each is for ("30 min", "halvtimme", "hel natt", "GFE") read from the words around it.

Only an amount with a currency marker counts as a price: a bare number in an ad is as
often an age, a room or a date. The caller masks phone numbers first, so their digits are
never read as amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MAX_AMOUNT = 1_000_000
_LABEL_WORDS = 5

# "1 500", "1.500", "1500"; a group of exactly three digits after a separator is thousands.
_AMOUNT = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])|\d+"
_DECIMALS = r"(?:[.,]\d{1,2}(?!\d))?"
_CURRENCY_AFTER = (
    r"(?P<cur_a>:-|,-|:-kr|kronor|kr\.?(?![a-zåäö])|sek(?![a-z])|nkr|dkr|nok(?![a-z])"
    r"|dkk(?![a-z])|€|eur(?:o|os)?(?![a-z])|\$|usd(?![a-z])|dollar(?:s)?|£|gbp(?![a-z]))"
)
_CURRENCY_BEFORE = r"(?P<cur_b>€|\$|£|sek|eur|usd|gbp)"
# A unit written onto the price: "3000kr/h", "200€/30min", "1500:- per timme", "/natt".
_UNIT = (
    r"(?:\s*(?:/|per\s+|i\s+|för\s+|a\s+)\s*(?P<unit>(?:\d+\s*)?(?:min(?:uter)?|h(?:our)?"
    r"|tim(?:me|men|ma)?|halvtimme|natt(?:en)?|night))(?![a-zåäö]))?"
)
_PRICE = re.compile(
    rf"(?:{_CURRENCY_BEFORE}\s*(?P<amt_b>{_AMOUNT}){_DECIMALS}"
    rf"|(?P<amt>{_AMOUNT}){_DECIMALS}(?:\s*[-–]\s*(?P<amt_to>{_AMOUNT}))?\s*{_CURRENCY_AFTER})"
    rf"{_UNIT}",
    re.IGNORECASE,
)
_CURRENCIES = {
    ":-": "SEK",
    ",-": "SEK",
    ":-kr": "SEK",
    "kr": "SEK",
    "kr.": "SEK",
    "kronor": "SEK",
    "sek": "SEK",
    "nkr": "NOK",
    "nok": "NOK",
    "dkr": "DKK",
    "dkk": "DKK",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "£": "GBP",
    "gbp": "GBP",
}
CURRENCIES = frozenset(_CURRENCIES.values())

# How long: "30 min", "1 h", "2 timmar", "halvtimme", "½ h", "hel natt" (night = no minutes).
_NUMBER_WORDS = {"en": 1.0, "ett": 1.0, "två": 2.0, "tre": 3.0, "one": 1.0, "two": 2.0}
_DURATION = re.compile(
    r"(?P<half>halvtim(?:me|ma|men)|halv\s+tim(?:me|ma)|½\s*(?:h|tim\w*)|half\s+(?:an\s+)?hour)"
    r"|(?P<night>hel\s*natt|över\s+natten|hela\s+natten|natt(?:en)?|overnight|night)"
    r"|(?P<n>\d+(?:[.,]\d+)?|en|ett|två|tre|one|two)\s*"
    r"(?:(?P<min>min(?:uter|s)?|minutes?)|(?P<hr>h|hrs?|hours?|tim(?:me|ma|mar|men)?))"
    r"(?![a-zåäö])"
    r"|(?P<hour>heltimme|timme|timmen|hour)",
    re.IGNORECASE,
)
# Where one price's description ends and the next begins.
_SEGMENT = re.compile(r"\n|;|\||•|·|,\s|\.\s|!\s")
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[\w½/+'-]+")
# What every currency marker above holds, lower-cased: a clause without any of them holds no
# price. Substring tests on the lower-cased clause, since a pattern that ignores case costs
# ten times as much. (Ignoring case, the pattern also reads "ſ", the long s, as "s".)
_CURRENCY_MARKS = ("kr", ":-", ",-", "sek", "€", "eur", "$", "usd", "dollar", "£", "gbp", "nok",
                   "dkk")  # fmt: skip


@dataclass(frozen=True)
class Price:
    """A price as found: the amount (and the top of a range), the currency, how long it
    buys (minutes; ``night`` for a whole night), the words around it, the text matched."""

    amount: int
    currency: str
    minutes: int | None = None
    night: bool = False
    label: str | None = None
    amount_to: int | None = None
    source: str = ""

    def as_data(self) -> dict[str, Any]:
        """The stored form in an ad record."""
        data: dict[str, Any] = {"amount": self.amount, "currency": self.currency}
        if self.amount_to is not None:
            data["amount_to"] = self.amount_to
        if self.minutes is not None:
            data["minutes"] = self.minutes
        if self.night:
            data["night"] = True
        if self.label:
            data["label"] = self.label
        return data


@dataclass(frozen=True)
class _Duration:
    start: int
    end: int
    minutes: int | None
    night: bool


def _amount(raw: str) -> int:
    return int(re.sub(r"[ \u00a0\u202f.]", "", raw))


def _durations(text: str, offset: int) -> list[_Duration]:
    found = []
    for m in _DURATION.finditer(text):
        minutes: int | None
        night = False
        if m.group("half"):
            minutes = 30
        elif m.group("night"):
            minutes, night = None, True
        elif m.group("hour"):
            minutes = 60
        else:
            raw = m.group("n").lower()
            count = _NUMBER_WORDS.get(raw) or float(raw.replace(",", "."))
            minutes = round(count * (1 if m.group("min") else 60))
            if not 1 <= minutes <= 24 * 60:
                continue
        found.append(_Duration(offset + m.start(), offset + m.end(), minutes, night))
    return found


@lru_cache(maxsize=1024)
def _unit(raw: str | None) -> _Duration | None:
    """The duration written onto a price ("h", "30min", "natt"); cached, as ads use few."""
    if not raw:
        return None
    found = _durations(raw if re.match(r"\d", raw) else f"1 {raw}", 0)
    if found:
        return found[0]
    return _Duration(0, 0, 30, False) if raw.lower().startswith("halv") else None


def _label(clause: str, start: int, end: int) -> str | None:
    """Up to five words before the price in its clause, else up to five after it."""
    before = _WORDS.findall(clause[:start])
    after = _WORDS.findall(clause[end:])
    words = before[-_LABEL_WORDS:] if before else after[:_LABEL_WORDS]
    label = " ".join(w.strip("-'") for w in words).strip()
    return label[:80] or None


def _segments(text: str) -> list[str]:
    """The clauses of ``text``: a price and what it is for are written in one clause."""
    return _SEGMENT.split(text)


def find_prices(text: str) -> list[Price]:
    """Every price in ``text``, in order. Mask phone numbers out of ``text`` first."""
    prices: list[Price] = []
    seen: set[tuple[Any, ...]] = set()
    for segment in _segments(text):
        # Most clauses of an ad hold no amount with a currency; the price pattern is costly
        # to try, these tests are not.
        if not _DIGIT.search(segment) or not _may_hold_currency(segment):
            continue
        for price in _clause_prices(segment):
            # An ad often repeats its price list: the same price once is enough.
            key = _stored_form(price)
            if key not in seen:
                seen.add(key)
                prices.append(price)
    return prices


def _may_hold_currency(segment: str) -> bool:
    low = segment.lower()
    if "ſ" in low:
        low = low.replace("ſ", "s")
    return any(mark in low for mark in _CURRENCY_MARKS)


def _stored_form(price: Price) -> tuple[Any, ...]:
    """What ``Price.as_data`` keeps of a price, as a key: two prices stored alike are one."""
    return (
        price.amount,
        price.currency,
        price.amount_to,
        price.minutes,
        price.night,
        price.label or None,
    )


@lru_cache(maxsize=8192)
def _clause_prices(segment: str) -> tuple[Price, ...]:
    """The prices in one clause, in order. Cached: advertisers write the same price lines
    ("30 min – 1500 kr") ad after ad, and a clause's prices depend on the clause alone."""
    matches = list(_PRICE.finditer(segment))
    if not matches:
        return ()
    durations = [
        d
        for d in _durations(segment, 0)
        if not any(m.start() <= d.start < m.end() for m in matches)
    ]
    taken: set[int] = set()
    found = []
    for i, m in enumerate(matches):
        previous_end = matches[i - 1].end() if i else 0
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(segment)
        price = _price(segment[previous_end:next_start], m, previous_end, durations, taken)
        if price is not None:
            found.append(price)
    return tuple(found)


def _price(
    clause: str, m: re.Match[str], shift: int, durations: list[_Duration], taken: set[int]
) -> Price | None:
    """One match as a price; ``clause`` is its part of the segment (from the end of the
    price before it), starting at ``shift``."""
    raw_amount = m.group("amt") or m.group("amt_b")
    amount = _amount(raw_amount)
    if not 1 <= amount <= MAX_AMOUNT:
        return None
    # Ignoring case, the pattern reads "ſek" (long s) as "sek": look it up as such.
    marker = (m.group("cur_a") or m.group("cur_b")).lower().replace("ſ", "s")
    currency = _CURRENCIES[marker]
    amount_to = _amount(m.group("amt_to")) if m.group("amt_to") else None
    if amount_to is not None and not amount < amount_to <= MAX_AMOUNT:
        amount_to = None
    duration = _unit(m.group("unit"))
    if duration is None and durations:
        # The nearest duration not already claimed by another price of the segment.
        free = [(i, d) for i, d in enumerate(durations) if i not in taken]
        if free:
            index, duration = min(
                free,
                key=lambda item: min(abs(item[1].end - m.start()), abs(item[1].start - m.end())),
            )
            taken.add(index)
    return Price(
        amount=amount,
        currency=currency,
        minutes=duration.minutes if duration else None,
        night=duration.night if duration else False,
        label=_label(clause, m.start() - shift, m.end() - shift),
        amount_to=amount_to,
        source=m.group(0).strip(),
    )
