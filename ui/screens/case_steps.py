"""The case-level steps: the place and the entry, a checklist item ticked by hand (with the
number to call, where the item is a call), closing the case; and the new-case form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.counties import load_county
from fieldapp.documents.text import phone as phone_text
from fieldapp.domain.case import CASE_ENTITY, PlaceKind
from fieldapp.domain.operation import CONTACT_ENTITY, TEAM_ENTITY
from fieldapp.storage.records import Record
from fieldapp.workflow import cases
from fieldapp.workflow.case_view import CaseView, operation_ticks
from fieldapp.workflow.checklist import ItemState, Scope, load_checklist, open_blocking
from fieldapp.workflow.context import Change
from ui.capture import CaptureForm, RecordForm, Value, ValueWidget, refusal_text
from ui.choices import ChoiceRows
from ui.forms import FieldMessage, MessageBox, muted_label
from ui.i18n import current_language, translate
from ui.models import big_font
from ui.screens.step import StepKey, StepPanel, focus_input
from ui.widgets import TimeField, TownCombo, action_button, line_edit, local_at
from ui.words import CONTACT_ROLES, PLACE_KINDS, clock, word
from ui.workspace import Workspace

# Items that are a phone call: the numbers to call are shown with the item.
CALL_CONTACTS = {
    "report_of_concern": ("social_services_on_call",),
    "child_prosecutor": ("prosecutor_on_duty",),
    "trafficking_coordinator": ("regional_coordinator", "trafficking_helpline"),
    "reflection_period": ("migration_agency",),
    "interpreter_arranged": ("interpreter",),
    "declined_to_prosecutor": ("prosecutor_on_duty",),
}


def item_text(item_id: str) -> str:
    item = load_checklist().item(item_id)
    if item is None:
        return item_id
    return item.text_sv if current_language() == "sv" else item.text_en


class OfficerChecks(ValueWidget):
    """The officers present, one check box each."""

    def __init__(self, officers: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for number, (officer_id, name) in enumerate(officers):
            box = QCheckBox(name, self)
            box.toggled.connect(lambda _c: self.edited.emit())
            self.boxes[officer_id] = box
            layout.addWidget(box, number // 2, number % 2)  # two a row: fits any width
        layout.setColumnStretch(2, 1)
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def field_value(self) -> list[str]:
        return sorted(i for i, box in self.boxes.items() if box.isChecked())

    def set_field_value(self, value: Value) -> None:
        chosen = set(value or [])
        for officer_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(officer_id in chosen)
            box.blockSignals(False)


def team_officers(workspace: Workspace) -> list[tuple[str, str]]:
    """The operation's team if it has one, else the officers enrolled on this laptop."""
    operation_id = workspace.operation_id
    members = (
        workspace.ctx.records.find(TEAM_ENTITY, operation_id=operation_id) if operation_id else []
    )
    found = [(str(m.get("officer_id")), str(m.get("name"))) for m in members]
    return found or workspace.officers()


class CaseForm(RecordForm):
    """The place and time of the case: saved as you type."""

    def __init__(self, workspace: Workspace, case_id: str, parent: QWidget) -> None:
        super().__init__(workspace, f"case/{case_id}/details", case_id, parent)
        self.place = build_place_fields(self, workspace)
        self.start = TimeField(workspace.now, self, reference=workspace.case_time(case_id))
        self.add_field("start", self.tr("&Entry time"), self.start, "time")
        self.present = OfficerChecks(team_officers(workspace), self)
        self.add_field("officers_present", self.tr("Present"), self.present)
        # Often given by the station after the raid: typed here whenever it is known, and
        # printed on the approval form and the case summary.
        self.case_number = line_edit(self, self.tr("e.g. 5000-K123456-26"), 40)
        self.add_field("police_case_number", self.tr("Police case num&ber"), self.case_number)
        self.body_layout()

    def amend_record(self, changes: dict[str, Value]) -> Change:
        return self.workspace.run(cases.amend_case, str(self.record_id), changes)

    def record_values(self) -> dict[str, Value]:
        record = self.workspace.ctx.records.get(CASE_ENTITY, str(self.record_id))
        return dict(record.data) if record else {}


