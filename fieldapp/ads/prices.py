"""Prices in ad texts: "1500:-", "1 500 kr", "1,500 SEK/hour", "3000kr/h", "€200", with
what each is for ("30 min", "halvtimme", "hel natt", "1 oră", "2 godz.") read from the
words around it.

An amount with a currency marker is a price. Its digits may be grouped by a space, a
no-break space, a dot or a comma ("1 500", "1.500", "1,500" are all 1500: a group of
exactly three digits after the separator is thousands); an amount with decimals that is
implausibly small as written ("1,50 kr") is proposed as the amount it most likely means
and marked ``ambiguous`` for the officer. A bare number is a price only where the words
make it one: after "Pris"/"Price"/"Cena" or right beside a duration ("30 min: 1500",
"2000 för en timme"); such a price is marked ``inferred`` (its currency assumed SEK). A
bare number anywhere else is as often an age, a room or a date, and is not read.

Each clause (a line, or a part ended by ";", "•", ", " …) is read as a price list. A
duration joined to a price ("kr/h", "per timme", "för en timme") is that price's. The
others are paired in the clause's own order: a list that opens with a duration ("30 min
1 500 kr / 1 tim 2 500 kr / hel natt 10 000 kr") gives each price the duration before it;
one that closes with a duration ("1 500 kr 30 min"), the duration after it. A "/" between
two items separates them; only a "/" written onto a unit ("kr/h", "kr/30 min") means "per".

The caller masks phone numbers first, so their digits are never read as amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MAX_AMOUNT = 1_000_000
_LABEL_WORDS = 5
# The smallest bare number read as a price from context: below it, a time or an age.
_MIN_INFERRED = 100
# An amount with decimals below this ("1,50 kr") is not a price as written in an ad.
_PLAUSIBLE = 50

# "1 500", "1.500", "1,500", "1500"; decimals after it ("150,00", "1,50").
_AMOUNT = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d+"
_DECIMALS = r"(?:[.,](?P<{}>\d{{1,2}})(?![\d]))?"
_CURRENCY_AFTER = (
    r"(?P<cur_a>:-|,-|:-kr|kronor|kr\.?(?![a-zåäö])|sek(?![a-z])|nkr|dkr|nok(?![a-z])"
    r"|dkk(?![a-z])|€|eur(?:o|os)?(?![a-z])|\$|usd(?![a-z])|dollar(?:s)?|£|gbp(?![a-z])"
    r"|крон[аы]?|coroane|koron)"
)
_CURRENCY_BEFORE = r"(?P<cur_b>€|\$|£|sek|eur|usd|gbp|kr)"
_PRICE = re.compile(
    rf"(?:(?<![\w]){_CURRENCY_BEFORE}\s*(?P<amt_b>{_AMOUNT}){_DECIMALS.format('dec_b')}"
    rf"|(?P<amt>{_AMOUNT}){_DECIMALS.format('dec')}(?:\s*[-–]\s*(?P<amt_to>{_AMOUNT}))?"
    rf"\s*{_CURRENCY_AFTER})",
)
_CURRENCIES = {
    ":-": "SEK",
    ",-": "SEK",
    ":-kr": "SEK",
    "kr": "SEK",
    "kr.": "SEK",
    "kronor": "SEK",
    "sek": "SEK",
    "крон": "SEK",
    "крона": "SEK",
    "кроны": "SEK",
    "coroane": "SEK",
    "koron": "SEK",
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
# Marks on a price the officer should look at before it is relied on.
AMBIGUOUS = "ambiguous"  # the amount as written has more than one reading
INFERRED = "inferred"  # no currency marker: read as a price from the words around it
DOUBTS = frozenset({AMBIGUOUS, INFERRED})

# How long, in Swedish, English, Romanian, Russian, Spanish, Thai and Polish: "30 min",
# "1 h", "2 timmar", "halvtimme", "½ h", "hel natt", "timpris", "1 oră", "2 часа",
# "media hora", "1 ชั่วโมง", "2 godz.". A night has no minutes.
_COUNT = r"\d+(?:[.,]\d+)?|en|ett|två|tre|fyra|one|two|three|an?|o|una|dos|tres|jedna|dwie"
_NUMBER_WORDS = {"en": 1.0, "ett": 1.0, "två": 2.0, "tre": 3.0, "fyra": 4.0, "one": 1.0,
                 "two": 2.0, "three": 3.0, "a": 1.0, "an": 1.0, "o": 1.0, "una": 1.0,
                 "dos": 2.0, "tres": 3.0, "jedna": 1.0, "dwie": 2.0}  # fmt: skip
_MINUTE_WORDS = r"min(?:uter|uten|ut|s|\.)?|minutes?|minutos?|минут[аы]?|мин\.?|นาที"
_HOUR_WORDS = (
    r"h|hrs?|hours?|tim(?:me|ma|mar|men|marna)?|horas?|or[ăa]|ore|час(?:а|ов)?"
    r"|godz(?:in[ay]?|ina)?\.?|ชั่วโมง"
)
_LETTER_BEFORE = r"(?<![^\W\d_])"  # not inside a word (digits may touch: "30min")
_LETTER_AFTER = r"(?![^\W\d_])"
_DURATION = re.compile(
    rf"{_LETTER_BEFORE}(?:"
    r"(?P<half>halvtim(?:me|ma|men)|halv\s+tim(?:me|ma|men)?|[½]\s*(?:h|tim\w*)"
    r"|1/2\s*(?:h|tim\w*)|half\s+(?:an\s+)?hour|media\s+hora|jum[ăa]tate\s+de\s+or[ăa]"
    r"|полчаса|pół\s+godziny|ครึ่งชั่วโมง)"
    r"|(?P<night>hel\s*natt|hela\s+natten|över\s+natten|natt(?:en)?|all\s+night|overnight"
    r"|night|toda\s+la\s+noche|noche|noapte(?:a)?|ночь|cała\s+noc|noc|ค้างคืน)"
    rf"|(?P<n>{_COUNT})\s*(?:de\s+)?(?:(?P<min>{_MINUTE_WORDS})|(?P<hr>{_HOUR_WORDS}))"
    r"|(?P<hour>hel\s*timme|heltimme|timmen|timme|timpris(?:et)?|timtaxa|hour|hora|oră"
    r"|час|godzina|ชั่วโมง))"
    rf"{_LETTER_AFTER}",
)
# Written onto a price, a duration is that price's: "kr/h", "per timme", "för en timme".
_JOINED_UNIT = re.compile(r"\s*(?:/(?!\s)|(?:per|pro|för|for|a|à|i|pe)\s+)")
# Right after "/" or "per", a unit alone is one of it: "kr/h", "per tim".
_SHORT_UNIT = re.compile(r"(?:h|tim|hr)(?![^\W\d_])")
# What makes a bare number a price: a price word before it ("Pris: 1500").
_PRICE_WORD = re.compile(
    r"(?<![^\W\d_])(?:pris(?:et)?(?:\s+är)?|price|precio|pre[țţt]|cena|цена|ราคา)[\s:=–—-]*$",
)
_BARE = re.compile(rf"(?<![\d.,:/])(?P<amt>{_AMOUNT})(?![\d]|[.,:]\d|\s*%)")
_BETWEEN = re.compile(r"[\s:=–—-]*")  # what may stand between a duration and its amount
# Where one price's description ends and the next begins ("godz. 1500": not after a unit).
# (It starts with one set of characters, so the pattern skips ahead fast.)
_SEGMENT = re.compile(
    r"[\n;|•·,!.](?:(?<=[\n;|•·])|(?<=[,!])(?=\s)|(?<=\.)(?<!godz\.)(?<!min\.)(?<!\bkl\.)(?=\s))"
)
_DIGIT = re.compile(r"\d")
# What every pattern above needs to find anything, lower-cased: a clause with none of
# these holds no price (a currency marker, a duration word, a price word). Substring tests
# are far cheaper than the patterns, and most clauses with a digit are ages, rooms, dates.
_MARKS = ("kr", ":-", ",-", "sek", "€", "eur", "$", "usd", "dollar", "£", "gbp", "nok", "dkk",
          "крон", "coroane", "koron", "halv", "½", "1/2", "half", "hora", "jum", "полчаса",
          "pół", "ชั่วโมง", "natt", "night", "noche", "noapte", "ночь", "noc", "ค้างคืน", "min",
          "мин", "นาที", "tim", "oră", "час", "godz", "hour", "pris", "price", "precio", "preț",
          "preţ", "pret", "cena", "цена", "ราคา")  # fmt: skip
_GATE = re.compile("|".join(map(re.escape, _MARKS)) + r"|\d\s*(?:h|(?:de\s+)?or[ăea])")
_WORDS = re.compile(r"[\w½/+'-]+")
_SEPARATORS = re.compile(r"[ \u00a0\u202f.,]")


@dataclass(frozen=True)
class Price:
    """A price as found: the amount (and the top of a range), the currency, how long it
    buys (minutes; ``night`` for a whole night), the words around it, the text matched,
    and why the officer should check it (``ambiguous``, ``inferred``), if they should."""

    amount: int
    currency: str
    minutes: int | None = None
    night: bool = False
    label: str | None = None
    amount_to: int | None = None
    source: str = ""
    doubt: str | None = None

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
        if self.doubt:
            data["doubt"] = self.doubt
        return data


@dataclass(frozen=True)
class _Duration:
    start: int
    end: int
    minutes: int | None
    night: bool


@dataclass
class _Found:
    """A price in a clause, before its duration is known."""

    start: int
    end: int
    amount: int
    currency: str
    amount_to: int | None
    doubt: str | None
    duration: _Duration | None = None


def _amount(raw: str, decimals: str | None) -> tuple[int, str | None]:
    """The amount written as ``raw`` (and ``decimals``), and whether it is ambiguous."""
    amount = int(_SEPARATORS.sub("", raw))
    if decimals is None or int(decimals) == 0:
        return amount, None
    if amount < _PLAUSIBLE:
        # "1,50 kr": no ad asks for one krona fifty; most likely 150 (or 1 500) was meant.
        return int(_SEPARATORS.sub("", raw) + decimals), AMBIGUOUS
    return amount, None


def _durations(text: str) -> list[_Duration]:
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
        found.append(_Duration(m.start(), m.end(), minutes, night))
    return found


def _label(clause: str, start: int, end: int) -> str | None:
    """Up to five words before the price in its clause, else up to five after it."""
    before = _WORDS.findall(clause[:start])
    # The words after it are read only when none stand before (most prices have some).
    words = before[-_LABEL_WORDS:] if before else _WORDS.findall(clause[end:])[:_LABEL_WORDS]
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
        # Most clauses of an ad hold no number at all, and most that do hold no price;
        # the patterns are costly to try, these tests are not.
        if not _DIGIT.search(segment):
            continue
        low = _lower(segment)
        if not _GATE.search(low):
            continue
        for price in _clause_prices(segment, low):
            # An ad often repeats its price list: the same price once is enough.
            key = _stored_form(price)
            if key not in seen:
                seen.add(key)
                prices.append(price)
    return prices


def _stored_form(price: Price) -> tuple[Any, ...]:
    """What ``Price.as_data`` keeps of a price, as a key: two prices stored alike are one."""
    return (
        price.amount,
        price.currency,
        price.amount_to,
        price.minutes,
        price.night,
        price.label or None,
        price.doubt,
    )


def clear_caches() -> None:
    """Forget the clauses read so far (a benchmark starts each batch afresh)."""
    _clause_prices.cache_clear()


def _blank(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


def _lower(segment: str) -> str:
    """``segment`` in lower case, one character for one (so positions stay), the long s
    as an s: the patterns are written in lower case, which is far faster than ignoring
    case."""
    low = segment.lower()
    if len(low) != len(segment):  # "İ" lowers to two characters: keep such as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in segment)
    return low.replace("ſ", "s") if "ſ" in low else low


@lru_cache(maxsize=8192)
def _clause_prices(segment: str, low: str) -> tuple[Price, ...]:
    """The prices in one clause (``low`` is it in lower case), in order. Cached:
    advertisers write the same price lines ("30 min – 1500 kr") ad after ad, and a
    clause's prices depend on the clause alone."""
    found = _marked_prices(low)
    # Prices blanked with a character that is neither a space nor a word: what stood
    # there never counts as the gap between a duration and a bare number.
    rest = _blank(low, [(f.start, f.end) for f in found], "\x00")
    durations = _durations(rest)
    found += _inferred_prices(rest, durations)
    if not found:
        return ()
    found.sort(key=lambda f: f.start)
    _pair(low, found, durations)
    out = []
    for i, f in enumerate(found):
        previous_end = found[i - 1].end if i else 0
        next_start = found[i + 1].start if i + 1 < len(found) else len(segment)
        clause = segment[previous_end:next_start]
        out.append(
            Price(
                amount=f.amount,
                currency=f.currency,
                minutes=f.duration.minutes if f.duration else None,
                night=f.duration.night if f.duration else False,
                label=_label(clause, f.start - previous_end, f.end - previous_end),
                amount_to=f.amount_to,
                source=segment[f.start : f.end].strip(),
                doubt=f.doubt,
            )
        )
    return tuple(out)


