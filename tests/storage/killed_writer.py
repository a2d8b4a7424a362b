"""A writer process for the crash test: unlocks a vault and appends events until killed.

After each commit it prints ``seq id`` on stdout, so the parent knows what was committed.
Run as: python -m tests.storage.killed_writer DATA_DIR OFFICER PASSPHRASE_FILE
"""

import sys
import uuid
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.storage.events import Draft


def main() -> None:
    data_dir, officer, passfile = sys.argv[1:4]
    session = open_vault(Path(data_dir)).unlock(officer, Path(passfile).read_text().strip())
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        batch = [
            Draft(
                "create", "note", str(uuid.uuid4()), {"data": {"text": f"crash test {n}.{i}" * 20}}
            )
            for i in range(1 + n % 4)
        ]
        for event in session.append(batch):
            print(event.seq, event.id, flush=False)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
