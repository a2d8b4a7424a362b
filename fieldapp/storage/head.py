"""The head checkpoint: this device's newest sequence number and entry hash, signed, kept in
``head.sig`` beside ``vault.db`` (outside it), so that deleting the newest events from the
database shows.

Who signs: the officer whose session committed, with the Ed25519 key that signs their
events. There is no separate device key on purpose: it would be kept in the same key slots
as the data key and the officer's key, so whoever could use it could equally sign as the
officer; it would add a key to manage and nothing to the check. ``verify`` accepts the
signature of any key enrolled on this device in the log.

When: after a commit, at most every ``ANCHOR_INTERVAL_SECONDS`` (each write costs two
fsyncs), and always when the session locks. A checkpoint that the database does not reach
(its sequence missing, or another event there) is never overwritten by a session: it
stays as the evidence, and ``verify`` reports it.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from fieldapp.errors import KnownError
from fieldapp.storage.atomic import write_atomic
from fieldapp.storage.canonical import canonical
from fieldapp.storage.database import Connection, transaction

HEAD_FILE = "head.sig"
FORMAT = "fieldapp-head"
VERSION = 1
_DOMAIN = b"fieldapp-head-v1\n"
# Set in vault.db once a checkpoint has been written: from then on a missing head.sig is
# a finding, not a vault from before checkpoints.
ANCHORED_META = "head_anchored"
ANCHOR_INTERVAL_SECONDS = 5.0
_log = logging.getLogger(__name__)


class CheckpointUnreadable(ValueError):
    """``head.sig`` exists but is not a checkpoint this program reads."""


@dataclass(frozen=True)
class HeadCheckpoint:
    vault_id: str
    device_id: str
    seq: int
    entry_hash: str  # hex
    officer_id: str
    public_key: str  # hex, the signer's Ed25519 key
    signature: str = ""  # hex

    def signed_bytes(self) -> bytes:
        body = {k: v for k, v in asdict(self).items() if k != "signature"}
        return _DOMAIN + canonical({"format": FORMAT, "version": VERSION, **body})

    @classmethod
    def sign(
        cls,
        vault_id: str,
        device_id: str,
        seq: int,
        entry_hash: bytes,
        officer_id: str,
        signing_key: bytes,
    ) -> HeadCheckpoint:
        signer = SigningKey(signing_key)
        draft = cls(
            vault_id,
            device_id,
            seq,
            entry_hash.hex(),
            officer_id,
            bytes(signer.verify_key).hex(),
        )
        signature = signer.sign(draft.signed_bytes()).signature.hex()
        return cls(**{**asdict(draft), "signature": signature})

    def signature_ok(self) -> bool:
        """Signed by the key it names (whether that key may sign is the verifier's call)."""
        try:
            VerifyKey(bytes.fromhex(self.public_key)).verify(
                self.signed_bytes(), bytes.fromhex(self.signature)
            )
        except (BadSignatureError, ValueError):
            return False
        return True

    def to_bytes(self) -> bytes:
        return canonical({"format": FORMAT, "version": VERSION, **asdict(self)})

    @classmethod
    def from_bytes(cls, raw: bytes) -> HeadCheckpoint:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise CheckpointUnreadable("not JSON") from None
        if not isinstance(data, dict) or (data.get("format"), data.get("version")) != (
            FORMAT,
            VERSION,
        ):
            raise CheckpointUnreadable("not a head checkpoint of this version")
        fields: dict[str, Any] = {}
        for name, kind in cls.__annotations__.items():
            value = data.get(name)
            wanted = int if kind == "int" else str
            if type(value) is not wanted:
                raise CheckpointUnreadable(f"{name} is missing or of the wrong type")
            fields[name] = value
        return cls(**fields)


def read_checkpoint(path: Path) -> HeadCheckpoint | None:
    """The checkpoint in ``path``; ``None`` if there is none. Raises ``CheckpointUnreadable``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CheckpointUnreadable(f"cannot be read ({exc.strerror})") from None
    return HeadCheckpoint.from_bytes(raw)


def chain_reaches(conn: Connection, checkpoint: HeadCheckpoint) -> bool:
    """Whether the database holds the checkpoint's event: same sequence, same entry hash."""
    row = conn.execute(
        "SELECT entry_hash FROM events WHERE device_id = ? AND seq = ?",
        (checkpoint.device_id, checkpoint.seq),
    ).fetchone()
    return row is not None and bytes(row[0]).hex() == checkpoint.entry_hash


def is_anchored(conn: Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ANCHORED_META,)).fetchone()
    return row is not None


