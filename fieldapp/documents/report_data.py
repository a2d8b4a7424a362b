"""The operation report's figures, computed from recorded cases: no Qt, no PDF. The layout
is ``operation_report``; this module is what a test checks against the brochure's table.

Support counts persons, not offers: a seller offered support twice and accepting once is one
person offered support who accepted. A referral made counts as accepted.

Money counts only what was handed over: a stated price is an element of the attempt, not a
payment, and an attempt must never read as paid in a statistic. Each buyer carries the
evaluation's outcome (completed or attempt, the central legal result) and whether the case is
a child case (BrB 6:9), which the report shows apart from the 6:11 buyers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from fieldapp.documents.legal_text import sanction_of
from fieldapp.legal.sanctions import fine_total_sek, total_payable_sek
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import BuyerView, CaseView

ACCEPTING = frozenset({"accepted", "referral_made"})


@dataclass(frozen=True)
class BuyerRow:
    """One buyer in the results table (no names: the report is statistics)."""

    case_id: str
    day: date
    age: int | None
    paid_sek: int | None  # money handed over; None when none was (never the stated price)
    outcome: str  # the evaluation: completed / attempt / not_enough
    child_case: bool  # BrB 6:9: shown apart, never counted with the 6:11 buyers
    conditional_sentence: bool
    day_fines: int | None
    day_fine_amount_sek: int | None
    fine_sek: int | None
    payable_sek: int | None
    answer: str | None  # accepts / declines / None (no answer or no summary decision)
    decision: str | None
    support: str | None  # best outcome of the support offered, None if none


@dataclass(frozen=True)
class PlaceRow:
    name: str
    municipality: str
    day: date
    buyers: int


@dataclass(frozen=True)
class SupportFigures:
    offered: int
    accepted: int
    declined: int
    persons: int


@dataclass(frozen=True)
class ReportData:
    operation: Record
    county_name: str | None
    ads_mapped: Record | None  # the checklist tick "ads mapped", if ticked
    ads_recorded: int | None  # ads in the register for the operation; None = not counted
    tips_recorded: int | None  # tips received in the county; None = not counted
    deliveries: tuple[Record, ...]
    places: tuple[PlaceRow, ...]
    buyers: tuple[BuyerRow, ...]
    sellers: int
    seller_support: SupportFigures
    buyer_support: SupportFigures

    @property
    def hotels_informed(self) -> int:
        return len({d.get("company") for d in self.deliveries if d.get("kind") == "hotel"})

    @property
    def taxi_companies_informed(self) -> int:
        return len({d.get("company") for d in self.deliveries if d.get("kind") == "taxi"})

    @property
    def adult_buyers(self) -> tuple[BuyerRow, ...]:
        """The buyers of 6:11 cases; the statistics of sanctions and money are theirs."""
        return tuple(b for b in self.buyers if not b.child_case)

    @property
    def child_case_buyers(self) -> tuple[BuyerRow, ...]:
        return tuple(b for b in self.buyers if b.child_case)

    @property
    def ages(self) -> tuple[int, int] | None:
        ages = [b.age for b in self.adult_buyers if b.age is not None]
        return (min(ages), max(ages)) if ages else None

    @property
    def paid(self) -> list[int]:
        """Money handed over, per buyer who handed any over (6:11 cases)."""
        return sorted(b.paid_sek for b in self.adult_buyers if b.paid_sek is not None)

    @property
    def fines(self) -> list[int]:
        return sorted(b.fine_sek for b in self.adult_buyers if b.fine_sek)

    @property
    def payable(self) -> list[int]:
        return sorted(b.payable_sek for b in self.adult_buyers if b.payable_sek is not None)

    def outcomes(self, rows: Sequence[BuyerRow] | None = None) -> Counter[str]:
        """Completed, attempt and not_enough, of the 6:11 buyers unless ``rows`` is given."""
        return Counter(b.outcome for b in (self.adult_buyers if rows is None else rows))

    def answers(self) -> Counter[str]:
        return Counter(b.answer or "none" for b in self.adult_buyers)

    def buyers_per_day(self) -> list[tuple[date, int]]:
        counts = Counter(b.day for b in self.buyers)
        return sorted(counts.items())


def collect(
    operation: Record,
    views: Sequence[CaseView],
    deliveries: Sequence[Record],
    operation_ticks: Sequence[Record],
    county_name: str | None = None,
    *,
    ads_recorded: int | None = None,
    tips_recorded: int | None = None,
) -> ReportData:
    """The figures for ``operation`` from its cases' views and its delivery log."""
    ads = next((t for t in operation_ticks if t.get("item_id") == "ads_mapped"), None)
    buyers = [_buyer_row(view, b) for view in views for b in view.buyers]
    places = [
        PlaceRow(
            name=str(view.case.get("place_name") or view.case.get("address")),
            municipality=str(view.case.get("municipality")),
            day=view.case_date,
            buyers=len(view.buyers),
        )
        for view in views
    ]
    return ReportData(
        operation=operation,
        county_name=county_name,
        ads_mapped=ads,
        ads_recorded=ads_recorded,
        tips_recorded=tips_recorded,
        deliveries=tuple(deliveries),
        places=tuple(sorted(places, key=lambda p: (p.day, p.name))),
        buyers=tuple(sorted(buyers, key=lambda b: (b.day, b.case_id))),
        sellers=sum(len(v.sellers) for v in views),
        seller_support=_support(views, sellers=True),
        buyer_support=_support(views, sellers=False),
    )


