"""The operation's contacts directory and its team, checked and corrected after the
operation is set up (its county's contacts on duty are copied in, to be checked).

Each is a table beside one form: with nothing chosen the form adds a new entry; choosing a
row fills the form with it, to change it; "Remove" withdraws the chosen one with a reason
(a void event: the log keeps it, the lists no longer show it). Enter saves, Enter in the
reason field removes. Typing is a draft per entry, kept across a lock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents.text import phone as phone_text
from fieldapp.domain.operation import CONTACT_ENTITY, TEAM_ENTITY
from fieldapp.storage.records import Record
from fieldapp.workflow import operations
from fieldapp.workflow.context import Change
from ui.ads.models import ListTableModel
from ui.capture import CaptureForm
from ui.i18n import translate
from ui.problem_texts import date_hint
from ui.theme import text_scale
from ui.widgets import CodeCombo, FormGrid, action_button, fitted_table, line_edit
from ui.words import CONTACT_ROLES, TEAM_ROLES, word
from ui.workspace import Workspace


class EntryForm(CaptureForm):
    """Add an entry (no record chosen) or change the chosen one; remove it with a reason.

    A subclass places its fields, calls ``finish``, and runs its use cases."""

    saved_entry = Signal(str)  # the entry added or changed
    removed = Signal(str)  # the entry withdrawn

    kind = ""  # in the draft keys
    entity_type = ""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, f"operation/-/{self.kind}/new", parent)
        self.operation_id: str | None = None
        self.record_id: str | None = None
        self.columns = QHBoxLayout()
        self.columns.setSpacing(18)
        self.remove_grid = FormGrid()
        self.reason = line_edit(
            self, translate("EntryForm", "e.g. wrong number, no longer on duty"), 200
        )
        self.remove_button = action_button(translate("EntryForm", "Re&move"), self)

    def finish(self, *grids: FormGrid) -> None:
        for grid in grids or (self.grid,):
            self.columns.addLayout(grid, 1)
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.reason, 1)
        box.addWidget(self.remove_button)
        message = self.remove_grid.add(
            "reason", translate("EntryForm", "Reason to remo&ve"), row, buddy=self.reason
        )
        self.attach("reason", self.reason, message)
        self.reason.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.columns)
        layout.addWidget(self.status)
        layout.addWidget(self.general)
        self.button_row = QHBoxLayout()  # the editor's buttons
        layout.addLayout(self.button_row)
        layout.addSpacing(6)
        layout.addLayout(self.remove_grid)
        self.submitted.connect(self.save)
        self.remove_button.clicked.connect(self.remove)

    # -- what the entries hold -----------------------------------------------------------------

    def entry_names(self) -> list[str]:
        return [name for name in self.fields if name != "reason"]

    def entry_values(self, record: Record) -> dict[str, Any]:
        values = {name: record.get(name) for name in self.entry_names()}
        if values.get("phone"):  # as it is written here; it is read back the same
            values["phone"] = phone_text(str(values["phone"]))
        return values

    def title_of(self, record: Record) -> str:
        raise NotImplementedError

    def add(self, operation_id: str, data: dict[str, Any]) -> Change:
        raise NotImplementedError

    def amend(self, record_id: str, data: dict[str, Any]) -> Change:
        raise NotImplementedError

    def withdraw(self, record_id: str, reason: str) -> Change:
        raise NotImplementedError

    # -- modes ---------------------------------------------------------------------------------

    def set_operation(self, operation_id: str | None) -> None:
        if operation_id != self.operation_id:
            self.operation_id = operation_id
            self.start_new()

    def _key(self) -> str:
        return f"operation/{self.operation_id or '-'}/{self.kind}/{self.record_id or 'new'}"

    def _switch(self, record: Record | None) -> None:
        self.workspace.autosaver.flush(self.draft_key)
        self.record_id = record.entity_id if record is not None else None
        self.draft_key = self._key()
        values: dict[str, Any] = dict.fromkeys(self.fields)
        if record is not None:
            values.update(self.entry_values(record))
        self.write_values(values)
        self.clear_messages()
        self.load_draft()

    def start_new(self) -> None:
        """An empty form: Enter adds a new entry."""
        self._switch(None)

    def edit(self, record: Record) -> None:
        """The chosen entry in the form (with any unsaved typing of it): Enter saves it."""
        self._switch(record)
        self.status.hide()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    # -- acts ----------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        operation_id, record_id = self.operation_id, self.record_id
        if operation_id is None:
            return
        data = self.values(*self.entry_names())
        if record_id is None:
            change = self.record_act(lambda: self.add(operation_id, data))
        else:
            change = self.record_act(lambda: self.amend(record_id, data))
        if change is None:
            return
        self.draft_key = self._key()
        self.saved_entry.emit(change.entity_id)

    @Slot()
    def remove(self) -> None:
        record_id = self.record_id
        self.clear_messages()
        message = self.fields["reason"].message
        if record_id is None:
            message.show_message(
                translate("EntryForm", "First choose in the table what to remove.")
            )
            return
        reason = self.reason.text().strip()
        if not reason:
            message.show_message(
                translate("EntryForm", "Give the reason for removing it: the log keeps it.")
            )
            self.reason.setFocus()
            return
        change = self.record_act(lambda: self.withdraw(record_id, reason))
        if change is not None:
            self.removed.emit(record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the reason field removes the chosen entry (anywhere else it saves).
        if watched is self.reason and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.remove()
                return True
        return super().eventFilter(watched, event)


class ContactForm(EntryForm):
    """A contact of the operation's directory: who, how to reach them, when, checked when."""

    kind = "contact"
    entity_type = CONTACT_ENTITY

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.right = FormGrid()
        self.role = CodeCombo(CONTACT_ROLES, self, empty=self.tr("— choose —"))
        self.add_field("role", self.tr("&Role"), self.role)
        self.organisation = line_edit(self, self.tr("e.g. Åklagarmyndigheten"), 160)
        self.add_field("organisation", self.tr("&Organisation"), self.organisation)
        self.unit = line_edit(self, self.tr("e.g. Västerås office"), 160)
        self.add_field("unit", self.tr("Un&it"), self.unit)
        self.hours = line_edit(self, self.tr("e.g. weekdays 8–17, on call otherwise"), 160)
        self.add_field("hours", self.tr("&Hours"), self.hours)
        self.verified_on = line_edit(self, date_hint(), 10)
        self.add_field("verified_on", self.tr("&Date verified"), self.verified_on)
        self.phone = line_edit(self, "021-…", 40)
        self.add_field("phone", self.tr("&Phone"), self.phone, grid=self.right)
        self.email = line_edit(self, "", 254)
        self.add_field("email", self.tr("E-mai&l"), self.email, grid=self.right)
        self.web = line_edit(self, "https://…", 300)
        self.add_field("web", self.tr("&Web"), self.web, grid=self.right)
        self.note = line_edit(self, "", 500)
        self.add_field("note", self.tr("Not&e"), self.note, grid=self.right)
        QWidget.setTabOrder(self.verified_on, self.phone)
        self.finish(self.grid, self.right)

    def title_of(self, record: Record) -> str:
        return str(record.get("organisation") or "")

    def add(self, operation_id: str, data: dict[str, Any]) -> Change:
        return self.workspace.run(operations.add_contact, operation_id, data)

    def amend(self, record_id: str, data: dict[str, Any]) -> Change:
        return self.workspace.run(operations.amend_contact, record_id, data)

    def withdraw(self, record_id: str, reason: str) -> Change:
        return self.workspace.run(operations.remove_contact, record_id, reason)


