"""The station's store in its SQLCipher vault (the default): ``StationStore`` over an
unlocked station ``Session``, reading and writing exactly as the station always has."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from nacl.signing import VerifyKey

from fieldapp.storage.database import Connection
from fieldapp.storage.events import Draft, Event
from fieldapp.storage.projections import Prepared, Projector
from fieldapp.storage.records import Records
from fieldapp.storage.session import Session
from fieldapp.storage.verify import STATION_ENTITY, ChainChecker, station_signer
from fieldapp.sync.bundle import Header
from fieldapp.sync.register import Register, load_register
from fieldapp.sync.station import StationKeys, station_keys
from fieldapp.sync.station_store import SigningKeys


class VaultStationStore:
    """A station vault, unlocked (one writer: the vault is one PC's)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._keys = station_keys(session)

    @property
    def keys(self) -> StationKeys:
        return self._keys

    @property
    def projector(self) -> Projector | None:
        return self._session.projector

    def register(self) -> Register:
        return load_register(self._session)

    def imported(self) -> frozenset[str]:
        rows = self._session.conn.execute("SELECT bundle_id FROM imported_bundles")
        return frozenset(str(r[0]) for r in rows)

    def already_imported(self, bundle_id: str) -> bool:
        row = self._session.conn.execute(
            "SELECT 1 FROM imported_bundles WHERE bundle_id = ?", (bundle_id,)
        ).fetchone()
        return row is not None

    def checker_for(self, device_id: str) -> ChainChecker:
        conn = self._session.conn
        checker = ChainChecker()
        row = conn.execute(
            "SELECT seq, entry_hash FROM events WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
            (device_id,),
        ).fetchone()
        if row:
            checker.heads[device_id] = (int(row[0]), bytes(row[1]))
        for officer_id, key in conn.execute(
            "SELECT officer_id, public_key FROM officers WHERE device_id = ? "
            "AND removed_at IS NULL",
            (device_id,),
        ):
            checker.keys[(device_id, officer_id)] = VerifyKey(bytes(key))
        for signer, public in self._station_keys().items():
            checker.station_keys[signer] = VerifyKey(public)
        return checker

    def signing_keys(self) -> SigningKeys:
        officers = {
            (str(device), str(officer)): bytes(key)
            for device, officer, key in self._session.conn.execute(
                "SELECT device_id, officer_id, public_key FROM officers WHERE removed_at IS NULL"
            )
        }
        return officers, self._station_keys()

    def _station_keys(self) -> dict[str, bytes]:
        return {
            station_signer(card.data["fingerprint"]): bytes.fromhex(card.data["signing_public"])
            for card in Records(self._session.conn).find(STATION_ENTITY)
        }

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self._session.conn.execute(
                    f"SELECT id FROM events WHERE id IN ({marks})", chunk
                )
            )
        return found

    def entry_hash_at(self, device_id: str, seq: int) -> bytes | None:
        row = self._session.conn.execute(
            "SELECT entry_hash FROM events WHERE device_id = ? AND seq = ?", (device_id, seq)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def blob(self, digest: str) -> bytes | None:
        row = self._session.conn.execute(
            "SELECT data FROM blobs WHERE sha256 = ?", (digest,)
        ).fetchone()
        return bytes(row[0]) if row else None

    def many_bundles(self) -> contextlib.AbstractContextManager[None]:
        """Around an import of several bundles: the WAL copied into vault.db on a thread
        after each bundle's commit, not inside it (``storage.checkpoints``)."""
        return self._session.checkpoints_on_a_thread()

    @contextlib.contextmanager
    def device_lock(self, device_id: str) -> Iterator[None]:
        yield  # one PC, one writer: SQLite's own lock is enough

    def store_bundle(
        self,
        header: Header,
        events: Sequence[Event],
        blobs: Mapping[str, bytes],
        imported_at: str,
        check: Callable[[], None],
        prepared: Sequence[Prepared | None] | None = None,
    ) -> None:
        def bookkeeping(c: Connection) -> None:
            check()
            c.execute(
                "INSERT INTO imported_bundles VALUES (?, ?, ?, ?, ?)",
                (header.bundle_id, header.device_id, header.from_seq, header.to_seq, imported_at),
            )
            c.execute("DELETE FROM pending_bundles WHERE bundle_id = ?", (header.bundle_id,))

        self._session.ingest(events, dict(blobs), bookkeeping, prepared)

    def hold(self, header: Header, data: bytes) -> None:
        # Still sealed to the station, inside the encrypted vault: nothing readable is kept.
        self._session.ingest(
            [],
            {},
            lambda c: c.execute(
                "INSERT OR IGNORE INTO pending_bundles VALUES (?, ?, ?, ?, ?)",
                (header.bundle_id, header.device_id, header.from_seq, header.to_seq, data),
            ),
        )

    def next_held(self, device_id: str, through_seq: int) -> tuple[str, bytes] | None:
        row = self._session.conn.execute(
            "SELECT bundle_id, data FROM pending_bundles WHERE device_id = ? "
            "AND from_seq <= ? ORDER BY from_seq LIMIT 1",
            (device_id, through_seq + 1),
        ).fetchone()
        return None if row is None else (str(row[0]), bytes(row[1]))

    def drop_held(self, bundle_id: str) -> None:
        def drop(conn: Connection) -> None:
            conn.execute("DELETE FROM pending_bundles WHERE bundle_id = ?", (bundle_id,))

        self._session.ingest([], {}, drop)

    def append(self, drafts: Iterable[Draft]) -> list[Event]:
        return self._session.append(list(drafts))
