"""The law's say on a decision: may the police take an advance approval here, and may the
sanction be given by summary penalty order for this offence on this date?"""

from __future__ import annotations

from typing import Any

from fieldapp.domain.procedure import DecisionKind
from fieldapp.errors import coded
from fieldapp.legal.sanctions import Sanction, check_summary_sanction
from fieldapp.validation import Problems
from fieldapp.workflow.case_view import BuyerView, CaseView


def check_decision(view: CaseView, data: dict[str, Any], p: Problems) -> None:
    buyer = view.buyer(str(data.get("buyer_id")))
    if buyer is None:
        return  # reported by the link check
    kind = DecisionKind(data["decision"])
    if kind is DecisionKind.ADVANCE_APPROVAL:
        _check_advance_approval(view, buyer, p)
    if kind in (DecisionKind.ADVANCE_APPROVAL, DecisionKind.SUMMARY_ORDER) and "sanction" in data:
        raw = data["sanction"]
        sanction = Sanction(
            conditional_sentence=bool(raw.get("conditional_sentence")),
            day_fines=raw.get("day_fines"),
            day_fine_amount_sek=raw.get("day_fine_amount_sek"),
            forfeiture_sek=int(raw.get("forfeiture_sek", 0)),
        )
        with p.catching("sanction"):
            check_summary_sanction(
                buyer.rules, sanction, child_offence=view.child_case, suspect_age=buyer.age
            )


def _check_advance_approval(view: CaseView, buyer: BuyerView, p: Problems) -> None:
    rules = buyer.rules
    if not rules.advance_approval:
        p.add(
            "decision",
            coded(
                "advance_approval_too_early",
                f"advance approval (RB 48:10) is possible only for offences from 2023-01-01; "
                f"this offence was on {buyer.offence_date.isoformat()}.",
                date=buyer.offence_date,
            ),
        )
    elif buyer.age is not None and buyer.age < rules.advance_approval_min_age:
        p.add(
            "decision",
            coded(
                "advance_approval_under_18",
                "advance approval is never possible for a suspect under 18.",
            ),
        )
    elif view.child_case:
        p.add(
            "decision",
            coded(
                "advance_approval_child_case",
                f"no advance approval for {rules.child_offence.name_sv} "
                f"({rules.child_offence.section}): the case goes to the prosecutor.",
                section=rules.child_offence.section,
            ),
        )
