"""Use cases for the procedure with a buyer: notice of suspicion, hearing, the decision
with its sanction, the buyer's answer; and the day-fine suggestion from his income."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.domain.dayfines import DayFineInput, DayFineResult, calculate_day_fine
from fieldapp.domain.procedure import ANSWER_ENTITY, DECISION_ENTITY, HEARING_ENTITY, NOTICE_ENTITY
from fieldapp.errors import InvalidInput, coded
from fieldapp.workflow import entities
from fieldapp.workflow.case_view import load_case_view
from fieldapp.workflow.context import Change, Context


def _create(ctx: Context, entity_type: str, case_id: str, values: Mapping[str, Any]) -> Change:
    case = ctx.require("case", case_id, "case_id")
    return entities.create(
        ctx, entity_type, values, case_id=case_id, operation_id=case.operation_id
    )


def record_notice(ctx: Context, case_id: str, buyer_id: str, data: Mapping[str, Any]) -> Change:
    """Notice of suspicion with the rights explained (RB 23:18)."""
    values = {"at": ctx.now().isoformat(), "by": ctx.officer_id, **data, "buyer_id": buyer_id}
    return _create(ctx, NOTICE_ENTITY, case_id, values)


def record_hearing(ctx: Context, case_id: str, person_id: str, data: Mapping[str, Any]) -> Change:
    values = {"at": ctx.now().isoformat(), "by": ctx.officer_id, **data, "person_id": person_id}
    return _create(ctx, HEARING_ENTITY, case_id, values)


def record_decision(ctx: Context, case_id: str, buyer_id: str, data: Mapping[str, Any]) -> Change:
    """The prosecutor's or investigation leader's decision. The law in force on the offence
    date decides what is allowed; a sanction it does not allow is refused with the reason."""
    values = {"at": ctx.now().isoformat(), **data, "buyer_id": buyer_id}
    return _create(ctx, DECISION_ENTITY, case_id, values)


def record_answer(
    ctx: Context, case_id: str, decision_id: str, answer: str, note: str | None = None
) -> Change:
    values = {
        "at": ctx.now().isoformat(),
        "decision_id": decision_id,
        "answer": answer,
        "note": note,
    }
    return _create(ctx, ANSWER_ENTITY, case_id, {k: v for k, v in values.items() if v})


def suggest_day_fine(ctx: Context, case_id: str, buyer_id: str) -> DayFineResult:
    """The daily amount from the buyer's recorded income, explained line by line."""
    view = load_case_view(ctx.records, case_id, ctx.completion_rule)
    buyer = view.buyer(buyer_id)
    if buyer is None:
        raise InvalidInput(
            coded("no_such_buyer", "Buyer: no such buyer in this case."), field="buyer_id"
        )
    income = buyer.person.get("income")
    if not income:
        raise InvalidInput(
            coded(
                "income_required",
                "Income: record the buyer's income first (annual income, costs, children, "
                "wealth, debts).",
            ),
            field="income",
        )
    return calculate_day_fine(
        DayFineInput(
            year=ctx.today().year,
            annual_income_sek=income["annual_income_sek"],
            income_costs_sek=income.get("costs_sek", 0),
            regular_benefits_sek=income.get("benefits_sek", 0),
            children=income.get("children_supported", 0),
            spouse_without_income=income.get("spouse_without_income", False),
            net_wealth_sek=income.get("net_wealth_sek", 0),
            debt_restructuring=income.get("debt_restructuring", False),
            payment_free_amount_sek=income.get("payment_free_amount_sek"),
        )
    )
