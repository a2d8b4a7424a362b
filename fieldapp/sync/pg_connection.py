"""The seam that lets the records projection and its readers (``storage.records``,
``sync.review``) run on the PostgreSQL station's connection: the same statements as in a
vault, with ``?`` placeholders, turned into psycopg's ``%s`` once per statement.

``pg_dialect`` says the rest: ``record_changes`` and ``conflicts`` keep the order rows were
written in a ``pos`` column (a vault uses its rowid), the record an event changes is read
``FOR UPDATE`` (several station PCs write at once), and a record's ``data`` and a
conflict's values pass through ``dump_data`` / ``load_data``, which seal them with the
station's at-rest key (``sync.pg_keys.AtRest``), the row's key as associated data: a
``pg_dump`` shows no name or phone number from them, and a value moved to another row
does not open. A bundle's events are projected at once (``RecordsProjection.apply_all``):
the records they change read and locked in one statement, their history in another, the
rows written through temporary tables in a few more, whatever the bundle's size. Lists of
records come back in binary (``fetch_all``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
import psycopg

from fieldapp.storage.database import SqlConnection
from fieldapp.storage.records import Dialect, Writes
from fieldapp.sync.pg_errors import db_errors, db_refusal
from fieldapp.sync.pg_keys import AtRest


def pg_dialect(at_rest: AtRest) -> Dialect:
    """The station's dialect, record data sealed under ``at_rest``."""
    seal, open_ = at_rest.seal, at_rest.open

    def dump(data: Any, *key: str) -> bytes:
        # Sorted keys, as a vault's: the plaintext of equal data is the same.
        return seal(orjson.dumps(data, option=orjson.OPT_SORT_KEYS), _record_aad(key))

    def load(raw: bytes, *key: str) -> Any:
        return orjson.loads(open_(raw, _record_aad(key), "record"))

    return Dialect(
        "postgresql",
        order_column="pos",
        row_lock=" FOR UPDATE",
        dump_data=dump,
        load_data=load,
        read_batch=_read_batch,
        write_batch=_write_batch,
        fetch_all=_fetch_binary,
    )


def _fetch_binary(conn: SqlConnection, sql: str, parameters: Sequence[Any]) -> list[Any]:
    """Every row, in binary: bytea as its bytes (text format sends two hex digits a byte,
    which the server writes and this process reads back), text and integers as they are."""
    raw = _raw(conn)
    with db_errors(raw):
        return raw.execute(
            pg_statement(sql), pg_parameters(sql, parameters), binary=True
        ).fetchall()


# The keys a run of events changes, as two arrays a statement joins on.
_KEYS = "(entity_type, entity_id) IN (SELECT * FROM unnest(%s::text[], %s::text[]))"


def _read_batch(
    conn: SqlConnection, keys: Sequence[tuple[str, str]]
) -> tuple[list[Any], list[Any]]:
    """The records held of ``keys``, locked in the keys' order (two station PCs locking
    some of the same records never wait for each other in a circle), and their history:
    two statements for a whole run."""
    raw = _raw(conn)
    arrays = ([k[0] for k in keys], [k[1] for k in keys])
    with db_errors(raw):
        return _read_held(raw, arrays)


def _read_held(
    raw: psycopg.Connection[Any], arrays: tuple[list[str], list[str]]
) -> tuple[list[Any], list[Any]]:
    held = raw.execute(
        "SELECT entity_type, entity_id, data, last_event, voided, void_reason, created_event "
        f"FROM records WHERE {_KEYS} ORDER BY entity_type, entity_id FOR UPDATE",
        arrays,
    ).fetchall()
    changes = raw.execute(
        f"SELECT entity_type, entity_id, event_id, fields FROM record_changes WHERE {_KEYS} "
        "ORDER BY pos",
        arrays,
    ).fetchall()
    return held, changes


