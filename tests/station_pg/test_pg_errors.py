"""The refusal a driver's error becomes, by its SQLSTATE alone (``sync.pg_errors``): the
server's words are never read, so the classes decide; a statement of ours the server
refused is not dressed up as the environment's doing."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from fieldapp.sync.pg_errors import db_refusal


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (errors.AdminShutdown, "station_db_lost"),  # 57P01: terminated, or a shutdown
        (errors.CrashShutdown, "station_db_lost"),
        (errors.CannotConnectNow, "station_db_lost"),
        (errors.ConnectionFailure, "station_db_lost"),  # class 08
        (psycopg.OperationalError, "station_db_lost"),  # libpq's own: no SQLSTATE
        (errors.UniqueViolation, "station_db_conflict"),
        (errors.SerializationFailure, "station_db_conflict"),
        (errors.DeadlockDetected, "station_db_conflict"),
        (errors.InsufficientPrivilege, "station_db_not_permitted"),
        (errors.DiskFull, "station_db_server_refused"),
        (errors.TooManyConnections, "station_db_server_refused"),
        (errors.QueryCanceled, "station_db_server_refused"),
        (errors.LockNotAvailable, "station_db_server_refused"),
    ],
)
def test_each_sqlstate_class_has_its_refusal(error: type[psycopg.Error], code: str) -> None:
    refusal = db_refusal(error(), None)
    assert refusal is not None and refusal.code == code
    if code == "station_db_server_refused":
        assert refusal.params == {"sqlstate": error.sqlstate}


@pytest.mark.parametrize("error", [errors.SyntaxError, errors.UndefinedColumn, errors.DataError])
def test_a_statement_of_ours_refused_is_a_bug_not_a_refusal(error: type[psycopg.Error]) -> None:
    assert db_refusal(error(), None) is None
