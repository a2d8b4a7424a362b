"""Records: the generic projection behind operations, cases, persons and everything else
an officer records.

Each record is one entity's current state as a JSON object. ``create`` sets it, ``amend``
changes some fields (naming the event it amends as its parent), ``void`` withdraws it
without erasing it. The event log keeps every earlier state; this table keeps the latest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any, ClassVar

import orjson

from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.database import SqlConnection, VaultConnectionType
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.ids import uuid7

RECORDS_DDL = """
    CREATE TABLE records (
        entity_type  TEXT    NOT NULL,
        entity_id    TEXT    NOT NULL,
        operation_id TEXT,
        case_id      TEXT,
        data         TEXT    NOT NULL,
        created_at   TEXT    NOT NULL,
        created_by   TEXT    NOT NULL,
        updated_at   TEXT    NOT NULL,
        updated_by   TEXT    NOT NULL,
        last_event   TEXT    NOT NULL,
        voided       INTEGER NOT NULL DEFAULT 0,
        void_reason  TEXT,
        created_hlc  TEXT    NOT NULL,
        created_event TEXT   NOT NULL,
        PRIMARY KEY (entity_type, entity_id)
    )"""
RECORDS_INDEXES = """
    CREATE INDEX records_case ON records (case_id, entity_type);
    CREATE INDEX records_operation ON records (operation_id, entity_type);"""
# Entities with projections of their own; everything else an officer records lands here.
NOT_RECORDS = frozenset({"officer", "vault"})
PURGE_ENTITY = "purge"


@dataclass(frozen=True)
class Record:
    """One entity as it stands now."""

    entity_type: str
    entity_id: str
    operation_id: str | None
    case_id: str | None
    data: dict[str, Any]
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    last_event: str
    voided: bool
    void_reason: str | None

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


_SELECT = (
    "SELECT entity_type, entity_id, operation_id, case_id, data, created_at, created_by, "
    "updated_at, updated_by, last_event, voided, void_reason FROM records"
)


# _SELECT and the column lists are sorted by (``_made_order``).
_SELECT_MADE = _SELECT.replace(" FROM records", ", created_hlc FROM records")
_new = object.__new__


# A vault's: no key, no sealing (the whole file is encrypted by SQLCipher).
def _dump_plain(data: Any, *_key: str) -> str:
    return _dump(data)


def _load_plain(raw: Any, *_key: str) -> Any:
    return orjson.loads(raw)


def _record(row: Sequence[Any], load: Callable[..., Any] = _load_plain) -> Record:
    # Filled in directly rather than through the frozen dataclass's __init__, which sets
    # each of its twelve fields with object.__setattr__: a third of the cost, and lists of
    # 10,000 cases (the station's consolidated list, the report) make one per row. The
    # result is the same object (tests compare the two).
    record = _new(Record)
    fields = record.__dict__
    fields["entity_type"] = row[0]
    fields["entity_id"] = row[1]
    fields["operation_id"] = row[2]
    fields["case_id"] = row[3]
    fields["data"] = load(row[4], row[0], row[1])
    fields["created_at"] = row[5]
    fields["created_by"] = row[6]
    fields["updated_at"] = row[7]
    fields["updated_by"] = row[8]
    fields["last_event"] = row[9]
    fields["voided"] = bool(row[10])
    fields["void_reason"] = row[11]
    return record


CHANGES_DDL = """
    CREATE TABLE record_changes (
        entity_type TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        event_id    TEXT NOT NULL,
        fields      TEXT NOT NULL
    );
    CREATE INDEX record_changes_entity ON record_changes (entity_type, entity_id)"""
CONFLICTS_DDL = """
    CREATE TABLE conflicts (
        entity_type     TEXT NOT NULL,
        entity_id       TEXT NOT NULL,
        field           TEXT NOT NULL,
        current_value   TEXT,
        current_event   TEXT NOT NULL,
        incoming_value  TEXT,
        incoming_event  TEXT NOT NULL,
        resolved_by     TEXT,
        PRIMARY KEY (entity_type, entity_id, field, incoming_event)
    )"""
VOIDED_FIELD = "(void)"  # the conflict of a withdrawal against an edit
# The handlers of the event kinds that change a record, other than a create.
_HANDLERS = {"amend": "_amend", "void": "_void", "resolve": "_resolve"}


def _dump(data: Any) -> str:
    # orjson: a record is written for every event a station imports, a fifth of the cost.
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()


@dataclass
class Writes:
    """What ``RecordsProjection.apply_all`` writes for a run of events, in the order the
    events would have written it one by one (``Dialect.write_batch`` writes it)."""

    # Whole rows of the records made (RECORDS_DDL's columns, in its order).
    created: list[tuple[Any, ...]] = _field(default_factory=list)
    # Records held before the run, as they stand after it: entity type, entity id, data,
    # updated_at, updated_by, last_event, voided, void_reason.
    changed: list[tuple[Any, ...]] = _field(default_factory=list)
    # record_changes' rows and conflicts' (without resolved_by), in the order written.
    changes: list[tuple[Any, ...]] = _field(default_factory=list)
    conflicts: list[tuple[Any, ...]] = _field(default_factory=list)


_READ_HELD = (
    "SELECT entity_type, entity_id, data, last_event, voided, void_reason, created_event "
    "FROM records WHERE entity_type = ? AND entity_id = ?"
)


def _read_each(conn: SqlConnection, keys: Sequence[tuple[str, str]]) -> tuple[list[Any], list[Any]]:
    # A vault's: one short statement a record (SQLite is in this process), its rowid order.
    held = [row for key in keys if (row := conn.execute(_READ_HELD, key).fetchone())]
    changes = [
        row
        for key in keys
        for row in conn.execute(
            "SELECT entity_type, entity_id, event_id, fields FROM record_changes "
            "WHERE entity_type = ? AND entity_id = ? ORDER BY rowid",
            key,
        ).fetchall()
    ]
    return held, changes


def _write_each(conn: SqlConnection, writes: Writes) -> None:
    conn.executemany(f"INSERT INTO records VALUES ({', '.join('?' * 14)})", writes.created)
    conn.executemany(
        "UPDATE records SET data = ?, updated_at = ?, updated_by = ?, last_event = ?, "
        "voided = ?, void_reason = ? WHERE entity_type = ? AND entity_id = ?",
        [(*row[2:], row[0], row[1]) for row in writes.changed],
    )
    conn.executemany("INSERT INTO record_changes VALUES (?, ?, ?, ?)", writes.changes)
    conn.executemany(
        "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING",
        writes.conflicts,
    )


def _fetch_all(conn: SqlConnection, sql: str, parameters: Sequence[Any]) -> list[Any]:
    return conn.execute(sql, parameters).fetchall()


@dataclass(frozen=True)
class Dialect:
    """What differs between the databases the records live in: a vault (SQLite, the
    default) and the PostgreSQL station (``fieldapp.sync.pg_connection``, whose connection
    seam also turns ``?`` into ``%s``). The statements are built from it once, when a
    projection is made, so a vault pays nothing per call for there being two.

    ``dump_data(value, *key)`` / ``load_data(raw, *key)``: the one place a record's
    ``data`` column and a conflict's two values are encoded and decoded. ``key`` is the
    row's key (entity type and id; for a conflict also the field, the incoming event and
    ``current`` or ``incoming``): the PostgreSQL station encrypts with the station's key
    and binds the value to its row with it, so nothing in SQL may look inside (ordering
    by a field decodes and sorts in Python)."""

    name: str
    order_column: str  # the order rows of record_changes and conflicts were written in
    row_lock: str  # appended to a read of the record an event is about to change
    dump_data: Callable[..., Any] = _dump_plain
    load_data: Callable[..., Any] = _load_plain
    # ``RecordsProjection.apply_all``'s reads and writes: the records held of some keys
    # (entity type, id, data, last_event, voided, void_reason, created_event; locked as
    # ``row_lock`` locks, in the keys' order)
    # and their record_changes rows in the order written; then a run's ``Writes``. A
    # vault's run a statement a row; the PostgreSQL station's a few statements a run.
    read_batch: Callable[
        [SqlConnection, Sequence[tuple[str, str]]], tuple[Sequence[Any], Sequence[Any]]
    ] = _read_each
    write_batch: Callable[[SqlConnection, Writes], None] = _write_each
    # Every row of a list (``Records``' reads of many records): the PostgreSQL station's
    # come in binary (a record's sealed data as its bytes, not twice as many hex digits).
    fetch_all: Callable[[SqlConnection, str, Sequence[Any]], list[Any]] = _fetch_all


# A create's operation id, case id and ``data`` column as stored (``RecordsProjection.prepare``):
# a plain tuple, the cheapest thing to send from one process to another.
CreatedRow = tuple[str | None, str | None, str]

# One writer per vault: SQLite's own lock is enough, and its rowid is the order written.
SQLITE = Dialect("sqlite", order_column="rowid", row_lock="")
_VAULT_CONNECTION = VaultConnectionType


def _merge_amend(
    data: dict[str, Any], event: Event, unseen: Mapping[str, str]
) -> tuple[list[str], list[tuple[str, Any, str, Any]]]:
    """An amend's fields merged into ``data`` (changed in place), by the one rule both the
    event-at-a-time and the bundle-at-once projections follow: a field another event
    changed since the amend's parent (``unseen``: field -> that event) to a different
    value is a same-field conflict and keeps its value; the rest are set (or unset).
    Returns the fields applied and the conflicts as (field, current value, the event that
    set it, the incoming value), in the amend's order."""
    changes: dict[str, Any] = dict(event.data.get("set", {}))
    changes.update({name: None for name in event.data.get("unset", [])})
    applied: list[str] = []
    conflicts: list[tuple[str, Any, str, Any]] = []
    for name, value in changes.items():
        if name in unseen and data.get(name) != value:
            conflicts.append((name, data.get(name), unseen[name], value))
            continue
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
        applied.append(name)
    return applied, conflicts


