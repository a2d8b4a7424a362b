"""A photo of the evidence travels in the sealed bundle with its record: the station
stores the same bytes under the same SHA-256 and reads them back checked."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from fieldapp.domain.photos import PHOTO_ENTITY
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.session import Session
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import StationImporter, Status
from fieldapp.workflow import evidence, photos
from fieldapp.workflow.context import Context
from tests.sync.conftest import Laptop


def test_a_photo_reaches_the_station_whole(
    station: Session, laptop: Laptop, tmp_path: Path
) -> None:
    case_id, buyer_id = laptop.new_case()
    payment = evidence.record_element(
        laptop.ctx, case_id, buyer_id, "payment_handed_over", {"source": "observed", "amount": 900}
    ).entity_id
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (90, 90, 20)).save(out, "JPEG")
    data = out.getvalue()
    photo_id = photos.attach_photo(laptop.ctx, payment, data).entity_id
    exported = export_bundle(laptop.session, tmp_path)
    assert exported is not None
    assert data[100:164] not in exported.path.read_bytes()  # sealed

    outcome = StationImporter(station).import_file(exported.path)

    assert outcome.status is Status.IMPORTED
    at_station = Context(station)
    record = at_station.records.get(PHOTO_ENTITY, photo_id)
    assert record is not None and record.get("sha256") == sha256_hex(data)
    assert photos.photo_bytes(at_station, photo_id) == data
    assert station.verify().ok
