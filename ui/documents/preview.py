"""The preview dialog: the PDF as it will print (QtPdf), a Print button that prints those
same pages, and an explicit "Export PDF…" that warns the file leaves the encrypted vault.

The PDF lives only in memory (a QBuffer). The print dialog, the file chooser and the export
warning are seams a test can replace, as KeePassXC does with its dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents.leaflet_texts import load_leaflet_texts
from ui.documents.printing import PrintFailed, load_pdf, print_document
from ui.forms import MessageBox
from ui.theme import set_severity

AskPrinter = Callable[[QPrinter, QWidget], bool]
AskPath = Callable[[QWidget, str], str | None]
Confirm = Callable[[QWidget], bool]


def _ask_printer(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _ask_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DocumentPreview", "Export PDF"),
        suggested,
        QCoreApplication.translate("DocumentPreview", "PDF documents (*.pdf)"),
    )
    return path or None


def _confirm_export(parent: QWidget) -> bool:
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("DocumentPreview", "Export PDF"),
        QCoreApplication.translate(
            "DocumentPreview",
            "The exported file is not encrypted: it leaves the vault and contains personal "
            "data. Save it only where it is protected, and delete it when it is no longer "
            "needed. Export anyway?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class DocumentPreview(QDialog):
    """Shows one PDF; prints it or, after a warning, exports it."""

    printed = Signal(int)  # pages sent to the printer
    exported = Signal(str)  # the path written

    def __init__(
        self,
        pdf: bytes,
        title: str,
        *,
        suggested_name: str = "dokument.pdf",
        warning: str | None = None,
        ask_printer: AskPrinter = _ask_printer,
        ask_path: AskPath = _ask_path,
        confirm_export: Confirm = _confirm_export,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._pdf = pdf
        self._suggested = suggested_name
        self._ask_printer = ask_printer
        self._ask_path = ask_path
        self._confirm_export = confirm_export
        self.document, self._buffer = load_pdf(pdf, self)
        self._build_ui(warning)
        self._connect()

    def _build_ui(self, warning: str | None) -> None:
        self.warning_label = QLabel(warning or "", self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setVisible(bool(warning))
        self.warning_label.setObjectName("documentWarning")
        set_severity(self.warning_label, "error")  # stands out in the theme, as it should
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.message_box = MessageBox(self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setDefault(True)
        self.export_button = QPushButton(self.tr("&Export PDF…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_box)
        layout.addLayout(buttons)
        self.resize(900, 700)

    def _connect(self) -> None:
        self.print_button.clicked.connect(self._on_print)
        self.export_button.clicked.connect(self._on_export)
        self.close_button.clicked.connect(self.reject)

    def page_count(self) -> int:
        return self.document.pageCount()

    @Slot()
    def _on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if not self._ask_printer(printer, self):
            return
        try:
            pages = print_document(self.document, printer)
        except PrintFailed as exc:
            self.message_box.show_message(self.tr("Printing failed: %1").replace("%1", str(exc)))
            return
        self.printed.emit(pages)

    @Slot()
    def _on_export(self) -> None:
        if not self._confirm_export(self):
            return
        chosen = self._ask_path(self, self._suggested)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            path.write_bytes(self._pdf)
        except OSError as exc:
            self.message_box.show_message(
                self.tr("The file could not be saved: %1").replace("%1", exc.strerror or "")
            )
            return
        self.exported.emit(str(path))


def leaflet_warning(language: str) -> str | None:
    """The notice shown over a leaflet whose translation no native speaker has reviewed."""
    texts = load_leaflet_texts(language)
    if texts.reviewed:
        return None
    return QCoreApplication.translate(
        "DocumentPreview",
        "The %1 text has not been reviewed by a native speaker. Check it with an interpreter "
        "before handing it over, if you can.",
    ).replace("%1", texts.name)
