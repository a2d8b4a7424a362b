"""A saved page being registered survives the lock: after unlocking, the register form
holds its text and the page itself, which is attached when the ad is registered (same
SHA-256, the browser's saved time kept as first seen). Meanwhile the page is kept in the
vault only: no file on disk holds it in the clear."""

from __future__ import annotations

import base64
import email.policy
import hashlib
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from fieldapp.ads import register
from fieldapp.ads.model import AttachmentKind
from fieldapp.ads.register import Attachment
from fieldapp.storage.drafts import Drafts
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS
from tests.ui.conftest import log_in
from ui.ads.page import REGISTER_TAB
from ui.ads.register_tab import PAGE_DRAFT_KEY, page_draft, page_from_draft
from ui.main_window import ADS

CTRL = Qt.KeyboardModifier.ControlModifier
MARKER = "Lina-7731-paahittad"  # invented; found nowhere else in the vault
HTML = (
    "<html><head><title>Lina – ny i Sala</title></head><body>"
    f"<p>Hej! Ny i Sala, diskret. 1 h 2 000 kr. Ring 070-174 06 71. {MARKER}</p></body></html>"
)
URL = "https://annonser.example/ad/5601"


def saved_page() -> bytes:
    """An invented MHTML page, saved by the browser on 10 January 2025."""
    message = EmailMessage()
    message["Subject"] = "Lina – ny i Sala"
    message["Date"] = "Fri, 10 Jan 2025 20:15:00 +0100"
    message["Snapshot-Content-Location"] = URL
    message.make_related()
    message.add_related(HTML, subtype="html", cte="quoted-printable")
    return message.as_bytes(policy=email.policy.default)


def _files_holding(folder: Path, needles: list[bytes]) -> list[str]:
    return [
        path.name
        for path in folder.rglob("*")
        if path.is_file() and any(n in path.read_bytes() for n in needles)
    ]


def test_a_saved_page_being_registered_is_still_attached_after_the_lock(
    qtbot: Any, small_controller: Any, vault: Vault, tmp_path: Path
) -> None:
    data = saved_page()
    source = tmp_path / "import" / "lina.mhtml"
    source.parent.mkdir()
    source.write_bytes(data)
    controller = small_controller
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    view.go_to(ADS)
    view.ads.tabs.setCurrentIndex(REGISTER_TAB)
    form, importer = view.ads.register.form, view.ads.register.importer
    importer.ask_import_file = lambda _parent: source
    importer.import_button.click()
    assert form.page is not None and form.is_read()
    form.title.setText("Lina – ny i Sala (rättad)")  # a correction, typed before the lock
    form.title.textEdited.emit(form.title.text())

    controller.lock()

    # The page waits in the vault's encrypted drafts: nothing on disk shows it in the clear.
    needles = [MARKER.encode(), data[:60], base64.b64encode(data)[:60]]
    assert _files_holding(vault.data_dir, needles) == []
    log_in(controller, ADMIN_ID, ADMIN_PASS)

    view = window.session_view()
    view.go_to(ADS)
    view.ads.tabs.setCurrentIndex(REGISTER_TAB)
    form = view.ads.register.form
    assert form.url.text() == URL and MARKER in form.text.toPlainText()
    assert form.title.text() == "Lina – ny i Sala (rättad)"
    assert form.page is not None and form.is_read()
    assert form.page.sha256 == hashlib.sha256(data).hexdigest()
    assert "lina.mhtml" in form.notice.text()
    form.title.setFocus()
    qtbot.keyClick(form.title, Qt.Key.Key_Return)  # Enter registers

    workspace = view.workspace
    [ad] = [a for a in register.list_ads(workspace.ctx) if a.url == URL]
    assert ad.title == "Lina – ny i Sala (rättad)"
    assert [(a.sha256, a.name, a.kind) for a in ad.attachments] == [
        (hashlib.sha256(data).hexdigest(), "lina.mhtml", "page")
    ]
    assert workspace.ctx.session.log.blob(ad.attachments[0].sha256) == data
    assert ad.first_seen == "2025-01-10T20:15:00+01:00"  # when the browser saved it, kept
    assert workspace.load_draft(PAGE_DRAFT_KEY) is None
    assert workspace.load_draft(form.draft_key) is None


def test_a_page_whose_address_was_changed_or_whose_bytes_differ_is_not_restored(
    qtbot: Any, small_controller: Any, vault: Vault, tmp_path: Path
) -> None:
    """The page belongs to the ad at its own address (as before a lock); a draft whose
    bytes no longer hash to the page's SHA-256 is dropped, and the form says so."""
    source = tmp_path / "lina.mhtml"
    source.write_bytes(saved_page())
    controller = small_controller

    def read_the_page() -> Any:
        view = controller.main_window.session_view()
        view.go_to(ADS)
        view.ads.tabs.setCurrentIndex(REGISTER_TAB)
        view.ads.register.importer.ask_import_file = lambda _parent: source
        view.ads.register.importer.import_button.click()
        return view.ads.register.form

    form = read_the_page()
    form.url.setText("https://annonser.example/ad/annan")
    form.url.textEdited.emit(form.url.text())
    controller.lock()
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    view = controller.main_window.session_view()
    form = view.ads.register.form
    assert form.url.text() == "https://annonser.example/ad/annan" and form.page is None
    assert view.workspace.load_draft(PAGE_DRAFT_KEY) is None
    assert not form.general.isVisibleTo(form)

    read_the_page()
    controller.lock()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:  # one byte of the kept page changed while the app was locked
        drafts = Drafts(session.conn)
        draft = drafts.load(PAGE_DRAFT_KEY)
        assert draft is not None
        changed = saved_page().replace(b"2 000 kr", b"3 000 kr")
        drafts.save(PAGE_DRAFT_KEY, {**draft, "data": base64.b64encode(changed).decode()})
    finally:
        session.lock()
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    view = controller.main_window.session_view()
    form = view.ads.register.form
    assert form.url.text() == URL and form.page is None
    assert form.general.label.text() == (
        "Den sparade sidan kunde inte behållas över låsningen: importera den igen."
    )
    assert view.workspace.load_draft(PAGE_DRAFT_KEY) is None


def test_a_page_draft_is_whole_or_nothing() -> None:
    page = Attachment(AttachmentKind.PAGE, b"<p>x</p>", "text/html", name="x.html")
    draft = page_draft(page, URL, {"first_seen": "2025-01-10"})
    restored = page_from_draft(draft)
    assert restored is not None
    assert (restored[0].sha256, restored[0].name, restored[1], restored[2]) == (
        page.sha256,
        "x.html",
        URL,
        {"first_seen": "2025-01-10"},
    )
    assert page_from_draft({**draft, "data": base64.b64encode(b"<p>y</p>").decode()}) is None
    assert page_from_draft({**draft, "data": "inte base64!"}) is None
    assert page_from_draft({**draft, "kind": "okänd"}) is None
    assert page_from_draft({"kind": "page"}) is None
