"""Photos of the evidence in a step: the thumbnails of what is attached to one offence
element (or to the seizure of the money), a button to attach a picture file and, where
the computer has a camera, one to take a photo.

The bytes go from the file (or the camera) into the vault and nowhere else: the file is
read and stored on the background runner (a 25 MB photo is not read on the GUI thread),
thumbnails are decoded in memory from the vault's blob, and a photo opens in the app's
picture viewer, the opening logged like an ad's attachment. Nothing is written to a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLoggingCategory, QSize, Qt, Slot
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from fieldapp.domain.photos import PhotoAbout, PhotoSource
from fieldapp.storage.records import Record
from fieldapp.workflow import photos
from ui.capture import refusal_text
from ui.errors import internal_error_text
from ui.forms import FieldMessage
from ui.i18n import translate
from ui.runner import Op, Outcome
from ui.widgets import action_button, open_file
from ui.words import clock
from ui.workspace import Workspace

if TYPE_CHECKING:
    from ui.ads.attachment_view import PictureViewer

THUMB = 88  # pixels, the longer side
AskPhoto = Callable[[QWidget], Path | None]


def ask_photo_file(parent: QWidget) -> Path | None:
    """The file dialog (a seam: tests give a path instead)."""
    return open_file(
        parent,
        translate("PhotoStrip", "Attach a photo"),
        translate("PhotoStrip", "Photos (*.jpg *.jpeg *.png)"),
    )


def decode(data: bytes, longest: int | None = None) -> QImage:
    """The picture in memory, turned as the camera meant it; scaled while decoding (a
    JPEG decodes straight to a small size) when ``longest`` is given. Null if unreadable."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    if longest is not None:
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > longest:
            reader.setScaledSize(size.scaled(longest, longest, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


# QtMultimedia's back end warns once a process about each optional library it does not
# find (VA-API, PipeWire): nothing an officer or IT can act on, and not our warning.
_QUIET_MULTIMEDIA = "qt.multimedia.symbolsresolver.warning=false"


def quiet_multimedia() -> None:
    """Silence QtMultimedia's missing-optional-library warnings; before it first loads."""
    QLoggingCategory.setFilterRules(_QUIET_MULTIMEDIA)


def camera_available() -> bool:
    """A camera is there to use (QtMultimedia may be missing altogether: then there is none)."""
    quiet_multimedia()
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except Exception:  # no QtMultimedia, or its libraries missing: no camera button
        return False
    return bool(QMediaDevices.videoInputs())


class PhotoStrip(QWidget):
    """The photos of one element (``set_target``); attaching is refused until the element
    is recorded."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ask_photo_file: AskPhoto = ask_photo_file
        self.element_id: str | None = None
        self.about: str = PhotoAbout.ELEMENT
        self._thumbs: dict[str, QPixmap] = {}  # by SHA-256, in memory only
        self.viewer: PictureViewer | None = None  # the one photo viewer, while it is open
        self.heading = QLabel(self)
        self.heading.setProperty("role", "stepTitle")
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        self.buttons: list[QToolButton] = []
        self.add_button = action_button(self.tr("Attach a &photo…"), self)
        self.camera_button = action_button(self.tr("Take a photo…"), self)
        self.camera_button.setVisible(camera_available())
        self.message = FieldMessage(self)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.camera_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addLayout(self.row)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.choose_and_attach)
        self.camera_button.clicked.connect(self.take_photo)
        self.set_target(None)

    # -- what is shown ------------------------------------------------------------------------

    def set_target(self, element: Record | None, about: str = PhotoAbout.ELEMENT) -> None:
        """Show the photos of ``element`` (its seizure with ``about="seizure"``)."""
        changed = element is None or element.entity_id != self.element_id or about != self.about
        self.element_id = element.entity_id if element is not None else None
        self.about = about
        if changed:
            self.message.clear_message()
        self.reload()

    def reload(self) -> None:
        records = self.photos()
        seizure = self.about == PhotoAbout.SEIZURE
        if self.element_id is None:
            self.heading.setText(self.tr("Photos: record the element first"))
        elif seizure:
            self.heading.setText(
                self.tr("Photos of the seized money ({count})").format(count=len(records))
            )
        else:
            self.heading.setText(self.tr("Photos ({count})").format(count=len(records)))
        self.add_button.setEnabled(self.element_id is not None)
        self.camera_button.setEnabled(self.element_id is not None)
        while (item := self.row.takeAt(0)) is not None:
            old = item.widget()
            if old is not None:
                old.hide()  # at once: deleted later, when control returns to the loop
                old.deleteLater()
        self.buttons = [self._thumb_button(r) for r in records]
        for button in self.buttons:
            self.row.addWidget(button)
        self.row.addStretch(1)

    def photos(self) -> list[Record]:
        if self.element_id is None or not self.workspace.active:
            return []
        return photos.photos_of_element(self.workspace.ctx, self.element_id, self.about)

    def _thumb_button(self, photo: Record) -> QToolButton:
        button = QToolButton(self)
        button.setIconSize(QSize(THUMB, THUMB))
        button.setIcon(QIcon(self._thumbnail(photo)))
        when = clock(photo.get("taken_at"))
        button.setToolTip(
            self.tr("Taken {time} · SHA-256 {digest}").format(
                time=when, digest=str(photo.get("sha256"))[:16] + "…"
            )
        )
        button.setAccessibleName(self.tr("Photo taken {time}").format(time=when))
        button.clicked.connect(lambda _checked=False, p=photo: self.open_photo(p))
        return button

    def _thumbnail(self, photo: Record) -> QPixmap:
        digest = str(photo.get("sha256"))
        if digest not in self._thumbs:
            # Read for the thumbnail only; opening the photo itself is what is logged.
            data = self.workspace.session.log.blob(digest)
            image = decode(data, THUMB) if data is not None else QImage()
            pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap(THUMB, THUMB)
            if image.isNull():
                pixmap.fill(Qt.GlobalColor.darkGray)
            self._thumbs[digest] = pixmap
        return self._thumbs[digest]

    # -- attaching ------------------------------------------------------------------------------

    @Slot()
    def choose_and_attach(self) -> None:
        path = self.ask_photo_file(self)
        if path is not None:
            self.attach_file(path)

    def attach_file(self, path: Path) -> bool:
        """Read ``path`` and attach it on the background runner; False if not started."""
        return self._attach(lambda: photos.read_photo_file(path), PhotoSource.FILE)

    def attach_bytes(self, data: bytes, source: str = PhotoSource.CAMERA) -> bool:
        return self._attach(lambda: data, source)

    def _attach(self, read: Callable[[], bytes], source: str) -> bool:
        element_id, about = self.element_id, self.about
        if element_id is None:
            return False
        op = Op(
            lambda job: photos.attach_photo(
                job.ctx, element_id, read(), about=about, source=source
            ),
            on_done=self._on_attached,
            block=self,
            what="photo",
        )
        if not self.workspace.runner.run(op):
            self.message.show_message(self.tr("Wait until the work in progress is done."))
            return False
        self.message.show_message(self.tr("Attaching the photo…"), "hint")
        return True

    def _on_attached(self, outcome: Outcome) -> None:
        if outcome.bug:
            self.message.show_message(internal_error_text())
        elif outcome.error is not None:
            self.message.show_message(refusal_text(outcome.error, "photo"))
        else:
            self.message.show_message(self.tr("Photo attached, SHA-256 kept."), "ok")
        self.reload()
        self.add_button.setFocus()

    @Slot()
    def take_photo(self) -> None:
        """Where there is a camera: its dialog, and the photo taken attached as JPEG."""
        from ui.screens.camera import CameraDialog

        dialog = CameraDialog(self)
        dialog.captured.connect(lambda data: self.attach_bytes(data, PhotoSource.CAMERA))
        dialog.open()

    # -- opening ---------------------------------------------------------------------------------

    def open_photo(self, photo: Record) -> QWidget | None:
        """The photo in the picture viewer; the opening is logged."""
        from ui.ads.attachment_view import PictureViewer

        try:
            data = photos.photo_bytes(self.workspace.ctx, photo.entity_id)
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "photo"))
            return None
        image = decode(data)
        if image.isNull():
            self.message.show_message(self.tr("The photo cannot be shown here."))
            return None
        details = self.tr("Taken {time} · {width}×{height} · {size} kB").format(
            time=clock(photo.get("taken_at")),
            width=photo.get("width"),
            height=photo.get("height"),
            size=round(int(photo.get("size", 0)) / 1024),
        )
        details = f"{details}\nSHA-256 {photo.get('sha256')}"
        viewer = self.viewer
        if viewer is None:
            viewer = PictureViewer(image, self.tr("Photo"), details, self)
            viewer.setWindowTitle(self.tr("Photo"))
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.finished.connect(lambda _result, v=viewer: self._viewer_closed(v))
            self.viewer = viewer
        else:
            # One viewer: the next photo replaces the one shown, in the same window, which
            # comes to the front (a window per photo piled up behind the case).
            viewer.show_image(image, self.tr("Photo"), details)
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()
        return viewer

    def _viewer_closed(self, viewer: QWidget) -> None:
        if self.viewer is viewer:
            self.viewer = None
