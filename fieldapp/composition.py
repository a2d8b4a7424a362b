"""The vault as the app builds it: the projections every vault maintains, handed to
``Vault`` by the composition roots (``main.py``, the CLI, the demo, the tests' conftest).

The storage layer keeps the tables of features above it (the officers, the records, the
ads' search index) without importing them; this module, at the top, is where they meet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.storage.vault import Vault

if TYPE_CHECKING:
    from fieldapp.storage.projections import Projection


def core_projections() -> list[Projection]:
    """The projections every vault has: officers, the records of everything else, and the
    encrypted full-text index over ads and observations (it reads ``records``, so it
    comes after)."""
    # Deferred for start-up time: the login dialog shows before these (and SQLCipher) load.
    from fieldapp.ads.index import SearchIndexProjection
    from fieldapp.officers import OfficersProjection
    from fieldapp.storage.records import RecordsProjection

    return [OfficersProjection(), RecordsProjection(), SearchIndexProjection()]


def open_vault(data_dir: Path, *, clock: Callable[[], float] = time.time) -> Vault:
    """The vault in ``data_dir`` with the core projections (it need not exist yet)."""
    return Vault(data_dir, projections=core_projections, clock=clock)
