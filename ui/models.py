"""Item models for the lists and tables: they hold ids and fetch each row when a view first
asks for it (DESIGN §6), so a list of 1,000 cases costs only the rows on screen.

Every model here passes pytest-qt's ``qtmodeltester``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from fieldapp.documents.text import phone as phone_text
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.operation import CONTACT_ENTITY, OPERATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.storage.events import Event
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import load_case_view, operation_ticks
from fieldapp.workflow.checklist import checklist_state
from fieldapp.workflow.history import as_entered, first_entries
from fieldapp.workflow.operations import operation_group, operations
from ui.status import case_status
from ui.table_model import ID_ROLE, AnyIndex, ColumnTableModel, brush
from ui.theme import HINT_COLOR, MUTED_COLOR, OK_COLOR, sized_font, text_scale
from ui.words import CASE_STATUS, CONTACT_ROLES, OUTCOMES_SHORT, short_moment, short_name, word
from ui.workspace import Workspace

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EMPTY = QModelIndex()


# -- cases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    start: str
    place: str
    room: str
    badge: str
    badge_kind: str
    flags: str
    open_items: int
    state: str


class CaseListModel(ColumnTableModel):
    """The cases of one operation, newest first; each row computed when first shown."""

    COLUMNS = ("time", "place", "status", "flags", "open")

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, *, merge_flags: bool = False
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.merge_flags = merge_flags  # flags shown with the status (narrow tables)
        self._ids: list[str] = []
        self._rows: dict[str, CaseRow] = {}
        self._search: dict[str, str] | None = None
        self._operation_ticks: tuple[Record, ...] | None = None
        self._filter = ""
        self._operation_id: str | None = None

    # -- loading ------------------------------------------------------------------------------

    def load(self, operation_id: str | None, filter_text: str = "") -> None:
        self.beginResetModel()
        self._operation_id = operation_id
        self._filter = filter_text.strip().lower()
        self._rows.clear()
        self._operation_ticks = None
        self._ids = self._matching_ids()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        if text.strip().lower() != self._filter:
            self.load(self._operation_id, text)

    def _matching_ids(self) -> list[str]:
        if self._operation_id is None:
            return []
        records = self._workspace.ctx.records
        if not self._filter:  # newest first, sorted by SQLite: nothing decoded
            return records.ids_latest_first(CASE_ENTITY, self._operation_id, "start")
        found = records.find(CASE_ENTITY, operation_id=self._operation_id)
        found.sort(key=lambda r: str(r.get("start", "")), reverse=True)
        index = self._search_index(found)
        words = self._filter.split()
        return [r.entity_id for r in found if all(w in index.get(r.entity_id, "") for w in words)]

    def _search_index(self, found: Sequence[Record]) -> dict[str, str]:
        """Place, address, room, municipality and the names of the people in each case."""
        if self._search is None:
            index = {
                r.entity_id: " ".join(
                    str(r.get(k, "")) for k in ("place_name", "address", "room", "municipality")
                ).lower()
                for r in found
            }
            records = self._workspace.ctx.records
            for person in records.find(PERSON_ENTITY, operation_id=self._operation_id):
                if person.case_id in index:
                    index[person.case_id] += " " + str(person.get("name", "")).lower()
            self._search = index
        return self._search

    def refresh_case(self, case_id: str) -> None:
        """A case changed: its row is computed again when next shown."""
        self._rows.pop(case_id, None)
        self._search = None
        if case_id in self._ids:
            row = self._ids.index(case_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        else:
            self.load(self._operation_id, self._filter)

    def case_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: str) -> int:
        return self._ids.index(case_id) if case_id in self._ids else -1

    def ids(self) -> list[str]:
        return list(self._ids)

    def _row(self, case_id: str) -> CaseRow:
        row = self._rows.get(case_id)
        if row is None:
            row = self._compute(case_id)
            self._rows[case_id] = row
        return row

    def _compute(self, case_id: str) -> CaseRow:
        ctx = self._workspace.ctx
        view = load_case_view(ctx.records, case_id, ctx.completion_rule)
        if self._operation_ticks is None:
            self._operation_ticks = operation_ticks(ctx.records, self._operation_id)
        states = checklist_state(view, self._operation_ticks)
        status = case_status(view)
        case = view.case
        return CaseRow(
            start=short_moment(case.get("start")),
            place=str(case.get("place_name") or case.get("address") or ""),
            room=str(case.get("room") or ""),
            badge=status.text,
            badge_kind=status.kind,
            flags=status.short_flags,
            open_items=sum(1 for s in states if s.blocks_closing),
            state=str(case.get("status", "")),
        )

    # -- the model ----------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._ids)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Entry"),
            self.tr("Place and room"),
            self.tr("Status"),
            self.tr("Flags"),
            self.tr("Open"),
        )

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        case_id = self._ids[index.row()]
        if role == ID_ROLE:
            return case_id
        column = self.COLUMNS[index.column()]
        if role not in (_DISPLAY, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(case_id)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status":
                if self.merge_flags and row.flags:
                    return brush("#ff9d8f")
                if row.state != "open":
                    return brush(MUTED_COLOR)
                return brush(
                    {"completed": OK_COLOR, "attempt": HINT_COLOR}.get(row.badge_kind, MUTED_COLOR)
                )
            if column == "flags" and row.flags:
                return brush("#ff9d8f")
            if column == "open" and row.open_items:
                return brush(HINT_COLOR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.place} {row.room}\n{row.badge} {row.flags}".strip()
        room = self.tr("room {room}").format(room=row.room)
        place = f"{row.place}, {room}" if row.room else row.place
        status = row.badge
        if row.state != "open":
            short = word(OUTCOMES_SHORT, row.badge_kind)
            status = f"{word(CASE_STATUS, row.state).capitalize()} · {short}"
        if self.merge_flags and row.flags:
            status = f"{status} · {row.flags}"
        values = {
            "time": row.start,
            "place": place,
            "status": status,
            "flags": row.flags,
            "open": str(row.open_items) if row.state == "open" else "–",
        }
        return values[column]


# -- the checklist ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StepRow:
    """One line of the checklist pane: a phase heading, an item, or an action."""

    key: str
    kind: str  # phase | item | action
    title: str
    detail: str = ""
    done: bool = False
    mandatory: bool = False
    phase: str = ""

    @property
    def is_open_step(self) -> bool:
        """A step the officer still has to do at the scene (what "next" moves to)."""
        if self.kind == "phase" or self.done or self.phase != "scene":
            return False
        return self.kind == "item" or self.mandatory


class ChecklistModel(QAbstractListModel):
    """The case's checklist as the spine: phases, the items that apply, who ticked what."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StepRow] = []

    def set_rows(self, rows: Sequence[StepRow]) -> None:
        new = list(rows)
        if [r.key for r in new] == [r.key for r in self._rows]:
            self._rows = new  # same lines: repaint, keep the selection
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, 0))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def rows(self) -> list[StepRow]:
        return list(self._rows)

    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def step(self, row: int) -> StepRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = _EMPTY) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == "phase":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == _DISPLAY:
            if row.kind == "phase":
                return row.title.upper()
            mark = "✓" if row.done else ("●" if row.mandatory else "○")
            if row.kind == "action":
                mark = "→"
            text = f"{mark}  {row.title}"
            return f"{text}\n     {row.detail}" if row.detail else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{row.detail}".strip()
        if role == ID_ROLE:
            return row.key
        if role == KIND_ROLE:
            return row.kind
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.kind == "phase":
                return brush("#7fb2ff")
            if row.done:
                return brush(MUTED_COLOR)
            if row.mandatory:
                return brush("#ffffff")
            return brush("#c9ced6")
        if role == Qt.ItemDataRole.FontRole and row.kind == "phase":
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(9.0 * text_scale())
            return font
        return None


