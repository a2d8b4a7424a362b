"""Benchmarks, run as ``uv run python -m bench NAME``; they print figures and ratios.

A bench logs into a throwaway folder of its own (``own_log_dir``), never into the user's
log: the app it starts would otherwise add a "desktop app" line to the real log at every
run, burying what support needs among bench starts."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from fieldapp.logs import LOG_DIR_ENV

_log_dir: Path | None = None


def own_log_dir() -> Path:
    """The bench's log folder, made on first use and removed when the bench ends. It is put
    in ``FIELDAPP_LOG_DIR`` (each call, in case something reset it), so a log installed in
    the bench's process and every process it starts write there, whatever the variable said
    before: even an IT-set log folder is the user's, not the bench's."""
    global _log_dir
    if _log_dir is None or not _log_dir.is_dir():
        _log_dir = Path(tempfile.mkdtemp(prefix="fieldapp-bench-log-"))
        atexit.register(shutil.rmtree, _log_dir, True)
    os.environ[LOG_DIR_ENV] = str(_log_dir)
    return _log_dir


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a process a bench starts: this one's, logging to the bench's own
    folder, with ``extra`` on top."""
    own_log_dir()
    return {**os.environ, **extra}
