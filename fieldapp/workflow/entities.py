"""Create, amend and void any recorded entity, through one path that checks it.

Every entity type has a cleaner (its fields, from ``fieldapp.domain``) and a link check
(does the case exist and is it open, is the buyer a buyer of this case …). An amendment is
checked as the whole record it would produce, so no change can leave a record invalid.

``CLEANERS_BY_TYPE`` holds the cleaners of the records this layer and those below it
define. A feature above the workflow (the ad register) passes its own cleaner as
``cleaner=`` and goes through the same path, so the workflow never imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.counties import load_county
from fieldapp.domain.case import (
    CASE_ENTITY,
    OBSERVATION_ENTITY,
    CaseStatus,
    clean_case,
    clean_observation,
)
from fieldapp.domain.elements import ELEMENT_ENTITY, clean_element
from fieldapp.domain.operation import (
    CONTACT_ENTITY,
    OPERATION_ENTITY,
    TEAM_ENTITY,
    clean_contact,
    clean_operation,
    clean_team_member,
)
from fieldapp.domain.outreach import (
    COMPANY_ENTITY,
    SHEET_DELIVERY_ENTITY,
    clean_company,
    clean_sheet_delivery,
)
from fieldapp.domain.persons import BUYER, CLEANERS, PERSON_ENTITY
from fieldapp.domain.photos import PHOTO_ENTITY, PhotoAbout, clean_photo
from fieldapp.domain.procedure import (
    ANSWER_ENTITY,
    DECISION_ENTITY,
    HEARING_ENTITY,
    NOTICE_ENTITY,
    clean_answer,
    clean_decision_fields,
    clean_hearing,
    clean_notice,
)
from fieldapp.domain.support import SUPPORT_ENTITY, clean_support_offer
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record, amend_draft, create_draft, void_draft
from fieldapp.validation import Problems
from fieldapp.workflow.case_view import TICK_ENTITY, load_case_view
from fieldapp.workflow.checklist import clean_tick
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.legal_checks import check_decision
from fieldapp.workflow.tip_records import TIP_ENTITY, clean_tip

CHECKLIST_TICK_ENTITY = TICK_ENTITY


@dataclass(frozen=True)
class Placement:
    """Where a record belongs."""

    operation_id: str | None = None
    case_id: str | None = None


Cleaner = Callable[[Context, Mapping[str, Any], Problems, Placement], dict[str, Any]]


def _municipalities(ctx: Context, scope: Placement) -> tuple[str, ...]:
    if scope.operation_id is None:
        return ()
    operation = ctx.records.get(OPERATION_ENTITY, scope.operation_id)
    county = operation.get("county") if operation else None
    return load_county(county).municipalities if county else ()


def _clean_person(
    ctx: Context, data: Mapping[str, Any], p: Problems, _: Placement
) -> dict[str, Any]:
    role = data.get("role")
    cleaner = CLEANERS.get(str(role))
    if cleaner is None:
        p.add("role", coded("not_a_choice", f"must be one of {', '.join(CLEANERS)}."))
        return {}
    return cleaner(data, p, today=ctx.today())


def _clean_tick(ctx: Context, data: Mapping[str, Any], p: Problems, _: Placement) -> dict[str, Any]:
    return clean_tick(data, p)


CLEANERS_BY_TYPE: dict[str, Cleaner] = {
    OPERATION_ENTITY: lambda ctx, d, p, s: clean_operation(d, p),
    CONTACT_ENTITY: lambda ctx, d, p, s: clean_contact(d, p),
    TEAM_ENTITY: lambda ctx, d, p, s: clean_team_member(d, p),
    CASE_ENTITY: lambda ctx, d, p, s: clean_case(
        d, p, now=ctx.latest_allowed(), municipalities=_municipalities(ctx, s)
    ),
    OBSERVATION_ENTITY: lambda ctx, d, p, s: clean_observation(d, p, now=ctx.latest_allowed()),
    PERSON_ENTITY: _clean_person,
    ELEMENT_ENTITY: lambda ctx, d, p, s: clean_element(
        d, p, now=ctx.latest_allowed(), officer_id=ctx.officer_id
    ),
    SUPPORT_ENTITY: lambda ctx, d, p, s: clean_support_offer(
        d, p, now=ctx.latest_allowed(), officer_id=ctx.officer_id
    ),
    NOTICE_ENTITY: lambda ctx, d, p, s: clean_notice(
        d, p, now=ctx.latest_allowed(), officer_id=ctx.officer_id
    ),
    HEARING_ENTITY: lambda ctx, d, p, s: clean_hearing(
        d, p, now=ctx.latest_allowed(), officer_id=ctx.officer_id
    ),
    DECISION_ENTITY: lambda ctx, d, p, s: clean_decision_fields(d, p, now=ctx.latest_allowed()),
    ANSWER_ENTITY: lambda ctx, d, p, s: clean_answer(d, p, now=ctx.latest_allowed()),
    CHECKLIST_TICK_ENTITY: _clean_tick,
    SHEET_DELIVERY_ENTITY: lambda ctx, d, p, s: clean_sheet_delivery(
        d, p, now=ctx.latest_allowed(), officer_id=ctx.officer_id
    ),
    COMPANY_ENTITY: lambda ctx, d, p, s: clean_company(d, p),
    TIP_ENTITY: clean_tip,
    PHOTO_ENTITY: lambda ctx, d, p, s: clean_photo(
        d, p, now=ctx.latest_allowed(), officer_id=ctx.officer_id
    ),
}


def _person_in_case(
    ctx: Context, p: Problems, scope: Placement, field: str, person_id: str | None, role: str | None
) -> Record | None:
    if not person_id:
        return None
    person = ctx.records.get(PERSON_ENTITY, person_id)
    if person is None or person.voided or person.case_id != scope.case_id:
        p.add(field, coded("no_such_person", "no such person in this case."))
        return None
    if role and person.get("role") != role:
        p.add(field, coded("wrong_person_role", f"must be a {role} of this case.", role=role))
        return None
    return person


def _check_links(
    ctx: Context, entity_type: str, data: dict[str, Any], p: Problems, scope: Placement
) -> None:
    """Cross-record checks; the decision's legal checks live in ``procedure``."""
    if entity_type in (ELEMENT_ENTITY, NOTICE_ENTITY, DECISION_ENTITY):
        _person_in_case(ctx, p, scope, "buyer_id", data.get("buyer_id"), BUYER)
    elif entity_type in (SUPPORT_ENTITY, HEARING_ENTITY):
        _person_in_case(ctx, p, scope, "person_id", data.get("person_id"), None)
    if entity_type == SUPPORT_ENTITY and data.get("contact_id"):
        contact = ctx.records.get(CONTACT_ENTITY, data["contact_id"])
        if contact is None or contact.voided:
            p.add(
                "contact_id",
                coded("no_such_contact", "no such contact in this operation's directory."),
            )
    if entity_type == DECISION_ENTITY and scope.case_id and not p:
        check_decision(load_case_view(ctx.records, scope.case_id, ctx.completion_rule), data, p)
    if entity_type == CHECKLIST_TICK_ENTITY and data.get("subject_id"):
        _person_in_case(ctx, p, scope, "subject_id", data["subject_id"], None)
    if entity_type == PHOTO_ENTITY:
        _photo_links(ctx, data, p, scope)
    if entity_type == ANSWER_ENTITY:
        decision = ctx.records.get(DECISION_ENTITY, data.get("decision_id", ""))
        if decision is None or decision.voided or decision.case_id != scope.case_id:
            p.add("decision_id", coded("no_such_decision", "no such decision in this case."))