# Rows come in by COPY into temporary tables of this session (emptied at each commit),
# then go into the real ones by INSERT … SELECT and UPDATE … FROM: COPY FROM is refused on
# a table under row-level security, an INSERT is checked against its policies.
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS pg_temp.fieldapp_records_in (
    entity_type text, entity_id text, operation_id text, case_id text, data bytea,
    created_at text, created_by text, updated_at text, updated_by text, last_event text,
    voided integer, void_reason text, created_hlc text, created_event text, made boolean
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS pg_temp.fieldapp_changes_in (
    ord integer, entity_type text, entity_id text, event_id text, fields text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS pg_temp.fieldapp_conflicts_in (
    ord integer, entity_type text, entity_id text, field text, current_value bytea,
    current_event text, incoming_value bytea, incoming_event text
) ON COMMIT DELETE ROWS
"""
_RECORD_COLUMNS = (
    "entity_type, entity_id, operation_id, case_id, data, created_at, created_by, "
    "updated_at, updated_by, last_event, voided, void_reason, created_hlc, created_event"
)
_CONFLICT_COLUMNS = (
    "entity_type, entity_id, field, current_value, current_event, incoming_value, incoming_event"
)
# One round trip: the staged rows into the projection's tables, in the order staged
# (``pos`` numbered in that order), then the staging emptied for a next run.
_FROM_STAGING = f"""
INSERT INTO records ({_RECORD_COLUMNS})
    SELECT {_RECORD_COLUMNS} FROM pg_temp.fieldapp_records_in WHERE made;
UPDATE records r SET data = s.data, updated_at = s.updated_at, updated_by = s.updated_by,
    last_event = s.last_event, voided = s.voided, void_reason = s.void_reason
    FROM pg_temp.fieldapp_records_in s
    WHERE NOT s.made AND r.entity_type = s.entity_type AND r.entity_id = s.entity_id;
INSERT INTO record_changes (entity_type, entity_id, event_id, fields)
    SELECT entity_type, entity_id, event_id, fields FROM pg_temp.fieldapp_changes_in ORDER BY ord;
INSERT INTO conflicts ({_CONFLICT_COLUMNS})
    SELECT {_CONFLICT_COLUMNS} FROM pg_temp.fieldapp_conflicts_in ORDER BY ord
    ON CONFLICT DO NOTHING;
DELETE FROM pg_temp.fieldapp_records_in;
DELETE FROM pg_temp.fieldapp_changes_in;
DELETE FROM pg_temp.fieldapp_conflicts_in
"""


def _write_batch(conn: SqlConnection, writes: Writes) -> None:
    """A run's rows in a few statements whatever their number: the staging tables made
    (if this session has none yet), one COPY for each that has rows, one round trip to
    move them."""
    if not (writes.created or writes.changed or writes.changes or writes.conflicts):
        return
    raw = _raw(conn)
    with db_errors(raw):
        _stage_and_move(raw, writes)


def _stage_and_move(raw: psycopg.Connection[Any], writes: Writes) -> None:
    raw.execute(_STAGING)
    with raw.cursor() as cur:
        if writes.created or writes.changed:
            with cur.copy(
                f"COPY pg_temp.fieldapp_records_in ({_RECORD_COLUMNS}, made) FROM STDIN"
            ) as copy:
                for row in writes.created:
                    copy.write_row((*row, True))
                for key_type, key_id, data, at, by, last, voided, reason in writes.changed:
                    copy.write_row(
                        (key_type, key_id, None, None, data, None, None, at, by, last, voided,
                         reason, None, None, False)
                    )  # fmt: skip
        if writes.changes:
            with cur.copy("COPY pg_temp.fieldapp_changes_in FROM STDIN") as copy:
                for ord_, row in enumerate(writes.changes):
                    copy.write_row((ord_, *row))
        if writes.conflicts:
            with cur.copy("COPY pg_temp.fieldapp_conflicts_in FROM STDIN") as copy:
                for ord_, row in enumerate(writes.conflicts):
                    copy.write_row((ord_, *row))
    raw.execute(_FROM_STAGING)


def _raw(conn: SqlConnection) -> psycopg.Connection[Any]:
    # The seam's statements are refused by code (``sync.pg_errors``); what goes to the
    # driver directly is wrapped in ``db_errors`` by its caller here, the same way.
    assert isinstance(conn, PgConnection)
    return conn.raw


def _record_aad(key: tuple[str, ...]) -> bytes:
    # NUL between the parts: PostgreSQL's text holds none, so no two keys join alike.
    return b"record\0" + "\0".join(key).encode("utf-8")


@functools.lru_cache(maxsize=256)
def pg_statement(sql: str) -> str:
    """A vault's statement in psycopg's placeholders: each ``?`` outside a quoted literal
    becomes ``%s``, each numbered ``?N`` (a value bound once, used twice) ``%(pN)s``; a
    ``%`` is doubled, as psycopg expects."""
    parts = sql.replace("%", "%%").split("'")
    # Split at quotes, the even parts are outside literals ('it''s' splits the same way).
    return "'".join(
        _NUMBERED.sub(r"%(p\1)s", p).replace("?", "%s") if i % 2 == 0 else p
        for i, p in enumerate(parts)
    )


_NUMBERED = re.compile(r"\?(\d+)")


@functools.lru_cache(maxsize=256)
def _numbers_values(sql: str) -> bool:
    return any(_NUMBERED.search(p) for p in sql.split("'")[::2])


def pg_parameters(sql: str, parameters: Sequence[Any]) -> Sequence[Any] | dict[str, Any]:
    """The values for ``pg_statement(sql)``: by name (``pN``) where it numbers them."""
    if not _numbers_values(sql):
        return parameters
    return {f"p{i}": value for i, value in enumerate(parameters, start=1)}


class PgConnection:
    """A psycopg connection as a ``storage.database.SqlConnection``, with the station's
    ``dialect`` (``Records`` and ``sync.review`` read it from here)."""

    def __init__(self, conn: psycopg.Connection[Any], dialect: Dialect) -> None:
        self.raw = conn
        self.dialect = dialect

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        # A server gone or refusing is a coded refusal here too (the review and the case
        # list read only through this seam), not a driver's stack trace. A try costs
        # nothing until it catches: the projection runs several statements an event.
        try:
            return self.raw.execute(pg_statement(sql), pg_parameters(sql, parameters))
        except psycopg.Error as exc:
            refusal = db_refusal(exc, self.raw)
            if refusal is None:
                raise
            raise refusal from None

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        with db_errors(self.raw):
            cursor.executemany(pg_statement(sql), [pg_parameters(sql, p) for p in parameters])
        return cursor
