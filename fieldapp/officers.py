"""Officers and their roles, and the officers projection.

An officer is known by their service id (tjänste-id). The first officer of a vault is its
administrator; only administrators enrol or remove officers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from fieldapp.errors import InvalidInput, coded

if TYPE_CHECKING:  # types only: the login dialog must not wait for the database layer
    from fieldapp.storage.database import Connection
    from fieldapp.storage.events import Event

OFFICER_ENTITY = "officer"
_OFFICER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$")


class Role(StrEnum):
    FIELD_OFFICER = "field_officer"
    TEAM_LEADER = "team_leader"
    STATION_STAFF = "station_staff"
    ADMINISTRATOR = "administrator"


@dataclass(frozen=True)
class Officer:
    officer_id: str
    display_name: str
    role: Role
    public_key: bytes

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMINISTRATOR


def check_officer_id(officer_id: str) -> str:
    officer_id = officer_id.strip()
    if not _OFFICER_ID.match(officer_id):
        raise InvalidInput(
            coded(
                "officer_id_form",
                "Officer id: use 2–32 letters, digits, '.', '_' or '-' (the service id).",
            ),
            field="officer_id",
        )
    return officer_id


def check_display_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(coded("display_name_form", "Name: required."), field="display_name")
    if len(name) > 80:
        raise InvalidInput(
            coded("display_name_form", "Name: at most 80 characters."), field="display_name"
        )
    return name


def check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise InvalidInput(
            coded("not_a_choice", f"Role: must be one of {allowed}."), field="role"
        ) from None


class OfficersProjection:
    """``officers``: who is enrolled on which device, with role and public key; removals
    keep the row. A station holds every laptop's officers beside its own; only those of
    the vault's own device may log in to it."""

    tables: ClassVar[dict[str, str]] = {
        "officers": """
            CREATE TABLE officers (
                device_id    TEXT NOT NULL,
                officer_id   TEXT NOT NULL,
                display_name TEXT NOT NULL,
                role         TEXT NOT NULL,
                public_key   BLOB NOT NULL,
                enrolled_at  TEXT NOT NULL,
                enrolled_by  TEXT NOT NULL,
                removed_at   TEXT,
                removed_by   TEXT,
                PRIMARY KEY (device_id, officer_id)
            )""",
    }

    def apply(self, conn: Connection, event: Event) -> None:
        if event.entity_type != OFFICER_ENTITY or event.purged:
            return
        data = event.data
        if event.kind == "create":
            conn.execute(
                "INSERT OR REPLACE INTO officers VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                (
                    event.device_id,
                    event.entity_id,
                    data["display_name"],
                    data["role"],
                    bytes.fromhex(data["public_key"]),
                    event.wall_time,
                    event.officer_id,
                ),
            )
        elif event.kind == "void":
            conn.execute(
                "UPDATE officers SET removed_at = ?, removed_by = ? "
                "WHERE device_id = ? AND officer_id = ?",
                (event.wall_time, event.officer_id, event.device_id, event.entity_id),
            )
        elif event.kind == "amend" and "public_key" in data:
            # A recovery by the station gives the officer a new signing key.
            conn.execute(
                "UPDATE officers SET public_key = ? WHERE device_id = ? AND officer_id = ?",
                (bytes.fromhex(data["public_key"]), event.device_id, event.entity_id),
            )


def active_officers(conn: Connection, device_id: str) -> list[Officer]:
    """The officers enrolled on ``device_id`` (this vault's own device, for logging in)."""
    rows = conn.execute(
        "SELECT officer_id, display_name, role, public_key FROM officers "
        "WHERE device_id = ? AND removed_at IS NULL ORDER BY officer_id",
        (device_id,),
    )
    return [Officer(r[0], r[1], Role(r[2]), bytes(r[3])) for r in rows]
