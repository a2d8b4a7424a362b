"""At most one dialog of a kind open for its owner: the correction of an ad, its file viewer,
the decisions made, the case's link-an-ad dialog, a directory entry's correction.

Opening one in a slot that holds another closes the first (dialogs never stack); a dialog
is deleted when it closes, and the slot forgets it then, whichever way it was closed (Esc,
a button, the window's own button), so the owner never holds a deleted widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


class DialogSlot(Generic[D]):
    """The one dialog of a kind open now (``current``), or None."""

    def __init__(self) -> None:
        self.current: D | None = None

    def open(
        self, dialog: D, on_closed: Callable[[D], None] | None = None, *, modal: bool = True
    ) -> D:
        """Show ``dialog`` in place of the one open, if any. ``modal``: window-modal through
        ``open()``, so the event loop keeps running (no ``exec``) and tests drive the real
        dialog; otherwise shown beside the window. ``on_closed(dialog)`` runs when it closes,
        unless it closed because another replaced it: the replacement's own close says what
        follows (where the focus goes, what to reload)."""
        # The new one is held before the old one closes, so the old one's close sees that it
        # was replaced.
        previous, self.current = self.current, dialog
        if previous is not None:
            previous.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog, on_closed))
        if modal:
            dialog.open()
        else:
            dialog.show()
        return dialog

    def close(self) -> None:
        """Close the one open, if any (its ``on_closed`` runs as for any close)."""
        if self.current is not None:
            self.current.close()

    def _closed(self, dialog: D, on_closed: Callable[[D], None] | None) -> None:
        if self.current is not dialog:
            return  # replaced: the one open now answers for what follows
        self.current = None
        if on_closed is not None:
            on_closed(dialog)