# -- the timeline ----------------------------------------------------------------------------


class TimelineModel(QAbstractListModel):
    """Every event of a case, newest first. ``describe`` words an event on first display.

    The amends that finish a record's first entry (``fieldapp.workflow.history``) are no
    lines of their own: the record's creation line shows the record as entered. Only
    what changes it afterwards is a correction.
    """

    def __init__(
        self, describe: Callable[[Event, dict[str, Event]], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._describe = describe
        self._ids: list[str] = []
        self._events: dict[str, Event] = {}
        self._texts: dict[str, str] = {}
        self._folded: dict[str, str] = {}  # amend id → the create whose first entry it ends
        self._names: Callable[[str], str] = lambda officer_id: officer_id

    def set_officer_names(self, names: Callable[[str], str]) -> None:
        self._names = names

    def load(self, events: Sequence[Event]) -> None:
        self.beginResetModel()
        self._events = {e.id: e for e in events}
        self._folded = first_entries(events)
        ordered = sorted(events, key=_applied, reverse=True)
        self._ids = [e.id for e in ordered if e.id not in self._folded]
        self._texts.clear()
        self.endResetModel()

    def add(self, events: Sequence[Event]) -> None:
        """New events: they go on top (events come in the order they were applied)."""
        fresh = [e for e in events if e.id not in self._events]
        if not fresh:
            return
        for event in fresh:
            self._events[event.id] = event
        if any(e.kind == "amend" for e in fresh):
            # Only a new amend can join a first entry (a note never does): the quick note
            # is timed, and stays clear of this pass over the case's events.
            self._folded = first_entries(self._events.values())
        for event in fresh:
            create_id = self._folded.get(event.id)
            if create_id is not None and create_id in self._ids:
                # The first entry goes on: the creation line shows the record as entered.
                self._texts.pop(create_id, None)
                row = self._ids.index(create_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        shown = [e for e in fresh if e.id not in self._folded]
        if not shown:
            return
        self.beginInsertRows(QModelIndex(), 0, len(shown) - 1)
        self._ids[0:0] = [e.id for e in sorted(shown, key=_applied, reverse=True)]
        self.endInsertRows()

    def event_at(self, row: int) -> Event | None:
        if 0 <= row < len(self._ids):
            return self._events[self._ids[row]]
        return None

    def texts(self) -> list[str]:
        """Every row's text (tests and the bench read what the officer sees)."""
        return [str(self.data(self.index(r, 0))) for r in range(len(self._ids))]

    def _head(self, event: Event) -> tuple[str, str]:
        """When it happened and who recorded it; and, to go at the end, when it was
        recorded if that was another time."""
        recorded = _when(event.wall_time)
        happened = None
        if event.kind == "create":
            data = event.data.get("data", {})
            value = data.get("at") or data.get("offered_at")
            happened = _when(value) if isinstance(value, str) else None
        head = f"{happened or recorded}  ·  {short_name(self._names(event.officer_id))}"
        if happened and happened != recorded:
            return head, "  (" + self.tr("rec. {time}").format(time=recorded) + ")"
        return head, ""

    def _as_entered(self, event: Event) -> Event:
        """A creation with the amends of its first entry applied (else the event)."""
        amends = [self._events[a] for a, c in self._folded.items() if c == event.id]
        if not amends:
            return event
        amends.sort(key=lambda e: e.seq)
        body = {**event.data, "data": as_entered(event, amends)}
        return dataclasses.replace(event, body=orjson.dumps(body))

    def rowCount(self, parent: AnyIndex = _EMPTY) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        event_id = self._ids[index.row()]
        event = self._events[event_id]
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            # Worded once: a view asks every row again whenever one is added.
            text = self._texts.get(event_id)
            if text is None:
                head, recorded = self._head(event)
                text = f"{head}\n{self._describe(self._as_entered(event), self._events)}{recorded}"
                self._texts[event_id] = text
            return text
        if role == ID_ROLE:
            return event_id
        if role == KIND_ROLE:
            return event.kind
        if role == Qt.ItemDataRole.ForegroundRole:
            if event.kind == "access":
                return brush(MUTED_COLOR)
            if event.kind in ("amend", "void"):
                return brush(HINT_COLOR)
            return None
        return None


def _when(iso: str) -> str:
    """``21:42`` today, ``26/11 21:42`` on another day."""
    moment = datetime.fromisoformat(iso).astimezone()
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%d/%m %H:%M")


def _applied(event: Event) -> tuple[str, int]:
    # The hybrid clock orders events across laptops; seq breaks ties within one.
    return (event.hlc, event.seq)


# -- contacts and operations -----------------------------------------------------------------


class ContactsModel(ColumnTableModel):
    """The operation's contacts on duty: who, the number (large), when they answer."""

    COLUMNS = ("role", "organisation", "phone", "hours")

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, *, big_numbers: bool = False
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._ids: list[str] = []
        self._rows: dict[str, Record] = {}
        self._big = big_numbers

    def load(self, operation_id: str | None) -> None:
        self.beginResetModel()
        self._rows.clear()
        records = self._workspace.ctx.records
        found = records.find(CONTACT_ENTITY, operation_id=operation_id) if operation_id else []
        self._ids = [c.entity_id for c in found]
        self.endResetModel()

    def _record(self, contact_id: str) -> Record | None:
        record = self._rows.get(contact_id)
        if record is None:
            record = self._workspace.ctx.records.get(CONTACT_ENTITY, contact_id)
            if record is None:
                return None
            self._rows[contact_id] = record
        return record

    def row_total(self) -> int:
        return len(self._ids)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Who"), self.tr("Organisation"), self.tr("Phone"), self.tr("Hours"))

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        contact_id = self._ids[index.row()]
        if role == ID_ROLE:
            return contact_id
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.FontRole and column == "phone" and self._big:
            return big_font(16.0)
        if role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self._record(contact_id)
        if record is None:
            return None
        if column == "role":
            return word(CONTACT_ROLES, record.get("role"))
        if column == "organisation":
            unit = record.get("unit")
            name = str(record.get("organisation", ""))
            return f"{name}, {unit}" if unit else name
        if column == "phone":
            number = record.get("phone")
            return phone_text(number) if number else str(record.get("email") or "")
        return str(record.get("hours") or "")


class OperationsModel(ColumnTableModel):
    """Every operation in the vault, the latest first."""

    COLUMNS = ("name", "period", "county", "cases")

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._ids: list[str] = []
        self._rows: dict[str, tuple[str, str, str, str]] = {}

    def load(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        # At the station the laptops' copies linked into an operation are part of its row.
        found = operations(self._workspace.ctx)
        found.sort(key=lambda o: str(o.get("start", "")), reverse=True)
        self._ids = [o.entity_id for o in found]
        self.endResetModel()

    def operation_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, operation_id: str | None) -> int:
        return self._ids.index(operation_id) if operation_id in self._ids else -1

    def _row(self, operation_id: str) -> tuple[str, str, str, str]:
        row = self._rows.get(operation_id)
        if row is None:
            records = self._workspace.ctx.records
            record = records.get(OPERATION_ENTITY, operation_id)
            data = record.data if record else {}
            group = operation_group(self._workspace.ctx, operation_id)
            count = sum(len(records.find(CASE_ENTITY, operation_id=o)) for o in group)
            name = str(data.get("name", ""))
            if len(group) > 1:
                name = self.tr("{name} (with {count} linked copies)").format(
                    name=name, count=len(group) - 1
                )
            row = (
                name,
                f"{data.get('start', '')} – {data.get('end', '')}",
                county_name(data.get("county")),
                str(count),
            )
            self._rows[operation_id] = row
        return row

    def row_total(self) -> int:
        return len(self._ids)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Operation"), self.tr("Period"), self.tr("County"), self.tr("Cases"))

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        operation_id = self._ids[index.row()]
        if role == ID_ROLE:
            return operation_id
        if role == Qt.ItemDataRole.FontRole and operation_id == self._workspace.operation_id:
            font = QFont()
            font.setBold(True)
            return font
        if role != _DISPLAY:
            return None
        return self._row(operation_id)[index.column()]


def county_name(county: object) -> str:
    if not county:
        return ""
    from fieldapp.counties import load_county

    try:
        return load_county(str(county)).name
    except Exception:  # an unknown profile id from another laptop: show the id
        return str(county)


def big_font(size: float, bold: bool = True) -> QFont:
    """A font for numbers read at arm's length (scaled with large text)."""
    font = QFont()
    font.setPointSizeF(size * text_scale())
    font.setBold(bold)
    return font


__all__ = [
    "ID_ROLE",
    "KIND_ROLE",
    "CaseListModel",
    "ChecklistModel",
    "ContactsModel",
    "OperationsModel",
    "StepRow",
    "TimelineModel",
    "big_font",
    "sized_font",
]
