"""Use cases of the ad register: capture an ad (extraction shown before saving), register
it with its screenshots and saved page, record it seen again or gone, and read it back
(an attached saved page as its text, never rendered).
Links to cases and persons are in ``links``.

Every change goes through ``fieldapp.workflow.entities``: the ad is checked by its cleaner,
stored as events, and the attachments become vault blobs under the SHA-256 taken when they
were captured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from fieldapp.ads import duplicates
from fieldapp.ads.amending import amend_checked, commit_drafts
from fieldapp.ads.extract import Extraction, extract
from fieldapp.ads.index import require_index
from fieldapp.ads.model import (
    AD_ENTITY,
    AdStatus,
    AdView,
    AttachmentKind,
    CleanedAd,
    ad_view,
    clean_ad_record,
    county_municipalities,
    normalise_url,
    seen_key,
)
from fieldapp.ads.pages import MHTML_TYPE, SavedPage, read_html, read_mhtml
from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.canonical import sha256_hex
from fieldapp.storage.events import Draft
from fieldapp.storage.records import Record, create_draft
from fieldapp.workflow import entities
from fieldapp.workflow.context import Change, Context
from fieldapp.workflow.directory import hotel_names
from fieldapp.workflow.entities import Placement

# Fields changed only through the link use cases, so both sides of a link stay in step.
_LINK_FIELDS = frozenset({"case_ids", "person_ids", "attachments"})


@dataclass(frozen=True)
class Attachment:
    """A file captured with an ad. Its SHA-256 is taken here, when it is captured, and is
    the name it is stored and verified under."""

    kind: AttachmentKind
    data: bytes
    media_type: str
    name: str | None = None
    captured_at: str | None = None
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", sha256_hex(self.data))

    def descriptor(self) -> dict[str, Any]:
        described: dict[str, Any] = {
            "sha256": self.sha256,
            "kind": str(self.kind),
            "media_type": self.media_type,
            "size": len(self.data),
        }
        if self.name:
            described["name"] = self.name
        if self.captured_at:
            described["captured_at"] = self.captured_at
        return described


@dataclass(frozen=True)
class Capture:
    """A pasted or imported ad before it is saved: the proposed record for the officer to
    confirm or correct, what was read out of it, and what is already registered."""

    fields: dict[str, Any]
    extraction: Extraction
    existing: AdView | None  # an ad already registered at the same address
    related: tuple[duplicates.Related, ...]  # ads sharing a phone or near-identical text


# -- capture and registration ----------------------------------------------------------------


def read_ad(ctx: Context, operation_id: str, text: str, *, title: str | None = None) -> Extraction:
    """What ``text`` (and ``title``) say, with the operation county's places and hotels."""
    municipalities, hotels = places_of(ctx, operation_id)
    return extract(
        "\n".join(x for x in (title, text) if x), municipalities=municipalities, hotels=hotels
    )


def places_of(ctx: Context, operation_id: str) -> tuple[tuple[str, ...], list[str]]:
    """The municipalities and directory hotels of the operation's county."""
    operation = ctx.require(OPERATION_ENTITY, operation_id, "operation_id")
    county = operation.get("county")
    return county_municipalities(ctx, operation_id), hotel_names(ctx, county)


def capture(
    ctx: Context,
    operation_id: str,
    text: str,
    *,
    url: str | None = None,
    site: str | None = None,
    title: str | None = None,
) -> Capture:
    """Read a pasted ad and propose its record; nothing is saved until ``register_ad``."""
    extraction = read_ad(ctx, operation_id, text, title=title)
    now = ctx.now().isoformat()
    proposal: dict[str, Any] = {
        "site": site,
        "url": url,
        "title": title or _headline(text),
        "text": text,
        **extraction.fields(),
        "first_seen": now,
        "last_seen": now,
        "status": AdStatus.ACTIVE.value,
    }
    existing = ad_by_url(ctx, url) if url else None
    related = duplicates.related(ctx, phones=extraction.phones, text=text)
    return Capture(
        fields={k: v for k, v in proposal.items() if v not in (None, [], "")},
        extraction=extraction,
        existing=existing,
        related=tuple(r for r in related if existing is None or r.ad_id != existing.id),
    )


