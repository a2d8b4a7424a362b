"""A small fuzzing engine on Hypothesis: mutations of a valid input (its bytes, or a JSON
document's values), arbitrary bytes, and a runner that counts every input it fed.

Hypothesis draws one seed per example and the mutations come from a PRNG seeded with it:
drawing each edit through Hypothesis costs about a millisecond an input, and a stress run
feeds a million. A failure names the seed and the input, so it can be replayed.

Only ``KnownError`` (a refusal the user can read) may come out of a target: anything else
is our bug and fails the run.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fieldapp.errors import KnownError

# Byte values that tend to matter to parsers: quotes, separators, line ends, NUL, high bits.
_SPECIAL = b"\x00\n\r\t\"',;<>&=-:{}[]\\\x7f\x80\xc3\xff"
_TEXTS = ("", "0", "-1", "x" * 300, "2026-05-14T21:30:00+02:00", "ff" * 32, "é\u0000\ud7ff", "[")
BATCH = 20  # inputs made from one seed

Generator = Callable[[random.Random], Any]


def mutate_bytes(rng: random.Random, seed: bytes) -> bytes:
    """``seed`` with a few random edits: flipped bits, bytes inserted, removed, replaced,
    a chunk repeated, or the whole cut short."""
    data = bytearray(seed)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        at = rng.randrange(len(data)) if data else 0
        if op == 0 and data:
            data[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[at:at] = rng.randbytes(rng.randint(1, 8))
        elif op == 2:
            del data[at : at + rng.randint(1, 64)]
        elif op == 3 and data:
            data[at] = rng.choice(_SPECIAL)
        elif op == 4:
            end = at + rng.randint(1, 64)
            data[at:at] = data[at:end] * rng.randint(1, 4)
        elif op == 5:
            del data[rng.randint(0, len(data)) :]
        else:
            data[at:at] = bytes([rng.choice(_SPECIAL)])
    return bytes(data)


def bytes_like(seed: bytes) -> Generator:
    """Mostly near-valid inputs (they get past the first checks), some arbitrary bytes."""

    def make(rng: random.Random) -> bytes:
        if rng.randrange(8) == 0:
            return rng.randbytes(rng.randint(0, 300))
        return mutate_bytes(rng, seed)

    return make


def json_leaf(rng: random.Random) -> Any:
    kind = rng.randrange(8)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.randint(-5, 5)
    if kind == 3:
        return rng.randint(-(2**70), 2**70)
    if kind == 4:
        return rng.choice((0.5, -1e308, 1e308, float("inf"), float("nan"), rng.random()))
    if kind == 5:
        return "".join(chr(rng.randint(1, 0x2FF)) for _ in range(rng.randint(0, 20)))
    return rng.choice(_TEXTS)


def json_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(6)
    if depth < 3 and kind == 0:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 3 and kind == 1:
        return {json_leaf(rng).__str__()[:12]: json_value(rng, depth + 1) for _ in range(3)}
    return json_leaf(rng)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


def mutate_json(rng: random.Random, seed: Any) -> Any:
    """A copy of the JSON document ``seed`` with a few values replaced by arbitrary JSON,
    keys removed or added, list items dropped or repeated."""
    doc = copy.deepcopy(seed)
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(_paths(doc))
        if not path:
            if rng.randrange(10) == 0:
                doc = json_value(rng)  # rarely: not a document at all
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        op = rng.randrange(4)
        if op == 0:
            parent[last] = json_value(rng)
        elif op == 1:
            del parent[last]
        elif op == 2 and isinstance(parent, dict):
            parent[str(json_leaf(rng))[:12]] = json_value(rng)
        elif op == 2:
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            parent[last] = json_leaf(rng)
    return doc


def json_like(seed: Any) -> Generator:
    return lambda rng: mutate_json(rng, seed)


def fuzz(target: Callable[[Any], object], generate: Generator, inputs: int) -> int:
    """Feed ``target`` at least ``inputs`` values made by ``generate``; returns how many
    it was fed. A ``KnownError`` is a fine answer; any other exception fails the run."""
    fed = 0

    @settings(
        max_examples=max(1, min(inputs // BATCH, 2000)),
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.integers(0, 2**64 - 1))
    def run(seed: int) -> None:
        nonlocal fed
        rng = random.Random(seed)
        for _ in range(BATCH):
            value = generate(rng)
            fed += 1
            try:
                target(value)
            except KnownError:
                pass
            except Exception as exc:
                shown = repr(value)
                shown = shown if len(shown) < 3000 else shown[:3000] + "…"
                raise AssertionError(f"{type(exc).__name__}: {exc} on input {shown}") from exc

    while fed < inputs:
        run()
    return fed
