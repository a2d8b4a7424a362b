"""Opening ``vault.db``: SQLCipher 4 with a raw 256-bit key, the pragmas, the build self-test,
and the one place where SQLite errors become errors a user can read."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeAlias, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from fieldapp.errors import StorageUnavailable, UnsupportedBuild, VaultDamaged

# sqlcipher3 mirrors the sqlite3 API but ships no type stubs: type it as sqlite3's.
Connection: TypeAlias = sqlite3.Connection
DatabaseError = dbapi2.DatabaseError
# The class of a vault's connection (``storage.records`` tells it from other connections).
VaultConnectionType: type = dbapi2.Connection


class Rows(Protocol):
    """What a statement's result is read through (a cursor of either driver)."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Any: ...


class SqlConnection(Protocol):
    """The part of a connection the records projection and its readers use: a vault's
    SQLite connection as it is, or the PostgreSQL station's seam
    (``fieldapp.sync.pg_connection``), which takes the same ``?`` statements."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Rows: ...

    def executemany(self, sql: str, parameters: Any, /) -> Rows: ...


_DAMAGED = {dbapi2.SQLITE_NOTADB, dbapi2.SQLITE_CORRUPT}
_NO_SPACE_OR_ACCESS = {
    dbapi2.SQLITE_FULL,
    dbapi2.SQLITE_READONLY,
    dbapi2.SQLITE_CANTOPEN,
    dbapi2.SQLITE_IOERR,
    dbapi2.SQLITE_PERM,
}


def _as_is(value: object) -> object:
    return value


# Bound as they are, as the module binds str, int, float and bytearray. Without an adapter
# registered for their type, the module looked each NULL and each bytes value up in its
# adapter registry, then asked both the value and the protocol for ``__conform__`` and
# ``__adapt__``, building an AttributeError each time: about ten thousand instructions a
# value (a station importing a bundle binds six NULLs an event, in the search index and the
# records). With an adapter, one lookup and one call; what is stored is the same.
sqlcipher3.register_adapter(type(None), _as_is)
sqlcipher3.register_adapter(bytes, _as_is)

PRAGMAS = (
    "journal_mode = WAL",
    "synchronous = FULL",
    "temp_store = MEMORY",
    "foreign_keys = ON",
    "busy_timeout = 5000",
    # 64 MiB of decrypted pages (the default is 2 MiB): a station's indexes stay in memory
    # while it imports 100,000 events, instead of pages being decrypted again and again.
    "cache_size = -65536",
)


def check_build(conn: Connection) -> None:
    """Refuse to run on a SQLite library without SQLCipher or FTS5."""
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise UnsupportedBuild(
            "The SQLite library in use has no SQLCipher encryption; refusing to store data."
        )
    options = {r[0] for r in conn.execute("PRAGMA compile_options")}
    if "ENABLE_FTS5" not in options:
        raise UnsupportedBuild("The SQLCipher library in use lacks full-text search (FTS5).")


@functools.cache
def check_library() -> None:
    """``check_build`` once a process, on a connection of its own: what it checks is the
    library's, and its statements left prepared on a vault's connection would hold part of
    that connection's small allocator for as long as it is open (``run_once``)."""
    conn = cast(Connection, sqlcipher3.connect(":memory:"))
    try:
        check_build(conn)
    finally:
        conn.close()


def run_once(conn: Connection, statements: Sequence[str]) -> None:
    """Run set-up statements whose results are not needed, each finalized at once.

    ``execute`` keeps every statement prepared in the connection's statement cache until
    the connection closes, and a prepared statement holds slots of SQLite's lookaside (a
    per-connection allocator of about 120 small slots that serves the values every insert
    binds). Held by set-up statements run once, the slots were gone, and each value of each
    row went to malloc instead: that was a fifth of what a vault's writes cost over the
    same writes without a key (``bench storage`` (b)). ``executescript`` prepares, runs
    and finalizes each statement; nothing of the key stays in the cache either."""
    conn.executescript(";\n".join(statements) + ";")


