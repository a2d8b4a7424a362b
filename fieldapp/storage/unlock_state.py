"""Failed unlock attempts, persisted beside the vault so a restart does not reset the delay.

The delay after n consecutive failures is 2^(n-1) seconds, capped at 60. The file holds
only times and the officer ids tried (ids are not secret: the login picker shows them).
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from fieldapp.errors import KnownError
from fieldapp.storage.atomic import write_atomic

MAX_DELAY_SECONDS = 60.0
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FailedAttempt:
    at: float
    officer_id: str


class UnlockState:
    """Reads and writes ``unlock.state``; a damaged file counts as one failure, not zero."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def failures(self) -> list[FailedAttempt]:
        try:
            data = json.loads(self._path.read_bytes())
            return [FailedAttempt(float(a), str(o)) for a, o in data["failures"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError):
            # Someone edited it: keep a delay rather than granting a fresh start.
            return [FailedAttempt(0.0, "?")]

    def delay_after(self, failures: list[FailedAttempt]) -> float:
        if not failures:
            return 0.0
        return min(MAX_DELAY_SECONDS, 2.0 ** (len(failures) - 1))

    def remaining(self, now: float) -> float:
        failures = self.failures()
        if not failures:
            return 0.0
        return max(0.0, failures[-1].at + self.delay_after(failures) - now)

    def record_failure(self, officer_id: str, now: float) -> float:
        """Record one failure; returns the delay before the next attempt."""
        failures = [*self.failures(), FailedAttempt(now, officer_id)]
        try:
            write_atomic(self._path, self._encode(failures))
        except KnownError:
            _log.warning("could not persist the failed-unlock counter")
        return self.delay_after(failures)

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()

    @staticmethod
    def _encode(failures: list[FailedAttempt]) -> bytes:
        rows = [[f.at, f.officer_id] for f in failures[-100:]]
        return json.dumps({"version": 1, "failures": rows}).encode()
