"""The Sync section at the station: its own fingerprint and card (what the laptops enrol),
then five tabs: importing bundles, the review queue, the consolidated case list, linking
the laptops' copies of an operation, and the register of laptops whose bundles it takes.

The same view over a station vault or a PostgreSQL station (``ui.sync.backend``); the
latter has no linking tab (linking writes through a vault's context)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from fieldapp.storage.session import Session
from ui import seams
from ui.forms import FieldMessage, muted_label, title_label
from ui.runner import Runner
from ui.sync.backend import StationBackend, station_backend
from ui.sync.common import attempt
from ui.sync.consolidated import CasesTab, LinkTab
from ui.sync.fingerprint import FingerprintLabel
from ui.sync.importing import ImportTab
from ui.sync.laptops import LaptopsTab
from ui.sync.review import ReviewTab
from ui.widgets import action_button

# A station vault's tabs; at a PostgreSQL station the register follows the cases.
IMPORT_TAB, REVIEW_TAB, CASES_TAB, LINK_TAB, LAPTOPS_TAB = range(5)


class StationSyncView(QWidget):
    """The station's side of sync."""

    changed = Signal()  # records changed: an import, a resolution, a link
    open_case = Signal(str)  # staff chose a case in the review table

    def __init__(
        self,
        station: Session | StationBackend,
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self._runner = runner
        self.ctx = self.backend.ctx
        self.ask_card_target: seams.AskFile = seams.ask_card_target
        self._build_ui()
        self._connect()
        self.refresh()

    def _build_ui(self) -> None:
        card = self.backend.keys.card
        self.title = title_label(self.tr("Sync at the station"), self)
        self.station_name = muted_label(
            self.tr("{name}. Laptops enrolling its card compare this fingerprint:").format(
                name=card.name
            ),
            self,
        )
        self.fingerprint = FingerprintLabel(card.fingerprint, self)
        self.card_button = action_button(self.tr("Save station car&d…"), self)
        self.card_message = FieldMessage(self)
        self.import_tab = ImportTab(self.backend, self, runner=self._runner)
        self.review_tab = ReviewTab(self.backend, self)
        self.cases_tab = CasesTab(self.backend, self, runner=self.import_tab.runner)
        # Linking writes through a vault's context: a PostgreSQL station has no such tab.
        self.link_tab = LinkTab(self.backend, self) if self.backend.can_link else None
        self.laptops_tab = LaptopsTab(self.backend, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.import_tab, self.tr("&Import"))
        self.tabs.addTab(self.review_tab, self.tr("&Review"))
        self.tabs.addTab(self.cases_tab, self.tr("Cas&es"))
        if self.link_tab is not None:
            self.tabs.addTab(self.link_tab, self.tr("&Link operations"))
        self.tabs.addTab(self.laptops_tab, self.tr("Lapto&ps"))
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.title, 1)
        top.addWidget(self.card_button, 0, Qt.AlignmentFlag.AlignBottom)
        # The fingerprint has a row of its own, beside the words only, and never shrinks:
        # officers compare it group by group, so a cut-off group would be worse than none.
        self.station_name.setWordWrap(True)
        self.fingerprint.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        fingerprint_row = QHBoxLayout()
        fingerprint_row.setSpacing(16)
        fingerprint_row.addWidget(self.station_name, 1)
        fingerprint_row.addWidget(self.fingerprint, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(fingerprint_row)
        layout.addWidget(self.card_message)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.card_button.clicked.connect(self._on_save_card)
        self.import_tab.busy_changed.connect(self._on_busy)
        self.import_tab.finished.connect(self._on_imported)
        self.review_tab.counts_changed.connect(self._on_review_counts)
        self.review_tab.changed.connect(self._on_records_changed)
        self.cases_tab.open_case.connect(self.open_case)
        if self.link_tab is not None:
            self.link_tab.linked.connect(self._on_records_changed)

    # -- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the review queue, the cases and the operations again."""
        if self.import_tab.is_busy():
            return  # the worker has the vault; the import's end refreshes
        self.review_tab.reload()
        self.cases_tab.reload()
        if self.link_tab is not None:
            self.link_tab.reload()
        self.laptops_tab.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        # While the worker writes, nothing else on the page may touch the vault.
        for index in range(self.tabs.count()):
            if self.tabs.widget(index) is not self.import_tab:
                self.tabs.setTabEnabled(index, not busy)
        self.card_button.setEnabled(not busy)

    @Slot()
    def _on_imported(self) -> None:
        self.refresh()
        self.changed.emit()

    @Slot()
    def _on_records_changed(self) -> None:
        self.cases_tab.reload()
        self.changed.emit()

    @Slot(int, int)
    def _on_review_counts(self, alarms: int, conflicts: int) -> None:
        total = alarms + conflicts
        text = self.tr("&Review") if not total else self.tr("&Review ({count})").format(count=total)
        self.tabs.setTabText(REVIEW_TAB, text)

    @Slot()
    def _on_save_card(self) -> None:
        path = self.ask_card_target(self)
        if path is None:
            return
        card = self.backend.keys.card
        if attempt(self.card_message, lambda: card.save(path), "sync card").ok:
            self.card_message.show_message(
                self.tr("Saved {file}. Give it to the laptops' administrators.").format(
                    file=path.name
                ),
                "ok",
            )
