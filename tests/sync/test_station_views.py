"""Consolidated station views: one operation across laptops, its cases, report and summaries."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from fieldapp.documents import service
from fieldapp.storage.session import Session
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.review import cases_by_origin
from fieldapp.workflow import cases, operations
from fieldapp.workflow.context import Context


def test_linked_operations_consolidate_cases_and_report(
    station: Session, laptop_factory: object, tmp_path: Path
) -> None:
    laptops = [laptop_factory(f"l{i}") for i in range(2)]  # type: ignore[operator]
    importer = StationImporter(station)
    for i, laptop in enumerate(laptops):
        laptop.new_case()
        out = tmp_path / f"u{i}"
        out.mkdir()
        exported = export_bundle(laptop.session, out)
        assert exported is not None
        importer.import_file(exported.path)
    ctx = Context(station, laptops[0].clock)
    assert len(operations.operations(ctx)) == 2  # each laptop set up its own copy
    operations.link_operations(ctx, laptops[0].operation, [laptops[1].operation])
    assert [o.entity_id for o in operations.operations(ctx)] == [laptops[0].operation]
    both = cases.cases(ctx, laptops[0].operation)
    assert len(both) == 2
    origins = {c.device_id for c in cases_by_origin(station)}
    assert origins == {laptop.session.device_id for laptop in laptops}
    data = service.report_data(ctx, laptops[0].operation)
    assert len(data.buyers) == 2
    text = "".join(
        p.extract_text()
        for p in PdfReader(_pdf(service.case_summary_pdf(ctx, both[1].entity_id), tmp_path)).pages
    )
    assert "Sala" in text
    assert station.verify().ok


def _pdf(data: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    return path
