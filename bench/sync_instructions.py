"""Instructions per event of the station import, counted by Valgrind's cachegrind:
repeatable on a busy machine, where seconds are not.

Two imports into copies of the same station, of the first ``n`` bundles and of the first
``n + 1``, each in a process of its own under cachegrind (the opening processes traced too:
each is forked from the fork server, and gets a count of its own). The difference is
what the last bundle cost, per event: on the writer (the importing process) and in the
opening processes (opening, verifying, preparing), without the start-up, the unlock and the
first bundle (opened on the writer while the opening processes start) that both runs share.

``python -m bench.sync_instructions STATION BUNDLE...`` is one such import (the child
process run under cachegrind).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.sync.importer import StationImporter

STATION = ("S100001", "stationen mäter också")  # bench.sync's station officer and passphrase


def available() -> bool:
    return shutil.which("valgrind") is not None


def _counts(folder: Path) -> tuple[int, int]:
    """The importing process's instructions, and the opening processes' together (each
    one's count less the fork server's, which it inherits when forked)."""
    writer, forked = 0, []
    for path in folder.glob("cg.*"):
        lines = path.read_text(errors="replace").splitlines()
        command = next((line for line in lines if line.startswith("cmd:")), "")
        total = int(next(line for line in lines if line.startswith("summary:")).split()[1])
        if "sync_instructions" in command:
            writer = total
        elif "forkserver" in command:
            forked.append(total)  # the server, and the processes forked from it (larger)
    if len(forked) < 2:
        return writer, 0
    server, *openers = sorted(forked)
    return writer, sum(openers) - server * len(openers)


def _run(station: Path, bundles: list[Path], work: Path) -> tuple[int, int, int]:
    """Instructions of one import under cachegrind: writer, opening processes, events."""
    out = work / "counts"
    out.mkdir()
    done = subprocess.run(
        [
            "valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
            f"--cachegrind-out-file={out}/cg.%p", sys.executable, "-m", "bench.sync_instructions",
            str(station), *map(str, bundles),
        ],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    events = int(done.stdout.split()[-1])
    writer, second = _counts(out)
    return writer, second, events


def per_event(station: Path, bundles: list[Path]) -> tuple[float, float]:
    """Writer's and opening processes' instructions per event of the last of ``bundles``."""
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-instructions-") as tmp:
        root = Path(tmp)
        (root / "a").mkdir()
        (root / "b").mkdir()
        w1, s1, e1 = _run(station, bundles[:-1], root / "a")
        w2, s2, e2 = _run(station, bundles, root / "b")
    events = e2 - e1
    return (w2 - w1) / events, (s2 - s1) / events


def _import(station: Path, bundles: list[Path]) -> None:
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-instructions-") as tmp:
        copy = Path(tmp) / "station"
        shutil.copytree(station, copy)
        session = open_vault(copy).unlock(*STATION)
        total = 0
        for _path, outcome in StationImporter(session).import_files(bundles):
            assert not isinstance(outcome, Exception), outcome
            total += outcome.new_events
        session.lock()
    print(total)


if __name__ == "__main__":
    _import(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
