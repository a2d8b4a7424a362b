"""The case (ärende): one raid location, its time window and its timeline of observations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import drop_none, not_in_county
from fieldapp.errors import coded
from fieldapp.validation import Problems, choice, moment, text

CASE_ENTITY = "case"
OBSERVATION_ENTITY = "observation"
# The police case number (K-nummer or diarienummer, e.g. "5000-K123456-26"), typed during or
# after the raid: digits, letters and the separators such numbers use, nothing else.
_CASE_NUMBER = re.compile(r"[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö \-/.:]*")


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    TRANSFERRED = "transferred"


class PlaceKind(StrEnum):
    HOTEL = "hotel"
    APARTMENT = "apartment"
    VEHICLE = "vehicle"
    OTHER = "other"


def clean_case(
    data: Mapping[str, Any], p: Problems, *, now: datetime, municipalities: tuple[str, ...] = ()
) -> dict[str, Any]:
    kind = choice(p, data, "place_kind", PlaceKind, required=True)
    start = moment(p, data, "start", required=True, not_after=now)
    end = moment(p, data, "end")
    if start and end and end < start:
        p.add("end", coded("end_before_start", "must not be before the start."))
    municipality = text(p, data, "municipality", required=True, max_len=80)
    if municipality and municipalities and municipality not in municipalities:
        p.add("municipality", not_in_county(municipalities))
    officers = data.get("officers_present") or []
    if not isinstance(officers, list) or not all(isinstance(o, str) for o in officers):
        p.add("officers_present", coded("malformed", "must be a list of officer ids."))
        officers = []
    ads = data.get("linked_ads") or []
    if not isinstance(ads, list) or not all(isinstance(a, str) for a in ads):
        p.add("linked_ads", coded("malformed", "must be a list of ad ids."))
        ads = []
    status = choice(p, data, "status", CaseStatus) or CaseStatus.OPEN
    number = text(p, data, "police_case_number", max_len=40)
    if number and not _CASE_NUMBER.fullmatch(number):
        p.add(
            "police_case_number",
            coded(
                "case_number_characters",
                "only letters, digits, spaces and - / . : (e.g. 5000-K123456-26).",
            ),
        )
    return drop_none(
        {
            "place_kind": kind,
            "place_name": text(
                p, data, "place_name", required=kind is PlaceKind.HOTEL, max_len=160
            ),
            "address": text(p, data, "address", required=True, max_len=300),
            "room": text(p, data, "room", max_len=40),
            "police_case_number": number,
            "municipality": municipality,
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "officers_present": sorted(set(officers)),
            "linked_ads": sorted(set(ads)),
            "status": status,
            "transferred_to": text(
                p, data, "transferred_to", max_len=160, required=status is CaseStatus.TRANSFERRED
            ),
        }
    )


def clean_observation(data: Mapping[str, Any], p: Problems, *, now: datetime) -> dict[str, Any]:
    at = moment(p, data, "at", required=True, not_after=now)
    return drop_none(
        {
            "at": at.isoformat() if at else None,
            "text": text(p, data, "text", required=True),
        }
    )
