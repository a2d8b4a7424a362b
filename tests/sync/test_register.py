"""The station's register of laptops: only registered laptops and officer keys get in, a
forged or revoked sender is refused before anything of its bundle is stored, and the
laptop card is checked whole."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import pyrage
import pytest
from nacl.signing import SigningKey

from fieldapp.errors import InvalidInput
from fieldapp.storage.events import Event
from fieldapp.storage.session import Session
from fieldapp.sync import bundle
from fieldapp.sync.bundle import BundleRejected
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import AlarmKind, BundleAlarm, StationImporter, Status
from fieldapp.sync.laptop_card import LaptopCard, LaptopCardRefused, make_laptop_card
from fieldapp.sync.register import (
    LAPTOP_ENTITY,
    RegisterRefused,
    register_laptop,
    registered_laptops,
    revoke_laptop,
)
from fieldapp.sync.review import open_alarms
from fieldapp.sync.station import StationCard, station_keys
from fieldapp.workflow.context import Context
from tests.sync.conftest import Laptop
from tests.sync.helpers import station_state

MARKER = "MARKÖR-4f1c-förfalskad"


def _export(laptop: Laptop, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    exported = export_bundle(laptop.session, out)
    assert exported is not None
    return exported.path


def _stored(station: Session) -> tuple[int, int, int]:
    """Held bundles, blobs and imported bundles: what a refused bundle must not add to."""
    conn = station.conn
    return tuple(  # type: ignore[return-value]
        conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("pending_bundles", "blobs", "imported_bundles")
    )


def _forged_with_the_public_card(card: StationCard) -> bytes:
    """What an attacker holding only the station's public card can make: a fresh key, a
    sequence far ahead (so today's importer would hold it), one unsigned event."""
    key = SigningKey.generate()
    device = str(uuid.uuid4())
    body = json.dumps({"data": {"note": MARKER}}).encode()
    event = Event(
        device_id=device,
        seq=5000,
        id=str(uuid.uuid4()),
        officer_id="X999",
        hlc="0",
        wall_time="2026-05-14T21:00:00.000+00:00",
        zone="CET+0100",
        kind="create",
        entity_type="note",
        entity_id=str(uuid.uuid4()),
        parents=(),
        body=body,
        attachments=(hashlib.sha256(b"blob").hexdigest(),),
        prev_hash=b"\x01" * 32,
        entry_hash=b"\x02" * 32,
        signature=b"\x00" * 64,
    )
    _, data = bundle.seal(
        [event],
        {hashlib.sha256(b"blob").hexdigest(): b"blob"},
        station=card,
        vault_id=str(uuid.uuid4()),
        signer="X999",
        signer_public=bytes(key.verify_key),
        sign=lambda signed: key.sign(signed).signature,
    )
    return data


def test_a_bundle_forged_with_the_public_card_is_refused_and_nothing_stored(
    station: Session, card: StationCard
) -> None:
    before = _stored(station)
    data = _forged_with_the_public_card(card)
    with pytest.raises(BundleAlarm) as err:
        StationImporter(station).import_bytes(data)
    assert err.value.kind is AlarmKind.UNREGISTERED
    assert _stored(station) == before  # no held bundle, no blob
    [alarm] = open_alarms(station)  # listed for review, without the bundle's content
    assert alarm.get("kind") == "unregistered"
    assert MARKER not in json.dumps(alarm.data) and "not registered" in alarm.get("detail")
    assert station.verify().ok


def test_a_bundle_with_zero_events_is_refused_clearly(
    station: Session, laptop: Laptop, card: StationCard
) -> None:
    """A registered laptop's key, a header and payload that say "no events"."""
    compressed = bundle.pack_payload([], {})
    ciphertext = pyrage.encrypt(
        compressed, [pyrage.x25519.Recipient.from_str(card.bundle_recipient)]
    )
    session = laptop.session
    header = bundle.Header(
        bundle_id=str(uuid.uuid4()),
        station=card.fingerprint,
        vault_id=session.vault_id,
        device_id=session.device_id,
        from_seq=1,
        to_seq=0,
        prev_head="00" * 32,
        new_head="00" * 32,
        count=0,
        blob_count=0,
        signer=session.officer_id,
        signer_public=session.public_key.hex(),
        created_at="2026-05-14T21:00:00+00:00",
        ciphertext_sha256=hashlib.sha256(ciphertext).hexdigest(),
        payload_sha256=bundle.payload_digest(compressed),
    )
    data = bundle.encode(header, session.sign(bundle.signed_part(header)), ciphertext)
    before = station_state(station)
    with pytest.raises(BundleRejected, match="no events"):
        StationImporter(station).import_bytes(data)
    assert station_state(station) == before


def test_a_revoked_laptops_later_bundle_is_refused(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.new_case()
    first = _export(laptop, tmp_path / "1")
    importer = StationImporter(station)
    assert importer.import_file(first).status is Status.IMPORTED
    held = station.conn.execute(
        "SELECT MAX(seq) FROM events WHERE device_id = ?", (laptop.session.device_id,)
    ).fetchone()[0]
    with pytest.raises(InvalidInput) as err:
        revoke_laptop(station, laptop.session.device_id, "misplaced")
    assert err.value.problems[0][0] == "reason"
    revoked = revoke_laptop(station, laptop.session.device_id, "stolen", "Stulen ur bilen.")
    assert revoked.revoked and revoked.accepted_through == held
    # The revocation is an event in the station's own log, with its reason.
    [event] = [e for e in station.events() if e.entity_type == LAPTOP_ENTITY and e.kind == "amend"]
    assert event.data["set"]["revoke_reason"] == "stolen"
    laptop.new_case()  # made on the stolen laptop (its clock, its header time: its word)
    second = _export(laptop, tmp_path / "2")
    before = _stored(station)
    with pytest.raises(BundleAlarm) as refused:
        importer.import_file(second)
    assert refused.value.kind is AlarmKind.REVOKED
    assert _stored(station) == before
    assert importer.import_file(first).status is Status.DUPLICATE  # held before: still fine
    with pytest.raises(RegisterRefused, match="revoked"):  # and not registered again
        laptop.register_at(station)


def test_an_unregistered_officer_on_a_registered_laptop_is_refused(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    laptop.session.enrol_officer(
        "T100002", "Tova Testsson", "field_officer", "en ny fras för kvällen"
    )
    other = laptop.vault.unlock("T100002", "en ny fras för kvällen")
    laptop.ctx = Context(other, laptop.clock)
    laptop.new_case()  # signed by the new officer, whom the station has never registered
    path = _export(laptop, tmp_path / "1")
    before = _stored(station)
    with pytest.raises(BundleAlarm) as refused:
        StationImporter(station).import_file(path)
    assert refused.value.kind is AlarmKind.UNREGISTERED and "T100002" in refused.value.message
    assert _stored(station) == before
    laptop.register_at(station)  # a new laptop card names the new officer
    [registered] = registered_laptops(station)
    assert set(registered.officers) == {laptop.session.officer_id, "T100002"}
    assert StationImporter(station).import_file(path).status is Status.IMPORTED
    other.lock()


def test_a_bundle_from_an_unregistered_laptop_is_not_even_decrypted(
    station: Session, laptop_factory: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = laptop_factory("stranger", registered=False)  # type: ignore[operator]
    stranger.new_case()
    path = _export(stranger, tmp_path / "s")
    from fieldapp.sync import importer as importer_module

    monkeypatch.setattr(importer_module, "_unseal", lambda *a: pytest.fail("decrypted"))
    with pytest.raises(BundleAlarm, match="not registered"):
        StationImporter(station).import_file(path)
    assert [a.get("device_id") for a in open_alarms(station)] == [stranger.session.device_id]


def test_the_laptop_card_is_checked_whole(station: Session, laptop: Laptop, tmp_path: Path) -> None:
    card = make_laptop_card(laptop.session)
    path = tmp_path / "laptop.json"
    card.save(path)
    assert LaptopCard.load(path).fingerprint == card.fingerprint
    data = json.loads(path.read_text())
    assert "Testsson" not in path.read_text() and "display_name" not in path.read_text()
    for field, value in (
        ("officers", {**data["officers"], "X1": [data["officers"][card.signer][0]]}),
        ("device_id", str(uuid.uuid4())),
        ("fingerprint", "AAAA-BBBB-CCCC-DDDD-EEEE"),
        ("signature", "00" * 64),
    ):
        with pytest.raises(LaptopCardRefused):
            LaptopCard.from_json({**data, field: value})
    forged = LaptopCard(**{**card.__dict__, "station": "AAAA-BBBB-CCCC-DDDD-EEEE"})
    with pytest.raises(RegisterRefused, match="made for station"):
        register_laptop(station, forged)
    assert len(registered_laptops(station)) == 1  # the fixture's registration only
    assert station_keys(station).card.fingerprint == card.station


def test_a_laptop_cannot_write_the_stations_register(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    """A registered laptop's own event that names the register (to add an officer key or
    lift a revocation) is refused as an alarm, and the register is unchanged."""
    from fieldapp.storage.records import create_draft

    before = registered_laptops(station)
    laptop.session.append(
        [
            create_draft(
                LAPTOP_ENTITY,
                {"device_id": laptop.session.device_id, "officers": {"X1": ["00" * 32]}},
                entity_id=laptop.session.device_id,
            )
        ]
    )
    path = _export(laptop, tmp_path / "1")
    with pytest.raises(BundleAlarm, match="may not write the station's register"):
        StationImporter(station).import_file(path)
    assert registered_laptops(station) == before
