"""Canonical JSON (RFC 8785) and small encoding helpers shared by hashing and signing."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import rfc8785


def canonical(value: Any) -> bytes:
    """The RFC 8785 canonical JSON bytes of ``value`` (same value, same bytes, everywhere)."""
    return rfc8785.dumps(value)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
