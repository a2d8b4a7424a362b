"""Taking a photo with the computer's camera (only offered where QtMultimedia finds one).

The preview runs in the dialog; the photo taken is encoded as JPEG in memory and handed
over as bytes (``captured``): it never passes through a file. Kept small on purpose: the
field laptops are tested with a camera; tests/ui/test_camera.py hands the dialog a picture
as the camera would.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal, Slot
from PySide6.QtGui import QImage, QImageWriter
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from ui.forms import FieldMessage
from ui.screens.photos import quiet_multimedia
from ui.widgets import action_button


class CameraDialog(QDialog):
    """The default camera's picture; Enter takes the photo, Esc cancels."""

    captured = Signal(bytes)  # the photo, JPEG

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a photo"))
        quiet_multimedia()
        self.camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.preview = QVideoWidget(self)
        self.preview.setMinimumSize(480, 360)
        self.session.setVideoOutput(self.preview)
        self.take_button = action_button(self.tr("&Take the photo (Enter)"), self, primary=True)
        self.take_button.setDefault(True)
        self.cancel_button = action_button(self.tr("Cancel (Esc)"), self)
        self.message = FieldMessage(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.take_button.clicked.connect(self._take)
        self.cancel_button.clicked.connect(self.reject)
        self.capture.imageCaptured.connect(self._on_captured)
        self.capture.errorOccurred.connect(self._on_error)
        self.camera.errorOccurred.connect(self._on_error)
        self.finished.connect(self.camera.stop)
        self.camera.start()

    @Slot()
    def _take(self) -> None:
        if self.capture.isReadyForCapture():
            self.capture.capture()
        else:  # Enter pressed before the camera has started, or with no camera at all
            self.message.show_message(self.tr("The camera is not ready yet."), "hint")

    @Slot(int, QImage)
    def _on_captured(self, _id: int, image: QImage) -> None:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # A writer, not QImage.save: PySide6 refuses save's format as bytes at run time
        # (its stubs allow nothing else), and a refused photo was an internal error.
        writer = QImageWriter(buffer, QByteArray(b"JPEG"))
        writer.setQuality(92)
        if not writer.write(image):
            self.message.show_message(self.tr("The photo could not be taken."))
            return
        self.captured.emit(bytes(buffer.data().data()))
        self.accept()

    @Slot()
    def _on_error(self, *_args: object) -> None:
        self.message.show_message(self.tr("The camera cannot be used now."))
