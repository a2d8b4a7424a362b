"""The seam that lets the records projection and its readers (``storage.records``,
``sync.review``) run on the PostgreSQL station's connection: the same statements as in a
vault, with ``?`` placeholders, turned into psycopg's ``%s`` once per statement.

``pg_dialect`` says the rest: ``record_changes`` and ``conflicts`` keep the order rows were
written in a ``pos`` column (a vault uses its rowid), the record an event changes is read
``FOR UPDATE`` (several station PCs write at once), and a record's ``data`` and a
conflict's values pass through ``dump_data`` / ``load_data``, which seal them with the
station's at-rest key (``sync.pg_keys.AtRest``), the row's key as associated data: a
``pg_dump`` shows no name or phone number from them, and a value moved to another row
does not open.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
import psycopg

from fieldapp.storage.records import Dialect
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
        "postgresql", order_column="pos", row_lock=" FOR UPDATE", dump_data=dump, load_data=load
    )


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