def _marked_prices(segment: str) -> list[_Found]:
    """The amounts with a currency marker."""
    found = []
    for m in _PRICE.finditer(segment):
        raw = m.group("amt") or m.group("amt_b")
        amount, doubt = _amount(raw, m.group("dec") or m.group("dec_b"))
        if not 1 <= amount <= MAX_AMOUNT:
            continue
        marker = m.group("cur_a") or m.group("cur_b")
        if m.group("cur_b") and marker == "kr" and amount < _MIN_INFERRED:
            continue  # "kr 20-22" is a typo for "kl", not twenty kronor
        top = m.group("amt_to")
        amount_to = _amount(top, None)[0] if top else None
        if amount_to is not None and not amount < amount_to <= MAX_AMOUNT:
            amount_to = None
        found.append(_Found(m.start(), m.end(), amount, _CURRENCIES[marker], amount_to, doubt))
    return found


def _inferred_prices(rest: str, durations: list[_Duration]) -> list[_Found]:
    """Bare numbers that the words make prices: after a price word, or right beside a
    duration ("30 min: 1500", "2000 för en timme"). ``rest`` is the clause with the
    marked prices blanked out."""
    found: list[_Found] = []
    bare = _blank(rest, [(d.start, d.end) for d in durations])
    if not _DIGIT.search(bare):  # every number is a price's or a duration's already
        return found
    for m in _BARE.finditer(bare):
        amount = int(_SEPARATORS.sub("", m.group("amt")))
        if not _MIN_INFERRED <= amount <= MAX_AMOUNT:
            continue
        start, end = m.span()
        before = rest[:start]
        priced = _PRICE_WORD.search(before) is not None or any(
            d.end <= start and _BETWEEN.fullmatch(rest[d.end : start]) for d in durations
        )
        if not priced:
            joined = _JOINED_UNIT.match(rest, end) or _BETWEEN.match(rest, end)
            priced = joined is not None and any(d.start == joined.end() for d in durations)
        if priced:
            found.append(_Found(start, end, amount, "SEK", None, INFERRED))
    return found


