"""Where the import's file dialog opens: the folder used last time, else removable media
(a USB stick: /media/$USER or /run/media/$USER on Linux, a removable drive on Windows), else
the home folder. The dialog names the bundle type instead of "unknown"."""

from __future__ import annotations

import getpass
import os
import string
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QFileIconProvider

from fieldapp.settings import Scope, Setting
from fieldapp.sync.bundle import SUFFIX as BUNDLE_SUFFIX
from fieldapp.sync.export import RECEIPT_SUFFIX

# A path, kept in the vault (not personal data).
LAST_FOLDER = Setting("ui.sync.last_folder", str, "", Scope.PERSIST)


def removable_media() -> list[Path]:
    """Mounted removable media, most likely first (may be empty)."""
    if sys.platform == "win32":
        return _windows_removable()
    user = os.environ.get("USER") or getpass.getuser()
    found: list[Path] = []
    for root in (Path("/media") / user, Path("/run/media") / user, Path("/media")):
        try:
            found += sorted(p for p in root.iterdir() if p.is_dir() and p.name != user)
        except OSError:
            continue
    return found


def _windows_removable() -> list[Path]:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    drive_removable = 2
    return [
        Path(f"{letter}:\\")
        for letter in string.ascii_uppercase
        if kernel.GetDriveTypeW(f"{letter}:\\") == drive_removable
    ]


def start_folder(last: str | None) -> str:
    """The folder the dialog opens on."""
    if last and Path(last).is_dir():
        return last
    media = removable_media()
    if media:
        return str(media[0])
    return str(Path.home())


class SyncFileTypes(QFileIconProvider):
    """Names the app's own files in the dialog's Type column."""

    def type(self, info: QFileInfo) -> str:
        suffix = f".{info.suffix()}"
        if suffix == BUNDLE_SUFFIX:
            return QCoreApplication.translate("SyncDialogs", "Sealed bundle from a laptop")
        if suffix == RECEIPT_SUFFIX:
            return QCoreApplication.translate("SyncDialogs", "Station receipt")
        return super().type(info)
