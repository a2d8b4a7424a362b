"""Use cases for photos of the evidence: read a picture file safely, attach it to an
offence element (or to the seizure of the money), list a case's photos, open one.

A photo is its own record: created once with its bytes as the event's attachment (a
vault blob, stored encrypted under the SHA-256 taken here), withdrawn with a reason if it
was attached by mistake, never changed. The bytes never leave the vault: the file is read
under a cap (``fieldapp.inputs``), and opening a photo reads it back into memory only,
checked against its hash, the opening logged like an ad's attachment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldapp.domain.elements import ELEMENT_ENTITY
from fieldapp.domain.photos import (
    MAX_PHOTO_BYTES,
    PHOTO_ENTITY,
    PhotoAbout,
    PhotoSource,
    inspect_image,
    too_large,
)
from fieldapp.errors import InvalidInput, Reason, coded
from fieldapp.inputs import InputNotAFile, InputRefused, InputTooLarge, read_capped
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.records import Record
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context


def _refuse(reason: Reason) -> InvalidInput:
    return InvalidInput(f"Photo: {reason}", problems=(("photo", reason),))


def read_photo_file(path: Path, *, limit: int = MAX_PHOTO_BYTES) -> bytes:
    """A picture file's bytes, read under ``limit`` by ``fieldapp.inputs`` (a device, a
    pipe or a folder is refused before anything is read), the refusal coded for the
    photo field."""
    try:
        return read_capped(path, limit, "photo")
    except InputTooLarge:
        raise _refuse(too_large()) from None
    except InputNotAFile:
        raise _refuse(coded("photo_not_file", "not an ordinary file.")) from None
    except InputRefused as exc:
        reason = str(exc.params.get("reason", ""))
        raise _refuse(
            coded("photo_unreadable", f"cannot be read ({reason}).", reason=reason)
        ) from None


def attach_photo(
    ctx: Context,
    element_id: str,
    data: bytes,
    *,
    about: str = PhotoAbout.ELEMENT,
    source: str = PhotoSource.FILE,
) -> Change:
    """Attach ``data`` (JPEG or PNG) to an element of an open case; its hash is taken now."""
    info = inspect_image(data)
    element = ctx.require(ELEMENT_ENTITY, element_id, "element_id")
    values: dict[str, Any] = {
        "element_id": element_id,
        "about": about,
        "source": source,
        "taken_at": ctx.now().isoformat(),
        "observer": ctx.officer_id,
        "sha256": sha256_hex(data),
        "media_type": info.media_type.value,
        "size": len(data),
        "width": info.width,
        "height": info.height,
    }
    return entities.create(
        ctx,
        PHOTO_ENTITY,
        values,
        operation_id=element.operation_id,
        case_id=element.case_id,
        attachments=(data,),
    )


def photos_of_case(ctx: Context, case_id: str) -> list[Record]:
    """The case's photos in the order they were taken (withdrawn ones left out)."""
    found = ctx.records.find(PHOTO_ENTITY, case_id=case_id)
    return sorted(found, key=lambda r: (str(r.get("taken_at")), r.entity_id))


def photos_of_element(ctx: Context, element_id: str, about: str | None = None) -> list[Record]:
    return [
        r
        for r in photos_of_case(ctx, _case_of(ctx, element_id))
        if r.get("element_id") == element_id and (about is None or r.get("about") == about)
    ]


def _case_of(ctx: Context, element_id: str) -> str:
    element = ctx.require(ELEMENT_ENTITY, element_id, "element_id")
    return str(element.case_id)


def photo_bytes(ctx: Context, photo_id: str, purpose: str = "photo") -> bytes:
    """A photo's bytes from the vault, checked against its hash; the opening is logged."""
    photo = ctx.require(PHOTO_ENTITY, photo_id, "photo_id")
    data = ctx.session.log.blob(str(photo.get("sha256")))
    if data is None:
        raise InvalidInput(
            "Photo: not in this vault (not yet synced here).",
            problems=(("photo", coded("photo_missing", "not in this vault.")),),
        )
    ctx.session.record_access(PHOTO_ENTITY, photo_id, purpose)
    return data


def withdraw_photo(ctx: Context, photo_id: str, reason: str) -> Change:
    """A photo attached by mistake: withdrawn with the reason; it stays in the log."""
    return entities.void(ctx, PHOTO_ENTITY, photo_id, reason)
