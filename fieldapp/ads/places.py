"""Places named in ad texts: the county's municipalities and hotels.

Ads write places the way people type them: "västerås", "Vasteras" (no Swedish letters),
"Västeråstjej", "Salas", "Köpingsområdet". A municipality is found as a whole word, in its
genitive, or joined to one of a few words ads use ("-tjej", "-området"); never inside a
longer name, so "Köping" is not found in "Linköping" or "Nyköping".

A hotel is found by its name in the outreach directory (the strongest sign), or by how
hotels are named: "Hotell Påhittat", "Stadshotellet", "Scandic Exempel".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

_FOLDS = (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u"))
# What ads glue to a town's name: genitive, "the area", "girl" … (folded: "området" is
# matched as "omradet").
_JOINED = r"s?(?:-?omradet|-?omr\.?|-?trakten|-?tjej(?:en)?|-?kvinna|-?centrum|-?city)?"
_CHAINS = (
    r"Scandic|Clarion(?:\s+Collection)?|Elite|Best\s+Western(?:\s+Plus)?|Quality|Comfort"
    r"|First(?:\s+Hotel)?|Radisson(?:\s+Blu)?|Ibis(?:\s+Styles)?|Park\s+Inn|Hilton|Sheraton"
    r"|Connect|Good\s+Morning|Motel\s+L"
)
_NAME = r"[A-ZÅÄÖ][\w'&-]*"
_HOTEL_PATTERNS = (
    # "Hotell Påhittat", "Hotel Exempel Park"
    re.compile(rf"\b(?i:hotell|hotel)\s+(?:{_NAME})(?:\s+{_NAME}){{0,2}}"),
    # "Stadshotellet", "Centralhotellet"
    re.compile(r"\b[A-ZÅÄÖ]\w+hotell(?:et)?\b"),
    # "Scandic Exempel", "Best Western Plus Prov"
    re.compile(rf"\b(?:{_CHAINS})\s+(?:(?i:hotel)\s+)?{_NAME}(?:\s+{_NAME})?"),
)
# Cheap tests before each pattern above is tried, on the folded text (the first pattern
# ignores case) or on the text as written (the others do not). Each pattern's match holds a
# match of its test, and these tests, without the patterns' leading \b, scan fast.
_HOTEL_GATES = (
    (True, re.compile("hotel")),
    (False, re.compile("hotell")),
    (False, re.compile(_CHAINS)),
)
# Capitalised words that follow a chain or "Hotell" without being part of a hotel's name.
_NOT_NAME = frozenset({"I", "På", "Och", "Eller", "Med", "Vid", "Nära", "In", "At", "Near"})


def fold(text: str) -> str:
    """Lower case without the Swedish letters' dots and ring (ads often drop them)."""
    folded = text.casefold()
    # Chained replace: str.translate looks up every character and is ten times slower.
    for letter, plain in _FOLDS:
        if letter in folded:
            folded = folded.replace(letter, plain)
    return folded


@lru_cache(maxsize=4096)
def _folded_name(name: str) -> str:
    return fold(name)


@lru_cache(maxsize=64)
def _municipality_patterns(names: tuple[str, ...]) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Each name with its folded form and pattern, worked out once per county list."""
    return tuple((name, _folded_name(name), _municipality_pattern(name)) for name in names)


@cache
def _municipality_pattern(name: str) -> re.Pattern[str]:
    # Matched against folded text, so "Västerås", "VÄSTERÅS" and "vasteras" are one form.
    return re.compile(rf"(?<![\w-]){re.escape(fold(name))}{_JOINED}(?![\w])")


def find_municipalities(
    text: str, municipalities: Iterable[str], *, folded: str | None = None
) -> list[str]:
    """The municipalities named in ``text``, in the order they first appear."""
    folded = fold(text) if folded is None else folded
    found: list[tuple[int, str]] = []
    for name, folded_name, pattern in _municipality_patterns(tuple(municipalities)):
        if folded_name not in folded:  # a substring test spares most pattern runs
            continue
        m = pattern.search(folded)
        if m is not None:
            found.append((m.start(), name))
    return [name for _, name in sorted(found)]


@lru_cache(maxsize=4096)
def _hotel_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(_folded_name(name))}(?![\w])")


def find_hotels(text: str, known: Sequence[str] = (), *, folded: str | None = None) -> list[str]:
    """Hotels named in ``text``: directory names (as the directory spells them) first,
    then names that look like a hotel's, in order of appearance, without repeats."""
    found: list[tuple[int, str]] = []
    folded = fold(text) if folded is None else folded
    for name in known:
        if _folded_name(name) not in folded:
            continue
        m = _hotel_pattern(name).search(folded)
        if m is not None:
            found.append((m.start(), name))
    named = [
        m
        for (on_folded, gate), pattern in zip(_HOTEL_GATES, _HOTEL_PATTERNS, strict=True)
        if gate.search(folded if on_folded else text)
        for m in pattern.finditer(text)
    ]
    seen = {fold(name) for _, name in found}
    out = [name for _, name in sorted(found)]
    for m in sorted(named, key=lambda m: m.start()):
        name = _trim(m.group(0))
        if name and fold(name) not in seen and not any(fold(name) in s for s in seen):
            seen.add(fold(name))
            out.append(name)
    return out


def _trim(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1] in _NOT_NAME:
        words.pop()
    if len(words) >= 2 and words[1] in _NOT_NAME:
        return ""
    return " ".join(words)