class RecordsProjection:
    """Keeps ``records`` in step with the create / amend / void / resolve events of every
    entity type except those in ``NOT_RECORDS``.

    Edits made without seeing each other (a station reviewer and a laptop, say) merge when
    they touch different fields. The same field changed to different values, or a
    withdrawal against an edit, becomes a row in ``conflicts``: the record keeps the value
    it had until a reviewer resolves the conflict with a ``resolve`` event. Nothing is
    overwritten or deleted silently.
    """

    tables: ClassVar[dict[str, str]] = {
        "records": RECORDS_DDL + ";" + RECORDS_INDEXES,
        "record_changes": CHANGES_DDL,
        "conflicts": CONFLICTS_DDL,
    }

    def __init__(self, dialect: Dialect = SQLITE) -> None:
        self._dump_data = dialect.dump_data
        self._load_data = dialect.load_data
        lock = dialect.row_lock
        self._read_batch, self._write_batch = dialect.read_batch, dialect.write_batch
        # Several station PCs write one PostgreSQL station at once: the record an event
        # changes is locked before it is read, so two changes of one record take turns
        # (a reviewer's settlement and a laptop's amend) and neither is lost.
        self._read_row = (
            "SELECT data, last_event, voided FROM records WHERE entity_type = ? "
            f"AND entity_id = ?{lock}"
        )
        self._read_created = (
            f"SELECT created_event FROM records WHERE entity_type = ? AND entity_id = ?{lock}"
        )
        self._read_changes = (
            "SELECT event_id, fields FROM record_changes WHERE entity_type = ? "
            f"AND entity_id = ? ORDER BY {dialect.order_column}"
        )

    def prepare(self, event: Event) -> CreatedRow | None:
        """What a create writes that comes from the event alone: its operation, case and
        ``data`` column as stored (``Preparing``), worked out in the process that opens a
        bundle, so the writer neither parses the body nor encodes the data. Only for a
        vault's plain encoding: a sealing ``Dialect`` seals with keys that process lacks.
        Never raises: a body ``apply`` would refuse is left to ``apply``."""
        if (
            event.kind != "create"
            or self._dump_data is not _dump_plain
            or event.entity_type in NOT_RECORDS
            or event.entity_type == PURGE_ENTITY
            or event.purged
        ):
            return None
        try:
            body = event.data
            return body.get("operation_id"), body.get("case_id"), _dump(body["data"])
        except (KeyError, TypeError, ValueError, AttributeError, AssertionError):
            return None

    def apply(self, conn: SqlConnection, event: Event, prepared: object | None = None) -> None:
        if event.entity_type == PURGE_ENTITY:
            self._purge(conn, event)
            return
        if event.entity_type in NOT_RECORDS or event.purged:
            return
        # The kind looked up by name: a station applies 100,000 events, and a dict of bound
        # methods built for each was a measurable part of it.
        kind = event.kind
        if kind == "create":
            self._create(conn, event, prepared if isinstance(prepared, tuple) else None)
        elif kind in _HANDLERS:
            getattr(self, _HANDLERS[kind])(conn, event)

    def _create(
        self, conn: SqlConnection, event: Event, prepared: CreatedRow | None = None
    ) -> None:
        if prepared is None:
            body = event.data
            prepared = (
                body.get("operation_id"),
                body.get("case_id"),
                self._dump_data(body["data"], event.entity_type, event.entity_id),
            )
        operation_id, case_id, data = prepared
        # A new record's created and updated columns are the same values: each bound once
        # (?6, ?7, ?8 used twice), four fewer copies of a string an event.
        conn.execute(
            "INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7, ?8, 0, NULL, ?9, ?8)",
            (
                event.entity_type,
                event.entity_id,
                operation_id,
                case_id,
                data,
                event.wall_time,
                event.officer_id,
                event.id,
                event.hlc,
            ),
        )
        # No row in record_changes: the create starts the history (see _fields_changed_since),
        # which saves a write per record on the station's import path.

    def _amend(self, conn: SqlConnection, event: Event) -> None:
        row = self._row(conn, event)
        if row is None:
            return  # an amend whose record this vault does not hold
        key = (event.entity_type, event.entity_id)
        data, last_event, voided = self._load_data(row[0], *key), row[1], bool(row[2])
        unseen = self._fields_changed_since(conn, event)
        if voided and event.parents and event.parents[0] != last_event:
            self._conflict(conn, event, VOIDED_FIELD, True, last_event, False)
            return
        applied, conflicts = _merge_amend(data, event, unseen)
        for name, current, current_event, incoming in conflicts:
            self._conflict(conn, event, name, current, current_event, incoming)
        self._store(conn, event, data)
        self._log_change(conn, event, applied)

    def _void(self, conn: SqlConnection, event: Event) -> None:
        unseen = self._fields_changed_since(conn, event)
        if unseen:  # withdrawn by someone who had not seen an edit: never silent
            self._conflict(conn, event, VOIDED_FIELD, False, next(iter(unseen.values())), True)
            return
        conn.execute(
            "UPDATE records SET voided = 1, void_reason = ?, updated_at = ?, updated_by = ?, "
            "last_event = ? WHERE entity_type = ? AND entity_id = ?",
            (
                event.data.get("reason"),
                event.wall_time,
                event.officer_id,
                event.id,
                event.entity_type,
                event.entity_id,
            ),
        )
        self._log_change(conn, event, [VOIDED_FIELD])

    def _resolve(self, conn: SqlConnection, event: Event) -> None:
        """A reviewer's decision: ``{"field": name, "value": v}`` (``value`` absent clears),
        or for a withdrawal ``{"field": "(void)", "value": true|false}``."""
        row = self._row(conn, event)
        if row is None:
            return
        field, body = event.data["field"], event.data
        if field == VOIDED_FIELD:
            conn.execute(
                "UPDATE records SET voided = ?, updated_at = ?, updated_by = ?, last_event = ? "
                "WHERE entity_type = ? AND entity_id = ?",
                (
                    1 if body.get("value") else 0,
                    event.wall_time,
                    event.officer_id,
                    event.id,
                    event.entity_type,
                    event.entity_id,
                ),
            )
        else:
            data = self._load_data(row[0], event.entity_type, event.entity_id)
            if body.get("value") is None:
                data.pop(field, None)
            else:
                data[field] = body["value"]
            self._store(conn, event, data)
        conn.execute(
            "UPDATE conflicts SET resolved_by = ? WHERE entity_type = ? AND entity_id = ? "
            "AND field = ? AND resolved_by IS NULL",
            (event.id, event.entity_type, event.entity_id, field),
        )
        self._log_change(conn, event, [field])

    # -- a run of events at once ----------------------------------------------------------

    def apply_all(self, conn: SqlConnection, events: Sequence[Event]) -> None:
        """``apply`` of each event in turn, with the same outcome, in a few statements for
        a run of events rather than one or more an event (a bundle of 10,000 at a
        PostgreSQL station, where each statement is a round trip to the server): the
        records that the run's amends and voids change are read (and locked) at once with
        their history, what each event does is worked out here, in order, and the result
        written at once (``Dialect.read_batch`` / ``write_batch``). A resolve or a purge (a
        reviewer's, the archive's: rare in a bundle) is applied on its own between runs,
        as ``apply`` does it. A create of a record held already fails on writing, as it
        does one by one, and with it the caller's transaction."""
        start = 0
        for index, event in enumerate(events):
            if event.kind == "resolve" or event.entity_type == PURGE_ENTITY:
                self._apply_run(conn, events[start:index])
                self.apply(conn, event)
                start = index + 1
        self._apply_run(conn, events[start:])

    def _apply_run(self, conn: SqlConnection, run: Sequence[Event]) -> None:
        run = [e for e in run if e.entity_type not in NOT_RECORDS and not e.purged]
        if not run:
            return
        touched = sorted(
            {(e.entity_type, e.entity_id) for e in run if e.kind == "amend" or e.kind == "void"}
        )
        state: dict[tuple[str, str], _Held] = {}
        history: dict[tuple[str, str], list[tuple[str, str]]] = {key: [] for key in touched}
        if touched:
            held, changes = self._read_batch(conn, touched)
            for row in held:
                key = (row[0], row[1])
                state[key] = _Held(
                    self._load_data(row[2], *key), row[3], bool(row[4]), row[5], row[6]
                )
            for row in changes:
                history[(row[0], row[1])].append((row[2], row[3]))
        writes = Writes()
        dump = self._dump_data
        for event in run:
            kind, key = event.kind, (event.entity_type, event.entity_id)
            if kind == "create":
                body = event.data
                row = (
                    event.entity_type, event.entity_id, body.get("operation_id"),
                    body.get("case_id"), body["data"], event.wall_time, event.officer_id,
                    event.wall_time, event.officer_id, event.id, 0, None, event.hlc, event.id,
                )  # fmt: skip
                if key in history and key not in state:
                    # Changed later in the run: kept here, written as it ends up.
                    made = state[key] = _Held(dict(body["data"]), event.id, False, None, event.id)
                    made.created, made.updated_at, made.updated_by = row, row[7], row[8]
                else:  # written as made (a second create of one record fails on writing)
                    writes.created.append((*row[:4], dump(row[4], *key), *row[5:]))
            elif kind == "amend":
                self._amend_held(event, key, state.get(key), history[key], writes)
            elif kind == "void":
                self._void_held(event, key, state.get(key), history[key], writes)
        for key, held_record in state.items():
            if held_record.created is not None:
                row = held_record.created
                writes.created.append(
                    (
                        *row[:4], dump(held_record.data, *key), *row[5:7],
                        held_record.updated_at, held_record.updated_by, held_record.last_event,
                        int(held_record.voided), held_record.void_reason, *row[12:],
                    )
                )  # fmt: skip
            elif held_record.updated_at is not None:
                writes.changed.append(
                    (
                        *key, dump(held_record.data, *key), held_record.updated_at,
                        held_record.updated_by, held_record.last_event,
                        int(held_record.voided), held_record.void_reason,
                    )
                )  # fmt: skip
        self._write_batch(conn, writes)

    def _amend_held(
        self,
        event: Event,
        key: tuple[str, str],
        held: _Held | None,
        history: list[tuple[str, str]],
        writes: Writes,
    ) -> None:
        """``_amend`` on a record as the run has it so far."""
        if held is None:
            return  # an amend whose record this station does not hold
        unseen = _unseen(held.created_event, history, event)
        if held.voided and event.parents and event.parents[0] != held.last_event:
            self._conflict_row(writes, event, VOIDED_FIELD, True, held.last_event, False)
            return
        applied, conflicts = _merge_amend(held.data, event, unseen)
        for name, current, current_event, incoming in conflicts:
            self._conflict_row(writes, event, name, current, current_event, incoming)
        held.changed_by(event)
        _log_held(writes, history, event, key, applied)

    def _void_held(
        self,
        event: Event,
        key: tuple[str, str],
        held: _Held | None,
        history: list[tuple[str, str]],
        writes: Writes,
    ) -> None:
        """``_void`` on a record as the run has it so far (logged even when not held)."""
        unseen = _unseen(None if held is None else held.created_event, history, event)
        if unseen:
            self._conflict_row(
                writes, event, VOIDED_FIELD, False, next(iter(unseen.values())), True
            )
            return
        if held is not None:
            held.voided, held.void_reason = True, event.data.get("reason")
            held.changed_by(event)
        _log_held(writes, history, event, key, [VOIDED_FIELD])

    def _conflict_row(
        self,
        writes: Writes,
        event: Event,
        field: str,
        current: Any,
        current_event: str,
        incoming: Any,
    ) -> None:
        writes.conflicts.append(
            (
                event.entity_type,
                event.entity_id,
                field,
                self._dump_data(current, *conflict_key(event, field, "current")),
                current_event,
                self._dump_data(incoming, *conflict_key(event, field, "incoming")),
                event.id,
            )
        )

    @staticmethod
    def _purge(conn: SqlConnection, event: Event) -> None:
        """A case purged under the retention rules leaves no record behind in the vault that
        purged it. A laptop's purge imported at the station removes nothing there."""
        if not purge_applies_here(conn, event):
            return
        case_id = event.data["case_id"]
        doomed = conn.execute(
            "SELECT entity_type, entity_id FROM records WHERE case_id = ? "
            "OR (entity_type = 'case' AND entity_id = ?)",
            (case_id, case_id),
        ).fetchall()
        for table in ("records", "record_changes", "conflicts"):
            conn.executemany(f"DELETE FROM {table} WHERE entity_type = ? AND entity_id = ?", doomed)

    # -- helpers -----------------------------------------------------------------------------

    def _row(self, conn: SqlConnection, event: Event) -> Any:
        return conn.execute(self._read_row, (event.entity_type, event.entity_id)).fetchone()

    def _store(self, conn: SqlConnection, event: Event, data: dict[str, Any]) -> None:
        conn.execute(
            "UPDATE records SET data = ?, updated_at = ?, updated_by = ?, last_event = ? "
            "WHERE entity_type = ? AND entity_id = ?",
            (
                self._dump_data(data, event.entity_type, event.entity_id),
                event.wall_time,
                event.officer_id,
                event.id,
                event.entity_type,
                event.entity_id,
            ),
        )

    @staticmethod
    def _log_change(conn: SqlConnection, event: Event, fields: list[str]) -> None:
        conn.execute(
            "INSERT INTO record_changes VALUES (?, ?, ?, ?)",
            (event.entity_type, event.entity_id, event.id, _dump(sorted(fields))),
        )

    def _fields_changed_since(self, conn: SqlConnection, event: Event) -> dict[str, str]:
        """Fields changed after the event's parent, which its author had not seen
        (field → the event that changed it). Empty when the parent is the latest change."""
        key = (event.entity_type, event.entity_id)
        created = conn.execute(self._read_created, key).fetchone()  # locked first (above)
        rows = conn.execute(self._read_changes, key).fetchall()
        return _unseen(None if created is None else created[0], rows, event)

    def _conflict(
        self,
        conn: SqlConnection,
        event: Event,
        field: str,
        current: Any,
        current_event: str,
        incoming: Any,
    ) -> None:
        conn.execute(
            "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING",
            (
                event.entity_type,
                event.entity_id,
                field,
                # Values of the record: behind the same seam, bound to this row and side.
                self._dump_data(current, *conflict_key(event, field, "current")),
                current_event,
                self._dump_data(incoming, *conflict_key(event, field, "incoming")),
                event.id,
            ),
        )


