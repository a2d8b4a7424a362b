"""Where things are: the data directory and the read-only resources shipped with the app."""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp import APP_ID

DATA_DIR_ENV = "FIELDAPP_DATA_DIR"
VAULT_DB = "vault.db"
VAULT_KEYS = "vault.keys"
UNLOCK_STATE = "unlock.state"

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``override`` (``--data-dir``), else ``$FIELDAPP_DATA_DIR``,
    else the platform's user data directory."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: it costs start-up time that an override does not need

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def resource(*parts: str) -> Path:
    """A file or folder under ``resources/``."""
    return RESOURCES_DIR.joinpath(*parts)
