"""Item models of the Sync section: the import results, the review queue, the station's
consolidated case list (ids, rows fetched when first shown) and the operations to link.

Every model here passes pytest-qt's ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    Qt,
)

from fieldapp.domain.case import CASE_ENTITY
from fieldapp.errors import KnownError
from fieldapp.storage.records import Record, Records
from fieldapp.storage.session import Session
from fieldapp.sync.review import Conflict, Side, cases_by_origin, possible_duplicates, review_state
from fieldapp.workflow.cases import case_view
from ui.errors import internal_error_text
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.problem_texts import coded_text
from ui.sync.backend import StationBackend, station_backend
from ui.sync.texts import (
    REFUSED,
    alarm_kind_text,
    field_text,
    laptop_text,
    place_text,
    result_text,
)
from ui.sync.worker import FileResult
from ui.table_model import ID_ROLE, AnyIndex, ColumnTableModel, brush
from ui.theme import ERROR_COLOR, HINT_COLOR, MUTED_COLOR, OK_COLOR
from ui.words import CASE_STATUS, ENTITY_TYPES, OUTCOMES_SHORT, short_moment, short_name, word

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_EMPTY = QModelIndex()
_RESULT_COLORS = {
    "imported": OK_COLOR,
    "duplicate": MUTED_COLOR,
    "held": HINT_COLOR,
    REFUSED: ERROR_COLOR,
}


class Laptops:
    """Laptop labels by device id, with the officers enrolled on each (read once)."""

    def __init__(self, station: Session | StationBackend) -> None:
        self._backend = station_backend(station)
        self._names: dict[str, dict[str, str]] = {}

    def _officers(self, device_id: str) -> dict[str, str]:
        if device_id not in self._names:
            self._names[device_id] = self._backend.officer_names(device_id)
        return self._names[device_id]

    def label(self, device_id: str) -> str:
        names = sorted(self._officers(device_id).items())
        return laptop_text(device_id, [n for _id, n in names], this_device=self._backend.device_id)

    def officer(self, device_id: str, officer_id: str) -> str:
        """``Astrid Testberg (T100001)``: the name as enrolled on that laptop."""
        name = self._officers(device_id).get(officer_id)
        return f"{name} ({officer_id})" if name else officer_id

    def author(self, side: Side) -> str:
        """Who wrote one side of a conflict: the officer, or at the station the staff
        member its event names (a PostgreSQL station signs with its own key)."""
        if side.device_id == self._backend.device_id:
            staff = self._backend.staff_of(side.event_id)
            if staff:
                return staff
        return self.officer(side.device_id, side.officer_id)


# -- import results --------------------------------------------------------------------------


class ImportResultModel(ColumnTableModel):
    """One row per bundle file of this import: what became of it and why."""

    COLUMNS = ("file", "result", "new", "details")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[FileResult] = []

    def clear(self) -> None:
        self.beginResetModel()
        self._results.clear()
        self.endResetModel()

    def add(self, result: FileResult) -> None:
        row = len(self._results)
        self.beginInsertRows(_EMPTY, row, row)
        self._results.append(result)
        self.endInsertRows()

    def result(self, row: int) -> FileResult:
        return self._results[row]

    def results(self) -> list[FileResult]:
        return list(self._results)

    def row_total(self) -> int:
        return len(self._results)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Result"), self.tr("New entries"), self.tr("Details"))

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._results):
            return None
        result = self._results[index.row()]
        column = self.COLUMNS[index.column()]
        if role == _FOREGROUND and column == "result":
            return brush(_RESULT_COLORS.get(result.status, MUTED_COLOR))
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if role == _TOOLTIP:
            return f"{result.path}\n{self.details(result)}"
        values = {
            "file": result.path.name,
            "result": result_text(result.status),
            "new": "" if result.status == REFUSED else str(result.new_events),
            "details": self.details(result),
        }
        return values[column]

    def details(self, result: FileResult) -> str:
        """Why, in a sentence: the refusal's reason, or where the receipt went."""
        if result.bug:
            return internal_error_text()
        if result.refusal is not None:
            if result.alarm:
                return self.tr("Alarm: {kind}. {reason}").format(
                    kind=alarm_kind_text(result.alarm), reason=coded_text(result.refusal)
                )
            return coded_text(result.refusal)
        parts = []
        if result.status == "held":
            parts.append(
                self.tr(
                    "Waits for an earlier bundle from laptop {id}; applied when it arrives."
                ).format(id=result.outcomes[0].device_id[:8])
            )
        elif result.status == "duplicate" and not result.new_events:
            parts.append(self.tr("Already imported: nothing changed."))
        if result.released:
            parts.append(
                self.tr("{count} held bundle(s) applied with it.").format(count=result.released)
            )
        if result.receipt is not None:
            parts.append(self.tr("Receipt: {name}").format(name=result.receipt.name))
        if result.receipt_error is not None:
            parts.append(
                self.tr(
                    "The receipt could not be written ({error}); the laptop's next bundle "
                    "will get one."
                ).format(error=result.receipt_error)
            )
        return " ".join(parts)


