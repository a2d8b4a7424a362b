"""The dashboard asks the vault a fixed number of SQL statements, however many cases the
operation has: counted with SQLite's trace callback on the real SQLCipher connection while
``DashboardPage.reload`` runs (and paints) at 100 and at 1,000 cases. The operation
report's figures (``report_data``, which the printed report uses) likewise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.composition import open_vault
from fieldapp.documents import service
from fieldapp.storage.session import Session
from fieldapp.workflow import operations, persons, support
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.documents.scenarios import BUYER, SELLER, new_operation, open_hotel_case
from ui.screens.dashboard import DashboardPage
from ui.workspace import Workspace

# Lazily painted rows ask the vault for the rows on screen: a handful, at any size.
ALLOWED_DIFFERENCE = 0


def _add_cases(ctx: Context, operation_id: str, count: int) -> None:
    """``count`` hotel cases with a seller offered support and a buyer, through the use
    cases, in one transaction (one commit, not thousands: the setup stays quick)."""
    contact = next(
        c.entity_id
        for c in operations.contacts(ctx, operation_id)
        if c.get("role") == "seller_support"
    )
    with ctx.session.writing():
        for i in range(count):
            case_id = open_hotel_case(ctx, operation_id, room=str(100 + i % 500))
            seller = persons.add_seller(ctx, case_id, SELLER).entity_id
            outcome = "accepted" if i % 3 else "declined"
            support.record_support_offer(
                ctx, case_id, seller, {"contact_id": contact, "outcome": outcome}
            )
            persons.add_buyer(ctx, case_id, BUYER)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    session = open_vault(tmp_path / "data").create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    yield session
    session.lock()


def _statements_of_reload(qtbot: Any, session: Session) -> tuple[int, DashboardPage]:
    workspace = Workspace(session)
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    statements: list[str] = []
    session.conn.set_trace_callback(statements.append)
    try:
        page.reload()
        page.repaint()  # the case rows on screen are computed as they are painted
    finally:
        session.conn.set_trace_callback(None)
    return len(statements), page


def _statements_of_report(ctx: Context, operation_id: str) -> int:
    statements: list[str] = []
    ctx.session.conn.set_trace_callback(statements.append)
    try:
        service.report_data(ctx, operation_id)
    finally:
        ctx.session.conn.set_trace_callback(None)
    return len(statements)


def test_dashboard_statements_do_not_grow_with_cases(qtbot: Any, session: Session) -> None:
    ctx = Context(session)
    operation_id = new_operation(ctx, "2026-05-11", "2026-05-22")
    _add_cases(ctx, operation_id, 100)
    report_at_100 = _statements_of_report(ctx, operation_id)
    at_100, page = _statements_of_reload(qtbot, session)
    assert page.figures["cases"].number.text() == "100"
    assert page.figures["seller_support"].number.text() == "100 / 100"
    _add_cases(ctx, operation_id, 900)
    at_1000, page = _statements_of_reload(qtbot, session)
    assert page.figures["cases"].number.text() == "1000"
    assert page.figures["buyers"].number.text() == "1000"
    assert page.figures["seller_support"].number.text() == "1000 / 1000"
    assert page.figures["seller_support"].detail.text().startswith("666 ")
    assert at_1000 - at_100 <= ALLOWED_DIFFERENCE, (at_100, at_1000)
    report_at_1000 = _statements_of_report(ctx, operation_id)
    assert report_at_1000 - report_at_100 <= ALLOWED_DIFFERENCE, (report_at_100, report_at_1000)
