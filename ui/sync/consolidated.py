"""The station's consolidated views: every case from every laptop as a review table (who
recorded it on which laptop, buyer, offence, status, staff's review state, possible
duplicates flagged; filters, sorting, Enter opens the case; case summaries and the
operation report printed from the merged data), and linking the laptops' copies of an
operation into one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents import service
from fieldapp.paths import resource
from fieldapp.storage.session import Session
from fieldapp.sync.review import set_review_state
from fieldapp.workflow.operations import (
    link_operations,
    linked_copies,
    operation_group,
    operations,
    suggested_links,
    unlink_operation,
)
from ui import seams
from ui.capture import refusal_text
from ui.documents.preview_slot import PreviewSlot
from ui.errors import internal_error_text
from ui.forms import FieldMessage, muted_label
from ui.i18n import translate
from ui.runner import Op, Outcome, Runner
from ui.sync.backend import StationBackend, station_backend
from ui.sync.common import attempt
from ui.sync.models import (
    DUPLICATE_ROLE,
    REVIEW_ROLE,
    REVIEW_WORDS,
    SORT_ROLE,
    OperationLinkModel,
    OriginCaseModel,
    operation_origins,
)
from ui.theme import FIELD_BACKGROUND, FIELD_BORDER
from ui.widgets import action_button, row_table

_INDICATOR_STYLE = f"""
QTableView::indicator {{
    width: 16px;
    height: 16px;
    background: {FIELD_BACKGROUND};
    border: 1px solid {FIELD_BORDER};
    border-radius: 3px;
}}
QTableView::indicator:checked {{
    background: #3d7be0;
    border-color: #3d7be0;
    image: url("{resource("icons", "check.png").as_posix()}");
}}
"""


def _fill_operations(combo: QComboBox, station: StationBackend, first: str | None = None) -> None:
    """The operations (linked copies left out) by name; ``first`` as an extra first entry
    with no id. The current choice is kept when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for operation in operations(station.ctx):
        # Every laptop names its copy alike: the laptops its cases came from tell them apart.
        laptops = operation_origins(station, operation.entity_id).text
        label = f"{operation.get('name', '')} ({operation.get('start', '')}) · {laptops}"
        combo.addItem(label, operation.entity_id)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class ReviewFilter(QSortFilterProxyModel):
    """The review table's filters: a review state (or possible duplicates only) and words
    found in any column; sorting by any column (entry by its time, not its text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: str | None = None  # a review state code, "duplicate", or None for all
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)

    def set_state(self, state: str | None) -> None:
        self.beginFilterChange()
        self.state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.state == "duplicate" and not model.data(index, DUPLICATE_ROLE):
            return False
        if self.state in REVIEW_WORDS and model.data(index, REVIEW_ROLE) != self.state:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class CasesTab(QWidget):
    """Every case at the station as a review table: filters, sorting, staff's review state
    (an event each), possible duplicates flagged; Enter opens the case."""

    open_case = Signal(str)

    def __init__(
        self,
        station: Session | StationBackend,
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self.ctx = self.backend.ctx
        self.previews = PreviewSlot()
        self.show_pdf: seams.ShowPdf = seams.pdf_shower(self.previews)
        # The report spans every laptop's cases: built on the background runner.
        self.runner = runner or Runner(self.backend.work, parent=self)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.operation = QComboBox(self)
        self.operation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # Wide where there is room (the row's stretch), never forcing the page wider than a
        # 1366-pixel window with large text.
        self.operation.setMinimumContentsLength(24)
        operation_label = QLabel(self.tr("&Operation"), self)
        operation_label.setBuddy(self.operation)
        self.summary_button = action_button(self.tr("Case &summary…"), self)
        self.report_button = action_button(self.tr("Operation repor&t…"), self)
        self.report_button.setToolTip(self.tr("Choose an operation first."))
        self.model = OriginCaseModel(self.backend, self)
        self.proxy = ReviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.state_filter = QComboBox(self)
        self.state_filter.addItem(self.tr("All cases"), None)
        for code, text in REVIEW_WORDS.items():
            self.state_filter.addItem(translate("Sync", text), code)
        self.state_filter.addItem(self.tr("Possible duplicates"), "duplicate")
        state_label = QLabel(self.tr("Sho&w"), self)
        state_label.setBuddy(self.state_filter)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("words in any column"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("Fi&nd"), self)
        search_label.setBuddy(self.search)
        self.open_button = action_button(self.tr("Open t&he case (Enter)"), self, primary=True)
        self.reviewed_button = action_button(self.tr("Mark re&viewed"), self)
        self.attention_button = action_button(self.tr("Needs &attention"), self)
        self.table = row_table(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as recorded, until chosen
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # The short columns fit their contents; who and where get room for about twenty
        # characters (with large text the table scrolls sideways rather than cut them).
        metrics = self.table.fontMetrics()
        for column, chars in ((0, 31), (3, 22)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, metrics.horizontalAdvance("n" * chars))
        self.count = muted_label("", self)
        self.message = FieldMessage(self)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(operation_label)
        row.addWidget(self.operation, 1)
        row.addWidget(self.summary_button)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        filters = QHBoxLayout()
        filters.setSpacing(10)
        filters.addWidget(state_label)
        filters.addWidget(self.state_filter)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.open_button)
        actions.addWidget(self.reviewed_button)
        actions.addWidget(self.attention_button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        self.count.setWordWrap(False)
        layout.addLayout(row)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.operation.currentIndexChanged.connect(self._on_operation)
        self.summary_button.clicked.connect(self._on_summary)
        self.report_button.clicked.connect(self._on_report)
        self.table.activated.connect(lambda _index: self._on_open())
        self.open_button.clicked.connect(self._on_open)
        self.reviewed_button.clicked.connect(lambda: self.set_state("reviewed"))
        self.attention_button.clicked.connect(lambda: self.set_state("needs_attention"))
        self.state_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_state(self.state_filter.currentData())
        )
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def reload(self) -> None:
        _fill_operations(self.operation, self.backend, self.tr("All operations"))
        self._load_cases()

    def _load_cases(self) -> None:
        operation_id = self.operation.currentData()
        if operation_id is None:
            self.model.load()
        else:
            self.model.load(operation_group(self.ctx, operation_id))
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self.report_button.setEnabled(operation_id is not None)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        for button in (
            self.summary_button,
            self.open_button,
            self.reviewed_button,
            self.attention_button,
        ):
            button.setEnabled(shown > 0)
        text = self.tr("Cases: {count}").format(count=total)
        if shown != total:
            text = self.tr("Cases: {shown} of {count}").format(shown=shown, count=total)
        duplicates = sum(
            1 for r in range(total) if self.model.duplicates_of(str(self.model.case_id(r)))
        )
        if duplicates:
            text += " · " + self.tr("possible duplicates: {count}").format(count=duplicates)
        self.count.setText(text)

    def current_case(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.case_id(self.proxy.mapToSource(index).row())

    @Slot()
    def _on_open(self) -> None:
        case_id = self.current_case()
        if case_id is None:
            return
        if not self.backend.opens_case_here:
            self.open_case.emit(case_id)  # the main window's case screen
            return
        # A PostgreSQL station has no case screen: the case's details, read only; the
        # opening is logged as an access to each person in it.
        pdf = attempt(
            self.message, lambda: self.backend.open_case_details(case_id), "sync case details"
        ).value
        if pdf is not None:
            self.show_pdf(self, pdf, self.tr("Case details"))

    def set_state(self, state: str) -> None:
        """Staff's review of the chosen case (an event)."""
        case_id = self.current_case()
        if case_id is None:
            return
        done = attempt(
            self.message,
            lambda: set_review_state(self.backend.review, case_id, state),
            "sync review",
        )
        if done.ok:
            self.model.refresh_case(case_id)
            self.proxy.invalidate()

    @Slot(int)
    def _on_operation(self, _index: int) -> None:
        self._load_cases()

    @Slot()
    def _on_summary(self) -> None:
        case_id = self.current_case()
        if case_id is None:
            return
        # Through the backend: at a PostgreSQL station the summary's persons are logged.
        pdf = attempt(
            self.message,
            lambda: self.backend.open_case_details(case_id, "case_summary"),
            "sync summary",
        ).value
        if pdf is not None:
            self.show_pdf(self, pdf, self.tr("Case summary"))

    @Slot()
    def _on_report(self) -> None:
        operation_id = self.operation.currentData()
        if operation_id is None:
            return
        op = Op(
            lambda job: service.operation_report_pdf(job.ctx, operation_id),
            on_done=self._on_report_built,
            # Only the button: the report only reads, and a disabled page would make its
            # tab widget move the officer to another tab.
            block=self.report_button,
            what="sync report",
        )
        if not self.runner.run(op):
            self.message.show_message(self.tr("Wait until the work in progress is done."))

    def _on_report_built(self, outcome: Outcome) -> None:
        if outcome.bug:
            self.message.show_message(internal_error_text())  # the runner logged it
        elif outcome.error is not None:
            self.message.show_message(refusal_text(outcome.error, "sync report"))
        else:  # the runner delivers only while this view stands (a lock waits, drops it)
            self.show_pdf(self, outcome.value, self.tr("Operation report"))


