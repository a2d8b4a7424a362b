"""Offence elements, recorded per buyer: agreement, stated price, payment handed over,
act begun. Each carries its time, observing officer, source, note and attachments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from fieldapp.domain.common import drop_none
from fieldapp.domain.evaluation import ElementKind
from fieldapp.errors import coded
from fieldapp.validation import Problems, boolean, choice, integer, moment, text

ELEMENT_ENTITY = "element"


class AgreementSource(StrEnum):
    OBSERVED = "observed"
    OVERHEARD = "overheard"
    MESSAGE = "message"
    STATEMENT = "statement"


class PriceSource(StrEnum):
    AD = "ad"
    MESSAGE = "message"
    VERBAL = "verbal"


class PaymentSource(StrEnum):
    OBSERVED = "observed"
    FOUND = "found"  # money found where the buyer had left it
    STATEMENT = "statement"


class ActSource(StrEnum):
    OBSERVED = "observed"
    STATEMENT = "statement"


SOURCES: dict[ElementKind, type[StrEnum]] = {
    ElementKind.AGREEMENT: AgreementSource,
    ElementKind.STATED_PRICE: PriceSource,
    ElementKind.PAYMENT_HANDED_OVER: PaymentSource,
    ElementKind.ACT_BEGUN: ActSource,
}


def _currency(p: Problems, data: Mapping[str, Any]) -> str:
    raw = text(p, data, "currency", max_len=3) or "SEK"
    if not re.fullmatch(r"[A-Za-z]{3}", raw):
        p.add(
            "currency",
            coded("not_a_currency", "use a three-letter currency code such as SEK or EUR."),
        )
    return raw.upper()


def _seizure(p: Problems, data: Mapping[str, Any], amount: int | None) -> dict[str, Any] | None:
    raw = data.get("seizure")
    if raw is None:
        p.add(
            "seizure",
            coded(
                "seizure_required",
                "required when the money was seized (record number and amount).",
            ),
        )
        return None
    if not isinstance(raw, Mapping):
        p.add("seizure", coded("malformed", "must be the seizure record."))
        return None
    sub = p.at("seizure")
    seized = integer(sub, raw, "amount", required=True, minimum=1)
    if seized is not None and amount is not None and seized > amount:
        sub.add("amount", coded("seized_more_than_paid", "more than the amount handed over."))
    return drop_none(
        {
            "record_number": text(sub, raw, "record_number", required=True, max_len=40),
            "amount": seized,
            "stored_at": text(sub, raw, "stored_at", max_len=160),
        }
    )


def clean_element(
    data: Mapping[str, Any], p: Problems, *, now: datetime, officer_id: str
) -> dict[str, Any]:
    """Check one element; the time defaults to now and the observer to the logged-in officer
    in the workflow, so here both are required."""
    kind = choice(p, data, "kind", ElementKind, required=True)
    at = moment(p, data, "at", required=True, not_after=now)
    out: dict[str, Any] = {
        "kind": kind,
        "buyer_id": text(p, data, "buyer_id", required=True, max_len=40),
        "at": at.isoformat() if at else None,
        "observer": text(p, data, "observer", max_len=32) or officer_id,
        "note": text(p, data, "note"),
    }
    if kind is None:
        return drop_none(out)
    out["source"] = choice(p, data, "source", SOURCES[kind], required=True)
    if kind is ElementKind.AGREEMENT:
        out["what"] = text(p, data, "what", required=True, max_len=500)
    elif kind is ElementKind.STATED_PRICE:
        out["amount"] = integer(p, data, "amount", required=True, minimum=1, maximum=1_000_000)
        out["currency"] = _currency(p, data)
        out["for_what"] = text(p, data, "for_what", max_len=300)
    elif kind is ElementKind.PAYMENT_HANDED_OVER:
        amount = integer(p, data, "amount", required=True, minimum=1, maximum=1_000_000)
        out["amount"] = amount
        out["currency"] = _currency(p, data)
        seized = boolean(p, data, "seized", default=False)
        out["seized"] = seized
        if seized:
            out["seizure"] = _seizure(p, data, amount)
    return drop_none(out)