class TeamMemberForm(EntryForm):
    """A member of the operation's team: officer id, name, role in the operation, phone."""

    kind = "team"
    entity_type = TEAM_ENTITY

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.officer_id = line_edit(self, self.tr("e.g. the service number"), 32)
        self.add_field("officer_id", self.tr("Officer &ID"), self.officer_id)
        self.name = line_edit(self, "", 120)
        self.add_field("name", self.tr("Nam&e"), self.name)
        self.role = CodeCombo(TEAM_ROLES, self, empty=self.tr("— choose —"))
        self.add_field("role", self.tr("&Role"), self.role)
        self.phone = line_edit(self, "070-…", 40)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.finish()

    def title_of(self, record: Record) -> str:
        return str(record.get("name") or "")

    def add(self, operation_id: str, data: dict[str, Any]) -> Change:
        return self.workspace.run(operations.add_team_member, operation_id, data)

    def amend(self, record_id: str, data: dict[str, Any]) -> Change:
        return self.workspace.run(operations.amend_team_member, record_id, data)

    def withdraw(self, record_id: str, reason: str) -> Change:
        return self.workspace.run(operations.remove_team_member, record_id, reason)


class DirectoryModel(ListTableModel[Record]):
    """The operation's contacts as fetched (no look-ups while painting: the vault may
    lock with the page still on screen): who, organisation, how to reach them. The hours
    and the day verified are in the form (the table shares the page with it)."""

    COLUMNS = ("role", "organisation", "phone")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Who"), self.tr("Organisation"), self.tr("Phone"))

    def key(self, item: Record) -> str:
        return item.entity_id

    def cells(self, item: Record) -> tuple[str, ...]:
        unit = item.get("unit")
        name = str(item.get("organisation") or "")
        number = item.get("phone")
        return (
            word(CONTACT_ROLES, item.get("role")),
            f"{name}, {unit}" if unit else name,
            phone_text(str(number)) if number else str(item.get("email") or item.get("web") or ""),
        )


