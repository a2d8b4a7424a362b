"""Failed unlock attempts, persisted beside the vault so a restart does not reset the delay.

The delay after n consecutive failures is 2^(n-1) seconds, capped at 60. The file holds
only times and the officer ids tried (ids are not secret: the login picker shows them).
A file that cannot be read (edited, truncated, garbage) is no fresh start: it is taken as
the maximum delay from the moment it is found so, and rewritten to say that.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

from fieldapp.errors import KnownError
from fieldapp.storage.atomic import write_atomic

MAX_DELAY_SECONDS = 60.0
# Failures that reach the maximum delay (2^(n-1) >= 60).
_SATURATED = 1 + math.ceil(math.log2(MAX_DELAY_SECONDS))
UNKNOWN_OFFICER = "?"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FailedAttempt:
    at: float
    officer_id: str


class UnlockState:
    """Reads and writes ``unlock.state``; a damaged file means the maximum delay."""

    def __init__(self, path: Path) -> None:
        self._path = path
        # The saturated state, if the damaged file could not be rewritten (a read-only
        # folder): kept here, so the delay still runs from when the damage was found.
        self._damaged: list[FailedAttempt] | None = None

    def failures(self) -> list[FailedAttempt]:
        read = self._read()
        if read is not None:
            return read
        return self._damaged or [FailedAttempt(0.0, UNKNOWN_OFFICER)] * _SATURATED

    def delay_after(self, failures: list[FailedAttempt]) -> float:
        if not failures:
            return 0.0
        return min(MAX_DELAY_SECONDS, 2.0 ** (len(failures) - 1))

    def remaining(self, now: float) -> float:
        failures = self._current(now)
        if not failures:
            return 0.0
        return max(0.0, failures[-1].at + self.delay_after(failures) - now)

    def record_failure(self, officer_id: str, now: float) -> float:
        """Record one failure; returns the delay before the next attempt."""
        failures = [*self._current(now), FailedAttempt(now, officer_id)]
        self._write(failures)
        return self.delay_after(failures)

    def clear(self) -> None:
        self._damaged = None
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()

    def _read(self) -> list[FailedAttempt] | None:
        """The recorded failures; ``None`` if the file exists but cannot be read."""
        try:
            data = json.loads(self._path.read_bytes())
            failures = [FailedAttempt(float(a), str(o)) for a, o in data["failures"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None
        if not all(math.isfinite(f.at) for f in failures):
            return None
        return failures

    def _current(self, now: float) -> list[FailedAttempt]:
        failures = self._read()
        if failures is not None:
            return failures
        if self._damaged is None:
            # Edited or damaged: keep the longest delay rather than granting a fresh start.
            _log.warning("unlock.state is unreadable: the maximum unlock delay applies")
            self._damaged = [FailedAttempt(now, UNKNOWN_OFFICER)] * _SATURATED
            self._write(self._damaged)
        return self._damaged

    def _write(self, failures: list[FailedAttempt]) -> None:
        try:
            write_atomic(self._path, self._encode(failures))
        except KnownError:
            _log.warning("could not persist the failed-unlock counter")

    @staticmethod
    def _encode(failures: list[FailedAttempt]) -> bytes:
        rows = [[f.at, f.officer_id] for f in failures[-100:]]
        return json.dumps({"version": 1, "failures": rows}).encode()
