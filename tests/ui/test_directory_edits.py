"""Correcting and removing a company of the county's directory (outreach tab) and
withdrawing a tip (tips tab), on the small operation's own vault: each through its dialog,
the removal and the withdrawal confirmed with a reason, and what was stored checked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldapp.workflow import directory, tips
from tests.ui.builders import ATTEMPT, CHILD, COMPLETED, SmallOperation
from ui.ads.outreach_tab import OutreachTab
from ui.ads.tips_tab import TipsTab
from ui.dialogs.directory_edits import CompanyDialog, WithdrawDialog
from ui.workspace import Workspace

COUNTY = "vastmanland"


@pytest.fixture
def outreach(qtbot: Any, small_workspace: Workspace) -> Iterator[OutreachTab]:
    tab = OutreachTab(small_workspace)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.reload()
    yield tab


def _choose(tab: OutreachTab, name: str) -> str:
    row = next(
        r
        for r in range(tab.companies_model.rowCount())
        if tab.companies_model.cells(tab.companies_model.item(r))[0] == name
    )
    tab.companies.selectRow(row)
    company = tab.companies_model.item(row)
    assert company is not None
    return company.entity_id


def _void_events(workspace: Workspace, entity_id: str) -> list[Any]:
    return [e for e in workspace.session.events() if e.entity_id == entity_id and e.kind == "void"]


def test_a_company_is_corrected_in_its_dialog_with_the_checks_of_a_new_one(
    qtbot: Any, outreach: OutreachTab, small_workspace: Workspace
) -> None:
    actions = outreach.company_actions
    actions.edit_button.click()  # nothing chosen yet: a hint, no dialog
    assert actions.dialog.current is None and actions.hint.text() == "Välj först en rad i listan."

    company_id = _choose(outreach, CHILD)
    actions.edit_button.click()
    dialog = actions.dialog.current
    assert isinstance(dialog, CompanyDialog) and dialog.isVisible()
    form = dialog.form
    assert form.name.text() == CHILD and form.municipality.code() == "Köping"

    # Another entry's name is refused beside the field, as for a new entry.
    form.name.setText("hotell  TALLKOTTEN")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert form.fields["name"].message.text() == "Katalogen har redan den här verksamheten."

    form.name.setText("Hotell Blåklockan Köping")
    form.phone.setText("0221-123 45")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: actions.dialog.current is None)
    stored = small_workspace.ctx.require(directory.COMPANY_ENTITY, company_id, "id")
    assert stored.get("name") == "Hotell Blåklockan Köping"
    assert stored.get("phone") == "+4622112345" and stored.get("municipality") == "Köping"
    names = [outreach.companies_model.cells(c)[0] for c in outreach.companies_model.items()]
    assert "Hotell Blåklockan Köping" in names and CHILD not in names
    assert outreach.companies_model.item(outreach.companies.currentIndex().row()) == stored


def test_a_company_is_removed_only_with_a_reason_and_the_log_keeps_it(
    qtbot: Any, outreach: OutreachTab, small_workspace: Workspace
) -> None:
    actions = outreach.company_actions
    company_id = _choose(outreach, COMPLETED)
    # Its Alt key (Swedish "Ta bort &från katalogen…"), with the focus in the list.
    assert actions.remove_button.text() == "Ta bort &från katalogen…"
    outreach.activateWindow()
    qtbot.waitUntil(outreach.isActiveWindow)
    qtbot.keyClick(outreach.companies, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: actions.dialog.current is not None)  # after the click's animation
    dialog = actions.dialog.current
    assert isinstance(dialog, WithdrawDialog) and dialog.isVisible()
    assert dialog.question.text() == "Ta bort ur länets katalog?"
    assert dialog.what.text() == f"{COMPLETED}, Västerås"

    dialog.confirm_button.click()  # no reason: nothing happens but the question why
    assert dialog.isVisible() and dialog.message.text() == "Ange skälet: loggen sparar det."
    assert directory.companies(small_workspace.ctx, COUNTY)  # still listed
    assert _void_events(small_workspace, company_id) == []

    dialog.reason.setText("Stängt sedan mars")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.dialog.current is None)
    listed = {c.get("name") for c in directory.companies(small_workspace.ctx, COUNTY)}
    assert COMPLETED not in listed and ATTEMPT in listed
    (void,) = _void_events(small_workspace, company_id)
    assert void.data.get("reason") == "Stängt sedan mars"
    names = [outreach.companies_model.cells(c)[0] for c in outreach.companies_model.items()]
    assert COMPLETED not in names
    # The delivery log of the operation still names it: history stays.
    log = [outreach.log_model.cells(d)[1] for d in outreach.log_model.items()]
    assert COMPLETED in log


def test_cancelling_a_removal_changes_nothing(
    qtbot: Any, outreach: OutreachTab, small_workspace: Workspace
) -> None:
    actions = outreach.company_actions
    company_id = _choose(outreach, ATTEMPT)
    actions.remove_button.click()
    dialog = actions.dialog.current
    assert isinstance(dialog, WithdrawDialog)
    dialog.reason.setText("Fel")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: actions.dialog.current is None)
    assert _void_events(small_workspace, company_id) == []
    assert ATTEMPT in {c.get("name") for c in directory.companies(small_workspace.ctx, COUNTY)}


def test_a_tip_is_withdrawn_with_a_reason_and_leaves_the_list(
    qtbot: Any, small_workspace: Workspace, small_operation: SmallOperation
) -> None:
    ctx = small_workspace.ctx
    hotel = next(c for c in directory.companies(ctx, COUNTY) if c.get("name") == ATTEMPT)
    kept = tips.record_tip(ctx, {"company_id": hotel.entity_id, "what": "Rum 418, besök."})
    twice = tips.record_tip(ctx, {"company_id": hotel.entity_id, "what": "Rum 418 igen."})
    tab = TipsTab(small_workspace)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.reload()
    assert tab.model.rowCount() == 2
    tab.table.selectRow(tab.model.row_of_key(twice.entity_id))

    tab.tip_actions.withdraw_button.click()
    dialog = tab.tip_actions.dialog.current
    assert isinstance(dialog, WithdrawDialog) and dialog.isVisible()
    assert dialog.question.text() == "Ta tillbaka tipset?"
    assert dialog.what.text().endswith(f", {ATTEMPT}: Rum 418 igen.")
    dialog.reason.setText("Samma samtal inlagt två gånger")
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: tab.tip_actions.dialog.current is None)

    assert [t.entity_id for t in tips.tips(ctx, COUNTY)] == [kept.entity_id]
    (void,) = _void_events(small_workspace, twice.entity_id)
    assert void.data.get("reason") == "Samma samtal inlagt två gånger"
    assert [t.entity_id for t in tab.model.items()] == [kept.entity_id]
