"""What the UI and the CLI call: read a case or an operation through the workflow, build
the document, return its PDF bytes. Nothing is written anywhere; saving a PDF to disk is
the caller's explicit export.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from fieldapp.counties import load_county
from fieldapp.documents import sources
from fieldapp.documents.approval import Signer, build_approval
from fieldapp.documents.legal_text import draft_description
from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record
from fieldapp.workflow import cases, operations
from fieldapp.workflow.case_view import (
    CASE_RECORD_TYPES,
    TICK_ENTITY,
    BuyerView,
    CaseView,
    assemble_case_view,
)
from fieldapp.workflow.context import Context

if TYPE_CHECKING:
    from fieldapp.documents.leaflet_texts import Audience
    from fieldapp.documents.report_data import ReportData

# Each document's builder (and the ads register the report counts from) is imported where it
# is used: ``fieldapp print approval`` runs as its own process on a laptop in a corridor, and
# importing the report's charts and the ads modules would double its start-up.


class DocumentKind(StrEnum):
    """The documents, by the names the CLI and the UI use."""

    APPROVAL = "approval"
    LEAFLET_SELLER = "leaflet-seller"
    LEAFLET_BUYER = "leaflet-buyer"
    SUMMARY = "summary"
    HOTEL_SHEET = "hotel-sheet"
    REPORT = "report"


# The documents that exist in Swedish only: a form a prosecutor relies on is Swedish, and a
# translation of it would be a different, unreviewed legal text. The approval form may carry
# an information page in a leaflet language (``approval_pdf(info_language=...)``).
SWEDISH_ONLY = {
    DocumentKind.APPROVAL: "approval form",
    DocumentKind.SUMMARY: "case summary",
    DocumentKind.REPORT: "operation report",
}


def require_language(kind: DocumentKind, language: str) -> None:
    """Refuse a language ``kind`` does not exist in (``InvalidInput``, coded), rather than
    print the Swedish document as if it were what was asked for."""
    document = SWEDISH_ONLY.get(kind)
    if document is None or language == "sv":
        return
    if kind is DocumentKind.APPROVAL:
        # Deferred for start-up time (see the note at the top).
        from fieldapp.documents.leaflet_texts import language_codes

        if language in language_codes():
            return  # the Swedish form with an information page in that language
        languages = "sv; an information page in " + ", ".join(language_codes())
    else:
        languages = "sv only"
    reason = coded(
        "document_language",
        f"the {document} exists in {languages}; not in {language!r}.",
        document=document,
        languages=languages,
        language=language,
    )
    raise InvalidInput(f"Language: {reason}", field="language", problems=(("language", reason),))


def _signer(ctx: Context) -> Signer:
    officer = ctx.session.officer
    return Signer(officer.officer_id, officer.display_name)


def choose_buyer(view: CaseView, buyer_id: str | None) -> BuyerView:
    """The named buyer, or the only one; several buyers need a name."""
    if buyer_id is not None:
        buyer = view.buyer(buyer_id)
        if buyer is None:
            raise InvalidInput(
                coded("no_such_buyer", "Buyer: no such buyer in this case."), field="buyer_id"
            )
        return buyer
    if len(view.buyers) == 1:
        return view.buyers[0]
    if not view.buyers:
        raise InvalidInput(coded("no_buyer", "Buyer: this case has no buyer."), field="buyer_id")
    ids = ", ".join(b.id for b in view.buyers)
    raise InvalidInput(
        coded("choose_buyer", f"Buyer: the case has several buyers; choose one of {ids}."),
        field="buyer_id",
    )


def approval_pdf(
    ctx: Context,
    case_id: str,
    buyer_id: str | None = None,
    *,
    description: str | None = None,
    info_language: str | None = None,
) -> bytes:
    """The summary-penalty form, or ``InvalidInput`` with the reason it may not be printed."""
    view = cases.case_view(ctx, case_id)
    buyer = choose_buyer(view, buyer_id)
    county = view.operation.get("county") if view.operation else None
    return build_approval(
        view,
        buyer.id,
        sources.case_stamp(ctx, case_id),
        _signer(ctx),
        printed_at=ctx.now(),
        description=description,
        authority=load_county(str(county)).authority if county else None,
        info_language=info_language,
    )


def act_description(ctx: Context, case_id: str, buyer_id: str | None = None) -> str:
    """The drafted description of the act, for the officer to edit before printing."""
    view = cases.case_view(ctx, case_id)
    return draft_description(view, choose_buyer(view, buyer_id))


def leaflet_pdf(ctx: Context, case_id: str, audience: Audience, language: str) -> bytes:
    """A support leaflet with the contacts of the case's operation."""
    # Deferred for start-up time (see the note at the top).
    from fieldapp.documents.leaflets import build_leaflet

    case = ctx.require("case", case_id, "case_id")
    contacts = operations.contacts(ctx, case.operation_id) if case.operation_id else []
    return build_leaflet(audience, language, contacts, example=_example(ctx, case.operation_id))


