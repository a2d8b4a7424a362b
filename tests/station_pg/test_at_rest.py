"""The PostgreSQL station at rest: a dump of the database holds no name, phone number,
photo or private key (nor do the records projection and its conflicts); record data moved
to another row does not open; the station's keys open only with a staff member's passphrase; a
body moved to another row does not verify; the purge still works under the database's
rule; a database made before (clear keys, clear bodies) is sealed by ``station migrate``."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from PIL import Image

from fieldapp.errors import InvalidInput, KnownError
from fieldapp.storage.events import Draft
from fieldapp.storage.records import Records, amend_draft
from fieldapp.sync import pg_schema
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter, Status
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_store import PgStationStore, migrate_pg_station, open_pg_station
from fieldapp.sync.register import register_laptop
from fieldapp.sync.review import open_conflicts
from fieldapp.workflow import evidence, persons, photos
from tests import postgres
from tests.station_pg.conftest import (
    STAFF,
    STAFF_PASS,
    UNLOCK,
    login_name,
    pg_state,
    staff_role,
)
from tests.station_pg.test_backup import _params, _tool
from tests.sync.conftest import Laptop
from tests.workflow.conftest import BUYER

# Invented people: what must not be readable in a dump.
NAME = "Vendela Uppdiktadsdotter"
PHONE = "070-555 01 23"
# The two sides of a conflict over the buyer's phone (station and laptop), invented.
STATION_PHONE, LAPTOP_PHONE = "070-555 04 56", "070-555 07 89"
OTHER = "S100002"
OTHER_PASS = "gröna kaniner hoppar högt"


def _refusal(action: Callable[[], object]) -> str:
    """The refusal's code (an ``InvalidInput``'s: its one problem's)."""
    with pytest.raises(KnownError) as refused:
        action()
    assert "\n" not in refused.value.message
    if isinstance(refused.value, InvalidInput):
        return refused.value.problems[0][1].code
    return refused.value.code


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 90)).save(out, "PNG")
    return out.getvalue()


def _import_people(store: PgStationStore, tmp_path: Path) -> tuple[Laptop, bytes]:
    """A laptop registered at ``store`` whose bundle (a buyer with a name and a phone
    number, and a photo) the station imported."""
    laptop = Laptop(tmp_path / "laptop", store.keys.card)
    register_laptop(store, make_laptop_card(laptop.session))
    case_id, _ = laptop.new_case()
    buyer = persons.add_buyer(laptop.ctx, case_id, {**BUYER, "name": NAME, "phone": PHONE})
    payment = evidence.record_element(
        laptop.ctx,
        case_id,
        buyer.entity_id,
        "payment_handed_over",
        {"source": "observed", "amount": 900},
    ).entity_id
    photo = _photo()
    photos.attach_photo(laptop.ctx, payment, photo)
    (tmp_path / "usb").mkdir()
    exported = export_bundle(laptop.session, tmp_path / "usb")
    assert exported is not None
    assert StationImporter(store).import_file(exported.path).status is Status.IMPORTED
    return laptop, photo


def _dump(target: str, out: Path) -> bytes:
    """A plain-text ``pg_dump`` of the database (bytea columns as hex)."""
    p = _params(target)
    _tool("pg_dump", "-h", p["host"], "-p", p["port"], "-U", p["user"], "-f", str(out), p["dbname"])
    return out.read_bytes()


def _secrets_of(store: PgStationStore, photo: bytes) -> list[bytes]:
    """Every form in which what the station holds could show in a dump."""
    bodies = b"".join(e.body for e in store.read_events())
    assert NAME.encode() in bodies  # the station itself reads them
    phone = next(
        json.loads(e.body)["data"]["phone"] for e in store.read_events() if b"phone" in e.body
    )
    keys = store.keys
    signing = keys.signing_key.private_bytes_raw()
    texts = [NAME, BUYER["personal_id"], phone, phone.replace(" ", ""), keys.identity]
    raws = [signing, store._master, photo[40:72]]
    return [
        *(t.encode() for t in texts),
        *(t.encode().hex().encode() for t in texts),
        *(r.hex().encode() for r in raws),
        *raws,
    ]


