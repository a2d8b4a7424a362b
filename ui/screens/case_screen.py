"""The case screen, the one that matters most.

- Header: place, room, time, and the live status badge from the workflow's evaluation
  (completed / attempt / not enough, child case, trafficking), its explanation one key away
  (F1).
- Left, the spine: the checklist's phases and the items that apply now, who ticked what
  and when. Choosing a line opens its step in the middle: a small form that does the step
  and ticks it. After each recorded step the next open one opens by itself.
- Right (or under the checklist when the text is large): the timeline, newest first,
  corrections shown as corrections.
- Bottom: the quick-note bar. Type, Enter: a timestamped note on the timeline.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents import service
from fieldapp.domain.case import OBSERVATION_ENTITY
from fieldapp.domain.persons import BUYER, SELLER, WITNESS
from fieldapp.storage.records import Record
from fieldapp.workflow import cases
from fieldapp.workflow.case_spine import Step, StepKind, case_steps, evidence_moment
from fieldapp.workflow.case_view import CaseView, operation_ticks
from fieldapp.workflow.checklist import ItemState
from fieldapp.workflow.context import Change
from fieldapp.workflow.missing import StillMissing, still_missing
from ui.ads.case_ads import LinkedAdsStrip
from ui.capture import refusal_text
from ui.dialog_slot import DialogSlot
from ui.forms import MessageBox, muted_label
from ui.i18n import current_language
from ui.models import ID_ROLE, ChecklistModel, StepRow, TimelineModel
from ui.screens.case_steps import CaseDetailsStep, CloseStep, TickStep, item_text
from ui.screens.elements import ITEM_KINDS, ElementsStep
from ui.screens.person_forms import PersonStep
from ui.screens.procedure import DecisionStep, HearingStep, NoticeStep
from ui.screens.step import StepKey, StepPanel
from ui.screens.support import SupportStep
from ui.status import case_status
from ui.theme import sized_font, text_scale
from ui.timeline import Describer
from ui.widgets import Badge, action_button
from ui.words import CASE_STATUS, ELEMENT_KINDS, clock, day_text, short_name, word
from ui.workspace import Workspace

CHECKLIST_WIDTH = 310
TIMELINE_WIDTH = 280
MIN_STEP_WIDTH = 520
SHORT_HEIGHT = 600  # below this (with the timeline under the checklist) the timeline folds
PERSON_ITEMS = {"buyer_identified": BUYER, "seller_age_assessed": SELLER}
HEARING_ITEMS = ("buyer_heard", "seller_heard")
SUPPORT_ITEMS = ("seller_support", "buyer_support")
DECISION_ITEMS = ("decision", "buyer_answer")


def panel_id_for(key: StepKey) -> str:
    """The id of the panel that serves a checklist line (see each panel's ``panel_id``)."""
    if key.kind == "add":
        return f"person:new-{key.item}"
    if key.kind == "person":
        return f"person:{key.item}"
    if key.kind == "close":
        return "close"
    item, subject = key.item, key.subject
    if item == "entry":
        return "case"
    if item in PERSON_ITEMS:
        return f"person:{subject}"
    if item in ITEM_KINDS:
        return f"elements:{subject}"
    if item == "notice_of_suspicion":
        return f"notice:{subject}"
    if item in HEARING_ITEMS:
        return f"hearing:{subject}"
    if item in SUPPORT_ITEMS:
        return f"support:{subject}"
    if item in DECISION_ITEMS:
        return f"decision:{subject}"
    return f"tick:{item}:{subject or ''}"


class CaseHeader(QFrame):
    """Place, room, time and the badge; the explanation opens under it (F1)."""

    explain_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.place = QLabel(self)
        self.place.setFont(sized_font(self.place, 15.0, bold=True))
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        self.details = muted_label("", self)
        # Place and details wrap (two lines at worst) so the badges beside them keep their
        # full width: a badge cut to "Tecken på människoh…" says nothing.
        self.place.setWordWrap(True)
        self.details.setWordWrap(True)
        self.badge = Badge(self)
        self.badge.setFont(sized_font(self.badge, 13.0, bold=True))
        self.flags = [Badge(self), Badge(self)]
        for flag in self.flags:
            flag.setFont(sized_font(flag, 12.0, bold=True))
            flag.hide()
        self.state = Badge(self)
        self.state.hide()
        self.explain_button = action_button(self.tr("Why? (F1)"), self)
        self.explain_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button = action_button(self.tr("All cases"), self)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The place with the badges on its line, the details with the buttons on theirs.
        badges = QHBoxLayout()
        badges.setSpacing(8)
        badges.addWidget(self.badge)
        for flag in self.flags:
            badges.addWidget(flag)
        badges.addWidget(self.state)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.back_button)
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.place, 0, 0)
        layout.addLayout(badges, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.details, 1, 0)
        layout.addLayout(buttons, 1, 1, Qt.AlignmentFlag.AlignRight)
        layout.setColumnStretch(0, 1)
        self.explain_button.clicked.connect(self.explain_requested)
        self.back_button.clicked.connect(self.back_requested)

    def show_view(self, view: CaseView) -> None:
        case = view.case
        place = str(case.get("place_name") or case.get("address") or "")
        if case.get("room"):
            place += "  ·  " + self.tr("room {room}").format(room=case.get("room"))
        self.place.setText(place)
        parts = [str(case.get("address", "")), str(case.get("municipality", ""))]
        parts.append(
            self.tr("entry {day} {time}").format(
                day=day_text(case.get("start")), time=clock(case.get("start"))
            )
        )
        self.details.setText("  ·  ".join(p for p in parts if p))
        status = case_status(view)
        self.badge.show_badge(status.text, status.kind)
        for badge, flag in zip(self.flags, (*status.flags, None, None), strict=False):
            if flag is None:
                badge.hide()
            else:
                badge.show_badge(flag.text, flag.kind)
        case_state = str(case.get("status"))
        if case_state == "open":
            self.state.hide()
        else:
            self.state.show_badge(word(CASE_STATUS, case_state), "closed")


