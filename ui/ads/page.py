"""The Ads section (Ctrl+4): the ad register (inre spaning) and the outreach to hotels and
taxi companies, one tab each: search, register, same advertiser, hotels and taxi, tips.
Alt and the underlined letter, or Ctrl+Tab, move between the tabs."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.ads.outreach_tab import OutreachTab
from ui.ads.proposals_tab import ProposalsTab
from ui.ads.register_tab import RegisterTab
from ui.ads.search_tab import SearchTab
from ui.ads.tips_tab import TipsTab
from ui.forms import title_label
from ui.workspace import Workspace

SEARCH_TAB, REGISTER_TAB, PROPOSALS_TAB, OUTREACH_TAB, TIPS_TAB = range(5)


class AdsPage(QWidget):
    """Every tab reloads when shown, so what another tab or section changed is there."""

    case_requested = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.title = title_label(self.tr("Ads"), self)
        self.search = SearchTab(workspace, self)
        self.register = RegisterTab(workspace, self)
        self.proposals = ProposalsTab(workspace, self)
        self.outreach = OutreachTab(workspace, self)
        self.tips = TipsTab(workspace, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.search, self.tr("&Search"))
        self.tabs.addTab(self.register, self.tr("&Register and import"))
        self.tabs.addTab(self.proposals, self.tr("Same &advertiser?"))
        self.tabs.addTab(self.outreach, self.tr("&Hotels and taxis"))
        self.tabs.addTab(self.tips, self.tr("&Tips"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._on_tab)
        self.search.case_requested.connect(self.case_requested)
        self.proposals.ad_requested.connect(self.show_ad)
        self.proposals.decided.connect(self.mark_stale)
        self.search.changed.connect(self.mark_stale)
        self.search.detail.proposal_requested.connect(self.show_proposal)
        self.register.form.registered.connect(lambda _id: self.mark_stale())
        self.register.importer.imported.connect(self.mark_stale)
        self.workspace.operation_changed.connect(lambda _op: self.mark_stale())
        self._fresh: set[int] = set()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fresh.clear()  # another section may have changed what the tabs show
        self._on_tab(self.tabs.currentIndex())

    @Slot()
    def mark_stale(self) -> None:
        """Records changed elsewhere: each tab reloads when next shown."""
        self._fresh.clear()

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if index in self._fresh or not self.workspace.active:
            return
        self._fresh.add(index)
        if index == SEARCH_TAB:
            self.search.reload_places()
            self.search.run_search()
        elif index == REGISTER_TAB:
            self.register.form.reload_places()
        elif index == PROPOSALS_TAB:
            self.proposals.reload()
        elif index == OUTREACH_TAB:
            self.outreach.reload()
        elif index == TIPS_TAB:
            self.tips.reload()

    @Slot(str)
    def show_ad(self, ad_id: str) -> None:
        """An ad opened from elsewhere (a proposal): the search tab shows it, logged."""
        self.tabs.setCurrentIndex(SEARCH_TAB)
        self.search.show_ad(ad_id)
        self.search.detail_area.setFocus()

    @Slot(str)
    def show_proposal(self, key: str) -> None:
        """The proposal an ad's detail names: the proposals tab, afresh, with it chosen."""
        self._fresh.add(PROPOSALS_TAB)  # reloaded here, not again when the tab is shown
        self.tabs.setCurrentIndex(PROPOSALS_TAB)
        self.proposals.reload()
        self.proposals.select_proposal(key)

    def focus_search(self) -> None:
        """Ctrl+F on this page: the ad search, its words selected to be typed over."""
        self.tabs.setCurrentIndex(SEARCH_TAB)
        self.search.query.setFocus()
        self.search.query.selectAll()

    def flush(self) -> None:
        self.register.flush()
