"""Nothing typed is lost: a field saves a second after the last keystroke, at once on a
lock (before the second has passed), and typing that is not yet valid is kept as a draft in
the vault and comes back after unlock."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.storage.drafts import Drafts
from fieldapp.storage.events import read_events
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS
from tests.ui.builders import ATTEMPT, COMPLETED, COMPLETED_BUYER
from tests.ui.conftest import case_by_place, flush_deletions, log_in, widget_texts
from ui.screens.elements import ElementsStep
from ui.screens.person_forms import PersonStep


def _open(controller: Any, place: str, step: str | None = None) -> Any:
    view = controller.main_window.session_view()
    case_id = case_by_place(view.workspace, place)
    view.open_case(case_id, step)
    return view.cases.case_screen


def test_typing_then_locking_at_once_saves_the_text(
    qtbot: Any, small_controller: Any, vault: Vault
) -> None:
    controller = small_controller
    screen = _open(controller, COMPLETED)
    buyer_id = screen.view.buyers[0].id
    screen.open_case(screen.case_id, f"item:buyer_identified:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, PersonStep)
    workspace = controller.main_window.session_view().workspace
    saved: list[str] = []
    workspace.saved.connect(saved.append)
    panel.form.address.setFocus()
    qtbot.keyClicks(panel.form.address, "Provgatan 9")
    assert workspace.autosaver.pending()  # the second has not passed
    assert not saved

    controller.lock()  # before the debounce fires

    flush_deletions()
    assert not [t for t in widget_texts() if COMPLETED_BUYER.split()[1] in t or "Provgatan" in t]
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        events = list(read_events(session.conn, entity=(PERSON_ENTITY, buyer_id)))
        amend = [e for e in events if e.kind == "amend"][-1]
        assert amend.data["set"] == {"address": "Provgatan 9"}
        assert amend.parents  # the amend names what it corrects
    finally:
        session.lock()


def test_a_field_saves_within_a_second_of_the_last_keystroke(
    qtbot: Any, small_controller: Any
) -> None:
    controller = small_controller
    screen = _open(controller, COMPLETED)
    buyer_id = screen.view.buyers[0].id
    screen.open_case(screen.case_id, f"item:buyer_identified:{buyer_id}")
    window = controller.main_window
    screen.panel.form.phone.clear()
    qtbot.keyClicks(screen.panel.form.phone, "070-174 06 55")
    with qtbot.waitSignal(window.session_view().workspace.changed, timeout=1500):
        pass
    assert window.saved_label.text().startswith("sparat ")
    assert screen.timeline_model.texts()[0].endswith("telefon +46701740655")


def test_invalid_typing_is_kept_and_restored_after_unlock(
    qtbot: Any, small_controller: Any, vault: Vault
) -> None:
    controller = small_controller
    screen = _open(controller, ATTEMPT, "add:buyer")
    form = screen.panel.form
    qtbot.keyClicks(form.name, "Kalle Påhittsson")
    qtbot.keyClicks(form.personal_id, "19811218-98")  # half typed: not yet a person
    assert "Kontrollsiffran" not in form.id_message.text()  # a hint, not an alarm, yet
    attempt_id = screen.case_id
    buyers_before = len(screen.view.buyers)

    controller.lock()
    assert not controller.main_window.session_view()
    log_in(controller, ADMIN_ID, ADMIN_PASS)

    screen = controller.main_window.session_view().cases.case_screen
    assert screen.case_id == attempt_id and screen.current_step() == "add:buyer"
    form = screen.panel.form
    assert form.name.text() == "Kalle Påhittsson"
    assert form.personal_id.text() == "19811218-98"
    assert len(screen.view.buyers) == buyers_before  # a draft, never a half person


def test_an_unfinished_element_survives_the_lock(
    qtbot: Any, small_controller: Any, vault: Vault
) -> None:
    controller = small_controller
    screen = _open(controller, ATTEMPT)
    buyer_id = screen.view.buyers[0].id
    screen.open_case(screen.case_id, f"item:payment_secured:{buyer_id}")
    panel = screen.panel
    assert isinstance(panel, ElementsStep)
    panel.form.amount.clear()
    qtbot.keyClicks(panel.form.amount, "12")
    panel.form.note.setFocus()
    qtbot.keyClicks(panel.form.note, "Sedlarna låg i ett kuvert")

    controller.lock()
    log_in(controller, ADMIN_ID, ADMIN_PASS)

    panel = controller.main_window.session_view().cases.case_screen.panel
    assert isinstance(panel, ElementsStep)
    assert panel.form.amount.text() == "12"
    assert panel.form.note.text() == "Sedlarna låg i ett kuvert"


def test_closing_the_window_saves_what_is_pending(
    qtbot: Any, small_controller: Any, vault: Vault
) -> None:
    controller = small_controller
    screen = _open(controller, ATTEMPT)
    case_id = screen.case_id
    qtbot.keyClicks(screen.note, "Halvskriven anteckning")  # not yet a note: a draft

    with qtbot.waitSignal(controller.quit_requested, timeout=1000):
        controller.main_window.close()

    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        assert Drafts(session.conn).load(f"case/{case_id}/quick-note") == {
            "text": "Halvskriven anteckning"
        }
    finally:
        session.lock()