@dataclass
class PlaceWidgets:
    kind: ChoiceRows
    name: QLineEdit
    address: QLineEdit
    room: QLineEdit
    municipality: TownCombo


def county_towns(workspace: Workspace) -> tuple[str, ...]:
    operation = workspace.operation
    county = operation.get("county") if operation else None
    return load_county(str(county)).municipalities if county else ()


def build_place_fields(form: CaptureForm, workspace: Workspace) -> PlaceWidgets:
    """Kind of place, its name, address, room and municipality (new case and case form).
    The municipality is picked from the operation's county (type its first letters)."""
    municipality = TownCombo(form)
    municipality.set_towns(county_towns(workspace))
    place = PlaceWidgets(
        kind=ChoiceRows(PLACE_KINDS, form, columns=4),
        name=line_edit(form, translate("PlaceFields", "hotel name"), 160),
        address=line_edit(form, "", 300),
        room=line_edit(form, "", 40),
        municipality=municipality,
    )
    form.add_field("place_kind", translate("PlaceFields", "&Kind of place"), place.kind)
    form.add_field("place_name", translate("PlaceFields", "&Place"), place.name)
    form.add_field("address", translate("PlaceFields", "A&ddress"), place.address)
    form.add_field("room", translate("PlaceFields", "&Room"), place.room)
    form.add_field("municipality", translate("PlaceFields", "&Municipality"), place.municipality)
    return place


class CaseDetailsStep(StepPanel):
    """The entry: the place, the time and who went in; ticking it is one key."""

    def __init__(self, workspace: Workspace, view: CaseView, parent: QWidget | None = None):
        super().__init__(workspace, view.id, "", "", parent)
        self.set_heading(
            self.tr("Entry and place"),
            self.tr("Check the place and the entry time and who went in; then tick (Enter)."),
        )
        self.form = CaseForm(workspace, view.id, self)
        self.body.addWidget(self.form)
        self.note = line_edit(self, self.tr("e.g. key card from the reception"), 500)
        note_row = QHBoxLayout()
        note_label = QLabel(self.tr("Entry &note"), self)
        note_label.setBuddy(self.note)
        note_row.addWidget(note_label)
        note_row.addWidget(self.note, 1)
        self.body.addLayout(note_row)
        self.tick_button = action_button("", self, primary=True)
        self.body.addWidget(self.tick_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = FieldMessage(self)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.form.recorded.connect(lambda _c: self.changed.emit())
        self.form.submitted.connect(self._tick)
        self.note.returnPressed.connect(self._tick)
        self.tick_button.clicked.connect(self._tick)
        self.form.load()
        self.refresh(view)

    @property
    def panel_id(self) -> str:
        return "case"

    def _entry(self, view: CaseView) -> Record | None:
        return next((t for t in view.ticks if t.get("item_id") == "entry"), None)

    def refresh(self, view: CaseView) -> None:
        self._ticked = self._entry(view) is not None
        self.tick_button.setText(
            self.tr("Entry noted ✓ – next step (Enter)")
            if self._ticked
            else self.tr("&Tick: entry noted (Enter)")
        )

    @Slot()
    def _tick(self) -> None:
        self.form.flush()
        if self.workspace.load_draft(self.form.draft_key):
            # A field was refused (its hint is beside it): stay here until it is right.
            self.message.show_message(self.tr("Not saved yet: correct the field marked above."))
            return
        if self._ticked:
            self.next_requested.emit()
            return
        note = self.note.text().strip() or None
        try:
            self.workspace.run(cases.tick, self.case_id, "entry", note=note)
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "entry"))
            return
        self.message.clear_message()
        self.changed.emit()
        self.done.emit()

    def focus_first(self) -> None:
        # The note, not the button: Enter there ticks; Space and letters stay text.
        focus_input(self.note)

    def flush(self) -> None:
        self.form.flush()


