"""The PostgreSQL station's refusals (issue #18): every failure to reach or use the server
as a ``KnownError`` with a code of its own (``station_db_*``), never a driver's stack
trace, and chosen without reading the server's words, which come in the language of its
``lc_messages``: by SQLSTATE, the connection's state, and for a failed connection (which
libpq reports without a SQLSTATE) by asking the server again (``connect_refusal``).

``db_errors`` wraps the store's work (``sync.pg_store``) and every statement the records
projection and the review run through the connection seam (``sync.pg_connection``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import conninfo as libpq
from psycopg import pq

from fieldapp.errors import KnownError, coded


def connect_refusal(info: str, exc: psycopg.OperationalError, timeout: int) -> KnownError:
    """Why a connection failed, by asking the server, never by reading its message.

    libpq reports a failed connection without a SQLSTATE, and what the server said is in
    its own language (``lc_messages``). So: a ping (libpq's ``PQping``, which reads the
    startup's SQLSTATE itself) tells a server that answered from one not reached or not
    accepting connections; then the same login to the cluster's ``template1`` tells a
    refused login from a missing database, which ``pg_database`` then confirms."""
    ping = pq.PGconn.ping(libpq.make_conninfo(info, connect_timeout=timeout).encode())
    if ping != pq.Ping.OK:
        return KnownError(
            coded("station_db_unreachable", "The station's database server cannot be reached.")
        )
    if _database_missing(info, exc.pgconn, timeout):
        return KnownError(coded("station_db_missing", "That database does not exist."))
    return KnownError(coded("station_db_login_refused", "The database refused the login."))


def _database_missing(info: str, failed: pq.abc.PGconn | None, timeout: int) -> bool:
    """Whether the login ``info`` names gets into the cluster (``template1``, which every
    cluster has) and the database it asked for is not there. The password libpq used
    (given, or from a password file's line for that database) is used again; a login
    refused here too, or one that sees the database, is a refused login."""
    if failed is None:
        return False
    try:
        dbname = failed.db.decode("utf-8")
        used = failed.password
    except (psycopg.OperationalError, UnicodeDecodeError):  # nothing left to read
        return False
    probe = libpq.make_conninfo(info, dbname="template1")
    if used:
        probe = libpq.make_conninfo(probe, password=used.decode("utf-8", "replace"))
    try:
        with psycopg.connect(probe, autocommit=True, connect_timeout=timeout) as conn:
            found = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = %s)", (dbname,)
            ).fetchone()
    except psycopg.Error:
        return False
    return found is not None and not found[0]


# SQLSTATEs of a server that ended the session (class 08 is the connection's own):
# an administrator's or a shutdown's termination, a crash, a server not accepting yet.
_SESSION_ENDED = frozenset({"57P01", "57P02", "57P03", "57P04", "57P05"})


def _lost(exc: psycopg.Error, conn: psycopg.Connection[Any] | None) -> bool:
    """Whether ``exc`` means the server is gone: by its SQLSTATE, or (libpq's own errors
    carry none) by the connection, which psycopg marks broken once the server is."""
    state = exc.sqlstate or ""
    if state.startswith("08") or state in _SESSION_ENDED:
        return True
    return conn is not None and (conn.broken or conn.pgconn.status != pq.ConnStatus.OK)


@contextlib.contextmanager
def db_errors(conn: psycopg.Connection[Any] | None = None) -> Iterator[None]:
    """A server gone, or a statement refused, as a coded refusal chosen by SQLSTATE and
    the connection's state, never by the server's message (the transaction it was in is
    rolled back by the server: nothing of it stays). ``conn``: the connection the work
    runs on, checked when an error carries no SQLSTATE."""
    try:
        yield
    except psycopg.Error as exc:
        refusal = db_refusal(exc, conn)
        if refusal is None:
            raise
        raise refusal from None


def db_refusal(exc: psycopg.Error, conn: psycopg.Connection[Any] | None) -> KnownError | None:
    """``exc``'s refusal by code, or None where it is not the server's or the
    environment's doing (a statement of ours the server refused: a bug, raised as it is)."""
    state = exc.sqlstate or ""
    if _lost(exc, conn) or (isinstance(exc, psycopg.OperationalError) and not state):
        return KnownError(
            coded(
                "station_db_lost",
                "The connection to the station's database was lost; nothing of the "
                "unfinished work was kept. Try again.",
            )
        )
    if state.startswith(("23", "40")):
        # Rows another station PC wrote at the same moment (an event id two laptops both
        # claim: class 23), or a transaction the server rolled back to let another
        # through (class 40): nothing of this one was kept; the next try sees them.
        return KnownError(
            coded(
                "station_db_conflict",
                "Another station PC stored the same records at the same moment; nothing "
                "was kept. Try again.",
            )
        )
    if state == "42501":  # insufficient_privilege
        return KnownError(
            coded("station_db_not_permitted", "The database does not permit this for this login.")
        )
    if isinstance(exc, psycopg.OperationalError) or state.startswith(("53", "54", "55", "57")):
        # The server's resources or its state (disk full, out of memory, too many
        # connections, a lock or statement timeout, a cancel, an I/O error), the
        # connection still up: nothing of the work was kept.
        return KnownError(
            coded(
                "station_db_server_refused",
                f"The station's database server refused the work (SQLSTATE {state}); "
                "nothing of it was kept.",
                sqlstate=state,
            )
        )
    return None