def _paid(buyer: BuyerView) -> int | None:
    """The money handed over in kronor; None if none was (the stated price does not count)."""
    amounts = [
        int(e.get("amount"))
        for e in buyer.elements
        if e.get("kind") == "payment_handed_over"
        and e.get("amount")
        and e.get("currency", "SEK") == "SEK"
    ]
    return max(amounts) if amounts else None


def _buyer_row(view: CaseView, buyer: BuyerView) -> BuyerRow:
    decision = buyer.decision
    sanction = sanction_of(decision) if decision and decision.get("sanction") else None
    answer = buyer.answer
    outcomes = {str(s.get("outcome")) for s in buyer.support}
    support = "accepted" if outcomes & ACCEPTING else next(iter(sorted(outcomes)), None)
    return BuyerRow(
        case_id=view.id,
        day=_day(view, buyer),
        age=buyer.age,
        paid_sek=_paid(buyer),
        outcome=buyer.evaluation.outcome.value,
        child_case=view.child_case,
        conditional_sentence=bool(sanction and sanction.conditional_sentence),
        day_fines=sanction.day_fines if sanction else None,
        day_fine_amount_sek=sanction.day_fine_amount_sek if sanction else None,
        fine_sek=fine_total_sek(sanction) if sanction else None,
        payable_sek=total_payable_sek(buyer.rules, sanction) if sanction else None,
        answer=str(answer.get("answer")) if answer else None,
        decision=str(decision.get("decision")) if decision else None,
        support=support,
    )


def _day(view: CaseView, buyer: BuyerView) -> date:
    if buyer.elements:
        return datetime.fromisoformat(buyer.elements[0].data["at"]).date()
    return view.case_date


def _support(views: Sequence[CaseView], *, sellers: bool) -> SupportFigures:
    offered = accepted = declined = persons = 0
    for view in views:
        people = [s.entity_id for s in view.sellers] if sellers else [b.id for b in view.buyers]
        for person_id in people:
            persons += 1
            outcomes = {str(s.get("outcome")) for s in view.support_for(person_id)}
            if not outcomes:
                continue
            offered += 1
            if outcomes & ACCEPTING:
                accepted += 1
            elif "declined" in outcomes:
                declined += 1
    return SupportFigures(offered, accepted, declined, persons)
