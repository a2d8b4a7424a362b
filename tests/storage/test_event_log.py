"""The event log on a real SQLCipher vault: chain, signatures, append-only, projections,
attachments, access logging, and that nothing written is readable in the files."""

from __future__ import annotations

import hashlib
import itertools
import uuid

import pytest

from fieldapp.errors import InvalidInput
from fieldapp.storage import database
from fieldapp.storage.database import DatabaseError
from fieldapp.storage.events import Draft, EventLog, genesis_hash
from fieldapp.storage.keyslots import KeyFile
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_PASS, FIELD_ID, FIELD_NAME, FIELD_PASS


def _note(text: str, *, attachments: tuple[bytes, ...] = ()) -> Draft:
    return Draft(
        "create", "note", str(uuid.uuid4()), {"data": {"text": text}}, attachments=attachments
    )


def test_events_are_chained_and_signed(admin_session: Session) -> None:
    admin_session.append([_note(f"anteckning {i}") for i in range(5)])
    events = list(admin_session.events())
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].prev_hash == genesis_hash(admin_session.device_id)
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.entry_hash
    for e in events:
        assert e.entry_hash == e.computed_hash()
        assert len(e.signature) == 64
        assert e.officer_id == ADMIN_ID
        assert e.wall_time.endswith("+00:00")
        uuid.UUID(e.id)
    assert [e.hlc for e in events] == sorted(e.hlc for e in events)
    assert admin_session.verify().ok


def test_body_is_canonical_json(admin_session: Session) -> None:
    event = admin_session.log.append_one(
        Draft("create", "note", "n1", {"data": {"ö": 1, "a": [1.5, "x"], "b": None}})
    )
    assert event.body == b'{"data":{"a":[1.5,"x"],"b":null,"\xc3\xb6":1}}'


def test_unserialisable_body_is_refused_and_nothing_stored(admin_session: Session) -> None:
    before = len(list(admin_session.events()))
    with pytest.raises(InvalidInput):
        admin_session.append([_note("ok"), Draft("create", "note", "x", {"data": {"bad": {1, 2}}})])
    assert len(list(admin_session.events())) == before


def test_update_and_delete_of_events_are_forbidden(admin_session: Session) -> None:
    conn = admin_session.conn
    with pytest.raises(DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET body = x'00' WHERE seq = 1")
    with pytest.raises(DatabaseError, match="append-only"):
        conn.execute("DELETE FROM events WHERE seq = 1")
    assert admin_session.verify().ok


def test_a_changed_body_byte_is_found_and_named_by_sequence(admin_session: Session) -> None:
    admin_session.append([_note(f"anteckning {i}") for i in range(6)])
    conn = admin_session.conn
    # An attacker with the key and a raw connection can drop the trigger; the chain still tells.
    conn.execute("DROP TRIGGER events_append_only_update")
    body = bytes(conn.execute("SELECT body FROM events WHERE seq = 5").fetchone()[0])
    tampered = body.replace(b"anteckning", b"antecknind")
    conn.execute("UPDATE events SET body = ? WHERE seq = 5", (tampered,))
    report = admin_session.verify()
    assert not report.ok
    assert report.bad_seq == 5
    assert "sequence 5" in report.summary()
    assert "altered" in (report.problem or "")


def test_a_forged_signature_is_found(admin_session: Session) -> None:
    admin_session.append([_note("a"), _note("b")])
    conn = admin_session.conn
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute("UPDATE events SET signature = zeroblob(64) WHERE seq = 3")
    report = admin_session.verify()
    assert (report.bad_seq, report.problem) == (3, "signature does not verify")


def test_a_missing_event_is_a_sequence_gap(admin_session: Session) -> None:
    admin_session.append([_note("a"), _note("b"), _note("c")])
    conn = admin_session.conn
    conn.execute("DROP TRIGGER events_append_only_delete")
    conn.execute("DELETE FROM events WHERE seq = 3")
    report = admin_session.verify()
    assert report.bad_seq == 4
    assert "gap" in (report.problem or "")


def test_events_of_a_removed_officer_do_not_verify(two_officer_vault: Vault) -> None:
    field = two_officer_vault.unlock(FIELD_ID, FIELD_PASS)
    key = field.log._key  # the removed officer's key, as if kept on a stolen copy
    field.lock()
    admin = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    admin.remove_officer(FIELD_ID)
    rogue = EventLog(admin.conn, admin.device_id, FIELD_ID, key, admin.projector)
    rogue.append([_note("efter avslut")])
    report = admin.verify()
    assert not report.ok
    assert "not enrolled" in (report.problem or "")
    admin.lock()


def test_attachments_are_stored_by_hash_inside_the_vault(admin_session: Session) -> None:
    photo = b"\x89PNG fake photo bytes " * 100
    event = admin_session.log.append_one(_note("foto", attachments=(photo,)))
    digest = hashlib.sha256(photo).hexdigest()
    assert event.attachments == (digest,)
    assert admin_session.log.blob(digest) == photo
    assert admin_session.log.blob("0" * 64) is None
    # The same bytes again are stored once.
    admin_session.log.append_one(_note("samma foto", attachments=(photo,)))
    assert admin_session.conn.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
    assert admin_session.verify().ok


def test_a_changed_attachment_is_found(admin_session: Session) -> None:
    admin_session.log.append_one(_note("foto", attachments=(b"original",)))
    conn = admin_session.conn
    conn.execute("DROP TRIGGER blobs_immutable")
    conn.execute("UPDATE blobs SET data = ?", (b"forged",))
    report = admin_session.verify()
    assert not report.ok
    assert "attachment" in (report.problem or "")


def test_opening_a_record_appends_an_access_event(admin_session: Session) -> None:
    event = admin_session.record_access("person", "p-1")
    assert (event.kind, event.entity_type, event.entity_id) == ("access", "person", "p-1")
    assert event.data == {"action": "open", "purpose": "view"}


def test_projections_rebuild_byte_identical(two_officer_vault: Vault) -> None:
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    session.enrol_officer("T3", "Cecilia Påhitt", "team_leader", "ett annat bra lösen")
    session.remove_officer(FIELD_ID)
    before = session.projector.snapshot(session.conn)
    rows_before = session.conn.execute("SELECT * FROM officers ORDER BY 1").fetchall()
    replayed = session.projector.rebuild(session.conn)
    assert replayed == len(list(session.events()))
    assert session.projector.snapshot(session.conn) == before
    assert session.conn.execute("SELECT * FROM officers ORDER BY 1").fetchall() == rows_before
    names = {o.officer_id: o.display_name for o in session.officers()}
    assert names == {ADMIN_ID: "Astrid Testberg", "T3": "Cecilia Påhitt"}
    assert FIELD_NAME not in names.values()
    session.lock()


def test_a_transaction_that_fails_half_way_leaves_no_event(admin_session: Session) -> None:
    before = admin_session.log.head()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), database.transaction(admin_session.conn):
        admin_session.log.append_in_transaction([_note("halvt skrivet")])
        raise Boom
    assert admin_session.log.head() == before


