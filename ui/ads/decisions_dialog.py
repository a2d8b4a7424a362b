"""The same-advertiser decisions in force (from the proposals tab): each "same advertiser"
or "not the same" with when, who, the ads and the note; one chosen is taken back with the
reason typed under the list (Enter takes it back), through the same use case as the CLI's
``ads withdraw-decision``. The decision stays in the log, marked void with the reason, and
its ads are proposed again if a number or a text still joins them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.ads import duplicates, register
from fieldapp.ads.duplicates import Decision
from fieldapp.ads.model import AD_ENTITY
from ui.ads.models import DecisionsModel
from ui.capture import refusal_text
from ui.forms import FieldMessage, muted_label
from ui.widgets import action_button, fitted_table, line_edit
from ui.workspace import Workspace


class DecisionsDialog(QDialog):
    """The decisions, newest first; ``withdrawn`` after one is taken back."""

    withdrawn = Signal(str)  # the decision's id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Same-advertiser decisions"))
        self.hint = muted_label(
            self.tr(
                "Decisions made on proposals, newest first. Take one back if it was wrong: "
                "it stays in the log with your reason, and the ads are proposed again."
            ),
            self,
        )
        self.model = DecisionsModel(self)
        self.table = fitted_table(self.model, self, DecisionsModel.COLUMNS.index("ads"))
        self.table.setAccessibleName(self.tr("Decisions"))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = muted_label(self.tr("No decision has been made yet."), self)
        self.reason = line_edit(self, self.tr("why: e.g. the number changed hands"), 300)
        reason_label = QLabel(self.tr("&Why it is taken back"), self)
        reason_label.setBuddy(self.reason)
        self.take_back_button = action_button(
            self.tr("&Take the decision back (Enter)"), self, primary=True
        )
        # Enter in the reason presses it, as the dialog's default (a returnPressed slot
        # as well would take back a second decision, the next one, with no reason).
        self.take_back_button.setDefault(True)
        self.close_button = action_button(self.tr("Close (Esc)"), self)
        self.message = FieldMessage(self)

        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.take_back_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(reason_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for first, second in ((self.table, self.reason), (self.reason, self.take_back_button),
                              (self.take_back_button, self.close_button)):  # fmt: skip
            QWidget.setTabOrder(first, second)

        self.take_back_button.clicked.connect(self.take_back)
        self.close_button.clicked.connect(self.reject)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        ctx = self.workspace.ctx
        try:
            found = duplicates.decisions(ctx)
            headings = {}
            for ad_id in {a for d in found for a in d.ad_ids}:
                record = ctx.records.get(AD_ENTITY, ad_id)
                if record is not None and not record.voided:
                    headings[ad_id] = register.get_ad(ctx, ad_id).heading
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "advertiser decisions"))
            found, headings = [], {}
        self.model.names = {d.decided_by: self.workspace.officer_name(d.decided_by)
                            for d in found}  # fmt: skip
        self.model.headings = headings
        self.model.set_items(found)
        self.empty.setVisible(not found)
        for widget in (self.reason, self.take_back_button):
            widget.setEnabled(bool(found))
        if found:
            self.table.selectRow(0)

    def decision(self) -> Decision | None:
        return self.model.item(self.table.currentIndex().row())

    @Slot()
    def take_back(self) -> None:
        decision = self.decision()
        if decision is None:
            return
        reason = self.reason.text().strip()
        try:
            self.workspace.run(duplicates.withdraw_decision, decision.id, reason)
        except Exception as exc:  # a refusal in words (no reason given); a bug logged
            self.message.show_message(refusal_text(exc, "withdraw advertiser decision"))
            self.reason.setFocus()
            return
        self.reason.clear()
        self.reload()
        self.message.show_message(
            self.tr("Taken back. The ads are proposed again if a number or a text joins them."),
            "ok",
        )
        self.withdrawn.emit(decision.id)
        self.table.setFocus()
