"""Fixtures for the GUI tests: the Swedish UI by default, controllers that clean up after
themselves, and a look at every text a widget shows."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from fieldapp.composition import open_vault
from fieldapp.demo import DEMO_OFFICER_ID, build_demo_vault
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.ui.builders import SmallOperation, build_small_operation
from ui.ads.page import AdsPage
from ui.app import AppController
from ui.dialogs.login import LoginDialog
from ui.gui_gc import collect_on_gui_thread
from ui.i18n import Translation
from ui.theme import apply_theme
from ui.workspace import Workspace

# The offscreen platform cannot resize a shown window to its new size hints and says so
# whenever an inline message appears, nor bring a window to the front (the one photo
# viewer is raised); real platforms can. Not our warnings to fail on.
_OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints",
    r"This plugin does not support raise\(\)",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*_OFFSCREEN_NOISE))


@pytest.fixture(scope="package", autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[None]:
    """As in the app (``run_gui``): Qt objects left to Python's cycle collector die on
    the GUI thread, not on the runner's worker while a screen paints. Only for the UI
    tests: a worker process that runs other tests after them gets the collector back."""
    collector = collect_on_gui_thread(qapp)
    collector.start()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Swedish, as the app starts by default; call ``language("en")`` to switch."""
    current = [Translation("sv").install()]

    def switch(code: str) -> None:
        current[0].remove()
        current[0] = Translation(code).install()

    yield switch
    current[0].remove()


def flush_deletions() -> None:
    """Run pending ``deleteLater`` calls (tests have no event loop of their own)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_controller(qtbot: Any) -> Iterator[Callable[..., AppController]]:
    made: list[AppController] = []

    def make(vault: Vault, **kwargs: Any) -> AppController:
        kwargs.setdefault("kdf_cost", TEST_COST)
        controller = AppController(vault, **kwargs)
        made.append(controller)
        controller.start()
        return controller

    yield make
    for controller in made:
        controller.shutdown()
    flush_deletions()


def log_in(controller: AppController, officer_id: str, passphrase: str) -> None:
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.officer.setEditText(officer_id)
    dialog.passphrase.setText(passphrase)
    dialog.unlock_button.click()


def widget_texts() -> list[str]:
    """Every text any live widget could show: labels, buttons, fields, lists, titles."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts.append(widget.currentText())
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
    return texts


def visible(widget: QWidget | None) -> bool:
    return widget is not None and widget.isVisible()


# -- a small operation of the test's own (tests/ui/builders.py): invented names, not the demo's


@pytest.fixture
def small_operation(admin_session: Session) -> SmallOperation:
    """Four cases on the test's own vault (tests/conftest.py's administrator logged in)."""
    return build_small_operation(admin_session)


@pytest.fixture
def small_workspace(
    qapp: QApplication, admin_session: Session, small_operation: SmallOperation
) -> Iterator[Workspace]:
    """A workspace on the small operation (its only operation, so the one in use)."""
    workspace = Workspace(admin_session)
    yield workspace
    workspace.autosaver.stop()


@pytest.fixture
def small_controller(make_controller: Callable[..., AppController], vault: Vault) -> AppController:
    """The whole app on the small operation's vault, its administrator logged in: for tests
    of the window's own keys and sections, which need the app rather than one screen."""
    session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    try:
        build_small_operation(session)
    finally:
        session.lock()
    controller = make_controller(vault)
    log_in(controller, ADMIN_ID, ADMIN_PASS)
    return controller


# -- the demo vault: an operation with cases in every state ----------------------------------


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Built once per run (about a second); each test gets its own copy."""
    folder = tmp_path_factory.mktemp("demo-template") / "vault"
    passphrase = build_demo_vault(folder)
    return folder, passphrase


@pytest.fixture
def demo_vault(demo_template: tuple[Path, str], tmp_path: Path) -> tuple[Vault, str]:
    """A private copy of the demo vault and its passphrase (every demo officer has it)."""
    template, passphrase = demo_template
    folder = tmp_path / "demo"
    shutil.copytree(template, folder)
    return open_vault(folder), passphrase


@pytest.fixture
def demo_controller(
    make_controller: Callable[..., AppController], demo_vault: tuple[Vault, str]
) -> AppController:
    """The app on the demo vault (the test's own copy), the demo officer logged in."""
    vault, passphrase = demo_vault
    controller = make_controller(vault)
    log_in(controller, DEMO_OFFICER_ID, passphrase)
    return controller


@pytest.fixture
def demo_session(demo_vault: tuple[Vault, str]) -> Iterator[Session]:
    vault, passphrase = demo_vault
    session = vault.unlock(DEMO_OFFICER_ID, passphrase)
    yield session
    session.lock()


@pytest.fixture
def workspace(qapp: QApplication, demo_session: Session) -> Iterator[Workspace]:
    workspace = Workspace(demo_session)
    yield workspace
    workspace.autosaver.stop()


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    """The app's dark theme for pictures of the screens, and the test default back
    afterwards."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def plain(text: str) -> str:
    """Swedish grouping uses a no-break space: compare as ordinary spaces."""
    return text.replace("\u00a0", " ")


def case_by_place(workspace: Workspace, place: str) -> str:
    """The case at ``place`` (names from ``fieldapp.demo`` or ``tests/ui/builders.py``)."""
    found = workspace.ctx.records.find("case")
    return next(c.entity_id for c in found if c.get("place_name") == place)


def to_pdf_file(target: Path) -> Callable[[QPrinter, QWidget], bool]:
    """A print dialog that prints to ``target`` (QPrinter's own PDF output)."""

    def ask(printer: QPrinter, parent: QWidget) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(72)
        return True

    return ask


@pytest.fixture
def ads_page(qtbot: Any, workspace: Workspace) -> Iterator[AdsPage]:
    """The Ads section alone on ``workspace`` (the demo's, or the small operation's where a
    test module overrides ``workspace``), at a laptop's size, its drafts saved at the end.
    Named apart from ``page``: importing a fixture would shadow it (ruff F811)."""
    page = AdsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1166, 700)
    page.show()
    yield page
    page.flush()
