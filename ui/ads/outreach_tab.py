"""Hotel and taxi outreach: the county's directory of hotels and taxi companies, handing
one the information sheet (which company, when, by which officer, which version of the
sheet, how many copies), and the operation's delivery log.

The directory belongs to the county of the operation in use; the delivery log to the
operation. Choosing a company in the directory fills in the delivery form; it is corrected
or removed from there (``ui.dialogs.directory_edits``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.workflow import directory, outreach
from ui.ads.models import CompaniesModel, DeliveriesModel
from ui.ads.when import WhenField
from ui.capture import CaptureForm
from ui.dialogs.directory_edits import CompanyActions, CompanyFieldsForm, chosen_row
from ui.forms import muted_label
from ui.screens.case_steps import county_towns
from ui.sync.common import Panel
from ui.widgets import CodeCombo, action_button, fitted_table, line_edit
from ui.workspace import Workspace


def operation_county(workspace: Workspace) -> str | None:
    """The county profile of the operation in use (the directory is kept per county)."""
    operation = workspace.operation
    county = operation.get("county") if operation else None
    return str(county) if county else None


class CompanyForm(CompanyFieldsForm):
    """A hotel or taxi company new to the county's directory."""

    added = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "outreach/new-company", parent)
        self.submitted.connect(self.add)
        self.load_draft()

    @Slot()
    def add(self) -> None:
        county = operation_county(self.workspace)
        data = {**self.values(), "county": county}
        change = self.record_act(lambda: self.workspace.run(directory.add_company, data))
        if change is None:
            return
        for name in ("name", "address", "phone"):
            self.fields[name].write(None)
        self.status.setText(self.tr("Added to the directory: {name}.").format(name=data["name"]))
        self.status.show()
        self.added.emit(change.entity_id)


class DeliveryForm(CaptureForm):
    """The information sheet handed to one company of the directory."""

    delivered = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "outreach/delivery", parent)
        self.company = CodeCombo({}, self)
        self.add_field("company_id", self.tr("Co&mpany"), self.company)
        self.delivered_at = WhenField(workspace.now, self)
        self.add_field("delivered_at", self.tr("&When"), self.delivered_at)
        officers = dict(workspace.officers())
        self.officer = CodeCombo(officers, self, words=lambda code: officers.get(code, code))
        self.add_field("delivered_by", self.tr("&By"), self.officer)
        self.version = line_edit(self, "", 20)
        self.add_field("sheet_version", self.tr("Sheet &version"), self.version)
        self.copies = line_edit(self, self.tr("how many sheets were left"), 4)
        self.add_field("copies", self.tr("C&opies"), self.copies, "int")
        self.body_layout()
        self.submitted.connect(self.record)
        self.reset()
        self.load_draft()

    def reset(self) -> None:
        """Now, the officer logged in, today's sheet: the usual answers, to change if not."""
        self.delivered_at.set_field_value(None)
        self.officer.set_code(self.workspace.officer_id)
        self.version.setText(outreach.sheet_version())
        self.copies.clear()

    def set_companies(self, companies: list[tuple[str, str]]) -> None:
        self.company.set_choices(companies, self.tr("— choose in the directory —"))

    @Slot()
    def record(self) -> None:
        operation_id = self.workspace.operation_id
        values = self.values()
        company_id = values.pop("company_id")
        if not company_id:
            self.clear_messages()
            self.fields["company_id"].message.show_message(
                self.tr("Choose the company in the directory (or add it there first).")
            )
            self.company.setFocus()
            return
        data = {k: v for k, v in values.items() if v is not None}
        change = self.record_act(
            lambda: self.workspace.run(directory.deliver_sheet, operation_id, company_id, data)
        )
        if change is None:
            return
        self.status.setText(
            self.tr("Recorded: the sheet given to {company}.").format(
                company=self.company.currentText()
            )
        )
        self.status.show()
        self.reset()
        self.delivered.emit(change.entity_id)


