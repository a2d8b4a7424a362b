"""``fieldapp self-test`` (issue #17): every part an installation can lack, tried for real."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from fieldapp import paths


def test_the_self_test_passes_here(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split(":")[0].split()[-1] for line in lines]
    assert names == ["resources", "sqlcipher", "crypto", "fonts", "qt", "qtpdf", "translations"]
    assert all(line.startswith("ok ") for line in lines)
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
