"""What a case screen shows, in order: the checklist's phases, each item for each subject
it applies to (with the record that ticked it by itself), the people still to add at the
scene, the witnesses, and closing. The screen turns these steps into words and widgets;
the rules of what is shown, and in which order, are here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.domain.persons import BUYER, SELLER, WITNESS
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import CaseView
from fieldapp.workflow.checklist import Checklist, ItemState, Phase, load_checklist

SCENE = "scene"  # the phase the people are added in


class StepKind(StrEnum):
    PHASE = "phase"  # a phase's heading
    ITEM = "item"  # a checklist item for one subject
    ADD = "add"  # add a buyer, a seller or a witness
    WITNESS = "witness"  # a witness recorded
    CLOSE = "close"  # close the case (or its status, once closed)


@dataclass(frozen=True)
class Step:
    """One line of a case's spine."""

    kind: StepKind
    phase: Phase | None = None  # PHASE
    state: ItemState | None = None  # ITEM
    evidence: Record | None = None  # ITEM ticked by a record: that record
    role: str = ""  # ADD: buyer | seller | witness
    first: bool = False  # ADD: none recorded yet, so the scene cannot go on without one
    person: Record | None = None  # WITNESS
    status: str = ""  # CLOSE: the case's status

    @property
    def phase_id(self) -> str:
        """The phase the step is done in (people still missing belong to the scene)."""
        if self.state is not None:
            return self.state.item.phase
        return SCENE if self.first else ""


def case_steps(
    view: CaseView, states: Sequence[ItemState], checklist: Checklist | None = None
) -> list[Step]:
    """The spine of ``view``'s case, given its checklist ``states``."""
    checklist = checklist or load_checklist()
    steps: list[Step] = []
    for phase in checklist.phases:
        steps.append(Step(StepKind.PHASE, phase=phase))
        # Nobody to record elements for yet: adding the people is the step after the entry.
        missing = []
        if phase.id == SCENE:
            missing = [
                Step(StepKind.ADD, role=role, first=True)
                for role, present in ((BUYER, view.buyers), (SELLER, view.sellers))
                if not present
            ]
        for state in states:
            if state.item.phase == phase.id:
                steps.append(Step(StepKind.ITEM, state=state, evidence=_evidence(view, state)))
                if state.item.id == "entry":
                    steps += missing
                    missing = []
        steps += missing
        if phase.id == SCENE:
            steps += [Step(StepKind.WITNESS, person=w) for w in view.witnesses]
            steps += [
                Step(StepKind.ADD, role=role)
                for role, present in ((BUYER, view.buyers), (SELLER, view.sellers))
                if present
            ]
            steps.append(Step(StepKind.ADD, role=WITNESS))
    steps.append(Step(StepKind.CLOSE, status=str(view.case.get("status"))))
    return steps


def _evidence(view: CaseView, state: ItemState) -> Record | None:
    return evidence_of(view, state) if state.tick is None and state.by_data else None


def evidence_of(view: CaseView, state: ItemState) -> Record | None:
    """The record that ticked an item by itself (who recorded it, and when)."""
    sid = state.subject_id
    buyer = view.buyer(sid) if sid else None
    auto = state.item.auto
    person = next((p for p in (*view.sellers, *view.witnesses) if p.entity_id == sid), None)
    if auto.startswith("element:") and buyer:
        return next((e for e in buyer.elements if e.get("kind") == auto[8:]), None)
    if auto == "buyer_identified" and buyer:
        return buyer.person
    if auto == "seller_age_assessed":
        return person
    if auto == "seizure_recorded" and buyer:
        return next((e for e in buyer.elements if e.get("seized")), None)
    if auto == "notice_given" and buyer:
        return buyer.notices[0] if buyer.notices else None
    if auto == "hearing_held":
        return next((h for h in view.hearings if h.get("person_id") == sid), None)
    if auto == "support_offered" and sid:
        offers = view.support_for(sid)
        return offers[0] if offers else None
    if auto == "decision_recorded" and buyer:
        return buyer.decision
    if auto == "answer_recorded" and buyer:
        return buyer.answer
    return None


def evidence_moment(record: Record) -> str:
    """When the evidence happened: its own time field, else when it was recorded."""
    return str(record.get("at") or record.get("offered_at") or record.created_at)
