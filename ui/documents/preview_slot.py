"""One preview at a time, and the focus back where it was when it closes. Kept apart from
``preview`` so that holding a slot does not load QtPdf at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ui.documents.preview import DocumentPreview


class PreviewSlot:
    """At most one preview open for its owner: showing another closes the first (previews
    never stack), and closing one by any means (Esc, Close, the window's own button) gives
    the focus back to the widget that had it, in an active window, so keys go on working."""

    def __init__(self) -> None:
        self.preview: DocumentPreview | None = None
        self._before: QWidget | None = None  # what had the focus before the preview open now

    def show(self, parent: QWidget, preview: DocumentPreview) -> DocumentPreview:
        before = QApplication.focusWidget()
        if self.preview is not None:
            # A preview replacing another gives the focus back to where it was before the
            # first (not to the closed one's button).
            before = self._before
            self.preview.close()
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._before = before
        preview.finished.connect(lambda _result: self._closed(preview, parent, before))
        self.preview = preview
        preview.show()
        preview.print_button.setFocus()
        return preview

    def _closed(self, preview: DocumentPreview, parent: QWidget, before: QWidget | None) -> None:
        if self.preview is not preview:
            return  # replaced by another: that one gives the focus back when it closes
        self.preview = None
        parent.window().activateWindow()
        if before is not None and before.isVisible():
            before.setFocus()
