"""Photos of the evidence: a picture of the money handed over, of the seized notes, of
anything an offence element rests on. The bytes are an attachment of the photo's event
(a vault blob under the SHA-256 taken at capture); the record says what it belongs to,
when it was taken, by whom and how, and what the image is (type, size, pixels).

``inspect_image`` reads only the header: JPEG or PNG, and its dimensions. Anything else,
or a header that stops short, is refused with a coded reason; no decoder runs here.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import drop_none
from fieldapp.errors import InvalidInput, Reason, coded
from fieldapp.validation import Problems, choice, integer, moment, text

PHOTO_ENTITY = "photo"
MAX_PHOTO_BYTES = 25 * 1024 * 1024  # a phone's full-size JPEG is 3-12 MB
MAX_PIXELS = 100_000_000  # a decoder asked for more would need gigabytes
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PhotoAbout(StrEnum):
    ELEMENT = "element"  # the element itself: the money handed over, the message …
    SEIZURE = "seizure"  # the money seized (the payment element's seizure)


class PhotoSource(StrEnum):
    FILE = "file"
    CAMERA = "camera"


class MediaType(StrEnum):
    JPEG = "image/jpeg"
    PNG = "image/png"


@dataclass(frozen=True)
class ImageInfo:
    media_type: MediaType
    width: int
    height: int


def _refuse(reason: Reason) -> InvalidInput:
    return InvalidInput(f"Photo: {reason}", problems=(("photo", reason),))


def inspect_image(data: bytes) -> ImageInfo:
    """The image's type and size from its header, or ``InvalidInput`` (field ``photo``)."""
    if not data:
        raise _refuse(coded("photo_empty", "the file is empty."))
    if len(data) > MAX_PHOTO_BYTES:
        raise _refuse(too_large())
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        info = _png(data)
    elif data.startswith(b"\xff\xd8\xff"):
        info = _jpeg(data)
    else:
        raise _refuse(coded("photo_not_image", "not a JPEG or PNG image."))
    if info is None or info.width < 1 or info.height < 1:
        raise _refuse(coded("photo_damaged", "the image is damaged or cut short."))
    if info.width * info.height > MAX_PIXELS:
        raise _refuse(
            coded(
                "photo_too_many_pixels",
                f"more than {MAX_PIXELS // 1_000_000} million pixels.",
                limit=MAX_PIXELS // 1_000_000,
            )
        )
    return info


def too_large() -> Reason:
    limit = MAX_PHOTO_BYTES // 2**20
    return coded("photo_too_large", f"larger than {limit} MB.", limit=limit)


def _png(data: bytes) -> ImageInfo | None:
    # The first chunk is IHDR (width, height); IEND closes the file (cut short: missing).
    if len(data) < 33 or data[12:16] != b"IHDR" or b"IEND" not in data[-4096:]:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ImageInfo(MediaType.PNG, width, height)


# Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC are not frames.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg(data: bytes) -> ImageInfo | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        if marker in (0xD9, 0xDA):
            return None  # the end, or the scan, before any frame header
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if length < 2 or i + 2 + length > len(data):
            return None
        if marker in _SOF:
            if length < 7:
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return ImageInfo(MediaType.JPEG, width, height)
        i += 2 + length
    return None


def clean_photo(
    data: Mapping[str, Any], p: Problems, *, now: datetime, officer_id: str
) -> dict[str, Any]:
    """A photo's record (its bytes travel as the event's attachment)."""
    taken = moment(p, data, "taken_at", required=True, not_after=now)
    digest = text(p, data, "sha256", required=True, max_len=64)
    if digest is not None and not _SHA256.fullmatch(digest):
        p.add("sha256", coded("photo_hash", "must be a SHA-256 in hexadecimal."))
    return drop_none(
        {
            "element_id": text(p, data, "element_id", required=True, max_len=40),
            "about": choice(p, data, "about", PhotoAbout, required=True),
            "source": choice(p, data, "source", PhotoSource, required=True),
            "taken_at": taken.isoformat() if taken else None,
            "observer": text(p, data, "observer", max_len=32) or officer_id,
            "sha256": digest,
            "media_type": choice(p, data, "media_type", MediaType, required=True),
            "size": integer(p, data, "size", required=True, minimum=1, maximum=MAX_PHOTO_BYTES),
            "width": integer(p, data, "width", required=True, minimum=1),
            "height": integer(p, data, "height", required=True, minimum=1),
        }
    )
