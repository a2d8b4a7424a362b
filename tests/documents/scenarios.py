"""Recorded cases for the document tests, through the real workflow on a real vault.

Invented people only. Each scenario moves the clock to the raid's time, so the law of that
date applies (the offence date selects the rule set).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from fieldapp.demo import DemoClock
from fieldapp.workflow import cases, evidence, operations, persons, procedure, support
from fieldapp.workflow.context import Context

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


# The raid's time, moved on by the scenario: the demo's clock.
Clock = DemoClock


BUYER: dict[str, Any] = {
    "name": "Kalle Påhittsson",
    "personal_id": "19811218-9876",
    "identity_method": "id_card",
    "civil_status": "cohabiting",
    "children_under_18": 1,
    "language": "sv",
    "address": "Exempelvägen 4, 722 10 Västerås",
}
SELLER: dict[str, Any] = {
    "name": "Ana (alias)",
    "estimated_age": 25,
    "nationality": "RO",
    "language": "ro",
    "interpreter_needed": True,
    "interpreter_language": "ro",
}


def advance_sanction(**over: Any) -> dict[str, Any]:
    return {"conditional_sentence": True, "day_fines": 50, "day_fine_amount_sek": 200, **over}


def decision(kind: str, sanction: dict[str, Any], role: str = "prosecutor") -> dict[str, Any]:
    return {
        "decided_by": "Åsa Påhittad",
        "decider_role": role,
        "how": "phone",
        "decision": kind,
        "sanction": sanction,
    }


def new_operation(ctx: Context, start: str, end: str, name: str = "Insatsvecka") -> str:
    change = operations.create_operation(
        ctx,
        {
            "name": name,
            "start": start,
            "end": end,
            "county": "vastmanland",
            "agencies": ["Polisen", "Länsstyrelsen", "Socialjouren", "Migrationsverket"],
        },
    )
    return change.entity_id


@dataclass(frozen=True)
class RecordedCase:
    case_id: str
    buyer_ids: tuple[str, ...]
    seller_id: str | None


def open_hotel_case(ctx: Context, operation_id: str, **place: Any) -> str:
    data = {
        "place_kind": "hotel",
        "place_name": "Hotell Påhittat",
        "address": "Storgatan 1",
        "room": "312",
        "municipality": "Västerås",
        **place,
    }
    return cases.open_case(ctx, operation_id, data).entity_id


def record_buyer(
    ctx: Context,
    clock: Clock,
    case_id: str,
    buyer: dict[str, Any],
    *,
    price: int = 1500,
    seized: bool = True,
    decision_data: dict[str, Any] | None = None,
    answer: str | None = "accepts",
    support_outcome: str = "declined",
    paid: bool = True,
) -> str:
    """One buyer through the whole scene: elements, notice, hearing, support, decision."""
    buyer_id = persons.add_buyer(ctx, case_id, buyer).entity_id
    evidence.record_element(
        ctx, case_id, buyer_id, "agreement", {"source": "overheard", "what": "samlag"}
    )
    evidence.record_element(
        ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": price}
    )
    clock.advance(4)
    payment: dict[str, Any] = {"source": "observed", "amount": price}
    if seized:
        payment |= {"seized": True, "seizure": {"record_number": "2026-5000-BG17", "amount": price}}
    if paid:  # without it the county practice sees an attempt
        evidence.record_element(ctx, case_id, buyer_id, "payment_handed_over", payment)
    clock.advance(3)
    procedure.record_notice(
        ctx,
        case_id,
        buyer_id,
        {"language": "sv", "rights_given": {"lawyer": True, "silence": True, "information": True}},
    )
    procedure.record_hearing(ctx, case_id, buyer_id, {"where": "hotellets konferensrum"})
    kast = _contact(ctx, case_id, "buyer_support")
    support.record_support_offer(
        ctx, case_id, buyer_id, {"contact_id": kast, "outcome": support_outcome}
    )
    clock.advance(5)
    if decision_data is not None:
        made = procedure.record_decision(ctx, case_id, buyer_id, decision_data)
        clock.advance(2)
        if answer:
            procedure.record_answer(ctx, case_id, made.entity_id, answer)
    clock.advance(1)
    return buyer_id


def _contact(ctx: Context, case_id: str, role: str) -> str:
    operation_id = ctx.records.get("case", case_id).operation_id
    return next(
        c.entity_id for c in operations.contacts(ctx, operation_id) if c.get("role") == role
    )


def record_seller(
    ctx: Context, case_id: str, seller: dict[str, Any] | None = None, outcome: str = "accepted"
) -> str:
    seller_id = persons.add_seller(ctx, case_id, seller or SELLER).entity_id
    support.record_support_offer(
        ctx,
        case_id,
        seller_id,
        {
            "contact_id": _contact(ctx, case_id, "seller_support"),
            "outcome": outcome,
            "leaflet_language": "ro",
        },
    )
    return seller_id


def standard_case(
    ctx: Context,
    clock: Clock,
    operation_id: str,
    *,
    decision_for: Callable[[datetime], dict[str, Any] | None] | None = None,
    buyer: dict[str, Any] | None = None,
    seller: dict[str, Any] | None = None,
) -> RecordedCase:
    """A hotel case with one buyer and one seller; the decision fits the law of the day."""
    case_id = open_hotel_case(ctx, operation_id)
    cases.tick(ctx, case_id, "entry")
    seller_id = record_seller(ctx, case_id, seller)
    chosen = (decision_for or lawful_decision)(clock.now)
    buyer_id = record_buyer(ctx, clock, case_id, buyer or BUYER, decision_data=chosen)
    cases.add_observation(ctx, case_id, "Köparen lämnade rummet och stoppades i korridoren.")
    return RecordedCase(case_id, (buyer_id,), seller_id)


def lawful_decision(on: datetime) -> dict[str, Any]:
    """What the law of ``on`` allows: day-fines alone before 2022-08-01, villkorlig dom with
    day-fines after; advance approval from 2023."""
    if on.date() < datetime(2022, 8, 1).date():
        return decision("summary_order", {"day_fines": 50, "day_fine_amount_sek": 200})
    if on.date() < datetime(2023, 1, 1).date():
        return decision("summary_order", advance_sanction())
    return decision("advance_approval", advance_sanction(forfeiture_sek=1500))


def personnummer(born: str, serial: str = "123") -> str:
    """A valid personnummer ``YYYYMMDD-NNNC`` for an invented person born on ``born``."""
    digits = born[2:] + serial
    total = 0
    for i, ch in enumerate(digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return f"{born}-{serial}{(10 - total % 10) % 10}"
