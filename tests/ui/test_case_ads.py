"""Linking a case to ads from the case screen, one keystroke away (Ctrl+K): suggestions from
the phone numbers of the case's persons, a search by phone number, Enter links, and the
case shows the linked ads' phones and prices; Delete undoes a link. A linked ad is tied to
one of the case's own persons (chosen from the case, never searched for), and the ad's
detail names them. Opening a hit from the Ads section opens its case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from fieldapp.ads import links, register
from fieldapp.domain.persons import PERSON_ENTITY
from tests.ui.conftest import case_by_place
from ui.ads.link_dialog import LinkAdDialog
from ui.main_window import ADS, CASES

CTRL = Qt.KeyboardModifier.ControlModifier


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_ctrl_k_links_an_ad_and_the_case_shows_its_phones_and_prices(
    qtbot: Any, demo_controller: Any
) -> None:
    controller = demo_controller
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    workspace = view.workspace
    case_id = case_by_place(workspace, "Hotell Påhittat")  # Maja's case: her ad is linked
    view.open_case(case_id)
    screen = view.cases.case_screen
    strip = screen.linked_ads
    assert plain(strip.shown_text()) == (
        "Maja, ny i Västerås  ·  +46701740655  ·  1 500 kr / 30 min, 2 500 kr / 1 h"
    )

    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog
    assert isinstance(dialog, LinkAdDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.query.hasFocus)
    # Maja's phone is also in a newer ad not yet linked: suggested, with the reason.
    assert dialog.model.rowCount() == 1
    why, _place, text = dialog.model.cells(dialog.model.item(0))
    assert why == "telefon i ärendet: +46701740655"
    assert text.startswith("Maja är tillbaka!")

    # Found by the number written another way; Enter links it and closes.
    qtbot.keyClicks(dialog.query, "070 174 06 60")
    assert dialog.model.rowCount() == 1
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    linked = {ad.title for ad in links.ads_for_case(workspace.ctx, case_id)}
    assert linked == {"Maja, ny i Västerås", "Tjej i Köping"}
    lines = plain(strip.shown_text()).splitlines()
    assert "Tjej i Köping  ·  +46701740660  ·  2 200 kr / 1 h" in lines
    assert screen.timeline_model.rowCount() > 0

    # Delete in the list of linked ads undoes a link.
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog
    assert dialog is not None
    row = dialog.linked_model.row_of_key(
        next(ad.id for ad in dialog.linked_model.items() if ad.title == "Tjej i Köping")
    )
    dialog.linked.setFocus()
    dialog.linked.selectRow(row)
    qtbot.keyClick(dialog.linked, Qt.Key.Key_Delete)
    assert dialog.message.text() == "Kopplingen borttagen: Tjej i Köping"
    assert {ad.title for ad in links.ads_for_case(workspace.ctx, case_id)} == {
        "Maja, ny i Västerås"
    }
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Tjej i Köping" not in strip.shown_text()


def test_a_closed_case_refuses_a_link_in_words_and_ctrl_k_needs_a_case(
    qtbot: Any, demo_controller: Any
) -> None:
    controller = demo_controller
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()

    view.go_to(ADS)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)  # no case in hand: a hint, no dialog
    assert window.hint_label.text() == "Öppna ett ärende först: annonsen kopplas till det."

    view.open_case(case_by_place(view.workspace, "Hotell Demo Park"))  # closed
    assert view.section() == CASES
    screen = view.cases.case_screen
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    dialog = screen.link_dialog
    assert dialog is not None
    dialog.query.setText("0701740655")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Ärendet är avslutat eller överlämnat: öppna det igen för att koppla eller ta bort "
        "annonser."
    )
    dialog.reject()


def test_an_ads_hit_opens_its_case(qtbot: Any, demo_controller: Any) -> None:
    controller = demo_controller
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    search = view.ads.search
    search.query.setText("Rosa")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    assert search.detail.values["cases"].text() == "Stadshotellet Exempel 507"
    search.detail.open_case_button.click()
    assert view.section() == CASES
    assert view.cases.case_screen.header.place.text().startswith("Stadshotellet Exempel")


def test_ctrl_f_searches_what_the_page_in_hand_holds(qtbot: Any, demo_controller: Any) -> None:
    """On the Ads page Ctrl+F goes to the ad search (another tab may be open); elsewhere it
    goes to the case search."""
    window = demo_controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    view = window.session_view()
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view.ads.tabs.setCurrentIndex(view.ads.tabs.count() - 1)  # the tips tab
    view.ads.search.query.setText("Rosa")
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert view.section() == ADS
    assert view.ads.tabs.currentWidget() is view.ads.search
    query = view.ads.search.query
    qtbot.waitUntil(query.hasFocus)
    assert query.selectedText() == "Rosa"  # typed over by the next search
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
    dialog = screen.link_dialog
    assert isinstance(dialog, LinkAdDialog) and dialog.isVisible()
    return view, dialog


def test_a_linked_ad_is_tied_to_the_seller_of_the_case_and_the_detail_names_her(
    qtbot: Any, demo_controller: Any
) -> None:
    view, dialog = _open_dialog(qtbot, demo_controller, "Hotell Påhittat")
    workspace = view.workspace
    case_id = dialog.case_id
    maja = _person(workspace, case_id, "Maja (alias)")
    ad = dialog.current_linked()
    assert ad is not None and ad.title == "Maja, ny i Västerås"
    # Only the case's own persons are offered, the seller first (never a name search).
    assert dialog.person_row.isVisible()
    offered = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert offered == ["Säljare: Maja (alias)", "Köpare: Anders Exempelsson"]
    assert dialog.person.code() == maja and not dialog.person.isEditable()
    assert dialog.link_person_button.isEnabled()
    assert not dialog.unlink_person_button.isEnabled()

    dialog.person.setFocus()
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)  # Enter on the person links her

    assert register.get_ad(workspace.ctx, ad.id).person_ids == (maja,)
    assert dialog.isVisible()  # the dialog stays: the officer may link a second ad
    assert dialog.message.text() == "Maja, ny i Västerås är kopplad till Säljare: Maja (alias)."
    assert dialog.linked_model.cells(dialog.linked_model.item(0))[-1] == "Säljare: Maja (alias)"
    assert dialog.linked_model.headerData(6, Qt.Orientation.Horizontal) == "Personer"
    assert dialog.unlink_person_button.isEnabled()
    assert not dialog.link_person_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # The ad's detail in the Ads section names the person as the case does.
    qtbot.keyClick(demo_controller.main_window, Qt.Key.Key_4, CTRL)
    search = view.ads.search
    search.query.setText("Maja, ny i Västerås")
    search.run_search()
    detail = search.detail
    assert detail.ad is not None and detail.ad.id == ad.id
    assert detail.values["persons"].text() == "Säljare: Maja (alias)"
    assert detail.captions["persons"].isVisible()

    # Undone from the case again: the detail no longer names her.
    view.open_case(case_id)
    qtbot.keyClick(demo_controller.main_window, Qt.Key.Key_K, CTRL)
    dialog = view.cases.case_screen.link_dialog
    assert dialog is not None and dialog.person.code() == maja
    dialog.unlink_person_button.click()
    assert register.get_ad(workspace.ctx, ad.id).person_ids == ()
    assert dialog.message.text() == "Kopplingen till Säljare: Maja (alias) borttagen: " + (
        "Maja, ny i Västerås"
    )
    dialog.reject()
    search.detail.show_ad(register.get_ad(workspace.ctx, ad.id))
    assert not detail.values["persons"].isVisibleTo(detail)


def test_undoing_the_case_link_undoes_the_persons_link_too(
    qtbot: Any, demo_controller: Any
) -> None:
    view, dialog = _open_dialog(qtbot, demo_controller, "Hotell Påhittat")
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
    qtbot: Any, demo_controller: Any
) -> None:
    view, dialog = _open_dialog(qtbot, demo_controller, "Hotell Påhittat")
    workspace = view.workspace
    ad = dialog.current_linked()
    assert ad is not None
    rosa = _person(workspace, case_by_place(workspace, "Stadshotellet Exempel"), "Rosa (alias)")
    assert not dialog.link_person(rosa)  # not one of this case's persons
    assert dialog.message.text() == "Personen finns inte i ärendet."
    assert dialog.message.property("severity") == "error"
    assert register.get_ad(workspace.ctx, ad.id).person_ids == ()
    dialog.reject()

    # The handed-over case shows its ad and seller, but changes nothing until reopened.
    view, dialog = _open_dialog(qtbot, demo_controller, "Lägenhet (korttidsuthyrning)")
    ad = dialog.current_linked()
    assert ad is not None and ad.title == "Ana, lägenhet i Västerås"
    assert dialog.person.currentText() == "Säljare: Ana (alias)"
    dialog.link_person_button.click()
    assert dialog.message.text() == (
        "Ärendet är avslutat eller överlämnat: öppna det igen för att koppla eller ta bort "
        "annonser."
    )
    assert register.get_ad(workspace.ctx, ad.id).person_ids == ()
    dialog.reject()
