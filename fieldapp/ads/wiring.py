"""Putting the search index into a vault.

A vault's projections are fixed when it is opened. Until ``core_projections`` in
``fieldapp.storage.vault`` lists ``SearchIndexProjection`` itself, code that needs the
index opens the vault with ``vault_projections()``; once it is listed there, this adds
nothing twice. (Opening one vault alternately with and without the index is safe but
slow: the changed set of tables makes the next opening rebuild every projection.)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fieldapp.ads.index import ad_projections
from fieldapp.storage.projections import Projection
from fieldapp.storage.vault import Vault, core_projections


def vault_projections() -> list[Projection]:
    """The core projections, then the search index (it reads ``records``, so comes after)."""
    core: list[Projection] = list(core_projections())
    present = {type(p) for p in core}
    return [*core, *(p for p in ad_projections() if type(p) not in present)]


def open_vault(data_dir: Path, *, clock: Callable[[], float] = time.time) -> Vault:
    """The vault in ``data_dir`` with the search index among its projections."""
    return Vault(data_dir, projections=vault_projections(), clock=clock)
