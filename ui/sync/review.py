"""The station's review queue: alarms raised by imports and conflicts found by merging,
one list on the left, the selected item on the right. A conflict shows both values side by
side with who wrote each, on which laptop and when; the reviewer keeps one (a new entry
naming both). An alarm is closed with a note of what was done."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.storage.records import Record
from fieldapp.storage.session import Session
from fieldapp.sync.review import (
    Conflict,
    Side,
    close_alarm,
    open_alarms,
    open_conflicts,
    resolve_conflict,
)
from ui.forms import FieldMessage, muted_label
from ui.sync.backend import StationBackend, station_backend
from ui.sync.common import Panel, attempt
from ui.sync.models import Laptops, ReviewItem, ReviewQueueModel, case_text
from ui.sync.texts import alarm_advice, alarm_kind_text, field_text, value_text
from ui.theme import FOCUS_COLOR, TITLE_POINT_SIZE, sized_font
from ui.widgets import action_button
from ui.words import ENTITY_TYPES, day_and_clock, word

_VALUE_POINT_SIZE = 16.0
_QUEUE_STYLE = f"""
QListView::item {{ padding: 6px 8px; border-bottom: 1px solid #30343b; }}
QListView::item:selected {{
    background: #2f4f7f;
    color: #ffffff;
    border-left: 3px solid {FOCUS_COLOR};
}}
"""


def _heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setFont(sized_font(label, TITLE_POINT_SIZE - 4, bold=True))
    label.setWordWrap(True)
    return label


class SidePanel(Panel):
    """One side of a conflict: the value large, then who, where and when."""

    keep = Signal()

    def __init__(self, heading: str, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(heading, parent)
        self.value = QLabel(self)
        self.value.setFont(sized_font(self.value, _VALUE_POINT_SIZE, bold=True))
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.who = QLabel(self)
        self.where = QLabel(self)
        self.when = QLabel(self)
        details = QFormLayout()
        details.setHorizontalSpacing(10)
        details.setVerticalSpacing(4)
        details.addRow(muted_label(self.tr("By"), self), self.who)
        details.addRow(muted_label(self.tr("On"), self), self.where)
        details.addRow(muted_label(self.tr("At"), self), self.when)
        for label in (self.who, self.where, self.when):
            label.setWordWrap(True)
        self.button = action_button(button_text, self)
        self.body.addWidget(self.value)
        self.body.addLayout(details)
        self.body.addStretch(1)
        self.body.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.button.clicked.connect(self.keep)

    def show_side(self, field: str, side: Side, laptops: Laptops) -> None:
        self.value.setText(value_text(field, side.value))
        self.who.setText(laptops.author(side))
        self.where.setText(laptops.label(side.device_id))
        self.when.setText(day_and_clock(side.wall_time))


class ConflictPane(QWidget):
    """Both values of one conflict, side by side; a button under each keeps that one."""

    resolved = Signal()

    def __init__(self, station: Session | StationBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self.conflict: Conflict | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.heading = _heading(self)
        self.case = QLabel(self)
        self.case.setWordWrap(True)
        self.explanation = muted_label(
            self.tr(
                "Two edits of the same field met here. The record keeps the current value "
                "until you choose; your choice is recorded as a new entry that names both."
            ),
            self,
        )
        self.current = SidePanel(self.tr("Current value"), self.tr("Keep the c&urrent value"), self)
        self.incoming = SidePanel(
            self.tr("Incoming value"), self.tr("Keep the i&ncoming value"), self
        )
        self.message = FieldMessage(self)
        sides = QHBoxLayout()
        sides.setSpacing(12)
        sides.addWidget(self.current, 1)
        sides.addWidget(self.incoming, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.case)
        layout.addWidget(self.explanation)
        layout.addLayout(sides)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.current.keep.connect(self.keep_current)
        self.incoming.keep.connect(self.keep_incoming)

    def show_conflict(self, conflict: Conflict, case: str, laptops: Laptops) -> None:
        self.conflict = conflict
        self.message.clear_message()
        self.heading.setText(
            self.tr("{what}: {field}").format(
                what=word(ENTITY_TYPES, conflict.entity_type), field=field_text(conflict.field)
            )
        )
        self.case.setText(self.tr("Case: {case}").format(case=case) if case else "")
        self.case.setVisible(bool(case))
        self.current.show_side(conflict.field, conflict.current, laptops)
        self.incoming.show_side(conflict.field, conflict.incoming, laptops)

    @Slot()
    def keep_current(self) -> None:
        if self.conflict is not None:
            self._resolve(self.conflict.current.value)

    @Slot()
    def keep_incoming(self) -> None:
        if self.conflict is not None:
            self._resolve(self.conflict.incoming.value)

    def _resolve(self, value: Any) -> None:
        conflict = self.conflict
        assert conflict is not None
        if attempt(
            self.message,
            lambda: resolve_conflict(self.backend.review, conflict, value),
            "sync review",
        ).ok:
            self.resolved.emit()


class AlarmPane(QWidget):
    """One alarm: what happened, on which laptop, which bundle; closed with a note."""

    closed = Signal()

    def __init__(self, station: Session | StationBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self.alarm: Record | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.heading = _heading(self)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.laptop = QLabel(self)
        self.bundle = QLabel(self)
        self.raised = QLabel(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = QFormLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(6)
        facts.addRow(muted_label(self.tr("Laptop"), self), self.laptop)
        facts.addRow(muted_label(self.tr("Bundle"), self), self.bundle)
        facts.addRow(muted_label(self.tr("Raised"), self), self.raised)
        facts.addRow(muted_label(self.tr("Detail"), self), self.detail)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(
            self.tr("e.g. The cloned laptop was taken out of use; bundle resent.")
        )
        self.note.setMaxLength(500)
        note_label = QLabel(self.tr("&Note: what was done"), self)
        note_label.setBuddy(self.note)
        self.close_button = action_button(self.tr("Cl&ose the alarm"), self, primary=True)
        self.message = FieldMessage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addLayout(facts)
        layout.addSpacing(6)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.close_button.clicked.connect(self.close_with_note)
        self.note.returnPressed.connect(self.close_with_note)

    def show_alarm(self, alarm: Record, laptops: Laptops) -> None:
        self.alarm = alarm
        self.message.clear_message()
        self.note.clear()
        kind = alarm.get("kind")
        self.heading.setText(alarm_kind_text(kind))
        self.advice.setText(alarm_advice(kind))
        self.laptop.setText(laptops.label(str(alarm.get("device_id", ""))))
        self.bundle.setText(
            self.tr("entries {first} to {last}").format(
                first=alarm.get("from_seq", "?"), last=alarm.get("to_seq", "?")
            )
        )
        self.raised.setText(day_and_clock(alarm.created_at))
        # Where it went wrong, in words; the record's own detail is technical English
        # for the CLI (``fieldapp sync review``).
        seq = alarm.get("seq")
        if seq is not None:
            self.detail.setText(self.tr("At entry {seq} of the laptop's record.").format(seq=seq))
        else:
            self.detail.setText(self.tr("The bundle as a whole."))

    @Slot()
    def close_with_note(self) -> None:
        alarm = self.alarm
        if alarm is None:
            return
        note = self.note.text()
        if attempt(
            self.message,
            lambda: close_alarm(self.backend.review, alarm.entity_id, note),
            "sync review",
        ).ok:
            self.closed.emit()


class ReviewTab(QWidget):
    """The queue and the pane of the selected item."""

    changed = Signal()  # something was resolved or closed
    counts_changed = Signal(int, int)  # open alarms, open conflicts

    def __init__(self, station: Session | StationBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.model = ReviewQueueModel(self.backend, self)
        self.queue = QListView(self)
        self.queue.setObjectName("reviewQueue")
        self.queue.setModel(self.model)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.setWordWrap(True)
        # Two lines per item, set apart: the theme pads only the lists it knows.
        self.queue.setStyleSheet(_QUEUE_STYLE)
        self.queue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue.setResizeMode(QListView.ResizeMode.Adjust)
        self.queue.setFixedWidth(400)
        self.empty = muted_label(
            self.tr("Nothing to review: no open conflicts and no open alarms."), self
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.conflict_pane = ConflictPane(self.backend, self)
        self.alarm_pane = AlarmPane(self.backend, self)
        self.panes = QStackedWidget(self)
        self.panes.addWidget(self.empty)
        self.panes.addWidget(self.conflict_pane)
        self.panes.addWidget(self.alarm_pane)
        # Who settled what: the latest settlements under the open items, each by name.
        self.settled = QListWidget(self)
        self.settled.setObjectName("settledConflicts")
        self.settled.setWordWrap(True)
        self.settled.setFixedWidth(400)
        self.settled.setMaximumHeight(self.fontMetrics().height() * 9)
        self.settled.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.settled.setStyleSheet(_QUEUE_STYLE)  # entries set apart, as in the queue
        settled_label = QLabel(self.tr("Se&ttled conflicts"), self)
        settled_label.setBuddy(self.settled)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.queue, 1)
        column.addWidget(settled_label)
        column.addWidget(self.settled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(column)
        layout.addWidget(self.panes, 1)
        self.panes.setMaximumWidth(980)  # both values within one glance on a wide screen

    def _connect(self) -> None:
        self.queue.selectionModel().currentChanged.connect(self._on_current)
        self.conflict_pane.resolved.connect(self._on_settled)
        self.alarm_pane.closed.connect(self._on_settled)

    def reload(self, keep_row: int = 0) -> None:
        """Read the open alarms and conflicts; select the item at ``keep_row`` (or the
        last), so that settling one moves straight on to the next."""
        review = self.backend.review
        self.model.load(open_alarms(review), open_conflicts(review))
        count = self.model.rowCount()
        if count:
            self.queue.setCurrentIndex(self.model.index(min(keep_row, count - 1), 0))
        self._show_current()
        self._fill_settled()
        self.counts_changed.emit(*self.model.counts())

    def _fill_settled(self) -> None:
        self.settled.clear()
        for item in self.backend.settled():
            case = case_text(self.backend, item.entity_type, item.entity_id)
            text = self.tr("{what}, {field}: {value}\nsettled by {who}, {when}").format(
                what=word(ENTITY_TYPES, item.entity_type),
                field=field_text(item.field),
                value=value_text(item.field, item.value),
                who=item.by,
                when=day_and_clock(item.wall_time),
            )
            QListWidgetItem(f"{text}\n{case}" if case else text, self.settled)
        if not self.settled.count():
            QListWidgetItem(self.tr("None yet."), self.settled)

    def item(self) -> ReviewItem | None:
        return self.model.item(self.queue.currentIndex().row())

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        item = self.item()
        if item is None:
            self.panes.setCurrentWidget(self.empty)
        elif item.alarm is not None:
            self.alarm_pane.show_alarm(item.alarm, self.model.laptops)
            self.panes.setCurrentWidget(self.alarm_pane)
        elif item.conflict is not None:
            case = self.model.case_text(item.conflict)
            self.conflict_pane.show_conflict(item.conflict, case, self.model.laptops)
            self.panes.setCurrentWidget(self.conflict_pane)

    @Slot()
    def _on_settled(self) -> None:
        row = self.queue.currentIndex().row()
        self.reload(max(row, 0))
        self.changed.emit()
        self.queue.setFocus()