def _example(ctx: Context, operation_id: str | None) -> bool:
    """Whether the operation's county profile is only an example (its papers say so)."""
    operation = ctx.records.get(OPERATION_ENTITY, operation_id) if operation_id else None
    county = operation.get("county") if operation else None
    return load_county(str(county)).example if county else False


def hotel_sheet_pdf(ctx: Context, operation_id: str, language: str = "sv") -> bytes:
    """The hotel and taxi sheet with the tip line of the operation's county."""
    # Deferred for start-up time (see the note at the top).
    from fieldapp.documents.hotel_sheet import build_hotel_sheet

    operation = ctx.require(OPERATION_ENTITY, operation_id, "operation_id")
    county = operation.get("county")
    if not county:
        raise InvalidInput(
            coded(
                "operation_without_county",
                "County: the operation has no county, so there is no tip line to print.",
            ),
            field="county",
        )
    return build_hotel_sheet(load_county(str(county)), language)


def case_summary_pdf(ctx: Context, case_id: str) -> bytes:
    # Deferred for start-up time (see the note at the top).
    from fieldapp.documents.case_summary import SummaryInput, build_case_summary
    from fieldapp.workflow import photos

    view = cases.case_view(ctx, case_id)
    contacts = {}
    if view.case.operation_id:
        contacts = {
            c.entity_id: str(c.get("organisation"))
            for c in ctx.records.find("contact", operation_id=view.case.operation_id)
        }
    return build_case_summary(
        SummaryInput(
            view=view,
            checklist=cases.checklist(ctx, case_id),
            stamp=sources.case_stamp(ctx, case_id),
            officers=sources.officer_names(ctx),
            contacts=contacts,
            printed_at=ctx.now(),
            printed_by=ctx.printed_by(),
            photos=photos.photos_of_case(ctx, case_id),
        )
    )


def report_data(ctx: Context, operation_id: str) -> ReportData:
    """The report's figures from every case of the operation and its delivery log; at the
    station, from every laptop whose copy of the operation is linked into it."""
    # Deferred for start-up time (see the note at the top).
    from fieldapp.ads.register import count_ads
    from fieldapp.documents.report_data import collect
    from fieldapp.workflow import outreach
    from fieldapp.workflow.tip_report import outreach_effect

    operation = ctx.require(OPERATION_ENTITY, operation_id, "operation_id")
    group = operations.operation_group(ctx, operation_id)
    views = _case_views(ctx, operation_id, group)
    ticks = [
        t
        for op in group
        for t in ctx.records.find(TICK_ENTITY, operation_id=op)
        if t.case_id is None
    ]
    county = operation.get("county")
    county_name = load_county(str(county)).name if county else None
    deliveries = [d for op in group for d in outreach.deliveries(ctx, op)]
    ads = sum(count_ads(ctx, op) for op in group)
    tips = outreach_effect(ctx, str(county), operation_ids=group).tips_total if county else None
    return collect(
        operation, views, deliveries, ticks, county_name, ads_recorded=ads, tips_recorded=tips
    )


def _case_views(ctx: Context, operation_id: str, group: list[str]) -> list[CaseView]:
    """Every case's view, from a few queries per record type rather than one per case (a
    report of a thousand cases spent most of its time asking the vault case by case)."""
    rows: dict[str, list[Record]] = {}
    for op in group:
        for entity_type in CASE_RECORD_TYPES:
            for record in ctx.records.find(entity_type, operation_id=op):
                if record.case_id:
                    rows.setdefault(record.case_id, []).append(record)
    operations_by_id = {op: ctx.records.get(OPERATION_ENTITY, op) for op in group}
    rule = ctx.completion_rule  # a setting: read once, not once per case
    return [
        assemble_case_view(
            case, rows.get(case.entity_id, []), operations_by_id.get(case.operation_id or ""), rule
        )
        for case in cases.cases(ctx, operation_id)
    ]


def operation_report_pdf(ctx: Context, operation_id: str) -> bytes:
    # Deferred for start-up time (see the note at the top).
    from fieldapp.documents.operation_report import build_operation_report

    return build_operation_report(
        report_data(ctx, operation_id),
        sources.operation_stamp(ctx, operation_id),
        sources.officer_names(ctx),
        printed_at=ctx.now(),
        kept_in=ctx.store_kind,
    )
