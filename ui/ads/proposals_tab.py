"""Same-advertiser proposals: ads that share a phone number or have near-identical texts.
Nothing is merged by itself: an officer looks at the ads of a proposal and confirms them
as one advertiser's, or records that they are not; either decision is an event. The
decisions made are listed in a dialog (``decisions_dialog``), where one is taken back with
a reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.ads import duplicates, register
from fieldapp.ads.duplicates import Proposal
from fieldapp.ads.model import AD_ENTITY, AdView, LinkBasis
from fieldapp.workflow.context import Change
from ui.ads.attachment_view import fitted_size
from ui.ads.decisions_dialog import DecisionsDialog
from ui.ads.models import AdsModel, ProposalsModel
from ui.capture import refusal_text
from ui.dialog_slot import DialogSlot
from ui.forms import FieldMessage, muted_label
from ui.table_model import ID_ROLE
from ui.widgets import action_button, fitted_table, line_edit
from ui.workspace import Workspace


class ProposalsTab(QWidget):
    """The open proposals (above) and the ads of the one chosen (below)."""

    ad_requested = Signal(str)  # Enter on an ad: open it (logged) in the search tab
    decided = Signal()  # a decision made, or one taken back
    decisions_shown = Signal(object)  # the decisions dialog, just opened

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.hint = muted_label(
            self.tr(
                "Ads that share a phone number or have near-identical texts. Look at the ads, "
                "then confirm them as one advertiser's or record that they are not; nothing "
                "is merged without you."
            ),
            self,
        )
        self.decisions_button = action_button(self.tr("&Earlier decisions…"), self)
        self.decisions_dialog: DialogSlot[DecisionsDialog] = DialogSlot()
        self.model = ProposalsModel(self)
        self.table = fitted_table(self.model, self, 1)
        self.table.setAccessibleName(self.tr("Proposals"))
        self.empty = muted_label(self.tr("No open proposals."), self)
        self.ads_title = QLabel(self.tr("The ads of the proposal (Enter opens one)"), self)
        self.ads_title.setProperty("role", "stepTitle")
        self.ads_model = AdsModel(self)
        self.ads = fitted_table(self.ads_model, self, 2)
        self.ads.setAccessibleName(self.tr("Ads of the proposal"))
        self.note = line_edit(self, self.tr("optional: what you compared"), 500)
        note_label = QLabel(self.tr("N&ote"), self)
        note_label.setBuddy(self.note)
        self.same_button = action_button(self.tr("Same ad&vertiser"), self, primary=True)
        self.not_same_button = action_button(self.tr("&Not the same"), self)
        self.message = FieldMessage(self)

        buttons = QHBoxLayout()
        buttons.addWidget(note_label)
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.same_button)
        buttons.addWidget(self.not_same_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.decisions_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.ads_title)
        layout.addWidget(self.ads, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        for first, second in ((self.table, self.ads), (self.ads, self.note),
                              (self.note, self.same_button),
                              (self.same_button, self.not_same_button),
                              (self.not_same_button, self.decisions_button)):  # fmt: skip
            QWidget.setTabOrder(first, second)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.ads.activated.connect(self._on_ad_activated)
        self.same_button.clicked.connect(self.confirm_same)
        self.not_same_button.clicked.connect(self.dismiss)
        self.decisions_button.clicked.connect(self.open_decisions)

    def reload(self) -> None:
        try:
            found = duplicates.proposals(self.workspace.ctx)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "proposals"))
            found = []
        self.model.set_items(found)
        self.empty.setVisible(not found)
        for widget in (self.same_button, self.not_same_button, self.note):
            widget.setEnabled(bool(found))
        if found:
            self.table.selectRow(0)
        else:
            self.ads_model.set_items([])

    def select_proposal(self, key: str) -> bool:
        """Choose the proposal named ``key`` (from an ad's detail); False if it is not open."""
        row = self.model.row_of_key(key)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setFocus()
        return True

    @Slot()
    def open_decisions(self) -> DecisionsDialog:
        """The decisions made (window-modal; the event loop keeps running)."""
        self.decisions_dialog.close()
        dialog = DecisionsDialog(self.workspace, self)
        dialog.withdrawn.connect(self._on_withdrawn)
        dialog.resize(fitted_size(self, QSize(1000, 560)))
        self.decisions_dialog.open(dialog, self._decisions_closed)
        self.decisions_shown.emit(dialog)
        return dialog

    def _decisions_closed(self, _dialog: DecisionsDialog) -> None:
        if self.workspace.active:
            self.decisions_button.setFocus()

    @Slot(str)
    def _on_withdrawn(self, _decision_id: str) -> None:
        self.reload()
        self.decided.emit()

    def proposal(self) -> Proposal | None:
        return self.model.item(self.table.currentIndex().row())

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        proposal = self.model.item(current.row())
        ads: list[AdView] = []
        if proposal is not None:
            records = self.workspace.ctx.records
            # An ad withdrawn since the proposal was made is left out.
            ads = [
                register.get_ad(self.workspace.ctx, ad_id)
                for ad_id in proposal.ad_ids
                if (r := records.get(AD_ENTITY, ad_id)) is not None and not r.voided
            ]
        self.ads_model.set_items(ads)

    @Slot(QModelIndex)
    def _on_ad_activated(self, index: QModelIndex) -> None:
        ad_id = self.ads_model.data(self.ads_model.index(index.row(), 0), ID_ROLE)
        if ad_id:
            self.ad_requested.emit(str(ad_id))

    @Slot()
    def confirm_same(self) -> None:
        proposal = self.proposal()
        if proposal is None:
            return
        basis = []
        if proposal.phones:
            basis.append(LinkBasis.PHONE)
        if proposal.similar_texts:
            basis.append(LinkBasis.TEXT)
        self._decide(
            lambda: self.workspace.run(
                duplicates.confirm_same_advertiser, proposal.ad_ids, basis=basis, note=self._note()
            ),
            self.tr("Confirmed: {count} ads of one advertiser.").format(count=len(proposal.ad_ids)),
        )

    @Slot()
    def dismiss(self) -> None:
        proposal = self.proposal()
        if proposal is None:
            return
        self._decide(
            lambda: self.workspace.run(
                duplicates.dismiss_proposal, proposal.ad_ids, note=self._note()
            ),
            self.tr("Recorded: not the same advertiser."),
        )

    def _note(self) -> str | None:
        return self.note.text().strip() or None

    def _decide(self, action: Callable[[], Change], done: str) -> None:
        try:
            action()
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "advertiser decision"))
            return
        self.note.clear()
        self.reload()
        self.message.show_message(done, "ok")
        self.decided.emit()
        self.table.setFocus()
