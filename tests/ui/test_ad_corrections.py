"""Correcting the ad register from the Ads section, on the small operation of the test's own
(tests/ui/builders.py) and ads the tests register: an ad's fields corrected in a dialog (a
new event, the history kept; every refusal beside its field, nothing stored), the typing
kept over a lock, screenshots added from files, the same-advertiser proposal an ad is in
shown from its detail, and a decision taken back with its reason. Screenshots of the new
dialogs at 1366×768 in Swedish (``ADS_SHOTS_DIR`` keeps them to look at)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.ads import duplicates, register
from fieldapp.ads.model import AD_ENTITY, ADVERTISER_LINK_ENTITY
from fieldapp.storage.events import read_events
from tests.ui.builders import AD_TITLE
from tests.ui.conftest import plain
from tests.ui.test_ad_files import screenshot_png
from tests.ui.test_mnemonics import clashes
from ui.ads.correct_dialog import CorrectAdDialog, draft_key
from ui.ads.decisions_dialog import DecisionsDialog
from ui.ads.detail import AdDetail
from ui.ads.page import PROPOSALS_TAB, SEARCH_TAB, AdsPage
from ui.workspace import Workspace

# Invented: another ad by the small operation's number (070-174 06 90), and one by another.
SAME_NUMBER = "Stina igen\nNu i Köping, 30 min 1 200 kr. Sms 0701740690."
OTHER = "Ny i Sala\nMassage och mer, 1 h 2 000 kr. Ring 070-174 06 95."


@pytest.fixture
def workspace(small_workspace: Workspace) -> Workspace:
    """A small operation of the test's own (tests/ui/builders.py), not the demo's."""
    return small_workspace


@pytest.fixture
def ads(workspace: Workspace) -> dict[str, str]:
    """The small operation's ad and two more registered here."""
    ctx, operation_id = workspace.ctx, str(workspace.operation_id)
    [stina] = [a.id for a in register.list_ads(ctx) if a.title == AD_TITLE]
    made = {"stina": stina}
    for name, text in (("again", SAME_NUMBER), ("other", OTHER)):
        fields = register.capture(ctx, operation_id, text, site="annonser.example").fields
        made[name] = register.register_ad(ctx, operation_id, fields).entity_id
    return made


def _detail(page: AdsPage, words: str) -> AdDetail:
    page.tabs.setCurrentIndex(SEARCH_TAB)
    page.search.query.setText(words)
    page.search.run_search()
    detail = page.search.detail
    assert detail.ad is not None
    return detail


def _events(workspace: Workspace, entity_id: str, kind: str = AD_ENTITY) -> list[Any]:
    return list(read_events(workspace.session.conn, entity=(kind, entity_id)))


def _open_correction(qtbot: Any, detail: AdDetail) -> CorrectAdDialog:
    with qtbot.waitSignal(detail.correct_shown) as shown:
        detail.correct_button.click()
    dialog = shown.args[0]
    assert isinstance(dialog, CorrectAdDialog) and dialog.isVisible()
    return dialog