class TickStep(StepPanel):
    """An item ticked by hand; if the item is a call, the numbers to call, large."""

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        state: ItemState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, case_id, "", "", parent)
        self.state = state
        self.set_heading(item_text(state.item.id))
        self.numbers = QVBoxLayout()
        self.body.addLayout(self.numbers)
        self._show_numbers(state.item.id)
        self.note = line_edit(self, self.tr("optional: who you spoke to, when"), 500)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Note"), self)
        label.setBuddy(self.note)
        row.addWidget(label)
        row.addWidget(self.note, 1)
        self.body.addLayout(row)
        buttons = QHBoxLayout()
        self.tick_button = action_button(self.tr("&Tick (Enter)"), self, primary=True)
        self.untick_button = action_button(self.tr("&Remove the tick"), self)
        buttons.addWidget(self.tick_button)
        buttons.addWidget(self.untick_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.who = muted_label("", self)
        self.body.addWidget(self.who)
        self.message = FieldMessage(self)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.tick_button.clicked.connect(self._tick)
        self.note.returnPressed.connect(self._tick)
        self.untick_button.clicked.connect(self._untick)
        self._show_state(state)

    @property
    def panel_id(self) -> str:
        return f"tick:{self.state.item.id}:{self.state.subject_id or ''}"

    def _show_numbers(self, item_id: str) -> None:
        roles = CALL_CONTACTS.get(item_id, ())
        operation_id = self.workspace.operation_id
        if not roles or operation_id is None:
            return
        contacts = self.workspace.ctx.records.find(CONTACT_ENTITY, operation_id=operation_id)
        for contact in contacts:
            if contact.get("role") not in roles or not contact.get("phone"):
                continue
            label = QLabel(
                f"{word(CONTACT_ROLES, contact.get('role'))}: {contact.get('organisation')}", self
            )
            label.setWordWrap(True)
            number = QLabel(phone_text(contact.get("phone")), self)
            number.setProperty("role", "phone")
            number.setFont(big_font(20))
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.numbers.addWidget(label)
            self.numbers.addWidget(number)

    def refresh(self, view: CaseView) -> None:
        from fieldapp.workflow.checklist import checklist_state

        for state in checklist_state(view, self._operation_ticks()):
            if state.item.id == self.state.item.id and state.subject_id == self.state.subject_id:
                self.state = state
                self._show_state(state)
                return

    def _operation_ticks(self) -> tuple[Record, ...]:
        return operation_ticks(self.workspace.ctx.records, self.workspace.operation_id)

    def _show_state(self, state: ItemState) -> None:
        tick = state.tick
        if tick is not None:
            self.who.setText(
                self.tr("Ticked {time} by {officer}").format(
                    time=clock(tick.created_at),
                    officer=self.workspace.officer_name(tick.created_by),
                )
                + (f" – {tick.get('note')}" if tick.get("note") else "")
            )
        self.who.setVisible(tick is not None)
        operation_item = state.item.scope is Scope.OPERATION
        self.untick_button.setVisible(tick is not None and not operation_item)
        self.tick_button.setEnabled(not state.done)

    @Slot()
    def _tick(self) -> None:
        if self.state.done:
            self.next_requested.emit()
            return
        note = self.note.text().strip() or None
        try:
            if self.state.item.scope is Scope.OPERATION:
                operation_id = self.workspace.operation_id
                assert operation_id is not None
                self.workspace.run(
                    cases.tick_operation_item, operation_id, self.state.item.id, note
                )
            else:
                self.workspace.run(
                    cases.tick, self.case_id, self.state.item.id,
                    subject_id=self.state.subject_id, note=note,
                )  # fmt: skip
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "tick"))
            return
        self.message.clear_message()
        self.note.clear()
        self.changed.emit()
        self.done.emit()

    @Slot()
    def _untick(self) -> None:
        try:
            self.workspace.run(
                cases.untick, self.case_id, self.state.item.id, subject_id=self.state.subject_id
            )
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "untick"))
            return
        self.changed.emit()

    def focus_first(self) -> None:
        # Never the tick button: a Space typed into the note would press it and move on.
        focus_input(self.note)


