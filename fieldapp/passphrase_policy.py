"""The passphrase policy: at least 12 characters, and not trivially guessable.

Refusals carry a reason code (for ``ui`` to word in Swedish or English) and an English
message naming the field.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from fieldapp.errors import WeakPassphrase
from fieldapp.paths import resource

MIN_LENGTH = 12
_RUNS = (
    "abcdefghijklmnopqrstuvwxyzåäö",
    "01234567890",
    "qwertyuiopå",
    "asdfghjklöä",
    "zxcvbnm",
    "1qaz2wsx3edc4rfv5tgb",
)


class Weakness(StrEnum):
    TOO_SHORT = "too_short"
    REPETITIVE = "repetitive"
    SEQUENCE = "sequence"
    COMMON = "common"
    PERSONAL = "personal"


_MESSAGES = {
    Weakness.TOO_SHORT: f"Passphrase: use at least {MIN_LENGTH} characters.",
    Weakness.REPETITIVE: "Passphrase: too few different characters.",
    Weakness.SEQUENCE: "Passphrase: a keyboard or number run is easy to guess.",
    Weakness.COMMON: "Passphrase: built on a common word and easy to guess.",
    Weakness.PERSONAL: "Passphrase: must not contain your officer id or name.",
}


@cache
def _common_words() -> frozenset[str]:
    lines = resource("security", "common_passphrases.txt").read_text("utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def weakness(passphrase: str, *, personal: tuple[str, ...] = ()) -> Weakness | None:
    """Why ``passphrase`` is refused, or ``None`` if it is acceptable."""
    if len(passphrase) < MIN_LENGTH:
        return Weakness.TOO_SHORT
    lowered = passphrase.lower()
    if len(set(lowered)) < 5:
        return Weakness.REPETITIVE
    letters = re.sub(r"[\W\d_]+", "", lowered)
    compact = re.sub(r"[\W_]+", "", lowered)
    if _mostly_run(compact):
        return Weakness.SEQUENCE
    if letters in _common_words() or compact in _common_words() or _repeats_word(letters):
        return Weakness.COMMON
    for item in personal:
        for part in re.split(r"\s+", item.lower()):
            if len(part) >= 3 and part in lowered:
                return Weakness.PERSONAL
    return None


def check_passphrase(passphrase: str, *, personal: tuple[str, ...] = ()) -> None:
    """Raise ``WeakPassphrase`` naming the reason if the policy refuses ``passphrase``."""
    found = weakness(passphrase, personal=personal)
    if found is not None:
        raise WeakPassphrase(_MESSAGES[found], found.value)


def _mostly_run(text: str) -> bool:
    """True when most of ``text`` is one run along a keyboard row, the alphabet or digits."""
    if not text:
        return True
    best = 0
    for run in _RUNS:
        for line in (run, run[::-1]):
            for i in range(len(text)):
                j = i
                while j < len(text) and text[i : j + 1] in line:
                    j += 1
                best = max(best, j - i)
    return best >= max(6, len(text) * 2 // 3)


def _repeats_word(letters: str) -> bool:
    """``hemligthemligt``, ``abcabcabcabc``: one short word repeated."""
    for size in range(1, len(letters) // 2 + 1):
        unit = letters[:size]
        if len(letters) % size == 0 and unit * (len(letters) // size) == letters:
            return True
    return False
