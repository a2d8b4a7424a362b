"""Words for the sync core's codes: import results, alarm kinds, laptops, conflict values.

The core returns statuses, alarm kinds and device ids; this module turns them into the UI
language (marked with ``QT_TRANSLATE_NOOP`` so pyside6-lupdate finds them).
"""

from __future__ import annotations

import json
from typing import Any

from fieldapp.storage.records import VOIDED_FIELD, Record
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.timeline import known_field_label
from ui.words import word

_CTX = "Sync"

REFUSED = "refused"  # not a core status: the bundle raised a KnownError and nothing was written

RESULTS = {
    "imported": QT_TRANSLATE_NOOP("Sync", "Imported"),
    "duplicate": QT_TRANSLATE_NOOP("Sync", "Already here"),
    "held": QT_TRANSLATE_NOOP("Sync", "Held"),
    REFUSED: QT_TRANSLATE_NOOP("Sync", "Refused"),
}
ALARM_KINDS = {
    "fork": QT_TRANSLATE_NOOP("Sync", "Two different chains from one laptop"),
    "conflicting_event": QT_TRANSLATE_NOOP("Sync", "A known record came again, altered"),
    "bad_chain": QT_TRANSLATE_NOOP("Sync", "Records that do not verify"),
    "unknown_signer": QT_TRANSLATE_NOOP("Sync", "Sealed with an unknown key"),
    "unregistered": QT_TRANSLATE_NOOP("Sync", "From a laptop or officer not registered here"),
    "revoked": QT_TRANSLATE_NOOP("Sync", "From a revoked laptop"),
}
ALARM_ADVICE = {
    "fork": QT_TRANSLATE_NOOP(
        "Sync",
        "The laptop was probably cloned or restored from a backup. Find both copies, keep the "
        "laptop with the longer record, and take the other out of use before importing more.",
    ),
    "conflicting_event": QT_TRANSLATE_NOOP(
        "Sync",
        "A record the station already holds arrived with other content: it was altered after "
        "the fact, or the laptop is damaged. The bundle was refused; report it.",
    ),
    "bad_chain": QT_TRANSLATE_NOOP(
        "Sync",
        "The bundle was sealed correctly but its records do not verify (a broken link or "
        "signature). The bundle was refused; check the laptop and report it.",
    ),
    "unknown_signer": QT_TRANSLATE_NOOP(
        "Sync",
        "The bundle was sealed with a key that is not enrolled on that laptop. The bundle was "
        "refused; find out who made it.",
    ),
    "unregistered": QT_TRANSLATE_NOOP(
        "Sync",
        "The bundle names a laptop or officer key that is not in this station's register. "
        "Nothing of it was kept. If the laptop is yours, register its current laptop card "
        "(after a new officer or a recovery it needs a new one) and import again; otherwise "
        "find out who made it.",
    ),
    "revoked": QT_TRANSLATE_NOOP(
        "Sync",
        "The bundle comes from a laptop revoked as lost, stolen or retired, and holds records "
        "made after the revocation. Nothing of it was kept; report it.",
    ),
}
REVOKE_REASONS = {
    "lost": QT_TRANSLATE_NOOP("Sync", "Lost"),
    "stolen": QT_TRANSLATE_NOOP("Sync", "Stolen"),
    "retired": QT_TRANSLATE_NOOP("Sync", "Retired"),
}


def result_text(code: str) -> str:
    return word(RESULTS, code, _CTX)


def alarm_kind_text(kind: object) -> str:
    return word(ALARM_KINDS, kind, _CTX)


def revoke_reason_text(reason: object) -> str:
    return word(REVOKE_REASONS, reason, _CTX)


def alarm_advice(kind: object) -> str:
    text = ALARM_ADVICE.get(str(kind))
    return translate(_CTX, text) if text else ""


def short_device(device_id: str) -> str:
    """The first eight characters: what the bundle's file name starts with, too."""
    return device_id[:8]


def laptop_text(device_id: str, names: list[str], *, this_device: str | None = None) -> str:
    """``Laptop 3f9a1c2e (Astrid Testberg)``, or "This station" for the station's own."""
    if device_id == this_device:
        return translate("Sync", "This station")
    label = translate("Sync", "Laptop {id}").format(id=short_device(device_id))
    return f"{label} ({', '.join(names)})" if names else label


def field_text(field: str) -> str:
    if field == VOIDED_FIELD:
        return translate("Sync", "withdrawn or kept")
    # The case screen's words for a field where it has them ("amount" reads "belopp").
    return known_field_label(field) or field.replace("_", " ")


def value_text(field: str, value: Any) -> str:
    """A conflict's value as it reads: withdrawal as words, the rest as written."""
    if field == VOIDED_FIELD:
        return translate("Sync", "Withdrawn") if value else translate("Sync", "Kept (edited)")
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate("Sync", "yes") if value else translate("Sync", "no")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def place_text(case: Record) -> str:
    """``Hotell Provet, room 312``: how officers tell the cases of one night apart."""
    place = str(case.get("place_name") or case.get("address") or "")
    room = case.get("room")
    if room:
        return translate("Sync", "{place}, room {room}").format(place=place, room=room)
    return place
