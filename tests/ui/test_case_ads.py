"""Linking a case to ads from the case screen, one keystroke away (Ctrl+K): suggestions from
the phone numbers of the case's persons, a search by phone number, Enter links, and the
case shows the linked ads' phones and prices; Delete undoes a link. A linked ad is tied to
one of the case's own persons (chosen from the case, never searched for), and the ad's
detail names them. Opening a hit from the Ads section opens its case.

The whole app (the keys are the window's) on the small operation of tests/ui/builders.py,
with the ads and cases these tests need added here, next to where the tests use them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldapp.ads import links, register
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from fieldapp.workflow import cases, persons
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.documents.scenarios import BUYER, SELLER, Clock, open_hotel_case
from tests.ui.builders import COMPLETED, COMPLETED_ROOM, RAID, SmallOperation, build_small_operation
from tests.ui.conftest import case_by_place, log_in, plain
from ui.ads.link_dialog import LinkAdDialog
from ui.app import AppController
from ui.main_window import ADS, CASES

CTRL = Qt.KeyboardModifier.ControlModifier

# A case whose seller's ad is linked, and a newer ad of hers (the same number) not yet.
LINKED = "Hotell Ekbacken"
SELLER_NAME = "Lova (alias)"
BUYER_NAME = "Anders Provsson"
LOVA_AD = "Lova, ny i Västerås"
REPOST_AD = "Lova är tillbaka!"
# An ad of another number, found by searching for it.
KOPING_AD = "Tjej i Köping"
# An ad linked to the small operation's completed case, found by a word of it.
VERA_WORD = "Vera"
# A case handed over to the investigators, its ad and seller linked.
HANDED_OVER = "Vandrarhem Lönnen"
HANDED_SELLER = "Mira (alias)"
MIRA_AD = "Mira, lägenhet i Västerås"
# (key, web address, text): invented ads, numbers of the range PTS keeps for fiction.
ADS_TEXTS = (
    ("lova", "https://annonser.example/prov/101",
     f"{LOVA_AD}\nHej! Jag tar emot på {LINKED}, diskret.\n"
     "30 min 1 500 kr, 1 h 2 500 kr.\nSms:a 070-174 06 71."),
    ("vera", "https://annonser.example/prov/102",
     f"{VERA_WORD} – besök i Västerås\nTräffas på {COMPLETED}. 1 h 2000 kr. "
     "Ring 070-174 06 73 efter kl 18."),
    ("mira", "https://annonser.example/prov/103",
     f"{MIRA_AD}\nEgen lägenhet nära centrum. Hel natt 9000:-, 1 h 2 500 kr. "
     "Tel 070-174 06 74."),
    ("repost", "https://annonser.example/prov/110",
     f"{REPOST_AD}\nVästerås i helgen, diskret och trevlig. 30 min 1 800 kr. "
     "Sms 0701740671."),
    ("koping", "https://annonser.example/prov/111",
     f"{KOPING_AD}\nBesök hos dig. 1 h 2 200 kr. Ring 070-174 06 72."),
)  # fmt: skip


def add_ads_and_cases(session: Session, small: SmallOperation) -> None:
    """The ads above (the repost and Köping ones last: the newest), the case at
    ``LINKED`` with Lova's ad, the completed case with Vera's, and the handed-over case
    with Mira's ad tied to her."""
    clock = Clock(RAID + timedelta(hours=3))
    ctx = Context(session, clock)
    operation_id = small.operation_id
    ad: dict[str, str] = {}
    for key, url, text in ADS_TEXTS:
        found = register.capture(ctx, operation_id, text, url=url, site="annonser.example")
        ad[key] = register.register_ad(ctx, operation_id, found.fields).entity_id
        clock.advance(10)

    case_id = open_hotel_case(ctx, operation_id, place_name=LINKED, room="214")
    links.link_case(ctx, ad["lova"], case_id)
    seller = {"name": SELLER_NAME, "estimated_age": 27, "phone": "070-174 06 71"}
    persons.add_seller(ctx, case_id, seller)
    persons.add_buyer(ctx, case_id, BUYER | {"name": BUYER_NAME})
    links.link_case(ctx, ad["vera"], small.case(COMPLETED))
    clock.advance(30)

    case_id = open_hotel_case(ctx, operation_id, place_name=HANDED_OVER, room="3")
    links.link_case(ctx, ad["mira"], case_id)
    persons.add_seller(ctx, case_id, {"name": HANDED_SELLER, "estimated_age": 30})
    cases.transfer_case(ctx, case_id, "Utredningsenheten för människohandel")


