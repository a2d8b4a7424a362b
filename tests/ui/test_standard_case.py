"""The standard case, end to end through the real main window: one buyer; agreement, price
and payment; the completed-offence badge; notice of suspicion; support to both sides; the
prosecutor's decision with day-fines; the approval form printed through the print path;
the case closed; then lock, unlock, and everything is still there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from fieldapp.domain.persons import BUYER, SELLER
from fieldapp.storage.vault import Vault
from tests.conftest import FIELD_ID, FIELD_PASS
from tests.documents import pdfcheck
from tests.ui.conftest import log_in, to_pdf_file
from ui.screens.case_screen import CaseScreen
from ui.screens.elements import ElementsStep
from ui.screens.person_forms import PersonStep
from ui.screens.procedure import DecisionStep, NoticeStep
from ui.screens.support import SupportStep

CTRL = Qt.KeyboardModifier.ControlModifier


def _enter(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _step(qtbot: Any, screen: CaseScreen, prefix: str) -> None:
    qtbot.waitUntil(lambda: (screen.current_step() or "").startswith(prefix), timeout=2000)


def test_the_standard_case_through_the_main_window(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault, tmp_path: Path
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, FIELD_ID, FIELD_PASS)
    window = controller.main_window
    qtbot.waitUntil(window.isActiveWindow)
    printed = tmp_path / "approval-printed.pdf"
    window.ask_printer = to_pdf_file(printed)
    view = window.session_view()

    # The operation this laptop works in (set up before the raid).
    form = view.operations.form
    form.name.setText("Insatsvecka Test")
    form.start.setText(view.workspace.now().date().isoformat())
    form.end.setText(view.workspace.now().date().isoformat())
    form.county.set_code("vastmanland")
    form.create_operation()
    assert view.workspace.operation_id is not None

    # Ctrl+N: the new case; the place typed, Enter opens it.
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    new = view.cases.new_form
    assert new.place.name.hasFocus()
    qtbot.keyClicks(new.place.name, "Hotell Provet")
    qtbot.keyClicks(new.place.address, "Provgatan 2")
    qtbot.keyClicks(new.place.room, "312")
    new.place.municipality.set_code("Västerås")
    _enter(qtbot, new.place.room)
    screen = view.cases.case_screen
    case_id = screen.case_id
    assert case_id is not None and view.cases.showing_case()

    # Entry: one key.
    _step(qtbot, screen, "item:entry")
    _enter(qtbot, screen.panel.tick_button)

    # The buyer: typed, saved as soon as it is valid; Enter moves on.
    _step(qtbot, screen, "add:buyer")
    buyer_step = screen.panel
    assert isinstance(buyer_step, PersonStep)
    qtbot.keyClicks(buyer_step.form.name, "Kalle Påhittsson")
    qtbot.keyClicks(buyer_step.form.personal_id, "19811218-9876")
    assert buyer_step.form.id_message.text().startswith("✓")
    buyer_step.form.method.setFocus()
    qtbot.keyClicks(buyer_step.form.method, "k")  # körkort: the first letter picks it
    assert buyer_step.form.method.code() == "driving_licence"
    assert buyer_step.person_id is not None
    _enter(qtbot, buyer_step.form.method)

    # The seller: never a suspect; a name or alias and her age.
    _step(qtbot, screen, "add:seller")
    seller_step = screen.panel
    assert isinstance(seller_step, PersonStep) and seller_step.role == SELLER
    qtbot.keyClicks(seller_step.form.name, "Ana (alias)")
    qtbot.keyClicks(seller_step.form.estimated_age, "25")
    _enter(qtbot, seller_step.form.estimated_age)
    assert seller_step.person_id is not None

    # Agreement, stated price, payment handed over: source letter, what or how much, Enter.
    _step(qtbot, screen, "item:agreement_secured")
    elements = screen.panel
    assert isinstance(elements, ElementsStep)
    elements.form.source.set_code("overheard")
    qtbot.keyClicks(elements.form.what, "samlag på rummet")
    _enter(qtbot, elements.form.what)
    _step(qtbot, screen, "item:price_secured")
    assert screen.header.badge.text() == "Underlaget räcker inte än"
    elements.form.source.set_code("ad")
    qtbot.keyClicks(elements.form.amount, "1500")
    _enter(qtbot, elements.form.amount)
    assert screen.header.badge.text() == "Försök"
    _step(qtbot, screen, "item:payment_secured")
    elements.form.source.set_code("observed")
    assert elements.form.amount.text() == "1500"  # what was asked is what is usually paid
    _enter(qtbot, elements.form.amount)
    assert screen.header.badge.text() == "Fullbordat brott"
    assert screen.header.badge.property("badge") == "completed"

    # Notice of suspicion with his rights.
    _step(qtbot, screen, "item:notice_of_suspicion")
    notice = screen.panel
    assert isinstance(notice, NoticeStep)
    qtbot.keyClick(notice.form.all_rights, Qt.Key.Key_Space)
    _enter(qtbot, notice.form.all_rights)

    # The hearing (mandatory before closing): where is filled in.
    _step(qtbot, screen, "item:buyer_heard")
    _enter(qtbot, screen.panel.form.where)

    # Support to both sides.
    _step(qtbot, screen, "item:seller_heard")
    screen.next_step()
    _step(qtbot, screen, "item:seller_support")
    support = screen.panel
    assert isinstance(support, SupportStep)
    support.form.outcome.set_code("accepted")
    _enter(qtbot, support.form.outcome)
    _step(qtbot, screen, "item:buyer_support")
    screen.panel.form.outcome.set_code("declined")
    _enter(qtbot, screen.panel.form.outcome)

    # The prosecutor's decision with day-fines; the form printed through the print path.
    _step(qtbot, screen, "item:decision")
    decision = screen.panel
    assert isinstance(decision, DecisionStep)
    qtbot.keyClicks(decision.income.annual, "480000")
    decision.income.flush()
    assert decision.explanation.text().endswith("Dagsbotsbelopp: 480 kr")
    assert decision.form.amount.text() == "480"  # the calculated amount, filled in
    qtbot.keyClicks(decision.form.decided_by, "Åsa Åklagare")
    qtbot.keyClicks(decision.form.day_fines, "50")
    _enter(qtbot, decision.form.day_fines)
    buyer = screen.view.buyers[0]
    assert buyer.decision is not None
    assert buyer.decision.get("sanction")["day_fines"] == 50
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    preview = view.workspace.preview
    assert preview is not None and preview.isVisible()
    with qtbot.waitSignal(preview.printed, timeout=5000):
        preview.print_button.click()
    pdf = printed.read_bytes()
    assert pdf.startswith(b"%PDF") and pdfcheck.pages(pdf) >= 1
    # The print path paints the previewed pages as images: the same pages, not text.
    assert pdfcheck.pages(pdf) == preview.page_count()
    preview.close()
    decision.accepts_button.click()

    # Close the case: nothing mandatory is open any more.
    screen._select("close", focus=True)
    closing = screen.panel
    assert "kan stängas" in closing.blockers.text()
    _enter(qtbot, closing.close_button)
    assert screen.view.case.get("status") == "closed"
    events_before = len(screen.timeline_model.texts())

    # Lock and unlock: everything is still there, where it was.
    controller.lock()
    assert window.is_locked() and window.session_view() is None
    log_in(controller, FIELD_ID, FIELD_PASS)
    view = window.session_view()
    screen = view.cases.case_screen
    assert screen.case_id == case_id and view.cases.showing_case()
    assert screen.header.state.text() == "avslutat"
    assert screen.header.badge.text() == "Fullbordat brott"
    assert len(screen.timeline_model.texts()) >= events_before
    case_view = screen.view
    assert [b.person.get("name") for b in case_view.buyers] == ["Kalle Påhittsson"]
    assert case_view.sellers[0].get("role") == SELLER
    assert case_view.buyers[0].person.get("role") == BUYER
    assert case_view.buyers[0].notices and case_view.buyers[0].answer is not None
    assert len(case_view.support) == 2
