"""Case export and import: one case as a self-contained JSON document ("fieldapp-case",
version 1) for training scenarios and for moving a case from one vault to another.

The export holds the case's records as stored, each with its local id, and, for a reader,
what follows from them: each buyer's evaluation, the checklist state, the escalations.
The import reads only the records. It checks the whole document against the schema
(``resources/schema/case-v1.schema.json``) and through the domain cleaners, and either
refuses it with every problem found or creates every record anew, with new ids, in one
transaction. What follows from the records is recomputed by the importing vault.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from fieldapp.counties import load_county
from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY, clean_case
from fieldapp.domain.elements import ELEMENT_ENTITY
from fieldapp.domain.operation import CONTACT_ENTITY, OPERATION_ENTITY
from fieldapp.domain.persons import BUYER, PERSON_ENTITY
from fieldapp.domain.procedure import ANSWER_ENTITY, DECISION_ENTITY, HEARING_ENTITY, NOTICE_ENTITY
from fieldapp.domain.support import SUPPORT_ENTITY
from fieldapp.errors import InvalidInput, Reason, coded
from fieldapp.paths import resource
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.records import Record, create_draft
from fieldapp.validation import Problems
from fieldapp.workflow import cases
from fieldapp.workflow.case_view import (
    TICK_ENTITY,
    CaseView,
    assemble_case_view,
    operation_ticks,
)
from fieldapp.workflow.checklist import ItemState
from fieldapp.workflow.context import Context
from fieldapp.workflow.entities import Placement, clean_for_new
from fieldapp.workflow.legal_checks import check_decision

FORMAT_ID = "fieldapp-case"
FORMAT_VERSION = 1
SCHEMA_PATH = ("schema", "case-v1.schema.json")
EXPORT_PURPOSE = "export"

# Keys the export adds beside a record's stored fields; the import does not store them.
_EXPORT_ONLY = frozenset({"id", "ticked_by", "ticked_at"})


@dataclass(frozen=True)
class Section:
    """One list of records in the document, and the ids its records point to."""

    key: str
    entity_type: str
    refs: tuple[tuple[str, str], ...] = ()  # (field, what it must name)


# In the order the import creates them: a record after the records it points to.
CASE_SECTIONS: tuple[Section, ...] = (
    Section("persons", PERSON_ENTITY),
    Section("elements", ELEMENT_ENTITY, (("buyer_id", "buyer"),)),
    Section("notices", NOTICE_ENTITY, (("buyer_id", "buyer"),)),
    Section("hearings", HEARING_ENTITY, (("person_id", "person"),)),
    Section("decisions", DECISION_ENTITY, (("buyer_id", "buyer"),)),
    Section("buyer_answers", ANSWER_ENTITY, (("decision_id", "decision"),)),
    Section("support_offers", SUPPORT_ENTITY, (("person_id", "person"), ("contact_id", "contact"))),
    Section("observations", OBSERVATION_ENTITY),
    Section("ticks", TICK_ENTITY, (("subject_id", "person"),)),
)
_REF_WORDS = {
    "buyer": coded("dangling_reference", "no buyer with this id in the document.", kind="buyer"),
    "person": coded("dangling_reference", "no person with this id in the document.", kind="person"),
    "decision": coded(
        "dangling_reference", "no decision with this id in the document.", kind="decision"
    ),
    "contact": coded(
        "dangling_reference", "no contact with this id in the document's contacts.", kind="contact"
    ),
}


# -- export ---------------------------------------------------------------------------------


def export_case(ctx: Context, case_id: str) -> dict[str, Any]:
    """The case as a document (see the module docstring). Every person exported is logged
    as an access by this officer, since the export reads their records (brottsdatalagen)."""
    view = cases.case_view(ctx, case_id)
    if view.operation is None:
        raise InvalidInput(
            coded("case_without_operation", "Case: it belongs to no operation."), field="case_id"
        )
    by_type = _by_type(ctx.records.for_case(case_id))
    operation_wide = operation_ticks(ctx.records, view.operation.entity_id)
    document: dict[str, Any] = {
        "format": FORMAT_ID,
        "version": FORMAT_VERSION,
        "exported_at": ctx.now().isoformat(),
        "exported_by": ctx.officer_id,
        "vault_id": ctx.session.vault_id,
        "device_id": ctx.session.device_id,
        "last_event_hash": last_event_hash(ctx, case_id),
        "completion_rule": view.rule.value,
        "operation": _plain(view.operation),
        "operation_ticks": [_tick(t) for t in operation_wide],
        "contacts": _referenced_contacts(ctx, by_type.get(SUPPORT_ENTITY, [])),
        "case": _plain(view.case),
        "checklist": [_item_state(s) for s in cases.checklist(ctx, case_id)],
        "evaluations": _evaluations(view),
        "escalations": [e.value for e in view.escalations],
    }
    for section in CASE_SECTIONS:
        shape = _tick if section.entity_type == TICK_ENTITY else _plain
        rows = sorted(by_type.get(section.entity_type, []), key=_in_time_order)
        document[section.key] = [shape(r) for r in rows]
    for person in document["persons"]:
        ctx.session.record_access(PERSON_ENTITY, person["id"], EXPORT_PURPOSE)
    return document


def dump_document(document: Mapping[str, Any]) -> str:
    """The document as text: sorted keys, so the same state always gives the same bytes."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def last_event_hash(ctx: Context, case_id: str) -> str:
    """The entry hash (hex) of the newest event that changed the case or one of its records,
    withdrawn ones included; the hybrid clock orders events across laptops."""
    row = ctx.session.conn.execute(
        "SELECT e.entry_hash FROM records r JOIN events e ON e.id = r.last_event "
        "WHERE r.case_id = ? OR (r.entity_type = ? AND r.entity_id = ?) "
        "ORDER BY e.hlc DESC, e.rowid DESC LIMIT 1",
        (case_id, CASE_ENTITY, case_id),
    ).fetchone()
    if row is None:
        raise InvalidInput(coded("no_such_case", "case_id: no such case."), field="case_id")
    return bytes(row[0]).hex()


