"""Atomic file replacement: the old file stays valid until the new one is on disk."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from fieldapp.errors import StorageUnavailable


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, rename, fsync dir.

    On any OS error the temp file is removed, ``path`` is left as it was, and
    ``StorageUnavailable`` names the file and the reason.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageUnavailable(
            f"Could not write {path.name}: {exc.strerror or exc}. The previous file is unchanged."
        ) from exc


def _fsync_dir(folder: Path) -> None:
    # A rename is durable only once the directory entry is on disk; Windows cannot open dirs.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_writable(folder: Path) -> None:
    """Refuse early, with the OS's reason, if ``folder`` cannot take new files.

    SQLite's own message for this ("unable to open database file") does not say why.
    """
    probe = folder / f".write-test.{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        probe.unlink()
    except OSError as exc:
        raise StorageUnavailable(
            f"The vault folder {folder} is not writable: {exc.strerror or exc}."
        ) from None
