"""An ad's files seen inside the app, from its detail in the Ads section: a screenshot in an
image viewer (fitted to the window, or at its own size), a saved page as its text (never
rendered, never copied out). Each opening is logged; a file the ad does not have, or one
that is no picture, is refused in words; the lock closes the viewer."""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from fieldapp.ads import register
from fieldapp.ads.model import AD_ENTITY, AttachmentInfo, AttachmentKind
from fieldapp.ads.register import Attachment
from fieldapp.storage.events import read_events
from tests.ui.builders import AD_TITLE
from tests.ui.conftest import flush_deletions
from ui.ads.attachment_view import PageViewer, PictureViewer

CTRL = Qt.KeyboardModifier.ControlModifier
# An invented saved page: a tracker script and remote pictures that must never be loaded.
PAGE = (
    "<html><head><title>Maja är tillbaka! | annonser.example</title>"
    '<script src="https://tracker.example/t.js"></script>'
    '<link rel="canonical" href="https://annonser.example/a/1010"></head><body>'
    "<nav>Logga in · Annonser</nav><h1>Maja är tillbaka!</h1>"
    "<p>Västerås i helgen, diskret och trevlig.<br>30 min 1 800 kr.</p>"
    '<p>Sms 0701740655.</p><img src="https://bilder.example/maja.jpg"></body></html>'
)


def screenshot_png(width: int = 1600, height: int = 1000) -> bytes:
    """An invented screenshot: a grey page with a heading, drawn here."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#e8e8e8"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width, 90), QColor("#3b5b8c"))
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(40)
    painter.setFont(font)
    painter.drawText(QRect(30, 0, width, 90), Qt.AlignmentFlag.AlignVCenter, "annonser.example")
    painter.setPen(QColor("#222222"))
    painter.drawText(QRect(30, 140, width, 60), 0, "Maja är tillbaka! (påhittad annons)")
    painter.end()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


def _accesses(workspace: Any, ad_id: str) -> list[str]:
    events = read_events(workspace.session.conn, entity=(AD_ENTITY, ad_id))
    return [e.data.get("purpose") for e in events if e.kind == "access"]


def _ad_detail(qtbot: Any, controller: Any, files: list[Attachment]) -> tuple[Any, Any, str]:
    """The Ads section showing the small operation's ad with ``files`` attached to it."""
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    workspace = view.workspace
    [ad] = [a for a in register.list_ads(workspace.ctx) if a.title == AD_TITLE]
    if files:
        register.add_attachments(workspace.ctx, ad.id, files)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    search = view.ads.search
    search.query.setText(AD_TITLE)
    search.run_search()
    detail = search.detail
    assert detail.ad is not None and detail.ad.id == ad.id
    return workspace, detail, ad.id


def test_a_screenshot_and_a_saved_page_open_in_the_app_and_each_opening_is_logged(
    qtbot: Any, small_controller: Any
) -> None:
    png = screenshot_png()
    shot = Attachment(AttachmentKind.SCREENSHOT, png, "image/png", name="maja.png")
    page = Attachment(AttachmentKind.PAGE, PAGE.encode(), "text/html", name="maja.html")
    workspace, detail, ad_id = _ad_detail(qtbot, small_controller, [shot, page])
    assert detail.files.isVisible() and detail.files_caption.text() == "Fil&er"
    shown = [detail.files.item(i).text() for i in range(detail.files.count())]
    digest = hashlib.sha256(png).hexdigest()
    kb = f"{len(png) / 1024:.0f} kB"
    assert shown == [f"skärmbild maja.png, {kb}", f"sparad sida maja.html, {len(PAGE.encode())} B"]
    assert detail.files.item(0).toolTip().endswith(f"SHA-256 {digest}")
    before = _accesses(workspace, ad_id)

    # Enter on the first file: the screenshot, fitted to the window, its proportions kept.
    detail.files.setFocus()
    detail.files.setCurrentRow(0)
    with qtbot.waitSignal(detail.viewer_shown) as opened:
        qtbot.keyClick(detail.files, Qt.Key.Key_Return)
    viewer = opened.args[0]
    assert isinstance(viewer, PictureViewer) and viewer.isVisible()
    assert viewer.heading.text() == "maja.png"
    assert viewer.windowTitle() == "Skärmbild" and viewer.close_button.text() == "Stäng (Esc)"
    assert viewer.details.text().startswith(f"skärmbild maja.png  ·  {kb}")
    assert viewer.details.text().endswith(f"\nSHA-256 {digest}")  # in full, to quote
    fitted = viewer.shown_size()
    room = viewer.area.viewport().size()
    assert fitted.width() <= room.width() and fitted.height() <= room.height()
    assert abs(fitted.width() / fitted.height() - 1.6) < 0.01
    assert _accesses(workspace, ad_id) == [*before, "attachment"]
    viewer.toggle_fit()
    assert (viewer.shown_size().width(), viewer.shown_size().height()) == (1600, 1000)
    assert viewer.size_button.text() == "&Anpassa till fönstret"
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: detail.viewer.current is None)

    # The saved page: its text as the import reads it; no script, no picture, no menu.
    detail.files.setCurrentRow(1)
    detail.open_file_button.click()
    viewer = detail.viewer.current
    assert isinstance(viewer, PageViewer) and viewer.isVisible()
    assert viewer.heading.text() == "Maja är tillbaka! | annonser.example"
    assert viewer.facts.text() == "Adress: https://annonser.example/a/1010"
    text = viewer.text.toPlainText()
    assert (
        text
        == "Maja är tillbaka!\nVästerås i helgen, diskret och trevlig.\n30 min 1 800 kr.\n"
        + ("Sms 0701740655.")
    )
    assert viewer.text.isReadOnly()
    assert viewer.text.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert _accesses(workspace, ad_id) == [*before, "attachment", "attachment"]

    # Nothing of the page reaches the clipboard, by key or by dragging.
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("något annat")
    viewer.text.setFocus()
    viewer.text.selectAll()
    qtbot.keyClick(viewer.text, Qt.Key.Key_C, CTRL)
    assert clipboard.text() == "något annat"
    assert viewer.text.createMimeDataFromSelection().formats() == []

    # The lock closes the viewer with every other window that shows data.
    small_controller.lock()
    flush_deletions()
    assert detail.viewer.current is None or not detail.viewer.current.isVisible()


def test_a_file_the_ad_does_not_have_or_no_picture_is_refused_in_words(
    qtbot: Any, small_controller: Any
) -> None:
    broken = Attachment(
        AttachmentKind.SCREENSHOT, b"<svg>not a png</svg>", "image/png", name="x.png"
    )
    workspace, detail, ad_id = _ad_detail(qtbot, small_controller, [broken])
    before = _accesses(workspace, ad_id)
    detail.open_current_file()
    assert detail.viewer.current is None
    assert detail.message.text() == "Bilden kan inte visas: den är ingen PNG- eller JPEG-bild."
    assert _accesses(workspace, ad_id) == [*before, "attachment"]  # it was read, so logged

    missing = AttachmentInfo("0" * 64, "screenshot", "image/png", 10, "annan.png")
    assert detail.open_file(missing) is None
    assert detail.message.text() == "Annonsen har ingen sådan fil."
    assert detail.message.property("severity") == "error"
    assert _accesses(workspace, ad_id) == [*before, "attachment"]  # nothing was opened
