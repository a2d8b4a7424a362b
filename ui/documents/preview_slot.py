"""One preview at a time, and the focus back where it was when it closes. Kept apart from
``preview`` so that holding a slot does not load QtPdf at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from ui.dialog_slot import DialogSlot

if TYPE_CHECKING:
    from ui.documents.preview import DocumentPreview


class PreviewSlot:
    """At most one preview open for its owner: showing another closes the first (previews
    never stack), and closing one by any means (Esc, Close, the window's own button) gives
    the focus back to the widget that had it, in an active window, so keys go on working."""

    def __init__(self) -> None:
        self._slot: DialogSlot[DocumentPreview] = DialogSlot()
        self._before: QWidget | None = None  # what had the focus before the preview open now

    @property
    def preview(self) -> DocumentPreview | None:
        return self._slot.current

    def show(self, parent: QWidget, preview: DocumentPreview) -> DocumentPreview:
        # A preview replacing another gives the focus back to where it was before the first
        # (not to the closed one's button).
        before = QApplication.focusWidget() if self._slot.current is None else self._before
        self._before = before
        self._slot.open(preview, lambda _preview: self._closed(parent, before), modal=False)
        preview.print_button.setFocus()
        return preview

    def _closed(self, parent: QWidget, before: QWidget | None) -> None:
        parent.window().activateWindow()
        if before is not None and before.isVisible():
            before.setFocus()