class _Held:
    """A record as a run of events (``apply_all``) has it so far."""

    __slots__ = (
        "created", "created_event", "data", "last_event", "updated_at", "updated_by",
        "void_reason", "voided",
    )  # fmt: skip

    def __init__(
        self,
        data: dict[str, Any],
        last_event: str,
        voided: bool,
        void_reason: str | None,
        created_event: str,
    ) -> None:
        self.data, self.last_event, self.voided = data, last_event, voided
        self.void_reason, self.created_event = void_reason, created_event
        self.updated_at: str | None = None  # set once an event of the run changes it
        self.updated_by: str | None = None
        self.created: tuple[Any, ...] | None = None  # made in the run: its create's row

    def changed_by(self, event: Event) -> None:
        self.updated_at, self.updated_by, self.last_event = (
            event.wall_time,
            event.officer_id,
            event.id,
        )


def _unseen(created: str | None, history: Sequence[Sequence[str]], event: Event) -> dict[str, str]:
    """The fields changed after the event's parent (``_fields_changed_since``), from the
    record's creating event and its history (event id, fields) in the order written."""
    ids = [r[0] for r in history]
    parent = event.parents[0] if event.parents else None
    if parent is not None and created is not None and parent == created:
        after = history
    elif parent is not None and parent in ids:
        after = history[ids.index(parent) + 1 :]
    else:
        return {}
    unseen: dict[str, str] = {}
    for event_id, fields in after:
        for name in orjson.loads(fields):
            unseen[name] = event_id
    return unseen


