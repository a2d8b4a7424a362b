"""The test cluster itself: a real server, reached over its socket, one database a test."""

from __future__ import annotations

import psycopg
import pytest

from tests import postgres


def test_a_fresh_database_per_test_on_a_real_server(pg_database: str) -> None:
    with psycopg.connect(pg_database) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
        listening = conn.execute("SHOW listen_addresses").fetchone()
    assert version is not None and int(version[0]) >= 150000
    assert tables == (0,)
    assert listening == ("",)  # the socket only, no TCP port


def test_without_postgresql_the_reason_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "find_bindir", lambda: None)
    reason = postgres.start_cluster()
    assert isinstance(reason, str)
    assert "not installed" in reason and postgres.REQUIRE_ENV in reason
