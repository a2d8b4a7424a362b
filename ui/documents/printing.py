"""Printing a PDF by painting its own pages: each page is rendered with QtPdf at the printer's
resolution and drawn on the printer, so what prints is exactly what the preview shows.

Nothing touches the disk except ``print_pdf_to_file``, which the tests use to check the
print path end to end through QPrinter's PDF output.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# An A4 page at 1200 dpi is a 560 MB image; 300 dpi is print quality for text and QR codes
# at a fortieth of that, so the rendering stops there whatever the printer claims.
MAX_RENDER_DPI = 300
POINTS_PER_INCH = 72


class PrintFailed(Exception):
    """The printer could not be opened or a page could not be rendered."""


def load_pdf(pdf: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QtPdf document read from memory, owned by ``parent`` with its buffer."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailed(f"The PDF could not be read ({document.error().name}).")
    return document, buffer


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    size = document.pagePointSize(page)
    pixels = QSize(
        round(size.width() / POINTS_PER_INCH * dpi), round(size.height() / POINTS_PER_INCH * dpi)
    )
    image = document.render(page, pixels)
    if image.isNull():
        raise PrintFailed(f"Page {page + 1} could not be rendered.")
    return image


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` on ``printer``; returns the number of pages.

    The printer prints full pages: the PDF has its own margins, and the printer's would
    shrink it a second time.
    """
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("The printer could not be opened.")
    try:
        for page in range(document.pageCount()):
            if page and not printer.newPage():
                raise PrintFailed("The printer refused a new page.")
            image = render_page(document, page, dpi)
            area = painter.viewport()
            fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), fitted), image)
    finally:
        painter.end()
    return document.pageCount()


def print_pdf_to_file(pdf: bytes, path: Path, dpi: int = 150) -> int:
    """Send ``pdf`` through the print path to a PDF file (QPrinter's own PDF output)."""
    owner = QObject()  # owns the document and its buffer until this function returns
    document, _buffer = load_pdf(pdf, owner)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return print_document(document, printer)
