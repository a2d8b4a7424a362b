"""A benchmark logs into a throwaway folder of its own, never the user's log: the app it
starts (``main.py``, which installs the log and writes a "desktop app" line) is run with the
user's home and log variables as a user has them, and the user's log stays untouched."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import bench
from bench.startup import ROOT, to_first_paint
from fieldapp import logs


def _as_a_user(monkeypatch: pytest.MonkeyPatch, home: Path) -> Path:
    """The environment of a user with no log variable set; returns that user's log file."""
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv(logs.LOG_DIR_ENV)
    user_log = logs.log_file()
    assert user_log.is_relative_to(home)  # the platform's folder, under the home set here
    return user_log


def test_the_app_a_bench_starts_logs_into_the_bench_folder_not_the_users(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user_log = _as_a_user(monkeypatch, tmp_path / "home")
    # The start-up bench's own run of the app, to its first window (a new vault's first
    # run: no key derivation), with the bench's environment.
    to_first_paint([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "new")])
    assert not user_log.exists() and not user_log.parent.exists()
    own = bench.own_log_dir() / logs.LOG_NAME
    assert "desktop app" in own.read_text("utf-8")
    assert not own.is_relative_to(tmp_path / "home")


def test_a_log_folder_set_before_the_bench_is_not_the_benchs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Even a folder IT set in the variable is the user's log: a bench's child writes
    elsewhere, and so does a log installed in the bench's own process."""
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "it"))
    env = bench.child_env(EXTRA="1")
    assert env[logs.LOG_DIR_ENV] == str(bench.own_log_dir()) and env["EXTRA"] == "1"
    assert os.environ[logs.LOG_DIR_ENV] == str(bench.own_log_dir())
    assert not bench.own_log_dir().is_relative_to(tmp_path)
