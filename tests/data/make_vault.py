"""Keep a vault made by this version as a test fixture (issue #17; Electrum's model).

    uv run python -m tests.data.make_vault

writes ``tests/data/vaults/<version>-schema<N>/``: the demo vault (invented data only,
built on a fixed date) and ``manifest.json`` with its passphrase and what it holds. Run it
once per release that changes a vault format; never regenerate an existing folder: every
later version must open, verify and migrate the files exactly as that version wrote them
(``tests/storage/test_old_vaults.py``).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from fieldapp import __version__
from fieldapp.composition import open_vault
from fieldapp.demo import DEMO_OFFICER_ID, build_demo_vault
from fieldapp.storage.schema import SCHEMA_VERSION, version_of
from fieldapp.storage.session import Session
from fieldapp.workflow.context import Context

VAULTS = Path(__file__).resolve().parent / "vaults"
BUILT_AT = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def contents(session: Session) -> dict[str, object]:
    """What a later version must read back from the vault, the same."""
    records = Context(session).records
    return {
        # Every unlock appends an access event; the rest is what was recorded.
        "events": int(
            session.conn.execute("SELECT count(*) FROM events WHERE kind != 'access'").fetchone()[0]
        ),
        "cases": sorted(str(c.get("place_name")) for c in records.find("case")),
        "persons": sorted(str(p.get("name")) for p in records.find("person")),
        "officers": sorted(o.officer_id for o in session.officers()),
    }


def main() -> int:
    folder = VAULTS / f"{__version__}-schema{SCHEMA_VERSION}"
    if folder.exists():
        print(f"{folder} exists: fixtures are never regenerated.", file=sys.stderr)
        return 1
    passphrase = build_demo_vault(folder, clock=lambda: BUILT_AT)
    session = open_vault(folder).unlock(DEMO_OFFICER_ID, passphrase)
    try:
        manifest = {
            "app_version": __version__,
            "schema": version_of(session.conn),
            "officer": DEMO_OFFICER_ID,
            "passphrase": passphrase,
            **contents(session),
        }
    finally:
        session.lock()
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    print(f"Wrote {folder}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
