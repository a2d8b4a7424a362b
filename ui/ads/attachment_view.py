"""An ad's files, seen inside the app: a screenshot in an image viewer (fitted to the window,
or at its own size, scrolled), a saved page as the text the import read out of it.

The bytes come from the vault through ``register`` (checked against their SHA-256, the
opening written to the access log) and live only in the open dialog: nothing is written
to a file, and the lock closes the dialog with every other one. A saved page is never
rendered as HTML, so no script runs and nothing is fetched from the network; its text is
not copied out of here either (the clipboard outlives the lock).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QMimeData,
    QObject,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QImage, QImageReader, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ads import register
from fieldapp.ads.model import AttachmentInfo, AttachmentKind
from fieldapp.ads.pages import SavedPage
from ui.ads.texts import ATTACHMENT_KINDS, seen_text
from ui.clipboard import NO_COPY_PROPERTY
from ui.forms import muted_label
from ui.i18n import translate
from ui.screens.step import STEP_TITLE_SIZE
from ui.theme import sized_font
from ui.widgets import action_button
from ui.words import word
from ui.workspace import Workspace

# Raster formats only: an SVG "screenshot" could name files or addresses to load.
_PICTURE_FORMATS = frozenset({"png", "jpeg", "jpg", "gif", "bmp", "webp"})


class NotViewable(Exception):
    """The file cannot be shown here; the message says why, in the UI language."""


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} B"


def file_line(info: AttachmentInfo) -> str:
    """ "skärmbild maja.png, 12 kB": one file of an ad, in a list."""
    kind = word(ATTACHMENT_KINDS, info.kind, "Ads")
    name = f" {info.name}" if info.name else ""
    return f"{kind}{name}, {size_text(info.size)}"


def decode_picture(data: bytes) -> QImage:
    """A screenshot's bytes as an image (PNG, JPEG and the like), or ``NotViewable``."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    found = bytes(reader.format().data()).decode("ascii", "replace").lower()
    image = reader.read() if found in _PICTURE_FORMATS else QImage()
    if image.isNull():
        raise NotViewable(
            translate(
                "AttachmentViewer", "The picture cannot be shown: it is no PNG or JPEG image."
            )
        )
    return image


def open_viewer(workspace: Workspace, ad_id: str, info: AttachmentInfo, parent: QWidget) -> QDialog:
    """The viewer of one file of an ad, not yet shown; the opening is logged. A refusal of
    the core (no such file, not on this laptop) propagates; a file that cannot be shown
    raises ``NotViewable``."""
    details = file_details(info)
    if info.kind == AttachmentKind.PAGE.value:
        page = register.read_attached_page(workspace.ctx, ad_id, info.sha256)
        return PageViewer(page, details, parent)
    if info.media_type.startswith("image/") or info.kind == AttachmentKind.SCREENSHOT.value:
        data = register.attachment_bytes(workspace.ctx, ad_id, info.sha256)
        return PictureViewer(decode_picture(data), info.name or "", details, parent)
    raise NotViewable(
        translate("AttachmentViewer", "This kind of file cannot be shown here ({type}).").format(
            type=info.media_type
        )
    )


def file_details(info: AttachmentInfo) -> str:
    kind = word(ATTACHMENT_KINDS, info.kind, "Ads")
    parts = [f"{kind} {info.name or ''}".strip(), size_text(info.size)]
    if info.captured_at:
        parts.append(
            translate("AttachmentViewer", "captured {when}").format(
                when=seen_text(info.captured_at)
            )
        )
    # In full: the name the file is stored and checked under, to quote in a report.
    return "  ·  ".join(parts) + f"\nSHA-256 {info.sha256}"


def fitted_size(parent: QWidget, wanted: QSize) -> QSize:
    """``wanted``, but never larger than nine tenths of the window it opens over."""
    window = parent.window().size()
    return QSize(
        min(wanted.width(), int(window.width() * 0.9)),
        min(wanted.height(), int(window.height() * 0.9)),
    )


