"""Support offered to the seller and to each buyer, and what came of it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import drop_none, language
from fieldapp.errors import coded
from fieldapp.validation import Problems, choice, moment, text

SUPPORT_ENTITY = "support_offer"


class SupportOutcome(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REFERRAL_MADE = "referral_made"
    NOT_POSSIBLE = "not_possible"


def clean_support_offer(
    data: Mapping[str, Any], p: Problems, *, now: datetime, officer_id: str
) -> dict[str, Any]:
    at = moment(p, data, "offered_at", required=True, not_after=now)
    contact = text(p, data, "contact_id", max_len=40)
    organisation = text(p, data, "organisation", max_len=160)
    if not contact and not organisation:
        p.add(
            "organisation",
            coded("organisation_required", "required: choose a contact or name the organisation."),
        )
    return drop_none(
        {
            "person_id": text(p, data, "person_id", required=True, max_len=40),
            "contact_id": contact,
            "organisation": organisation,
            "offered_at": at.isoformat() if at else None,
            "offered_by": text(p, data, "offered_by", max_len=32) or officer_id,
            "leaflet_language": language(p, data, "leaflet_language"),
            "outcome": choice(p, data, "outcome", SupportOutcome, required=True),
            "note": text(p, data, "note", max_len=1000),
        }
    )