def _conflict_over_the_phone(store: PgStationStore, laptop: Laptop, tmp_path: Path) -> str:
    """The station and the laptop change the buyer's phone without seeing each other: a
    conflict whose two values are phone numbers. The buyer's id."""
    [buyer] = [r for r in Records(store.records_conn).find("person") if r.get("name") == NAME]
    store.reviewer().append([amend_draft(buyer, {"phone": STATION_PHONE})])
    mine = Records(laptop.session.conn).get(buyer.entity_type, buyer.entity_id)
    assert mine is not None
    laptop.session.append([amend_draft(mine, {"phone": LAPTOP_PHONE})])
    exported = export_bundle(laptop.session, tmp_path / "usb")
    assert exported is not None
    assert StationImporter(store).import_file(exported.path).status is Status.IMPORTED
    return buyer.entity_id


def test_a_dump_reveals_no_name_phone_photo_or_private_key(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path
) -> None:
    laptop, photo = _import_people(pg_station, tmp_path)
    buyer_id = _conflict_over_the_phone(pg_station, laptop, tmp_path)
    # The projection holds the people and the conflict: the station reads them decoded.
    buyer = Records(pg_station.records_conn).get("person", buyer_id)
    assert buyer is not None and buyer.get("name") == NAME
    assert buyer.get("phone") == STATION_PHONE  # kept until a reviewer settles
    [conflict] = open_conflicts(pg_station.reviewer())
    assert (conflict.current.value, conflict.incoming.value) == (STATION_PHONE, LAPTOP_PHONE)
    dump = _dump(pg_database, tmp_path / "station.sql")
    assert b"COPY public.events" in dump and b"COPY public.station_keyslots" in dump
    assert b"COPY public.records" in dump and b"COPY public.conflicts" in dump
    sides = [t.encode() for t in (STATION_PHONE, LAPTOP_PHONE)]
    for secret in [*_secrets_of(pg_station, photo), *sides, *(t.hex().encode() for t in sides)]:
        assert secret not in dump
    assert pg_station.verify().ok  # bodies opened, hashes and signatures over the plaintext
    assert pg_station.blob(photo_sha(photo)) == photo
    laptop.session.lock()


def test_record_data_moved_to_another_row_does_not_open(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path
) -> None:
    laptop, _ = _import_people(pg_station, tmp_path)
    records = Records(pg_station.records_conn)
    [case] = records.find("case")
    assert records.get("case", case.entity_id) == case
    with psycopg.connect(pg_database) as owner:
        # The owner (or a stolen disk's editor) copies the buyer's sealed data onto the case.
        owner.execute(
            "UPDATE records SET data = (SELECT data FROM records WHERE entity_type = 'person' "
            "LIMIT 1) WHERE entity_type = 'case'"
        )
    with pytest.raises(KnownError) as refused:
        records.get("case", case.entity_id)
    assert refused.value.code == "station_db_body_damaged"
    laptop.session.lock()


def photo_sha(photo: bytes) -> str:
    return hashlib.sha256(photo).hexdigest()


def test_a_wrong_passphrase_or_unknown_staff_is_refused_and_changes_nothing(
    pg_station: PgStationStore, pg_database: str
) -> None:
    before = pg_state(pg_station)
    slots = pg_station.staff()
    for staff, passphrase in ((STAFF, "fel lösenord helt fel"), ("S999999", STAFF_PASS)):
        code = _refusal(
            lambda s=staff, p=passphrase: open_pg_station(pg_database, staff=s, passphrase=p)
        )
        assert code == "wrong_passphrase"
    assert pg_state(pg_station) == before and pg_station.staff() == slots