def apply_pragmas(conn: Connection) -> None:
    """``PRAGMAS`` on ``conn`` (a vault's, or the benchmark's keyless baseline)."""
    run_once(conn, [f"PRAGMA {pragma}" for pragma in PRAGMAS])


# SQLCipher's memory security: freed memory zeroed and pages locked. It is process-wide
# and cannot be turned off once on. Off by default: see the README (security model) for
# its measured cost; ``bench storage`` measures it again.
MEMORY_SECURITY = False


def connect(path: Path, data_key: bytes) -> Connection:
    """Open (or create) the encrypted database at ``path`` with ``data_key``.

    Raises ``VaultDamaged`` if the key does not open the file (wrong key or damaged page 1),
    ``StorageUnavailable`` if the file cannot be opened or written.
    """
    if len(data_key) != 32:
        raise ValueError("the data key is 256 bits")
    try:
        conn = cast(Connection, sqlcipher3.connect(str(path), isolation_level=None))
    except dbapi2.Error as exc:
        raise StorageUnavailable(f"Cannot open {path.name}: {exc}.") from None
    try:
        check_library()
        # SQLCipher reports HMAC failures on stderr itself; we report them as VaultDamaged.
        setup = ["PRAGMA cipher_log_level = NONE"]
        if MEMORY_SECURITY:
            setup.append("PRAGMA cipher_memory_security = ON")
        setup.append(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        run_once(conn, setup)
        with translate_errors(path.name):
            run_once(conn, ["SELECT count(*) FROM sqlite_master"])
            apply_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def damaged(what: str = "vault.db") -> VaultDamaged:
    return VaultDamaged(
        f"{what} is damaged or has been altered (encrypted page check failed). "
        "Do not write to it; restore from the station or a backup."
    )


@contextlib.contextmanager
def translate_errors(what: str = "vault.db") -> Iterator[None]:
    """Turn SQLite errors that the user or the disk caused into ``KnownError``s."""
    try:
        yield
    except dbapi2.Error as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        text = str(exc)
        if primary in _DAMAGED or "malformed" in text or "not a database" in text:
            raise damaged(what) from None
        if primary in _NO_SPACE_OR_ACCESS or "disk is full" in text or "readonly" in text:
            reason = "the disk is full" if primary == dbapi2.SQLITE_FULL else text
            raise StorageUnavailable(
                f"Could not write to {what}: {reason}. Nothing of this change was saved."
            ) from None
        raise


@contextlib.contextmanager
def transaction(conn: Connection, what: str = "vault.db") -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; any error rolls back everything, then propagates."""
    with translate_errors(what):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            rollback_quietly(conn)
            raise


def rollback_quietly(conn: Connection) -> None:
    """Roll back if a transaction is open; an error here must not hide the first one."""
    if conn.in_transaction:
        with contextlib.suppress(dbapi2.Error):
            conn.execute("ROLLBACK")


def integrity_problems(conn: Connection) -> list[str]:
    """Every page's HMAC and SQLite's own structure check; empty when all is well."""
    with translate_errors():
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        # FTS5 keeps each index's structure cached per connection; after another
        # connection (a background worker's) wrote, the check compares against the stale
        # copy and reports a checksum mismatch. A rowid lookup reloads it first.
        fts = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
        ).fetchall()
        for (name,) in fts:
            conn.execute(f'SELECT rowid FROM "{name}" WHERE rowid = -1').fetchall()
        quick = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
    return problems + [q for q in quick if q != "ok"]


def statements(script: str) -> list[str]:
    """Split a script into statements (``executescript`` would commit our transaction)."""
    out: list[str] = []
    current: list[str] = []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current)
        if dbapi2.complete_statement(joined):
            out.append(joined)
            current = []
    if current and "\n".join(current).strip():
        out.append("\n".join(current))
    return out
