"""Workflow fixtures: a real vault, a workflow context on a fixed clock, an operation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from fieldapp.demo import DemoClock
from fieldapp.errors import InvalidInput
from fieldapp.storage.session import Session
from fieldapp.workflow import cases, operations, persons
from fieldapp.workflow.context import Context

CET_SUMMER = timezone(timedelta(hours=2))


def event_count(ctx: Context) -> int:
    return len(list(ctx.session.events()))


def refused(call: Callable[..., Any], *args: Any) -> InvalidInput:
    """The refusal ``call(*args)`` raises (the test fails if it raises none)."""
    with pytest.raises(InvalidInput) as err:
        call(*args)
    return err.value


# The demo's clock is the tests' too: the raid's time, moved on by the test.
Clock = DemoClock


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 5, 14, 21, 30, tzinfo=CET_SUMMER))


@pytest.fixture
def ctx(admin_session: Session, clock: Clock) -> Iterator[Context]:
    yield Context(admin_session, clock)


@pytest.fixture
def operation_id(ctx: Context) -> str:
    change = operations.create_operation(
        ctx,
        {
            "name": "Insatsvecka maj",
            "start": "2026-05-11",
            "end": "2026-05-22",
            "county": "vastmanland",
            "agencies": ["Polisen", "Socialjouren"],
        },
    )
    return change.entity_id


@pytest.fixture
def case_id(ctx: Context, operation_id: str, clock: Clock) -> str:
    return cases.open_case(
        ctx,
        operation_id,
        {
            "place_kind": "hotel",
            "place_name": "Hotell Påhittat",
            "address": "Storgatan 1",
            "room": "312",
            "municipality": "Västerås",
        },
    ).entity_id


BUYER = {
    "name": "Kalle Påhittsson",
    "personal_id": "19811218-9876",
    "identity_method": "id_card",
    "civil_status": "cohabiting",
    "children_under_18": 1,
    "language": "sv",
    "income": {"annual_income_sek": 420_000, "costs_sek": 0, "children_supported": 1},
}
SELLER = {
    "name": "Ana (alias)",
    "estimated_age": 25,
    "nationality": "RO",
    "language": "ro",
    "interpreter_needed": True,
    "interpreter_language": "ro",
}


@pytest.fixture
def buyer_id(ctx: Context, case_id: str) -> str:
    return persons.add_buyer(ctx, case_id, BUYER).entity_id


@pytest.fixture
def seller_id(ctx: Context, case_id: str) -> str:
    return persons.add_seller(ctx, case_id, SELLER).entity_id
