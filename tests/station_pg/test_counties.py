"""Station staff roles and row-level security by county, against the real server (issue
#18): a county's staff see none of another county's cases, in the case list, the review,
the report, nor by SQL as their own login; admins manage staff and the laptop register;
each refusal has its code and writes nothing."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from PIL import Image

from fieldapp.documents import service
from fieldapp.errors import InvalidInput, KnownError
from fieldapp.storage.records import Records, amend_draft
from fieldapp.sync import pg_counties
from fieldapp.sync.importer import StationImporter, Status
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_context import PgStationContext
from fieldapp.sync.pg_staff import access_log, open_case_persons
from fieldapp.sync.pg_store import PgStationStore, migrate_pg_station, open_pg_station
from fieldapp.sync.register import revoke_laptop
from fieldapp.sync.review import consolidated_cases, open_alarms, open_conflicts, settle
from fieldapp.workflow import evidence, photos
from fieldapp.workflow.access_log import AccessFilter
from tests.station_pg.conftest import (
    as_user,
    back_to_schema_3,
    login_name,
    pg_state,
    staff_role,
)
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal
from tests.workflow.conftest import CET_SUMMER

# Two counties: Västmanland has a profile in resources/counties; the second is invented
# for these tests (added to the known profiles below).
HOME, OTHER_COUNTY = "vastmanland", "exempellan"
STAFF_PASS = "gröna kaniner hoppar högt"  # invented
PRINTED = datetime(2026, 5, 23, 9, 0, tzinfo=CET_SUMMER)

Login = Callable[[str, str], str]


@pytest.fixture(autouse=True)
def _two_counties(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_counties, "county_ids", lambda: [OTHER_COUNTY, HOME])


def _refusal(call: Callable[[], object]) -> str:
    """The refusal's code (a refused value's reason's, for ``InvalidInput``)."""
    with pytest.raises(KnownError) as refused:
        call()
    if isinstance(refused.value, InvalidInput):
        return refused.value.problems[0][1].code
    return refused.value.code


def _send(
    store: PgStationStore, laptop: Laptop, blobs: dict[str, bytes] | None = None, since: int = 0
) -> Status:
    """Everything the laptop holds (after its event ``since``), as one bundle, imported by
    ``store``'s login."""
    session = laptop.session
    events = [e for e in session.events() if e.seq > since]
    data = seal(store.keys.card, events, blobs or {}, session, vault_id=session.vault_id)
    return StationImporter(store).import_bytes(data).status


def _with_a_conflict(owner: PgStationStore, laptop: Laptop) -> tuple[str, str]:
    """A case with a stated price changed at the station and, meanwhile, on the laptop:
    one open conflict in the laptop's county. Returns the case and the element."""
    case_id, buyer_id = laptop.new_case()
    element = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": 1500}
    ).entity_id
    _send(owner, laptop)
    reviewer = owner.reviewer()
    record = Records(reviewer.conn).get("element", element)
    assert record is not None
    reviewer.append([amend_draft(record, {"amount": 1800})])
    evidence.correct_element(laptop.ctx, element, {"amount": 2000})
    _send(owner, laptop)
    return case_id, element


def _staff(owner: PgStationStore, login_role: Login, name: str, role: str, *counties: str) -> str:
    """A login of its own made station staff by the owner; returns its conninfo."""
    conninfo = login_role(name, "app")
    everywhere = not counties
    owner.add_staff(login_name(conninfo), STAFF_PASS, role, counties, all_counties=everywhere)
    return conninfo


def _open(conninfo: str) -> PgStationStore:
    return open_pg_station(conninfo, staff=login_name(conninfo), passphrase=STAFF_PASS)


@pytest.fixture
def two_counties(
    pg_station: PgStationStore, tmp_path: Path
) -> tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]]:
    """A laptop of each county, registered for it, each with a case and an open conflict
    (imported by the owner, who holds every county)."""
    made = []
    for name, county in (("a", HOME), ("b", OTHER_COUNTY)):
        laptop = Laptop(tmp_path / name, pg_station.keys.card)
        pg_station.register_laptop(make_laptop_card(laptop.session), county)
        made.append((laptop, *_with_a_conflict(pg_station, laptop)))
    yield made[0], made[1]
    for laptop, _, _ in made:
        laptop.session.lock()


