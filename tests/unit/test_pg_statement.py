"""The PostgreSQL station's seam turns a vault's ``?`` placeholders into psycopg's ``%s``,
leaving quoted literals (a '?' in one, a doubled quote) and escaping ``%``."""

from __future__ import annotations

from fieldapp.sync.pg_connection import pg_parameters, pg_statement


def test_placeholders_outside_literals_only() -> None:
    assert pg_statement("SELECT a FROM t WHERE b = ? AND c = ?") == (
        "SELECT a FROM t WHERE b = %s AND c = %s"
    )
    assert pg_statement("SELECT coalesce(d, '?') FROM t WHERE e = ?") == (
        "SELECT coalesce(d, '?') FROM t WHERE e = %s"
    )
    assert pg_statement("SELECT 'it''s ?' || ? FROM t") == "SELECT 'it''s ?' || %s FROM t"
    assert pg_statement("SELECT x FROM t WHERE y LIKE '5%' AND z = ?") == (
        "SELECT x FROM t WHERE y LIKE '5%%' AND z = %s"
    )


def test_numbered_placeholders_become_named_values() -> None:
    # A vault's statement may bind a value once and use it twice (?6 in two columns).
    sql = "INSERT INTO t VALUES (?1, ?2, ?1, '?3')"
    assert pg_statement(sql) == "INSERT INTO t VALUES (%(p1)s, %(p2)s, %(p1)s, '?3')"
    assert pg_parameters(sql, ("a", "b")) == {"p1": "a", "p2": "b"}
    assert pg_parameters("SELECT ? FROM t WHERE x = '?1'", ("a",)) == ("a",)