def _pair(segment: str, found: list[_Found], durations: list[_Duration]) -> None:
    """Give each price its duration: the one written onto it, else by the list's order."""
    free = list(durations)
    for f in found:
        joined = _JOINED_UNIT.match(segment, f.end)
        if joined is None:
            continue
        at = joined.end()
        own = next((d for d in free if d.start == at), None)
        if own is None:
            short = _SHORT_UNIT.match(segment, at)
            if short is not None and segment[f.end : at].strip() in ("/", "per", "pro"):
                f.duration = _Duration(at, short.end(), 60, False)
            continue
        f.duration = own
        free.remove(own)
    if not free:
        return
    items: list[tuple[int, _Found | _Duration]] = [(f.start, f) for f in found if not f.duration]
    items += [(d.start, d) for d in free]
    items.sort(key=lambda item: item[0])
    if not any(isinstance(x, _Found) for _, x in items):
        return
    # A list that closes with a duration (and does not open with one) pairs each price
    # with the duration after it; any other, with the duration before it.
    after = isinstance(items[-1][1], _Duration) and not isinstance(items[0][1], _Duration)
    sequence = [x for _, x in (reversed(items) if after else items)]
    waiting: _Duration | None = None
    for x in sequence:
        if isinstance(x, _Duration):
            waiting = x
        elif waiting is not None:
            x.duration, waiting = waiting, None
