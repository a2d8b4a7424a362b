"""Use cases for the offence elements: record, correct, withdraw, and evaluate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.domain.elements import ELEMENT_ENTITY
from fieldapp.domain.evaluation import Evaluation
from fieldapp.errors import InvalidInput, coded
from fieldapp.workflow import entities
from fieldapp.workflow.case_view import load_case_view
from fieldapp.workflow.context import Change, Context


def record_element(
    ctx: Context,
    case_id: str,
    buyer_id: str,
    kind: str,
    data: Mapping[str, Any],
    attachments: tuple[bytes, ...] = (),
) -> Change:
    """An element in a few keystrokes: time defaults to now, observer to the officer."""
    values = {
        "at": ctx.now().isoformat(),
        "observer": ctx.officer_id,
        **data,
        "kind": kind,
        "buyer_id": buyer_id,
    }
    case = ctx.require("case", case_id, "case_id")
    return entities.create(
        ctx,
        ELEMENT_ENTITY,
        values,
        case_id=case_id,
        operation_id=case.operation_id,
        attachments=attachments,
    )


def correct_element(ctx: Context, element_id: str, changes: Mapping[str, Any]) -> Change:
    """A correction is a new event naming the one it corrects; the original stays."""
    return entities.amend(ctx, ELEMENT_ENTITY, element_id, changes)


def withdraw_element(ctx: Context, element_id: str, reason: str) -> Change:
    return entities.void(ctx, ELEMENT_ENTITY, element_id, reason)


def evaluation(ctx: Context, case_id: str, buyer_id: str) -> Evaluation:
    view = load_case_view(ctx.records, case_id, ctx.completion_rule)
    buyer = view.buyer(buyer_id)
    if buyer is None:
        raise InvalidInput(
            coded("no_such_buyer", "Buyer: no such buyer in this case."), field="buyer_id"
        )
    return buyer.evaluation
