"""Tips received from hotels, taxi companies and others: when, from whom (a company of the
county's directory, or who else), how, what was said, and the case it led to. The list
shows the county's tips, newest first; a tip is tied to a case later from the list too, or
withdrawn with a reason (``ui.dialogs.directory_edits``).

Who at the company called is not recorded: the company is the source the report needs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.domain.case import CASE_ENTITY
from fieldapp.storage.records import Record
from fieldapp.workflow import directory, tips
from fieldapp.workflow.directory import COMPANY_ENTITY
from ui.ads.detail import case_name
from ui.ads.models import TipsModel
from ui.ads.outreach_tab import operation_county
from ui.ads.texts import TIP_CHANNELS
from ui.ads.when import WhenField
from ui.capture import CaptureForm, refusal_text
from ui.dialogs.directory_edits import TipActions, chosen_row
from ui.forms import FieldMessage, muted_label
from ui.sync.common import Panel
from ui.widgets import CodeCombo, action_button, fitted_table, line_edit, text_box
from ui.words import short_moment
from ui.workspace import Workspace


class TipForm(CaptureForm):
    """One tip as it came in."""

    recorded_tip = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "outreach/tip", parent)
        self.received_at = WhenField(workspace.now, self)
        self.add_field("received_at", self.tr("Recei&ved"), self.received_at)
        self.company = CodeCombo({}, self)
        self.add_field("company_id", self.tr("Fro&m (directory)"), self.company)
        self.source = line_edit(
            self, self.tr("if not in the directory: e.g. anonymous caller"), 160
        )
        self.add_field("source", self.tr("&Or from"), self.source)
        self.channel = CodeCombo(TIP_CHANNELS, self, empty="—", context="Ads")
        self.add_field("channel", self.tr("Ho&w"), self.channel)
        self.what = text_box(self, self.tr("what was said: who, where, when"), lines=4)
        self.add_field("what", self.tr("&Description"), self.what)
        self.case = CodeCombo({}, self)
        self.add_field("case_id", self.tr("Cas&e"), self.case)
        self.body_layout()
        self.submitted.connect(self.record)
        self.load_draft()

    @Slot()
    def record(self) -> None:
        data = {k: v for k, v in self.values().items() if v is not None}
        if not data.get("company_id"):
            data["county"] = operation_county(self.workspace)
        change = self.record_act(lambda: self.workspace.run(tips.record_tip, data))
        if change is None:
            return
        self.write_values({name: None for name in self.fields})
        self.status.setText(self.tr("The tip is recorded."))
        self.status.show()
        self.recorded_tip.emit(change.entity_id)


class TipsTab(QWidget):
    """The form (left) and the county's tips (right), with tying one to a case."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._companies: dict[str, str] = {}  # the county's directory: id -> name
        self.form = TipForm(workspace, self)
        self.record_button = action_button(self.tr("Record the ti&p (Enter)"), self, primary=True)
        self.form_panel = Panel(self.tr("A tip came in"), self)
        self.form_panel.body.addWidget(self.form)
        self.form_panel.body.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form_panel.body.addStretch(1)
        self.model = TipsModel(self)
        self.table = fitted_table(self.model, self, 3)
        self.table.setAccessibleName(self.tr("Tips"))
        self.table.setWordWrap(True)
        self.list_title = QLabel(self.tr("Tips in the county, newest first"), self)
        self.list_title.setProperty("role", "stepTitle")
        self.empty = muted_label(self.tr("No tips yet."), self)
        self.link_case = CodeCombo({}, self)
        link_label = QLabel(self.tr("Tie the chose&n tip to case"), self)
        link_label.setBuddy(self.link_case)
        self.link_button = action_button(self.tr("T&ie"), self)
        self.link_message = FieldMessage(self)
        link_row = QHBoxLayout()
        link_row.addWidget(link_label)
        link_row.addWidget(self.link_case, 1)
        link_row.addWidget(self.link_button)
        self.tip_actions = TipActions(
            workspace, chosen_row(self.table, self.model), self.tip_text, self
        )

        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.list_title)
        right.addWidget(self.table, 1)
        right.addWidget(self.empty)
        right.addLayout(link_row)
        right.addWidget(self.link_message)
        right.addWidget(self.tip_actions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.form_panel, 2)
        layout.addLayout(right, 3)
        QWidget.setTabOrder(self.form.case, self.record_button)
        QWidget.setTabOrder(self.record_button, self.table)
        QWidget.setTabOrder(self.table, self.link_case)
        QWidget.setTabOrder(self.link_case, self.link_button)

        self.record_button.clicked.connect(self.form.record)
        self.form.recorded_tip.connect(self._on_recorded)
        self.link_button.clicked.connect(self.tie_to_case)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.tip_actions.changed.connect(self._on_withdrawn)

    def _case_choices(self) -> list[tuple[str, str]]:
        operation_id = self.workspace.operation_id
        found = (
            self.workspace.ctx.records.find(CASE_ENTITY, operation_id=operation_id)
            if operation_id
            else []
        )
        found.sort(key=lambda c: str(c.get("start", "")), reverse=True)
        return [
            (
                c.entity_id,
                f"{case_name(self.workspace, c.entity_id)}, {short_moment(c.get('start'))}",
            )
            for c in found
        ]

    def reload(self) -> None:
        county = operation_county(self.workspace)
        ctx = self.workspace.ctx
        companies = directory.companies(ctx, county) if county else []
        self._companies = {c.entity_id: str(c.get("name")) for c in companies}
        self.form.company.set_choices(self._companies.items(), self.tr("— not in the directory —"))
        cases = self._case_choices()
        self.form.case.set_choices(cases, self.tr("— none yet —"))
        self.link_case.set_choices(cases, self.tr("— none —"))
        found = tips.tips(ctx, county) if county else []
        self.model.sources = dict(self._companies)
        for tip in found:  # a company since removed from the directory keeps its name
            company_id = tip.get("company_id")
            if company_id and company_id not in self.model.sources:
                company = ctx.records.get(COMPANY_ENTITY, str(company_id))
                self.model.sources[company_id] = str(company.get("name")) if company else ""
        self.model.cases = {c: case_name(self.workspace, c) for c in {
            str(t.get("case_id")) for t in found if t.get("case_id")}}  # fmt: skip
        self.model.set_items(list(reversed(found)))
        self.empty.setVisible(not found)
        self.table.resizeRowsToContents()

    @Slot(str)
    def _on_recorded(self, tip_id: str) -> None:
        self.reload()
        row = self.model.row_of_key(tip_id)
        if row >= 0:
            self.table.selectRow(row)
        self.changed.emit()

    def tip_text(self, tip: Record) -> str:
        """The tip as the list shows it: when, from whom, what (for the withdraw dialog)."""
        when, source, _how, what, _case = self.model.cells(tip)
        what = what if len(what) <= 160 else what[:159] + "…"
        return f"{when}, {source}: {what}" if source else f"{when}: {what}"

    @Slot(str)
    def _on_withdrawn(self, _tip_id: str) -> None:
        self.reload()
        self.changed.emit()

    @Slot()
    def _on_current(self) -> None:
        tip = self.model.item(self.table.currentIndex().row())
        self.link_case.set_code(str(tip.get("case_id") or "") if tip else "")
        self.link_message.clear_message()

    @Slot()
    def tie_to_case(self) -> None:
        tip = self.model.item(self.table.currentIndex().row())
        if tip is None:
            self.link_message.show_message(self.tr("Choose a tip in the list first."))
            return
        case_id = self.link_case.code() or None
        try:
            self.workspace.run(tips.link_tip_to_case, tip.entity_id, case_id)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.link_message.show_message(refusal_text(exc, "tie tip"))
            return
        self.reload()
        self.table.selectRow(self.model.row_of_key(tip.entity_id))
        self.link_message.show_message(self.tr("Saved."), "ok")
        self.changed.emit()