def test_an_ad_is_corrected_as_a_new_event_with_every_refusal_beside_its_field(
    qtbot: Any, ads_page: AdsPage, workspace: Workspace, ads: dict[str, str]
) -> None:
    detail = _detail(ads_page, AD_TITLE)
    ad_id = ads["stina"]
    assert detail.ad is not None and detail.ad.id == ad_id
    dialog = _open_correction(qtbot, detail)
    form = dialog.form
    assert dialog.windowTitle() == "Rätta annonsen"
    qtbot.waitUntil(form.title.hasFocus)
    assert (form.title.text(), form.phones.text()) == (AD_TITLE, "+46701740690")
    assert [plain(box.text()) for box, _ in form.kept_prices.boxes] == ["1 800 kr / 1 h"]
    assert (form.municipality.code(), form.first_seen.text()) == ("Västerås", "2026-05-14")
    before = len(_events(workspace, ad_id))

    # Wrong twice over: refused together, each beside its field, nothing stored.
    form.phones.setText("070-174 06 91, 12")
    form.kept_prices.boxes[0][0].setChecked(False)  # not on offer any more
    qtbot.keyClicks(form.new_prices, "2 000 kr / 1 h; billigt")
    qtbot.keyClick(form.new_prices, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert form.fields["phones"].message.text() == "Inget telefonnummer."
    assert form.fields["prices"].message.text() == (
        "Del 2 är inget pris: skriv det t.ex. som 1 500 kr / 30 min."
    )
    assert len(_events(workspace, ad_id)) == before

    form.phones.setText("070-174 06 91")
    form.new_prices.setText("2 000 kr / 1 h")
    form.municipality.set_code("Sala")
    form.first_seen.setText("2026-05-13")
    qtbot.keyClick(form.first_seen, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: detail.correct_dialog.current is None)
    ad = register.get_ad(workspace.ctx, ad_id)
    assert ad.phones == ("+46701740691",)
    assert [(p.amount, p.minutes) for p in ad.prices] == [(2000, 60)]
    assert (ad.municipality, ad.first_seen, ad.title) == ("Sala", "2026-05-13", AD_TITLE)
    events = _events(workspace, ad_id)
    created, corrected = events[0], events[-1]
    assert len(events) == before + 1 and corrected.kind == "amend"
    # Only what the officer changed, in one event; what the ad said first stays.
    assert sorted(corrected.data["set"]) == ["first_seen", "municipality", "phones", "prices"]
    assert created.data["data"]["phones"] == ["+46701740690"]
    assert corrected.officer_id == workspace.officer_id
    assert detail.message.text() == "Rättad. Det som stod förut finns kvar i historiken."
    assert detail.values["phones"].text() == "+46701740691"
    assert workspace.load_draft(draft_key(ad_id)) is None

    # Saved again unchanged: nothing differs, nothing stored.
    dialog = _open_correction(qtbot, detail)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: detail.correct_dialog.current is None)
    assert detail.message.text() == "Inget skilde sig: ingenting ändrades."
    assert len(_events(workspace, ad_id)) == before + 1


def test_corrections_typed_before_a_lock_are_back_and_cancel_drops_them(
    qtbot: Any, ads_page: AdsPage, workspace: Workspace, ads: dict[str, str]
) -> None:
    detail = _detail(ads_page, AD_TITLE)
    dialog = _open_correction(qtbot, detail)
    qtbot.keyClicks(dialog.form.hotel, "Hotell Ekbacken")
    workspace.autosaver.flush(draft_key(ads["stina"]))
    dialog.reject()  # as the lock closes every dialog
    qtbot.waitUntil(lambda: detail.correct_dialog.current is None)

    dialog = _open_correction(qtbot, detail)
    assert dialog.form.hotel.text() == "Hotell Ekbacken" and dialog.restored.isVisible()
    qtbot.keyClick(dialog.form.hotel, Qt.Key.Key_Escape)  # the officer cancels
    qtbot.waitUntil(lambda: detail.correct_dialog.current is None)
    assert workspace.load_draft(draft_key(ads["stina"])) is None
    dialog = _open_correction(qtbot, detail)
    assert dialog.form.hotel.text() == "" and not dialog.restored.isVisible()
    assert register.get_ad(workspace.ctx, ads["stina"]).hotel is None
    dialog.cancel()


def test_screenshots_are_added_from_files_hashed_and_a_non_picture_refused(
    qtbot: Any, ads_page: AdsPage, workspace: Workspace, ads: dict[str, str], tmp_path: Path
) -> None:
    detail = _detail(ads_page, AD_TITLE)
    png = screenshot_png(800, 500)
    shot = tmp_path / "stina.png"
    shot.write_bytes(png)
    notes = tmp_path / "anteckning.txt"
    notes.write_text("inte en bild", "utf-8")

    detail.ask_screenshot_files = lambda _parent: [notes, shot]
    detail.add_files_button.click()
    assert detail.message.text().startswith("Ingen bild: lägg till skärmbilder som .png")
    assert register.get_ad(workspace.ctx, ads["stina"]).attachments == ()

    detail.ask_screenshot_files = lambda _parent: [shot]
    detail.add_files_button.click()
    [info] = register.get_ad(workspace.ctx, ads["stina"]).attachments
    assert (info.sha256, info.kind, info.media_type, info.name, info.size) == (
        hashlib.sha256(png).hexdigest(), "screenshot", "image/png", "stina.png", len(png)
    )  # fmt: skip
    assert workspace.session.log.blob(info.sha256) == png
    assert detail.message.text() == "1 skärmbild(er) lades till annonsen."
    assert detail.files.count() == 1 and detail.files.item(0).text().startswith("skärmbild")

    detail.add_files_button.click()  # the same file again: not added twice
    assert detail.message.text() == "Annonsen har redan de här filerna: ingenting lades till."
    assert len(register.get_ad(workspace.ctx, ads["stina"]).attachments) == 1
    detail.ask_screenshot_files = lambda _parent: []  # cancelled: nothing happens
    detail.add_files_button.click()
    assert len(register.get_ad(workspace.ctx, ads["stina"]).attachments) == 1


