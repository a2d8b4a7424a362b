"""Reading an ad file (CSV, saved page) from disk under a stated size cap.

Only a regular file is read: a folder, a device such as ``/dev/zero``, a FIFO or a socket
is refused before a byte is read (the file is opened without waiting, so a FIFO with no
writer cannot hang the import, and checked again once open, so a file swapped after the
check is caught too). The file is read a megabyte at a time and refused as soon as it
passes its cap, so a huge or endless file never sits whole in memory; within the cap the
caller gets its bytes (a CSV's rows and a page's text are read from them).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from fieldapp.ads.issues import ImportRefused, RowProblem
from fieldapp.errors import coded

_CHUNK = 1 << 20
MIB = 1 << 20


def _refused(name: str, reason: str) -> ImportRefused:
    return ImportRefused(name, [RowProblem(None, None, reason)])


def _not_regular(name: str, mode: int) -> ImportRefused:
    if stat.S_ISDIR(mode):
        return _refused(name, coded("file_is_folder", "a folder, not a file."))
    return _refused(
        name,
        coded(
            "file_not_regular",
            "not a regular file (a device, a pipe or a socket); save the ads as a file first.",
        ),
    )


def read_capped(path: Path, cap: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``cap`` of them; ``ImportRefused``
    (coded, naming the file) for anything else."""
    name = path.name or str(path)
    try:
        before = os.stat(path)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if not stat.S_ISREG(before.st_mode):
        raise _not_regular(name, before.st_mode)
    if before.st_size > cap:
        raise _too_large(name, cap)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _unreadable(name, exc) from None
    with os.fdopen(fd, "rb", buffering=0) as f:
        mode = os.fstat(f.fileno()).st_mode
        if not stat.S_ISREG(mode):  # replaced between the check and the opening
            raise _not_regular(name, mode)
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := f.read(_CHUNK):
                size += len(chunk)
                if size > cap:  # it grew while being read
                    raise _too_large(name, cap)
                chunks.append(chunk)
        except OSError as exc:
            raise _unreadable(name, exc) from None
    return b"".join(chunks)


def _too_large(name: str, cap: int) -> ImportRefused:
    megabytes = cap // MIB
    return _refused(
        name,
        coded(
            "file_too_large",
            f"larger than {megabytes} MB, the most this import reads; split it.",
            limit_mb=megabytes,
        ),
    )


def _unreadable(name: str, exc: OSError) -> ImportRefused:
    # The system's words for the error (e.g. "Permission denied"): no content of the file.
    reason = exc.strerror or type(exc).__name__
    return _refused(name, coded("file_unreadable", f"cannot be read ({reason}).", reason=reason))
