"""A station import process for the crash test: unlocks, says READY, imports one bundle.

Run as: python -m tests.sync.killed_importer STATION_DIR OFFICER PASSFILE BUNDLE
"""

import sys
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.sync.importer import StationImporter


def main() -> None:
    station_dir, officer, passfile, bundle = sys.argv[1:5]
    session = open_vault(Path(station_dir)).unlock(officer, Path(passfile).read_text().strip())
    print("READY", flush=True)
    StationImporter(session).import_file(Path(bundle))
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
