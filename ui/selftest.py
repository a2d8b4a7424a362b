"""The Qt part of ``fieldapp self-test`` (the rest is ``fieldapp.selftest``): QtPdf renders
the self-test's PDF from memory, as printing and the preview do; the Swedish translations
(the app's and Qt's own) load; the widgets' platform plugin starts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from fieldapp import paths
from fieldapp.selftest import sample_pdf


def qt_checks() -> list[tuple[str, Callable[[], str]]]:
    return [("qt", _qt), ("qtpdf", _qtpdf), ("translations", _translations)]


def _application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def _qt() -> str:
    from PySide6 import __version__ as pyside

    app = _application()
    from PySide6.QtCore import qVersion

    return f"Qt {qVersion()} (PySide6 {pyside}), platform {app.platformName()}"


def _qtpdf() -> str:
    from ui.documents.printing import load_pdf, render_page

    _application()
    owner = QObject()
    document, _buffer = load_pdf(sample_pdf(), owner)
    image = render_page(document, 0, 50)
    # The filled rectangle (72-272 pt across, 600-700 pt up) must come out dark.
    x, y = round(170 / 72 * 50), image.height() - round(650 / 72 * 50)
    if image.pixelColor(x, y).lightness() > 60:
        raise RuntimeError("QtPdf rendered a blank page")
    return f"QtPdf rendered {document.pageCount()} page at {image.width()}x{image.height()}"


def _translations() -> str:
    _application()
    found = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (
        ("fieldapp_sv", str(paths.resource("translations"))),
        ("qtbase_sv", qt_dir),
    ):
        translator = QTranslator()
        if not translator.load(name, directory):
            raise FileNotFoundError(f"{name}.qm")
        found.append(name)
    return ", ".join(found)
