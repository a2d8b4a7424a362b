"""Station staff and counties in the PostgreSQL station (issue #18, schema 4 of
``sync.pg_schema``): who a login is, which counties it holds, and the refusals that follow.

A staff member is a PostgreSQL login in ``station_staff`` with a role (``staff``,
``admin`` or ``purge``: the group ``<db>_<role>`` it is granted) and its counties (or all
counties). Row-level security in the database lets a login see and write only its
counties' rows; what is checked here gives a coded refusal before the database's own
refusal would be a bare "permission denied", and says why.

The database's owner (who runs ``init`` and ``migrate``, and bypasses row-level security)
holds every county.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import psycopg

from fieldapp.counties import county_ids
from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.sync.pg_schema import STAFF_ROLES


@dataclass(frozen=True)
class StaffMember:
    """A row of ``station_staff``: a login, its role and counties (``all_counties``: every
    county; then ``counties`` is empty)."""

    login: str
    role: str
    all_counties: bool
    counties: tuple[str, ...]

    def holds(self, county: str) -> bool:
        return self.all_counties or county in self.counties


@dataclass(frozen=True)
class Login:
    """Who the connection is logged in as, and what it holds."""

    name: str
    owner: bool  # the owner of the station's tables (or a superuser): bypasses RLS
    admin: bool
    member: StaffMember | None  # None: not station staff (sees rows of no county only)

    def holds(self, county: str) -> bool:
        return self.owner or (self.member is not None and self.member.holds(county))

    @property
    def only_county(self) -> str | None:
        """The one county a login holds, when it holds exactly one."""
        if self.owner or self.member is None or self.member.all_counties:
            return None
        return self.member.counties[0] if len(self.member.counties) == 1 else None


def who(conn: psycopg.Connection[Any]) -> Login:
    """The connection's login, whether it owns the station, is an admin, and its row."""
    row = conn.execute(
        "SELECT current_user, pg_has_role(current_user, "
        "(SELECT relowner FROM pg_class WHERE oid = 'public.station'::regclass), 'USAGE'), "
        "station_is_admin()"
    ).fetchone()
    assert row is not None
    name, owner, admin = str(row[0]), bool(row[1]), bool(row[2])
    found = [m for m in members(conn) if m.login == name]
    return Login(name, owner, owner or admin, found[0] if found else None)


def members(conn: psycopg.Connection[Any]) -> list[StaffMember]:
    rows = conn.execute(
        "SELECT login, role, all_counties, counties FROM station_staff ORDER BY login"
    ).fetchall()
    return [StaffMember(str(r[0]), str(r[1]), bool(r[2]), tuple(r[3])) for r in rows]


def refuse_other_slot(login: Login, staff: str) -> None:
    """Nobody unlocks with another's key slot under their own login (the owner, who
    makes and migrates the station, excepted)."""
    if not login.owner and staff != login.name:
        raise KnownError(
            coded(
                "station_staff_not_login",
                f"You are logged in to the database as {login.name}: unlock with your own "
                "key slot (--officer is your login's name).",
                login=login.name,
            )
        )


def checked_role(role: str) -> str:
    if role not in STAFF_ROLES:
        raise InvalidInput(
            coded("station_staff_role", "staff, admin or purge.", choices=", ".join(STAFF_ROLES)),
            field="role",
        )
    return role


def checked_counties(counties: Iterable[str], all_counties: bool) -> tuple[str, ...]:
    """A staff member's counties: one or more known counties, or all counties; one of the
    two, never both nor neither."""
    wanted = tuple(dict.fromkeys(c.strip() for c in counties if c.strip()))
    if all_counties == bool(wanted):
        raise InvalidInput(
            coded(
                "station_staff_counties",
                "Counties: give --county (once for each) or --all-counties, one of the two.",
            ),
            field="county",
        )
    for county in wanted:
        checked_county(county)
    return wanted


def checked_county(county: str) -> str:
    known = county_ids()
    if county not in known:
        raise InvalidInput(
            coded(
                "unknown_county",
                f"County: unknown profile {county!r} (known: {', '.join(known)}).",
            ),
            field="county",
        )
    return county


def refuse_not_admin(login: Login) -> None:
    if not login.admin:
        raise KnownError(
            coded(
                "station_staff_not_admin",
                "Only a station admin manages staff and the laptop register.",
            )
        )


def holds_all(login: Login) -> bool:
    return login.owner or (login.member is not None and login.member.all_counties)


def refuse_not_yours(login: Login, counties: Iterable[str], all_counties: bool = False) -> None:
    """A county given away (to a new staff member, to a laptop) must be the giver's."""
    mine = holds_all(login)
    missing = [] if mine else [c for c in counties if not login.holds(c)]
    if missing or (all_counties and not mine):
        raise KnownError(
            coded(
                "station_county_not_yours",
                "You do not hold that county at this station"
                + (f" ({missing[0]})." if missing else "."),
                county=missing[0] if missing else "*",
            )
        )


def refuse_not_theirs(
    login: Login, staff: Iterable[StaffMember], name: str, slot_only: bool = False
) -> None:
    """An admin changes or removes only staff wholly of counties they hold (one of all
    counties only an admin of all counties); ``slot_only``: ``name`` has a key slot, so
    without a row it is refused to all but an all-counties admin. The database checks
    the same (``_station_may_manage``)."""
    found = [m for m in staff if m.login == name]
    if found:
        refuse_not_yours(login, found[0].counties, found[0].all_counties)
    elif slot_only:
        refuse_not_yours(login, (), all_counties=True)


def laptop_county(conn: psycopg.Connection[Any], device_id: str) -> str | None:
    row = conn.execute(
        "SELECT county FROM laptop_county WHERE device_id = %s", (device_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def set_staff(
    conn: psycopg.Connection[Any],
    login_name: str,
    role: str,
    all_counties: bool,
    counties: tuple[str, ...],
) -> None:
    """``login_name`` made staff with its role and counties: granted its group by the
    owner's function (the database refuses a caller who is not an admin)."""
    try:
        with conn.transaction():
            conn.execute(
                "SELECT station_staff_set(%s, %s, %s, %s)",
                (login_name, role, all_counties, list(counties)),
            )
    except psycopg.errors.UndefinedObject:
        raise InvalidInput(
            coded(
                "station_staff_no_login",
                f"Staff: {login_name} has no login on the database server (its administrator "
                "makes one first: CREATE ROLE … LOGIN).",
            ),
            field="staff",
        ) from None
