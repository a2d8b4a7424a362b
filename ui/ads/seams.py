"""The file chooser of the Ads section, as a plain function.

Screens hold it as a replaceable attribute (``panel.ask_import_file = …``), so tests drive
the real import with a path instead of opening a dialog (the KeePassXC seam).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.widgets import open_file

AskFile = Callable[[QWidget], Path | None]
translate = QCoreApplication.translate


def ask_import_file(parent: QWidget) -> Path | None:
    return open_file(
        parent,
        translate("AdsDialogs", "Import ads"),
        translate("AdsDialogs", "Ads (*.csv *.html *.htm *.mhtml *.mht);;All files (*)"),
    )
