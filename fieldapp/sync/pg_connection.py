"""The seam that lets the records projection and its readers (``storage.records``,
``sync.review``) run on the PostgreSQL station's connection: the same statements as in a
vault, with ``?`` placeholders, turned into psycopg's ``%s`` once per statement.

``PG_DIALECT`` says the rest: ``record_changes`` and ``conflicts`` keep the order rows were
written in a ``pos`` column (a vault uses its rowid), the record an event changes is read
``FOR UPDATE`` (several station PCs write at once), and a record's ``data`` passes through
``dump_data`` / ``load_data``: the one place to encrypt it with the station's key.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg

from fieldapp.storage.records import Dialect

PG_DIALECT = Dialect("postgresql", order_column="pos", row_lock=" FOR UPDATE")


@functools.lru_cache(maxsize=256)
def pg_statement(sql: str) -> str:
    """A vault's statement in psycopg's placeholders: each ``?`` outside a quoted literal
    becomes ``%s``; a ``%`` is doubled, as psycopg expects."""
    parts = sql.replace("%", "%%").split("'")
    # Split at quotes, the even parts are outside literals ('it''s' splits the same way).
    return "'".join(p.replace("?", "%s") if i % 2 == 0 else p for i, p in enumerate(parts))


class PgConnection:
    """A psycopg connection as a ``storage.database.SqlConnection``."""

    dialect = PG_DIALECT

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        return self.raw.execute(pg_statement(sql), parameters)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        cursor.executemany(pg_statement(sql), list(parameters))
        return cursor
