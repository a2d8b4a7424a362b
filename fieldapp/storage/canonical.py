"""Canonical JSON (RFC 8785) and small encoding helpers shared by hashing and signing.

The login reads the key file (``b64``/``unb64``) before its first paint, so the JSON and
hash libraries load at their first use, not with this module: orjson's library and
hashlib's OpenSSL are a twentieth of the start to that paint. A function-level import of
a loaded module costs about 0.1 µs, against 1.5 µs for a small event's ``canonical``.
"""

from __future__ import annotations

import base64
from typing import Any

# Integers a double holds exactly: RFC 8785 numbers are IEEE doubles.
_EXACT = 2**53 - 1


def canonical(value: Any) -> bytes:
    """The RFC 8785 canonical JSON bytes of ``value`` (same value, same bytes, everywhere).

    Every event body is canonicalised when it is written, so the common case is fast:
    for values ``orjson`` writes exactly as RFC 8785 does (see ``_plain``) it is used, at a
    thirtieth of the cost of ``rfc8785``; anything else (floats above all, whose ECMAScript
    formatting ``rfc8785`` implements) goes to ``rfc8785``. A property test holds the two
    to the same bytes."""
    import orjson  # Deferred for start-up time: see the module's docstring

    if _plain(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            pass  # a lone surrogate, say: rfc8785 decides (and refuses it the same way)
    import rfc8785  # Deferred for start-up time: see the module's docstring

    return rfc8785.dumps(value)


def _plain(value: Any) -> bool:
    """Whether ``value`` holds only strings, booleans, null, integers exact as doubles,
    lists, and objects whose keys are ASCII. For those, sorted keys with no whitespace and
    UTF-8 as is give exactly RFC 8785 (ASCII keys sort the same by code point as by UTF-16
    unit; orjson escapes what RFC 8785 escapes, the same way)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if -_EXACT <= item <= _EXACT:
                continue
            return False
        if kind is dict:
            for key in item:
                if type(key) is not str or not key.isascii():
                    return False
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        else:
            return False
    return True


def sha256_hex(data: bytes) -> str:
    import hashlib  # Deferred for start-up time: see the module's docstring

    return hashlib.sha256(data).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
