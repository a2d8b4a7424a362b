"""The mark that ties a printed page to the record: which case (or operation) it is and the
hash of the last event that changed it, printed as text and as a QR code.

Anyone holding the paper can read the short hash, unlock the vault and find the event; if the
record changed after printing, the hashes differ and the paper is known to be stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SHORT_HASH = 12


class StampKind(StrEnum):
    CASE = "case"
    OPERATION = "operation"


_LABEL_SV = {StampKind.CASE: "Ärende", StampKind.OPERATION: "Insats"}


@dataclass(frozen=True)
class Stamp:
    """What ``ref_id`` is, and its last event's entry hash (64 hex, "" if none yet)."""

    kind: StampKind
    ref_id: str
    event_hash: str

    @property
    def label(self) -> str:
        return _LABEL_SV[self.kind]

    @property
    def short_hash(self) -> str:
        return self.event_hash[:SHORT_HASH] or "–"

    def qr_payload(self) -> str:
        """What the QR code carries: the same reference and short hash, machine-readable."""
        return f"fieldapp:{self.kind.value}={self.ref_id};event={self.short_hash}"
