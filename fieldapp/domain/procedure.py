"""The procedure with the buyer: notice of suspicion with rights (RB 23:18), hearing,
the prosecutor's or investigation leader's decision, the sanction and the buyer's answer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import drop_none, language
from fieldapp.errors import coded
from fieldapp.validation import Problems, boolean, choice, integer, moment, text

NOTICE_ENTITY = "notice"
HEARING_ENTITY = "hearing"
DECISION_ENTITY = "decision"
ANSWER_ENTITY = "buyer_answer"

RIGHTS = ("lawyer", "silence", "interpreter", "information")


class DeciderRole(StrEnum):
    PROSECUTOR = "prosecutor"
    INVESTIGATION_LEADER = "investigation_leader"


class DecisionHow(StrEnum):
    PHONE = "phone"
    IN_PERSON = "in_person"
    OTHER = "other"


class DecisionKind(StrEnum):
    ADVANCE_APPROVAL = "advance_approval"  # förhandsgodkännande, RB 48:10, from 2023
    SUMMARY_ORDER = "summary_order"  # strafföreläggande accepted at the scene, before 2023
    ORDINARY_PROSECUTION = "ordinary_prosecution"
    NO_ACTION = "no_action"


class BuyerAnswer(StrEnum):
    ACCEPTS = "accepts"
    DECLINES = "declines"


def clean_notice(
    data: Mapping[str, Any], p: Problems, *, now: datetime, officer_id: str
) -> dict[str, Any]:
    at = moment(p, data, "at", required=True, not_after=now)
    interpreter = boolean(p, data, "interpreter_used", default=False)
    rights_raw = data.get("rights_given") or {}
    if not isinstance(rights_raw, Mapping):
        p.add("rights_given", coded("malformed", "must list which rights were explained."))
        rights_raw = {}
    rights = {r: bool(rights_raw.get(r, False)) for r in RIGHTS}
    missing = [r for r, given in rights.items() if not given and r != "interpreter"]
    if missing:
        p.add(
            "rights_given",
            coded("rights_missing", f"must include: {', '.join(missing)} (RB 23:18, FUK 12 §)."),
        )
    return drop_none(
        {
            "buyer_id": text(p, data, "buyer_id", required=True, max_len=40),
            "at": at.isoformat() if at else None,
            "by": text(p, data, "by", max_len=32) or officer_id,
            "language": language(p, data, "language", required=True),
            "interpreter_used": interpreter,
            "interpreter": text(p, data, "interpreter", max_len=160, required=bool(interpreter)),
            "rights_given": rights,
            "lawyer_requested": boolean(p, data, "lawyer_requested", default=False),
            "suspicion": text(p, data, "suspicion", max_len=500),
        }
    )


def clean_hearing(
    data: Mapping[str, Any], p: Problems, *, now: datetime, officer_id: str
) -> dict[str, Any]:
    at = moment(p, data, "at", required=True, not_after=now)
    return drop_none(
        {
            "person_id": text(p, data, "person_id", required=True, max_len=40),
            "at": at.isoformat() if at else None,
            "by": text(p, data, "by", max_len=32) or officer_id,
            "where": text(p, data, "where", required=True, max_len=160),
            "note": text(p, data, "note"),
        }
    )


def clean_decision_fields(data: Mapping[str, Any], p: Problems, *, now: datetime) -> dict[str, Any]:
    """The decision's own fields; the sanction is checked against the law by the workflow."""
    at = moment(p, data, "at", required=True, not_after=now)
    kind = choice(p, data, "decision", DecisionKind, required=True)
    out: dict[str, Any] = {
        "buyer_id": text(p, data, "buyer_id", required=True, max_len=40),
        "decided_by": text(p, data, "decided_by", required=True, max_len=120),
        "decider_role": choice(p, data, "decider_role", DeciderRole, required=True),
        "at": at.isoformat() if at else None,
        "how": choice(p, data, "how", DecisionHow, required=True),
        "decision": kind,
        "note": text(p, data, "note", max_len=1000),
    }
    if kind in (DecisionKind.ADVANCE_APPROVAL, DecisionKind.SUMMARY_ORDER):
        raw = data.get("sanction")
        if not isinstance(raw, Mapping):
            p.add("sanction", coded("sanction_required", "required for a summary penalty order."))
        else:
            sub = p.at("sanction")
            out["sanction"] = drop_none(
                {
                    "conditional_sentence": boolean(
                        sub, raw, "conditional_sentence", default=False
                    ),
                    "day_fines": integer(sub, raw, "day_fines"),
                    "day_fine_amount_sek": integer(sub, raw, "day_fine_amount_sek"),
                    "forfeiture_sek": integer(sub, raw, "forfeiture_sek") or 0,
                }
            )
    return drop_none(out)


def clean_answer(data: Mapping[str, Any], p: Problems, *, now: datetime) -> dict[str, Any]:
    at = moment(p, data, "at", required=True, not_after=now)
    return drop_none(
        {
            "decision_id": text(p, data, "decision_id", required=True, max_len=40),
            "answer": choice(p, data, "answer", BuyerAnswer, required=True),
            "at": at.isoformat() if at else None,
            "note": text(p, data, "note", max_len=500),
        }
    )
