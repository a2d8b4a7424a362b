"""The checklist engine: items from ``resources/checklists``, the conditions that make an
item apply, the recorded data that ticks items by themselves, and hand ticks as events."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from fieldapp.domain.common import drop_none
from fieldapp.domain.procedure import DecisionKind
from fieldapp.errors import coded
from fieldapp.paths import resource
from fieldapp.storage.records import Record
from fieldapp.validation import Problems, text
from fieldapp.workflow.case_view import BuyerView, CaseView, Escalation

DEFAULT_CHECKLIST = "hotel_raid"


class Scope(StrEnum):
    OPERATION = "operation"
    CASE = "case"
    BUYER = "buyer"
    SELLER = "seller"


@dataclass(frozen=True)
class Item:
    id: str
    phase: str
    scope: Scope
    text_sv: str
    text_en: str
    mandatory: bool
    when: str
    auto: str


@dataclass(frozen=True)
class Phase:
    id: str
    title_sv: str
    title_en: str


@dataclass(frozen=True)
class Checklist:
    id: str
    version: int
    title_sv: str
    title_en: str
    phases: tuple[Phase, ...]
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class ItemState:
    """One item for one subject (a buyer, a seller, the case or the operation)."""

    item: Item
    subject_id: str | None
    done: bool
    by_data: bool  # ticked by recorded data, not by hand
    tick: Record | None  # the hand tick, with who and when

    @property
    def blocks_closing(self) -> bool:
        return (
            self.item.mandatory
            and not self.done
            and self.item.phase != "after"
            and self.item.scope is not Scope.OPERATION
        )


# -- conditions: when does an item apply? ---------------------------------------------------

Condition = Callable[[CaseView, "Record | BuyerView | None"], bool]


def _buyer(subject: Record | BuyerView | None) -> BuyerView | None:
    return subject if isinstance(subject, BuyerView) else None


def _summary_path(view: CaseView, subject: Record | BuyerView | None) -> bool:
    buyer = _buyer(subject)
    decision = buyer.decision if buyer else None
    summary = {DecisionKind.ADVANCE_APPROVAL.value, DecisionKind.SUMMARY_ORDER.value}
    return decision is not None and decision.get("decision") in summary


def _money_seized(view: CaseView, subject: Record | BuyerView | None) -> bool:
    buyer = _buyer(subject)
    return buyer is not None and any(e.get("seized") for e in buyer.elements)


def _declines(view: CaseView, subject: Record | BuyerView | None) -> bool:
    buyer = _buyer(subject)
    answer = buyer.answer if buyer else None
    return answer is not None and answer.get("answer") == "declines"


def _interpreter(view: CaseView, subject: Record | BuyerView | None) -> bool:
    persons = [*view.sellers, *view.witnesses, *(b.person for b in view.buyers)]
    return any(p.get("interpreter_needed") for p in persons)


CONDITIONS: Mapping[str, Condition] = {
    "always": lambda v, s: True,
    "child_case": lambda v, s: v.child_case,
    "not_child_case": lambda v, s: not v.child_case,
    "trafficking": lambda v, s: Escalation.TRAFFICKING in v.escalations,
    "foreign_national": lambda v, s: Escalation.FOREIGN_NATIONAL in v.escalations,
    "interpreter_needed": _interpreter,
    "money_seized": _money_seized,
    "summary_path": _summary_path,
    "buyer_declines": _declines,
}

# -- automatic ticks: which recorded data completes an item? --------------------------------


def _auto(view: CaseView, subject: Record | BuyerView | None, rule: str) -> bool:
    buyer = _buyer(subject)
    record = subject if isinstance(subject, Record) else None
    person_id = buyer.id if buyer else record.entity_id if record else None
    if rule.startswith("element:"):
        return buyer is not None and any(e.get("kind") == rule[8:] for e in buyer.elements)
    if rule == "buyer_identified":
        return buyer is not None and bool(buyer.person.get("identity_method"))
    if rule == "seller_age_assessed":
        data = record.data if record else {}
        return any(data.get(k) for k in ("date_of_birth", "estimated_age", "possibly_minor"))
    if rule == "seizure_recorded":
        return buyer is not None and all(
            e.get("seizure") for e in buyer.elements if e.get("seized")
        )
    if rule == "notice_given":
        return buyer is not None and bool(buyer.notices)
    if rule == "hearing_held":
        return any(h.get("person_id") == person_id for h in view.hearings)
    if rule == "support_offered":
        return person_id is not None and bool(view.support_for(person_id))
    if rule == "decision_recorded":
        return buyer is not None and buyer.decision is not None
    if rule == "answer_recorded":
        return buyer is not None and buyer.answer is not None
    raise ValueError(f"unknown automatic rule {rule!r}")


# -- loading --------------------------------------------------------------------------------


@cache
def load_checklist(checklist_id: str = DEFAULT_CHECKLIST) -> Checklist:
    data = tomllib.loads(resource("checklists", f"{checklist_id}.toml").read_text("utf-8"))
    phases = tuple(Phase(p["id"], p["title_sv"], p["title_en"]) for p in data["phases"])
    items = tuple(
        Item(
            id=i["id"],
            phase=i["phase"],
            scope=Scope(i["scope"]),
            text_sv=i["text_sv"],
            text_en=i["text_en"],
            mandatory=bool(i.get("mandatory", False)),
            when=i.get("when", "always"),
            auto=i.get("auto", ""),
        )
        for i in data["items"]
    )
    phase_ids = {p.id for p in phases}
    for item in items:
        if item.phase not in phase_ids or item.when not in CONDITIONS:
            raise ValueError(f"{checklist_id}: item {item.id} has an unknown phase or condition")
    return Checklist(
        data["id"], int(data["version"]), data["title_sv"], data["title_en"], phases, items
    )


# -- state ----------------------------------------------------------------------------------


def _subjects(view: CaseView, scope: Scope) -> list[Record | BuyerView | None]:
    if scope is Scope.BUYER:
        return list(view.buyers)
    if scope is Scope.SELLER:
        return list(view.sellers)
    return [None]


def _subject_id(subject: Record | BuyerView | None) -> str | None:
    if isinstance(subject, BuyerView):
        return subject.id
    return subject.entity_id if subject is not None else None


def checklist_state(
    view: CaseView, operation_ticks: tuple[Record, ...] = (), checklist: Checklist | None = None
) -> list[ItemState]:
    """Every item that applies, for every subject it applies to, in checklist order."""
    checklist = checklist or load_checklist()
    ticks = {(t.get("item_id"), t.get("subject_id")): t for t in view.ticks}
    ticks.update({(t.get("item_id"), None): t for t in operation_ticks})
    states = []
    for item in checklist.items:
        for subject in _subjects(view, item.scope):
            if not CONDITIONS[item.when](view, subject):
                continue
            sid = _subject_id(subject)
            by_data = bool(item.auto) and _auto(view, subject, item.auto)
            tick = ticks.get((item.id, sid))
            states.append(ItemState(item, sid, by_data or tick is not None, by_data, tick))
    return states


def open_blocking(states: list[ItemState]) -> list[ItemState]:
    return [s for s in states if s.blocks_closing]


def clean_tick(data: Mapping[str, Any], p: Problems) -> dict[str, Any]:
    """A hand tick: the item, the subject for per-person items, an optional note."""
    item_id = text(p, data, "item_id", required=True, max_len=60)
    item = load_checklist().item(item_id) if item_id else None
    if item_id and item is None:
        p.add("item_id", coded("no_such_item", "no such checklist item."))
    subject = text(p, data, "subject_id", max_len=40)
    if item and item.scope in (Scope.BUYER, Scope.SELLER) and not subject:
        p.add(
            "subject_id",
            coded(
                "tick_subject_required",
                f"required: which {item.scope.value} this is ticked for.",
                role=item.scope.value,
            ),
        )
    return drop_none(
        {
            "item_id": item_id,
            "subject_id": subject,
            "note": text(p, data, "note", max_len=500),
        }
    )