def _by_type(records: Iterable[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = {}
    for record in records:
        grouped.setdefault(record.entity_type, []).append(record)
    return grouped


def _in_time_order(record: Record) -> tuple[float, str, str]:
    # When it happened, where the record says; else when it was recorded. Records made in
    # one transaction share a millisecond, so the stored order alone would read as random.
    said = record.get("at") or record.get("offered_at")
    when = datetime.fromisoformat(said).timestamp() if isinstance(said, str) else 0.0
    return when, record.created_at, record.entity_id


def _plain(record: Record) -> dict[str, Any]:
    return {**record.data, "id": record.entity_id}


def _tick(record: Record) -> dict[str, Any]:
    # Who ticked and when are the event's, not the record's fields: the export adds them.
    return {**_plain(record), "ticked_by": record.created_by, "ticked_at": record.created_at}


def _referenced_contacts(ctx: Context, offers: list[Record]) -> list[dict[str, Any]]:
    ids = sorted({o.get("contact_id") for o in offers if o.get("contact_id")})
    found = (ctx.records.get(CONTACT_ENTITY, i) for i in ids)
    return [_plain(c) for c in found if c is not None]


def _item_state(state: ItemState) -> dict[str, Any]:
    out: dict[str, Any] = {
        "item_id": state.item.id,
        "phase": state.item.phase,
        "scope": state.item.scope.value,
        "mandatory": state.item.mandatory,
        "done": state.done,
        "by_data": state.by_data,
    }
    if state.subject_id:
        out["subject_id"] = state.subject_id
    if state.tick is not None:
        out["tick_id"] = state.tick.entity_id
        out["ticked_by"] = state.tick.created_by
        out["ticked_at"] = state.tick.created_at
    return out


def _evaluations(view: CaseView) -> list[dict[str, Any]]:
    return [
        {
            "buyer_id": b.id,
            "outcome": b.evaluation.outcome.value,
            "rule": b.evaluation.rule.value,
            "established": [e.value for e in b.evaluation.established],
            "missing": [e.value for e in b.evaluation.missing],
            "offence_date": b.offence_date.isoformat(),
            "rule_set": b.rules.id,
            "offence": {"name_sv": b.offence.name_sv, "section": b.offence.section},
        }
        for b in view.buyers
    ]


# -- import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What an import created: the case, its operation, and each document id's new id."""

    case_id: str
    operation_id: str
    operation_created: bool
    new_ids: Mapping[str, str]
    events: tuple[Event, ...]
    source_vault_id: str | None = None
    source_last_event_hash: str | None = None


@dataclass
class _Cleaned:
    """A record that passed its cleaner, waiting for its new id and references."""

    entity_type: str
    old_id: str
    data: dict[str, Any]
    refs: tuple[tuple[str, str], ...] = ()
    in_case: bool = True


@dataclass
class _Plan:
    """Everything the import will create, built while checking."""

    operation_id: str | None = None  # an existing operation, or None for a new one
    operation: _Cleaned | None = None
    contacts: list[_Cleaned] = field(default_factory=list)
    contact_ids: dict[str, str] = field(default_factory=dict)  # document id -> existing id
    duplicates: dict[str, str] = field(default_factory=dict)  # document id -> same entry's id
    case: _Cleaned | None = None
    records: list[_Cleaned] = field(default_factory=list)


def import_case(ctx: Context, document: Any, operation_id: str | None = None) -> ImportResult:
    """Create the document's case in this vault (into ``operation_id``, or into a new
    operation made from the document). Refuses the whole document with ``InvalidInput``
    listing every problem as ``(field path, reason)``; then nothing is stored."""
    schema_problems = schema_problems_of(document)
    p = Problems()
    plan = _Plan(operation_id)
    if isinstance(document, Mapping):
        _check_document(ctx, document, plan, p)
    _refuse_if_any(schema_problems, list(p))
    drafts, new_ids = _drafts(plan)
    change = ctx.change(drafts)  # one transaction: the whole case or nothing
    assert plan.case is not None
    return ImportResult(
        case_id=new_ids[plan.case.old_id],
        operation_id=drafts[0].entity_id if plan.operation_id is None else plan.operation_id,
        operation_created=plan.operation_id is None,
        new_ids=new_ids,
        events=change.events,
        source_vault_id=document.get("vault_id"),
        source_last_event_hash=document.get("last_event_hash"),
    )


def _check_document(ctx: Context, doc: Mapping[str, Any], plan: _Plan, p: Problems) -> None:
    county = _check_operation(ctx, doc, plan, p)
    _check_contacts(ctx, doc, plan, p)
    _check_case(ctx, doc, plan, county, p)
    targets = _targets(doc)
    _check_unique_ids(doc, p)
    placement = Placement(operation_id=plan.operation_id)
    for section in CASE_SECTIONS:
        for i, item in _objects(doc, section.key):
            at = p.at(f"{section.key}[{i}]")
            cleaned = _clean(ctx, section.entity_type, item, placement, at)
            _check_refs(item, section.refs, targets, at)
            if cleaned is not None:
                plan.records.append(
                    _Cleaned(section.entity_type, str(item.get("id")), cleaned, section.refs)
                )
    _check_ticks_once(doc, p)
    if not p:
        _check_decisions(ctx, doc, plan, p)
    if plan.operation_id is None:
        # The operation's own ticks (briefing held …) come along only with a new operation:
        # an existing operation's briefing is not the one this document speaks of.
        for i, item in _objects(doc, "operation_ticks"):
            cleaned = _clean(ctx, TICK_ENTITY, item, placement, p.at(f"operation_ticks[{i}]"))
            if cleaned is not None:
                plan.records.append(
                    _Cleaned(TICK_ENTITY, str(item.get("id")), cleaned, in_case=False)
                )


def _check_decisions(ctx: Context, doc: Mapping[str, Any], plan: _Plan, p: Problems) -> None:
    """The law's checks on each decision, as when it is typed in (``check_decision``), on a
    view of the case assembled from the document: an advance approval before 2023, for a
    suspect under 18 or in a child case, or day-fines alone after 2022-08-01, is refused
    with the same words, and nothing is stored."""
    if plan.case is None:
        return
    case = _as_record(plan.case, None)
    rows = [_as_record(r, case.entity_id) for r in plan.records if r.in_case]
    view = assemble_case_view(case, rows, None, ctx.completion_rule)
    for i, item in _objects(doc, "decisions"):
        data = _fields(item)
        if data.get("buyer_id") and data.get("decision"):
            check_decision(view, data, p.at(f"decisions[{i}]"))


def _as_record(cleaned: _Cleaned, case_id: str | None) -> Record:
    """A planned record as the views read one; its references still name document ids."""
    return Record(
        entity_type=cleaned.entity_type,
        entity_id=cleaned.old_id,
        operation_id=None,
        case_id=case_id,
        data=cleaned.data,
        created_at="",
        created_by="",
        updated_at="",
        updated_by="",
        last_event="",
        voided=False,
        void_reason=None,
    )


def _check_operation(ctx: Context, doc: Mapping[str, Any], plan: _Plan, p: Problems) -> str | None:
    """Check the target or the document's operation; returns its county."""
    if plan.operation_id is not None:
        existing = ctx.records.get(OPERATION_ENTITY, plan.operation_id)
        if existing is None or existing.voided:
            p.add("operation_id", coded("no_such_operation", "no such operation in this vault."))
            return None
        county = existing.get("county")
        return str(county) if county else None
    raw = doc.get("operation")
    if not isinstance(raw, Mapping):
        return None  # the schema reports it
    at = p.at("operation")
    cleaned = _clean(ctx, OPERATION_ENTITY, raw, Placement(), at)
    if cleaned is None:
        return None
    plan.operation = _Cleaned(OPERATION_ENTITY, str(raw.get("id")), cleaned, in_case=False)
    county = cleaned.get("county")
    if county:
        with at.catching("county"):
            load_county(county)
            return str(county)
    return None


def _contact_key(data: Mapping[str, Any]) -> tuple[Any, ...]:
    return (data.get("role"), data.get("organisation"), data.get("unit"))


def _check_contacts(ctx: Context, doc: Mapping[str, Any], plan: _Plan, p: Problems) -> None:
    """A contact already in the target directory (same role, organisation and unit) is used
    as it is; only the others are added, so no contact is listed twice."""
    placement = Placement(operation_id=plan.operation_id)
    wanted: dict[tuple[Any, ...], _Cleaned] = {}
    for i, item in _objects(doc, "contacts"):
        cleaned = _clean(ctx, CONTACT_ENTITY, item, placement, p.at(f"contacts[{i}]"))
        if cleaned is not None:
            contact = _Cleaned(CONTACT_ENTITY, str(item.get("id")), cleaned, in_case=False)
            wanted.setdefault(_contact_key(cleaned), contact)
            if wanted[_contact_key(cleaned)] is not contact:  # the same entry twice
                plan.duplicates[contact.old_id] = wanted[_contact_key(cleaned)].old_id
    if plan.operation_id is not None:
        for existing in ctx.records.find(CONTACT_ENTITY, operation_id=plan.operation_id):
            match = wanted.pop(_contact_key(existing.data), None)
            if match is not None:
                plan.contact_ids[match.old_id] = existing.entity_id
        plan.contacts = list(wanted.values())
        return
    operation = doc.get("operation")
    county = operation.get("county") if isinstance(operation, Mapping) else None
    plan.contacts = _directory_for_new_operation(ctx, county, wanted)


def _directory_for_new_operation(
    ctx: Context, county: object, wanted: dict[tuple[Any, ...], _Cleaned]
) -> list[_Cleaned]:
    """The county profile's contacts, as ``create_operation`` gives a new operation, where
    the document's version of the same contact replaces the profile's; then the rest."""
    directory: list[_Cleaned] = []
    profile: tuple[dict[str, Any], ...] = ()
    if isinstance(county, str) and county:
        try:
            profile = load_county(county).contacts
        except InvalidInput:
            profile = ()  # reported with the operation
    for contact in profile:
        cleaned = clean_for_new(ctx, CONTACT_ENTITY, contact, Placement())
        key = _contact_key(cleaned)
        if key in wanted:
            directory.append(wanted.pop(key))
        else:
            directory.append(_Cleaned(CONTACT_ENTITY, "", cleaned, in_case=False))
    return directory + list(wanted.values())


def _check_case(
    ctx: Context, doc: Mapping[str, Any], plan: _Plan, county: str | None, p: Problems
) -> None:
    raw = doc.get("case")
    if not isinstance(raw, Mapping):
        return
    at = p.at("case")
    # The domain cleaner directly: ``clean_for_new`` would look the operation's county up in
    # the vault, and a new operation is not there yet.
    municipalities = _municipalities(county)
    cleaned = clean_case(_fields(raw), at, now=ctx.latest_allowed(), municipalities=municipalities)
    plan.case = _Cleaned(CASE_ENTITY, str(raw.get("id")), cleaned, in_case=False)


def _municipalities(county: str | None) -> tuple[str, ...]:
    if not county:
        return ()
    try:
        return load_county(county).municipalities
    except InvalidInput:
        return ()  # reported with the operation


def _targets(doc: Mapping[str, Any]) -> dict[str, set[str]]:
    """The ids each kind of reference may name."""
    persons = [item for _, item in _objects(doc, "persons")]
    return {
        "person": {str(x.get("id")) for x in persons},
        "buyer": {str(x.get("id")) for x in persons if x.get("role") == BUYER},
        "decision": {str(x.get("id")) for _, x in _objects(doc, "decisions")},
        "contact": {str(x.get("id")) for _, x in _objects(doc, "contacts")},
    }


def _check_refs(
    item: Mapping[str, Any],
    refs: tuple[tuple[str, str], ...],
    targets: Mapping[str, set[str]],
    p: Problems,
) -> None:
    for name, kind in refs:
        value = item.get(name)
        if isinstance(value, str) and value and value not in targets[kind]:
            p.add(name, _REF_WORDS[kind])


def _check_unique_ids(doc: Mapping[str, Any], p: Problems) -> None:
    # Every reference is matched by id, so one id must name one record.
    seen: set[str] = set()
    for key in ("operation", "case"):
        record = doc.get(key)
        if isinstance(record, Mapping) and isinstance(record.get("id"), str):
            seen.add(record["id"])
    keys = ["contacts", "operation_ticks", *(s.key for s in CASE_SECTIONS)]
    for key in keys:
        for i, item in _objects(doc, key):
            value = item.get("id")
            if isinstance(value, str) and value in seen:
                p.add(
                    f"{key}[{i}].id",
                    coded("duplicate_id", "used by another record in this document."),
                )
            seen.add(str(value))


def _check_ticks_once(doc: Mapping[str, Any], p: Problems) -> None:
    seen: set[tuple[Any, Any]] = set()
    for i, item in _objects(doc, "ticks"):
        key = (item.get("item_id"), item.get("subject_id"))
        if key in seen:
            p.add(
                f"ticks[{i}]",
                coded("ticked_twice", "this item is ticked twice for the same subject."),
            )
        seen.add(key)


def _objects(doc: Mapping[str, Any], key: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """The objects of one list; anything else is left to the schema to report."""
    items = doc.get(key)
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            yield i, item


def _fields(item: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in _EXPORT_ONLY}


def _clean(
    ctx: Context, entity_type: str, item: Mapping[str, Any], placement: Placement, p: Problems
) -> dict[str, Any] | None:
    try:
        return clean_for_new(ctx, entity_type, _fields(item), placement)
    except InvalidInput as exc:
        for name, reason in exc.problems:
            p.add(name, reason)
        return None


def _refuse_if_any(
    schema_problems: list[tuple[str, Reason]], cleaner_problems: list[tuple[str, Reason]]
) -> None:
    """One list: the schema's problems, then the cleaners' on fields the schema passed."""
    named = {path for path, _ in schema_problems}
    merged = schema_problems + [c for c in cleaner_problems if c[0] not in named]
    if not merged:
        return
    merged.sort(key=lambda pr: _path_key(pr[0]))
    listing = "; ".join(f"{f}: {r}" for f, r in merged)
    raise InvalidInput(
        f"The case document was refused ({len(merged)} problem(s)): {listing}",
        field=merged[0][0],
        problems=tuple(merged),
    )


def _path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    # persons[2] before persons[10]; numbers and names never compared with each other.
    # ASCII digits only: '¹' is a digit to str.isdigit but not to int() (found by fuzzing).
    parts = [t for t in re.split(r"[.\[\]]", path) if t]
    return tuple((0, int(t)) if t.isascii() and t.isdigit() else (1, t) for t in parts)


def _drafts(plan: _Plan) -> tuple[list[Draft], dict[str, str]]:
    """Every record with a new id, references rewritten, parents first."""
    new_ids: dict[str, str] = {}

    def new_id(cleaned: _Cleaned) -> str:
        fresh = str(uuid.uuid4())
        if cleaned.old_id:
            new_ids[cleaned.old_id] = fresh
        return fresh

    drafts: list[Draft] = []
    operation_id = plan.operation_id
    if plan.operation is not None:
        operation_id = new_id(plan.operation)
        drafts.append(create_draft(OPERATION_ENTITY, plan.operation.data, entity_id=operation_id))
    for contact in plan.contacts:
        drafts.append(
            create_draft(
                CONTACT_ENTITY, contact.data, operation_id=operation_id, entity_id=new_id(contact)
            )
        )
    new_ids.update(plan.contact_ids)
    for old, same in plan.duplicates.items():
        new_ids[old] = new_ids[same]
    assert plan.case is not None
    case_id = new_id(plan.case)
    drafts.append(
        create_draft(CASE_ENTITY, plan.case.data, operation_id=operation_id, entity_id=case_id)
    )
    for record in plan.records:
        record_id = new_id(record)
        data = dict(record.data)
        for name, _ in record.refs:
            if name in data:
                data[name] = new_ids[data[name]]
        drafts.append(
            create_draft(
                record.entity_type,
                data,
                operation_id=operation_id,
                case_id=case_id if record.in_case else None,
                entity_id=record_id,
            )
        )
    return drafts, new_ids


# -- the schema -----------------------------------------------------------------------------


@cache
def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resource(*SCHEMA_PATH).read_text("utf-8"))
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


def schema_problems_of(document: Any) -> list[tuple[str, Reason]]:
    """The document's schema violations as ``(field path, reason)``. Reasons are our own
    words, never the offending value: a file's values may be personal data."""
    found: list[tuple[str, Reason, bool]] = []  # path, reason, from unevaluatedProperties
    for error in _validator().iter_errors(document):
        unevaluated = error.validator == "unevaluatedProperties"
        found.extend((path, reason, unevaluated) for path, reason in _schema_problem(error))
    # When a record's kind-specific part fails (an unknown kind, a negative amount), JSON
    # Schema forgets which fields that part allows and calls them all unknown. Those
    # reports are noise beside the real problem, so they wait until it is fixed.
    real = [path for path, _, unevaluated in found if not unevaluated]
    problems = {
        (path, reason)
        for path, reason, unevaluated in found
        if not (unevaluated and any(_inside(r, _parent(path)) for r in real))
    }
    return sorted(problems, key=lambda pr: _path_key(pr[0]))


def _inside(path: str, record: str) -> bool:
    return path.startswith((f"{record}.", f"{record}["))


_NOT_KNOWN = coded("unknown_field", "not a field of this format.")
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}


def _schema_problem(error: ValidationError) -> list[tuple[str, Reason]]:
    path = _json_path(error.absolute_path)
    rule, value = error.validator, error.validator_value
    if rule == "required":
        instance = error.instance if isinstance(error.instance, Mapping) else {}
        return [
            (_join(path, k), coded("required", "required.")) for k in value if k not in instance
        ]
    if rule in ("additionalProperties", "unevaluatedProperties"):
        names = re.findall(r"'([^']*)'", error.message.partition("(")[2])
        return [(_join(path, n), _NOT_KNOWN) for n in names] or [(path, _NOT_KNOWN)]
    return [(path or "(document)", _schema_reason(str(rule), value))]


def _schema_reason(rule: str, value: Any) -> Reason:
    if rule == "type":
        kinds = value if isinstance(value, list) else [value]
        words = " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kinds)
        return coded("wrong_type", f"must be {words}.")
    if rule == "enum":
        return coded("not_a_choice", f"must be one of {', '.join(str(v) for v in value)}.")
    if rule == "const":
        return coded("not_the_value", f"must be {json.dumps(value, ensure_ascii=False)}.")
    if rule in ("minimum", "exclusiveMinimum"):
        if value == 0:
            return coded("negative", "must not be negative.")
        return coded("too_small", f"at least {value}.", minimum=value)
    if rule in ("maximum", "exclusiveMaximum"):
        return coded("too_large", f"at most {value}.", maximum=value)
    if rule == "minLength":
        return coded("required", "required.")
    if rule == "maxLength":
        return coded("too_long", f"at most {value} characters.", limit=value)
    if rule == "pattern":
        return coded("wrong_form", "not in the form the format requires.")
    return coded("wrong_form", f"does not follow the format (schema rule '{rule}').")


def _json_path(parts: Iterable[str | int]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _parent(path: str) -> str:
    return path.rsplit(".", 1)[0] if "." in path else ""


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
