"""``python -m bench NAME``: run one benchmark by name."""

from __future__ import annotations

import importlib
import sys

from bench import own_log_dir

BENCHMARKS = {
    "storage": "bench.storage",
    "documents": "bench.documents",
    "sync": "bench.sync",
    "ads": "bench.ads",
    "ui": "bench.ui",
    "dashboard": "bench.dashboard",
    "startup": "bench.startup",
    "station": "bench.station",
}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in BENCHMARKS:
        print(f"usage: python -m bench {{{','.join(BENCHMARKS)}}}", file=sys.stderr)
        return 2
    own_log_dir()  # before anything can install the log
    module = importlib.import_module(BENCHMARKS[argv[0]])
    module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
