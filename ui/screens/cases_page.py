"""The Cases section: the operation's cases (search with Ctrl+F), the new-case form
(Ctrl+N) and the case screen, one at a time."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.case import CASE_ENTITY
from fieldapp.workflow.context import Change
from ui.forms import muted_label, title_label
from ui.models import ID_ROLE, CaseListModel
from ui.screens.case_screen import CaseScreen
from ui.screens.case_steps import NewCaseForm
from ui.widgets import action_button, row_table
from ui.words import CASE_STATUS, OUTCOMES_SHORT, word
from ui.workspace import Workspace


def case_table(model: CaseListModel, parent: QWidget) -> QTableView:
    """A table of cases: one row per case, whole rows selected, Enter opens."""
    table = row_table(parent, model)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    metrics = table.fontMetrics()
    # A closed or handed-over case says so beside its outcome ("Överlämnat · fullbordat
    # brott"): the status column is as wide as the longest of those, in the language shown.
    statuses = [
        f"{word(CASE_STATUS, state).capitalize()} · {word(OUTCOMES_SHORT, outcome)} "
        for state in CASE_STATUS
        for outcome in OUTCOMES_SHORT
    ]
    widest = max(statuses, key=metrics.horizontalAdvance)
    samples = {0: "00/00 00:00", 2: widest, 3: "Människohandel? ", 4: "Öppna"}
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 16)
        table.setColumnWidth(column, width + 20)
    return table


class CasesPage(QWidget):
    """List, new case, or one case: the stack shows one of them."""

    case_opened = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._build_ui()
        self._connect()
        self.reload()

    def _build_ui(self) -> None:
        self.stack = QStackedWidget(self)

        self.list_page = QWidget(self.stack)
        self.title = title_label("", self.list_page)
        self.search = QLineEdit(self.list_page)
        self.search.setPlaceholderText(self.tr("Search place, room or name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.new_button = action_button(self.tr("&New case (Ctrl+N)"), self.list_page, primary=True)
        self.model = CaseListModel(self.workspace, self)
        self.table = case_table(self.model, self.list_page)
        self.empty = muted_label("", self.list_page)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self.new_page = QWidget(self.stack)
        self.new_title = title_label(self.tr("New case"), self.new_page)
        self.new_hint = muted_label(
            self.tr(
                "The place is filled in from the last case; change what differs. The entry "
                "time is now unless you type another (2142 or 21:42). Enter opens the case."
            ),
            self.new_page,
        )
        self.new_form = NewCaseForm(self.workspace, self.new_page)
        self.create_button = action_button(
            self.tr("&Open the case (Enter)"), self.new_page, primary=True
        )
        self.cancel_button = action_button(self.tr("Cancel"), self.new_page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        new_layout = QVBoxLayout(self.new_page)
        new_layout.setContentsMargins(24, 18, 24, 12)
        new_layout.setSpacing(12)
        new_layout.addWidget(self.new_title)
        new_layout.addWidget(self.new_hint)
        form_box = QWidget(self.new_page)
        form_box.setMaximumWidth(720)
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.new_form)
        new_layout.addWidget(form_box)
        new_layout.addLayout(buttons)
        new_layout.addStretch(1)

        self.case_screen = CaseScreen(self.workspace, self.stack)

        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.new_page)
        self.stack.addWidget(self.case_screen)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.model.set_filter)
        self.search.returnPressed.connect(self._open_first_match)
        self.table.activated.connect(self._on_activated)
        self.new_button.clicked.connect(self.new_case)
        self.create_button.clicked.connect(self.new_form.create_case)
        self.cancel_button.clicked.connect(self.show_list)
        self.new_form.opened.connect(self._on_created)
        self.case_screen.back_requested.connect(self.show_list)
        self.case_screen.case_changed.connect(self.model.refresh_case)
        self.workspace.operation_changed.connect(lambda _op: self.reload())
        self.workspace.changed.connect(self._on_changed)

    # -- state --------------------------------------------------------------------------------

    def reload(self) -> None:
        operation = self.workspace.operation
        name = str(operation.get("name")) if operation else ""
        self.title.setText(
            self.tr("Cases: {operation}").format(operation=name) if name else self.tr("Cases")
        )
        self.model.load(self.workspace.operation_id, self.search.text())
        self._update_empty()

    def _update_empty(self) -> None:
        if self.workspace.operation_id is None:
            text = self.tr("No operation yet: create one under Operations (Ctrl+1).")
        elif self.model.rowCount() == 0 and self.search.text():
            text = self.tr("No case matches the search.")
        elif self.model.rowCount() == 0:
            text = self.tr("No cases yet. Ctrl+N opens a new one.")
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        # A case this list does not show yet (opened, or imported): list them again.
        if CASE_ENTITY in change.kinds and any(self.model.row_of(c) < 0 for c in change.case_ids):
            self.model.load(self.workspace.operation_id, self.search.text())
            self._update_empty()

    def current_case_id(self) -> str | None:
        if self.stack.currentWidget() is self.case_screen:
            return self.case_screen.case_id
        return None

    def showing_case(self) -> bool:
        return (
            self.stack.currentWidget() is self.case_screen and self.case_screen.case_id is not None
        )

    # -- actions ------------------------------------------------------------------------------

    def show_list(self) -> None:
        self.case_screen.flush()
        self.stack.setCurrentWidget(self.list_page)
        self._update_empty()
        row = self.model.row_of(self.case_screen.case_id or "")
        if row >= 0:
            self.table.selectRow(row)
        self.table.setFocus()

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def new_case(self) -> None:
        self.case_screen.flush()
        self.new_form.prepare()
        self.stack.setCurrentWidget(self.new_page)
        self.new_form.place.name.setFocus()
        self.new_form.place.name.selectAll()

    def open_case(self, case_id: str, step: str | None = None) -> None:
        # The case first, then the screen: shown before, it would show the case it had
        # open, its field taking the focus (and the next key) until the new case replaced it.
        self.case_screen.open_case(case_id, step)
        self.stack.setCurrentWidget(self.case_screen)
        self.case_screen.focus_step()
        self.case_opened.emit(case_id)

    @Slot(str)
    def _on_created(self, case_id: str) -> None:
        self.model.load(self.workspace.operation_id, self.search.text())
        self.open_case(case_id)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(self.model.index(index.row(), 0), ID_ROLE)
        if case_id:
            self.open_case(str(case_id))

    @Slot()
    def _open_first_match(self) -> None:
        case_id = self.model.case_id(0)
        if case_id is not None:
            self.open_case(case_id)

    def print_here(self) -> None:
        if self.showing_case():
            self.case_screen.print_here()

    def flush(self) -> None:
        self.case_screen.flush()
        if self.stack.currentWidget() is self.new_page:
            self.workspace.autosaver.flush(self.new_form.draft_key)
