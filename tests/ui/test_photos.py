"""Photos of the evidence in the case screen, on a small operation of the test's own
(tests/ui/builders.py): attached from a file on the payment step and on the seizure step,
shown as thumbnails decoded in memory, opened in the viewer (the opening logged); bad files
refused in Swedish with nothing stored; no camera button without a camera; no file outside
the vault ever holds the picture."""

from __future__ import annotations

import io
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from fieldapp.domain.photos import MAX_PHOTO_BYTES, PHOTO_ENTITY
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.events import read_events
from tests.ui.builders import COMPLETED  # the buyer paid; the money was seized
from tests.ui.conftest import case_by_place
from ui.ads.attachment_view import PictureViewer
from ui.screens.case_screen import CaseScreen
from ui.screens.elements import ElementsStep
from ui.screens.photos import THUMB, PhotoStrip
from ui.workspace import Workspace


@pytest.fixture
def workspace(small_workspace: Workspace) -> Workspace:
    """The small operation's workspace, not the demo's: the cases are made where named."""
    return small_workspace


def jpeg(size: tuple[int, int] = (640, 480)) -> bytes:
    """Noise, so that no other picture holds the same bytes (the leak test looks for them)."""
    out = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def screen(qtbot: Any, workspace: Workspace) -> Iterator[CaseScreen]:
    screen = CaseScreen(workspace)
    qtbot.addWidget(screen)
    screen.resize(1166, 700)
    screen.show()
    yield screen
    screen.flush()


def open_step(screen: CaseScreen, workspace: Workspace, item: str) -> ElementsStep:
    screen.open_case(case_by_place(workspace, COMPLETED))
    buyer_id = screen.view.buyers[0].id
    screen.open_case(screen.case_id, f"item:{item}:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    return panel


def attach(qtbot: Any, strip: PhotoStrip, path: Path) -> None:
    strip.ask_photo_file = lambda _parent: path
    runner = strip.workspace.runner
    with qtbot.waitSignal(runner.busy_changed, timeout=30_000, check_params_cb=lambda b: not b):
        strip.add_button.click()
        assert not strip.isEnabled()  # no input while it is stored


def test_a_photo_on_the_payment_step_is_stored_and_shown_as_a_thumbnail(
    qtbot: Any, screen: CaseScreen, workspace: Workspace, tmp_path: Path
) -> None:
    panel = open_step(screen, workspace, "payment_secured")
    strip = panel.photos
    payment = next(
        e for e in screen.view.buyers[0].elements if e.get("kind") == "payment_handed_over"
    )
    assert strip.element_id == payment.entity_id and strip.about == "element"
    assert strip.heading.text() == "Foton (0)"
    assert not strip.camera_button.isVisible()  # no camera on this computer
    data = jpeg()
    source = tmp_path / "IMG_0042.jpg"
    source.write_bytes(data)

    attach(qtbot, strip, source)

    assert strip.message.text() == "Fotot är bifogat, SHA-256 sparad."
    assert strip.heading.text() == "Foton (1)"
    [button] = strip.buttons
    icon = button.icon().pixmap(THUMB, THUMB)
    assert max(icon.width(), icon.height()) == THUMB  # decoded small, in memory
    [photo] = workspace.ctx.records.find(PHOTO_ENTITY, case_id=screen.case_id)
    assert photo.get("sha256") == sha256_hex(data)
    assert (photo.get("element_id"), photo.get("about"), photo.get("source")) == (
        payment.entity_id, "element", "file"
    )  # fmt: skip


def test_the_seizure_step_takes_photos_of_the_seized_money(
    qtbot: Any, screen: CaseScreen, workspace: Workspace, tmp_path: Path
) -> None:
    panel = open_step(screen, workspace, "seizure_recorded")
    strip = panel.photos
    assert strip.about == "seizure"
    assert strip.heading.text() == "Foton av de beslagtagna pengarna (0)"
    source = tmp_path / "sedlar.png"
    Image.new("RGB", (300, 200), (10, 10, 90)).save(source, "PNG")

    attach(qtbot, strip, source)

    [photo] = workspace.ctx.records.find(PHOTO_ENTITY, case_id=screen.case_id)
    assert photo.get("about") == "seizure" and photo.get("media_type") == "image/png"
    assert strip.heading.text() == "Foton av de beslagtagna pengarna (1)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Detta ar ingen bild, bara text.", "Ingen JPEG- eller PNG-bild."),
        ("big", "Större än 25 MB"),
        ("cut", "Bilden är skadad eller avklippt."),
    ],
)
def test_a_bad_file_is_refused_in_swedish_and_nothing_is_stored(
    qtbot: Any,
    screen: CaseScreen,
    workspace: Workspace,
    tmp_path: Path,
    content: bytes | str,
    expected: str,
) -> None:
    strip = open_step(screen, workspace, "payment_secured").photos
    source = tmp_path / "bild.jpg"
    if content == "big":
        with source.open("wb") as f:
            f.truncate(MAX_PHOTO_BYTES + 1)
    elif content == "cut":
        source.write_bytes(jpeg()[:50])
    else:
        assert isinstance(content, bytes)
        source.write_bytes(content)

    attach(qtbot, strip, source)

    assert strip.message.text().startswith(expected), strip.message.text()
    assert workspace.ctx.records.find(PHOTO_ENTITY, case_id=screen.case_id) == []
    assert strip.buttons == []