class _ViewerBase(QDialog):
    """Heading, what the file is, its SHA-256, the view, and the buttons (Esc closes)."""

    def __init__(self, heading: str, details: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.heading = QLabel(heading, self)
        self.heading.setFont(sized_font(self.heading, STEP_TITLE_SIZE, bold=True))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.details = muted_label(details, self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = action_button(self.tr("Close (Esc)"), self)
        self.close_button.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.close_button)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 14, 18, 14)
        self.body.setSpacing(8)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.details)


class PictureViewer(_ViewerBase):
    """A screenshot, fitted to the window (never enlarged), or at its own size."""

    def __init__(self, image: QImage, name: str, details: str, parent: QWidget) -> None:
        super().__init__(name or translate("Ads", "screenshot"), details, parent)
        self.setWindowTitle(self.tr("Screenshot"))
        self.pixmap = QPixmap.fromImage(image)
        self.fit = True
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(self.tr("Screenshot"))
        self.area = QScrollArea(self)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setWidget(self.picture)
        self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows scroll a large one
        self.area.setMinimumSize(320, 200)  # a picture, even over a small window
        self.size_button = action_button("", self)
        self.size_button.clicked.connect(self.toggle_fit)
        self.buttons.insertWidget(0, self.size_button)
        self.body.addWidget(self.area, 1)
        self.body.addLayout(self.buttons)
        self.resize(fitted_size(parent, QSize(1100, 760)))
        self._show_picture()
        self.area.viewport().installEventFilter(self)

    def show_image(self, image: QImage, heading: str, details: str) -> None:
        """Another picture in the same window (the next photo opened from the strip)."""
        self.pixmap = QPixmap.fromImage(image)
        self.heading.setText(heading)
        self.details.setText(details)
        self._show_picture()

    @Slot()
    def toggle_fit(self) -> None:
        self.fit = not self.fit
        self._show_picture()

    def shown_size(self) -> QSize:
        return self.picture.pixmap().size()

    def _show_picture(self) -> None:
        room = self.area.viewport().size()
        if self.fit and (
            self.pixmap.width() > room.width() or self.pixmap.height() > room.height()
        ):
            shown = self.pixmap.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        else:
            shown = self.pixmap
        self.picture.setPixmap(shown)
        self.picture.resize(shown.size())
        self.size_button.setText(
            self.tr("&Actual size ({width}×{height})").format(
                width=self.pixmap.width(), height=self.pixmap.height()
            )
            if self.fit
            else self.tr("&Fit to the window")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Fitted to the room the scroll area really has, once its layout has given it.
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize and self.fit:
            self._show_picture()
        return super().eventFilter(watched, event)


class PageText(QPlainTextEdit):
    """Read-only text that is read, not taken: no copy, no cut, no drag, no context menu."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setProperty(NO_COPY_PROPERTY, True)  # the app-wide copy guard copies nothing
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        return QMimeData()  # a dragged selection carries nothing out of the app


class PageViewer(_ViewerBase):
    """A saved page as text: its title, address and when it was saved, then the text."""

    def __init__(self, page: SavedPage, details: str, parent: QWidget) -> None:
        super().__init__(page.title or self.tr("Saved page"), details, parent)
        self.setWindowTitle(self.tr("Saved page"))
        facts = []
        if page.url:
            facts.append(self.tr("Address: {url}").format(url=page.url))
        if page.saved_at is not None:
            facts.append(
                self.tr("Saved by the browser {when}").format(
                    when=seen_text(page.saved_at.isoformat())
                )
            )
        self.facts = muted_label("\n".join(facts), self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setVisible(bool(facts))
        self.note = muted_label(
            self.tr(
                "The page's text as it was read when it was imported: no pictures, no scripts, "
                "nothing loaded from the internet."
            ),
            self,
        )
        self.text = PageText(page.text, self)
        self.text.setAccessibleName(self.tr("Text of the saved page"))
        self.body.addWidget(self.facts)
        self.body.addWidget(self.note)
        self.body.addWidget(self.text, 1)
        self.body.addLayout(self.buttons)
        self.resize(fitted_size(parent, QSize(900, 680)))
        self.text.setFocus()
