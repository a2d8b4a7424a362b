"""The offence elements of one buyer: agreement, stated price, payment handed over, act
begun. Each is recorded in a few keystrokes: pick the source by its first letter, type what
or how much, Enter. The time is now unless changed; the observer is the logged-in officer.
A recorded element is corrected or withdrawn, never overwritten: both are new events.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from fieldapp.domain.elements import SOURCES as ELEMENT_SOURCES
from fieldapp.domain.evaluation import ElementKind
from fieldapp.storage.records import Record
from fieldapp.workflow import evidence
from fieldapp.workflow.case_view import BuyerView, CaseView
from fieldapp.workflow.context import Change
from ui.capture import ActForm, refusal_text
from ui.choices import ChoiceRows
from ui.forms import FieldMessage
from ui.screens.photos import PhotoStrip
from ui.screens.step import ActStep, StepKey, focus_input
from ui.widgets import CodeCombo, TimeField, action_button, check_box, line_edit
from ui.words import ELEMENT_KINDS, SOURCES, clock, kr, short_name, word
from ui.workspace import Workspace

# The checklist items that open this panel, and the element each is about.
ITEM_KINDS = {
    "agreement_secured": ElementKind.AGREEMENT,
    "price_secured": ElementKind.STATED_PRICE,
    "payment_secured": ElementKind.PAYMENT_HANDED_OVER,
    "seizure_recorded": ElementKind.PAYMENT_HANDED_OVER,
}
KIND_ORDER = tuple(ElementKind)


class ElementForm(ActForm):
    """One element of one kind; the same form serves all four, its rows shown per kind."""

    def __init__(self, workspace: Workspace, case_id: str, buyer_id: str, parent: QWidget):
        super().__init__(workspace, "", parent)
        self.case_id = case_id
        self.buyer_id = buyer_id
        self.kind = ElementKind.AGREEMENT
        self.correcting: str | None = None  # the element being corrected, if any
        self.at = TimeField(workspace.now, self, reference=workspace.case_time(case_id))
        self.add_field("at", self.tr("&Time"), self.at, "time")
        self.source = ChoiceRows(SOURCES, self, codes=(), columns=2)
        self.add_field("source", self.tr("&Source"), self.source)
        self.what = line_edit(self, self.tr("what was agreed, e.g. intercourse in the room"), 500)
        self.add_field("what", self.tr("&What"), self.what)
        self.amount = line_edit(self, self.tr("kronor"), 9)
        self.add_field("amount", self.tr("&Amount"), self.amount, "int")
        self.currency = line_edit(self, "SEK", 3)
        self.add_field("currency", self.tr("C&urrency"), self.currency, "upper")
        self.for_what = line_edit(self, self.tr("e.g. one hour"), 300)
        self.add_field("for_what", self.tr("&For what"), self.for_what)
        self.seized = check_box(self.tr("Money sei&zed"), self)
        self.add_field("seized", "", self.seized)
        self.record_number = line_edit(self, self.tr("seizure record number"), 40)
        self.add_field("seizure.record_number", self.tr("Seizure recor&d"), self.record_number)
        self.seized_amount = line_edit(self, self.tr("kronor"), 9)
        self.add_field("seizure.amount", self.tr("Seized amou&nt"), self.seized_amount, "int")
        self.observer = CodeCombo(dict(workspace.officers()), self, words=workspace.officer_name)
        self.add_field("observer", self.tr("O&bserved by"), self.observer)
        self.note = line_edit(self, "", 2000)
        self.add_field("note", self.tr("N&ote"), self.note)
        self.body_layout()

    def set_kind(self, kind: ElementKind, stated_price: int | None = None) -> None:
        if self.draft_key:
            self.workspace.autosaver.flush(self.draft_key)
        self.kind = kind
        self.correcting = None
        self.draft_key = f"case/{self.case_id}/element/{self.buyer_id}/{kind.value}"
        self._restoring = True
        try:
            self.source.set_choices(
                ((s.value, word(SOURCES, s.value)) for s in ELEMENT_SOURCES[kind]), keep=False
            )
            self._reset_values()
            if kind is ElementKind.PAYMENT_HANDED_OVER and stated_price:
                self.amount.setText(str(stated_price))  # usually what was asked
        finally:
            self._restoring = False
        self.load_draft()
        self.clear_messages()
        self._show_rows()

    def _reset_values(self) -> None:
        self.at.reset()
        for edit in (self.what, self.amount, self.currency, self.for_what, self.note):
            edit.clear()
        for edit in (self.record_number, self.seized_amount):
            edit.clear()
        self.seized.setChecked(False)
        self.observer.set_code(self.workspace.officer_id)

    @Slot()
    def _show_rows(self) -> None:
        kind = self.kind
        money = kind in (ElementKind.STATED_PRICE, ElementKind.PAYMENT_HANDED_OVER)
        paid = kind is ElementKind.PAYMENT_HANDED_OVER
        self.grid.set_row_visible("what", kind is ElementKind.AGREEMENT)
        self.grid.set_row_visible("amount", money)
        self.grid.set_row_visible("currency", money)
        self.grid.set_row_visible("for_what", kind is ElementKind.STATED_PRICE)
        self.grid.set_row_visible("seized", paid)
        # Shown with the box, not on ticking it: a row appearing then would take the Tab
        # meant for the next field. Typing a record number ticks the box.
        self.grid.set_row_visible("seizure.record_number", paid)
        self.grid.set_row_visible("seizure.amount", paid)

    def on_edited(self, name: str) -> None:
        if name == "seizure.record_number" and self.record_number.text().strip():
            self.seized.setChecked(True)

    def data(self) -> dict[str, object]:
        names = ["at", "source", "observer", "note"]
        if self.kind is ElementKind.AGREEMENT:
            names.append("what")
        if self.kind in (ElementKind.STATED_PRICE, ElementKind.PAYMENT_HANDED_OVER):
            names += ["amount", "currency"]
        if self.kind is ElementKind.STATED_PRICE:
            names.append("for_what")
        if self.kind is ElementKind.PAYMENT_HANDED_OVER:
            names.append("seized")
            if self.seized.isChecked():
                names += ["seizure.record_number", "seizure.amount"]
                if not self.seized_amount.text().strip():
                    self.seized_amount.setText(self.amount.text())
        data = {k: v for k, v in self.values(*names).items() if v is not None}
        if self.at.value() is None:
            data["at"] = self.at.edit.text()  # the core says what is wrong with it
        return data

    def record(self) -> Change | None:
        data = self.data()
        if self.correcting is not None:
            element_id = self.correcting
            change = self.record_act(
                lambda: self.workspace.run(evidence.correct_element, element_id, data)
            )
        else:
            change = self.record_act(
                lambda: self.workspace.run(
                    evidence.record_element, self.case_id, self.buyer_id, self.kind.value, data
                )
            )
        if change is not None:
            self.correcting = None
        return change

    def load_element(self, element: Record) -> None:
        """Correct ``element``: its values in the form, Enter saves the correction."""
        self.set_kind(ElementKind(element.get("kind")))
        self.correcting = element.entity_id
        values = dict(element.data)
        seizure = values.pop("seizure", None) or {}
        self.write_values(values)
        self.write_values({f"seizure.{k}": v for k, v in seizure.items()})
        self._show_rows()


class ElementsStep(ActStep):
    """A buyer's four elements: the one chosen above, the ones recorded below."""

    form: ElementForm

    def __init__(
        self, workspace: Workspace, case_id: str, buyer: BuyerView, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, case_id, "", parent=parent)
        self.buyer_id = buyer.id
        self._buyer = buyer
        self.kind_buttons = QButtonGroup(self)
        kinds_row = QGridLayout()
        kinds_row.setSpacing(6)
        for number, _kind in enumerate(KIND_ORDER, start=1):
            button = action_button("", self)
            button.setCheckable(True)
            button.setShortcut(QKeySequence(f"Alt+{number}"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.kind_buttons.addButton(button, number - 1)
            kinds_row.addWidget(button, (number - 1) // 2, (number - 1) % 2)
        self.body.addLayout(kinds_row)
        self.form = ElementForm(workspace, case_id, buyer.id, self)
        self.body.addWidget(self.form)
        buttons = QHBoxLayout()
        self.record_button = action_button("", self, primary=True)
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.recorded_title = QLabel(self.tr("Recorded for this buyer"), self)
        self.recorded_title.setProperty("role", "stepTitle")
        self.body.addWidget(self.recorded_title)
        self.recorded = QListWidget(self)
        self.recorded.setObjectName("recordedElements")
        self.recorded.setMaximumHeight(150)
        self.recorded.setWordWrap(True)
        self.body.addWidget(self.recorded)
        actions = QHBoxLayout()
        self.correct_button = action_button(self.tr("&Correct…"), self)
        self.withdraw_button = action_button(self.tr("Wit&hdraw…"), self)
        self.withdraw_reason = line_edit(self, self.tr("why it is withdrawn (required)"), 300)
        self.withdraw_message = FieldMessage(self)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.withdraw_reason, 1)
        self.body.addLayout(actions)
        self.body.addWidget(self.withdraw_message)
        self.withdraw_reason.hide()
        # Photos of the evidence: of the element chosen below, or of the one being recorded.
        self.photos = PhotoStrip(workspace, self)
        self._photos_about = "element"
        self.body.addWidget(self.photos)
        self.body.addStretch(1)
        self.kind_buttons.idClicked.connect(self._on_kind_clicked)
        self.record_button.clicked.connect(self._record)
        self.form.submitted.connect(self._record)
        self.correct_button.clicked.connect(self._correct)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.withdraw_reason.returnPressed.connect(self._withdraw)
        self.recorded.itemSelectionChanged.connect(self._update_actions)
        self._show_buyer(buyer)
        first_missing = next(
            (k for k in KIND_ORDER if k in buyer.evaluation.missing), ElementKind.AGREEMENT
        )
        self.set_kind(first_missing)

    @property
    def panel_id(self) -> str:
        return f"elements:{self.buyer_id}"

    def show_key(self, key: StepKey) -> None:
        kind = ITEM_KINDS.get(key.item)
        if kind is not None and kind is not self.form.kind and self.form.correcting is None:
            self.set_kind(kind)
        self._photos_about = "seizure" if key.item == "seizure_recorded" else "element"
        self._show_photos()

    def _show_photos(self) -> None:
        """The photos of the chosen element, else of the latest of the kind being recorded
        (on the seizure step: of the payment's seized money)."""
        chosen = self._selected_id()
        elements = self._buyer.elements
        element = next((e for e in elements if e.entity_id == chosen), None)
        if element is None:
            kind = self.form.kind.value
            element = next((e for e in reversed(elements) if e.get("kind") == kind), None)
        about = self._photos_about
        if element is None or element.get("kind") != "payment_handed_over":
            about = "element"
        self.photos.set_target(element, about)

    def set_kind(self, kind: ElementKind) -> None:
        self.form.set_kind(kind, self._stated_price())
        if hasattr(self, "photos"):
            self._show_photos()
        button = self.kind_buttons.button(KIND_ORDER.index(kind))
        button.setChecked(True)
        self.record_button.setText(
            self.tr("&Record {element} (Enter)").format(element=word(ELEMENT_KINDS, kind).lower())
        )

    def _stated_price(self) -> int | None:
        prices = [e for e in self._buyer.elements if e.get("kind") == "stated_price"]
        return int(prices[-1].get("amount")) if prices else None

    def refresh(self, view: CaseView) -> None:
        buyer = view.buyer(self.buyer_id)
        if buyer is not None:
            self._show_buyer(buyer)

    def _show_buyer(self, buyer: BuyerView) -> None:
        self._buyer = buyer
        name = short_name(str(buyer.person.get("name", "")))
        self.title.setText(self.tr("Offence elements: {name}").format(name=name))
        recorded = {e.get("kind") for e in buyer.elements}
        for number, kind in enumerate(KIND_ORDER):
            mark = "✓ " if kind.value in recorded else ""
            self.kind_buttons.button(number).setText(
                f"{mark}{number + 1} {word(ELEMENT_KINDS, kind)}"
            )
        selected = self._selected_id()
        self.recorded.clear()
        for element in reversed(buyer.elements):
            item = QListWidgetItem(self._element_line(element))
            item.setData(Qt.ItemDataRole.UserRole, element.entity_id)
            self.recorded.addItem(item)
            if element.entity_id == selected:
                item.setSelected(True)
        self.recorded_title.setVisible(bool(buyer.elements))
        self.recorded.setVisible(bool(buyer.elements))
        self.correct_button.setVisible(bool(buyer.elements))
        self.withdraw_button.setVisible(bool(buyer.elements))
        self._update_actions()

    def _element_line(self, element: Record) -> str:
        parts = [clock(element.get("at")), word(ELEMENT_KINDS, element.get("kind"))]
        if element.get("amount"):
            parts.append(kr(element.get("amount")))
        if element.get("what"):
            parts.append(str(element.get("what")))
        parts.append(f"({word(SOURCES, element.get('source'))})")
        parts.append("· " + self.workspace.officer_name(element.get("observer")))
        return " ".join(parts)

    def _selected_id(self) -> str | None:
        items = self.recorded.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    @Slot()
    def _update_actions(self) -> None:
        selected = self._selected_id() is not None
        self.correct_button.setEnabled(selected)
        self.withdraw_button.setEnabled(selected)
        if hasattr(self, "photos"):
            self._show_photos()

    @Slot(int)
    def _on_kind_clicked(self, number: int) -> None:
        self.set_kind(KIND_ORDER[number])
        self.form.source.setFocus()

    @Slot()
    def _record(self) -> None:
        change = self.form.record()
        if change is None:
            self.reveal_refusal(self.form)
            return
        self.set_kind(self.form.kind)  # a fresh form; the case screen then moves on
        self.changed.emit()
        self.done.emit()

    @Slot()
    def _correct(self) -> None:
        element_id = self._selected_id()
        element = next((e for e in self._buyer.elements if e.entity_id == element_id), None)
        if element is None:
            return
        self.form.load_element(element)
        self.kind_buttons.button(KIND_ORDER.index(self.form.kind)).setChecked(True)
        self.record_button.setText(self.tr("Save the &correction (Enter)"))
        self.form.source.setFocus()

    @Slot()
    def _withdraw(self) -> None:
        element_id = self._selected_id()
        if element_id is None:
            return
        if not self.withdraw_reason.isVisible():
            self.withdraw_reason.show()
            self.withdraw_reason.setFocus()
            return
        reason = self.withdraw_reason.text()
        try:
            self.workspace.run(evidence.withdraw_element, element_id, reason)
        except Exception as exc:  # refusals and bugs both end up as a line under the field
            self.withdraw_message.show_message(refusal_text(exc))
            return
        self.withdraw_message.clear_message()
        self.withdraw_reason.clear()
        self.withdraw_reason.hide()
        self.changed.emit()

    def focus_first(self) -> None:
        # The source first: the time is now and the observer is the officer, as a rule.
        # A case written up later has no now: its time is typed first, where it is shown.
        at = self.form.at
        focus_input(at.edit if at.waits() else self.form.source)