def _photo_links(ctx: Context, data: dict[str, Any], p: Problems, scope: Placement) -> None:
    element = ctx.records.get(ELEMENT_ENTITY, data.get("element_id", ""))
    if element is None or element.voided or element.case_id != scope.case_id:
        p.add("element_id", coded("photo_no_element", "no such offence element in this case."))
    elif data.get("about") == PhotoAbout.SEIZURE and element.get("kind") != "payment_handed_over":
        p.add("about", coded("photo_seizure_payment", "a seizure photo belongs to the payment."))


def _scope_checks(ctx: Context, entity_type: str, p: Problems, scope: Placement) -> None:
    if entity_type in (OPERATION_ENTITY,):
        return
    if scope.operation_id is not None:
        op = ctx.records.get(OPERATION_ENTITY, scope.operation_id)
        if op is None or op.voided:
            p.add("operation_id", coded("no_such_operation", "no such operation."))
    if scope.case_id is not None and entity_type != CASE_ENTITY:
        case = ctx.records.get(CASE_ENTITY, scope.case_id)
        if case is None or case.voided:
            p.add("case_id", coded("no_such_case", "no such case."))
        elif case.get("status") != CaseStatus.OPEN.value:
            status = case.get("status")
            p.add(
                "case_id",
                coded(
                    "case_not_open",
                    f"the case is {status}; reopen it to change it.",
                    status=status,
                ),
            )


