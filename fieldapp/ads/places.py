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
# Cheap tests on the folded text before each pattern above is tried.
_HOTEL_GATES = (
    re.compile(r"hotel"),
    re.compile(r"hotell"),
    re.compile(
        r"scandic|clarion|elite|best\s+western|quality|comfort|first|radisson|ibis|park\s+inn"
        r"|hilton|sheraton|connect|good\s+morning|motel"
    ),
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
    for name in municipalities:
        if _folded_name(name) not in folded:  # a substring test spares most pattern runs
            continue
        m = _municipality_pattern(name).search(folded)
        if m is not None:
            found.append((m.start(), name))
    return [name for _, name in sorted(found)]


def find_hotels(text: str, known: Sequence[str] = (), *, folded: str | None = None) -> list[str]:
    """Hotels named in ``text``: directory names (as the directory spells them) first,
    then names that look like a hotel's, in order of appearance, without repeats."""
    found: list[tuple[int, str]] = []
    folded = fold(text) if folded is None else folded
    for name in known:
        if _folded_name(name) not in folded:
            continue
        m = re.search(rf"(?<![\w]){re.escape(_folded_name(name))}(?![\w])", folded)
        if m is not None:
            found.append((m.start(), name))
    named = [
        m
        for gate, pattern in zip(_HOTEL_GATES, _HOTEL_PATTERNS, strict=True)
        if gate.search(folded)
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
