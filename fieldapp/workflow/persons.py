"""Use cases for the persons of a case. Opening a person's record is logged."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.domain.persons import BUYER, PERSON_ENTITY, SELLER, WITNESS
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context


def _add(ctx: Context, case_id: str, role: str, data: Mapping[str, Any]) -> Change:
    case = ctx.require("case", case_id, "case_id")
    return entities.create(
        ctx,
        PERSON_ENTITY,
        {**data, "role": role},
        case_id=case_id,
        operation_id=case.operation_id,
    )


def add_buyer(ctx: Context, case_id: str, data: Mapping[str, Any]) -> Change:
    """The buyer: a suspect, with the identity and how it was established."""
    return _add(ctx, case_id, BUYER, data)


def add_seller(ctx: Context, case_id: str, data: Mapping[str, Any]) -> Change:
    """The person who sold sex: never a suspect; a witness, or an injured party."""
    return _add(ctx, case_id, SELLER, data)


def add_witness(ctx: Context, case_id: str, data: Mapping[str, Any]) -> Change:
    return _add(ctx, case_id, WITNESS, data)


def amend_person(ctx: Context, person_id: str, changes: Mapping[str, Any]) -> Change:
    if "role" in changes:
        raise InvalidInput(
            coded("role_fixed", "Role: a person's role cannot change; record them anew."),
            field="role",
        )
    return entities.amend(ctx, PERSON_ENTITY, person_id, changes)


def open_person(ctx: Context, person_id: str, purpose: str = "view") -> Record:
    """A person's record for display; the opening is itself recorded (brottsdatalagen)."""
    record = ctx.require(PERSON_ENTITY, person_id, "person_id")
    ctx.session.record_access(PERSON_ENTITY, person_id, purpose)
    return record
