"""``fieldapp self-test`` (issue #17): every part an installation can lack, tried for real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import main
from fieldapp import paths
from tests.postgres import SUPERUSER_PASS


def test_the_self_test_passes_here(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split(":")[0].split()[-1] for line in lines]
    assert names == [
        "resources", "sqlcipher", "crypto", "fonts", "postgresql", "qt", "qtpdf", "translations"
    ]  # fmt: skip
    assert all(line.startswith("ok ") for line in lines)
    assert any("(binary), libpq " in line for line in lines), lines
    assert any("FTS5" in line for line in lines) and any("_rl_accel" in line for line in lines)
    # The years with day-fine figures, where IT looks (a later year refuses a suggestion).
    assert any("day-fine figures 2011–2026" in line for line in lines), lines


def test_a_missing_part_fails_the_self_test(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An installation whose resources folder lost its translations.
    (tmp_path / "legal").mkdir()
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    assert main.main(["self-test"]) == 1
    out = capsys.readouterr().out
    for name in ("resources", "translations"):
        assert f"FAIL {name}:" in out
    assert "ok  sqlcipher:" in out and "ok  crypto:" in out


def test_the_self_test_connects_to_a_station_database_when_asked(
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    params = dict(re.findall(r"(\w+)='([^']*)'", pg_database))
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{params['user']}:{SUPERUSER_PASS}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    target = " ".join(f"{k}={v}" for k, v in params.items() if k != "password")
    assert main.main(["self-test", "--database", target]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^ok  postgresql-server: connected to PostgreSQL \d+\.\d+, no TLS", out, re.M)
    away = f"host={tmp_path} port=5999 dbname=station"
    assert main.main(["self-test", "--database", away]) == 1
    out = capsys.readouterr().out
    assert "FAIL postgresql-server: KnownError: The station's database server cannot be" in out
    assert main.main(["self-test", "--database", target + " password=x"]) == 1
    assert (
        "FAIL postgresql-server: KnownError: A password is never given" in capsys.readouterr().out
    )
