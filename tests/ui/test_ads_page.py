"""The Ads section on the demo vault: an ad registered from pasted text (what was read out
shown, corrected, then stored), refusals beside their field, a refused CSV import listing
every problem with its line while storing nothing, search by a phone number written
another way (the opening logged), same-advertiser proposals decided by a person, a sheet
delivery and a tip recorded. Every model passes qtmodeltester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.ads import duplicates, importing, register
from fieldapp.ads.model import AdStatus
from fieldapp.storage.events import read_events
from fieldapp.workflow import outreach, tips
from tests.ui.conftest import case_by_place
from ui.ads.models import AdsModel, CompaniesModel, DeliveriesModel, HitsModel, TipsModel
from ui.ads.page import OUTREACH_TAB, PROPOSALS_TAB, REGISTER_TAB, SEARCH_TAB, TIPS_TAB, AdsPage
from ui.workspace import Workspace

# Invented: the fiction range of numbers, a made-up site and hotel.
PASTED = (
    "Sofia – ny i Köping\n"
    "Hej! Jag tar emot på Hotell Fiktiva Ängen, diskret.\n"
    "30 min 1 500:-, 1 h 2 500 kr, hel natt 8000 kr.\n"
    "Sms:a 070-174 06 66 eller +46 70 174 06 67."
)
URL = "https://annonser.example/a/3001"


def plain(text: str) -> str:
    """Swedish grouping uses a no-break space: compare as ordinary spaces."""
    return text.replace("\u00a0", " ")


@pytest.fixture
def page(qtbot: Any, workspace: Workspace) -> Iterator[AdsPage]:
    page = AdsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1166, 700)
    page.show()
    yield page
    page.flush()


def test_an_ad_is_registered_from_pasted_text(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(REGISTER_TAB)
    form = page.register.form
    before = register.count_ads(workspace.ctx, str(workspace.operation_id))
    qtbot.keyClicks(form.url, URL)
    form.text.setPlainText(PASTED)  # pasted
    qtbot.keyClick(form.url, Qt.Key.Key_Return)  # Enter reads the ad: nothing stored yet

    assert register.count_ads(workspace.ctx, str(workspace.operation_id)) == before
    assert form.phones.text() == "+46701740666, +46701740667"
    assert [plain(box.text()) for box, _ in form.prices.boxes] == [
        "1 500 kr / 30 min",
        "2 500 kr / 1 h",
        "8 000 kr / natt",
    ]
    assert form.municipality.code() == "Köping"
    assert form.hotel.text() == "Hotell Fiktiva Ängen"
    assert form.title.text() == "Sofia – ny i Köping" and form.title.hasFocus()

    # The officer corrects what was read: the whole night is not on offer here.
    form.prices.boxes[2][0].setChecked(False)
    qtbot.keyClick(form.title, Qt.Key.Key_Return)  # Enter again registers

    ad = register.ad_by_url(workspace.ctx, URL)
    assert ad is not None
    assert ad.phones == ("+46701740666", "+46701740667")
    assert [(p.amount, p.minutes) for p in ad.prices] == [(1500, 30), (2500, 60)]
    assert (ad.municipality, ad.hotel, ad.status) == ("Köping", "Hotell Fiktiva Ängen",
                                                      AdStatus.ACTIVE)  # fmt: skip
    assert ad.text == PASTED and ad.registered_by == workspace.officer_id
    assert form.done.text() == "Registrerad: Sofia – ny i Köping"
    assert form.text.toPlainText() == "" and workspace.load_draft(form.draft_key) is None


# Invented: read with low confidence (an O for a zero, a price without a currency).
DOUBTFUL = "Ny i Sala!\n30 min: 1500\n1 h 2 500 kr\nRing O7O-174 O6 68"


def test_low_confidence_readings_are_marked_for_the_officer(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(REGISTER_TAB)
    form = page.register.form
    form.url.setText("https://annonser.example/a/3002")
    form.text.setPlainText(DOUBTFUL)
    qtbot.keyClick(form.url, Qt.Key.Key_Return)

    assert form.phones.text() == "+46701740668"
    check = form.fields["phones"].message
    assert check.isVisible() and check.text().startswith("⚠ Kontrollera +46701740668:")
    assert "bokstaven O" in check.text() and "bokstaven O" in form.phones.toolTip()
    boxes = [(plain(box.text()), box.toolTip()) for box, _ in form.prices.boxes]
    assert boxes[0][0] == "⚠ 1 500 kr / 30 min" and "Ingen valuta" in boxes[0][1]
    assert boxes[1] == ("2 500 kr / 1 h", "")  # read plainly: no mark
    qtbot.keyClick(form.title, Qt.Key.Key_Return)  # confirmed as read: registered

    ad = register.ad_by_url(workspace.ctx, "https://annonser.example/a/3002")
    assert ad is not None and [p.doubt for p in ad.prices] == ["inferred", None]
    detail = page.search.detail
    detail.show_ad(ad)
    assert detail.values["phones"].text() == "⚠ +46701740668"
    assert "bokstaven O" in detail.values["phones"].toolTip()
    assert plain(detail.values["prices"].text()).startswith("⚠ 1 500 kr / 30 min")
    assert "Ingen valuta" in detail.values["prices"].toolTip()


def test_a_refused_ad_says_why_beside_the_field_and_stores_nothing(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(REGISTER_TAB)
    form = page.register.form
    before = register.count_ads(workspace.ctx, str(workspace.operation_id))
    qtbot.keyClick(form.url, Qt.Key.Key_Return)  # nothing pasted
    assert form.fields["text"].message.text() == "Krävs."

    form.url.setText("annonser.example/utan-schema")
    form.text.setPlainText(PASTED)
    form.read()
    form.phones.setText("070-174 06 66, 12")
    qtbot.keyClick(form.phones, Qt.Key.Key_Return)

    assert form.fields["phones"].message.text() == "Inget telefonnummer."
    assert form.fields["url"].message.text() == "Skriv en hel webbadress som börjar med https://."
    assert register.count_ads(workspace.ctx, str(workspace.operation_id)) == before
    assert form.is_read()  # the confirmation stays, to correct


def test_a_refused_csv_import_lists_every_problem_and_stores_nothing(
    qtbot: Any,
    page: AdsPage,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.tabs.setCurrentIndex(REGISTER_TAB)
    importer = page.register.importer
    broken = tmp_path / "annonser.csv"
    broken.write_text(
        "rubrik;text;telefon;kommun;webbplats\n"
        "Ny i stan;Ring mig;070-174 06 68;Västerås;annonser.example\n"
        "Trasig rad;bara två fält\n"
        "Ny i Sala;Hembesök;inget nummer;Sala;annonser.example\n",
        "utf-8",
    )
    importer.ask_import_file = lambda _parent: broken
    before = register.count_ads(workspace.ctx, str(workspace.operation_id))
    seen_while_working: list[tuple[str, bool]] = []
    real_import = importing.import_file

    def watched(*args: Any, **kwargs: Any) -> Any:
        busy = QApplication.overrideCursor() is not None
        seen_while_working.append((importer.result.text(), busy))
        return real_import(*args, **kwargs)

    monkeypatch.setattr(importing, "import_file", watched)

    importer.import_button.click()

    # While it works: it says so, with the busy cursor; after, the cursor is back.
    assert seen_while_working == [("Importerar annonser.csv…", True)]
    assert QApplication.overrideCursor() is None
    assert importer.result.text() == "annonser.csv: ingenting importerades. 2 fel att rätta:"
    problems = [plain(importer.problems.item(i).text()) for i in range(importer.problems.count())]
    assert problems == [
        "Rad 3: 2 fält, men första raden namnger 5 kolumner.",
        "Rad 4, telefon: Inget telefonnummer.",
    ]
    assert importer.problems.isVisible() and importer.problems.hasFocus()
    assert register.count_ads(workspace.ctx, str(workspace.operation_id)) == before

    fixed = tmp_path / "rattad.csv"
    fixed.write_text(
        "rubrik;text;telefon;kommun;webbplats\n"
        "Ny i stan;Ring mig;070-174 06 68;Västerås;annonser.example\n",
        "utf-8",
    )
    importer.ask_import_file = lambda _parent: fixed
    importer.import_button.click()
    assert not importer.problems.isVisible()
    assert importer.result.text().startswith("rattad.csv: 1 annonser registrerade")
    assert QApplication.overrideCursor() is None
    assert register.count_ads(workspace.ctx, str(workspace.operation_id)) == before + 1


def test_a_saved_page_is_read_into_the_form_to_confirm_then_registered_with_it(
    qtbot: Any, page: AdsPage, workspace: Workspace, tmp_path: Path
) -> None:
    """A saved page is one ad: nothing is stored until the officer has seen what was read
    and pressed Enter; then the ad is registered with the page attached, hashed."""
    page.tabs.setCurrentIndex(REGISTER_TAB)
    form, importer = page.register.form, page.register.importer
    saved = tmp_path / "annons.html"
    saved.write_text(
        "<html><head><title>Lina – ny i Sala</title>"
        '<link rel="canonical" href="https://annonser.example/ad/5501"></head><body>'
        "<p>Hej! Ny i Sala, diskret. 1 h 2 000 kr. Ring 070-174 06 71.</p></body></html>",
        "utf-8",
    )
    importer.ask_import_file = lambda _parent: saved
    before = register.count_ads(workspace.ctx, str(workspace.operation_id))

    importer.import_button.click()

    assert register.count_ads(workspace.ctx, str(workspace.operation_id)) == before
    assert form.is_read() and form.page is not None
    assert form.title.text() == "Lina – ny i Sala"
    assert form.phones.text() == "+46701740671"
    assert "annons.html" in form.notice.text()
    qtbot.keyClick(form.title, Qt.Key.Key_Return)

    assert register.count_ads(workspace.ctx, str(workspace.operation_id)) == before + 1
    [ad] = [a for a in register.list_ads(workspace.ctx) if a.title == "Lina – ny i Sala"]
    assert [a.name for a in ad.attachments] == ["annons.html"]
    assert form.page is None and not form.is_read()


def test_search_by_a_phone_number_written_another_way_opens_through_the_access_log(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    search = page.search
    page.tabs.setCurrentIndex(SEARCH_TAB)
    assert search.summary.text() == "Insatsens annonser, senaste först: 7."
    # The demo ads write Maja's number "070-174 06 55" and "0701740655".
    search.query.clear()
    qtbot.keyClicks(search.query, "+46 70 174 06 55")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)

    assert search.summary.text() == "Telefon +46701740655: 2 träffar."
    titles = {search.model.item(r).title for r in range(search.model.rowCount())}
    assert titles == {"Maja, ny i Västerås", "Maja är tillbaka!"}
    detail = search.detail
    assert detail.ad is not None and detail.values["phones"].text() == "+46701740655"
    shown = plain(detail.values["prices"].text())
    assert shown in ("1 800 kr / 30 min", "1 500 kr / 30 min\n2 500 kr / 1 h")
    accesses = [e for e in read_events(workspace.session.conn, entity=("ad", detail.ad.id))
                if e.kind == "access"]  # fmt: skip
    assert len(accesses) == 1

    # Words with Swedish letters, and a date that is not a date said beside its field.
    search.query.setText("lägenhet")
    search.since.setText("2026-02-30")
    search.run_search()
    assert search.messages["since"].text() == "Inget giltigt datum (skriv ÅÅÅÅ-MM-DD)."
    search.since.clear()
    search.run_search()
    assert (
        search.model.rowCount() == 1 and "«lägenhet»" in search.model.cells(search.model.item(0))[4]
    )


def test_an_ad_is_seen_again_taken_down_and_withdrawn_with_a_reason(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(SEARCH_TAB)
    search = page.search
    search.query.setText("Maja är tillbaka")
    search.run_search()
    detail = search.detail
    assert detail.ad is not None
    ad_id = detail.ad.id
    detail.gone_button.click()
    assert register.get_ad(workspace.ctx, ad_id).status is AdStatus.GONE
    assert detail.message.text() == "Registrerad som borttagen."
    detail.seen_button.click()
    assert register.get_ad(workspace.ctx, ad_id).status is AdStatus.ACTIVE

    detail.withdraw_button.click()
    assert detail.reason.hasFocus()
    qtbot.keyClick(detail.reason, Qt.Key.Key_Return)  # no reason: refused, said so
    assert detail.message.text() == "Varför: skriv varför annonsen återkallas."
    qtbot.keyClicks(detail.reason, "Registrerad två gånger")
    qtbot.keyClick(detail.reason, Qt.Key.Key_Return)
    assert workspace.ctx.records.get("ad", ad_id).voided
    assert detail.ad is None and "återkallad" in detail.message.text()


def test_same_advertiser_is_decided_by_a_person_never_merged(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(PROPOSALS_TAB)
    tab = page.proposals
    assert tab.model.rowCount() == 2  # Maja's shared number; Nok's near-identical texts
    first = tab.proposal()
    assert first is not None and first.phones == ("+46701740655",)
    assert tab.ads_model.rowCount() == 2
    assert duplicates.advertiser_of(workspace.ctx, first.ad_ids[0]) == (first.ad_ids[0],)

    tab.same_button.click()

    assert duplicates.advertiser_of(workspace.ctx, first.ad_ids[0]) == first.ad_ids
    assert tab.model.rowCount() == 1
    assert tab.message.text() == "Bekräftat: 2 annonser från samma annonsör."
    second = tab.proposal()
    assert second is not None
    tab.not_same_button.click()
    assert tab.model.rowCount() == 0 and tab.empty.isVisible()
    assert duplicates.advertiser_of(workspace.ctx, second.ad_ids[0]) == (second.ad_ids[0],)


def test_a_sheet_delivery_is_recorded_and_logged(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(OUTREACH_TAB)
    tab = page.outreach
    form = tab.delivery_form
    operation_id = str(workspace.operation_id)
    before = len(outreach.deliveries(workspace.ctx, operation_id))
    qtbot.keyClick(form.copies, Qt.Key.Key_Return)  # no company chosen: said beside it
    assert form.fields["company_id"].message.text().startswith("Välj verksamheten")

    companies = tab.companies_model.items()
    park = next(c.entity_id for c in companies if c.get("name") == "Hotell Demo Park")
    row = tab.companies_model.row_of_key(park)
    tab.companies.selectRow(row)  # choosing in the directory fills in the company
    assert form.company.currentText() == "Hotell Demo Park"
    assert form.version.text() == outreach.sheet_version()
    qtbot.keyClicks(form.copies, "0")
    qtbot.keyClick(form.copies, Qt.Key.Key_Return)
    assert form.fields["copies"].message.text() == "Ange ett heltal från 1 till 1000."
    form.copies.setText("2")
    qtbot.keyClick(form.copies, Qt.Key.Key_Return)

    log = outreach.deliveries(workspace.ctx, operation_id)
    assert len(log) == before + 1
    latest = log[-1]
    assert (latest.get("company"), latest.get("copies"), latest.get("delivered_by")) == (
        "Hotell Demo Park",
        2,
        workspace.officer_id,
    )
    assert tab.log_model.cells(tab.log_model.item(0))[1] == "Hotell Demo Park"
    assert tab.companies_model.cells(tab.companies_model.item(row))[3] != "–"


def test_a_tip_is_recorded_with_its_source_and_case(
    qtbot: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(TIPS_TAB)
    tab = page.tips
    form = tab.form
    before = len(tips.tips(workspace.ctx))
    tab.record_button.click()  # nothing filled in
    assert form.fields["what"].message.text() == "Krävs."
    assert form.fields["company_id"].message.text() == (
        "Välj verksamheten, eller skriv vem annars som tipsade."
    )

    stadshotellet = next(k for k, v in tab._companies.items() if v == "Stadshotellet Exempel")
    form.company.set_code(stadshotellet)
    form.channel.set_code("phone")
    form.what.setPlainText("Två män frågade efter rum 507 i kväll.")
    case_id = case_by_place(workspace, "Stadshotellet Exempel")
    form.case.set_code(case_id)
    tab.record_button.click()

    found = tips.tips(workspace.ctx)
    assert len(found) == before + 1
    tip = found[-1]
    assert (tip.get("company_id"), tip.get("case_id"), tip.get("channel")) == (
        stadshotellet,
        case_id,
        "phone",
    )
    assert tab.model.cells(tab.model.item(0))[1:4] == (
        "Stadshotellet Exempel",
        "telefon",
        "Två män frågade efter rum 507 i kväll.",
    )
    assert form.status.text() == "Tipset är registrerat."

    # Tie an older tip to a case from the list.
    tab.table.selectRow(1)
    tab.link_case.set_code(case_id)
    tab.link_button.click()
    assert tab.link_message.text() == "Sparat."


def test_the_ads_models_pass_the_model_tester(
    qtmodeltester: Any, page: AdsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(SEARCH_TAB)
    page.tabs.setCurrentIndex(OUTREACH_TAB)
    page.tabs.setCurrentIndex(TIPS_TAB)
    page.tabs.setCurrentIndex(PROPOSALS_TAB)
    models = (page.search.model, page.proposals.model, page.proposals.ads_model,
              page.outreach.companies_model, page.outreach.log_model, page.tips.model)  # fmt: skip
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    assert isinstance(page.search.model, HitsModel)
    assert isinstance(page.proposals.ads_model, AdsModel)
    assert isinstance(page.outreach.companies_model, CompaniesModel)
    assert isinstance(page.outreach.log_model, DeliveriesModel)
    assert isinstance(page.tips.model, TipsModel)