def own_head(conn: Connection, device_id: str) -> tuple[int, bytes] | None:
    row = conn.execute(
        "SELECT seq, entry_hash FROM events WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        (device_id,),
    ).fetchone()
    return (int(row[0]), bytes(row[1])) if row else None


@dataclass(frozen=True)
class _Pending:
    head: tuple[int, bytes]
    officer_id: str
    signing_key: bytes


class HeadAnchor:
    """Writes ``head.sig`` for one vault (shared by a session and its siblings on other
    threads). A head committed within the interval of the last write is written when the
    interval ends (a timer; no database access is needed for it), or at lock.

    ``frozen`` when the file on disk is ahead of, or other than, the database: then nothing
    is written, so the evidence stays for ``verify``."""

    def __init__(
        self,
        path: Path,
        vault_id: str,
        device_id: str,
        *,
        frozen: bool = False,
        interval: float = ANCHOR_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.vault_id = vault_id
        self.device_id = device_id
        self.frozen = frozen
        self.interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._written: tuple[int, bytes] | None = None
        self._written_at = float("-inf")
        self._pending: _Pending | None = None
        self._timer: threading.Timer | None = None

    @classmethod
    def open(cls, conn: Connection, data_dir: Path, vault_id: str, device_id: str) -> HeadAnchor:
        """Check ``head.sig`` against the database before anything is appended."""
        path = data_dir / HEAD_FILE
        try:
            checkpoint = read_checkpoint(path)
        except CheckpointUnreadable:
            checkpoint, frozen = None, True
        else:
            if checkpoint is None:
                frozen = is_anchored(conn)  # it was there, and is gone
            else:
                frozen = (
                    (checkpoint.vault_id, checkpoint.device_id) != (vault_id, device_id)
                    or not checkpoint.signature_ok()
                    or not chain_reaches(conn, checkpoint)
                )
        if frozen:
            # No personal data: only that the check failed. ``verify`` says what it found.
            _log.warning("head.sig does not match vault.db: it is kept as is; run 'verify'")
        anchor = cls(path, vault_id, device_id, frozen=frozen)
        if checkpoint is not None and not frozen:
            anchor._written = (checkpoint.seq, bytes.fromhex(checkpoint.entry_hash))
            if not is_anchored(conn):
                # From now on a missing head.sig is a finding (see ANCHORED_META).
                with transaction(conn):
                    conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')",
                        (ANCHORED_META,),
                    )
        return anchor

    def committed(
        self,
        head: tuple[int, bytes] | None,
        officer_id: str,
        signing_key: bytes,
        *,
        now: bool = False,
    ) -> None:
        """After a commit that left this device's chain at ``head``: write the checkpoint
        now if the interval since the last write has passed (or ``now``), else when it
        has."""
        if self.frozen or head is None:
            return
        with self._lock:
            self._pending = _Pending(head, officer_id, signing_key)
            wait = self._written_at + self.interval - self._clock()
            if now or wait <= 0:
                self._flush_locked()
            elif self._timer is None:
                self._timer = threading.Timer(wait, self._on_timer)
                self._timer.daemon = True
                self._timer.start()

    def close(self) -> None:
        """At lock: write what is pending and stop the timer."""
        with self._lock:
            self._flush_locked()

    def _on_timer(self) -> None:
        with self._lock:
            self._timer = None
            self._flush_locked()

    def _flush_locked(self) -> None:
        pending, self._pending = self._pending, None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if pending is None or pending.head == self._written:
            return
        checkpoint = HeadCheckpoint.sign(
            self.vault_id,
            self.device_id,
            pending.head[0],
            pending.head[1],
            pending.officer_id,
            pending.signing_key,
        )
        try:
            write_atomic(self.path, checkpoint.to_bytes())
        except KnownError:
            # The commit stands; only its anchor is late. The next write or the lock retries.
            _log.warning("could not write head.sig")
            self._pending = pending
            return
        self._written, self._written_at = pending.head, self._clock()
