"""The Ads section on the small operation of the test's own and its ad register
(tests/ui/builders.py: ``build_ad_register``): search by a phone number written another way
(the opening logged), an ad seen again, taken down and withdrawn, same-advertiser proposals
decided by a person, a sheet delivery and a tip recorded. Every model passes qtmodeltester.
(Registering ads: test_ad_register.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldapp.ads import duplicates, register
from fieldapp.ads.model import AdStatus
from fieldapp.storage.events import read_events
from fieldapp.workflow import outreach, tips
from tests.ui.builders import (
    AD_AGAIN_TITLE,
    AD_TITLE,
    ADS_REGISTERED,
    CHILD,
    COMPLETED,
    TIP_TEXT,
    SmallOperation,
    build_ad_register,
)
from tests.ui.conftest import plain
from ui.ads.models import AdsModel, CompaniesModel, DeliveriesModel, HitsModel, TipsModel
from ui.ads.page import OUTREACH_TAB, PROPOSALS_TAB, SEARCH_TAB, TIPS_TAB, AdsPage
from ui.workspace import Workspace


@pytest.fixture
def workspace(small_workspace: Workspace, small_operation: SmallOperation) -> Workspace:
    """The small operation (not the demo's), with the ads and the tip the tests use."""
    build_ad_register(small_workspace.session, small_operation)
    return small_workspace


def test_search_by_a_phone_number_written_another_way_opens_through_the_access_log(
    qtbot: Any, ads_page: AdsPage, workspace: Workspace
) -> None:
    search = ads_page.search
    ads_page.tabs.setCurrentIndex(SEARCH_TAB)
    assert search.summary.text() == f"Insatsens annonser, senaste först: {ADS_REGISTERED}."
    # Stina's two ads write her number "070-174 06 90" and "0701740690".
    search.query.clear()
    qtbot.keyClicks(search.query, "+46 70 174 06 90")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)

    assert search.summary.text() == "Telefon +46701740690: 2 träffar."
    titles = {search.model.item(r).title for r in range(search.model.rowCount())}
    assert titles == {AD_TITLE, AD_AGAIN_TITLE}
    detail = search.detail
    assert detail.ad is not None and detail.values["phones"].text() == "+46701740690"
    shown = plain(detail.values["prices"].text())
    assert shown in ("1 800 kr / 1 h", "1 200 kr / 30 min")
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
    qtbot: Any, ads_page: AdsPage, workspace: Workspace
) -> None:
    ads_page.tabs.setCurrentIndex(SEARCH_TAB)
    search = ads_page.search
    search.query.setText(AD_AGAIN_TITLE)
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
    qtbot: Any, ads_page: AdsPage, workspace: Workspace
) -> None:
    ads_page.tabs.setCurrentIndex(PROPOSALS_TAB)
    tab = ads_page.proposals
    assert tab.model.rowCount() == 2  # Stina's shared number; Lin's near-identical texts
    first = tab.proposal()
    assert first is not None and first.phones == ("+46701740690",)
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
    qtbot: Any, ads_page: AdsPage, workspace: Workspace
) -> None:
    ads_page.tabs.setCurrentIndex(OUTREACH_TAB)
    tab = ads_page.outreach
    form = tab.delivery_form
    operation_id = str(workspace.operation_id)
    before = len(outreach.deliveries(workspace.ctx, operation_id))
    qtbot.keyClick(form.copies, Qt.Key.Key_Return)  # no company chosen: said beside it
    assert form.fields["company_id"].message.text().startswith("Välj verksamheten")

    companies = tab.companies_model.items()
    # Not handed the sheet yet.
    hotel = next(c.entity_id for c in companies if c.get("name") == CHILD)
    row = tab.companies_model.row_of_key(hotel)
    assert tab.companies_model.cells(tab.companies_model.item(row))[3] == "–"
    tab.companies.selectRow(row)  # choosing in the directory fills in the company
    assert form.company.currentText() == CHILD
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
        CHILD,
        2,
        workspace.officer_id,
    )
    assert tab.log_model.cells(tab.log_model.item(0))[1] == CHILD
    assert tab.companies_model.cells(tab.companies_model.item(row))[3] != "–"


def test_a_tip_is_recorded_with_its_source_and_case(
    qtbot: Any, ads_page: AdsPage, workspace: Workspace, small_operation: SmallOperation
) -> None:
    ads_page.tabs.setCurrentIndex(TIPS_TAB)
    tab = ads_page.tips
    form = tab.form
    before = len(tips.tips(workspace.ctx))
    tab.record_button.click()  # nothing filled in
    assert form.fields["what"].message.text() == "Krävs."
    assert form.fields["company_id"].message.text() == (
        "Välj verksamheten, eller skriv vem annars som tipsade."
    )

    pensionat = next(k for k, v in tab._companies.items() if v == COMPLETED)
    form.company.set_code(pensionat)
    form.channel.set_code("phone")
    form.what.setPlainText("Två män frågade efter rum 22 i kväll.")
    case_id = small_operation.case(COMPLETED)
    form.case.set_code(case_id)
    tab.record_button.click()

    found = tips.tips(workspace.ctx)
    assert len(found) == before + 1
    tip = found[-1]
    assert (tip.get("company_id"), tip.get("case_id"), tip.get("channel")) == (
        pensionat,
        case_id,
        "phone",
    )
    assert tab.model.cells(tab.model.item(0))[1:4] == (
        COMPLETED,
        "telefon",
        "Två män frågade efter rum 22 i kväll.",
    )
    assert form.status.text() == "Tipset är registrerat."

    # Tie an older tip to a case from the list.
    older = tab.model.item(1)
    assert older is not None and older.get("what") == TIP_TEXT
    tab.table.selectRow(1)
    tab.link_case.set_code(case_id)
    tab.link_button.click()
    assert tab.link_message.text() == "Sparat."
    assert workspace.ctx.records.get("tip", older.entity_id).get("case_id") == case_id


def test_the_ads_models_pass_the_model_tester(
    qtmodeltester: Any, ads_page: AdsPage, workspace: Workspace
) -> None:
    ads_page.tabs.setCurrentIndex(SEARCH_TAB)
    ads_page.tabs.setCurrentIndex(OUTREACH_TAB)
    ads_page.tabs.setCurrentIndex(TIPS_TAB)
    ads_page.tabs.setCurrentIndex(PROPOSALS_TAB)
    models = (
        ads_page.search.model,
        ads_page.proposals.model,
        ads_page.proposals.ads_model,
        ads_page.outreach.companies_model,
        ads_page.outreach.log_model,
        ads_page.tips.model,
    )
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    assert isinstance(ads_page.search.model, HitsModel)
    assert isinstance(ads_page.proposals.ads_model, AdsModel)
    assert isinstance(ads_page.outreach.companies_model, CompaniesModel)
    assert isinstance(ads_page.outreach.log_model, DeliveriesModel)
    assert isinstance(ads_page.tips.model, TipsModel)
