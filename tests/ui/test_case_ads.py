"""Linking a case to ads from the case screen, one keystroke away (Ctrl+K): suggestions from
the phone numbers of the case's persons, a search by phone number, Enter links, and the
case shows the linked ads' phones and prices; Delete undoes a link. Opening a hit from the
Ads section opens its case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from fieldapp.ads import links
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
