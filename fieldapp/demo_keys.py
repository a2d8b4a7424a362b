"""The demo vault's first half: its key file and officers, before the login dialog shows.

Only what the login needs (``vault.keys`` with the demo officers' slots) is made before the
dialog is painted; ``fieldapp.demo.fill_demo_vault`` adds the invented operation after.
Light on imports for that reason: the workflow and the ads register load with the filling.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fieldapp.composition import open_vault
from fieldapp.errors import VaultExists
from fieldapp.officers import Role
from fieldapp.storage.keyslots import DerivedKek, KdfCost
from fieldapp.storage.session import Session

DEMO_OFFICER_ID = "D100001"
DEMO_OFFICER_NAME = "Dana Demosson"
# (service id, name, vault role): the invented officers besides Dana.
DEMO_OFFICERS: tuple[tuple[str, str, Role], ...] = (
    ("D100002", "Erik Exempelsson", Role.FIELD_OFFICER),
    ("D100003", "Fia Fiktivsdotter", Role.FIELD_OFFICER),
    ("D100004", "Gustav Låtsasberg", Role.TEAM_LEADER),
)


def create_demo_vault(data_dir: str | Path) -> tuple[Session, str]:
    """A new demo vault in ``data_dir`` (empty or new) with its officers, all sharing one
    passphrase: the open session (to fill, then lock) and the passphrase."""
    folder = Path(data_dir)
    if folder.exists() and any(folder.iterdir()):
        raise VaultExists(f"{folder} is not empty; the demo needs an empty or new folder.")
    passphrase = f"demo-{secrets.token_urlsafe(12)}"
    # A throwaway vault: the minimum key-derivation cost, and one derivation for the four
    # officers who share the passphrase the banner shows (one each was most of the start).
    derived = DerivedKek.derive(passphrase, KdfCost())
    session = open_vault(folder).create(
        DEMO_OFFICER_ID, DEMO_OFFICER_NAME, passphrase, derived=derived
    )
    throwaway(session)
    try:
        for officer_id, name, role in DEMO_OFFICERS:
            session.enrol_officer(officer_id, name, role.value, passphrase, derived=derived)
    except BaseException:
        session.lock()
        raise
    return session, passphrase


def throwaway(session: Session) -> None:
    """No flush to disk at each of the demo's hundred commits (most of its building time on
    a busy disk): the folder is deleted on exit, and a crash meanwhile loses only a demo.
    Per connection: the filling's own session is told too."""
    session.conn.execute("PRAGMA synchronous = OFF")