class CloseStep(StepPanel):
    """Close the case when nothing mandatory is open; reopen it or hand it over."""

    def __init__(
        self,
        workspace: Workspace,
        view: CaseView,
        states: list[ItemState],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, view.id, "", "", parent)
        self.set_heading(self.tr("Close the case"))
        self.blockers = QLabel(self)
        self.blockers.setWordWrap(True)
        self.body.addWidget(self.blockers)
        buttons = QHBoxLayout()
        self.close_button = action_button(self.tr("&Close the case (Enter)"), self, primary=True)
        self.reopen_button = action_button(self.tr("&Reopen the case"), self)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        transfer = QHBoxLayout()
        self.transfer_to = line_edit(self, self.tr("e.g. the trafficking investigators"), 160)
        self.transfer_button = action_button(self.tr("&Hand over"), self)
        label = QLabel(self.tr("Hand over &to"), self)
        label.setBuddy(self.transfer_to)
        transfer.addWidget(label)
        transfer.addWidget(self.transfer_to, 1)
        transfer.addWidget(self.transfer_button)
        self.body.addLayout(transfer)
        self.message = MessageBox(self)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        self.close_button.clicked.connect(self._close)
        self.reopen_button.clicked.connect(self._reopen)
        self.transfer_button.clicked.connect(self._transfer)
        self.transfer_to.returnPressed.connect(self._transfer)
        self.show_state(view, states)

    @property
    def panel_id(self) -> str:
        return "close"

    def show_state(self, view: CaseView, states: list[ItemState]) -> None:
        status = str(view.case.get("status"))
        is_open = status == "open"
        blocking = open_blocking(states)
        if not is_open:
            text = self.tr("The case is {status}.").format(
                status=word({"closed": "closed", "transferred": "transferred"}, status)
            )
            if view.case.get("transferred_to"):
                text += " " + str(view.case.get("transferred_to"))
        elif blocking:
            text = (
                self.tr("Still open before the case can be closed:")
                + "\n"
                + "\n".join(f"•  {item_text(s.item.id)}" for s in blocking)
            )
        else:
            text = self.tr("Every mandatory item is done. The case can be closed.")
        self.blockers.setText(text)
        self.close_button.setVisible(is_open)
        self.reopen_button.setVisible(not is_open)
        self.transfer_to.setEnabled(is_open)
        self.transfer_button.setEnabled(is_open)

    def refresh(self, view: CaseView) -> None:
        self.show_state(view, cases.checklist(self.workspace.ctx, view.id))

    def _run(self, action: str, *args: object) -> None:
        use_cases: dict[str, Callable[..., Change]] = {
            "close": cases.close_case,
            "reopen": cases.reopen_case,
            "transfer": cases.transfer_case,
        }
        use_case = use_cases[action]
        try:
            self.workspace.run(use_case, self.case_id, *args)
        except Exception as exc:
            self.message.show_message(refusal_text(exc, action))
            return
        self.message.clear_message()
        self.changed.emit()

    @Slot()
    def _close(self) -> None:
        self._run("close")
        if self.message.isVisible():
            self.missing_requested.emit()  # refused: each buyer's missing steps, in view

    @Slot()
    def _reopen(self) -> None:
        self._run("reopen")

    @Slot()
    def _transfer(self) -> None:
        self._run("transfer", self.transfer_to.text().strip())

    def focus_first(self) -> None:
        if self.close_button.isVisible():
            self.close_button.setFocus()
        else:
            self.reopen_button.setFocus()

    def show_key(self, key: StepKey) -> None:
        pass


