"""The file choosers and confirmations of the screens, as plain functions, in one place.

Each screen holds the ones it uses as replaceable attributes (``view.ask_card_file = …``,
``panel.ask_import_file = …``), so tests drive the real flow with a path or an answer
instead of opening a dialog (the KeePassXC seam).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fieldapp.sync.bundle import SUFFIX as BUNDLE_SUFFIX
from fieldapp.sync.export import RECEIPT_SUFFIX
from ui.documents.preview_slot import PreviewSlot
from ui.i18n import translate
from ui.widgets import open_file

AskFile = Callable[[QWidget], Path | None]
AskFiles = Callable[[QWidget, str], list[Path]]
AskPaths = Callable[[QWidget], list[Path]]
AskFolder = Callable[[QWidget], Path | None]
Confirm = Callable[[QWidget, str], bool]


# -- Ads ------------------------------------------------------------------------------------


def ask_import_file(parent: QWidget) -> Path | None:
    return open_file(
        parent,
        translate("AdsDialogs", "Import ads"),
        translate("AdsDialogs", "Ads (*.csv *.html *.htm *.mhtml *.mht);;All files (*)"),
    )


def ask_screenshot_files(parent: QWidget) -> list[Path]:
    """Screenshots of an ad to add to it (one or more)."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("AdsDialogs", "Add screenshots of the ad"),
        "",
        translate("AdsDialogs", "Pictures (*.png *.jpg *.jpeg *.webp *.gif *.pdf);;All files (*)"),
    )
    return [Path(p) for p in paths]


# -- Sync -----------------------------------------------------------------------------------


def ask_card_file(parent: QWidget) -> Path | None:
    return open_file(
        parent,
        translate("SyncDialogs", "Station card"),
        translate("SyncDialogs", "Station cards (*.json)"),
    )


def ask_laptop_card_file(parent: QWidget) -> Path | None:
    return open_file(
        parent,
        translate("SyncDialogs", "Laptop card"),
        translate("SyncDialogs", "Laptop cards (*.json)"),
    )


def ask_card_target(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("SyncDialogs", "Save the station card"),
        "card.json",
        translate("SyncDialogs", "Station cards (*.json)"),
    )
    return Path(path) if path else None


def ask_laptop_card_target(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("SyncDialogs", "Save this laptop's card"),
        "laptop-card.json",
        translate("SyncDialogs", "Laptop cards (*.json)"),
    )
    return Path(path) if path else None


def ask_export_folder(parent: QWidget) -> Path | None:
    path = QFileDialog.getExistingDirectory(
        parent, translate("SyncDialogs", "Folder for the bundle (e.g. the USB stick)")
    )
    return Path(path) if path else None


def ask_receipt_file(parent: QWidget) -> Path | None:
    return open_file(
        parent,
        translate("SyncDialogs", "Receipt from the station"),
        translate("SyncDialogs", "Receipts (*{suffix})").format(suffix=RECEIPT_SUFFIX),
    )


def ask_bundle_files(parent: QWidget, start: str = "") -> list[Path]:
    """Bundles to import, from ``start`` (see ``ui.sync.media``), the type named."""
    from ui.sync.media import SyncFileTypes

    dialog = QFileDialog(
        parent,
        translate("SyncDialogs", "Bundles to import"),
        start,
        translate("SyncDialogs", "Bundles (*{suffix})").format(suffix=BUNDLE_SUFFIX),
    )
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    # Qt's own dialog: only it lets the app name its file types (the system's says unknown).
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    types = SyncFileTypes()
    dialog.setIconProvider(types)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(p) for p in dialog.selectedFiles()]


def confirm(parent: QWidget, question: str) -> bool:
    """Yes or no to something that cannot be undone; No is the default."""
    answer = QMessageBox.question(
        parent,
        translate("SyncDialogs", "Confirm"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


ShowPdf = Callable[[QWidget, bytes, str], None]


def pdf_shower(slot: PreviewSlot) -> ShowPdf:
    """The preview that prints what it shows (not modal: the list stays usable), one at a
    time through ``slot``, the focus back on the list when it closes."""

    def show_pdf(parent: QWidget, pdf: bytes, title: str) -> None:
        from ui.documents.preview import DocumentPreview

        preview = DocumentPreview(pdf, title, suggested_name=f"{title}.pdf", parent=parent)
        slot.show(parent, preview)

    return show_pdf
