"""Document fixtures: a real vault, a workflow context on a clock the scenario moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from fieldapp.storage.session import Session
from fieldapp.workflow.context import Context
from tests.documents.scenarios import CEST, Clock, new_operation


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 5, 14, 21, 30, tzinfo=CEST))


@pytest.fixture
def ctx(admin_session: Session, clock: Clock) -> Iterator[Context]:
    yield Context(admin_session, clock)


@pytest.fixture
def operation_id(ctx: Context) -> str:
    return new_operation(ctx, "2026-05-11", "2026-05-22")
