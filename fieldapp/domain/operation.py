"""The operation (insats): its period, county, agencies, team and contacts directory."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import drop_none, email, phone, web_address
from fieldapp.errors import coded
from fieldapp.validation import Problems, choice, day, text

OPERATION_ENTITY = "operation"
CONTACT_ENTITY = "contact"
TEAM_ENTITY = "team_member"


class ContactRole(StrEnum):
    PROSECUTOR_ON_DUTY = "prosecutor_on_duty"
    SOCIAL_SERVICES_ON_CALL = "social_services_on_call"
    SELLER_SUPPORT = "seller_support"
    BUYER_SUPPORT = "buyer_support"
    TRAFFICKING_HELPLINE = "trafficking_helpline"
    REGIONAL_COORDINATOR = "regional_coordinator"
    MIGRATION_AGENCY = "migration_agency"
    INTERPRETER = "interpreter"
    POLICE_TIP_LINE = "police_tip_line"
    EMERGENCY = "emergency"
    OTHER = "other"


class Availability(StrEnum):
    """When a contact answers, as a code: a leaflet prints it in its own language (the free
    text ``hours`` is Swedish as typed, so only Swedish papers print it)."""

    ALWAYS = "always"
    OFFICE_HOURS = "office_hours"
    EVENINGS_NIGHTS_WEEKENDS = "evenings_nights_weekends"
    LIMITED = "limited"


class TeamRole(StrEnum):
    OPERATION_LEADER = "operation_leader"
    FIELD_OFFICER = "field_officer"
    INVESTIGATOR = "investigator"
    STATION_STAFF = "station_staff"
    SOCIAL_WORKER = "social_worker"


def clean_operation(data: Mapping[str, Any], p: Problems) -> dict[str, Any]:
    start = day(p, data, "start", required=True)
    end = day(p, data, "end", required=True)
    if start and end and end < start:
        p.add("end", coded("end_before_start", "must not be before the start."))
    agencies = data.get("agencies") or []
    if not isinstance(agencies, list) or not all(isinstance(a, str) and a for a in agencies):
        p.add("agencies", coded("malformed", "must be a list of agency names."))
        agencies = []
    return drop_none(
        {
            "name": text(p, data, "name", required=True, max_len=120),
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "county": text(p, data, "county", max_len=60),
            "agencies": [a.strip() for a in agencies],
            "note": text(p, data, "note"),
            # At the station: the operation this laptop's copy is the same as
            # (``workflow.operations.link_operations``).
            "same_as": text(p, data, "same_as", max_len=40),
        }
    )


def clean_contact(data: Mapping[str, Any], p: Problems) -> dict[str, Any]:
    verified = day(p, data, "verified_on")
    number = phone(p, data, "phone")
    mail = email(p, data, "email")
    web = web_address(p, data, "web")
    if not (number or mail or web) and not p:
        p.add(
            "phone",
            coded(
                "contact_unreachable", "a contact needs a phone number, an e-mail or a web address."
            ),
        )
    return drop_none(
        {
            "role": choice(p, data, "role", ContactRole, required=True),
            "organisation": text(p, data, "organisation", required=True, max_len=160),
            "unit": text(p, data, "unit", max_len=160),
            "phone": number,
            "email": mail,
            "web": web,
            "hours": text(p, data, "hours", max_len=160),
            "availability": choice(p, data, "availability", Availability),
            "verified_on": verified.isoformat() if verified else None,
            "note": text(p, data, "note", max_len=500),
        }
    )


def clean_team_member(data: Mapping[str, Any], p: Problems) -> dict[str, Any]:
    return drop_none(
        {
            "officer_id": text(p, data, "officer_id", required=True, max_len=32),
            "name": text(p, data, "name", required=True, max_len=120),
            "role": choice(p, data, "role", TeamRole, required=True),
            "phone": phone(p, data, "phone"),
        }
    )