class CaseScreen(QWidget):
    """One case at a time; ``open_case`` switches to another."""

    back_requested = Signal()
    case_changed = Signal(str)  # the case's records changed (lists refresh their row)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id: str | None = None
        self.view: CaseView | None = None
        self.states: list[ItemState] = []
        self.panel: StepPanel | None = None
        self._step_key: StepKey | None = None
        self._people: dict[str, str] = {}
        self._wide = True
        self._person_added = False
        self.link_dialog: DialogSlot[QDialog] = DialogSlot()
        self._build_ui()
        self._connect()

    # -- building -----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.header = CaseHeader(self)
        self.linked_ads = LinkedAdsStrip(self.workspace, self)
        self.explanation = QFrame(self)
        self.explanation.setObjectName("explanation")
        self.explanation_text = QLabel(self.explanation)
        self.explanation_text.setWordWrap(True)
        self.explanation_text.setTextFormat(Qt.TextFormat.PlainText)
        explanation_layout = QVBoxLayout(self.explanation)
        explanation_layout.setContentsMargins(12, 8, 12, 8)
        explanation_layout.addWidget(self.explanation_text)
        self.explanation.hide()
        # F4, and whenever closing or printing is refused: what is still missing, per buyer.
        self.missing = QFrame(self)
        self.missing.setObjectName("explanation")
        self.missing_text = QLabel(self.missing)
        self.missing_text.setWordWrap(True)
        self.missing_text.setTextFormat(Qt.TextFormat.PlainText)
        missing_layout = QVBoxLayout(self.missing)
        missing_layout.setContentsMargins(12, 8, 12, 8)
        missing_layout.addWidget(self.missing_text)
        self.missing.hide()

        self.checklist_model = ChecklistModel(self)
        self.checklist = QListView(self)
        self.checklist.setObjectName("checklist")
        self.checklist.setModel(self.checklist_model)
        self.checklist.setWordWrap(True)
        self.checklist.setUniformItemSizes(False)
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setAccessibleName(self.tr("Checklist"))

        self.step_area = QScrollArea(self)
        self.step_area.setWidgetResizable(True)
        self.step_area.setFrameShape(QFrame.Shape.NoFrame)
        # Panels are built to fit; should one not, it scrolls rather than being cut off.
        self.step_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        self.describer = Describer(lambda person_id: self._people.get(person_id, "?"))
        self.timeline_model = TimelineModel(self.describer, self)
        self.timeline_model.set_officer_names(self.workspace.officer_name)
        self.timeline = QListView(self)
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setWordWrap(True)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows are laid out a batch at a time: a note on top of 300 events shows at once,
        # the rest of the list is measured while the officer types the next one.
        self.timeline.setLayoutMode(QListView.LayoutMode.Batched)
        self.timeline.setBatchSize(40)
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline_title = QLabel(self.tr("Timeline, newest first"), self)
        self.timeline_title.setProperty("muted", "true")
        self.checklist_title = QLabel(self.tr("Checklist (F6)"), self)
        self.checklist_title.setProperty("muted", "true")

        self.left = QSplitter(Qt.Orientation.Vertical, self)
        checklist_box = QWidget(self.left)
        box = QVBoxLayout(checklist_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.checklist_title)
        box.addWidget(self.checklist)
        self.left.addWidget(checklist_box)
        self.timeline_box = QWidget(self)
        tbox = QVBoxLayout(self.timeline_box)
        tbox.setContentsMargins(0, 0, 0, 0)
        tbox.setSpacing(4)
        tbox.addWidget(self.timeline_title)
        tbox.addWidget(self.timeline)
        self.right = QWidget(self)
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.timeline_box)

        self.note = QLineEdit(self)
        self.note.setObjectName("quickNote")
        self.note.setPlaceholderText(
            self.tr("Quick note: type and press Enter (Ctrl+Enter jumps here)")
        )
        self.note.setMaxLength(2000)
        # No mnemonic: each step has its own note field, and Alt+N must reach that one; the
        # quick note is Ctrl+Enter.
        self.note_label = QLabel(self.tr("Note"), self)
        self.note_label.setBuddy(self.note)
        self.note_message = MessageBox(self)

        # "sparat ✓": what the last Enter recorded, and when; the step has moved on by then.
        self.saved = QLabel(self)
        self.saved.setObjectName("savedLine")
        self.saved.setProperty("severity", "ok")
        self.saved.setTextFormat(Qt.TextFormat.PlainText)
        self.saved.hide()
        middle = QVBoxLayout()
        middle.setSpacing(2)
        middle.addWidget(self.saved)
        middle.addWidget(self.step_area, 1)
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.left)
        body.addLayout(middle, 1)
        body.addWidget(self.right)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.linked_ads)
        layout.addWidget(self.explanation)
        layout.addWidget(self.missing)
        layout.addLayout(body, 1)
        layout.addWidget(self.note_message)
        layout.addLayout(note_row)
        self._arrange(wide=True)
        self.setTabOrder(self.checklist, self.step_area)
        self.setTabOrder(self.step_area, self.note)

    def _connect(self) -> None:
        self.checklist.selectionModel().currentChanged.connect(self._on_current_changed)
        self.checklist.activated.connect(self._on_activated)
        self.checklist.clicked.connect(self._on_activated)
        self.header.explain_requested.connect(self.toggle_explanation)
        self.header.back_requested.connect(self._back)
        self.linked_ads.link_requested.connect(self.open_link_dialog)
        self.note.returnPressed.connect(self._add_note)
        self.note.textEdited.connect(self._note_edited)
        self.workspace.changed.connect(self._on_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _arrange(self, *, wide: bool) -> None:
        """Timeline on the right when there is room; under the checklist when not."""
        self._wide = wide
        scale = text_scale()
        if wide:
            self.left.setFixedWidth(round(CHECKLIST_WIDTH * scale))
            if self.timeline_box.parent() is not self.right:
                self.right_layout.addWidget(self.timeline_box)
            self.right.setFixedWidth(round(TIMELINE_WIDTH * scale))
            self.right.show()
        else:
            self.left.setFixedWidth(round(CHECKLIST_WIDTH * scale))
            if self.timeline_box.parent() is not self.left:
                self.left.addWidget(self.timeline_box)
                self.left.setStretchFactor(0, 3)  # the checklist is the spine: most room
                self.left.setStretchFactor(1, 2)
            self.right.hide()
        self.timeline_box.setVisible(wide or self.height() >= SHORT_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = text_scale()
        room = event.size().width() - (CHECKLIST_WIDTH + TIMELINE_WIDTH) * scale - 44
        wide = room >= MIN_STEP_WIDTH * scale
        if wide != self._wide:
            self._arrange(wide=wide)
        # Narrow and low (1024×600): the timeline folds away, so that the checklist, the
        # spine, keeps its rows (it had two left). It comes back when there is room.
        short = event.size().height() < SHORT_HEIGHT
        self.timeline_box.setVisible(wide or not short)

    # -- opening a case -----------------------------------------------------------------------

    def open_case(self, case_id: str, step: str | None = None) -> None:
        """Show ``case_id`` at ``step`` (a checklist key), or at its first open step."""
        self.flush()
        if self.case_id != case_id:
            self.workspace.autosaver.cancel_prefix(f"case/{self.case_id}/")
        self.case_id = case_id
        self._load_view()
        self.timeline_model.load(self.workspace.case_events(case_id))
        self._restore_note()
        self.explanation.hide()
        self.missing.hide()
        self.saved.hide()
        key = step if step and self.checklist_model.row_of(step) >= 0 else None
        self._select(key or self._first_open_key(), focus=True)

    def _load_view(self) -> None:
        assert self.case_id is not None
        ctx = self.workspace.ctx
        self.view = cases.case_view(ctx, self.case_id)
        self.states = self._states(self.view)
        self._people = {
            r.entity_id: str(r.get("name", ""))
            for r in ctx.records.find("person", case_id=self.case_id, include_voided=True)
        }
        self.header.show_view(self.view)
        self.linked_ads.load(self.case_id)
        self.explanation_text.setText("\n".join(case_status(self.view).explanation))
        self.checklist_model.set_rows(self._rows(self.view, self.states))
        if self.missing.isVisible():
            self.missing_text.setText(self.missing_words(still_missing(self.view, self.states)))

    def _states(self, view: CaseView) -> list[ItemState]:
        from fieldapp.workflow.checklist import checklist_state

        ticks = operation_ticks(self.workspace.ctx.records, view.case.operation_id)
        return checklist_state(view, ticks)

    # -- the spine ----------------------------------------------------------------------------

    def _rows(self, view: CaseView, states: list[ItemState]) -> list[StepRow]:
        """The workflow's spine of the case (``case_spine``), in words."""
        swedish = current_language() == "sv"
        rows: list[StepRow] = []
        for step in case_steps(view, states):
            if step.kind is StepKind.PHASE and step.phase is not None:
                phase = step.phase
                title = phase.title_sv if swedish else phase.title_en
                rows.append(StepRow(f"phase:{phase.id}", "phase", title))
            elif step.kind is StepKind.ITEM and step.state is not None:
                rows.append(self._item_row(step.state, step.evidence))
            elif step.kind is StepKind.ADD:
                rows.append(
                    StepRow(
                        f"add:{step.role}",
                        "action",
                        self._add_text(step),
                        mandatory=step.first,
                        phase=step.phase_id,
                    )
                )
            elif step.kind is StepKind.WITNESS and step.person is not None:
                name = step.person.get("name", "")
                rows.append(
                    StepRow(
                        f"person:{step.person.entity_id}",
                        "action",
                        self.tr("Witness: {name}").format(name=name),
                        done=True,
                    )
                )
            elif step.kind is StepKind.CLOSE:
                rows.append(
                    StepRow(
                        "close",
                        "action",
                        self.tr("Close the case")
                        if step.status == "open"
                        else self.tr("Case {status}").format(status=word(CASE_STATUS, step.status)),
                        done=step.status != "open",
                    )
                )
        return rows

    def _add_text(self, step: Step) -> str:
        if step.role == "buyer":
            return self.tr("Add the buyer") if step.first else self.tr("Add another buyer")
        if step.role == "seller":
            return self.tr("Add the seller") if step.first else self.tr("Add another seller")
        return self.tr("Add a witness")

    def _item_row(self, state: ItemState, evidence: Record | None) -> StepRow:
        details = []
        if state.subject_id:
            details.append(short_name(self._people.get(state.subject_id, "")))
        if state.tick is not None:
            who = short_name(self.workspace.officer_name(state.tick.created_by))
            details.append(f"{clock(state.tick.created_at)} {who}")
        elif evidence is not None:
            who = short_name(self.workspace.officer_name(evidence.created_by))
            details.append(f"{clock(evidence_moment(evidence))} {who}")
        key = StepKey("item", state.item.id, state.subject_id).text()
        return StepRow(
            key,
            "item",
            item_text(state.item.id),
            "  ·  ".join(d for d in details if d),
            done=state.done,
            mandatory=state.item.mandatory,
            phase=state.item.phase,
        )

    def _first_open_key(self) -> str:
        """The first step still to do at the scene, in checklist order; else closing."""
        return next((r.key for r in self.checklist_model.rows() if r.is_open_step), "close")

    def _next_open_key(self, after: str | None) -> str:
        """The next step still to do after ``after`` (wrapping round); else closing."""
        rows = self.checklist_model.rows()
        start = next((i for i, r in enumerate(rows) if r.key == after), -1)
        ordered = rows[start + 1 :] + rows[: start + 1]
        return next((r.key for r in ordered if r.is_open_step and r.key != after), "close")

    def _select(self, key: str, *, focus: bool) -> None:
        row = self.checklist_model.row_of(key)
        if row < 0:
            key = "close"
            row = self.checklist_model.row_of(key)
        index = self.checklist_model.index(row, 0)
        self.checklist.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.checklist.scrollTo(index)
        self._show_step(key)
        if focus and self.panel is not None:
            self.panel.focus_first()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self.workspace.active:
            return
        key = current.data(ID_ROLE)
        if key and not str(key).startswith("phase:"):
            self._show_step(str(key))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if not self.workspace.active:
            return
        key = index.data(ID_ROLE)
        if key and not str(key).startswith("phase:"):
            self._show_step(str(key))
            if self.panel is not None:
                self.panel.focus_first()

    def _show_step(self, key_text: str) -> None:
        if self.view is None:
            return
        key = StepKey.parse(key_text)
        wanted = panel_id_for(key)
        self._step_key = key
        # A panel serves its own case only: "case", "close" or "add the buyer" have the same
        # id in every case, and the old case's form must never take the new case's typing.
        if (
            self.panel is not None
            and self.panel.panel_id == wanted
            and self.panel.case_id == self.case_id
        ):
            self.panel.show_key(key)
            return
        focus = QApplication.focusWidget()
        typing_here = (
            self.panel is not None and focus is not None and (self.panel.isAncestorOf(focus))
        )
        if self.panel is not None:
            # Saved before the next panel is built: an entry time typed a moment ago is the
            # one the next step's time fields are placed near.
            self.panel.flush()
        panel = self._make_panel(key)
        if self.panel is not None:
            old = self.step_area.takeWidget()
            if old is not None:
                old.hide()
                old.deleteLater()
        self.panel = panel
        if panel is None:
            if typing_here:
                self.checklist.setFocus()
            return
        self.step_area.setWidget(panel)
        panel.guard_buttons()
        panel.show_key(key)
        panel.done.connect(self._on_done)
        panel.next_requested.connect(self._advance)
        panel.missing_requested.connect(self.show_missing)
        if isinstance(panel, PersonStep):
            panel.person_created.connect(self._on_person_created)
        if typing_here:
            # The focus was in the step that went away: put it in this one's first input
            # ourselves rather than leave it wherever Qt's focus chain would send it.
            panel.focus_first()

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field reached by Tab or Alt+letter is scrolled into view."""
        panel = self.step_area.widget()
        if new is not None and panel is not None and panel.isAncestorOf(new):
            # Up or down only: the step is laid out to fit its width, and a sideways
            # scroll would cut the labels off.
            top = new.mapTo(panel, QPoint(0, 0)).y()
            half = new.height() // 2
            self.step_area.ensureVisible(0, top + half, 0, half + 30)

    def _make_panel(self, key: StepKey) -> StepPanel | None:
        view = self.view
        assert view is not None and self.case_id is not None
        ws, case_id = self.workspace, self.case_id
        if key.kind == "add":
            return PersonStep(ws, case_id, key.item, None)
        if key.kind == "person":
            return PersonStep(ws, case_id, WITNESS, key.item)
        if key.kind == "close":
            return CloseStep(ws, view, self.states)
        item, subject = key.item, key.subject
        state = next(
            (s for s in self.states if s.item.id == item and s.subject_id == subject), None
        )
        buyer = view.buyer(subject) if subject else None
        person = self._person(subject)
        if item == "entry":
            return CaseDetailsStep(ws, view)
        if item in PERSON_ITEMS and subject:
            return PersonStep(ws, case_id, PERSON_ITEMS[item], subject)
        if item in ITEM_KINDS and buyer:
            return ElementsStep(ws, case_id, buyer)
        if item == "notice_of_suspicion" and buyer:
            return NoticeStep(ws, case_id, buyer)
        if item in HEARING_ITEMS and person:
            return HearingStep(ws, case_id, person, view)
        if item in SUPPORT_ITEMS and person:
            return SupportStep(ws, case_id, person, view)
        if item in DECISION_ITEMS and buyer:
            return DecisionStep(ws, case_id, buyer)
        if state is not None:
            return TickStep(ws, case_id, state)
        return None

    def _person(self, person_id: str | None) -> Record | None:
        if not person_id or self.view is None:
            return None
        buyer = self.view.buyer(person_id)
        if buyer is not None:
            return buyer.person
        return next(
            (p for p in (*self.view.sellers, *self.view.witnesses) if p.entity_id == person_id),
            None,
        )

    # -- keeping up with changes --------------------------------------------------------------

    @Slot(object)
    def _on_changed(self, change: Change) -> None:
        # The change says which cases it touched (an ad linked or unlinked touches the case).
        if self.case_id is None or not self.workspace.active:
            return
        if not change.concerns_case(self.case_id):
            return
        self.timeline_model.add(change.events)
        if change.kinds == {OBSERVATION_ENTITY}:
            return  # a note changes neither the badge nor the checklist
        self._reload()
        self.case_changed.emit(self.case_id)

    def _reload(self) -> None:
        if self.case_id is None:
            return
        current = self._step_key.text() if self._step_key else None
        self._load_view()
        assert self.view is not None
        if self.panel is not None:
            key = self._key_for_panel(current)
            if key is not None:
                current = key
            self.panel.refresh(self.view)
            self.panel.follow_case_time(self.workspace.case_time(self.case_id))
        if current and self.checklist_model.row_of(current) >= 0:
            index = self.checklist_model.index(self.checklist_model.row_of(current), 0)
            selection = self.checklist.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            self.checklist.viewport().update()
            self._step_key = StepKey.parse(current)

    def _key_for_panel(self, current: str | None) -> str | None:
        """A new person just created: its line is now the person's own."""
        if not isinstance(self.panel, PersonStep) or self.panel.person_id is None:
            return None
        if current is None or not current.startswith("add:"):
            return None
        pid = self.panel.person_id
        role = self.panel.role
        if role == BUYER:
            return f"item:buyer_identified:{pid}"
        if role == SELLER:
            return f"item:seller_age_assessed:{pid}"
        return f"person:{pid}"

    @Slot(str)
    def _on_person_created(self, _person_id: str) -> None:
        """The new person's own line is now the current one (same panel, kept)."""
        key = self._key_for_panel(self._step_key.text() if self._step_key else None)
        if key is not None and self.checklist_model.row_of(key) >= 0:
            self._select(key, focus=False)
        self._person_added = True

    @Slot()
    def _advance(self) -> None:
        """The step is done: open the next open one and put the cursor in it. After adding
        a person that is the first open step (the other person may still be missing).

        At once, not from a timer: a key typed right after Enter must reach the next
        step's field, never the field of the step just recorded."""
        current = self._step_key.text() if self._step_key else None
        first = self._person_added
        self._person_added = False
        if not self.workspace.active:
            return
        self._select(self._first_open_key() if first else self._next_open_key(current), focus=True)

    @Slot()
    def _on_done(self) -> None:
        """A step recorded by Enter: say so ("saved ✓", what, when), then move on."""
        panel = self.sender()
        if isinstance(panel, StepPanel):
            self.saved.setText(
                self.tr("saved ✓ {time}: {step}").format(
                    time=self.workspace.now().strftime("%H:%M:%S"), step=panel.title.text()
                )
            )
            self.saved.show()
        self._advance()

    def next_step(self) -> None:
        current = self._step_key.text() if self._step_key else None
        self._select(self._next_open_key(current), focus=True)

    def previous_step(self) -> None:
        rows = self.checklist_model.rows()
        current = self.checklist_model.row_of(self._step_key.text()) if self._step_key else 0
        for row in reversed(rows[:current]):
            if row.kind != "phase":
                self._select(row.key, focus=True)
                return

    def focus_step(self) -> None:
        """The cursor in the open step's first input (the screen has just been shown)."""
        if self.panel is not None:
            self.panel.focus_first()
        else:
            self.checklist.setFocus()

    def focus_checklist(self) -> None:
        self.checklist.setFocus()

    # -- the quick note -----------------------------------------------------------------------

    def _note_key(self) -> str:
        return f"case/{self.case_id}/quick-note"

    def _restore_note(self) -> None:
        draft = self.workspace.load_draft(self._note_key())
        self.note.setText(str(draft.get("text", "")) if draft else "")
        self.note_message.clear_message()

    @Slot(str)
    def _note_edited(self, _text: str) -> None:
        key = self._note_key()
        self.workspace.autosaver.schedule(
            key, lambda: self.workspace.save_draft(key, {"text": self.note.text()}), self.note
        )

    @Slot()
    def _add_note(self) -> None:
        text = self.note.text().strip()
        if not text or self.case_id is None:
            return
        try:
            self.workspace.run(cases.add_observation, self.case_id, text)
        except Exception as exc:
            self.note_message.show_message(refusal_text(exc, "quick note"))
            return
        self.note_message.clear_message()
        self.note.clear()
        self.workspace.autosaver.cancel(self._note_key())
        self.workspace.discard_draft(self._note_key())

    def focus_quick_note(self) -> None:
        self.note.setFocus()

    # -- global actions -----------------------------------------------------------------------

    @Slot()
    def open_link_dialog(self) -> None:
        """Ctrl+K: link this case to an ad found by phone number or text (Enter links)."""
        if self.case_id is None or not self.workspace.active:
            return
        from ui.ads.link_dialog import LinkAdDialog

        # Closed first, so that the focus taken below is the case's, not the old dialog's.
        self.link_dialog.close()
        self.flush()
        before = QApplication.focusWidget()
        dialog = LinkAdDialog(self.workspace, self.case_id, self)
        self.link_dialog.open(dialog, lambda _dialog: self._link_dialog_closed(before))

    def _link_dialog_closed(self, before: QWidget | None) -> None:
        if self.case_id is not None and self.workspace.active:
            self.linked_ads.load(self.case_id)
        self.window().activateWindow()  # the case's keys work again at once
        if before is not None and before.isVisible():
            before.setFocus()

    @Slot()
    def toggle_explanation(self) -> None:
        self.explanation.setVisible(not self.explanation.isVisible())

    @Slot()
    def toggle_missing(self) -> None:
        """F4: what is still missing, per buyer (shown, or hidden again)."""
        if self.missing.isVisible():
            self.missing.hide()
        else:
            self.show_missing()

    @Slot()
    def show_missing(self) -> None:
        if self.view is None:
            return
        self.missing_text.setText(self.missing_words(still_missing(self.view, self.states)))
        self.missing.show()

    def missing_words(self, missing: StillMissing) -> str:
        """The panel's text: a line per buyer, then the case's other open steps."""
        if missing.nothing:
            return self.tr("Nothing is missing: every element and every mandatory step is done.")
        lines = [self.tr("Still missing (F4 hides this):")]
        for buyer in missing.buyers:
            name = short_name(self._people.get(buyer.buyer_id, ""))
            parts = []
            if buyer.elements:
                parts.append(
                    self.tr("for a completed offence: {elements}").format(
                        elements=", ".join(
                            word(ELEMENT_KINDS, e.value).lower() for e in buyer.elements
                        )
                    )
                )
            if buyer.items:
                parts.append(
                    self.tr("steps: {steps}").format(
                        steps=", ".join(item_text(i) for i in buyer.items)
                    )
                )
            if not parts:
                parts.append(self.tr("nothing"))
            lines.append(f"•  {name}: " + "; ".join(parts))
        if missing.other:
            steps = []
            for item, subject in missing.other:
                who = short_name(self._people.get(subject, "")) if subject else ""
                steps.append(f"{item_text(item)} ({who})" if who else item_text(item))
            lines.append("•  " + self.tr("The case: {steps}").format(steps=", ".join(steps)))
        return "\n".join(lines)

    def print_here(self) -> None:
        """Ctrl+P: what belongs to the step (form, leaflet), else the case summary."""
        if self.panel is not None and self.panel.print_document():
            return
        if self.case_id is None:
            return
        try:
            pdf = service.case_summary_pdf(self.workspace.ctx, self.case_id)
        except Exception as exc:
            self.note_message.show_message(refusal_text(exc, "case summary"))
            return
        self.workspace.show_document(
            self, pdf, self.tr("Case summary"), suggested_name="arendesammanfattning.pdf"
        )

    @Slot()
    def _back(self) -> None:
        self.flush()
        self.back_requested.emit()

    def current_step(self) -> str | None:
        return self._step_key.text() if self._step_key else None

    def flush(self) -> None:
        if self.panel is not None:
            self.panel.flush()
        if self.case_id is not None:
            self.workspace.autosaver.flush(self._note_key())