def test_the_proposal_of_an_ad_is_shown_and_a_decision_taken_back_with_its_reason(
    qtbot: Any, ads_page: AdsPage, workspace: Workspace, ads: dict[str, str]
) -> None:
    ctx = workspace.ctx
    older = duplicates.dismiss_proposal(ctx, [ads["again"], ads["other"]]).entity_id
    detail = _detail(ads_page, AD_TITLE)
    assert detail.values["proposal"].text() == (
        "förslag med 1 annons(er) till: samma telefon +46701740690"
    )
    assert detail.proposal_button.isVisible()
    detail.proposal_button.click()
    tab = ads_page.proposals
    assert ads_page.tabs.currentIndex() == PROPOSALS_TAB
    chosen = tab.proposal()
    assert chosen is not None and set(chosen.ad_ids) == {ads["stina"], ads["again"]}
    tab.same_button.click()
    assert duplicates.advertiser_of(ctx, ads["stina"]) == tuple(sorted(chosen.ad_ids))

    with qtbot.waitSignal(tab.decisions_shown) as shown:
        tab.decisions_button.click()
    dialog = shown.args[0]
    assert isinstance(dialog, DecisionsDialog) and dialog.model.rowCount() == 2
    cells = dialog.model.cells(dialog.model.item(0))  # the newest first, chosen
    assert cells[1:3] == (workspace.officer_name(workspace.officer_id), "samma annonsör")
    assert cells[3].startswith("2: ") and AD_TITLE in cells[3]
    assert not clashes(dialog)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused, said so
    assert dialog.message.text() == "Skriv varför posten återtas."
    assert len(duplicates.decisions(ctx)) == 2

    qtbot.keyClicks(dialog.reason, "Numret har bytt agare.")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert [d.id for d in duplicates.decisions(ctx)] == [older]  # that one only
    [link] = [r for r in ctx.records.find(ADVERTISER_LINK_ENTITY, include_voided=True)
              if r.entity_id != older]  # fmt: skip
    assert link.voided
    [void] = [e for e in _events(workspace, link.entity_id, ADVERTISER_LINK_ENTITY)
              if e.kind == "void"]  # fmt: skip
    assert void.data["reason"] == "Numret har bytt agare."
    assert dialog.model.rowCount() == 1 and not dialog.empty.isVisible()
    assert dialog.message.text().startswith("Återtaget.")
    # Proposed again, at once, in the tab under the dialog.
    assert any(set(p.ad_ids) == set(chosen.ad_ids) for p in tab.model.items())
    assert duplicates.advertiser_of(ctx, ads["stina"]) == (ads["stina"],)
    dialog.close_button.click()
    qtbot.waitUntil(lambda: tab.decisions_dialog.current is None)


def test_screenshots_of_the_new_dialogs_at_1366x768(
    qtbot: Any, dark: None, workspace: Workspace, ads: dict[str, str], tmp_path: Path
) -> None:
    """Nothing cramped or cut: every button's and label's text fits it, and the dialogs
    fit the window. The PNGs are for a person to look at."""
    folder = Path(os.environ.get("ADS_SHOTS_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    page = AdsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    detail = _detail(page, AD_TITLE)
    QApplication.processEvents()
    assert not clashes(page)
    assert page.grab().save(str(folder / "ads-detail.png"))

    dialog = _open_correction(qtbot, detail)
    form = dialog.form
    form.phones.setText("070-174 06 91, 12")
    form.new_prices.setText("2 000 kr / 1 h; billigt")
    form.save()  # refused: the messages shown beside their fields
    QApplication.processEvents()
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert not clashes(dialog)
    _assert_fits(dialog)
    assert dialog.grab().save(str(folder / "ads-correct-dialog.png"))
    dialog.cancel()

    page.tabs.setCurrentIndex(PROPOSALS_TAB)
    page.proposals.same_button.click()
    shown = page.proposals.open_decisions()
    QApplication.processEvents()
    _assert_fits(shown)
    assert shown.grab().save(str(folder / "ads-decisions-dialog.png"))
    shown.close()


def _assert_fits(window: Any) -> None:
    """Every visible button and one-line label is at least as wide as its text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    for widget in window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text():
            wanted = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            assert widget.width() >= wanted, widget.text()
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            wanted = label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))
            assert label.width() >= wanted, label.text()
