"""The camera path of the photo strip, on a small operation of the test's own: the camera
dialog gets a picture as QtMultimedia delivers one (``imageCaptured``), encodes it as JPEG
in memory and the strip stores it as a camera photo of the payment; Enter before the
camera is ready says so and stores nothing. This machine has no camera, so the picture is
handed over as the camera would hand it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from fieldapp.domain.photos import inspect_image
from fieldapp.workflow.photos import photo_bytes, photos_of_element
from tests.ui.builders import COMPLETED  # the buyer paid; the money was seized
from tests.ui.conftest import case_by_place
from ui.screens.case_screen import CaseScreen
from ui.screens.elements import ElementsStep
from ui.screens.photos import PhotoStrip
from ui.workspace import Workspace

# QtMultimedia needs the system's sound library (libpulse0; .ci/run installs it).
camera = pytest.importorskip("ui.screens.camera", exc_type=ImportError)
# What the video preview says on a machine without a screen (offscreen), on each test, as
# the marker nearest the test wins over the UI conftest's.
_CAMERA_NOISE = pytest.mark.qt_log_ignore(
    "QBackingStore::flush", "does not support propagateSizeHints"
)


@pytest.fixture
def strip(qtbot: Any, small_workspace: Workspace) -> Iterator[PhotoStrip]:
    screen = CaseScreen(small_workspace)
    qtbot.addWidget(screen)
    screen.resize(1166, 700)
    screen.show()
    screen.open_case(case_by_place(small_workspace, COMPLETED))
    assert screen.view is not None and screen.case_id is not None
    buyer_id = screen.view.buyers[0].id
    screen.open_case(screen.case_id, f"item:payment_secured:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    yield panel.photos
    screen.flush()


def open_camera(strip: PhotoStrip) -> Any:
    strip.take_photo()
    dialog = strip.findChild(camera.CameraDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


@_CAMERA_NOISE
def test_a_photo_taken_with_the_camera_is_stored_as_jpeg_from_the_camera(
    qtbot: Any, strip: PhotoStrip, small_workspace: Workspace
) -> None:
    dialog = open_camera(strip)
    picture = QImage(800, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor(20, 90, 40))
    runner = small_workspace.runner
    with qtbot.waitSignal(runner.busy_changed, timeout=30_000, check_params_cb=lambda b: not b):
        dialog.capture.imageCaptured.emit(1, picture)

    assert not dialog.isVisible()
    assert strip.message.text() == "Fotot är bifogat, SHA-256 sparad."
    assert strip.element_id is not None
    [photo] = photos_of_element(small_workspace.ctx, strip.element_id)
    assert photo.get("source") == "camera" and photo.get("media_type") == "image/jpeg"
    info = inspect_image(photo_bytes(small_workspace.ctx, photo.entity_id))
    assert (info.width, info.height) == (800, 600)


@_CAMERA_NOISE
def test_enter_before_the_camera_is_ready_says_so_and_stores_nothing(
    qtbot: Any, strip: PhotoStrip, small_workspace: Workspace
) -> None:
    dialog = open_camera(strip)
    qtbot.keyClick(dialog, "\r")  # the default button: take the photo

    assert dialog.isVisible()  # no camera on this machine: nothing to take yet
    assert dialog.message.text() == "Kameran är inte redo än."
    assert strip.element_id is not None
    assert not photos_of_element(small_workspace.ctx, strip.element_id)
    dialog.reject()