class LinkTab(QWidget):
    """Each laptop set up its own copy of the operation: tick the copies and link them
    into the chosen one, so that cases, the report and the counts span every laptop."""

    linked = Signal()

    def __init__(self, station: Session | StationBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self.ctx = self.backend.ctx
        self.confirm: seams.Confirm = seams.confirm
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.explanation = muted_label(
            self.tr(
                "Each laptop set up its own copy of the operation. Choose the operation to "
                "keep, tick its copies from the other laptops, and link them: cases, the "
                "report and the counts then span every laptop. Each link is recorded."
            ),
            self,
        )
        self.target = QComboBox(self)
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(52)
        target_label = QLabel(self.tr("&Target operation"), self)
        target_label.setBuddy(self.target)
        self.model = OperationLinkModel(self.backend, self)
        self.table = row_table(self)
        self.table.setObjectName("linkTable")
        # The theme styles check boxes, not the ones drawn in tables: without this the box
        # is nearly invisible on the dark base.
        self.table.setStyleSheet(_INDICATOR_STYLE)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 300), (1, 210), (2, 100)):
            self.table.setColumnWidth(column, width)
        copies_label = QLabel(self.tr("Copies to link into it (Space ticks):"), self)
        self.link_button = action_button(self.tr("Lin&k the ticked copies"), self, primary=True)
        self.message = FieldMessage(self)
        self.linked_list = QListWidget(self)
        self.linked_list.setMaximumHeight(self.fontMetrics().height() * 5)
        linked_label = QLabel(self.tr("Linked c&opies (each link can be undone):"), self)
        linked_label.setBuddy(self.linked_list)
        self.unlink_button = action_button(self.tr("&Undo the chosen link"), self)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(target_label)
        row.addWidget(self.target)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        layout.addWidget(copies_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(linked_label)
        layout.addWidget(self.linked_list)
        layout.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _connect(self) -> None:
        self.target.currentIndexChanged.connect(self._on_target)
        self.link_button.clicked.connect(self.link_checked)
        self.unlink_button.clicked.connect(self.unlink_chosen)
        self.linked_list.currentRowChanged.connect(lambda _row: self._update_button())
        self.model.dataChanged.connect(self._update_button)
        self.model.modelReset.connect(self._update_button)

    def reload(self) -> None:
        _fill_operations(self.target, self.backend)
        self.model.load(operations(self.ctx))
        self.model.set_target(self.target.currentData())
        self._fill_linked()
        self._suggest()
        self._update_button()

    def _suggest(self) -> None:
        """Copies under the same name and period are proposed: target chosen, copies
        ticked, nothing linked until a person confirms."""
        suggestions = suggested_links(self.ctx)
        if not suggestions or self.model.checked():
            return
        into, copies = suggestions[0]
        self.set_target(into)
        for copy in copies:
            self.model.set_checked(copy, True)
        self.message.show_message(
            self.tr(
                "Suggested: {count} copy(ies) with the same name and period as the target. "
                "Check the laptops and cases, then link."
            ).format(count=len(copies)),
            "hint",
        )

    def _fill_linked(self) -> None:
        self.linked_list.clear()
        for copy in linked_copies(self.ctx):
            target = self.ctx.records.get("operation", str(copy.get("same_as")))
            origins = operation_origins(self.backend, copy.entity_id)
            text = self.tr("{copy} ({laptops}) → {target}").format(
                copy=copy.get("name", ""),
                laptops=origins.text,
                target=target.get("name", "") if target else "?",
            )
            item = QListWidgetItem(text, self.linked_list)
            item.setData(Qt.ItemDataRole.UserRole, copy.entity_id)

    def set_target(self, operation_id: str) -> None:
        self.target.setCurrentIndex(max(self.target.findData(operation_id), 0))

    @Slot(int)
    def _on_target(self, _index: int) -> None:
        self.model.set_target(self.target.currentData())

    @Slot()
    def _update_button(self) -> None:
        self.link_button.setEnabled(bool(self.model.checked()) and self.target.count() > 0)
        self.unlink_button.setEnabled(self.linked_list.currentItem() is not None)

    @Slot()
    def link_checked(self) -> None:
        into, others = self.target.currentData(), self.model.checked()
        if into is None or not others:
            return
        question = self.tr(
            "Link {count} copy(ies) into {target}? Their cases, the report and the counts "
            "will then count as one operation. Each link is recorded and can be undone."
        ).format(count=len(others), target=self.target.currentText())
        if not self.confirm(self, question):
            return
        changes = attempt(
            self.message, lambda: link_operations(self.ctx, into, others), "sync link"
        ).value
        if changes is None:
            return
        self.reload()
        self.message.show_message(
            self.tr("Linked {count} copy(ies) into the target operation.").format(
                count=len(changes)
            ),
            "ok",
        )
        self.linked.emit()

    @Slot()
    def unlink_chosen(self) -> None:
        """Undo a link (an event): the copy is an operation of its own again."""
        item = self.linked_list.currentItem()
        if item is None:
            return
        copy = str(item.data(Qt.ItemDataRole.UserRole))
        done = attempt(self.message, lambda: unlink_operation(self.ctx, copy), "sync unlink")
        if not done.ok:
            return
        self.model.set_checked(copy, False)
        self.reload()
        self.message.show_message(self.tr("The link was undone (it stays in the log)."), "ok")
        self.linked.emit()