class TeamModel(ListTableModel[Record]):
    """The operation's team: officer id, name, role, phone."""

    COLUMNS = ("officer_id", "name", "role", "phone")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Officer ID"), self.tr("Name"), self.tr("Role"), self.tr("Phone"))

    def key(self, item: Record) -> str:
        return item.entity_id

    def cells(self, item: Record) -> tuple[str, ...]:
        number = item.get("phone")
        return (
            str(item.get("officer_id") or ""),
            str(item.get("name") or ""),
            word(TEAM_ROLES, item.get("role")),
            phone_text(number) if number else "",
        )


class EntryEditor(QWidget):
    """A table of entries above the form that adds, changes and removes them."""

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        form: EntryForm,
        model: ListTableModel[Record],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.form = form
        form.setParent(self)
        self.model = model
        model.setParent(self)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "stepTitle")
        self.save_button = action_button("", self, primary=True)
        self.new_button = action_button(translate("EntryEditor", "New, empt&y form"), self)
        form.button_row.addWidget(self.save_button)
        form.button_row.addWidget(self.new_button)
        form.button_row.addStretch(1)

    def arrange(self, table: QTableView, ratio: tuple[int, int] = (1, 1)) -> None:
        self.table = table
        self.table.setMinimumHeight(120)
        form_box = QVBoxLayout()
        form_box.setSpacing(6)
        form_box.addWidget(self.heading)
        form_box.addWidget(self.form)
        form_box.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(16)
        layout.addWidget(self.table, ratio[0])
        layout.addLayout(form_box, ratio[1])
        QWidget.setTabOrder(self.table, next(iter(self.form.fields.values())).widget)
        last = list(self.form.fields.values())[-2].widget  # the last before the reason
        QWidget.setTabOrder(last, self.save_button)
        QWidget.setTabOrder(self.save_button, self.new_button)
        QWidget.setTabOrder(self.new_button, self.form.reason)
        QWidget.setTabOrder(self.form.reason, self.form.remove_button)
        self.save_button.clicked.connect(self.form.save)
        self.new_button.clicked.connect(self.start_new)
        self.form.saved_entry.connect(self._on_saved)
        self.form.removed.connect(self._on_removed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    # -- what a subclass provides --------------------------------------------------------------

    def entries(self, operation_id: str) -> list[Record]:
        raise NotImplementedError

    def texts(self, record: Record | None) -> tuple[str, str]:
        """The heading over the form and the save button's text."""
        raise NotImplementedError

    def added_text(self, title: str) -> str:
        raise NotImplementedError

    def removed_text(self, title: str) -> str:
        raise NotImplementedError

    # -- loading -------------------------------------------------------------------------------

    def set_operation(self, operation_id: str | None) -> None:
        self.form.set_operation(operation_id)
        self.reload()
        chosen = self._chosen()
        if chosen is None and self.form.record_id is not None:
            self.form.start_new()  # the chosen entry is gone (removed on another laptop)
        # The heading and buttons say what Enter will do with the form as it now stands:
        # after a reload (a sync) that is still changing the chosen entry.
        self._show_mode(chosen)

    def _chosen(self) -> Record | None:
        """The entry the form holds, as the table now has it (None for a new one)."""
        row = self.model.row_of_key(self.form.record_id) if self.form.record_id else -1
        return self.model.item(row) if row >= 0 else None

    def reload(self) -> None:
        operation_id = self.form.operation_id
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_items(self.entries(operation_id) if operation_id else [])
        chosen = self._chosen()
        if chosen is not None:
            self.table.selectRow(self.model.row_of_key(chosen.entity_id))
        selection.blockSignals(False)
        self.setEnabled(operation_id is not None)

    def _show_mode(self, record: Record | None) -> None:
        heading, button = self.texts(record)
        self.heading.setText(heading)
        self.save_button.setText(button)
        self.form.reason.setEnabled(record is not None)
        self.form.remove_button.setEnabled(record is not None)

    # -- slots ---------------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.item(current.row())
        if record is not None:
            self.choose(record)

    def choose(self, record: Record) -> None:
        """Fill the form with ``record`` to change or remove it."""
        self.form.edit(record)
        self._show_mode(record)

    @Slot()
    def start_new(self) -> None:
        """An empty form for a new entry: what was typed and not saved is let go (the
        button says so); choosing another row instead keeps it as a draft."""
        self.form.discard_draft()
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        self.form.start_new()
        self.form.status.hide()
        self._show_mode(None)
        first = next(iter(self.form.fields.values())).widget
        first.setFocus()

    @Slot(str)
    def _on_saved(self, record_id: str) -> None:
        added = self.form.record_id is None
        self.reload()
        row = self.model.row_of_key(record_id)
        record = self.model.item(row)
        title = self.form.title_of(record) if record is not None else ""
        if added:
            self.form.start_new()
            self.form.show_status(self.added_text(title))
            if row >= 0:
                self.table.scrollTo(self.model.index(row, 0))
        elif record is not None:
            self.form.edit(record)
            self._show_mode(record)
            self.form.show_status(translate("EntryEditor", "Saved: {title}.").format(title=title))
        self.changed.emit()

    @Slot(str)
    def _on_removed(self, record_id: str) -> None:
        record = self.workspace.ctx.records.get(self.form.entity_type, record_id)
        title = self.form.title_of(record) if record is not None else ""
        self.start_new()
        self.reload()
        self.form.show_status(self.removed_text(title))
        self.changed.emit()


class ContactsEditor(EntryEditor):
    """The operation's contacts directory: check, correct, add, remove."""

    form: ContactForm

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, ContactForm(workspace), DirectoryModel(), parent)
        # With large text the two-column form needs more of the width to stay readable.
        large = text_scale() > 1.1
        self.arrange(fitted_table(self.model, self, 1), ratio=(3, 5) if large else (4, 5))
        # Long web addresses and roles must not squeeze the organisation out of sight:
        # fixed widths (a cut-off cell shows in full as its tooltip).
        header = self.table.horizontalHeader()
        for column, width in ((0, 170), (2, 140)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, round(width * (0.85 if large else 1.0)))
        self.table.setAccessibleName(self.tr("Contacts directory"))

    def entries(self, operation_id: str) -> list[Record]:
        return operations.contacts(self.workspace.ctx, operation_id)

    def texts(self, record: Record | None) -> tuple[str, str]:
        if record is None:
            return self.tr("New contact"), self.tr("&Add to the directory (Enter)")
        return (
            self.tr("Change: {name}").format(name=self.form.title_of(record)),
            self.tr("&Save the changes (Enter)"),
        )

    def added_text(self, title: str) -> str:
        return self.tr("Added to the directory: {name}.").format(name=title)

    def removed_text(self, title: str) -> str:
        return self.tr("Removed from the directory: {name}.").format(name=title)


class TeamEditor(EntryEditor):
    """The operation's team: add, correct, remove members."""

    form: TeamMemberForm

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, TeamMemberForm(workspace), TeamModel(), parent)
        self.arrange(fitted_table(self.model, self, 1))
        self.table.setAccessibleName(self.tr("Team"))

    def entries(self, operation_id: str) -> list[Record]:
        return operations.team(self.workspace.ctx, operation_id)

    def texts(self, record: Record | None) -> tuple[str, str]:
        if record is None:
            return self.tr("New team member"), self.tr("&Add to the team (Enter)")
        return (
            self.tr("Change: {name}").format(name=self.form.title_of(record)),
            self.tr("&Save the changes (Enter)"),
        )

    def added_text(self, title: str) -> str:
        return self.tr("Added to the team: {name}.").format(name=title)

    def removed_text(self, title: str) -> str:
        return self.tr("Removed from the team: {name}.").format(name=title)
