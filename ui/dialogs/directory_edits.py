"""Correcting and removing a company of the county's directory, and withdrawing a tip:
small dialogs opened on the chosen row of the outreach and tips tabs.

A correction runs the checks a new entry gets (``directory.amend_company``). A removal or
a withdrawal is something the officer confirms in its own dialog, which names the entry
and asks for the reason the core requires; it is a void event, so the log keeps the entry
and the lists no longer show it (a removed company's tips keep its name).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.storage.records import Record
from fieldapp.workflow import directory, tips
from fieldapp.workflow.context import Change
from ui.ads.texts import COMPANY_KINDS
from ui.capture import CaptureForm, refusal_text
from ui.dialog_slot import DialogSlot
from ui.forms import FieldMessage, muted_label, title_label
from ui.i18n import translate
from ui.widgets import CodeCombo, FormGrid, TownCombo, action_button, line_edit
from ui.workspace import Workspace

# The fields of a directory entry the dialog corrects (the county stays: it is the list).
COMPANY_FIELDS = ("name", "kind", "municipality", "address", "phone")


class CompanyFieldsForm(CaptureForm):
    """The fields of a directory entry: a new entry (the outreach tab) and a correction
    ask the same, in the same words (their translation context is the new-entry form's)."""

    def __init__(self, workspace: Workspace, draft_key: str, parent: QWidget | None) -> None:
        super().__init__(workspace, draft_key, parent)
        self.name = line_edit(self, translate("CompanyForm", "e.g. Hotell Exempel"), 160)
        self.add_field("name", translate("CompanyForm", "&Name"), self.name)
        self.kind = CodeCombo(COMPANY_KINDS, self, context="Ads")
        self.add_field("kind", translate("CompanyForm", "&Kind"), self.kind)
        self.municipality = TownCombo(self)
        self.add_field("municipality", translate("CompanyForm", "M&unicipality"), self.municipality)
        self.address = line_edit(self, "", 300)
        self.add_field("address", translate("CompanyForm", "A&ddress"), self.address)
        self.phone = line_edit(self, "021-…", 40)
        self.add_field("phone", translate("CompanyForm", "&Phone"), self.phone)
        self.body_layout()


class CompanyEditForm(CompanyFieldsForm):
    """A directory entry's fields, filled with what is stored; typing is a draft."""

    def __init__(
        self, workspace: Workspace, company: Record, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, f"outreach/company/{company.entity_id}", parent)


class CompanyDialog(QDialog):
    """Correct one entry of the directory; Enter saves, Esc leaves it as it was."""

    def __init__(
        self,
        workspace: Workspace,
        company: Record,
        towns: Iterable[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.company = company
        self.change: Change | None = None
        self.setWindowTitle(self.tr("Correct the directory entry"))
        self.form = CompanyEditForm(workspace, company, self)
        self.form.municipality.set_towns(towns)
        self.form.write_values({name: company.get(name) for name in COMPANY_FIELDS})
        self.form.load_draft()
        self.save_button = action_button(self.tr("&Save the changes (Enter)"), self, primary=True)
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(str(company.get("name") or ""), self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Sheets handed over earlier stay logged under the name they were given under."
                ),
                self,
            )
        )
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.form.submitted.connect(self.save)
        self.form.name.setFocus()

    @Slot()
    def save(self) -> None:
        values = self.form.values(*COMPANY_FIELDS)
        company_id = self.company.entity_id
        change = self.form.record_act(
            lambda: self.workspace.run(directory.amend_company, company_id, values)
        )
        if change is not None:
            self.change = change
            self.accept()


class WithdrawDialog(QDialog):
    """Confirm taking an entry off a list, with the reason the log keeps: the entry is
    named, the reason is asked for, and only the button that says what happens does it."""

    def __init__(
        self,
        question: str,
        what: str,
        button_text: str,
        act: Callable[[str], Change],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.act = act
        self.change: Change | None = None
        self.setWindowTitle(question)
        self.question = title_label(question, self)
        self.what = QLabel(what, self)  # the entry, as its list shows it
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        note = muted_label(
            self.tr(
                "The log keeps it with the reason; the lists and the report no longer show it."
            ),
            self,
        )
        grid = FormGrid()
        self.reason = line_edit(self, self.tr("e.g. entered twice, closed down"), 200)
        self.message: FieldMessage = grid.add("reason", self.tr("&Reason"), self.reason)
        self.confirm_button = action_button(button_text, self, primary=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.what)
        layout.addWidget(note)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(self.confirm)
        self.reason.returnPressed.connect(self.confirm)
        self.reason.setFocus()

    @Slot()
    def confirm(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.message.show_message(self.tr("Give the reason: the log keeps it."))
            self.reason.setFocus()
            return
        try:
            self.change = self.act(reason)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "withdraw"))
            return
        self.accept()


class _Items(Protocol):
    def item(self, row: int) -> Record | None: ...


def chosen_row(table: QTableView, model: _Items) -> Callable[[], Record | None]:
    """The record of the row chosen (highlighted) in ``table``, or None: a current cell
    that nobody chose (Qt sets one on focus) chooses nothing."""

    def chosen() -> Record | None:
        rows = table.selectionModel().selectedRows()
        return model.item(rows[0].row()) if rows else None

    return chosen


class _RowActions(QWidget):
    """Buttons that act on the row chosen in a list, with a hint when none is."""

    changed = Signal(str)  # the entry changed or taken off the list

    def __init__(
        self, workspace: Workspace, chosen: Callable[[], Record | None], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.chosen = chosen
        self.dialog: DialogSlot[QDialog] = DialogSlot()  # the one open (tests drive it)
        self.hint = FieldMessage(self)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.row)
        layout.addWidget(self.hint)

    def _chosen_or_hint(self) -> Record | None:
        record = self.chosen()
        if record is None:
            self.hint.show_message(self.tr("First choose one in the list."), "hint")
        else:
            self.hint.clear_message()
        return record

    def _open(self, dialog: QDialog, entity_id: str) -> None:
        """Window-modal and not blocking (``open``), so the tests drive the real dialog."""
        dialog.accepted.connect(lambda: self.changed.emit(entity_id))
        self.dialog.open(dialog)


class CompanyActions(_RowActions):
    """Correct or remove the company chosen in the directory."""

    def __init__(
        self,
        workspace: Workspace,
        chosen: Callable[[], Record | None],
        towns: Callable[[], Iterable[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, chosen, parent)
        self.towns = towns
        self.edit_button = action_button(self.tr("Corr&ect…"), self)
        # Every letter of a bare "Remove…" is taken on the tab (the menus, the fields of the
        # new entry and of the delivery): the longer text has a free one in either language.
        self.remove_button = action_button(self.tr("Remove from the director&y…"), self)
        self.row.addWidget(self.edit_button)
        self.row.addWidget(self.remove_button)
        self.row.addStretch(1)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)

    @Slot()
    def edit(self) -> None:
        company = self._chosen_or_hint()
        if company is not None:
            dialog = CompanyDialog(self.workspace, company, self.towns(), self)
            self._open(dialog, company.entity_id)

    @Slot()
    def remove(self) -> None:
        company = self._chosen_or_hint()
        if company is None:
            return
        company_id = company.entity_id
        place = ", ".join(str(company.get(k)) for k in ("name", "municipality") if company.get(k))
        dialog = WithdrawDialog(
            self.tr("Remove from the county's directory?"),
            place,
            self.tr("Re&move from the directory"),
            lambda reason: self.workspace.run(directory.remove_company, company_id, reason),
            self,
        )
        self._open(dialog, company_id)


class TipActions(_RowActions):
    """Withdraw the tip chosen in the list (logged twice, or by mistake)."""

    def __init__(
        self,
        workspace: Workspace,
        chosen: Callable[[], Record | None],
        describe: Callable[[Record], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, chosen, parent)
        self.describe = describe
        # Alt+L in both languages: "list" is the one word of the text whose letter no
        # field, button or menu of the tab claims (tests/ui/test_mnemonics.py).
        self.withdraw_button = action_button(self.tr("Withdraw from the &list…"), self)
        self.row.addWidget(self.withdraw_button)
        self.row.addStretch(1)
        self.withdraw_button.clicked.connect(self.withdraw)

    @Slot()
    def withdraw(self) -> None:
        tip = self._chosen_or_hint()
        if tip is None:
            return
        tip_id = tip.entity_id
        dialog = WithdrawDialog(
            self.tr("Withdraw the tip?"),
            self.describe(tip),
            self.tr("With&draw the tip"),
            lambda reason: self.workspace.run(tips.withdraw_tip, tip_id, reason),
            self,
        )
        self._open(dialog, tip_id)