def register_ad(
    ctx: Context,
    operation_id: str,
    fields: Mapping[str, Any],
    attachments: Sequence[Attachment] = (),
) -> Change:
    """Save a confirmed ad (the officer who registers it is the event's)."""
    return ctx.change([ad_draft(ctx, operation_id, fields, attachments)])


def ad_draft(
    ctx: Context,
    operation_id: str,
    fields: Mapping[str, Any],
    attachments: Sequence[Attachment] = (),
) -> Draft:
    """The checked create event of an ad, not yet committed (an import commits many).
    ``fields`` already cleaned (``CleanedAd``, attachments and all) are only checked
    against the vault."""
    data = fields if isinstance(fields, CleanedAd) else ad_data(fields, ctx.now(), attachments)
    cleaned = entities.clean(
        ctx, AD_ENTITY, data, Placement(operation_id=operation_id), cleaner=clean_ad_record
    )
    return create_draft(
        AD_ENTITY,
        cleaned,
        operation_id=operation_id,
        attachments=tuple(a.data for a in attachments),
    )


def ad_data(
    fields: Mapping[str, Any], now: datetime, attachments: Sequence[Attachment] = ()
) -> dict[str, Any]:
    """An ad's fields as its cleaner takes them: first seen now unless given, the new
    attachments described, empty fields left out."""
    data = {"first_seen": now.isoformat(), **fields}
    described = list(data.get("attachments") or [])
    data["attachments"] = described + [a.descriptor() for a in attachments] or None
    return {k: v for k, v in data.items() if v is not None}


def update_ad(ctx: Context, ad_id: str, changes: Mapping[str, Any]) -> Change:
    """Correct an ad's fields (``None`` clears one) as a new event; links and attachments
    have their own use cases. Nothing changes if nothing differs."""
    draft = update_draft(ctx, ad_id, changes)
    return ctx.change([draft]) if draft is not None else Change(AD_ENTITY, ad_id)


def update_draft(ctx: Context, ad_id: str, changes: Mapping[str, Any]) -> Draft | None:
    """The checked amend event of ``update_ad``, not committed (``None``: nothing differs)."""
    touched = sorted(_LINK_FIELDS & set(changes))
    if touched:
        raise InvalidInput(
            coded(
                "use_link_actions",
                f"{touched[0]}: use the link or attachment actions to change it.",
            ),
            field=touched[0],
        )
    return amend_checked(ctx, _ad_record(ctx, ad_id), changes)


def seen_again(
    ctx: Context, ad_id: str, at: str | None = None, attachments: Sequence[Attachment] = ()
) -> Change:
    """The ad is still online: move its last-seen time on; a "gone" ad is active again.
    Files captured now (the page saved again) are attached in the same event."""
    draft = seen_again_draft(ctx, _ad_record(ctx, ad_id), at or ctx.now().isoformat(), attachments)
    return commit_drafts(ctx, AD_ENTITY, ad_id, [draft])


def seen_again_draft(
    ctx: Context, ad: Record, at: str, attachments: Sequence[Attachment] = ()
) -> Draft | None:
    """The amend event of an ad seen again at ``at`` (with any newly captured files), or
    ``None`` if it changes nothing. One event, so the change has one parent."""
    changes: dict[str, Any] = {}
    if seen_key(at) > seen_key(str(ad.get("last_seen") or ad.get("first_seen"))):
        changes["last_seen"] = at
    if ad.get("status") == AdStatus.GONE.value:
        changes["status"] = AdStatus.ACTIVE.value
    known = {a["sha256"] for a in ad.get("attachments") or []}
    new = [a for a in attachments if a.sha256 not in known]
    if new:
        changes["attachments"] = [*(ad.get("attachments") or []), *(a.descriptor() for a in new)]
    draft = amend_checked(ctx, ad, changes)
    return replace(draft, attachments=tuple(a.data for a in new)) if draft and new else draft


def mark_gone(ctx: Context, ad_id: str) -> Change:
    """The ad has been taken down."""
    return entities.amend(
        ctx, AD_ENTITY, ad_id, {"status": AdStatus.GONE.value}, cleaner=clean_ad_record
    )


def withdraw_ad(ctx: Context, ad_id: str, reason: str) -> Change:
    """Withdraw an ad registered by mistake (it stays in the log, marked void)."""
    return entities.void(ctx, AD_ENTITY, ad_id, reason)


