"""The background runner on a real vault: the work runs on another thread with a session
of its own, progress and partial results come back on the GUI thread, a Change is
announced, the affected widget takes no input meanwhile; refusals and bugs come back as
outcomes; a lock while an op runs waits for it and loses nothing."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from fieldapp.ads import register
from fieldapp.errors import KnownError
from fieldapp.workflow import cases
from fieldapp.workflow.context import Change
from tests.conftest import ADMIN_PASS
from tests.ui.builders import ATTEMPT
from tests.ui.conftest import case_by_place, log_in
from ui.runner import Job, Op, Outcome, Runner
from ui.workspace import Workspace


@pytest.fixture
def workspace(small_workspace: Workspace) -> Workspace:
    """The small operation's workspace (tests/ui/builders.py), not the demo's."""
    return small_workspace


def test_an_op_runs_off_the_gui_thread_and_says_what_changed(
    qtbot: Any, workspace: Workspace
) -> None:
    case_id = case_by_place(workspace, ATTEMPT)
    field = QLineEdit()
    qtbot.addWidget(field)
    seen: dict[str, Any] = {}
    steps: list[object] = []
    progress: list[tuple[int, int]] = []
    outcomes: list[Outcome] = []
    announced: list[Change] = []
    workspace.changed.connect(announced.append)
    release = threading.Event()

    def work(job: Job) -> Change:
        seen["thread"] = threading.get_ident()
        seen["own session"] = job.session is not workspace.session
        release.wait(timeout=30)
        job.progress(1, 2)
        job.step("halvvägs")
        return cases.add_observation(job.ctx, case_id, "Antecknat i bakgrunden")

    op = Op(
        work,
        on_done=outcomes.append,
        on_progress=lambda done, total: progress.append((done, total)),
        on_step=steps.append,
        block=field,
    )
    assert workspace.runner.run(op)
    assert not field.isEnabled()  # no input while it works
    assert not workspace.runner.run(Op(lambda job: None))  # one op at a time
    release.set()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)

    [outcome] = outcomes
    assert outcome.ok and isinstance(outcome.value, Change)
    assert seen == {"thread": seen["thread"], "own session": True}
    assert seen["thread"] != threading.get_ident()
    assert progress == [(1, 2)] and steps == ["halvvägs"]
    assert announced == [outcome.value]  # screens refresh from it, as from any use case
    assert field.isEnabled() and not workspace.runner.is_busy()
    notes = workspace.ctx.records.find("observation", case_id=case_id)
    assert any(n.get("text") == "Antecknat i bakgrunden" for n in notes)
    assert workspace.session.verify().ok  # one chain, whichever connection wrote


def test_a_refusal_and_a_bug_come_back_as_outcomes(
    qtbot: Any, workspace: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    outcomes: list[Outcome] = []

    def refuse(job: Job) -> None:
        raise KnownError("Not this time.")

    assert workspace.runner.run(Op(refuse, on_done=outcomes.append))
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    assert isinstance(outcomes[0].error, KnownError) and not outcomes[0].bug

    def buggy(job: Job) -> None:
        raise ZeroDivisionError("hemlig uppgift 19800101-0000")

    with caplog.at_level(logging.ERROR):
        assert workspace.runner.run(Op(buggy, on_done=outcomes.append, what="test op"))
        qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=30_000)
    assert outcomes[1].bug
    assert "ZeroDivisionError" in caplog.text and "hemlig" not in caplog.text


def test_wait_cancels_and_blocks_until_the_op_has_ended(qtbot: Any, workspace: Workspace) -> None:
    started = threading.Event()
    stopped: list[bool] = []
    delivered: list[Outcome] = []

    def work(job: Job) -> None:
        started.set()
        while not job.cancelled():
            threading.Event().wait(0.01)
        stopped.append(True)

    assert workspace.runner.run(Op(work, on_done=delivered.append))
    assert started.wait(timeout=30)
    workspace.runner.wait()

    assert stopped == [True]
    assert not workspace.runner.is_busy()
    qtbot.waitUntil(lambda: not Runner.any_running())
    qtbot.wait(50)
    assert delivered == []  # waited for: the pages it would update are going


def test_locking_during_a_csv_import_waits_for_it_and_loses_nothing(
    qtbot: Any, small_controller: Any, tmp_path: Path
) -> None:
    from ui.main_window import ADS

    window = small_controller.main_window
    view = window.session_view()
    view.go_to(ADS)
    importer = view.ads.register.importer
    big = tmp_path / "annonser.csv"
    big.write_text(
        "rubrik;text;telefon;kommun;webbplats;url\n"
        + "".join(
            f"Annons {n};Ring mig;070-174 06 {60 + n % 40};Västerås;annonser.example;"
            f"https://annonser.example/las/{n}\n"
            for n in range(300)
        ),
        "utf-8",
    )
    session = small_controller.session
    operation_id = str(view.workspace.operation_id)
    before = register.count_ads(view.workspace.ctx, operation_id)

    importer.import_path(big)
    assert view.workspace.runner.is_busy()
    assert not view.isEnabled()  # the pages take no input while it writes
    assert not window.new_case_action.isEnabled() and window.lock_action.isEnabled()

    small_controller.lock()

    assert session.locked and window.is_locked()
    assert not Runner.any_running()  # the lock waited for the import
    log_in(small_controller, session.officer_id, ADMIN_PASS)
    after = small_controller.main_window.session_view().workspace
    assert register.count_ads(after.ctx, operation_id) == before + 300  # whole
    assert after.session.verify().ok


def test_the_operation_report_is_built_in_the_background_and_previewed(
    qtbot: Any, workspace: Workspace
) -> None:
    from ui.screens.dashboard import DashboardPage

    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(workspace.document_shown, timeout=60_000) as shown:
        page.print_here()
        assert workspace.runner.is_busy()
    preview = shown.args[0]
    assert workspace.preview is preview
    assert preview._pdf.startswith(b"%PDF")
    preview.close()
