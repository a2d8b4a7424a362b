"""The clipboard guard: every copy the app makes goes through it, and it clears what it put
there after 30 seconds, when the vault locks and when the app quits.

Installed on the application (``install``), the guard takes over Copy and Cut wherever
text or records can be selected: Ctrl+C / Ctrl+X (and Ctrl+Insert, Shift+Delete) in line
edits, spin and date boxes, editable combo boxes, text edits, selectable labels and item
views, and the Copy and Cut of their context menus. What it copies is marked for clipboard
managers as a secret (KDE's Klipper keeps no history of it; Windows keeps it out of the
clipboard history and the cloud clipboard).

Only text the app itself put on the clipboard is cleared; what the user copied from other
programs is left alone. The guard keeps a keyed hash of each copied text, not the text,
so a locked app holds no copy of it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QClipboard, QContextMenuEvent, QGuiApplication, QKeyEvent
from PySide6.QtGui import QKeySequence as Keys
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

from ui.i18n import translate

# Ask clipboard managers not to keep a history of what we copy: KDE's Klipper honours the
# first, Windows' clipboard monitors the second, Windows' clipboard history and cloud
# clipboard the last two (a DWORD 0 each).
_KDE_SECRET_HINT = "x-kde-passwordManagerHint"  # noqa: S105 (a MIME type, not a password)
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_WINDOWS_HINTS = {
    _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"): b"\0\0\0\0",
    _WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"): b"\0\0\0\0",
    _WINDOWS_FORMAT.format("CanUploadToCloudClipboard"): b"\0\0\0\0",
}

CLEAR_AFTER_MS = 30_000
# A widget with this property set copies nothing at all (e.g. a saved page's text).
NO_COPY_PROPERTY = "fieldappNoCopy"


_TextEdit = QTextEdit | QPlainTextEdit
_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class ClipboardGuard(QObject):
    """Copy through ``copy``; ``clear_if_ours`` runs on the timer, on lock and on quit."""

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        *,
        clear_after_ms: int = CLEAR_AFTER_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        # A per-run key: the digests cannot be matched against guessed texts offline.
        self._key = secrets.token_bytes(32)
        self._copied: set[bytes] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._installed = False

    def _board(self) -> QClipboard:
        return self._clipboard or QGuiApplication.clipboard()

    def _digest(self, text: str) -> bytes:
        return hmac.digest(self._key, text.encode("utf-8"), hashlib.sha256)

    # -- copying and clearing -----------------------------------------------------------------

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, concealed, and clear it after the timeout."""
        if not text:
            return
        data = QMimeData()
        data.setText(text)
        data.setData(_KDE_SECRET_HINT, b"secret")
        for mime, value in _WINDOWS_HINTS.items():
            data.setData(mime, value)
        self._board().setMimeData(data)
        self._copied.add(self._digest(text))
        self._timer.start()

    def holds_ours(self) -> bool:
        text = self._board().text()
        return bool(text) and self._digest(text) in self._copied

    def clear_if_ours(self) -> bool:
        """Clear the clipboard if it still holds text the app copied; forget the rest."""
        self._timer.stop()
        board = self._board()
        ours = self.holds_ours()
        if ours:
            board.clear()
        self._copied.clear()
        # X11's selection holds whatever was last selected in one of our fields.
        if board.supportsSelection() and board.ownsSelection():
            board.clear(QClipboard.Mode.Selection)
        return ours

    def clear_pending(self) -> bool:
        """Whether the timeout is still to clear something."""
        return self._timer.isActive()

    @Slot()
    def _on_timeout(self) -> None:
        self.clear_if_ours()

    # -- taking over Copy and Cut in the whole app ---------------------------------------------

    def install(self) -> None:
        """Route every Copy and Cut of the application's widgets through the guard."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            cut = event.matches(Keys.StandardKey.Cut)
            if not (cut or event.matches(Keys.StandardKey.Copy)):
                return False
            target = _copy_target(watched)
            if target is None:
                return False
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the key comes to the widget, not to a window shortcut
                return True
            self._copy_from(target, cut=cut)
            return True
        if kind == QEvent.Type.ContextMenu and isinstance(watched, QWidget):
            assert isinstance(event, QContextMenuEvent)
            return self._context_menu(watched, event)
        return False

    def _copy_from(self, target: QWidget, *, cut: bool) -> None:
        if target.property(NO_COPY_PROPERTY):
            return
        if isinstance(target, QLineEdit):
            if target.echoMode() != QLineEdit.EchoMode.Normal:
                return  # a passphrase is never copied
            self.copy(target.selectedText())
            if cut and not target.isReadOnly() and target.hasSelectedText():
                target.del_()
        elif isinstance(target, _TextEdit):
            cursor = target.textCursor()
            self.copy(cursor.selection().toPlainText())
            if cut and not target.isReadOnly() and cursor.hasSelection():
                cursor.removeSelectedText()
                target.setTextCursor(cursor)
        elif isinstance(target, QLabel):
            self.copy(target.selectedText())
        elif isinstance(target, QAbstractItemView):
            self.copy(_view_text(target))

    def _context_menu(self, watched: QWidget, event: QContextMenuEvent) -> bool:
        target = _menu_target(watched)
        if target is None:
            return False
        if isinstance(target, QLabel):
            if not target.hasSelectedText():
                return True  # the label's own menu would offer an unguarded Copy
            menu = QMenu()
            menu.addAction(
                translate("ClipboardGuard", "&Copy"),
                lambda: self._copy_from(target, cut=False),
            )
        else:
            assert isinstance(target, QLineEdit | QTextEdit | QPlainTextEdit)
            menu = target.createStandardContextMenu()
            for action in menu.actions():
                name = action.objectName()
                if name in ("edit-copy", "edit-cut"):
                    self._replace(menu, action, target, cut=name == "edit-cut")
        # Python owns the menu (createStandardContextMenu hands it over): it goes with
        # this frame, and a deleteLater here would delete it twice.
        menu.exec(event.globalPos())
        return True

    def _replace(self, menu: QMenu, action: QAction, target: QWidget, *, cut: bool) -> None:
        """The standard menu's Copy or Cut, done by the guard instead."""
        guarded = QAction(action.text(), menu)
        guarded.setEnabled(action.isEnabled())
        guarded.setObjectName(action.objectName())
        guarded.triggered.connect(lambda: self._copy_from(target, cut=cut))
        menu.insertAction(action, guarded)
        menu.removeAction(action)


