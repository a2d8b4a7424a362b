"""Fixtures for the PostgreSQL station: login roles in a test database's groups."""

from __future__ import annotations

import re
from collections.abc import Callable

import psycopg
import pytest
from psycopg import sql

LOGIN_PASS = "staff-test-only"  # invented, for a throwaway cluster


def as_user(conninfo: str, user: str, password: str = LOGIN_PASS) -> str:
    """``conninfo`` with another user and password."""
    conninfo = re.sub(r"user='[^']*'", f"user='{user}'", conninfo)
    return re.sub(r"password='[^']*'", f"password='{password}'", conninfo)


@pytest.fixture
def login_role(pg_database: str) -> Callable[[str, str], str]:
    """Makes a login role that is a member of a group (``app`` or ``purge``) of the test
    database; returns a conninfo for it."""

    def make(name: str, group: str) -> str:
        with psycopg.connect(pg_database, autocommit=True) as conn:
            row = conn.execute("SELECT current_database()").fetchone()
            assert row is not None
            role = f"{row[0]}_{name}"
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(role),
                    sql.Literal(LOGIN_PASS),
                    sql.Identifier(f"{row[0]}_{group}"),
                )
            )
        return as_user(pg_database, role)

    return make