def test_a_countys_staff_see_none_of_another_countys_cases(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
    login_role: Login,
) -> None:
    (home, home_case, home_element), (other, other_case, _) = two_counties
    conninfo = _staff(pg_station, login_role, "anna", "staff", HOME)
    anna = _open(conninfo)
    reviewer = anna.reviewer()

    # The case list, the review, the report.
    assert [c.origin.case.entity_id for c in consolidated_cases(reviewer)] == [home_case]
    [conflict] = open_conflicts(reviewer)
    assert conflict.entity_id == home_element
    ctx = PgStationContext(anna, lambda: PRINTED)
    assert len(service.report_data(ctx, home.operation).buyers) == 1
    # Refused as an operation that does not exist: the other county's is not told of.
    assert _refusal(lambda: service.report_data(ctx, other.operation)) == "no_such_record"
    assert _refusal(lambda: service.report_data(ctx, "01-no-such-operation")) == "no_such_record"
    assert Records(reviewer.conn).get("operation", other.operation) is None

    # By SQL as her own login: not a row of the other county, in any table.
    other_device = other.session.device_id
    with psycopg.connect(conninfo) as conn:
        for table in ("events", "records", "record_changes", "conflicts", "blobs"):
            counties = {r[0] for r in conn.execute(f"SELECT DISTINCT county FROM {table}")}
            assert OTHER_COUNTY not in counties, table
        assert conn.execute(
            "SELECT count(*) FROM events WHERE device_id = %s", (other_device,)
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM records WHERE entity_id = %s", (other_case,)
        ).fetchone() == (0,)
        # Nor does she write a row into the other county (the laptop's county is the
        # database's to give: a copy of her own event under the other laptop's id).
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO events (device_id, seq, id, officer_id, hlc, wall_time, zone, kind, "
                "entity_type, entity_id, parents, body, attachments, prev_hash, entry_hash, "
                "signature, body_hash) SELECT %s, seq + 1000, id || 'x', officer_id, hlc, "
                "wall_time, zone, kind, entity_type, entity_id, parents, body, attachments, "
                "prev_hash, entry_hash, signature, body_hash FROM events "
                "WHERE device_id = %s LIMIT 1",
                (other_device, home.session.device_id),
            )
    anna.close()

    # Someone of every county sees both; the owner too.
    everyone = _open(_staff(pg_station, login_role, "berit", "staff"))
    listed = {c.origin.case.entity_id for c in consolidated_cases(everyone.reviewer())}
    assert listed == {home_case, other_case}
    assert len(open_conflicts(everyone.reviewer())) == 2
    assert everyone.verify().ok
    everyone.close()
    assert len(consolidated_cases(pg_station.reviewer())) == 2


