"""Where things are: the data directory and the read-only resources shipped with the app.

Resources are found the way the app was installed, never by guessing from this file's
place in a source tree:

- a frozen build (PyInstaller) unpacks them into its bundle folder, ``fieldapp/resources``;
- an installed wheel carries them as package data of ``fieldapp`` (``fieldapp/resources``,
  mapped there by pyproject's build config), found with ``importlib.resources``;
- a checkout is an editable install (``uv run``): its distribution's ``direct_url.json``
  (PEP 610) names the project folder, whose ``resources/`` is used.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from fieldapp import APP_ID

DATA_DIR_ENV = "FIELDAPP_DATA_DIR"
VAULT_DB = "vault.db"
VAULT_KEYS = "vault.keys"
UNLOCK_STATE = "unlock.state"

RESOURCES = "resources"


class ResourcesMissing(RuntimeError):
    """The installation has no resources folder: it is broken, not the user's input."""


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


def is_frozen() -> bool:
    """True in a frozen build (PyInstaller sets ``sys.frozen`` and ``sys._MEIPASS``)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


@functools.cache
def resources_dir() -> Path:
    """The folder of the shipped resources, for this kind of installation."""
    if is_frozen():
        found = Path(getattr(sys, "_MEIPASS", "")) / APP_ID / RESOURCES
        if found.is_dir():
            return found
    from importlib.resources import files

    packaged = files(APP_ID) / RESOURCES
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    editable = _editable_project()
    if editable is not None and (editable / RESOURCES).is_dir():
        return editable / RESOURCES
    raise ResourcesMissing(
        "fieldapp's resources folder is missing: the installation is incomplete."
    )


def _editable_project() -> Path | None:
    """The project folder of an editable install (PEP 610's ``direct_url.json``)."""
    import json  # Deferred for start-up time: a checkout's lookup only
    from urllib.parse import unquote, urlparse

    text = _direct_url_json()
    if not text:
        return None
    info = json.loads(text)
    if not info.get("dir_info", {}).get("editable"):
        return None
    url = urlparse(info.get("url", ""))
    if url.scheme != "file":
        return None
    # urllib.request's url2pathname, without importing urllib.request (http.client, ssl
    # and email: a tenth of the login's start-up): it is this on each system.
    if os.name == "nt":
        from nturl2path import url2pathname  # Deferred for start-up time: Windows only

        return Path(url2pathname(url.path))
    return Path(unquote(url.path))


def _direct_url_json() -> str | None:
    """This distribution's ``direct_url.json``, from the first ``fieldapp-*.dist-info`` on
    ``sys.path``, as ``importlib.metadata.distribution`` finds it (importing that module
    costs a tenth of the login's start-up, and only a checkout comes here)."""
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            found = sorted(folder.glob(f"{APP_ID}-*.dist-info"))
        except OSError:
            continue
        for info in found:
            try:
                return (info / "direct_url.json").read_text("utf-8")
            except OSError:
                return None
    return None


def resource(*parts: str) -> Path:
    """A file or folder under ``resources/``."""
    return resources_dir().joinpath(*parts)
