"""The clipboard guard: remembers what the app copied, and clears it when the vault locks.

Only text the app itself put on the clipboard is cleared; what the user copied from other
programs is left alone. The guard keeps a keyed hash of each copied text, not the text,
so a locked app holds no copy of it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

# Ask clipboard managers not to keep a history of what we copy: KDE's Klipper honours the
# first, Windows' clipboard history and cloud clipboard the second.
_KDE_SECRET_HINT = "x-kde-passwordManagerHint"  # noqa: S105 (a MIME type, not a password)
_WINDOWS_EXCLUDE = (
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
)


class ClipboardGuard:
    """Copy through ``copy``; call ``clear_if_ours`` on lock and on quit."""

    def __init__(self, clipboard: QClipboard | None = None) -> None:
        self._clipboard = clipboard
        # A per-run key: the digests cannot be matched against guessed texts offline.
        self._key = secrets.token_bytes(32)
        self._copied: set[bytes] = set()

    def _board(self) -> QClipboard:
        return self._clipboard or QGuiApplication.clipboard()

    def _digest(self, text: str) -> bytes:
        return hmac.digest(self._key, text.encode("utf-8"), hashlib.sha256)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard and remember that the app put it there."""
        data = QMimeData()
        data.setText(text)
        data.setData(_KDE_SECRET_HINT, b"secret")
        data.setData(_WINDOWS_EXCLUDE, b"\0\0\0\0")
        self._board().setMimeData(data)
        self._copied.add(self._digest(text))

    def holds_ours(self) -> bool:
        text = self._board().text()
        return bool(text) and self._digest(text) in self._copied

    def clear_if_ours(self) -> bool:
        """Clear the clipboard if it still holds text the app copied; forget the rest."""
        ours = self.holds_ours()
        if ours:
            self._board().clear()
        self._copied.clear()
        return ours