def test_an_admin_adds_staff_of_their_counties_and_staff_cannot(
    pg_station: PgStationStore, pg_database: str, login_role: Login
) -> None:
    admin = _open(_staff(pg_station, login_role, "chef", "admin", HOME))
    clerk = login_name(login_role("clerk", "app"))
    with pytest.raises(KnownError) as refused:
        admin.add_staff(clerk, STAFF_PASS, "staff", [OTHER_COUNTY])
    assert refused.value.code == "station_county_not_yours"
    assert _refusal(lambda: admin.add_staff(clerk, STAFF_PASS, all_counties=True)) == (
        "station_county_not_yours"
    )
    admin.add_staff(clerk, STAFF_PASS, "staff", [HOME])
    assert [(m.login, m.role, m.counties) for m in admin.members() if m.login == clerk] == [
        (clerk, "staff", (HOME,))
    ]
    admin.close()
    with psycopg.connect(pg_database) as conn:
        granted = conn.execute(
            "SELECT pg_has_role(%s, current_database() || '_staff', 'MEMBER'), "
            "pg_has_role(%s, current_database() || '_admin', 'MEMBER')",
            (clerk, clerk),
        ).fetchone()
    assert granted == (True, False)

    clerk_store = open_pg_station(as_user(pg_database, clerk), staff=clerk, passphrase=STAFF_PASS)
    dana = login_name(login_role("dana", "app"))
    assert _refusal(lambda: clerk_store.add_staff(dana, STAFF_PASS, "staff", [HOME])) == (
        "station_staff_not_admin"
    )
    assert _refusal(lambda: clerk_store.remove_staff(clerk)) == "station_staff_not_admin"
    clerk_store.close()
    # Nor by SQL behind the app's back: the function is the admins'.
    with (
        psycopg.connect(as_user(pg_database, clerk)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("SELECT station_staff_set(%s, 'admin', true, '{}')", (clerk,))
    assert dana not in {m.login for m in pg_station.members()}


def test_staff_are_added_with_known_counties_or_all_and_an_existing_login(
    pg_station: PgStationStore, pg_database: str
) -> None:
    staff_role(pg_database, "S100077")
    before = pg_station.staff()
    for counties, everywhere, code in (
        ((), False, "station_staff_counties"),
        ((HOME,), True, "station_staff_counties"),
        (("atlantis",), False, "unknown_county"),
    ):
        assert (
            _refusal(
                lambda c=counties, e=everywhere: pg_station.add_staff(
                    "S100077", STAFF_PASS, "staff", c, all_counties=e
                )
            )
            == code
        )
    assert (
        _refusal(lambda: pg_station.add_staff("S100077", STAFF_PASS, "chief", [HOME]))
        == "station_staff_role"
    )
    no_login = "S1000-nobody-has-this-login"
    assert _refusal(lambda: pg_station.add_staff(no_login, STAFF_PASS, "staff", [HOME])) == (
        "station_staff_no_login"
    )
    assert pg_station.staff() == before  # nothing half-written: no slot without its row
    pg_station.add_staff("S100077", STAFF_PASS, "purge", [HOME, OTHER_COUNTY])
    [member] = [m for m in pg_station.members() if m.login == "S100077"]
    assert (member.role, member.counties) == ("purge", (HOME, OTHER_COUNTY))
    pg_station.remove_staff("S100077")
    assert "S100077" not in {m.login for m in pg_station.members()}


def test_the_refusals_write_nothing(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
    login_role: Login,
    tmp_path: Path,
) -> None:
    _, (other, _, _) = two_counties
    admin_info = _staff(pg_station, login_role, "chef", "admin", HOME)
    # Nobody unlocks with another's slot under their own login.
    owner_slot = pg_station.staff()[0]
    assert (
        _refusal(lambda: open_pg_station(admin_info, staff=owner_slot, passphrase=STAFF_PASS))
        == "station_staff_not_login"
    )
    admin = _open(admin_info)
    before = pg_state(pg_station)

    # A laptop's county does not change, for anyone.
    other_card = make_laptop_card(other.session)
    code = _refusal(lambda: pg_station.register_laptop(other_card, HOME))
    assert code == "station_laptop_county_fixed"
    # Registering for a county one does not hold; nor may one amend the other's laptop.
    new = Laptop(tmp_path / "new", pg_station.keys.card)
    new_card = make_laptop_card(new.session)
    assert _refusal(lambda: admin.register_laptop(new_card, OTHER_COUNTY)) == (
        "station_county_not_yours"
    )
    assert _refusal(lambda: admin.register_laptop(other_card)) == "station_county_not_yours"
    with (
        psycopg.connect(admin_info) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):  # nor by SQL behind the app's back
        conn.execute(
            "INSERT INTO laptop_county VALUES (%s, %s)", (new_card.device_id, OTHER_COUNTY)
        )
    # Importing another county's laptop's bundle.
    other.new_case()
    assert _refusal(lambda: _send(admin, other)) == "station_laptop_other_county"
    assert pg_state(pg_station) == before
    assert admin.laptop_county(new.session.device_id) is None

    # A plain staff member does not keep the register.
    clerk = _open(_staff(pg_station, login_role, "clerk", "staff", HOME))
    assert _refusal(lambda: clerk.register_laptop(new_card, HOME)) == "station_staff_not_admin"
    clerk.close()
    assert pg_state(pg_station) == before

    # One county held: the laptop is that county's without saying so.
    admin.register_laptop(new_card)
    assert admin.laptop_county(new.session.device_id) == HOME
    new.new_case()
    _send(admin, new)
    admin.close()
    new.session.lock()


def test_a_laptop_given_its_county_later_takes_its_rows_with_it(
    pg_station: PgStationStore, pg_database: str, login_role: Login, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    card = make_laptop_card(laptop.session)
    pg_station.register_laptop(card)  # the owner: a laptop of no county, as before counties
    _, element = _with_a_conflict(pg_station, laptop)
    photo = _photo()
    digest = hashlib.sha256(photo).hexdigest()
    photos.attach_photo(laptop.ctx, element, photo)
    assert _send(pg_station, laptop, {digest: photo}) is Status.IMPORTED
    laptop.new_case()
    gap = max(e.seq for e in laptop.session.events())
    laptop.new_case()
    assert _send(pg_station, laptop, since=gap) is Status.HELD
    other = _open(_staff(pg_station, login_role, "olle", "staff", OTHER_COUNTY))
    assert len(consolidated_cases(other.reviewer())) == 1  # no county: seen by everyone
    assert other.blob(digest) == photo
    pg_station.register_laptop(card, HOME)  # its county, once
    assert consolidated_cases(other.reviewer()) == []
    assert open_conflicts(other.reviewer()) == []
    assert other.blob(digest) is None
    assert other.next_held(laptop.session.device_id, gap) is None
    assert pg_station.blob(digest) == photo
    with psycopg.connect(pg_database) as conn:
        tables = ("events", "records", "record_changes", "conflicts", "blobs")
        for table in (*tables, "imported_bundles", "pending_bundles"):
            by_device = table not in tables[1:]
            left = conn.execute(
                f"SELECT count(*) FROM {table} WHERE county IS NULL AND "
                + ("device_id = %s" if by_device else "true"),
                (laptop.session.device_id,) if by_device else (),
            ).fetchone()
            assert left == (0,), table
    other.close()
    assert pg_station.verify().ok
    laptop.session.lock()


def test_the_migration_gives_every_laptop_its_county_and_their_rows(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    pg_station.register_laptop(make_laptop_card(laptop.session))
    case_id, _ = _with_a_conflict(pg_station, laptop)
    pg_station.close()
    with psycopg.connect(pg_database) as conn:
        back_to_schema_3(conn)
    assert migrate_pg_station(pg_database, county=HOME)[0] == 3
    with psycopg.connect(pg_database) as conn:
        for table in ("events", "records", "record_changes", "conflicts"):
            counties = {r[0] for r in conn.execute(f"SELECT DISTINCT county FROM {table}")}
            # The station's own events about no laptop nor record stay of no county.
            assert HOME in counties and OTHER_COUNTY not in counties, table
        assert conn.execute(
            "SELECT count(*) FROM events WHERE county IS NULL AND device_id = %s",
            (laptop.session.device_id,),
        ).fetchone() == (0,)
    laptop.session.lock()
    del case_id


def test_the_stations_own_events_keep_their_county_and_its_chain(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
    login_role: Login,
) -> None:
    (home, _, _), (other, _, _) = two_counties
    # An alarm about the other county's laptop (revoked, then sending more): its county's.
    revoke_laptop(pg_station, other.session.device_id, "lost")
    other.new_case()
    with pytest.raises(KnownError):
        _send(pg_station, other)
    assert len(open_alarms(pg_station.reviewer())) == 1
    anna = _open(_staff(pg_station, login_role, "anna", "admin", HOME))
    assert open_alarms(anna.reviewer()) == []
    # The station's chain goes on after events she cannot see: her settlement and a
    # revocation of her county's laptop, then the owner's view verifies the whole chain.
    [conflict] = open_conflicts(anna.reviewer())
    settle(anna.reviewer(), conflict.id, "incoming", None)
    revoke_laptop(anna, home.session.device_id, "retired")
    anna.close()
    report = pg_station.verify()
    assert report.ok, report.summary()
    assert len(open_conflicts(pg_station.reviewer())) == 1  # the other county's, still open


def test_a_countys_staff_see_none_of_another_countys_held_or_imported_bundles(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
    login_role: Login,
    pg_database: str,
) -> None:
    (home, _, _), (other, _, _) = two_counties
    # A bundle of the other county's laptop held for a gap: sealed to the station, which
    # every unlocked staff member can open.
    other.new_case()
    gap = max(e.seq for e in other.session.events())
    other.new_case()
    assert _send(pg_station, other, since=gap) is Status.HELD
    conninfo = _staff(pg_station, login_role, "anna", "staff", HOME)
    other_device = other.session.device_id
    with psycopg.connect(conninfo) as conn:
        for table in ("pending_bundles", "imported_bundles"):
            assert conn.execute(
                f"SELECT count(*) FROM {table} WHERE device_id = %s", (other_device,)
            ).fetchone() == (0,), table
            assert conn.execute(
                f"SELECT count(*) FROM {table} WHERE county IS DISTINCT FROM %s", (HOME,)
            ).fetchone() == (0,), table
        assert conn.execute(
            "SELECT count(*) FROM imported_bundles WHERE device_id = %s",
            (home.session.device_id,),
        ).fetchone() != (0,)
        # Nor does she file a bundle under her county: the laptop's county is the database's.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO pending_bundles VALUES ('b-x', %s, 90, 91, '\\x00', %s)",
                (other_device, HOME),
            )
    with psycopg.connect(pg_database) as conn:
        held = conn.execute(
            "SELECT county FROM pending_bundles WHERE device_id = %s", (other_device,)
        ).fetchall()
    assert held == [(OTHER_COUNTY,)]
    # Through her store: the other county's held bundle is not hers to open.
    anna = _open(conninfo)
    assert anna.next_held(other_device, gap) is None
    assert anna.imported() < pg_station.imported()
    anna.close()


def test_the_stations_own_events_take_the_county_of_what_they_concern(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
    login_role: Login,
) -> None:
    _, (other, other_case, _) = two_counties
    station = pg_station.device_id
    conninfo = _staff(pg_station, login_role, "anna", "admin", HOME)
    copy = (
        "INSERT INTO events (device_id, seq, id, officer_id, hlc, wall_time, zone, kind, "
        "entity_type, entity_id, parents, body, attachments, prev_hash, entry_hash, "
        "signature, body_hash, county) SELECT device_id, seq + %s, id || %s, officer_id, hlc, "
        "wall_time, zone, kind, %s, %s, parents, body, attachments, prev_hash, entry_hash, "
        "signature, body_hash, %s FROM events WHERE device_id = %s AND county = %s LIMIT 1"
    )
    with psycopg.connect(conninfo) as conn:
        # A station event about the other county's case (or laptop), labelled her county:
        # the database gives it the case's (the laptop's) county, which she does not hold.
        for n, (entity_type, entity_id) in enumerate(
            (("case", other_case), ("station_laptop", other.session.device_id))
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute(copy, (1000 + n, f"x{n}", entity_type, entity_id, HOME, station, HOME))
        # Where there is nothing to derive it from, the county she gives (and holds) stays.
        inserted = conn.execute(copy, (2000, "new", "note", "a-new-note", HOME, station, HOME))
        assert inserted.rowcount == 1
        assert conn.execute(
            "SELECT county FROM events WHERE entity_id = 'a-new-note'"
        ).fetchone() == (HOME,)
        conn.rollback()


def test_an_admin_removes_or_changes_only_staff_of_their_counties(
    pg_station: PgStationStore, login_role: Login
) -> None:
    admin_info = _staff(pg_station, login_role, "chef", "admin", HOME)
    olle = login_name(_staff(pg_station, login_role, "olle", "admin", OTHER_COUNTY))
    mia = login_name(_staff(pg_station, login_role, "mia", "staff", HOME, OTHER_COUNTY))
    berit = login_name(_staff(pg_station, login_role, "berit", "staff"))
    clerk = login_name(_staff(pg_station, login_role, "clerk", "staff", HOME))
    admin = _open(admin_info)
    before = (pg_station.members(), pg_station.staff())
    for name in (olle, mia, berit, pg_station.staff_name):
        assert _refusal(lambda n=name: admin.remove_staff(n)) == "station_county_not_yours"
    # Nor by SQL behind the app's back: demoting them or moving them to her county,
    # dropping them, or deleting their key slot.
    with psycopg.connect(admin_info) as conn:
        for call, args in (
            ("SELECT station_staff_drop(%s)", (olle,)),
            ("SELECT station_staff_drop(%s)", (mia,)),
            ("SELECT station_staff_drop(%s)", (berit,)),
            ("SELECT station_staff_set(%s, 'staff', false, %s)", (olle, [HOME])),
            ("SELECT station_staff_set(%s, 'staff', false, %s)", (mia, [HOME])),
            ("SELECT station_staff_set(%s, 'staff', false, %s)", (berit, [HOME])),
            ("DELETE FROM station_keyslots WHERE staff = %s", (olle,)),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute(call, args)
    assert (pg_station.members(), pg_station.staff()) == before
    # Her county's own: changed and removed, slot and all.
    with psycopg.connect(admin_info) as conn:
        conn.execute("SELECT station_staff_set(%s, 'admin', false, %s)", (clerk, [HOME]))
    assert [m.role for m in pg_station.members() if m.login == clerk] == ["admin"]
    admin.remove_staff(clerk)
    assert clerk not in pg_station.staff()
    assert clerk not in {m.login for m in pg_station.members()}
    admin.close()
    # An all-counties admin (the station's first) removes anyone.
    pg_station.remove_staff(olle)
    assert olle not in pg_station.staff()


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 130, 90)).save(out, "PNG")
    return out.getvalue()


def test_the_same_photo_from_two_counties_is_each_countys_own(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
    login_role: Login,
) -> None:
    (home, _, home_element), (other, _, other_element) = two_counties
    photo = _photo()
    digest = hashlib.sha256(photo).hexdigest()
    photos.attach_photo(other.ctx, other_element, photo)
    assert _send(pg_station, other, {digest: photo}) is Status.IMPORTED  # the other's first
    anna_info = _staff(pg_station, login_role, "anna", "staff", HOME)
    olle = _open(_staff(pg_station, login_role, "olle", "staff", OTHER_COUNTY))
    anna = _open(anna_info)
    # Whether another county holds a hash is not told: her copy of it goes in.
    with psycopg.connect(anna_info) as conn:
        stored = conn.execute(
            "INSERT INTO blobs (sha256, size, data, county) VALUES (%s, 1, '\\x00', %s) "
            "ON CONFLICT DO NOTHING",
            (digest, HOME),
        )
        assert stored.rowcount == 1
        conn.rollback()
    assert anna.blob(digest) is None
    photos.attach_photo(home.ctx, home_element, photo)
    assert _send(anna, home, {digest: photo}) is Status.IMPORTED
    assert anna.blob(digest) == photo
    assert olle.blob(digest) == photo
    with psycopg.connect(anna_info) as conn:
        seen = conn.execute("SELECT county FROM blobs WHERE sha256 = %s", (digest,)).fetchall()
    assert seen == [(HOME,)]
    anna.close()
    olle.close()
    assert pg_station.verify().ok


def test_only_an_admin_lists_the_access_log(pg_station: PgStationStore, login_role: Login) -> None:
    """As in a vault, where only administrators list who opened whose record."""
    clerk = _open(_staff(pg_station, login_role, "kontorist", "staff", HOME))
    chef = _open(_staff(pg_station, login_role, "chefen", "admin", HOME))
    try:
        assert _refusal(lambda: access_log(clerk, AccessFilter())) == "not_permitted"
        assert access_log(chef, AccessFilter()) == []  # nothing opened yet
    finally:
        clerk.close()
        chef.close()


def test_the_access_log_filters_by_case_person_officer_and_day(
    pg_station: PgStationStore,
    two_counties: tuple[tuple[Laptop, str, str], tuple[Laptop, str, str]],
) -> None:
    """Each filter keeps what it names and only that; a person opened twice is listed twice."""
    (_, home_case, _), (_, other_case, _) = two_counties
    home_people = open_case_persons(pg_station, home_case, "case_details")
    open_case_persons(pg_station, home_case, "case_summary")
    other_people = open_case_persons(pg_station, other_case, "case_details")

    def listed(**wanted: object) -> list[tuple[str, str | None]]:
        return [(a.entity_id, a.purpose) for a in access_log(pg_station, AccessFilter(**wanted))]

    assert listed(case_id=home_case) == [(p, "case_details") for p in home_people] + [
        (p, "case_summary") for p in home_people
    ]
    assert [p for p, _ in listed(person_id=other_people[0])] == [other_people[0]]
    staff = pg_station.staff_name
    by_staff = listed(officer_id=staff)  # the two listings before this one are accesses too
    assert [p for p, purpose in by_staff if purpose] == home_people * 2 + other_people
    assert [purpose for _, purpose in by_staff if not purpose] == [None, None]
    assert listed(officer_id="nobody-here") == []
    tomorrow = datetime.now().date() + timedelta(days=1)
    assert listed(since=tomorrow) == []
