"""The Operations page's contacts directory and team on a small operation of the test's own
(tests/ui/builders.py): an entry added, changed from the table (prefilled), removed with a
reason (a void event; the log still verifies), and a refusal shown beside its field while
nothing is stored. The support step offers the directory as it now is. Invented data only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from fieldapp.domain.persons import SELLER
from fieldapp.storage.events import read_events
from fieldapp.workflow import operations
from tests.ui.builders import ATTEMPT
from tests.ui.conftest import case_by_place
from ui.screens.operations import CONTACTS_TAB, TEAM_TAB, OperationsPage
from ui.screens.support import SupportForm
from ui.workspace import Workspace


@pytest.fixture
def workspace(small_workspace: Workspace) -> Workspace:
    """The small operation's workspace, not the demo's."""
    return small_workspace


@pytest.fixture
def page(qtbot: Any, workspace: Workspace) -> Iterator[OperationsPage]:
    page = OperationsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1166, 700)
    page.show()
    yield page


def _events(workspace: Workspace) -> int:
    return len(list(workspace.session.events()))


def _kinds(workspace: Workspace, entity_type: str, entity_id: str) -> list[str]:
    events = read_events(workspace.session.conn, entity=(entity_type, entity_id))
    return [e.kind for e in events]


def _offered(qtbot: Any, workspace: Workspace) -> list[str]:
    """The contacts a support form of a case with a seller offers now (built as the step
    builds it)."""
    case_id = case_by_place(workspace, ATTEMPT)
    person = next(p for p in workspace.ctx.records.find("person", case_id=case_id)
                  if p.get("role") == SELLER)  # fmt: skip
    holder = QWidget()
    qtbot.addWidget(holder)
    form = SupportForm(workspace, case_id, person, holder)
    return form.contact.codes()


def _mnemonics(root: QWidget) -> list[str]:
    letters = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found = re.search(r"&(\w)", widget.text())
            if found:
                letters.append(found[1].lower())
    return letters


def test_a_contact_is_added_changed_and_removed_with_a_reason(
    qtbot: Any, page: OperationsPage, workspace: Workspace
) -> None:
    operation_id = str(workspace.operation_id)
    page.tabs.setCurrentIndex(CONTACTS_TAB)
    editor = page.contacts
    form = editor.form
    before = len(operations.contacts(workspace.ctx, operation_id))
    assert editor.model.rowCount() == before
    assert editor.save_button.text() == "&Lägg till i kontaktlistan (Enter)"

    form.role.set_code("interpreter")
    form.organisation.setText("Tolkförmedling Exempel")  # keyClicks types ASCII only
    qtbot.keyClicks(form.phone, "021-10 20 30")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)  # Enter adds

    found = operations.contacts(workspace.ctx, operation_id)
    added = next(c for c in found if c.get("organisation") == "Tolkförmedling Exempel")
    assert (added.get("role"), added.get("phone")) == ("interpreter", "+4621102030")
    assert editor.model.rowCount() == before + 1
    assert form.organisation.text() == "" and form.record_id is None  # ready for the next
    assert "Tolkförmedling Exempel" in form.status.text()
    assert added.entity_id in _offered(qtbot, workspace)

    # Chosen in the table: the form holds it, to change it.
    editor.table.selectRow(editor.model.row_of_key(added.entity_id))
    assert form.record_id == added.entity_id
    assert form.organisation.text() == "Tolkförmedling Exempel"
    assert form.role.code() == "interpreter"
    assert editor.save_button.text() == "&Spara ändringarna (Enter)"
    page.reload()  # as after a sync: still the chosen contact, and Enter still changes it
    assert form.record_id == added.entity_id
    assert editor.save_button.text() == "&Spara ändringarna (Enter)"
    assert form.remove_button.isEnabled()
    qtbot.keyClicks(form.hours, "dygnet runt")
    editor.save_button.click()
    changed = workspace.ctx.require("contact", added.entity_id, "id")
    assert changed.get("hours") == "dygnet runt"
    assert changed.get("phone") == added.get("phone")  # shown formatted, read back the same
    assert form.record_id == added.entity_id  # still chosen

    # Removed with a reason: a void event, the log keeps it.
    qtbot.keyClicks(form.reason, "Fel nummer")
    qtbot.keyClick(form.reason, Qt.Key.Key_Return)
    left = operations.contacts(workspace.ctx, operation_id)
    assert added.entity_id not in {c.entity_id for c in left}
    voided = workspace.ctx.records.get("contact", added.entity_id)
    assert voided is not None and voided.voided and voided.void_reason == "Fel nummer"
    assert _kinds(workspace, "contact", added.entity_id) == ["create", "amend", "void"]
    assert editor.model.rowCount() == before
    assert form.record_id is None and form.reason.text() == ""
    assert added.entity_id not in _offered(qtbot, workspace)
    assert workspace.session.verify().ok


def test_a_refused_contact_shows_why_beside_the_field_and_stores_nothing(
    qtbot: Any, page: OperationsPage, workspace: Workspace
) -> None:
    editor = page.contacts
    form = editor.form
    events = _events(workspace)
    form.role.set_code("interpreter")
    form.organisation.setText("Tolkförmedling Exempel")  # keyClicks types ASCII only
    qtbot.keyClicks(form.phone, "12")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    message = form.fields["phone"].message
    assert message.isVisible() and "telefonnummer" in message.text()
    assert _events(workspace) == events

    # A contact chosen: emptying every way to reach it is refused, the record unchanged.
    editor.table.selectRow(1)
    chosen = workspace.ctx.require("contact", str(form.record_id), "id")
    assert not form.fields["phone"].message.isVisible()  # the other entry's message is gone
    for name in ("phone", "email", "web"):
        form.fields[name].write(None)
    editor.save_button.click()
    assert form.fields["phone"].message.isVisible()
    assert workspace.ctx.require("contact", chosen.entity_id, "id").data == chosen.data

    # Remove without a reason: asked for, nothing stored.
    editor.form.remove_button.click()
    reason = form.fields["reason"].message
    assert reason.isVisible() and "skäl" in reason.text().lower()
    assert _events(workspace) == events
    form.discard_draft()


def test_a_team_member_is_added_changed_and_removed_with_a_reason(
    qtbot: Any, page: OperationsPage, workspace: Workspace
) -> None:
    operation_id = str(workspace.operation_id)
    page.tabs.setCurrentIndex(TEAM_TAB)
    editor = page.team
    form = editor.form
    before = len(operations.team(workspace.ctx, operation_id))
    assert editor.model.rowCount() == before

    qtbot.keyClicks(form.officer_id, "D100099")
    form.name.setText("Hanna Hittepå")
    form.role.set_code("investigator")
    qtbot.keyClicks(form.phone, "070-174 06 09")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)

    member = next(m for m in operations.team(workspace.ctx, operation_id)
                  if m.get("officer_id") == "D100099")  # fmt: skip
    assert (member.get("name"), member.get("role"), member.get("phone")) == (
        "Hanna Hittepå",
        "investigator",
        "+46701740609",
    )
    assert editor.model.rowCount() == before + 1

    editor.table.selectRow(editor.model.row_of_key(member.entity_id))
    assert form.name.text() == "Hanna Hittepå" and form.role.code() == "investigator"
    form.role.set_code("field_officer")
    qtbot.keyClick(form.officer_id, Qt.Key.Key_Return)
    assert workspace.ctx.require("team_member", member.entity_id, "id").get("role") == (
        "field_officer"
    )

    qtbot.keyClicks(form.reason, "Sjuk")
    form.remove_button.click()
    left = operations.team(workspace.ctx, operation_id)
    assert member.entity_id not in {m.entity_id for m in left}
    assert _kinds(workspace, "team_member", member.entity_id) == ["create", "amend", "void"]
    assert editor.model.rowCount() == before
    assert workspace.session.verify().ok


def test_a_refused_team_member_shows_why_beside_the_field_and_stores_nothing(
    qtbot: Any, page: OperationsPage, workspace: Workspace
) -> None:
    page.tabs.setCurrentIndex(TEAM_TAB)
    form = page.team.form
    events = _events(workspace)
    qtbot.keyClicks(form.officer_id, "D100099")
    qtbot.keyClicks(form.phone, "12")
    qtbot.keyClick(form.phone, Qt.Key.Key_Return)
    assert form.fields["name"].message.isVisible()
    assert form.fields["role"].message.isVisible()
    assert form.fields["phone"].message.isVisible()
    assert _events(workspace) == events

    # New, empty form: the typing and the messages go.
    page.team.new_button.click()
    assert form.officer_id.text() == "" and not form.fields["phone"].message.isVisible()
    form.remove_button.click()  # nothing chosen: disabled, and nothing happens anyway
    assert _events(workspace) == events


def test_every_mnemonic_of_a_tab_is_its_own(page: OperationsPage) -> None:
    for tab in (CONTACTS_TAB, TEAM_TAB):
        page.tabs.setCurrentIndex(tab)
        letters = _mnemonics(page)
        assert len(letters) == len(set(letters)), letters
