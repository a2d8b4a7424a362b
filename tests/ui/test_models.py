"""Every item model passes qtmodeltester, on a small operation of the test's own (an
attempt, a completed offence, a child case, trafficking indicators); the case list computes
a row only when it is asked for."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.case import CASE_ENTITY
from fieldapp.workflow import cases
from tests.ui.builders import (
    ATTEMPT_ROOM,
    COMPLETED,
    COMPLETED_BUYER,
    COMPLETED_NOTE,
    COMPLETED_ROOM,
    SmallOperation,
)
from ui.models import (
    ID_ROLE,
    CaseListModel,
    ChecklistModel,
    ContactsModel,
    OperationsModel,
    StepRow,
    TimelineModel,
)
from ui.timeline import Describer
from ui.workspace import Workspace


def test_case_list_model(
    qtmodeltester: Any, small_workspace: Workspace, small_operation: SmallOperation
) -> None:
    workspace = small_workspace
    model = CaseListModel(workspace)
    model.load(workspace.operation_id)
    assert model.rowCount() == len(small_operation.case_ids)
    assert not model._rows  # nothing computed before a view asks
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0), ID_ROLE) == model.case_id(0)
    statuses = {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert "Fullbordat brott" in statuses and "Försök" in statuses
    flags = {model.data(model.index(r, 3)) for r in range(model.rowCount())}
    assert "Barnärende 6:9" in flags and "Människohandel?" in flags


def test_case_list_search_by_place_room_and_name(
    small_workspace: Workspace, small_operation: SmallOperation
) -> None:
    workspace = small_workspace
    model = CaseListModel(workspace)
    model.load(workspace.operation_id, COMPLETED_BUYER.split()[1].lower())  # the buyer's surname
    assert [model.data(model.index(0, 1)) for _ in range(model.rowCount())] == [
        f"{COMPLETED}, rum {COMPLETED_ROOM}"
    ]
    model.set_filter(ATTEMPT_ROOM)
    assert model.rowCount() == 1
    model.set_filter("")
    assert model.rowCount() == len(small_operation.case_ids)


def test_checklist_model(qtmodeltester: Any) -> None:
    model = ChecklistModel()
    model.set_rows(
        [
            StepRow("phase:scene", "phase", "På platsen"),
            StepRow("item:entry:", "item", "Inträde", "21:42 Dana D.", done=True, phase="scene"),
            StepRow("add:buyer", "action", "Lägg till köparen", mandatory=True, phase="scene"),
            StepRow("close", "action", "Avsluta ärendet"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert not model.flags(model.index(0, 0)) & model.flags(model.index(1, 0)).ItemIsSelectable
    assert model.data(model.index(1, 0)).startswith("✓  Inträde\n")
    assert [r.key for r in model.rows() if r.is_open_step] == ["add:buyer"]


def test_timeline_model(
    qtmodeltester: Any, small_workspace: Workspace, small_operation: SmallOperation
) -> None:
    workspace = small_workspace
    case_id = small_operation.case(COMPLETED)
    names = {p.entity_id: str(p.get("name")) for p in workspace.ctx.records.find("person")}
    model = TimelineModel(Describer(lambda pid: names.get(pid, "?")))
    model.set_officer_names(workspace.officer_name)
    events = workspace.case_events(case_id)
    model.load(events)
    qtmodeltester.check(model, force_py=True)
    texts = model.texts()
    assert len(texts) == len(events)
    assert f"Anteckning: {COMPLETED_NOTE}" in texts[0]
    assert any("Beslut: förhandsgodkännande av strafföreläggande" in t for t in texts)
    change = workspace.run(cases.add_observation, case_id, "Ny anteckning")
    model.add(change.events)
    assert "Anteckning: Ny anteckning" in model.texts()[0]


def test_contacts_and_operations_models(qtmodeltester: Any, small_workspace: Workspace) -> None:
    workspace = small_workspace
    contacts = ContactsModel(workspace, big_numbers=True)
    contacts.load(workspace.operation_id)
    assert contacts.rowCount() > 5
    qtmodeltester.check(contacts, force_py=True)
    numbers = [contacts.data(contacts.index(r, 2)) for r in range(contacts.rowCount())]
    assert "114 14" in numbers and "112" in numbers
    operations = OperationsModel(workspace)
    operations.load()
    qtmodeltester.check(operations, force_py=True)
    count = len(workspace.ctx.records.find(CASE_ENTITY))
    assert operations.data(operations.index(0, 3)) == str(count)
    assert operations.data(operations.index(0, 2)) == "Västmanlands län"
