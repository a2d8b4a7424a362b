"""Near-identical ad texts, found fast: word shingles, MinHash, locality-sensitive bands.

An ad reposted by the same advertiser usually keeps its wording and changes a price, a
town, the week or a phone number. Every number in the text (prices, dates, weeks, phone
numbers, ages) is read as one placeholder word before the text is shingled, so a repost
with new prices, a new week and a new number keeps its shingles; only the words count.
Two texts are "near-identical" when the Jaccard similarity of their three-word shingles is
at least ``THRESHOLD``. A text of fewer than ``MIN_WORDS`` words besides its numbers
("Köping. Ring 040 628 04 06. 1 h 1 500 kr.") says too little to compare: it has no
shingles, and only a shared number can join it to another ad.

Comparing every pair of 100,000 ads is out of the question, so each ad gets ``BANDS``
band keys from a MinHash signature: ads that share a key are candidates, and only
candidates are compared exactly. With 10 bands of 3 rows, a pair at similarity 0.6 shares
a key with probability 0.91, at 0.7 with 0.98, and a pair at 0.3 with 0.24. (A repost
with a sentence rewritten keeps about two thirds of its shingles, hence 0.6.)

The signature is one-permutation MinHash (each shingle hashed once, into one of 30 bins,
the least value per bin kept; an empty bin borrows from its right-hand neighbour): one
pass over the shingles instead of thirty, which keeps an import of 10,000 ads fast.

Everything here is deterministic (CRC-32 for the shingles, which is fast and, with the
exact comparison behind it, good enough to find candidates; BLAKE2b for the band keys),
never Python's salted ``hash``: the band keys live in a projection that must come out the
same on every replay.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

SHINGLE_WORDS = 3
ROWS = 3
BANDS = 10
THRESHOLD = 0.6
MIN_SHINGLES = 5  # fewer than this and "near-identical" means little
MIN_WORDS = 8
_WORD = re.compile(r"\w+")
# A number with its inner separators: "1 500", "070-174 06 05", "2026-05-14", "12–18".
_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.,:/\u2013\u2014-]*\d+)*")
_PLACEHOLDER = "0"
_KEY_MASK = (1 << 53) - 1  # the integers JSON numbers (and RFC 8785) hold exactly


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


_BINS = ROWS * BANDS
_EMPTY = 1 << 64
_BAND = struct.Struct(f"<B{ROWS}Q")  # a band's number, then its rows, little-endian


def shingles(text: str) -> frozenset[int]:
    """The hashes of the text's overlapping three-word runs (case folded, every number
    one placeholder word); none for a text of fewer than ``MIN_WORDS`` other words."""
    words = _WORD.findall(_NUMBER.sub(" 0 ", text.casefold()))
    if len(words) - words.count(_PLACEHOLDER) < MIN_WORDS:
        return frozenset()
    # Each word encoded once, the runs joined as bytes, the loop in C (map over zip): the
    # same CRCs, at a quarter of the cost of joining strings in a Python loop.
    encoded = [w.encode() for w in words]
    runs = zip(*(encoded[i:] for i in range(SHINGLE_WORDS)), strict=False)
    return frozenset(map(zlib.crc32, map(b" ".join, runs)))


# Band keys worked out ahead, by text (a large import has them computed in a second process
# while this one reads its own rows); taken once, by the index as it stores the ad.
_AHEAD: dict[str, list[int]] = {}


def text_band_keys(text: str) -> list[int]:
    """``band_keys(shingles(text))``, taken from those worked out ahead when it was."""
    keys = _AHEAD.pop(text, None)
    return keys if keys is not None else band_keys(shingles(text))


@contextmanager
def band_keys_ahead(found: Mapping[str, list[int]]) -> Iterator[None]:
    """Band keys worked out elsewhere for these texts, to be used while the block runs."""
    _AHEAD.update(found)
    try:
        yield
    finally:
        _AHEAD.clear()


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)  # no union set built: twice as fast


def similarity(a: frozenset[int], b: frozenset[int], threshold: float = THRESHOLD) -> float:
    """``jaccard``, or 0 at once when the sizes alone rule out reaching ``threshold``
    (the similarity of two sets is at most the smaller's size over the larger's)."""
    small, large = sorted((len(a), len(b)))
    if not large or small < threshold * large:
        return 0.0
    return jaccard(a, b)


def band_keys(shingled: frozenset[int]) -> list[int]:
    """The text's band keys (53-bit, so a projection snapshot's canonical JSON can hold
    them exactly); none if the text is too short."""
    if len(shingled) < MIN_SHINGLES:
        return []
    signature = _signature(shingled)
    return [
        _h64(_BAND.pack(band, *signature[band * ROWS : (band + 1) * ROWS])) & _KEY_MASK
        for band in range(BANDS)
    ]


def _signature(shingled: frozenset[int]) -> list[int]:
    bins = [_EMPTY] * _BINS
    for h in shingled:
        value, index = divmod(h, _BINS)
        if value < bins[index]:
            bins[index] = value
    # Densification by rotation: an empty bin takes the nearest filled bin to its right,
    # marked with the distance so that two borrowed values only agree by real overlap.
    doubled = bins + bins
    signature = []
    for i in range(_BINS):
        step = 0
        while doubled[i + step] == _EMPTY:
            step += 1
        signature.append(doubled[i + step] * _BINS + step)
    return signature
