"""The Documents page's material that needs no case: a stack of support leaflets (seller or
buyer, several languages ticked at once, a number of copies) and, for any operation, the
hotel and taxi sheet and the operation report. Each button is enabled only when its
choices are complete, and the line under them says what is still to choose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents import service
from fieldapp.documents.leaflet_texts import Audience, leaflet_languages
from fieldapp.documents.material import MAX_COPIES, leaflet_stack_pdf
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context
from ui.documents.preview import leaflet_warning
from ui.forms import muted_label
from ui.widgets import action_button
from ui.workspace import Workspace

Built = tuple[bytes, str, str, str | None]  # pdf, title, file name, warning


@dataclass(frozen=True)
class Background:
    """A document too large to build on the GUI thread: built on the runner's worker."""

    build: Callable[[Context], bytes]
    title: str
    file_name: str


class MaterialPanel(QWidget):
    """Choices and buttons; ``wanted`` carries a build for the page to preview."""

    wanted = Signal(object)  # a Callable[[], Built], or a Background for the report

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        heading = QLabel(self.tr("Material (no case needed)"), self)
        heading.setProperty("role", "stepTitle")
        self.operation = QComboBox(self)
        operation_label = QLabel(self.tr("Op&eration"), self)
        operation_label.setBuddy(self.operation)
        self.audience = QComboBox(self)
        self.audience.addItem(self.tr("For the seller"), Audience.SELLER.value)
        self.audience.addItem(self.tr("For the buyer"), Audience.BUYER.value)
        audience_label = QLabel(self.tr("Leafle&ts"), self)
        audience_label.setBuddy(self.audience)
        self.languages = QListWidget(self)
        self.languages.setObjectName("material_languages")
        for lang in leaflet_languages():
            name = (
                lang.name
                if lang.reviewed
                else self.tr("{name} (not reviewed)").format(name=lang.name)
            )
            item = QListWidgetItem(name, self.languages)
            item.setData(Qt.ItemDataRole.UserRole, lang.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        languages_label = QLabel(self.tr("Lang&uages (Space ticks)"), self)
        languages_label.setBuddy(self.languages)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        copies_label = QLabel(self.tr("Cop&ies of each"), self)
        copies_label.setBuddy(self.copies)
        self.leaflets_button = action_button(self.tr("Pre&view the leaflets"), self)
        self.sheet_button = action_button(self.tr("&Hotel and taxi sheet"), self)
        self.report_button = action_button(self.tr("Operation &report"), self)
        self.status = muted_label("", self)
        self.status.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(operation_label, 0, 0)
        grid.addWidget(self.operation, 0, 1)
        grid.addWidget(audience_label, 1, 0)
        grid.addWidget(self.audience, 1, 1)
        grid.addWidget(languages_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.languages, 2, 1)
        grid.addWidget(copies_label, 3, 0)
        grid.addWidget(self.copies, 3, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.leaflets_button, 4, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        # A row of their own: with large text three buttons side by side would be cut.
        buttons = QHBoxLayout()
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.languages.itemChanged.connect(lambda _item: self._update())
        self.operation.currentIndexChanged.connect(lambda _index: self._update())
        self.copies.valueChanged.connect(lambda _value: self._update())
        self.leaflets_button.clicked.connect(self._on_leaflets)
        self.sheet_button.clicked.connect(self._on_sheet)
        self.report_button.clicked.connect(self._on_report)

    # -- state ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """The operations as they stand now; the one in use is chosen first."""
        chosen = self.operation_id() or self.workspace.operation_id
        self.operation.blockSignals(True)
        self.operation.clear()
        for op in operations.operations(self.workspace.ctx):
            self.operation.addItem(str(op.get("name") or op.entity_id[-8:]), op.entity_id)
        index = self.operation.findData(chosen) if chosen else -1
        self.operation.setCurrentIndex(max(index, 0) if self.operation.count() else -1)
        self.operation.blockSignals(False)
        self._update()

    def operation_id(self) -> str | None:
        data = self.operation.currentData()
        return str(data) if data else None

    def ticked(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.languages.item(i) for i in range(self.languages.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def tick(self, codes: list[str]) -> None:
        for i in range(self.languages.count()):
            item = self.languages.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        has_operation = self.operation_id() is not None
        languages = self.ticked()
        self.operation.setEnabled(has_operation)
        self.leaflets_button.setEnabled(has_operation and bool(languages))
        self.sheet_button.setEnabled(has_operation)
        self.report_button.setEnabled(has_operation)
        if not has_operation:
            text = self.tr(
                "Set up an operation first (Operations, Ctrl+1): its contacts go on the "
                "leaflets and its county's tip line on the sheet."
            )
        elif not languages:
            text = self.tr("Tick the languages to print the leaflets in (one or more).")
        else:
            text = self.tr("{count} language(s) ticked: {copies} copies of each.").format(
                count=len(languages), copies=self.copies.value()
            )
        self.status.setText(text)

    # -- builds --------------------------------------------------------------------------------

    def _emit(self, build: Callable[[], Built]) -> None:
        self.wanted.emit(build)

    @Slot()
    def _on_leaflets(self) -> None:
        audience = Audience(self.audience.currentData())
        languages, copies, operation_id = self.ticked(), self.copies.value(), self.operation_id()
        ctx = self.workspace.ctx

        def build() -> Built:
            pdf = leaflet_stack_pdf(ctx, audience, languages, copies, operation_id)
            title = (
                self.tr("Leaflets for the seller")
                if audience is Audience.SELLER
                else self.tr("Leaflets for the buyer")
            ) + f": {', '.join(languages)} × {copies}"
            warnings = [w for w in (leaflet_warning(code) for code in languages) if w]
            name = f"stodblad-{audience.value}-{'-'.join(languages)}.pdf"
            return pdf, title, name, " ".join(warnings) or None

        self._emit(build)

    @Slot()
    def _on_sheet(self) -> None:
        operation_id, ctx = self.operation_id(), self.workspace.ctx
        assert operation_id is not None
        title = self.tr("Information sheet for hotels and taxis")
        self._emit(
            lambda: (service.hotel_sheet_pdf(ctx, operation_id), title, "hotell-taxi.pdf", None)
        )

    @Slot()
    def _on_report(self) -> None:
        operation_id = self.operation_id()
        assert operation_id is not None
        # Every case of the operation: built on the background runner.
        self.wanted.emit(
            Background(
                lambda worker_ctx: service.operation_report_pdf(worker_ctx, operation_id),
                self.tr("Operation report"),
                "insatsrapport.pdf",
            )
        )