@pytest.fixture
def controller(make_controller: Callable[..., AppController], vault: Vault) -> AppController:
    """The whole app on the small operation with these tests' ads, logged in."""
    session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    try:
        add_ads_and_cases(session, build_small_operation(session))
    finally:
        session.lock()
    made = make_controller(vault)
    log_in(made, ADMIN_ID, ADMIN_PASS)
    return made


def test_ctrl_k_links_an_ad_and_the_case_shows_its_phones_and_prices(
    qtbot: Any, controller: Any
) -> None:
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    workspace = view.workspace
    case_id = case_by_place(workspace, LINKED)  # Lova's case: her ad is linked
    view.open_case(case_id)
    screen = view.cases.case_screen
    strip = screen.linked_ads
    assert plain(strip.shown_text()) == (
        f"{LOVA_AD}  ·  +46701740671  ·  1 500 kr / 30 min, 2 500 kr / 1 h"
    )

    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog.current
    assert isinstance(dialog, LinkAdDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.query.hasFocus)
    # Lova's phone is also in a newer ad not yet linked: suggested, with the reason.
    assert dialog.model.rowCount() == 1
    why, _place, text = dialog.model.cells(dialog.model.item(0))
    assert why == "telefon i ärendet: +46701740671"
    assert text.startswith(REPOST_AD)

    # Found by the number written another way; Enter links it and closes.
    qtbot.keyClicks(dialog.query, "070 174 06 72")
    assert dialog.model.rowCount() == 1
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    linked = {ad.title for ad in links.ads_for_case(workspace.ctx, case_id)}
    assert linked == {LOVA_AD, KOPING_AD}
    lines = plain(strip.shown_text()).splitlines()
    assert f"{KOPING_AD}  ·  +46701740672  ·  2 200 kr / 1 h" in lines
    assert screen.timeline_model.rowCount() > 0

    # Delete in the list of linked ads undoes a link.
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog.current
    assert dialog is not None
    row = dialog.linked_model.row_of_key(
        next(ad.id for ad in dialog.linked_model.items() if ad.title == KOPING_AD)
    )
    dialog.linked.setFocus()
    dialog.linked.selectRow(row)
    qtbot.keyClick(dialog.linked, Qt.Key.Key_Delete)
    assert dialog.message.text() == f"Kopplingen borttagen: {KOPING_AD}"
    assert {ad.title for ad in links.ads_for_case(workspace.ctx, case_id)} == {LOVA_AD}
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert KOPING_AD not in strip.shown_text()


def test_a_closed_case_refuses_a_link_in_words_and_ctrl_k_needs_a_case(
    qtbot: Any, controller: Any
) -> None:
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()

    view.go_to(ADS)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)  # no case in hand: a hint, no dialog
    assert window.hint_label.text() == "Öppna ett ärende först: annonsen kopplas till det."

    view.open_case(case_by_place(view.workspace, HANDED_OVER))  # handed over: closed to changes
    assert view.section() == CASES
    screen = view.cases.case_screen
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog.current
    assert dialog is not None
    dialog.query.setText("0701740671")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Ärendet är avslutat eller överlämnat: öppna det igen för att koppla eller ta bort "
        "annonser."
    )
    dialog.reject()


def test_an_ads_hit_opens_its_case(qtbot: Any, controller: Any) -> None:
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    search = view.ads.search
    search.query.setText(VERA_WORD)
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert search.detail.values["cases"].text() == f"{COMPLETED} {COMPLETED_ROOM}"
    search.detail.open_case_button.click()
    assert view.section() == CASES
    assert view.cases.case_screen.header.place.text().startswith(COMPLETED)


def test_ctrl_f_searches_what_the_page_in_hand_holds(qtbot: Any, controller: Any) -> None:
    """On the Ads page Ctrl+F goes to the ad search (another tab may be open); elsewhere it
    goes to the case search."""
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view.ads.tabs.setCurrentIndex(view.ads.tabs.count() - 1)  # the tips tab
    view.ads.search.query.setText(VERA_WORD)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert view.section() == ADS
    assert view.ads.tabs.currentWidget() is view.ads.search
    query = view.ads.search.query
    qtbot.waitUntil(query.hasFocus)
    assert query.selectedText() == VERA_WORD  # typed over by the next search
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert view.section() == CASES
    qtbot.waitUntil(view.cases.search.hasFocus)


def _person(workspace: Any, case_id: str, name: str) -> str:
    found = workspace.ctx.records.find(PERSON_ENTITY, case_id=case_id)
    return next(p.entity_id for p in found if p.get("name") == name)


def _open_dialog(qtbot: Any, controller: Any, place: str) -> tuple[Any, LinkAdDialog]:
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    view.open_case(case_by_place(view.workspace, place))
    screen = view.cases.case_screen
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog.current
    assert isinstance(dialog, LinkAdDialog) and dialog.isVisible()
    return view, dialog


