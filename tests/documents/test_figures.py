"""The dashboard's counts in SQL (``figures.headline``) are the operation report's: the same
buyers, sellers, support per person and hotels, over the same cases, on a vault with the
corners the report's rules care about (a child case, an offer accepted after one declined,
a referral, a person never offered support, withdrawn records, a linked laptop copy)."""

from __future__ import annotations

from fieldapp.documents import service
from fieldapp.documents.figures import headline
from fieldapp.workflow import entities, operations, outreach, persons, support
from fieldapp.workflow.context import Context
from tests.documents.scenarios import (
    BUYER,
    Clock,
    new_operation,
    open_hotel_case,
    record_buyer,
    record_seller,
    standard_case,
)


def _contact(ctx: Context, operation_id: str, role: str) -> str:
    return next(
        c.entity_id for c in operations.contacts(ctx, operation_id) if c.get("role") == role
    )


def _assert_same(ctx: Context, operation_id: str) -> None:
    data = service.report_data(ctx, operation_id)
    figures = headline(ctx, operation_id)
    assert figures.buyers == len(data.buyers)
    assert figures.sellers == data.sellers
    assert figures.seller_support == data.seller_support
    assert figures.buyer_support == data.buyer_support
    assert figures.hotels_informed == data.hotels_informed


def test_headline_counts_are_the_reports(ctx: Context, clock: Clock, operation_id: str) -> None:
    _assert_same(ctx, operation_id)  # nothing recorded yet: all zero, on both sides
    standard_case(ctx, clock, operation_id)
    # A child case (the seller is 16): its people count, as in the report.
    child = open_hotel_case(ctx, operation_id, room="101")
    record_seller(ctx, child, {"name": "Flicka (alias)", "estimated_age": 16}, "declined")
    record_buyer(ctx, clock, child, BUYER, support_outcome="referral_made")
    # A seller who declined, then accepted: accepted once, not declined.
    twice = open_hotel_case(ctx, operation_id, room="202")
    seller = record_seller(ctx, twice, outcome="declined")
    support.record_support_offer(
        ctx,
        twice,
        seller,
        {"contact_id": _contact(ctx, operation_id, "seller_support"), "outcome": "accepted"},
    )
    # A buyer never offered support, a seller offered it where it was not possible.
    persons.add_buyer(ctx, twice, {**BUYER, "name": "Ivar Påhittad"})
    unreachable = persons.add_seller(ctx, twice, {"name": "Maja (alias)"}).entity_id
    support.record_support_offer(
        ctx,
        twice,
        unreachable,
        {"contact_id": _contact(ctx, operation_id, "seller_support"), "outcome": "not_possible"},
    )
    # Withdrawn: a person, and a whole case with its people.
    gone = persons.add_buyer(ctx, twice, {**BUYER, "name": "Olle Fel"}).entity_id
    entities.void(ctx, "person", gone, "fel fall")
    voided_case = open_hotel_case(ctx, operation_id, room="303")
    record_seller(ctx, voided_case)
    entities.void(ctx, "case", voided_case, "felregistrerat")
    # Deliveries: one hotel twice, another hotel, a taxi company, one withdrawn.
    for company, kind in (("Hotell A", "hotel"), ("Hotell A", "hotel"), ("Hotell B", "hotel"),
                          ("Taxi C", "taxi")):  # fmt: skip
        outreach.record_delivery(ctx, operation_id, {"company": company, "kind": kind})
    wrong = outreach.record_delivery(ctx, operation_id, {"company": "Hotell X", "kind": "hotel"})
    outreach.withdraw_delivery(ctx, wrong.entity_id, "fel hotell")
    # A laptop's copy of the operation linked into it: its cases count too.
    copy = new_operation(ctx, "2026-05-11", "2026-05-22", name="Kopia")
    standard_case(ctx, clock, copy)
    operations.link_operations(ctx, operation_id, [copy])

    _assert_same(ctx, operation_id)
    figures = headline(ctx, operation_id)
    assert figures.buyers == 4 and figures.sellers == 5  # the figures are not all zero
    assert figures.seller_support.accepted == 3 and figures.seller_support.declined == 1
    assert figures.seller_support.offered == 5
    assert figures.buyer_support.accepted == 1 and figures.buyer_support.offered == 3
    assert figures.hotels_informed == 2


def test_headline_of_an_operation_with_no_cases_elsewhere(ctx: Context, clock: Clock) -> None:
    """Another operation's cases never leak into this one's counts."""
    one = new_operation(ctx, "2026-05-11", "2026-05-22", name="En")
    other = new_operation(ctx, "2026-05-11", "2026-05-22", name="Annan")
    standard_case(ctx, clock, other)
    assert headline(ctx, one).buyers == 0
    assert headline(ctx, other).buyers == 1
    _assert_same(ctx, one)
    _assert_same(ctx, other)
