"""The case's status in words: the badge and its explanation, from the workflow's own
evaluation (``CaseView``). Nothing is decided here; the words say what the core found."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.evaluation import COMPLETION_ELEMENTS, Outcome
from fieldapp.workflow.case_view import CaseView, Escalation
from ui.words import (
    COMPLETION_RULES,
    ELEMENT_KINDS,
    ESCALATIONS,
    OUTCOMES,
    STANDING,
    short_name,
    word,
)

_RANK = {Outcome.COMPLETED: 2, Outcome.ATTEMPT: 1, Outcome.NOT_ENOUGH: 0}


@dataclass(frozen=True)
class Flag:
    text: str
    kind: str  # badge colour in the theme
    short: str = ""  # for a column in a list


@dataclass(frozen=True)
class CaseStatus:
    """The badge (text and colour), the flags beside it and the explanation behind them."""

    text: str
    kind: str
    flags: tuple[Flag, ...]
    explanation: tuple[str, ...]

    @property
    def flag_text(self) -> str:
        return " · ".join(f.text for f in self.flags)

    @property
    def short_flags(self) -> str:
        return " · ".join(f.short or f.text for f in self.flags)


def case_status(view: CaseView) -> CaseStatus:
    if not view.buyers:
        text = QCoreApplication.translate("Status", "No buyer yet")
        kind = "not_enough"
    else:
        best = max((b.evaluation.outcome for b in view.buyers), key=_RANK.__getitem__)
        text = word(OUTCOMES, best.value)
        if len(view.buyers) > 1:
            count = sum(1 for b in view.buyers if b.evaluation.outcome is best)
            text = QCoreApplication.translate("Status", "{outcome} ({count} of {total})").format(
                outcome=text, count=count, total=len(view.buyers)
            )
        kind = best.value
    flags = []
    if view.child_case:
        flags.append(Flag(QCoreApplication.translate("Status", "Child case 6:9"), "child"))
    if Escalation.TRAFFICKING in view.escalations:
        flags.append(
            Flag(
                QCoreApplication.translate("Status", "Trafficking signs"),
                "trafficking",
                QCoreApplication.translate("Status", "Trafficking?"),
            )
        )
    return CaseStatus(text, kind, tuple(flags), explain(view))


def explain(view: CaseView) -> tuple[str, ...]:
    """What the badge rests on and what is still missing, one line each."""
    lines = [
        QCoreApplication.translate("Status", "Rule: {rule}.").format(
            rule=word(COMPLETION_RULES, view.rule.value)
        )
    ]
    if not view.buyers:
        needed = ", ".join(
            word(ELEMENT_KINDS, e.value).lower() for e in COMPLETION_ELEMENTS[view.rule]
        )
        lines.append(
            QCoreApplication.translate("Status", "Add the buyer, then record {elements}.").format(
                elements=needed
            )
        )
    for buyer in view.buyers:
        ev = buyer.evaluation
        name = short_name(str(buyer.person.get("name", "")))
        established = ", ".join(word(ELEMENT_KINDS, e.value).lower() for e in ev.established)
        missing = ", ".join(word(ELEMENT_KINDS, e.value).lower() for e in ev.missing)
        line = QCoreApplication.translate("Status", "{name}: {outcome}.").format(
            name=name, outcome=word(OUTCOMES, ev.outcome.value)
        )
        if established:
            line += " " + QCoreApplication.translate("Status", "Recorded: {list}.").format(
                list=established
            )
        if missing:
            line += " " + QCoreApplication.translate(
                "Status", "Missing for a completed offence: {list}."
            ).format(list=missing)
        if f"supports:{'payment_handed_over'}" in ev.explanation:
            line += " " + QCoreApplication.translate(
                "Status", "The payment supports the evidence but is not required by this rule."
            )
        lines.append(line)
        lines.append(
            QCoreApplication.translate("Status", "Offence: {name} ({section}).").format(
                name=buyer.offence.name_sv, section=buyer.offence.section
            )
        )
    for escalation in view.escalations:
        lines.append(word(ESCALATIONS, escalation.value))
    if view.sellers:
        lines.append(
            QCoreApplication.translate("Status", "The seller is heard as {standing}.").format(
                standing=word(STANDING, view.seller_standing.value)
            )
        )
    return tuple(lines)
