"""The outreach directory: the hotels and taxi companies of a county that the police inform
and that may later tip the police.

A directory entry belongs to a county, not to one operation: the same hotels are informed
operation after operation, and their tips arrive long after an operation has ended. The
information-sheet delivery log stays in ``outreach`` (one ``sheet_delivery`` per hand-over);
``deliver_sheet`` fills a delivery from a directory entry, so the log and the directory
name the company the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldapp.domain.outreach import COMPANY_ENTITY as COMPANY_ENTITY
from fieldapp.domain.outreach import CompanyKind
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record
from fieldapp.workflow import entities, outreach
from fieldapp.workflow.context import Change, Context


def name_key(name: str) -> str:
    """How two spellings of one company's name are compared: case and spacing ignored."""
    return " ".join(name.casefold().split())


def _refuse_if_listed(ctx: Context, data: Mapping[str, Any], itself: str | None = None) -> None:
    """Refuse a second entry of a company of that kind by that name in the county: it
    would split its deliveries and tips in two."""
    name, county = data.get("name"), data.get("county")
    if not (isinstance(name, str) and isinstance(county, str)):
        return  # the cleaner says what is missing
    for other in companies(ctx, county):
        if (
            other.entity_id != itself
            and other.get("kind") == data.get("kind")
            and name_key(other.get("name")) == name_key(name)
        ):
            raise InvalidInput(
                coded("company_listed", "Name: the directory already lists this company."),
                field="name",
            )


def add_company(ctx: Context, data: Mapping[str, Any]) -> Change:
    """A new directory entry; refused if the county already lists the company."""
    _refuse_if_listed(ctx, data)
    return entities.create(ctx, COMPANY_ENTITY, data)


def amend_company(ctx: Context, company_id: str, changes: Mapping[str, Any]) -> Change:
    """Correct an entry (``None`` clears a field); refused, as a new entry is, if the
    changed name or kind is one the county already lists. Deliveries logged earlier keep
    the name they were logged under; tips name the entry, so they show the new name."""
    company = ctx.require(COMPANY_ENTITY, company_id, "company_id")
    _refuse_if_listed(ctx, {**company.data, **changes}, company_id)
    return entities.amend(ctx, COMPANY_ENTITY, company_id, changes)


def remove_company(ctx: Context, company_id: str, reason: str) -> Change:
    """Take an entry off the directory with a reason (a void event: the log keeps it, and
    the tips that came from it keep its name)."""
    return entities.void(ctx, COMPANY_ENTITY, company_id, reason)


def companies(ctx: Context, county: str, kind: CompanyKind | str | None = None) -> list[Record]:
    """The county's directory, by name."""
    found = [
        c
        for c in ctx.records.find(COMPANY_ENTITY)
        if c.get("county") == county and (kind is None or c.get("kind") == str(kind))
    ]
    return sorted(found, key=lambda c: name_key(str(c.get("name"))))


def hotel_names(ctx: Context, county: str | None) -> list[str]:
    """The names of the county's hotels, for finding them in ad texts."""
    return [str(c.get("name")) for c in companies(ctx, county, CompanyKind.HOTEL)] if county else []


def deliver_sheet(
    ctx: Context, operation_id: str, company_id: str, data: Mapping[str, Any] | None = None
) -> Change:
    """Log that a directory company got the information sheet (``outreach.record_delivery``
    with the company's name, kind, address and municipality filled in)."""
    company = ctx.require(COMPANY_ENTITY, company_id, "company_id")
    values = {
        "company": company.get("name"),
        "company_id": company_id,
        "kind": company.get("kind"),
        "address": company.get("address"),
        "municipality": company.get("municipality"),
        **(data or {}),
    }
    return outreach.record_delivery(
        ctx, operation_id, {k: v for k, v in values.items() if v is not None}
    )


def deliveries_by_company(
    directory: Iterable[Record], deliveries: Iterable[Record]
) -> tuple[dict[str, list[Record]], list[Record]]:
    """Each directory company's deliveries (oldest first, as given), and the deliveries
    that match none. A delivery names its company by id when it was made from the
    directory, so a renamed company keeps its deliveries; one typed in by hand (or logged
    before deliveries kept the id) is matched by kind and name."""
    listed = list(directory)
    by_id = {c.entity_id: c for c in listed}
    by_key = {(str(c.get("kind")), name_key(str(c.get("name")))): c for c in listed}
    found: dict[str, list[Record]] = {}
    unmatched: list[Record] = []
    for delivery in deliveries:
        company = by_id.get(str(delivery.get("company_id"))) or by_key.get(
            (str(delivery.get("kind")), name_key(str(delivery.get("company"))))
        )
        if company is None:
            unmatched.append(delivery)
        else:
            found.setdefault(company.entity_id, []).append(delivery)
    return found, unmatched
