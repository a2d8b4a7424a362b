"""Photos of the evidence on a real vault, without Qt: attached to an element or to the
seizure of the money, stored encrypted with the hash taken at capture, read back checked
and logged; every bad file refused by a coded reason, nothing stored; the bytes never
land in a file outside the vault."""

from __future__ import annotations

import io
import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image

from fieldapp.domain.photos import MAX_PHOTO_BYTES, PHOTO_ENTITY
from fieldapp.errors import InvalidInput, Reason
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.events import read_events
from fieldapp.workflow import cases, evidence, photos
from fieldapp.workflow.context import Context
from tests.workflow.conftest import event_count

PAYMENT = {"source": "observed", "amount": 1500, "seized": True,
           "seizure": {"record_number": "2026-0514-17", "amount": 1500}}  # fmt: skip


def picture(kind: str = "JPEG", size: tuple[int, int] = (64, 48)) -> bytes:
    """Noise, so that no other picture holds the same bytes (the leak test looks for them)."""
    out = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(out, kind)
    return out.getvalue()


@pytest.fixture
def payment_id(ctx: Context, case_id: str, buyer_id: str) -> str:
    change = evidence.record_element(ctx, case_id, buyer_id, "payment_handed_over", PAYMENT)
    return change.entity_id


@pytest.fixture
def agreement_id(ctx: Context, case_id: str, buyer_id: str) -> str:
    data = {"source": "overheard", "what": "30 minuter"}
    return evidence.record_element(ctx, case_id, buyer_id, "agreement", data).entity_id


def reason_of(err: pytest.ExceptionInfo[InvalidInput]) -> Reason:
    [(field, reason)] = err.value.problems
    assert field == "photo" and isinstance(reason, Reason)
    return reason


def test_a_photo_is_stored_with_its_hash_and_read_back_logged(
    ctx: Context, case_id: str, payment_id: str
) -> None:
    data = picture()
    change = photos.attach_photo(ctx, payment_id, data, about="seizure", source="camera")

    photo = ctx.records.get(PHOTO_ENTITY, change.entity_id)
    assert photo is not None and photo.case_id == case_id
    assert photo.data == {
        "element_id": payment_id,
        "about": "seizure",
        "source": "camera",
        "taken_at": ctx.now().isoformat(),
        "observer": ctx.officer_id,
        "sha256": sha256_hex(data),
        "media_type": "image/jpeg",
        "size": len(data),
        "width": 64,
        "height": 48,
    }
    [event] = change.events
    assert event.attachments == (sha256_hex(data),)
    assert [p.entity_id for p in photos.photos_of_case(ctx, case_id)] == [change.entity_id]
    assert photos.photos_of_element(ctx, payment_id, "seizure")[0].entity_id == change.entity_id
    assert photos.photos_of_element(ctx, payment_id, "element") == []

    assert photos.photo_bytes(ctx, change.entity_id) == data
    accesses = [
        e for e in read_events(ctx.session.conn, entity=(PHOTO_ENTITY, change.entity_id))
        if e.kind == "access"
    ]  # fmt: skip
    assert [json.loads(a.body)["purpose"] for a in accesses] == ["photo"]
    assert ctx.session.verify().ok


def test_a_png_on_any_element(ctx: Context, agreement_id: str) -> None:
    change = photos.attach_photo(ctx, agreement_id, picture("PNG", (10, 20)))
    photo = ctx.records.get(PHOTO_ENTITY, change.entity_id)
    assert photo is not None
    assert (photo.get("media_type"), photo.get("width"), photo.get("height")) == (
        "image/png", 10, 20
    )  # fmt: skip


def test_a_seizure_photo_belongs_to_the_payment(ctx: Context, agreement_id: str) -> None:
    before = event_count(ctx)
    with pytest.raises(InvalidInput) as err:
        photos.attach_photo(ctx, agreement_id, picture(), about="seizure")
    assert err.value.problems[0][0] == "about"
    assert event_count(ctx) == before


