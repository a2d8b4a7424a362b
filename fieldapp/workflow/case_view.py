"""Everything known about one case, assembled from its records, and what follows from it:
the rules in force, each buyer's evaluation, the child-case and trafficking escalations.

Nothing here is stored: it is recomputed from the records whenever asked, so it can never
disagree with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY
from fieldapp.domain.elements import ELEMENT_ENTITY
from fieldapp.domain.evaluation import CompletionRule, ElementKind, Evaluation, evaluate
from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.domain.persons import (
    BUYER,
    PERSON_ENTITY,
    SELLER,
    WITNESS,
    buyer_age,
    seller_is_minor,
    trafficking_indicators,
)
from fieldapp.domain.procedure import ANSWER_ENTITY, DECISION_ENTITY, HEARING_ENTITY, NOTICE_ENTITY
from fieldapp.domain.support import SUPPORT_ENTITY
from fieldapp.legal.rules import Offence, RuleSet, rules_for
from fieldapp.storage.records import Record, Records

TICK_ENTITY = "checklist_tick"


def operation_ticks(records: Records, operation_id: str | None) -> tuple[Record, ...]:
    """The operation-wide ticks of the checklist (the briefing held …): the operation's
    ticks that belong to no case. Every case of the operation shows them."""
    if operation_id is None:
        return ()
    return tuple(records.outside_cases(TICK_ENTITY, operation_id))


class SellerStanding(StrEnum):
    """The seller's part in the case: never a suspect (selling sex is not a crime)."""

    WITNESS = "witness"  # BrB 6:11 protects public order; she is heard as a witness
    INJURED_PARTY = "injured_party"  # a child (BrB 6:9) or a trafficking victim


class Escalation(StrEnum):
    """Facts that change the path of a case; shown, never silent."""

    CHILD_CASE = "child_case"  # BrB 6:9, report of concern, no summary penalty
    TRAFFICKING = "trafficking"  # indicators: coordinator, reflection period, investigators
    BUYER_UNDER_18 = "buyer_under_18"  # no advance approval (RB 48:10)
    FOREIGN_NATIONAL = "foreign_national"  # interpreter, Migrationsverket where relevant


@dataclass(frozen=True)
class BuyerView:
    person: Record
    elements: tuple[Record, ...]
    evaluation: Evaluation
    offence_date: date
    rules: RuleSet
    offence: Offence
    age: int | None
    notices: tuple[Record, ...]
    hearings: tuple[Record, ...]
    decisions: tuple[Record, ...]
    answers: tuple[Record, ...]
    support: tuple[Record, ...]

    @property
    def id(self) -> str:
        return self.person.entity_id

    @property
    def decision(self) -> Record | None:
        """The latest decision for this buyer."""
        return max(self.decisions, key=lambda d: d.get("at", ""), default=None)

    @property
    def answer(self) -> Record | None:
        latest = self.decision
        if latest is None:
            return None
        answers = [a for a in self.answers if a.get("decision_id") == latest.entity_id]
        return max(answers, key=lambda a: a.get("at", ""), default=None)


@dataclass(frozen=True)
class CaseView:
    case: Record
    operation: Record | None
    buyers: tuple[BuyerView, ...]
    sellers: tuple[Record, ...]
    witnesses: tuple[Record, ...]
    observations: tuple[Record, ...]
    support: tuple[Record, ...]
    ticks: tuple[Record, ...]
    hearings: tuple[Record, ...]
    rule: CompletionRule
    case_date: date
    child_case: bool
    indicators: tuple[str, ...]
    escalations: tuple[Escalation, ...]

    @property
    def id(self) -> str:
        return self.case.entity_id

    def buyer(self, buyer_id: str) -> BuyerView | None:
        return next((b for b in self.buyers if b.id == buyer_id), None)

    @property
    def seller_standing(self) -> SellerStanding:
        if self.child_case or self.indicators:
            return SellerStanding.INJURED_PARTY
        return SellerStanding.WITNESS

    def support_for(self, person_id: str) -> tuple[Record, ...]:
        return tuple(s for s in self.support if s.get("person_id") == person_id)


def _local_date(iso: str) -> date:
    return datetime.fromisoformat(iso).date()