class OutreachTab(QWidget):
    """The directory and a new company (left); handing out the sheet and the log (right)."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.no_county = muted_label(
            self.tr(
                "The operation in use names no county: the directory of hotels and taxi "
                "companies is kept per county. Choose the county when creating the operation."
            ),
            self,
        )
        self.companies_model = CompaniesModel(self)
        self.companies = fitted_table(self.companies_model, self, 0)
        self.companies.setAccessibleName(self.tr("Directory"))
        self.directory_panel = Panel(self.tr("Hotels and taxi companies in the county"), self)
        self.directory_panel.body.addWidget(self.companies, 1)
        self.company_actions = CompanyActions(
            workspace,
            chosen_row(self.companies, self.companies_model),
            lambda: county_towns(workspace),
            self,
        )
        self.directory_panel.body.addWidget(self.company_actions)
        self.company_form = CompanyForm(workspace, self)
        self.add_button = action_button(self.tr("Add to the d&irectory (Enter)"), self)
        self.new_panel = Panel(self.tr("New in the directory"), self)
        self.new_panel.body.addWidget(self.company_form)
        self.new_panel.body.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.delivery_form = DeliveryForm(workspace, self)
        self.deliver_button = action_button(
            self.tr("Record the de&livery (Enter)"), self, primary=True
        )
        self.delivery_panel = Panel(self.tr("Information sheet handed over"), self)
        self.delivery_panel.body.addWidget(self.delivery_form)
        self.delivery_panel.body.addWidget(self.deliver_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.log_model = DeliveriesModel(workspace.officer_name, self)
        self.log = fitted_table(self.log_model, self, 1)
        self.log.setAccessibleName(self.tr("Delivery log"))
        self.log_title = QLabel(self.tr("Delivery log of the operation, newest first"), self)
        self.log_title.setProperty("role", "stepTitle")

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.directory_panel, 1)
        left.addWidget(self.new_panel)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.delivery_panel)
        right.addWidget(self.log_title)
        right.addWidget(self.log, 1)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.no_county)
        layout.addLayout(columns, 1)
        QWidget.setTabOrder(self.company_form.phone, self.add_button)
        QWidget.setTabOrder(self.add_button, self.delivery_form.company)
        QWidget.setTabOrder(self.delivery_form.copies, self.deliver_button)
        QWidget.setTabOrder(self.deliver_button, self.log)

        self.companies.selectionModel().currentRowChanged.connect(self._on_company)
        self.companies.activated.connect(lambda _i: self.delivery_form.officer.setFocus())
        self.add_button.clicked.connect(self.company_form.add)
        self.company_form.added.connect(self._on_added)
        self.deliver_button.clicked.connect(self.delivery_form.record)
        self.company_actions.changed.connect(self._on_added)  # corrected or removed
        self.delivery_form.delivered.connect(self._on_delivered)

    def reload(self) -> None:
        county = operation_county(self.workspace)
        self.no_county.setVisible(county is None)
        for widget in (self.directory_panel, self.new_panel, self.delivery_panel, self.log):
            widget.setEnabled(county is not None and self.workspace.operation_id is not None)
        ctx = self.workspace.ctx
        found = directory.companies(ctx, county) if county else []
        operation_id = self.workspace.operation_id
        log = outreach.deliveries(ctx, operation_id) if operation_id else []
        given, _unmatched = directory.deliveries_by_company(found, log)
        self.companies_model.informed = {
            cid: str(deliveries[-1].get("delivered_at")) for cid, deliveries in given.items()
        }
        self.companies_model.set_items(found)
        self.log_model.set_items(list(reversed(log)))
        self.delivery_form.set_companies([(c.entity_id, str(c.get("name"))) for c in found])
        self.company_form.municipality.set_towns(county_towns(self.workspace))

    @Slot(QModelIndex, QModelIndex)
    def _on_company(self, current: QModelIndex, _previous: QModelIndex) -> None:
        company = self.companies_model.item(current.row())
        if company is not None:
            self.delivery_form.company.set_code(company.entity_id)

    @Slot(str)
    def _on_added(self, company_id: str) -> None:
        self.reload()
        row = self.companies_model.row_of_key(company_id)
        if row >= 0:
            self.companies.selectRow(row)
        self.changed.emit()

    @Slot(str)
    def _on_delivered(self, _delivery_id: str) -> None:
        company = self.delivery_form.company.code()
        self.reload()
        self.delivery_form.company.set_code(company)
        self.log.selectRow(0)
        self.changed.emit()
