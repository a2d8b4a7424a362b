"""Files that come from outside (a USB stick, a share, a file dialog), read under a stated
cap: a regular file only, its size checked before a byte is read, and read with a bounded
read, so a 4 GiB sparse file, ``/dev/zero``, a FIFO or a folder is refused at once, with
nothing read whole into memory.

The caps are the README's table (*Input caps*); each input's reader names its own.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fieldapp.errors import KnownError

MIB = 1024 * 1024
BUNDLE_MAX_BYTES = 1024 * MIB  # a sealed bundle file
BUNDLE_PAYLOAD_MAX_BYTES = 2048 * MIB  # its payload once decompressed (blobs as base64)
CASE_DOCUMENT_MAX_BYTES = 50 * MIB  # a case exported as JSON
KEY_FILE_MAX_BYTES = 1 * MIB  # vault.keys: one slot of about 1 KB per officer
CARD_MAX_BYTES = 1 * MIB  # a station card, a laptop card, a receipt
ATTACHMENT_MAX_BYTES = 64 * MIB  # one photo, screenshot, scan or saved page
_CHUNK = 1 * MIB


class InputRefused(KnownError):
    """A file given as input is not a regular file, is over its cap, or cannot be read."""

    code = "input_refused"


class InputTooLarge(InputRefused):
    code = "input_too_large"


class InputNotAFile(InputRefused):
    code = "input_not_a_file"


def read_capped(path: Path, cap: int, what: str) -> bytes:
    """The bytes of ``path``, at most ``cap`` of them; ``what`` names the input in the
    refusal ("bundle", "case document" ...)."""
    path = Path(path)
    name = path.name or str(path)
    try:
        _check_kind(os.stat(path), name, cap, what)
        # O_NONBLOCK: a FIFO swapped in after the check must not hang the open; the
        # descriptor is checked again (fstat) before anything is read from it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _unreadable(name, what, exc) from None
    try:
        _check_kind(os.fstat(fd), name, cap, what)
        chunks: list[bytes] = []
        size = 0
        while size <= cap:
            chunk = os.read(fd, min(_CHUNK, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _unreadable(name, what, exc) from None
    finally:
        os.close(fd)
    if size > cap:  # it grew while being read
        raise _too_large(name, cap, what)
    return b"".join(chunks)


def check_size(data: bytes, cap: int, what: str, name: str = "") -> bytes:
    """Bytes already in hand (an attachment handed to the core) under the same cap."""
    if len(data) > cap:
        raise _too_large(name or what, cap, what)
    return data


def _check_kind(st: os.stat_result, name: str, cap: int, what: str) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise InputNotAFile(
            f"{name} is not a regular file (a folder, device or pipe), so not a {what}.",
            params={"file": name, "what": what},
        )
    if st.st_size > cap:
        raise _too_large(name, cap, what)


def _too_large(name: str, cap: int, what: str) -> InputTooLarge:
    mb = max(1, cap // MIB)
    return InputTooLarge(
        f"{name} is larger than {mb} MB, the limit for a {what}; nothing was read.",
        params={"file": name, "what": what, "limit_mb": mb},
    )


def _unreadable(name: str, what: str, exc: OSError) -> InputRefused:
    reason = exc.strerror or type(exc).__name__
    return InputRefused(
        f"{name} cannot be read as a {what}: {reason}.",
        params={"file": name, "what": what, "reason": reason},
    )