# The record types a case view reads, for readers that fetch many cases' records at once.
CASE_RECORD_TYPES = (
    PERSON_ENTITY, ELEMENT_ENTITY, NOTICE_ENTITY, HEARING_ENTITY, DECISION_ENTITY,
    ANSWER_ENTITY, SUPPORT_ENTITY, OBSERVATION_ENTITY, TICK_ENTITY,
)  # fmt: skip


def load_case_view(records: Records, case_id: str, rule: CompletionRule) -> CaseView:
    case = records.require(CASE_ENTITY, case_id, "case_id")
    operation = records.get(OPERATION_ENTITY, case.operation_id) if case.operation_id else None
    return assemble_case_view(case, records.for_case(case_id), operation, rule)


def assemble_case_view(
    case: Record, rows: Sequence[Record], operation: Record | None, rule: CompletionRule
) -> CaseView:
    """The view from records already at hand (a vault's, or a case document's being checked
    before anything is stored)."""
    by_type: dict[str, list[Record]] = {}
    for row in rows:
        by_type.setdefault(row.entity_type, []).append(row)
    persons = by_type.get(PERSON_ENTITY, [])
    sellers = tuple(p for p in persons if p.get("role") == SELLER)
    case_date = _local_date(case.data["start"])
    child = any(seller_is_minor(s.data, case_date) for s in sellers)
    indicators = tuple(sorted({i for s in sellers for i in trafficking_indicators(s.data)}))
    buyers = tuple(
        _buyer_view(p, by_type, rule, case_date, child) for p in persons if p.get("role") == BUYER
    )
    return CaseView(
        case=case,
        operation=operation,
        buyers=buyers,
        sellers=sellers,
        witnesses=tuple(p for p in persons if p.get("role") == WITNESS),
        observations=tuple(sorted(by_type.get(OBSERVATION_ENTITY, []), key=lambda o: o.data["at"])),
        support=tuple(by_type.get(SUPPORT_ENTITY, [])),
        ticks=tuple(by_type.get(TICK_ENTITY, [])),
        hearings=tuple(by_type.get(HEARING_ENTITY, [])),
        rule=rule,
        case_date=case_date,
        child_case=child,
        indicators=indicators,
        escalations=_escalations(child, indicators, sellers, buyers),
    )


def _buyer_view(
    person: Record,
    by_type: dict[str, list[Record]],
    rule: CompletionRule,
    case_date: date,
    child: bool,
) -> BuyerView:
    def mine(entity_type: str, key: str = "buyer_id") -> tuple[Record, ...]:
        return tuple(r for r in by_type.get(entity_type, []) if r.get(key) == person.entity_id)

    elements = mine(ELEMENT_ENTITY)
    # The offence date selects the law: the earliest recorded element, else the raid's day.
    offence_date = min((_local_date(e.data["at"]) for e in elements), default=case_date)
    rules = rules_for(offence_date)
    decisions = mine(DECISION_ENTITY)
    decision_ids = {d.entity_id for d in decisions}
    return BuyerView(
        person=person,
        elements=tuple(sorted(elements, key=lambda e: e.data["at"])),
        evaluation=evaluate({ElementKind(e.data["kind"]) for e in elements}, rule),
        offence_date=offence_date,
        rules=rules,
        offence=rules.child_offence if child else rules.offence,
        age=buyer_age(person.data, offence_date),
        notices=mine(NOTICE_ENTITY),
        hearings=mine(HEARING_ENTITY, "person_id"),
        decisions=decisions,
        answers=tuple(
            a for a in by_type.get(ANSWER_ENTITY, []) if a.get("decision_id") in decision_ids
        ),
        support=mine(SUPPORT_ENTITY, "person_id"),
    )


def _escalations(
    child: bool,
    indicators: tuple[str, ...],
    sellers: tuple[Record, ...],
    buyers: tuple[BuyerView, ...],
) -> tuple[Escalation, ...]:
    found = []
    if child:
        found.append(Escalation.CHILD_CASE)
    if indicators:
        found.append(Escalation.TRAFFICKING)
    if any(b.age is not None and b.age < 18 for b in buyers):
        found.append(Escalation.BUYER_UNDER_18)
    if any(s.get("nationality") not in (None, "SE") for s in sellers):
        found.append(Escalation.FOREIGN_NATIONAL)
    return tuple(found)
