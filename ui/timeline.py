"""The timeline's words: each event of a case as one line the officer can read, with
corrections shown as corrections of the event they correct (the event's ``parents``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fieldapp.storage.events import Event
from fieldapp.workflow.checklist import load_checklist
from ui.i18n import QT_TRANSLATE_NOOP, current_language, translate
from ui.words import (
    BUYER_ANSWERS,
    CASE_STATUS,
    CIVIL_STATUS,
    DECIDER_ROLES,
    DECISION_HOW,
    DECISION_KINDS,
    ELEMENT_KINDS,
    ENTITY_TYPES,
    IDENTITY_METHODS,
    PERSON_ROLES,
    PLACE_KINDS,
    SOURCES,
    SUPPORT_OUTCOMES,
    clock,
    kr,
    short_moment,
    word,
)

# Every field a case's records hold, as the timeline names it in a correction.
_FIELDS = {
    "name": QT_TRANSLATE_NOOP("Timeline", "name"),
    "personal_id": QT_TRANSLATE_NOOP("Timeline", "identity number"),
    "date_of_birth": QT_TRANSLATE_NOOP("Timeline", "date of birth"),
    "identity_method": QT_TRANSLATE_NOOP("Timeline", "identity established by"),
    "identity_note": QT_TRANSLATE_NOOP("Timeline", "note on the identity"),
    "foreign_id": QT_TRANSLATE_NOOP("Timeline", "identity document"),
    "nationality": QT_TRANSLATE_NOOP("Timeline", "nationality"),
    "civil_status": QT_TRANSLATE_NOOP("Timeline", "civil status"),
    "phone": QT_TRANSLATE_NOOP("Timeline", "phone"),
    "email": QT_TRANSLATE_NOOP("Timeline", "e-mail"),
    "address": QT_TRANSLATE_NOOP("Timeline", "address"),
    "language": QT_TRANSLATE_NOOP("Timeline", "language"),
    "interpreter_needed": QT_TRANSLATE_NOOP("Timeline", "interpreter needed"),
    "interpreter_language": QT_TRANSLATE_NOOP("Timeline", "interpreter's language"),
    "interpreter": QT_TRANSLATE_NOOP("Timeline", "interpreter"),
    "interpreter_used": QT_TRANSLATE_NOOP("Timeline", "interpreter used"),
    "estimated_age": QT_TRANSLATE_NOOP("Timeline", "estimated age"),
    "possibly_minor": QT_TRANSLATE_NOOP("Timeline", "possibly under 18"),
    "relation": QT_TRANSLATE_NOOP("Timeline", "relation to the case"),
    "income": QT_TRANSLATE_NOOP("Timeline", "income"),
    "indicators": QT_TRANSLATE_NOOP("Timeline", "trafficking indicators"),
    "kind": QT_TRANSLATE_NOOP("Timeline", "kind"),
    "amount": QT_TRANSLATE_NOOP("Timeline", "amount"),
    "currency": QT_TRANSLATE_NOOP("Timeline", "currency"),
    "what": QT_TRANSLATE_NOOP("Timeline", "what was agreed"),
    "at": QT_TRANSLATE_NOOP("Timeline", "time"),
    "source": QT_TRANSLATE_NOOP("Timeline", "source"),
    "observer": QT_TRANSLATE_NOOP("Timeline", "observed by"),
    "money_seized": QT_TRANSLATE_NOOP("Timeline", "money seized"),
    "seizure": QT_TRANSLATE_NOOP("Timeline", "seizure"),
    "room": QT_TRANSLATE_NOOP("Timeline", "room"),
    "place_name": QT_TRANSLATE_NOOP("Timeline", "place"),
    "place_kind": QT_TRANSLATE_NOOP("Timeline", "kind of place"),
    "municipality": QT_TRANSLATE_NOOP("Timeline", "municipality"),
    "start": QT_TRANSLATE_NOOP("Timeline", "entry"),
    "end": QT_TRANSLATE_NOOP("Timeline", "end"),
    "officers_present": QT_TRANSLATE_NOOP("Timeline", "officers present"),
    "note": QT_TRANSLATE_NOOP("Timeline", "note"),
    "text": QT_TRANSLATE_NOOP("Timeline", "text"),
    "outcome": QT_TRANSLATE_NOOP("Timeline", "outcome"),
    "organisation": QT_TRANSLATE_NOOP("Timeline", "organisation"),
    "contact_id": QT_TRANSLATE_NOOP("Timeline", "contact"),
    "offered_at": QT_TRANSLATE_NOOP("Timeline", "offered at"),
    "offered_by": QT_TRANSLATE_NOOP("Timeline", "offered by"),
    "leaflet_language": QT_TRANSLATE_NOOP("Timeline", "leaflet language"),
    "person_id": QT_TRANSLATE_NOOP("Timeline", "person"),
    "buyer_id": QT_TRANSLATE_NOOP("Timeline", "buyer"),
    "subject_id": QT_TRANSLATE_NOOP("Timeline", "person"),
    "where": QT_TRANSLATE_NOOP("Timeline", "where"),
    "by": QT_TRANSLATE_NOOP("Timeline", "by"),
    "suspicion": QT_TRANSLATE_NOOP("Timeline", "suspicion"),
    "rights_given": QT_TRANSLATE_NOOP("Timeline", "rights explained"),
    "lawyer_requested": QT_TRANSLATE_NOOP("Timeline", "lawyer requested"),
    "decision": QT_TRANSLATE_NOOP("Timeline", "decision"),
    "decided_by": QT_TRANSLATE_NOOP("Timeline", "decided by"),
    "decider_role": QT_TRANSLATE_NOOP("Timeline", "role of the decider"),
    "how": QT_TRANSLATE_NOOP("Timeline", "how the decision came"),
    "sanction": QT_TRANSLATE_NOOP("Timeline", "sanction"),
    "answer": QT_TRANSLATE_NOOP("Timeline", "answer"),
    "status": QT_TRANSLATE_NOOP("Timeline", "status"),
    "linked_ads": QT_TRANSLATE_NOOP("Timeline", "linked ads"),
}
_OTHER_FIELD = QT_TRANSLATE_NOOP("Timeline", "another detail")
# Fields whose values are codes, with the words for them.
_VALUES: dict[str, Mapping[str, str]] = {
    "identity_method": IDENTITY_METHODS,
    "civil_status": CIVIL_STATUS,
    "source": SOURCES,
    "outcome": SUPPORT_OUTCOMES,
    "kind": ELEMENT_KINDS,
    "place_kind": PLACE_KINDS,
    "decision": DECISION_KINDS,
    "decider_role": DECIDER_ROLES,
    "how": DECISION_HOW,
    "answer": BUYER_ANSWERS,
    "status": CASE_STATUS,
    "role": PERSON_ROLES,
}
_PEOPLE_FIELDS = ("person_id", "buyer_id", "subject_id")


def field_label(field: str) -> str:
    """A field's name in the UI language; never the core's identifier."""
    return translate("Timeline", _FIELDS.get(field, _OTHER_FIELD))


def known_field_label(field: str) -> str | None:
    """A field's name in the UI language, or None for a field that has none here."""
    label = _FIELDS.get(field)
    return None if label is None else translate("Timeline", label)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "…"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) if value else "–"
    if isinstance(value, str) and "T" in value and value[:4].isdigit():
        try:
            return short_moment(value)
        except ValueError:
            pass
    if isinstance(value, bool):
        return translate("Timeline", "yes") if value else translate("Timeline", "no")
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + "…"
    return str(value)


