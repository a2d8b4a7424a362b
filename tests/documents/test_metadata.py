"""No personal data in any PDF's metadata: a file's properties travel further than its pages
(file managers, previews, search indexes, mail), so they name the kind of paper only."""

from __future__ import annotations

from fieldapp.documents import service
from fieldapp.documents.leaflet_texts import Audience
from fieldapp.workflow.context import Context
from tests.documents import pdfcheck
from tests.documents.scenarios import BUYER, SELLER, Clock, standard_case


def _metadata_text(pdf: bytes) -> str:
    reader = pdfcheck.reader(pdf)
    info = reader.metadata or {}
    parts = [f"{k}={v}" for k, v in info.items()]
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        parts.append(xmp.get_object().get_data().decode("utf-8", "replace"))
    return "\n".join(parts)


def test_no_document_carries_personal_data_in_its_metadata(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    case_id = recorded.case_id
    documents = {
        "approval": service.approval_pdf(ctx, case_id),
        "summary": service.case_summary_pdf(ctx, case_id),
        "report": service.operation_report_pdf(ctx, operation_id),
        "hotel sheet": service.hotel_sheet_pdf(ctx, operation_id),
        **{
            f"leaflet {a.value} {lang}": service.leaflet_pdf(ctx, case_id, a, lang)
            for a in Audience
            for lang in ("sv", "ro")
        },
    }
    personal = [
        BUYER["name"],
        *BUYER["name"].split(),
        BUYER["personal_id"],
        BUYER["personal_id"][2:],
        BUYER["address"],
        SELLER["name"],
        "Ana",
        recorded.buyer_ids[0],
        recorded.seller_id,
    ]
    for name, pdf in documents.items():
        meta = _metadata_text(pdf)
        assert "/Title" in meta, name  # the kind of paper is there ...
        leaked = [value for value in personal if value and value in meta]
        assert leaked == [], f"{name}: {leaked}"  # ... and nobody's data