def _log_held(
    writes: Writes,
    history: list[tuple[str, str]],
    event: Event,
    key: tuple[str, str],
    fields: list[str],
) -> None:
    logged = _dump(sorted(fields))
    writes.changes.append((*key, event.id, logged))
    history.append((event.id, logged))


def conflict_key(event: Event, field: str, side: str) -> tuple[str, str, str, str, str]:
    """The key a conflict's ``current`` or ``incoming`` value is encoded under (``Dialect``)."""
    return (event.entity_type, event.entity_id, field, event.id, side)


def purge_applies_here(conn: SqlConnection, event: Event) -> bool:
    """Whether a purge event empties this vault: only the vault that wrote it. A laptop's
    purge travels to the station like every event, where it is recorded (the case's history
    shows it) but removes nothing: the station is the archive, and its own retention is a
    separate decision, made there (``fieldapp.sync.archive``)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    return row is not None and row[0] == event.device_id


class Records:
    """Reading records, and drafting the events that change them.

    Lists come in the order the records were made (the creating event's hybrid clock),
    which holds even for records created in one transaction."""

    def __init__(self, conn: SqlConnection) -> None:
        self._conn = conn
        # A vault's connection carries no dialect; the PostgreSQL station's seam does. Told
        # apart by type first: a failed attribute lookup on a vault's connection costs more
        # than the rest of making a Records, which use cases do on every read.
        self._dialect: Dialect = (
            SQLITE if type(conn) is _VAULT_CONNECTION else getattr(conn, "dialect", SQLITE)
        )
        self._load = self._dialect.load_data
        self._fetch = self._dialect.fetch_all

    def get(self, entity_type: str, entity_id: str) -> Record | None:
        row = self._conn.execute(
            f"{_SELECT} WHERE entity_type = ? AND entity_id = ?", (entity_type, entity_id)
        ).fetchone()
        return _record(row, self._load) if row else None

    def require(self, entity_type: str, entity_id: str, field: str) -> Record:
        """The live record, or a refusal naming ``field``."""
        record = self.get(entity_type, entity_id)
        if record is None or record.voided:
            what = entity_type.replace("_", " ")
            raise InvalidInput(
                f"{field}: no such {what}.",
                field=field,
                problems=((field, coded("no_such_record", f"no such {what}.", kind=entity_type)),),
            )
        return record

    def find(
        self,
        entity_type: str,
        *,
        case_id: str | None = None,
        operation_id: str | None = None,
        include_voided: bool = False,
    ) -> list[Record]:
        sql = f"{_SELECT_MADE} WHERE entity_type = ?"
        args: list[Any] = [entity_type]
        if case_id is not None:
            sql += " AND case_id = ?"
            args.append(case_id)
        if operation_id is not None:
            sql += " AND operation_id = ?"
            args.append(operation_id)
        if not include_voided:
            sql += " AND voided = 0"
        # All at once (psycopg's cursor hands rows over one Python call each when iterated),
        # sorted here (``_made_order``).
        rows = self._fetch(self._conn, sql, args)
        rows.sort(key=_made_order)
        load = self._load
        return [_record(r, load) for r in rows]

    def find_with_origin(
        self, entity_type: str, operation_id: str | None = None
    ) -> list[tuple[Record, str]]:
        """``find``, each live record with the device whose event created it ('?' if the
        log holds it no more): one statement, for the station's list of every laptop's
        cases (10,000 rows, from a PostgreSQL station over the network)."""
        sql = (
            "SELECT r.entity_type, r.entity_id, r.operation_id, r.case_id, r.data, "
            "r.created_at, r.created_by, r.updated_at, r.updated_by, r.last_event, r.voided, "
            "r.void_reason, r.created_hlc, e.device_id FROM records r "
            "LEFT JOIN events e ON e.id = r.created_event WHERE r.entity_type = ?"
        )
        args: list[Any] = [entity_type]
        if operation_id is not None:
            sql += " AND r.operation_id = ?"
            args.append(operation_id)
        rows = self._fetch(self._conn, sql + " AND r.voided = 0", args)
        rows.sort(key=_made_order)
        load = self._load
        # No '?' in the statement for the missing device: it would read as a placeholder.
        return [(_record(r, load), r[13] or "?") for r in rows]

    def for_case(self, case_id: str) -> list[Record]:
        """Every live record of a case, oldest first."""
        rows = self._fetch(
            self._conn,
            f"{_SELECT} WHERE case_id = ? AND voided = 0 ORDER BY created_hlc, entity_id",
            (case_id,),
        )
        load = self._load
        return [_record(r, load) for r in rows]

    def ids_latest_first(self, entity_type: str, operation_id: str, field: str) -> list[str]:
        """The ids of the operation's live records by ``field`` (an ISO time), latest first,
        ties in the order they were made: a list of 10,000 cases without decoding one (in a
        vault; the PostgreSQL station's ``data`` is opaque to SQL and decoded here)."""
        if self._dialect is not SQLITE:
            return self._ids_latest_first_decoded(entity_type, operation_id, field)
        rows = self._conn.execute(
            "SELECT entity_id FROM records WHERE entity_type = ? AND operation_id = ? "
            "AND voided = 0 ORDER BY coalesce(json_extract(data, '$.' || ?), '') DESC, "
            "created_hlc, entity_id",
            (entity_type, operation_id, field),
        )
        return [r[0] for r in rows]

    def _ids_latest_first_decoded(
        self, entity_type: str, operation_id: str, field: str
    ) -> list[str]:
        rows = self._conn.execute(
            "SELECT entity_id, data FROM records WHERE entity_type = ? AND operation_id = ? "
            "AND voided = 0 ORDER BY created_hlc, entity_id",
            (entity_type, operation_id),
        ).fetchall()
        load = self._load
        keyed = []
        for entity_id, data in rows:
            value = load(data, entity_type, entity_id).get(field)
            # As json_extract orders them: a missing field as '' (after every time).
            keyed.append(("" if value is None else str(value), entity_id))
        # Python's sort is stable with reverse=True as well: ties keep the order made.
        keyed.sort(key=lambda pair: pair[0], reverse=True)
        return [entity_id for _value, entity_id in keyed]

    def outside_cases(self, entity_type: str, operation_id: str) -> list[Record]:
        """The operation's own live records of a type (no case's), in the order made."""
        rows = self._fetch(
            self._conn,
            f"{_SELECT} WHERE entity_type = ? AND operation_id = ? AND case_id IS NULL "
            "AND voided = 0 ORDER BY created_hlc, entity_id",
            (entity_type, operation_id),
        )
        load = self._load
        return [_record(r, load) for r in rows]


def _made_order(row: Sequence[Any]) -> tuple[str, str]:
    """A row's place in the order records were made, sorted here rather than by the
    database: a PostgreSQL server sorted the 10,000 rows of the station's case list, sealed
    data and all, in a file (wider than its sort memory), half its time for the list; here
    it takes a millisecond (the rows come nearly in order). The same order as ``ORDER BY
    created_hlc, entity_id``: Python, SQLite and PostgreSQL's "C" all compare by code
    point."""
    return row[12], row[1]  # created_hlc (after _SELECT's columns), entity_id


def create_draft(
    entity_type: str,
    data: Mapping[str, Any],
    *,
    operation_id: str | None = None,
    case_id: str | None = None,
    entity_id: str | None = None,
    attachments: tuple[bytes, ...] = (),
) -> Draft:
    body: dict[str, Any] = {"data": dict(data)}
    if operation_id is not None:
        body["operation_id"] = operation_id
    if case_id is not None:
        body["case_id"] = case_id
    # Time-ordered ids: new rows land at the end of every index keyed by entity, not at
    # random pages (a station importing 100,000 records reads and rewrites far fewer pages).
    return Draft("create", entity_type, entity_id or uuid7(), body, attachments=attachments)


def amend_draft(record: Record, changes: Mapping[str, Any], unset: Sequence[str] = ()) -> Draft:
    """Change some fields; the parent is the event that last changed the record, so a
    concurrent edit on another laptop shows up as two amends of the same parent."""
    return entity_amend_draft(
        record.entity_type, record.entity_id, record.last_event, changes, unset
    )


def entity_amend_draft(
    entity_type: str,
    entity_id: str,
    last_event: str,
    changes: Mapping[str, Any],
    unset: Sequence[str] = (),
) -> Draft:
    """``amend_draft`` for a store that has no ``Record`` to hand (the PostgreSQL
    station's register): the entity and the id of the event that last changed it."""
    body: dict[str, Any] = {"set": dict(changes)}
    if unset:
        body["unset"] = list(unset)
    return Draft("amend", entity_type, entity_id, body, (last_event,))


def void_draft(record: Record, reason: str) -> Draft:
    return Draft(
        "void", record.entity_type, record.entity_id, {"reason": reason}, (record.last_event,)
    )
