"""Dashboard benchmark (``python -m bench dashboard``), offscreen at 1366×768.

Operations of 1,000 and 10,000 cases (a seller offered support and a buyer each, recorded
through the use cases); ``DashboardPage.reload`` timed (wall and CPU, median of 7) with the
SQL statements it issues, beside the operation report's figures (``report_data``, what the
dashboard computed before) in the same run. Targets (quiet machine): ≤ 100 ms at 1,000
cases, ≤ 300 ms at 10,000. The load average at the start is printed: on a loaded machine
compare the CPU times and the ratio, not the targets.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from bench.documents import PASS
from fieldapp.composition import open_vault
from fieldapp.documents import service
from fieldapp.storage.keyslots import KdfCost
from fieldapp.workflow import operations, persons, support
from fieldapp.workflow.context import Context

SIZES = ((1_000, 100.0), (10_000, 300.0))
RUNS = 7
SELLER = {"name": "Ana (alias)", "estimated_age": 25}
BUYER = {"name": "Kalle Påhittsson", "personal_id": "19811218-9876", "identity_method": "id_card"}


def _add_cases(ctx: Context, operation_id: str, count: int) -> None:
    contact = next(
        c.entity_id
        for c in operations.contacts(ctx, operation_id)
        if c.get("role") == "seller_support"
    )
    with ctx.session.writing():
        for i in range(count):
            case_id = ctx_open(ctx, operation_id, i)
            seller = persons.add_seller(ctx, case_id, SELLER).entity_id
            outcome = "accepted" if i % 3 else "declined"
            support.record_support_offer(
                ctx, case_id, seller, {"contact_id": contact, "outcome": outcome}
            )
            persons.add_buyer(ctx, case_id, BUYER)


def ctx_open(ctx: Context, operation_id: str, i: int) -> str:
    from fieldapp.workflow import cases

    place = {"place_kind": "hotel", "place_name": f"Hotell {i % 40}", "address": "Storgatan 1",
             "room": str(100 + i % 500), "municipality": "Västerås"}  # fmt: skip
    return cases.open_case(ctx, operation_id, place).entity_id


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``action`` over ``RUNS`` runs."""
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        QApplication.processEvents()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _count(session: object, action: Callable[[], object]) -> int:
    statements: list[str] = []
    conn = session.conn  # type: ignore[attr-defined]
    conn.set_trace_callback(statements.append)
    try:
        action()
        QApplication.processEvents()
    finally:
        conn.set_trace_callback(None)
    return len(statements)


def _quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> None:
    qInstallMessageHandler(_quiet)
    existing = QApplication.instance()
    _app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    from ui.screens.dashboard import DashboardPage
    from ui.workspace import Workspace

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Dashboard reload; load average at start {load}")
    print(f"{'cases':>7}{'reload wall':>13}{'cpu':>9}{'stmts':>7}{'report_data cpu':>17}"
          f"{'stmts':>7}{'cpu ratio':>11}{'target':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        session = open_vault(Path(tmp) / "v").create("B100001", "Pia Mätare", PASS, cost=KdfCost())
        ctx = Context(session)
        operation_id = operations.create_operation(
            ctx, {"name": "Bänkinsats", "start": "2026-05-01", "end": "2026-07-31",
                  "county": "vastmanland", "agencies": ["Polisen"]},
        ).entity_id  # fmt: skip
        done = 0
        for size, target in SIZES:
            _add_cases(ctx, operation_id, size - done)
            done = size
            page = DashboardPage(Workspace(session))
            page.resize(1366, 768)
            page.show()
            QApplication.processEvents()
            wall, cpu = _timed(page.reload)
            statements = _count(session, page.reload)
            report = lambda: service.report_data(ctx, operation_id)  # noqa: E731
            _r_wall, r_cpu = _timed(report)
            r_statements = _count(session, report)
            verdict = "ok" if wall <= target else "OVER"
            print(
                f"{size:>7,}{wall:>10.1f} ms{cpu:>6.1f} ms{statements:>7}{r_cpu:>14.1f} ms"
                f"{r_statements:>7}{r_cpu / cpu:>10.1f}x{f'≤ {target:g} ms':>11} {verdict}"
            )
            page.close()
            page.deleteLater()
            QApplication.processEvents()
        session.lock()