def test_staff_slots_are_added_and_removed_and_the_last_one_stays(
    pg_station: PgStationStore, pg_database: str, login_role: Callable[[str, str], str]
) -> None:
    staff_role(pg_database, OTHER)
    pg_station.add_staff(OTHER, OTHER_PASS, "admin", all_counties=True)
    again = _refusal(lambda: pg_station.add_staff(OTHER, OTHER_PASS, all_counties=True))
    assert again == "station_staff_exists"
    other = open_pg_station(pg_database, staff=OTHER, passphrase=OTHER_PASS)
    assert other.keys.card == pg_station.keys.card
    other.remove_staff(STAFF)
    assert other.staff() == [OTHER]
    assert _refusal(lambda: open_pg_station(pg_database, **UNLOCK)) == "wrong_passphrase"
    assert _refusal(lambda: other.remove_staff(OTHER)) == "station_staff_last"
    assert _refusal(lambda: other.remove_staff(STAFF)) == "station_staff_unknown"
    other.close()
    # Nor does the database let an admin delete a slot behind the app's back (only the
    # owner's function does, for staff of the admin's counties), nor anyone the last one.
    with psycopg.connect(login_role("keeper", "admin")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="station_keyslots"):
            conn.execute("DELETE FROM station_keyslots")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="county not held"):
            conn.execute("SELECT station_staff_drop(%s)", (OTHER,))
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE station_secret SET sealed = ''")
    with (
        psycopg.connect(pg_database) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="last key slot"),
    ):
        conn.execute("SELECT station_staff_drop(%s)", (OTHER,))
    assert pg_station.staff() == [OTHER]


def test_a_body_or_photo_moved_or_altered_fails_verification(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path
) -> None:
    laptop, photo = _import_people(pg_station, tmp_path)
    assert pg_station.verify().ok
    events = pg_station.read_events(laptop.session.device_id)
    target, source = events[-1], events[-2]
    with psycopg.connect(pg_database) as conn:  # an owner who sets the trigger aside
        conn.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
        conn.execute(
            "UPDATE events SET body = (SELECT body FROM events WHERE id = %s), "
            "body_hash = (SELECT body_hash FROM events WHERE id = %s) WHERE id = %s",
            (source.id, source.id, target.id),
        )
    report = pg_station.verify()
    assert not report.ok and report.bad_seq == target.seq
    assert "does not open" in (report.problem or "")
    with pytest.raises(KnownError) as refused:
        pg_station.read_events()
    assert refused.value.code == "station_db_body_damaged"
    with psycopg.connect(pg_database) as conn:  # the photo altered: its tag fails
        conn.execute("UPDATE blobs SET data = set_byte(data, 20, get_byte(data, 20) # 1)")
    assert _refusal(lambda: pg_station.blob(photo_sha(photo))) == "station_db_body_damaged"
    laptop.session.lock()


def test_the_purge_empties_only_a_body_a_purge_event_names(
    pg_station: PgStationStore, tmp_path: Path, login_role: Callable[[str, str], str]
) -> None:
    laptop, _ = _import_people(pg_station, tmp_path)
    named, spared = (e for e in pg_station.read_events(laptop.session.device_id)[-2:])
    [case] = Records(pg_station.records_conn).find("case")
    body = {"case_id": case.entity_id, "event_ids": [named.id], "reason": "retention"}
    (purge,) = pg_station.append([Draft("checkpoint", "purge", case.entity_id, body)])
    login = login_role("retention", "purge")
    pg_station.add_staff(login_name(login), OTHER_PASS, "purge", all_counties=True)
    retention = open_pg_station(login, staff=login_name(login), passphrase=OTHER_PASS)
    code = _refusal(lambda: retention.purge_body(spared.id, purge.id))
    assert code == "station_db_not_permitted"
    assert retention.purge_body(named.id, purge.id) is True
    assert retention.purge_body(named.id, purge.id) is False  # once
    retention.close()
    after = {e.id: e for e in pg_station.read_events()}
    assert after[named.id].purged and after[named.id].body == b""
    assert after[spared.id].body == spared.body
    report = pg_station.verify()
    assert report.ok, report.summary()
    laptop.session.lock()


