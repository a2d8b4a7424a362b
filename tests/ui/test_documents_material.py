"""The Documents page's material that needs no case: leaflets in several languages and a
number of copies, the hotel sheet of any operation; nothing enabled that would print
nothing, and the page says what to choose."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from fieldapp.documents.leaflet_texts import Audience
from fieldapp.documents.leaflets import build_leaflet
from fieldapp.storage.session import Session
from fieldapp.workflow import operations
from tests.documents import pdfcheck
from ui.screens.documents_page import DocumentsPage
from ui.workspace import Workspace


@pytest.fixture
def workspace(small_workspace: Workspace) -> Workspace:
    """A small operation of the test's own (tests/ui/builders.py), not the demo's."""
    return small_workspace


def _page(qtbot: Any, workspace: Workspace) -> DocumentsPage:
    page = DocumentsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1166, 690)
    page.show()  # reloads
    return page


def test_leaflets_in_three_languages_without_a_case(qtbot: Any, workspace: Workspace) -> None:
    page = _page(qtbot, workspace)
    assert page.case_id is None
    assert page.list.count() == 0 and not page.open_button.isEnabled()  # nothing to print
    assert "Ctrl+3" in page.hint.text()
    material = page.material
    assert material.operation.count() == len(operations.operations(workspace.ctx)) >= 1
    assert material.sheet_button.isEnabled() and material.report_button.isEnabled()
    assert not material.leaflets_button.isEnabled()  # no language ticked yet
    tick_first = material.status.text()  # what to choose: the languages
    assert tick_first

    material.tick(["ro", "ru", "th"])
    material.copies.setValue(2)
    assert material.leaflets_button.isEnabled()
    assert material.status.text() != tick_first and "3" in material.status.text()
    material.leaflets_button.click()
    preview = workspace.preview
    assert preview is not None and preview.isVisible()
    contacts = operations.contacts(workspace.ctx, str(material.operation_id()))
    expected = 0
    for code in ("ro", "ru", "th"):
        one = pdfcheck.pages(build_leaflet(Audience.SELLER, code, contacts))
        expected += 2 * (one + one % 2)
    assert preview.page_count() == expected
    assert "ro, ru, th × 2" in preview.windowTitle()

    material.sheet_button.click()  # any operation's sheet; one preview at a time
    QApplication.processEvents()
    assert workspace.preview is not preview
    assert not shiboken6.isValid(preview) or not preview.isVisible()
    assert workspace.preview is not None and workspace.preview.page_count() >= 1
    workspace.preview.close()


@pytest.fixture
def empty_workspace(qapp: QApplication, admin_session: Session) -> Iterator[Workspace]:
    workspace = Workspace(admin_session)
    yield workspace
    workspace.autosaver.stop()


def test_nothing_enabled_without_an_operation(qtbot: Any, empty_workspace: Workspace) -> None:
    page = _page(qtbot, empty_workspace)
    material = page.material
    material.tick(["sv"])
    assert not page.open_button.isEnabled()
    for button in (material.leaflets_button, material.sheet_button, material.report_button):
        assert not button.isEnabled()
    assert "Ctrl+1" in material.status.text()  # set up an operation first (Operations)


def test_one_preview_at_a_time_esc_closes_it_and_focus_returns(
    qtbot: Any, workspace: Workspace
) -> None:
    from PySide6.QtCore import Qt

    page = _page(qtbot, workspace)
    material = page.material
    material.sheet_button.setFocus()
    material.sheet_button.click()
    first = workspace.preview
    assert first is not None
    material.report_button.click()  # a second document (built on the runner): the first goes
    qtbot.waitUntil(lambda: workspace.preview is not first, timeout=60_000)
    second = workspace.preview
    assert second is not None and second is not first
    assert not shiboken6.isValid(first) or not first.isVisible()
    qtbot.keyClick(second.print_button, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert workspace.preview is None
    assert not shiboken6.isValid(second) or not second.isVisible()

    material.sheet_button.setFocus()
    material.sheet_button.click()
    third = workspace.preview
    assert third is not None
    third.close()  # the window's own close button, as with the mouse
    QApplication.processEvents()
    assert workspace.preview is None
    assert QApplication.focusWidget() is material.sheet_button  # keys go on working here
