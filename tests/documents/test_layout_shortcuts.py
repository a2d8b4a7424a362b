"""The shortcuts that make a form fast print exactly what plain ReportLab prints: with each
of them switched off, every page of the approval form (and of the other documents that share
the page and the styles) is drawn with the same operators, in the same places."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from reportlab.platypus import Paragraph as ReportLabParagraph

from fieldapp.documents import service, styles
from fieldapp.documents.leaflet_texts import Audience
from fieldapp.workflow.context import Context
from tests.documents import pdfcheck
from tests.documents.scenarios import Clock, standard_case

# A description that is split across pages (the longest allowed is 4,000 characters).
LONG = ("Köparen kom överens med säljaren i hotellets korridor och betalade i rummet. " * 52)[:3900]
SHORT = "Den 14 maj 2026 köpte Kalle Påhittsson en sexuell förbindelse på Hotell Påhittat."


def _page_streams(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in pdfcheck.reader(pdf).pages]


def _switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain ReportLab: every paragraph lays its lines out whenever asked, and its text goes
    through the markup parser."""
    monkeypatch.setattr(styles.Paragraph, "wrap", ReportLabParagraph.wrap)
    monkeypatch.setattr(styles, "_PARSED", re.compile(r"[\s\S]"))


def test_the_form_is_drawn_the_same_without_the_shortcuts(
    ctx: Context, clock: Clock, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = standard_case(ctx, clock, operation_id).case_id
    builds: list[Callable[[], bytes]] = [
        lambda: service.approval_pdf(ctx, case_id),
        lambda: service.approval_pdf(ctx, case_id, description=SHORT, info_language="th"),
        lambda: service.approval_pdf(ctx, case_id, description=LONG, info_language="ru"),
        lambda: service.case_summary_pdf(ctx, case_id),
        lambda: service.leaflet_pdf(ctx, case_id, Audience.BUYER, "th"),
    ]
    fast = [build() for build in builds]
    _switch_off(monkeypatch)
    plain = [build() for build in builds]
    assert pdfcheck.pages(fast[2]) == 4  # two pages of form, the signatures, information
    for ours, reference in zip(fast, plain, strict=True):
        assert pdfcheck.text(ours) == pdfcheck.text(reference)
        assert _page_streams(ours) == _page_streams(reference)
