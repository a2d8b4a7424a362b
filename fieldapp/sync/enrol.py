"""A laptop enrols a station card: the card becomes a record (an event, so the station's
signing key is known to anyone verifying this laptop's chain), and the vault's recovery slot
is sealed to the station's key."""

from __future__ import annotations

from fieldapp.errors import KnownError, coded
from fieldapp.storage import slot_changes
from fieldapp.storage.records import Records, create_draft
from fieldapp.storage.session import Session
from fieldapp.storage.verify import STATION_ENTITY
from fieldapp.sync.station import StationCard, is_station


def enrol_station(session: Session, card: StationCard) -> None:
    """Administrators only. Enrolling the same card again changes nothing."""
    if is_station(session):
        raise KnownError(
            coded("station_enrols_station", "A station does not enrol another station's card.")
        )
    current = enrolled_station(session)
    if current is not None and current.fingerprint == card.fingerprint:
        return
    if current is not None:
        raise KnownError(
            coded(
                "other_station_enrolled",
                f"This laptop already sends to station {current.name} ({current.fingerprint}).",
            )
        )
    # A fresh record id: every laptop enrols the same card, and the station holds them all.
    draft = create_draft(STATION_ENTITY, card.to_json())
    slot_changes.set_recovery_slot(session, card.bundle_recipient, card.fingerprint, [draft])


def enrolled_station(session: Session) -> StationCard | None:
    rows = Records(session.conn).find(STATION_ENTITY)
    return StationCard.from_json(rows[-1].data) if rows else None
