"""Preview and print of documents: pages render offscreen with QtPdf, the print path paints
those pages onto a printer (here QPrinter's PDF output), export warns before writing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from fieldapp.counties import load_county
from fieldapp.documents.hotel_sheet import build_hotel_sheet
from fieldapp.documents.leaflet_texts import Audience
from fieldapp.documents.leaflets import build_leaflet
from tests.documents import pdfcheck
from ui.documents.preview import DocumentPreview, leaflet_warning
from ui.documents.printing import load_pdf, print_pdf_to_file, render_page


@pytest.fixture(scope="module")
def sheet() -> bytes:
    return build_hotel_sheet(load_county("vastmanland"))


def _ink(image: Any) -> int:
    """How many sampled pixels are not white: a blank render has none."""
    dark = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            if QColor(image.pixel(x, y)).lightness() < 200:
                dark += 1
    return dark


def test_pages_render_offscreen(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    thai = build_leaflet(Audience.SELLER, "th", [])
    document, _buffer = load_pdf(thai, owner)
    assert document.pageCount() == pdfcheck.pages(thai)
    image = render_page(document, 0, 60)
    assert (image.width(), image.height()) == (496, 702)  # A4 at 60 dpi
    assert _ink(image) > 100


def test_preview_prints_the_same_pages(qtbot: Any, tmp_path: Path, sheet: bytes) -> None:
    target = tmp_path / "printed.pdf"

    def to_file(printer: QPrinter, parent: QWidget) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(100)
        return True

    preview = DocumentPreview(sheet, "Informationsblad", ask_printer=to_file)
    qtbot.addWidget(preview)
    assert preview.page_count() == pdfcheck.pages(sheet)
    assert not preview.warning_label.isVisibleTo(preview)
    with qtbot.wait_signal(preview.printed) as printed:
        preview.print_button.click()
    assert printed.args == [preview.page_count()]
    assert pdfcheck.pages(target.read_bytes()) == preview.page_count()


def test_cancelled_print_prints_nothing(qtbot: Any, sheet: bytes) -> None:
    preview = DocumentPreview(sheet, "Blad", ask_printer=lambda printer, parent: False)
    qtbot.addWidget(preview)
    with qtbot.assert_not_emitted(preview.printed):
        preview.print_button.click()


def test_print_path_to_a_pdf_file(qtbot: Any, tmp_path: Path, sheet: bytes) -> None:
    target = tmp_path / "out.pdf"
    assert print_pdf_to_file(sheet, target, dpi=72) == pdfcheck.pages(sheet)
    printed = target.read_bytes()
    assert printed.startswith(b"%PDF") and pdfcheck.pages(printed) == pdfcheck.pages(sheet)
    # The printed page is the rendered image of the preview, at A4.
    box = pdfcheck.reader(printed).pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1 and abs(float(box.height) - 841.9) < 1


def test_export_warns_first_and_writes_only_when_confirmed(
    qtbot: Any, tmp_path: Path, sheet: bytes
) -> None:
    asked: list[str] = []
    target = tmp_path / "utskrift"

    def path(parent: QWidget, suggested: str) -> str:
        asked.append(suggested)
        return str(target)

    refused = DocumentPreview(sheet, "Blad", ask_path=path, confirm_export=lambda p: False)
    qtbot.addWidget(refused)
    refused.export_button.click()
    assert asked == [] and not target.with_suffix(".pdf").exists()

    preview = DocumentPreview(
        sheet, "Blad", suggested_name="blad.pdf", ask_path=path, confirm_export=lambda p: True
    )
    qtbot.addWidget(preview)
    with qtbot.wait_signal(preview.exported) as exported:
        preview.export_button.click()
    assert asked == ["blad.pdf"]
    assert exported.args == [str(target.with_suffix(".pdf"))]
    assert target.with_suffix(".pdf").read_bytes() == sheet


def test_unreviewed_language_is_announced(qtbot: Any) -> None:
    assert leaflet_warning("sv") is None
    warning = leaflet_warning("th")
    assert warning is not None and "ไทย" in warning
    preview = DocumentPreview(build_leaflet(Audience.BUYER, "th", []), "Leaflet", warning=warning)
    qtbot.addWidget(preview)
    assert preview.warning_label.isVisibleTo(preview)
    assert preview.warning_label.text() == warning
