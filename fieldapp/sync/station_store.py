"""What the station's import rules need of the store under them (issue #18).

``fieldapp.sync.importer`` holds the rules (signatures, chain links, the register, gaps
held, forks and conflicts, idempotence, receipts) once; a store only reads and writes.
Two stores implement this: the station vault (``sync.vault_store``, SQLCipher, the
default) and a PostgreSQL database (``sync.pg_store``) for a region that outgrows one PC.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from fieldapp.storage.events import Draft, Event
from fieldapp.storage.projections import Prepared, Projector
from fieldapp.storage.verify import ChainChecker
from fieldapp.sync.bundle import Header
from fieldapp.sync.register import Register
from fieldapp.sync.station import StationKeys

# Raw public keys by (device, officer), and the stations' by their signer id.
SigningKeys = tuple[dict[tuple[str, str], bytes], dict[str, bytes]]


class StationStore(Protocol):
    """The station's storage, as the importer uses it. Every write is one transaction."""

    @property
    def keys(self) -> StationKeys:
        """The station's private keys (refused where the store is not a station)."""
        ...

    @property
    def projector(self) -> Projector | None:
        """The projections the store maintains, for work done ahead in another process."""
        ...

    def register(self) -> Register:
        """The register of laptops as the station's own events make it, now."""
        ...

    def imported(self) -> frozenset[str]:
        """Every bundle imported before."""
        ...

    def already_imported(self, bundle_id: str) -> bool: ...

    def checker_for(self, device_id: str) -> ChainChecker:
        """What the station knows of one device: its head and who may sign there."""
        ...

    def signing_keys(self) -> SigningKeys:
        """Every key the station knows (for the process that opens bundles ahead)."""
        ...

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` the store holds already."""
        ...

    def entry_hash_at(self, device_id: str, seq: int) -> bytes | None:
        """The entry hash held at a device's sequence number, if any."""
        ...

    def blob(self, digest: str) -> bytes | None: ...

    def device_lock(self, device_id: str) -> AbstractContextManager[None]:
        """Held while one device's bundle is checked and stored: two importers of the same
        device take turns, two of different devices do not wait for each other."""
        ...

    def store_bundle(
        self,
        header: Header,
        events: Sequence[Event],
        blobs: Mapping[str, bytes],
        imported_at: str,
        check: Callable[[], None],
        prepared: Sequence[Prepared | None] | None = None,
    ) -> None:
        """In one transaction: store ``events`` and ``blobs`` (and their projections), run
        ``check`` (which raises to roll everything back), record the bundle as imported
        and no longer held."""
        ...

    def hold(self, header: Header, data: bytes) -> None:
        """Keep a bundle, still sealed, until the gap before it is filled."""
        ...

    def next_held(self, device_id: str, through_seq: int) -> tuple[str, bytes] | None:
        """The first bundle held for ``device_id`` that can follow ``through_seq``."""
        ...

    def drop_held(self, bundle_id: str) -> None: ...

    def append(self, drafts: Iterable[Draft]) -> list[Event]:
        """Append the station's own events (alarms, the register)."""
        ...