class Describer:
    """Words one event; ``people`` gives a person's current name by id."""

    def __init__(self, people: Callable[[str], str]) -> None:
        self._people = people
        checklist = load_checklist()
        swedish = current_language() == "sv"
        self._items = {i.id: (i.text_sv if swedish else i.text_en) for i in checklist.items}

    def __call__(self, event: Event, events: Mapping[str, Event]) -> str:
        body = event.data
        if event.kind == "create":
            return self._created(event.entity_type, body.get("data", {}))
        if event.kind == "amend":
            return self._amended(event, body, events)
        if event.kind == "void":
            what = self._about(event, events)
            return translate("Timeline", "Withdrawn: {what}. Reason: {reason}").format(
                what=what, reason=body.get("reason", "")
            )
        if event.kind == "access" and event.entity_type == "photo":
            return translate("Timeline", "Opened a photo")
        if event.entity_type == "purge":
            # Shown at the station, which keeps the case: a laptop made room under retention.
            return translate(
                "Timeline", "Purged from the laptop that recorded it ({count} events); kept here"
            ).format(count=body.get("events", 0))
        if event.kind == "access":
            return translate("Timeline", "Opened the record of {name}").format(
                name=self._people(event.entity_id)
            )
        return word(ENTITY_TYPES, event.entity_type)

    # -- creates ------------------------------------------------------------------------------

    def _created(self, entity_type: str, data: Mapping[str, Any]) -> str:
        kind = data.get("kind")
        if entity_type == "observation":
            return translate("Timeline", "Note: {text}").format(text=data.get("text", ""))
        if entity_type == "element":
            return self._element(data)
        if entity_type == "person":
            # One text per role: Swedish inflects "added" by the noun (vittne tillagt).
            added = {
                "buyer": QT_TRANSLATE_NOOP("Timeline", "Buyer added: {name}"),
                "seller": QT_TRANSLATE_NOOP("Timeline", "Seller added: {name}"),
                "witness": QT_TRANSLATE_NOOP("Timeline", "Witness added: {name}"),
            }
            template = added.get(
                str(data.get("role")), QT_TRANSLATE_NOOP("Timeline", "Added: {name}")
            )
            return translate("Timeline", template).format(name=data.get("name", ""))
        if entity_type == "support_offer":
            return translate("Timeline", "Support offered to {name}: {outcome}").format(
                name=self._people(str(data.get("person_id"))),
                outcome=word(SUPPORT_OUTCOMES, data.get("outcome")),
            )
        if entity_type == "notice":
            return translate(
                "Timeline", "Notice of suspicion given to {name}, rights explained"
            ).format(name=self._people(str(data.get("buyer_id"))))
        if entity_type == "hearing":
            return translate("Timeline", "Hearing with {name} ({where})").format(
                name=self._people(str(data.get("person_id"))), where=data.get("where", "")
            )
        if entity_type == "decision":
            return self._decision(data)
        if entity_type == "buyer_answer":
            return translate("Timeline", "The buyer {answer} the summary penalty").format(
                answer=word(BUYER_ANSWERS, data.get("answer"))
            )
        if entity_type == "checklist_tick":
            text = translate("Timeline", "Ticked: {item}").format(
                item=self._items.get(str(data.get("item_id")), "")
            )
            note = data.get("note")
            return f"{text} – {note}" if note else text
        if entity_type == "photo" and data.get("about") == "seizure":
            return translate("Timeline", "Photo of the seized money attached")
        if entity_type == "photo":
            return translate("Timeline", "Photo attached")
        if entity_type == "case":
            return translate("Timeline", "Case opened: {place}").format(
                place=data.get("place_name") or data.get("address", "")
            )
        return word(ENTITY_TYPES, entity_type) if kind is None else str(kind)

    def _element(self, data: Mapping[str, Any]) -> str:
        parts = [word(ELEMENT_KINDS, data.get("kind"))]
        if data.get("amount"):
            currency = data.get("currency", "SEK")
            amount = data["amount"]
            parts.append(kr(amount) if currency == "SEK" else f"{amount} {currency}")
        if data.get("what"):
            parts.append(str(data["what"]))
        if data.get("source"):
            parts.append(f"({word(SOURCES, data['source'])})")
        if data.get("seized"):
            parts.append(translate("Timeline", "seized"))
        return " ".join(parts[:1]) + ": " + " ".join(parts[1:]) if len(parts) > 1 else parts[0]

    def _decision(self, data: Mapping[str, Any]) -> str:
        text = translate("Timeline", "Decision: {kind}, by {who}").format(
            kind=word(DECISION_KINDS, data.get("decision")), who=data.get("decided_by", "")
        )
        sanction = data.get("sanction") or {}
        if sanction.get("day_fines"):
            text += " – " + translate("Timeline", "{count} day-fines of {amount}").format(
                count=sanction["day_fines"], amount=kr(sanction.get("day_fine_amount_sek"))
            )
        if sanction.get("conditional_sentence"):
            text += " – " + translate("Timeline", "conditional sentence")
        return text

    # -- corrections --------------------------------------------------------------------------

    def _about(self, event: Event, events: Mapping[str, Event]) -> str:
        """What an amend or void concerns: the record as first recorded (following the
        chain of parents back to its creation), with the time of the event corrected."""
        parent = next((events[p] for p in event.parents if p in events), None)
        if parent is None:
            return word(ENTITY_TYPES, event.entity_type)
        origin = parent
        seen = {event.id}
        while origin.kind != "create" and origin.id not in seen:
            seen.add(origin.id)
            earlier = next((events[p] for p in origin.parents if p in events), None)
            if earlier is None:
                break
            origin = earlier
        if origin.kind == "create":
            what = self._created(origin.entity_type, origin.data.get("data", {}))
        else:
            what = word(ENTITY_TYPES, origin.entity_type)
        return f"{what} ({clock(parent.wall_time)})"

    def _field_value(self, field: str, value: Any) -> str:
        """A changed value as words: a code by its table, a person by name."""
        if field in _VALUES and isinstance(value, str):
            return word(_VALUES[field], value)
        if field in _PEOPLE_FIELDS and isinstance(value, str):
            return self._people(value)
        return _value(value)

    def _amended(self, event: Event, body: Mapping[str, Any], events: Mapping[str, Event]) -> str:
        changes: dict[str, Any] = dict(body.get("set", {}))
        if event.entity_type == "case" and {*changes, *(body.get("unset") or [])} == {"linked_ads"}:
            # An ad linked or unlinked (from the case screen, Ctrl+K): how many are linked now.
            return translate("Timeline", "Linked ads: {count}").format(
                count=len(changes.get("linked_ads") or [])
            )
        if event.entity_type == "case" and "status" in changes:
            status = word(CASE_STATUS, changes["status"])
            text = translate("Timeline", "Case {status}").format(status=status)
            if changes.get("transferred_to"):
                text += f": {changes['transferred_to']}"
            return text
        listed = ", ".join(
            f"{field_label(k)} {self._field_value(k, v)}" for k, v in changes.items()
        )
        removed = body.get("unset") or []
        if removed:
            listed += (", " if listed else "") + translate("Timeline", "cleared: {fields}").format(
                fields=", ".join(field_label(k) for k in removed)
            )
        return translate("Timeline", "Correction of {what}: {changes}").format(
            what=self._about(event, events), changes=listed
        )