class NewCaseForm(CaptureForm):
    """A new raid location: the place, prefilled from the operation's last case, and the
    time (now). Enter opens the case."""

    opened = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "new-case", parent)
        self.place = build_place_fields(self, workspace)
        self.start = TimeField(workspace.now, self)
        self.add_field("start", self.tr("&Entry time"), self.start, "time")
        self.body_layout()
        # The last case's place and its kind, as copied into the form (see _on_name_edited).
        self._copied: tuple[str, str] = ("", "")
        self._adjusting = False
        self.submitted.connect(self.create_case)
        self.place.name.textEdited.connect(self._on_name_edited)
        self.place.kind.changed.connect(self._on_kind_changed)

    @Slot()
    def _on_kind_changed(self) -> None:
        if not (self._adjusting or self._restoring):
            self._copied = ("", "")  # the officer chose the kind: it stays as chosen
            self.fields["place_kind"].message.clear_message()

    @Slot(str)
    def _on_name_edited(self, text: str) -> None:
        """Another place typed over the last case's: its kind is the officer's to choose,
        not the last case's (a hotel was stored as the flat before it). Back to the last
        case's name, its kind comes back."""
        name, kind = self._copied
        if not name or not kind:
            return
        chosen = self.place.kind.code()
        message = self.fields["place_kind"].message
        self._adjusting = True
        try:
            if text.strip() != name and chosen == kind:
                self.place.kind.set_code("")
                message.show_message(
                    self.tr("Another place: choose its kind (Shift+Tab, then its digit)."), "hint"
                )
            elif text.strip() == name and not chosen:
                self.place.kind.set_code(kind)
                message.clear_message()
        finally:
            self._adjusting = False

    def prepare(self) -> None:
        """Fresh form: the last case's hotel and municipality, or the draft if there is one."""
        self.draft_key = f"new-case/{self.workspace.operation_id}"
        self._restoring = True
        try:
            self.place.municipality.set_towns(county_towns(self.workspace))
            for field in self.fields.values():
                field.write(None)
            last = self._last_case()
            self.start.set_reference(self._reference(last))
            self.start.reset()
            self.place.kind.set_code(PlaceKind.HOTEL.value)
            self._copied = ("", "")
            if last is not None:
                for name in ("place_kind", "place_name", "address", "municipality"):
                    self.fields[name].write(last.get(name))
                self._copied = (str(last.get("place_name") or ""), self.place.kind.code())
        finally:
            self._restoring = False
        self.load_draft()
        self.clear_messages()

    def _reference(self, last: Record | None) -> datetime | None:
        """The day a new case's entry time is about: now while the operation runs (to the
        night after its last day); after it, the operation's last case (cases written up
        at the station), or its last day."""
        operation = self.workspace.operation
        end = operation.get("end") if operation else None
        if not end:
            return None
        now = self.workspace.now()
        last_day = date.fromisoformat(str(end))
        if now.date() <= last_day + timedelta(days=1):
            return None
        if last is not None and last.get("start"):
            return datetime.fromisoformat(str(last.get("start")))
        return local_at(last_day, 12, 0, now)

    def _last_case(self) -> Record | None:
        operation_id = self.workspace.operation_id
        if operation_id is None:
            return None
        found = self.workspace.ctx.records.find(CASE_ENTITY, operation_id=operation_id)
        return max(found, key=lambda c: str(c.get("start", "")), default=None)

    @Slot()
    def create_case(self) -> None:
        operation_id = self.workspace.operation_id
        if operation_id is None:
            self.general.show_message(self.tr("Choose an operation first (Ctrl+1)."))
            return
        data = self.values()
        change = self.record_act(lambda: self.workspace.run(cases.open_case, operation_id, data))
        if change is not None:
            self.opened.emit(change.entity_id)