def _as_schema_1(store: PgStationStore, cluster: postgres.Cluster) -> str:
    """A copy of ``store`` as the app before secrets at rest kept it: schema 1, the keys
    and every body and blob in the clear."""
    db = postgres.fresh_database(cluster)
    target = cluster.conninfo(db)
    events = store.read_events()
    blobs = store._rows("SELECT sha256, size FROM blobs")
    with psycopg.connect(target) as conn:
        conn.execute(pg_schema.MIGRATIONS[0].encode())
        conn.execute("UPDATE schema_version SET version = 1")
        conn.execute(
            "INSERT INTO station (name, fingerprint, device_id, bundle_recipient, "
            "signing_public) SELECT %s, %s, %s, %s, %s",
            (
                store.keys.card.name,
                store.keys.card.fingerprint,
                store.device_id,
                store.keys.card.bundle_recipient,
                store.keys.card.signing_public,
            ),
        )
        conn.execute(
            "INSERT INTO station_secret VALUES (true, %s, %s)",
            (store.keys.identity, store.keys.signing_key.private_bytes_raw().hex()),
        )
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO events (device_id, seq, id, officer_id, hlc, wall_time, zone, "
                "kind, entity_type, entity_id, parents, body, attachments, prev_hash, "
                "entry_hash, signature) VALUES "
                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [e.row() for e in events],
            )
            cur.executemany(
                "INSERT INTO blobs VALUES (%s, %s, %s)",
                [(d, n, store.blob(d)) for d, n in blobs],
            )
    return target


def test_migrate_seals_a_schema_1_station_or_refuses_without_a_passphrase(
    pg_station: PgStationStore, pg_cluster: postgres.Cluster, tmp_path: Path
) -> None:
    laptop, photo = _import_people(pg_station, tmp_path)
    old = _as_schema_1(pg_station, pg_cluster)
    clear = _dump(old, tmp_path / "old.sql")  # the clear store it was: the check can fail
    assert NAME.encode().hex().encode() in clear and pg_station.keys.identity.encode() in clear
    assert _refusal(lambda: open_pg_station(old, **UNLOCK)) == "station_schema_older"
    assert _refusal(lambda: migrate_pg_station(old)) == "station_keys_unsealed"
    with psycopg.connect(old) as conn:  # refused: left as it was
        assert pg_schema.installed_version(conn) == 1

    def ask() -> tuple[str, str]:
        return STAFF, STAFF_PASS

    assert migrate_pg_station(old, ask_staff=ask) == (1, pg_schema.SCHEMA_VERSION)
    migrated = open_pg_station(old, **UNLOCK)
    assert migrated.keys.card == pg_station.keys.card
    report = migrated.verify()
    assert report.ok, report.summary()
    assert [e.body for e in migrated.read_events()] == [e.body for e in pg_station.read_events()]
    assert migrated.blob(photo_sha(photo)) == photo
    # The records projection (schema 3) was made from the log, its bodies opened under
    # the slot the sealing step made, and its data sealed as it was written.
    people = Records(migrated.records_conn).find("person")
    assert NAME in [p.get("name") for p in people]
    assert people == Records(pg_station.records_conn).find("person")
    dump = _dump(old, tmp_path / "sealed.sql")
    assert b"COPY public.records" in dump
    for secret in _secrets_of(pg_station, photo):
        if secret not in (pg_station._master, pg_station._master.hex().encode()):
            assert secret not in dump
    laptop.new_case()  # and it goes on importing
    (tmp_path / "later").mkdir()
    later = export_bundle(laptop.session, tmp_path / "later")
    assert later is not None
    assert StationImporter(migrated).import_file(later.path).status is Status.IMPORTED
    migrated.close()
    postgres.drop_database(pg_cluster, _params(old)["dbname"])
    laptop.session.lock()
