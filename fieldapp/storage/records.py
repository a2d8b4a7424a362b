"""Records: the generic projection behind operations, cases, persons and everything else
an officer records.

Each record is one entity's current state as a JSON object. ``create`` sets it, ``amend``
changes some fields (naming the event it amends as its parent), ``void`` withdraws it
without erasing it. The event log keeps every earlier state; this table keeps the latest.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from fieldapp.errors import InvalidInput
from fieldapp.storage.database import Connection
from fieldapp.storage.events import Draft, Event

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
        PRIMARY KEY (entity_type, entity_id)
    )"""
RECORDS_INDEXES = """
    CREATE INDEX records_case ON records (case_id, entity_type);
    CREATE INDEX records_operation ON records (operation_id, entity_type);"""
# Entities with projections of their own; everything else an officer records lands here.
NOT_RECORDS = frozenset({"officer", "vault"})


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


def _record(row: Sequence[Any]) -> Record:
    return Record(
        row[0],
        row[1],
        row[2],
        row[3],
        json.loads(row[4]),
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        bool(row[10]),
        row[11],
    )


class RecordsProjection:
    """Keeps ``records`` in step with the create / amend / void events of every entity type
    except those in ``NOT_RECORDS``."""

    tables: ClassVar[dict[str, str]] = {"records": RECORDS_DDL + ";" + RECORDS_INDEXES}

    def apply(self, conn: Connection, event: Event) -> None:
        if event.entity_type in NOT_RECORDS:
            return
        body = event.data
        key = (event.entity_type, event.entity_id)
        if event.kind == "create":
            conn.execute(
                "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)",
                (
                    *key,
                    body.get("operation_id"),
                    body.get("case_id"),
                    json.dumps(body["data"], sort_keys=True, ensure_ascii=False),
                    event.wall_time,
                    event.officer_id,
                    event.wall_time,
                    event.officer_id,
                    event.id,
                    event.hlc,
                ),
            )
        elif event.kind == "amend":
            row = conn.execute(
                "SELECT data FROM records WHERE entity_type = ? AND entity_id = ?", key
            ).fetchone()
            if row is None:
                return  # an amend that arrived before its create (sync orders these later)
            data = json.loads(row[0])
            data.update(body.get("set", {}))
            for name in body.get("unset", []):
                data.pop(name, None)
            conn.execute(
                "UPDATE records SET data = ?, updated_at = ?, updated_by = ?, last_event = ? "
                "WHERE entity_type = ? AND entity_id = ?",
                (
                    json.dumps(data, sort_keys=True, ensure_ascii=False),
                    event.wall_time,
                    event.officer_id,
                    event.id,
                    *key,
                ),
            )
        elif event.kind == "void":
            conn.execute(
                "UPDATE records SET voided = 1, void_reason = ?, updated_at = ?, updated_by = ?, "
                "last_event = ? WHERE entity_type = ? AND entity_id = ?",
                (body.get("reason"), event.wall_time, event.officer_id, event.id, *key),
            )


class Records:
    """Reading records, and drafting the events that change them.

    Lists come in the order the records were made (the creating event's hybrid clock),
    which holds even for records created in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, entity_type: str, entity_id: str) -> Record | None:
        row = self._conn.execute(
            f"{_SELECT} WHERE entity_type = ? AND entity_id = ?", (entity_type, entity_id)
        ).fetchone()
        return _record(row) if row else None

    def require(self, entity_type: str, entity_id: str, field: str) -> Record:
        """The live record, or a refusal naming ``field``."""
        record = self.get(entity_type, entity_id)
        if record is None or record.voided:
            raise InvalidInput(
                f"{field}: no such {entity_type.replace('_', ' ')}.",
                field=field,
                problems=((field, f"no such {entity_type.replace('_', ' ')}."),),
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
        sql = f"{_SELECT} WHERE entity_type = ?"
        args: list[Any] = [entity_type]
        if case_id is not None:
            sql += " AND case_id = ?"
            args.append(case_id)
        if operation_id is not None:
            sql += " AND operation_id = ?"
            args.append(operation_id)
        if not include_voided:
            sql += " AND voided = 0"
        rows = self._conn.execute(sql + " ORDER BY created_hlc, entity_id", args)
        return [_record(r) for r in rows]

    def for_case(self, case_id: str) -> list[Record]:
        """Every live record of a case, oldest first."""
        rows = self._conn.execute(
            f"{_SELECT} WHERE case_id = ? AND voided = 0 ORDER BY created_hlc, entity_id",
            (case_id,),
        )
        return [_record(r) for r in rows]


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
    return Draft(
        "create", entity_type, entity_id or str(uuid.uuid4()), body, attachments=attachments
    )


def amend_draft(record: Record, changes: Mapping[str, Any], unset: Sequence[str] = ()) -> Draft:
    """Change some fields; the parent is the event that last changed the record, so a
    concurrent edit on another laptop shows up as two amends of the same parent."""
    body: dict[str, Any] = {"set": dict(changes)}
    if unset:
        body["unset"] = list(unset)
    return Draft("amend", record.entity_type, record.entity_id, body, (record.last_event,))


def void_draft(record: Record, reason: str) -> Draft:
    return Draft(
        "void", record.entity_type, record.entity_id, {"reason": reason}, (record.last_event,)
    )