# -- the review queue ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """An open alarm or an open conflict (exactly one of the two)."""

    alarm: Record | None = None
    conflict: Conflict | None = None

    @property
    def kind(self) -> str:
        return "alarm" if self.alarm is not None else "conflict"


class ReviewQueueModel(QAbstractListModel):
    """Alarms first (a refused bundle may hide records not yet here), then conflicts."""

    KIND_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, station: Session | StationBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = station_backend(station)
        self._items: list[ReviewItem] = []
        self._laptops = Laptops(self._backend)

    def load(self, alarms: Sequence[Record], conflicts: Sequence[Conflict]) -> None:
        self.beginResetModel()
        self._laptops = Laptops(self._backend)
        self._items = [ReviewItem(alarm=a) for a in alarms]
        self._items += [ReviewItem(conflict=c) for c in conflicts]
        self.endResetModel()

    def item(self, row: int) -> ReviewItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def counts(self) -> tuple[int, int]:
        alarms = sum(1 for i in self._items if i.alarm is not None)
        return alarms, len(self._items) - alarms

    def rowCount(self, parent: AnyIndex = _EMPTY) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == self.KIND_ROLE:
            return item.kind
        if role == _FOREGROUND:
            return brush(ERROR_COLOR if item.alarm is not None else HINT_COLOR)
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if item.alarm is not None:
            device = str(item.alarm.get("device_id", ""))
            return self.tr("Alarm: {kind}\n{laptop}").format(
                kind=alarm_kind_text(item.alarm.get("kind")), laptop=self._laptops.label(device)
            )
        conflict = item.conflict
        assert conflict is not None
        return self.tr("Conflict: {what}, {field}\n{case}").format(
            what=word(ENTITY_TYPES, conflict.entity_type),
            field=field_text(conflict.field),
            case=self.case_text(conflict),
        )

    def case_text(self, conflict: Conflict) -> str:
        """The case the disputed record belongs to, by its place and room."""
        return case_text(self._backend, conflict.entity_type, conflict.entity_id)

    @property
    def laptops(self) -> Laptops:
        return self._laptops


def case_text(station: StationBackend, entity_type: str, entity_id: str) -> str:
    """The case a record belongs to, by its place and room ("" if none)."""
    records = Records(station.review.conn)
    record = records.get(entity_type, entity_id)
    case_id = entity_id if entity_type == CASE_ENTITY else None
    if record is not None and record.case_id:
        case_id = record.case_id
    case = records.get(CASE_ENTITY, case_id) if case_id else None
    if case is None:
        return ""
    return place_text(case)


# -- the consolidated case list --------------------------------------------------------------


@dataclass(frozen=True)
class OriginRow:
    recorded_by: str  # officer and laptop
    number: str
    start: str
    start_sort: str  # ISO, for sorting by time
    place: str
    buyer: str
    offence: str
    status: str
    review: str