def _cleaner(entity_type: str, cleaner: Cleaner | None) -> Cleaner:
    return cleaner if cleaner is not None else CLEANERS_BY_TYPE[entity_type]


def clean(
    ctx: Context,
    entity_type: str,
    data: Mapping[str, Any],
    scope: Placement,
    *,
    cleaner: Cleaner | None = None,
) -> dict[str, Any]:
    """The stored form of ``data``, or ``InvalidInput`` listing every problem."""
    p = Problems()
    _scope_checks(ctx, entity_type, p, scope)
    cleaned = _cleaner(entity_type, cleaner)(ctx, data, p, scope)
    if not p:
        _check_links(ctx, entity_type, cleaned, p, scope)
    p.raise_if_any()
    return cleaned


def clean_for_new(
    ctx: Context,
    entity_type: str,
    data: Mapping[str, Any],
    placement: Placement,
    *,
    cleaner: Cleaner | None = None,
) -> dict[str, Any]:
    """Check a record that will be created together with its parent in one transaction
    (the parent does not exist yet, so only the fields are checked, not the links)."""
    p = Problems()
    cleaned = _cleaner(entity_type, cleaner)(ctx, data, p, placement)
    p.raise_if_any()
    return cleaned


def create(
    ctx: Context,
    entity_type: str,
    data: Mapping[str, Any],
    *,
    operation_id: str | None = None,
    case_id: str | None = None,
    attachments: tuple[bytes, ...] = (),
    entity_id: str | None = None,
    cleaner: Cleaner | None = None,
) -> Change:
    scope = Placement(operation_id, case_id)
    cleaned = clean(ctx, entity_type, data, scope, cleaner=cleaner)
    draft = create_draft(
        entity_type,
        cleaned,
        operation_id=operation_id,
        case_id=case_id,
        entity_id=entity_id,
        attachments=attachments,
    )
    return ctx.change([draft])


def amend(
    ctx: Context,
    entity_type: str,
    entity_id: str,
    changes: Mapping[str, Any],
    *,
    cleaner: Cleaner | None = None,
) -> Change:
    """Change some fields (``None`` clears one). Nothing changes if nothing differs."""
    record = ctx.require(entity_type, entity_id, "id")
    merged = {**record.data, **changes}
    merged = {k: v for k, v in merged.items() if v is not None}
    scope = Placement(record.operation_id, record.case_id)
    if entity_type == CASE_ENTITY:
        scope = Placement(record.operation_id, None)  # a closed case may be amended (reopened)
    cleaned = clean(ctx, entity_type, merged, scope, cleaner=cleaner)
    changed = {k: v for k, v in cleaned.items() if record.data.get(k) != v}
    removed = [k for k in record.data if k not in cleaned]
    if not changed and not removed:
        return Change(entity_type, entity_id)
    return ctx.change([amend_draft(record, changed, removed)])


def void(ctx: Context, entity_type: str, entity_id: str, reason: str) -> Change:
    """Withdraw a record (it stays in the log, marked void with the reason)."""
    record = ctx.require(entity_type, entity_id, "id")
    if not reason.strip():
        raise InvalidInput(
            coded("void_reason_required", "Reason: required to withdraw a record."), field="reason"
        )
    if record.case_id:
        case = ctx.records.get(CASE_ENTITY, record.case_id)
        if case is not None and case.get("status") != CaseStatus.OPEN.value:
            raise InvalidInput(
                coded(
                    "case_not_open",
                    "Case: closed; reopen it to change it.",
                    status=case.get("status"),
                ),
                field="case_id",
            )
    return ctx.change([void_draft(record, reason.strip())])
