"""Settings IT manages on this machine (``fieldapp.provisioning``), as the screens show them.

A managed setting is shown with its value, disabled, and says it is managed and from
which file; it cannot be changed here. A managed printer is printed to without asking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from fieldapp.provisioning import Managed

translate = QCoreApplication.translate


def managed_text(managed: Managed) -> str:
    """What a managed control says (its tooltip, the note beside it)."""
    return translate(
        "Managed", "Managed by your IT department ({file}): it cannot be changed here."
    ).format(file=managed.source or "")


def hold(widget: QWidget, managed: Managed, name: str) -> bool:
    """Disable ``widget`` if ``name`` is managed (its value already shown); True if so."""
    if not managed.is_managed(name):
        return False
    widget.setEnabled(False)
    widget.setToolTip(managed_text(managed))
    return True


AskPrinter = Callable[[QPrinter, QWidget], bool]


def print_to(name: str, otherwise: AskPrinter | None = None) -> AskPrinter:
    """The print "dialog" of a managed printer: this printer, no question asked. Where it
    is not installed (Qt then names no printer), ``otherwise`` (the print dialog) asks."""

    def ask(printer: QPrinter, parent: QWidget) -> bool:
        printer.setPrinterName(name)
        if printer.printerName() == name:
            return True
        if otherwise is None:
            from ui.documents.preview import _ask_printer

            return _ask_printer(printer, parent)
        return otherwise(printer, parent)

    return ask