def test_opening_a_photo_shows_it_and_is_logged_and_nothing_leaves_the_vault(
    qtbot: Any, screen: CaseScreen, workspace: Workspace, tmp_path: Path
) -> None:
    start = time.time() - 1
    strip = open_step(screen, workspace, "payment_secured").photos
    data = jpeg((1200, 900))
    source = tmp_path / "kamera" / "IMG_0043.jpg"
    source.parent.mkdir()
    source.write_bytes(data)
    attach(qtbot, strip, source)
    [photo] = workspace.ctx.records.find(PHOTO_ENTITY, case_id=screen.case_id)

    viewer = strip.open_photo(photo)

    assert viewer is not None and viewer.isVisible()
    assert viewer.windowTitle() == "Foto"
    accesses = [
        e for e in read_events(workspace.session.conn, entity=(PHOTO_ENTITY, photo.entity_id))
        if e.kind == "access"
    ]  # fmt: skip
    assert len(accesses) == 1  # the opening; the thumbnail is not an opening
    viewer.close()
    workspace.session.conn.execute("PRAGMA wal_checkpoint(FULL)")
    needle = data[len(data) // 2 : len(data) // 2 + 64]
    found = []
    for root in (workspace.session.vault.data_dir, Path(tempfile.gettempdir())):
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    fresh = path.is_file() and path.stat().st_mtime >= start
                    if path != source and fresh and needle in path.read_bytes():
                        found.append(path)
                except OSError:
                    continue
    assert found == []


def test_one_viewer_window_shows_the_photo_opened_last(
    qtbot: Any, screen: CaseScreen, workspace: Workspace, tmp_path: Path
) -> None:
    """Each photo opened in a window of its own piled windows up behind the case; now the
    one viewer shows the photo clicked last and comes to the front."""
    strip = open_step(screen, workspace, "payment_secured").photos
    for name, size in (("a.jpg", (640, 480)), ("b.jpg", (300, 500))):
        source = tmp_path / name
        source.write_bytes(jpeg(size))
        attach(qtbot, strip, source)
    assert len(strip.buttons) == 2
    sizes = {
        p.get("sha256"): (p.get("width"), p.get("height"))
        for p in workspace.ctx.records.find(PHOTO_ENTITY, case_id=screen.case_id)
    }

    strip.buttons[0].click()
    viewer = strip.viewer
    assert viewer is not None and viewer.isVisible()
    first = (viewer.pixmap.width(), viewer.pixmap.height())
    strip.buttons[1].click()
    assert strip.viewer is viewer and viewer.isVisible()
    second = (viewer.pixmap.width(), viewer.pixmap.height())
    assert {first, second} == set(sizes.values())  # the other photo, in the same window
    assert viewer.details.text() != "" and first != second
    viewers = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PictureViewer) and w.isVisible()
    ]
    assert viewers == [viewer]

    viewer.close()  # Esc or the button: the next photo opens a new viewer
    assert strip.viewer is None
    strip.buttons[0].click()
    assert strip.viewer is not None and strip.viewer is not viewer
    strip.viewer.close()
