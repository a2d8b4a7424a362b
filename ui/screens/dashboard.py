"""The operation dashboard: period and team, the contacts on duty with their numbers large,
every case with its badge and open items, and the counts as the brochure reports them
(buyers, support offered and accepted, hotels informed). The counts are the operation
report's own figures, counted in SQL (``fieldapp.documents.figures``: a fixed number of
statements at any number of cases, checked against the report by a test), when the
dashboard is shown after a change, so screen and report never disagree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents import service
from fieldapp.documents.figures import headline
from fieldapp.documents.text import phone as phone_text
from fieldapp.domain.operation import TEAM_ENTITY
from fieldapp.workflow import operations
from fieldapp.workflow.context import Change
from ui.forms import muted_label, title_label
from ui.models import ID_ROLE, CaseListModel, big_font
from ui.screens.cases_page import case_table
from ui.theme import text_scale
from ui.words import CONTACT_ROLES, TEAM_ROLES, word
from ui.workspace import Workspace


class Figure(QFrame):
    """A count read at a glance: a big number and what it counts."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelFrame")
        self.number = QLabel("–", self)
        self.number.setProperty("role", "bigNumber")
        self.number.setFont(big_font(22))
        self.caption = muted_label(caption, self)
        self.detail = muted_label("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)

    def set(self, number: str, detail: str = "") -> None:
        self.number.setText(number)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


class ContactList(QWidget):
    """The contacts on duty, each number large enough to read at arm's length."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, size: float = 17):
        super().__init__(parent)
        self.workspace = workspace
        self._size = size
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        self.numbers: list[QLabel] = []

    def load(self, operation_id: str | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.numbers = []
        if operation_id is None:
            return
        row = 0
        for contact in operations.contacts(self.workspace.ctx, operation_id):
            if not contact.get("phone"):
                continue
            who = QLabel(word(CONTACT_ROLES, contact.get("role")), self)
            who.setFont(big_font(11, bold=True))
            org = muted_label(str(contact.get("organisation", "")), self)
            hours = str(contact.get("hours") or "")
            if hours:
                org.setText(f"{org.text()} · {hours}")
            # The number on a line of its own: never cut, whatever the text size.
            number = QLabel(phone_text(contact.get("phone")), self)
            number.setProperty("role", "phone")
            number.setFont(big_font(self._size))
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(who, row, 0)
            self.grid.addWidget(number, row + 1, 0)
            self.grid.addWidget(org, row + 2, 0)
            self.grid.setRowMinimumHeight(row + 3, 8)
            self.numbers.append(number)
            row += 4
        self.grid.setColumnStretch(0, 1)


class DashboardPage(QWidget):
    """The current operation at a glance."""

    case_requested = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._stale = True
        self._build_ui()
        self.workspace.changed.connect(self._on_changed)
        self.workspace.operation_changed.connect(lambda _op: self._mark_stale())
        self.cases.activated.connect(self._on_activated)

    def _build_ui(self) -> None:
        self.title = title_label("", self)
        self.period = muted_label("", self)
        self.figures = {
            "cases": Figure(self.tr("cases"), self),
            "buyers": Figure(self.tr("buyers"), self),
            "seller_support": Figure(self.tr("sellers offered support"), self),
            "buyer_support": Figure(self.tr("buyers offered support"), self),
            "hotels": Figure(self.tr("hotels informed"), self),
        }
        figures = QHBoxLayout()
        figures.setSpacing(10)
        for figure in self.figures.values():
            figures.addWidget(figure, 1)
        self.model = CaseListModel(self.workspace, self, merge_flags=text_scale() > 1.1)
        self.cases = case_table(self.model, self)
        if self.model.merge_flags:
            self.cases.setColumnHidden(3, True)  # large text: the flags go with the status
        self.cases_title = QLabel(self.tr("Cases (Enter opens)"), self)
        self.cases_title.setProperty("role", "stepTitle")
        self.contacts_title = QLabel(self.tr("Contacts on duty (F2 anywhere)"), self)
        self.contacts_title.setProperty("role", "stepTitle")
        # Wraps: an unbroken title wider than the side column widened it past its view,
        # and every line under it was cut at the right edge ("F2 var som hels…").
        self.contacts_title.setWordWrap(True)
        self.contacts = ContactList(self.workspace, self, size=15)
        self.team_title = QLabel(self.tr("Team"), self)
        self.team_title.setProperty("role", "stepTitle")
        self.team = QLabel(self)
        self.team.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.contacts_title)
        side_layout.addWidget(self.contacts)
        side_layout.addSpacing(10)
        side_layout.addWidget(self.team_title)
        side_layout.addWidget(self.team)
        side_layout.addStretch(1)
        side_scroll = QScrollArea(self)
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setMinimumWidth(round(300 * text_scale()))
        side_scroll.setMaximumWidth(round(340 * text_scale()))
        left = QVBoxLayout()
        left.addWidget(self.cases_title)
        left.addWidget(self.cases, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left, 1)
        body.addWidget(side_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addLayout(figures)
        layout.addLayout(body, 1)

    @Slot(object)
    def _on_changed(self, _change: Change) -> None:
        self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        operation = self.workspace.operation
        operation_id = self.workspace.operation_id
        self.model.load(operation_id)
        self.contacts.load(operation_id)
        if operation is None or operation_id is None:
            self.title.setText(self.tr("No operation yet"))
            self.period.setText(self.tr("Create one under Operations (Ctrl+1)."))
            self.team.setText("")
            return
        self.title.setText(str(operation.get("name", "")))
        agencies = ", ".join(operation.get("agencies") or [])
        self.period.setText(
            "  ·  ".join(
                p
                for p in (
                    f"{operation.get('start')} – {operation.get('end')}",
                    agencies,
                )
                if p
            )
        )
        team = self.workspace.ctx.records.find(TEAM_ENTITY, operation_id=operation_id)
        self.team.setText(
            "\n".join(
                f"{m.get('name')} ({word(TEAM_ROLES, m.get('role'))})"
                + (f"  {phone_text(m.get('phone'))}" if m.get("phone") else "")
                for m in team
            )
        )
        data = headline(self.workspace.ctx, operation_id)
        open_cases = self.model.rowCount()
        self.figures["cases"].set(str(open_cases))
        self.figures["buyers"].set(str(data.buyers))
        for key, figures in (
            ("seller_support", data.seller_support),
            ("buyer_support", data.buyer_support),
        ):
            self.figures[key].set(
                f"{figures.offered} / {figures.persons}",
                self.tr("{accepted} accepted").format(accepted=figures.accepted),
            )
        self.figures["hotels"].set(str(data.hotels_informed))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(self.model.index(index.row(), 0), ID_ROLE)
        if case_id:
            self.case_requested.emit(str(case_id))

    def print_here(self) -> None:
        operation_id = self.workspace.operation_id
        if operation_id is None:
            return
        # Every case of the operation: built on the background runner, then previewed.
        self.workspace.show_document_built(
            self,
            lambda ctx: service.operation_report_pdf(ctx, operation_id),
            self.tr("Operation report"),
            refused=self.period.setText,
            suggested_name="insatsrapport.pdf",
        )
