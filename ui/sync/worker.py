"""Importing bundles: the work the station's Import tab runs on the background runner.

The station may import 100,000 events at a time (about 30 s); the window must stay
responsive and show progress. The runner gives the work its own session on the unlocked
vault, opened and closed on its thread (a SQLite connection belongs to the thread that
opened it); the tab touches the vault only after the work has ended (DESIGN §2 rule 3:
the core reports progress through a plain callback, turned into a Qt signal there).
"""

from __future__ import annotations

import json
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.errors import KnownError, Reason
from fieldapp.sync.export import RECEIPT_SUFFIX
from fieldapp.sync.importer import BundleAlarm, Outcome, StationImporter
from ui.errors import log_bug
from ui.runner import Job
from ui.sync.texts import REFUSED


@dataclass(frozen=True)
class FileResult:
    """What became of one bundle file."""

    path: Path
    outcomes: tuple[Outcome, ...] = ()  # the bundle's own, then held ones it released
    receipt: Path | None = None
    refusal: Reason | None = None  # why the bundle was refused (nothing was written)
    alarm: str | None = None  # the alarm kind, when the refusal was also raised as an alarm
    receipt_error: str | None = None  # imported, but the receipt file could not be written
    bug: bool = False  # not a KnownError: our bug, logged without its message

    @property
    def status(self) -> str:
        if self.refusal is not None or self.bug:
            return REFUSED
        return self.outcomes[0].status.value

    @property
    def new_events(self) -> int:
        return sum(o.new_events for o in self.outcomes)

    @property
    def released(self) -> int:
        return len(self.outcomes) - 1 if self.outcomes else 0


def receipt_path(bundle: Path) -> Path:
    """Beside its bundle, as the CLI writes it: the officer takes both back on one stick."""
    return bundle.with_name(bundle.stem + RECEIPT_SUFFIX)


def import_bundles(job: Job, paths: Sequence[Path]) -> list[FileResult]:
    """On the runner's worker: import ``paths`` one after another, one transaction per
    bundle, so stopping between bundles (the vault locks) or a crash leaves each either
    imported or not. Steps: ``(index, name)`` as a file starts, its ``FileResult`` when
    done; progress: signatures verified in the current bundle, of."""
    importer = StationImporter(job.session, progress=job.progress)
    done: list[FileResult] = []
    results = _results(importer, paths)
    try:
        for index, path in enumerate(paths):
            if job.cancelled():
                break
            job.step((index, path.name))
            result = next(results)
            done.append(result)
            job.step(result)
    finally:
        results.close()
    return done


def _results(importer: StationImporter, paths: Sequence[Path]) -> Generator[FileResult]:
    """Each file's result in turn (the next bundle is opened while one is written)."""
    remaining = list(paths)
    while remaining:
        try:
            for path, result in importer.import_files(remaining):
                remaining.pop(0)
                yield _file_result(path, result)
        except Exception as exc:
            # Our bug, not the file's: logged, and the files after it are still tried.
            log_bug(exc, "sync import")
            yield FileResult(remaining.pop(0), bug=True)


def _file_result(path: Path, result: Outcome | KnownError) -> FileResult:
    if isinstance(result, BundleAlarm):
        return FileResult(path, refusal=result.to_reason(), alarm=result.kind.value)
    if isinstance(result, KnownError):
        return FileResult(path, refusal=result.to_reason())
    outcome = result
    outcomes = (outcome, *outcome.released)
    # The newest receipt says the most: a released bundle's covers this one's too.
    receipt = next((o.receipt for o in reversed(outcomes) if o.receipt), None)
    if receipt is None:
        return FileResult(path, outcomes)
    target = receipt_path(path)
    try:
        target.write_text(json.dumps(receipt, indent=2), "utf-8")
    except OSError as exc:
        return FileResult(path, outcomes, receipt_error=exc.strerror or str(exc))
    return FileResult(path, outcomes, receipt=target)