def test_a_case_no_longer_open_takes_no_photo(ctx: Context, case_id: str, payment_id: str) -> None:
    cases.transfer_case(ctx, case_id, "Människohandelsgruppen")
    before = event_count(ctx)
    with pytest.raises(InvalidInput) as err:
        photos.attach_photo(ctx, payment_id, picture())
    assert err.value.problems[0][0] == "case_id"
    assert event_count(ctx) == before


def test_a_withdrawn_photo_leaves_the_list_and_stays_in_the_log(
    ctx: Context, case_id: str, payment_id: str
) -> None:
    photo_id = photos.attach_photo(ctx, payment_id, picture()).entity_id
    photos.withdraw_photo(ctx, photo_id, "fel bild")
    assert photos.photos_of_case(ctx, case_id) == []
    assert len(list(read_events(ctx.session.conn, entity=(PHOTO_ENTITY, photo_id)))) == 2


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "photo_empty"),
        (b"Hej, det har ar ingen bild.\n", "photo_not_image"),
        (b"GIF89a" + b"\0" * 100, "photo_not_image"),
        ("jpeg_cut", "photo_damaged"),
        ("png_cut", "photo_damaged"),
    ],
)
def test_bad_pictures_are_refused_by_code_and_store_nothing(
    ctx: Context, payment_id: str, content: bytes | str, code: str
) -> None:
    if content == "jpeg_cut":
        content = picture()[:40]
    elif content == "png_cut":
        content = picture("PNG")[:-20]
    assert isinstance(content, bytes)
    before = event_count(ctx)
    with pytest.raises(InvalidInput) as err:
        photos.attach_photo(ctx, payment_id, content)
    assert reason_of(err).code == code
    assert event_count(ctx) == before


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "stor.jpg"
    with big.open("wb") as f:  # sparse: nothing is written, the size is what counts
        f.truncate(MAX_PHOTO_BYTES + 1)
    with pytest.raises(InvalidInput) as err:
        photos.read_photo_file(big)
    reason = reason_of(err)
    assert reason.code == "photo_too_large" and reason.params["limit"] == 25


def test_a_pipe_a_folder_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "ror.jpg"
    os.mkfifo(fifo)  # opening it must not wait for a writer
    cases_ = [(fifo, "photo_not_file"), (tmp_path, "photo_not_file"),
              (tmp_path / "saknas.jpg", "photo_unreadable")]  # fmt: skip
    for path, code in cases_:
        with pytest.raises(InvalidInput) as err:
            photos.read_photo_file(path)
        assert reason_of(err).code == code, path


def test_read_in_chunks_under_the_cap(tmp_path: Path) -> None:
    data = picture(size=(900, 700))
    source = tmp_path / "bild.jpg"
    source.write_bytes(data)
    assert photos.read_photo_file(source) == data
    with pytest.raises(InvalidInput):
        photos.read_photo_file(source, limit=len(data) - 1)


def files_holding(needle: bytes, roots: list[Path], since: float, skip: Path) -> list[Path]:
    """Files under ``roots`` changed since ``since`` whose bytes contain ``needle``."""
    found = []
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    if path == skip or not path.is_file() or path.stat().st_mtime < since:
                        continue
                    if needle in path.read_bytes():
                        found.append(path)
                except OSError:
                    continue
    return found


def test_the_photo_never_lands_in_a_file_outside_the_vault(
    ctx: Context, payment_id: str, tmp_path: Path
) -> None:
    start = time.time() - 1
    data = picture(size=(300, 200))
    source = tmp_path / "kamera" / "IMG_0001.jpg"
    source.parent.mkdir()
    source.write_bytes(data)

    photo_id = photos.attach_photo(ctx, payment_id, photos.read_photo_file(source)).entity_id
    assert photos.photo_bytes(ctx, photo_id) == data
    ctx.session.conn.execute("PRAGMA wal_checkpoint(FULL)")

    needle = data[len(data) // 2 : len(data) // 2 + 64]
    roots = [ctx.session.vault.data_dir, Path(tempfile.gettempdir())]
    assert files_holding(needle, roots, start, skip=source) == []
