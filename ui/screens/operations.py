"""Operations: every operation in the vault, the one in use chosen with Enter; under the
list, in tabs, the chosen operation's contacts directory and team (to check and correct:
a new operation gets its county's contacts on duty copied in) and a small form for a new
operation."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.counties import county_ids, load_county
from fieldapp.provisioning import COUNTY
from fieldapp.workflow import operations
from ui.capture import CaptureForm
from ui.forms import muted_label, title_label
from ui.managed import hold
from ui.models import OperationsModel
from ui.problem_texts import date_hint
from ui.screens.operation_directory import ContactsEditor, TeamEditor
from ui.theme import text_scale
from ui.widgets import CodeCombo, action_button, line_edit, row_table
from ui.workspace import Workspace


class NewOperationForm(CaptureForm):
    created = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "new-operation", parent)
        self.name = line_edit(self, self.tr("e.g. Operation week, Västerås, May"), 120)
        self.add_field("name", self.tr("&Name"), self.name)
        self.start = line_edit(self, date_hint(), 10)
        self.add_field("start", self.tr("Fr&om"), self.start)
        self.end = line_edit(self, date_hint(), 10)
        self.add_field("end", self.tr("&To"), self.end)
        self.county = CodeCombo(
            {c: load_county(c).name for c in county_ids()}, self, empty=self.tr("— none —")
        )
        self.add_field("county", self.tr("Count&y"), self.county)
        self.agencies = line_edit(self, self.tr("Polisen, Socialjouren, … (commas between)"))
        self.add_field("agencies", self.tr("&Agencies"), self.agencies)
        self.body_layout()
        self.submitted.connect(self.create_operation)
        self.load_draft()
        self._hold_county()

    def _hold_county(self) -> None:
        """A county IT manages is the county of every new operation."""
        if hold(self.county, self.workspace.managed, COUNTY):
            self.county.set_code(str(self.workspace.managed.value(COUNTY)))

    @Slot()
    def create_operation(self) -> None:
        data = self.values()
        agencies = str(data.pop("agencies") or "")
        data["agencies"] = [a.strip() for a in agencies.split(",") if a.strip()]
        change = self.record_act(lambda: self.workspace.run(operations.create_operation, data))
        if change is not None:
            for field in self.fields.values():
                field.write(None)
            self._hold_county()
            self.created.emit(change.entity_id)


CONTACTS_TAB, TEAM_TAB, NEW_TAB = range(3)


class OperationsPage(QWidget):
    """Choose the operation the cases belong to, check its contacts and team, or start a
    new one."""

    operation_chosen = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.title = title_label(self.tr("Operations"), self)
        self.hint = muted_label(
            self.tr("Enter on an operation makes it the one in use (shown in bold)."), self
        )
        self.model = OperationsModel(workspace, self)
        self.table = row_table(self, self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        scale = text_scale()  # large text: wider columns, or their headings are cut
        for column, width in ((1, 220), (2, 140), (3, 80)):
            self.table.setColumnWidth(column, round(width * scale))
        self.table.setMaximumHeight(130)
        self.use_button = action_button(self.tr("&Use this operation (Enter)"), self, primary=True)
        self.chosen = muted_label("", self)
        self.tabs = QTabWidget(self)
        self.contacts = ContactsEditor(workspace, self.tabs)
        self.team = TeamEditor(workspace, self.tabs)
        new_tab = QWidget(self.tabs)
        self.form = NewOperationForm(workspace, new_tab)
        self.create_button = action_button(self.tr("C&reate the operation"), new_tab)
        form_box = QWidget(new_tab)
        form_box.setMaximumWidth(720)
        box = QVBoxLayout(form_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.form)
        new_layout = QVBoxLayout(new_tab)
        new_layout.setContentsMargins(8, 10, 8, 8)
        new_layout.addWidget(form_box)
        new_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        new_layout.addStretch(1)
        self.tabs.addTab(self.contacts, self.tr("Contacts directory"))
        self.tabs.addTab(self.team, self.tr("Team"))
        self.tabs.addTab(new_tab, self.tr("New operation"))
        self.tabs.setToolTip(self.tr("Ctrl+Tab: the next tab"))
        row = QHBoxLayout()
        row.addWidget(self.use_button)
        row.addSpacing(12)
        row.addWidget(self.chosen, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.use_button.clicked.connect(self._use_selected)
        self.create_button.clicked.connect(self.form.create_operation)
        self.form.created.connect(self._on_created)
        self.reload()

    def reload(self) -> None:
        self.model.load()
        row = self.model.row_of(self.workspace.operation_id)
        if row >= 0:
            self.table.selectRow(row)
        self._show_operation(self._selected())

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.operation_id(rows[0].row()) if rows else None

    def _show_operation(self, operation_id: str | None) -> None:
        """The contacts and team shown are those of the operation chosen in the list."""
        record = self.workspace.ctx.records.get("operation", operation_id) if operation_id else None
        if record is None:
            self.chosen.setText(self.tr("Choose an operation in the list to see its contacts."))
        else:
            self.chosen.setText(
                self.tr("Contacts and team below: {name}").format(name=record.get("name"))
            )
        self.contacts.set_operation(operation_id)
        self.team.set_operation(operation_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_operation(self.model.operation_id(current.row()))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        self._use(self.model.operation_id(index.row()))

    @Slot()
    def _use_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._use(self.model.operation_id(rows[0].row()))

    def _use(self, operation_id: str | None) -> None:
        if operation_id is None:
            return
        self.workspace.set_operation(operation_id)
        self.model.load()
        self.table.selectRow(self.model.row_of(operation_id))
        self._show_operation(operation_id)
        self.operation_chosen.emit(operation_id)

    @Slot(str)
    def _on_created(self, operation_id: str) -> None:
        self._use(operation_id)
