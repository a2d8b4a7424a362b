"""The access log for administrators: who opened which record, when, filtered by case,
person, officer and days. Each listing is itself logged by the core
(``fieldapp.workflow.access_log``); the dialog shows only ids and roles, never names of the
people recorded, so reading the log opens no one's record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import KnownError
from fieldapp.workflow.access_log import Access, AccessFilter, access_log, parse_day
from ui.forms import FieldMessage, muted_label
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.table_model import AnyIndex, ColumnTableModel
from ui.widgets import FormGrid, action_button
from ui.words import PERSON_ROLES, word
from ui.workspace import Workspace

_EMPTY_ROLE = Qt.ItemDataRole.DisplayRole
_ACTIONS = {
    "open": QT_TRANSLATE_NOOP("AccessLog", "opened"),
    "unlock": QT_TRANSLATE_NOOP("AccessLog", "unlocked"),
    "failed_unlocks": QT_TRANSLATE_NOOP("AccessLog", "failed unlocks"),
    "list_access_log": QT_TRANSLATE_NOOP("AccessLog", "listed the access log"),
}
_ENTITIES = {
    "vault": QT_TRANSLATE_NOOP("AccessLog", "the vault"),
    "ad": QT_TRANSLATE_NOOP("AccessLog", "ad"),
}


class AccessModel(ColumnTableModel):
    """One row per access: when, who, on which computer, what, which case, why."""

    COLUMNS = ("when", "who", "where", "what", "case", "action")

    def __init__(self, this_device: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Access] = []
        self._this_device = this_device

    def show(self, rows: list[Access]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._rows)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("AccessLog", "When"),
            translate("AccessLog", "Opened by"),
            translate("AccessLog", "Computer"),
            translate("AccessLog", "Record"),
            translate("AccessLog", "Case"),
            translate("AccessLog", "Action"),
        )

    def data(self, index: AnyIndex, role: int = _EMPTY_ROLE) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        a = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "when":
            return datetime.fromisoformat(a.wall_time).astimezone().strftime("%Y-%m-%d %H:%M")
        if column == "who":
            return f"{a.officer_name} ({a.officer_id})" if a.officer_name else a.officer_id
        if column == "where":
            if a.device_id == self._this_device:
                return translate("AccessLog", "this computer")
            return a.device_id[:8]
        if column == "what":
            if a.role:
                return f"{word(PERSON_ROLES, a.role)} {a.entity_id[-8:]}"
            if a.entity_type == "vault":
                return translate("AccessLog", _ENTITIES["vault"])
            kind = _ENTITIES.get(a.entity_type)
            return f"{translate('AccessLog', kind) if kind else a.entity_type} {a.entity_id[-8:]}"
        if column == "case":
            return a.case_id[-8:] if a.case_id else "–"
        action = _ACTIONS.get(a.action)
        text = translate("AccessLog", action) if action else a.action
        return text + (f" ({a.purpose})" if a.purpose else "")


class AccessLogDialog(QDialog):
    """Filters, a List button, and the table. Administrators only (the core refuses
    others; the Settings page offers the dialog only to them)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Access log"))
        self.resize(1000, 560)
        grid = FormGrid()
        self.case = QLineEdit(self)
        self.case_message = grid.add("case", self.tr("&Case id"), self.case)
        self.person = QLineEdit(self)
        self.person_message = grid.add("person", self.tr("&Person id"), self.person)
        self.officer = QLineEdit(self)
        grid.add("officer", self.tr("Opened &by (officer id)"), self.officer)
        self.since = QLineEdit(self)
        self.since.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.since_message = grid.add("since", self.tr("&From day"), self.since)
        self.until = QLineEdit(self)
        self.until.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.until_message = grid.add("until", self.tr("&Through day"), self.until)
        self.list_button = action_button(self.tr("&List (Enter)"), self)
        self.list_button.setDefault(True)
        self.message = FieldMessage(self)
        self.model = AccessModel(workspace.session.device_id, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.list_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(
            muted_label(self.tr("Every listing is itself recorded in the access log."), self)
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.list_button.clicked.connect(self.list_accesses)

    @Slot()
    def list_accesses(self) -> None:
        from ui.capture import refusal_text

        self.message.clear_message()
        try:
            wanted = AccessFilter(
                case_id=self.case.text().strip() or None,
                person_id=self.person.text().strip() or None,
                officer_id=self.officer.text().strip() or None,
                since=parse_day(self.since.text(), "since") if self.since.text().strip() else None,
                until=parse_day(self.until.text(), "until") if self.until.text().strip() else None,
            )
            found = access_log(self.workspace.ctx, wanted)
        except KnownError as exc:
            self.message.show_message(refusal_text(exc))
            return
        self.model.show(found)
        self.message.show_message(
            self.tr("{count} access(es) listed.").format(count=len(found)), "ok"
        )