MARKER = "MARKÖR-7f3a-hemligt-vittnesmål"


def test_nothing_written_through_the_app_is_readable_in_the_files(
    two_officer_vault: Vault,
) -> None:
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    session.append([_note(MARKER, attachments=(MARKER.encode() * 50,)) for _ in range(20)])
    session.set_setting("marker", MARKER)
    files = [two_officer_vault.db_path, two_officer_vault.db_path.with_name("vault.db-wal")]
    needles = [MARKER.encode(), MARKER.encode("utf-16-le"), b"hemligt-vittnesm"]

    def assert_clean() -> None:
        for path in [*files, two_officer_vault.keys_path]:
            if path.exists():
                raw = path.read_bytes()
                for needle in needles:
                    assert needle not in raw, path.name

    assert files[1].stat().st_size > 0  # the WAL really holds the new pages
    assert_clean()
    session.lock()
    assert_clean()
    assert KeyFile.load(two_officer_vault.keys_path).slots


def test_records_come_back_in_the_order_they_were_made(admin_session: Session) -> None:
    from fieldapp.storage.records import Records, create_draft

    drafts = [create_draft("note", {"n": i}, case_id="c1") for i in range(30)]
    admin_session.append(drafts)
    listed = Records(admin_session.conn).find("note", case_id="c1")
    assert [r.get("n") for r in listed] == list(range(30))


def test_changed_projection_definitions_rebuild_on_unlock(
    admin_session: Session, vault: Vault
) -> None:
    admin_session.append([_note("före")])
    conn = admin_session.conn
    before = admin_session.projector.snapshot(conn)
    conn.execute("DELETE FROM records")  # as if an older app version had left other tables
    conn.execute("UPDATE meta SET value = 'older' WHERE key = 'projections'")
    admin_session.lock()
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    # The deleted rows are back: every projection was rebuilt from the log.
    assert session.projector.snapshot(session.conn) == before
    session.lock()


def test_a_created_record_and_its_event_row_hold_the_events_own_values(
    admin_session: Session,
) -> None:
    """The create's record binds each repeated value once (created = updated, last event =
    created event) and the event's blobs are stored as bytes: read back from the file, both
    are the event's exactly."""
    (event,) = admin_session.append([_note("två personer, rum 312")])
    conn = admin_session.conn
    row = conn.execute(
        "SELECT created_at, created_by, updated_at, updated_by, last_event, created_event, "
        "created_hlc, voided, void_reason, data FROM records WHERE entity_id = ?",
        (event.entity_id,),
    ).fetchone()
    assert row == (
        event.wall_time, event.officer_id, event.wall_time, event.officer_id,
        event.id, event.id, event.hlc, 0, None, '{"text":"två personer, rum 312"}',
    )  # fmt: skip
    stored = conn.execute(
        "SELECT typeof(body), body, prev_hash, entry_hash, signature FROM events WHERE id = ?",
        (event.id,),
    ).fetchone()
    assert stored == ("blob", event.body, event.prev_hash, event.entry_hash, event.signature)