def _copy_target(widget: QObject) -> QWidget | None:
    """The widget whose selection Ctrl+C copies, for the widget that has the key."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractItemView):
        return widget
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        # They pass the key straight to their line edit, past any event filter.
        return widget.findChild(QLineEdit)
    if isinstance(widget, QLabel) and widget.hasSelectedText():
        return widget
    return None


def _menu_target(widget: QWidget) -> QWidget | None:
    """The widget whose standard context menu is about to open, if it has Copy or Cut."""
    parent = widget.parentWidget()
    # A text edit gets its context menu through its viewport.
    if isinstance(parent, QTextEdit | QPlainTextEdit) and widget is parent.viewport():
        widget = parent
    if widget.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu:
        return None
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    if isinstance(widget, QLabel) and widget.textInteractionFlags() & _SELECTABLE:
        return widget
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def _view_text(view: QAbstractItemView) -> str:
    """The selected cells of a list or table, a line per row and a tab between cells."""
    model = view.model()
    selection = view.selectionModel()
    if model is None:
        return ""
    indexes = selection.selectedIndexes() if selection is not None else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    if isinstance(view, QTableView):
        indexes = [i for i in indexes if not view.isColumnHidden(i.column())]
    rows: dict[int, list[str]] = {}
    for index in sorted(indexes, key=lambda i: (i.row(), i.column())):
        value = model.data(index)
        rows.setdefault(index.row(), []).append("" if value is None else str(value))
    return "\n".join("\t".join(cells) for cells in rows.values())