def add_attachments(ctx: Context, ad_id: str, attachments: Sequence[Attachment]) -> Change:
    """Add screenshots or a saved page to a registered ad, hashed as they are captured."""
    ad = _ad_record(ctx, ad_id)
    known = {a["sha256"] for a in ad.get("attachments") or []}
    new = [a for a in attachments if a.sha256 not in known]
    if not new:
        return Change(AD_ENTITY, ad_id)
    described = [*(ad.get("attachments") or []), *(a.descriptor() for a in new)]
    draft = amend_checked(ctx, ad, {"attachments": described})
    assert draft is not None
    return ctx.change([replace(draft, attachments=tuple(a.data for a in new))])


def attachment_bytes(ctx: Context, ad_id: str, sha256: str) -> bytes:
    """An attachment of an ad, checked against its hash; opening it is logged."""
    return _open_attachment(ctx, ad_id, sha256)[1]


def read_attached_page(ctx: Context, ad_id: str, sha256: str) -> SavedPage:
    """A saved page attached to an ad, read back as its text the way the import read it:
    nothing rendered, nothing fetched. Opening it is logged like any attachment."""
    described, data = _open_attachment(ctx, ad_id, sha256)
    return read_mhtml(data) if described.get("media_type") == MHTML_TYPE else read_html(data)


def _open_attachment(ctx: Context, ad_id: str, sha256: str) -> tuple[dict[str, Any], bytes]:
    """An attachment's descriptor and its bytes (checked against its hash); the opening
    is logged."""
    ad = _ad_record(ctx, ad_id)
    described = next((a for a in ad.get("attachments") or [] if a["sha256"] == sha256), None)
    if described is None:
        raise InvalidInput(
            coded("no_such_attachment", "Attachment: the ad has no such attachment."),
            field="sha256",
        )
    data = ctx.session.log.blob(sha256)
    if data is None:
        raise InvalidInput(
            coded("attachment_not_here", "Attachment: not in this vault (not yet synced here)."),
            field="sha256",
        )
    ctx.session.record_access(AD_ENTITY, ad_id, "attachment")
    return described, data


# -- reading ----------------------------------------------------------------------------------


def get_ad(ctx: Context, ad_id: str) -> AdView:
    """An ad for a list or the case screen (not logged; ``open_ad`` is for opening it)."""
    return ad_view(_ad_record(ctx, ad_id))


def open_ad(ctx: Context, ad_id: str, purpose: str = "view") -> AdView:
    """An ad opened by an officer; the opening is recorded in the access log."""
    ad = get_ad(ctx, ad_id)
    ctx.session.record_access(AD_ENTITY, ad_id, purpose)
    return ad


def list_ads(
    ctx: Context, operation_id: str | None = None, *, status: AdStatus | None = None
) -> list[AdView]:
    """Live ads, in the order they were registered."""
    found = ctx.records.find(AD_ENTITY, operation_id=operation_id)
    return [ad_view(r) for r in found if status is None or r.get("status") == status.value]


def count_ads(ctx: Context, operation_id: str) -> int:
    """How many ads were mapped for an operation (for the operation report)."""
    row = ctx.conn.execute(
        "SELECT count(*) FROM records WHERE entity_type = ? AND operation_id = ? AND voided = 0",
        (AD_ENTITY, operation_id),
    ).fetchone()
    return int(row[0])


def ad_by_url(ctx: Context, url: str) -> AdView | None:
    """The live ad registered at ``url`` (compared as ``normalise_url`` forms)."""
    row = (
        require_index(ctx.session.conn)
        .execute(
            "SELECT entity_id FROM search_docs WHERE url_key = ? AND +entity_type = ? ORDER BY doc",
            (normalise_url(url), AD_ENTITY),
        )
        .fetchone()
    )
    return get_ad(ctx, row[0]) if row else None


# -- helpers ----------------------------------------------------------------------------------


def _headline(text: str) -> str | None:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines and len(lines[0]) <= 120 and len(lines) > 1 else None


def _ad_record(ctx: Context, ad_id: str) -> Record:
    return ctx.require(AD_ENTITY, ad_id, "ad_id")