REVIEW_WORDS = {
    "received": QT_TRANSLATE_NOOP("Sync", "Received"),
    "needs_attention": QT_TRANSLATE_NOOP("Sync", "Needs attention"),
    "reviewed": QT_TRANSLATE_NOOP("Sync", "Reviewed"),
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REVIEW_ROLE = Qt.ItemDataRole.UserRole + 2  # the review state's code
DUPLICATE_ROLE = Qt.ItemDataRole.UserRole + 3  # True for a possible duplicate


class OriginCaseModel(ColumnTableModel):
    """Every case the station holds: who recorded it on which laptop, its number, buyer,
    offence, status and staff's review state, with possible duplicates (same place, room
    and minute from different laptops) flagged for a person to decide. Holds ids; each row
    is read when a view first shows it."""

    COLUMNS = (
        "recorded_by",
        "number",
        "start",
        "place",
        "buyer",
        "offence",
        "status",
        "review",
        "duplicate",
    )

    def __init__(self, station: Session | StationBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = station_backend(station)
        self._session = self._backend.review
        self._ids: list[tuple[str, str]] = []  # (case id, device id)
        self._rows: dict[str, OriginRow] = {}
        self._duplicates: dict[str, list[str]] = {}
        self._laptops = Laptops(self._backend)

    def load(self, operation_ids: Sequence[str] | None = None) -> None:
        """All cases, or those of ``operation_ids`` (an operation and its linked copies)."""
        self.beginResetModel()
        self._rows.clear()
        self._laptops = Laptops(self._backend)
        if operation_ids is None:
            found = cases_by_origin(self._session)
        else:
            found = [c for op in operation_ids for c in cases_by_origin(self._session, op)]
        self._ids = [(c.case.entity_id, c.device_id) for c in found]
        self._duplicates = possible_duplicates(self._session, found)
        self.endResetModel()

    def refresh_case(self, case_id: str) -> None:
        """Read one row again (its review state was set)."""
        self._rows.pop(case_id, None)
        for row, (found, _device) in enumerate(self._ids):
            if found == case_id:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def case_id(self, row: int) -> str | None:
        return self._ids[row][0] if 0 <= row < len(self._ids) else None

    def duplicates_of(self, case_id: str) -> list[str]:
        return self._duplicates.get(case_id, [])

    def duplicate_count(self) -> int:
        return len(self._duplicates)

    def row_total(self) -> int:
        return len(self._ids)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Recorded by"),
            self.tr("Case"),
            self.tr("Entry"),
            self.tr("Place and room"),
            self.tr("Buyer"),
            self.tr("Offence"),
            self.tr("Status"),
            self.tr("Review"),
            self.tr("Duplicate"),
        )

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        case_id, device_id = self._ids[index.row()]
        if role == ID_ROLE:
            return case_id
        if role == DUPLICATE_ROLE:
            return case_id in self._duplicates
        row = self._row(case_id, device_id)
        if role == REVIEW_ROLE:
            return row.review
        column = self.COLUMNS[index.column()]
        if role == _FOREGROUND:
            if column == "status" and row.status != "open":
                return brush(MUTED_COLOR)
            if column == "duplicate" or (column == "review" and row.review == "needs_attention"):
                return brush(HINT_COLOR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == "duplicate":
            if case_id in self._duplicates:
                return self.tr(
                    "Recorded at the same place, room and minute on another laptop: the same "
                    "raid twice? Compare them and decide."
                )
            return None
        if role not in (_DISPLAY, SORT_ROLE):
            return None
        if column == "start" and role == SORT_ROLE:
            return row.start_sort
        if column == "status":
            return word(CASE_STATUS, row.status).capitalize()
        if column == "review":
            return translate("Sync", REVIEW_WORDS.get(row.review, row.review))
        if column == "duplicate":
            return self.tr("possible") if case_id in self._duplicates else ""
        return str(getattr(row, column))

    def _row(self, case_id: str, device_id: str) -> OriginRow:
        row = self._rows.get(case_id)
        if row is None:
            row = self._compute(case_id, device_id)
            self._rows[case_id] = row
        return row

    def _compute(self, case_id: str, device_id: str) -> OriginRow:
        records = Records(self._session.conn)
        case = records.get(CASE_ENTITY, case_id)
        laptop = self._laptops.label(device_id)
        if case is None:  # purged or voided since the list was loaded
            return OriginRow(laptop, "", "", "", "", "", "", "", "received")
        # The officer by name, the laptop by its id: the officer's id and the laptop's other
        # officers are in the tooltip-free detail of the case, not in a crowded row.
        officer = self._laptops.officer(device_id, case.created_by).split(" (")[0]
        laptop = laptop_text(device_id, [], this_device=self._backend.device_id)
        buyers = [p for p in records.find("person", case_id=case_id) if p.get("role") == "buyer"]
        offence = ""
        try:
            view = case_view(self._backend.ctx, case_id)
            outcomes = [word(OUTCOMES_SHORT, b.evaluation.outcome.value) for b in view.buyers]
            offence = ", ".join(dict.fromkeys(outcomes))
        except KnownError:
            pass  # a case the rules cannot evaluate still lists
        return OriginRow(
            recorded_by=f"{officer} · {laptop}",
            number=case_id[-8:].upper(),
            start=short_moment(case.get("start")),
            start_sort=str(case.get("start") or ""),
            place=place_text(case),
            buyer=", ".join(short_name(str(b.get("name") or "")) for b in buyers),
            offence=offence,
            status=str(case.get("status", "")),
            review=review_state(self._session, case_id),
        )


# -- linking operations ----------------------------------------------------------------------


@dataclass(frozen=True)
class Origins:
    count: int  # cases in the operation
    text: str  # the laptops they were recorded on


def operation_origins(station: Session | StationBackend, operation_id: str) -> Origins:
    """Which laptops an operation's cases came from: how staff tell the copies apart
    (every laptop names its copy the same)."""
    backend = station_backend(station)
    found = cases_by_origin(backend.review, operation_id)
    laptops = Laptops(backend)
    devices = dict.fromkeys(c.device_id for c in found)
    return Origins(len(found), ", ".join(laptops.label(d) for d in devices) or "—")


class OperationLinkModel(ColumnTableModel):
    """The operations (not yet linked into another), each with a box to tick: the copies to
    link into the one chosen as the target, which cannot be ticked itself."""

    COLUMNS = ("name", "period", "cases", "laptops")

    def __init__(self, station: Session | StationBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = station_backend(station)
        self._operations: list[Record] = []
        self._cases: dict[str, int] = {}
        self._laptops: dict[str, str] = {}
        self._checked: set[str] = set()
        self._target: str | None = None

    def load(self, operations: Sequence[Record]) -> None:
        self.beginResetModel()
        self._operations = list(operations)
        self._cases, self._laptops = {}, {}
        for operation in self._operations:
            origins = operation_origins(self._backend, operation.entity_id)
            self._cases[operation.entity_id] = origins.count
            self._laptops[operation.entity_id] = origins.text
        ids = {o.entity_id for o in self._operations}
        self._checked &= ids
        if self._target not in ids:
            self._target = None
        self.endResetModel()

    def set_target(self, operation_id: str | None) -> None:
        self._target = operation_id
        self._checked.discard(operation_id or "")
        if self._operations:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._operations) - 1, len(self.COLUMNS) - 1)
            )

    def checked(self) -> list[str]:
        """The ticked operations, in the list's order."""
        return [o.entity_id for o in self._operations if o.entity_id in self._checked]

    def set_checked(self, operation_id: str, checked: bool) -> None:
        row = next((i for i, o in enumerate(self._operations) if o.entity_id == operation_id), -1)
        if row >= 0:
            self.setData(
                self.index(row, 0),
                (Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked).value,
                Qt.ItemDataRole.CheckStateRole,
            )

    def operation(self, row: int) -> Record | None:
        return self._operations[row] if 0 <= row < len(self._operations) else None

    def row_total(self) -> int:
        return len(self._operations)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Operation"),
            self.tr("Period"),
            self.tr("Cases"),
            self.tr("Cases recorded on"),
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        operation = self._operations[index.row()]
        if index.column() == 0 and operation.entity_id != self._target:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._operations):
            return None
        operation = self._operations[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return operation.entity_id
        if role == Qt.ItemDataRole.CheckStateRole and column == "name":
            if operation.entity_id == self._target:
                return None
            checked = operation.entity_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == _FOREGROUND and operation.entity_id == self._target:
            return brush(OK_COLOR)
        if role == _TOOLTIP and column == "laptops":
            return self._laptops.get(operation.entity_id, "")
        if role != _DISPLAY:
            return None
        if column == "name":
            name = str(operation.get("name", ""))
            if operation.entity_id == self._target:
                return self.tr("{name} (target)").format(name=name)
            return name
        if column == "period":
            return f"{operation.get('start', '')} – {operation.get('end', '')}"
        if column == "laptops":
            return self._laptops.get(operation.entity_id, "")
        return str(self._cases.get(operation.entity_id, 0))

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        operation_id = self._operations[index.row()].entity_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(operation_id)
        else:
            self._checked.discard(operation_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