def test_a_linked_ad_is_tied_to_the_seller_of_the_case_and_the_detail_names_her(
    qtbot: Any, controller: Any
) -> None:
    view, dialog = _open_dialog(qtbot, controller, LINKED)
    workspace = view.workspace
    case_id = dialog.case_id
    lova = _person(workspace, case_id, SELLER_NAME)
    ad = dialog.current_linked()
    assert ad is not None and ad.title == LOVA_AD
    # Only the case's own persons are offered, the seller first (never a name search).
    assert dialog.person_row.isVisible()
    offered = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert offered == [f"Säljare: {SELLER_NAME}", f"Köpare: {BUYER_NAME}"]
    assert dialog.person.code() == lova and not dialog.person.isEditable()
    assert dialog.link_person_button.isEnabled()
    assert not dialog.unlink_person_button.isEnabled()

    dialog.person.setFocus()
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)  # Enter on the person links her

    assert register.get_ad(workspace.ctx, ad.id).person_ids == (lova,)
    assert dialog.isVisible()  # the dialog stays: the officer may link a second ad
    assert dialog.message.text() == f"{LOVA_AD} är kopplad till Säljare: {SELLER_NAME}."
    assert dialog.linked_model.cells(dialog.linked_model.item(0))[-1] == f"Säljare: {SELLER_NAME}"
    assert dialog.linked_model.headerData(6, Qt.Orientation.Horizontal) == "Personer"
    assert dialog.unlink_person_button.isEnabled()
    assert not dialog.link_person_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # The ad's detail in the Ads section names the person as the case does.
    qtbot.keyClick(controller.main_window, Qt.Key.Key_4, CTRL)
    search = view.ads.search
    search.query.setText(LOVA_AD)
    search.run_search()
    detail = search.detail
    assert detail.ad is not None and detail.ad.id == ad.id
    assert detail.values["persons"].text() == f"Säljare: {SELLER_NAME}"
    assert detail.captions["persons"].isVisible()

    # Undone from the case again: the detail no longer names her.
    view.open_case(case_id)
    qtbot.keyClick(controller.main_window, Qt.Key.Key_K, CTRL)
    dialog = view.cases.case_screen.link_dialog.current
    assert dialog is not None and dialog.person.code() == lova
    dialog.unlink_person_button.click()
    assert register.get_ad(workspace.ctx, ad.id).person_ids == ()
    assert dialog.message.text() == f"Kopplingen till Säljare: {SELLER_NAME} borttagen: {LOVA_AD}"
    dialog.reject()
    search.detail.show_ad(register.get_ad(workspace.ctx, ad.id))
    assert not detail.values["persons"].isVisibleTo(detail)


def test_undoing_the_case_link_undoes_the_persons_link_too(qtbot: Any, controller: Any) -> None:
    view, dialog = _open_dialog(qtbot, controller, LINKED)
    ad = dialog.current_linked()
    assert ad is not None
    assert dialog.link_person(dialog.person.code())
    dialog.linked.setFocus()
    qtbot.keyClick(dialog.linked, Qt.Key.Key_Delete)
    stored = register.get_ad(view.workspace.ctx, ad.id)
    assert (stored.case_ids, stored.person_ids) == ((), ())
    assert not dialog.person_row.isVisible()  # no linked ad left to tie to anyone
    dialog.reject()


def test_a_person_of_another_case_or_a_closed_case_is_refused_in_words(
    qtbot: Any, controller: Any
) -> None:
    view, dialog = _open_dialog(qtbot, controller, LINKED)
    workspace = view.workspace
    ad = dialog.current_linked()
    assert ad is not None
    other = _person(workspace, case_by_place(workspace, COMPLETED), SELLER["name"])
    assert not dialog.link_person(other)  # not one of this case's persons
    assert dialog.message.text() == "Personen finns inte i ärendet."
    assert dialog.message.property("severity") == "error"
    assert register.get_ad(workspace.ctx, ad.id).person_ids == ()
    dialog.reject()

    # The handed-over case shows its ad and seller, but changes nothing until reopened.
    view, dialog = _open_dialog(qtbot, controller, HANDED_OVER)
    ad = dialog.current_linked()
    assert ad is not None and ad.title == MIRA_AD
    assert dialog.person.currentText() == f"Säljare: {HANDED_SELLER}"
    dialog.link_person_button.click()
    assert dialog.message.text() == (
        "Ärendet är avslutat eller överlämnat: öppna det igen för att koppla eller ta bort "
        "annonser."
    )
    assert register.get_ad(workspace.ctx, ad.id).person_ids == ()
    dialog.reject()
