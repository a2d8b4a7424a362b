"""Settings: large text and English take effect at once and are remembered by the vault;
the idle lock time is changed for the running session."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from fieldapp.storage.vault import Vault
from tests.conftest import FIELD_ID, FIELD_PASS
from tests.ui.conftest import log_in
from ui.main_window import SETTINGS
from ui.theme import BASE_POINT_SIZE, LARGE_POINT_SIZE, set_large_text


def test_large_text_english_and_lock_time(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault, language: Any
) -> None:
    controller = make_controller(two_officer_vault, switch_language=language)
    log_in(controller, FIELD_ID, FIELD_PASS)
    window = controller.main_window
    view = window.session_view()
    view.go_to(SETTINGS)
    try:
        view.settings.large_text.setChecked(True)
        assert QApplication.font().pointSizeF() == LARGE_POINT_SIZE
        view = window.session_view()  # rebuilt at the new size, still on Settings
        assert view.section() == SETTINGS and view.settings.large_text.isChecked()

        view.settings.language.set_code("en")
        view = window.session_view()
        assert view.navigation.item(SETTINGS).text() == "Settings"
        assert window.menuBar().actions()[0].text() == "&File"

        view.settings.idle.setValue(2)
        view.settings.idle.editingFinished.emit()
        assert controller.idle_lock.timeout_ms == 120_000
        assert window.lock_label.text() in ("Locks in 2:00", "Locks in 1:59")

        controller.lock()
        set_large_text(QApplication.instance(), False)
        language("sv")
        log_in(controller, FIELD_ID, FIELD_PASS)  # the vault remembers both
        assert QApplication.font().pointSizeF() == LARGE_POINT_SIZE
        assert window.session_view().navigation.item(SETTINGS).text() == "Settings"
    finally:
        set_large_text(QApplication.instance(), False)
    assert QApplication.font().pointSizeF() == BASE_POINT_SIZE


def test_retention_shown_to_all_and_set_by_an_administrator(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    from fieldapp.sync.retention import retention_days
    from tests.conftest import ADMIN_ID, ADMIN_PASS

    controller = make_controller(two_officer_vault)
    log_in(controller, FIELD_ID, FIELD_PASS)
    view = controller.main_window.session_view()
    view.go_to(SETTINGS)
    page = view.settings
    assert page.retention.value() == 30 and not page.retention.isEnabled()
    assert "30" in page.retention_note.text()
    controller.lock()

    log_in(controller, ADMIN_ID, ADMIN_PASS)
    view = controller.main_window.session_view()
    view.go_to(SETTINGS)
    page = view.settings
    assert page.retention.isEnabled()
    page.retention.setValue(21)
    page.retention.editingFinished.emit()
    assert not page.retention_message.is_error()
    assert retention_days(controller.session) == 21
    changes = [e.data for e in controller.session.events() if e.entity_type == "vault"]
    assert {"setting": "retention_days", "value": 21} in changes


def test_access_log_dialog_for_administrators(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    from fieldapp.workflow import cases, operations, persons
    from fieldapp.workflow.context import Context
    from tests.conftest import ADMIN_ID, ADMIN_PASS
    from tests.workflow.conftest import BUYER

    controller = make_controller(two_officer_vault)
    log_in(controller, FIELD_ID, FIELD_PASS)
    view = controller.main_window.session_view()
    view.go_to(SETTINGS)
    assert view.settings.access_log_button.isHidden()  # not for a field officer
    controller.lock()

    log_in(controller, ADMIN_ID, ADMIN_PASS)
    ctx = Context(controller.session)
    operation = operations.create_operation(
        ctx,
        {"name": "Insats", "start": "2026-05-11", "end": "2026-05-22"},
        with_county_contacts=False,
    ).entity_id
    case_id = cases.open_case(
        ctx, operation, {"place_kind": "other", "address": "Gatan 1", "municipality": "Sala"}
    ).entity_id
    buyer = persons.add_buyer(ctx, case_id, BUYER).entity_id
    persons.open_person(ctx, buyer)
    view = controller.main_window.session_view()
    view.go_to(SETTINGS)
    assert not view.settings.access_log_button.isHidden()
    dialog = view.settings.open_access_log()
    qtbot.addWidget(dialog)
    dialog.case.setText(case_id)
    dialog.list_accesses()
    assert dialog.model.rowCount() == 1
    what = dialog.model.index(0, 3).data()
    assert what.endswith(buyer[-8:]) and "T100001" in dialog.model.index(0, 1).data()
    dialog.since.setText("i går")
    dialog.list_accesses()
    assert dialog.message.is_error() and dialog.model.rowCount() == 1  # kept as it was
    listings = [e for e in controller.session.events() if e.data.get("action") == "list_access_log"]
    assert len(listings) == 1  # the refused one listed nothing
    dialog.close()
