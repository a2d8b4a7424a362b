"""Links between ads and the rest of the record: cases (kept on both sides, the ad's
``case_ids`` and the case's ``linked_ads``, in one transaction) and persons (on the ad).

An ad linked to anything has the status "linked"; an ad whose last link is undone is
"active" again (the officer marks it "gone" if it is). A closed or transferred case is not
changed: reopen it first, as for any other change to it.

An ad is tied to a person only through a case it is linked to, and only to one of that
case's own persons (``link_person``): persons are chosen from the case, never found by
name, since sellers may not be searched for in free text. Undoing the case link undoes
those person links with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldapp.ads.amending import amend_checked, commit_drafts
from fieldapp.ads.model import AD_ENTITY, AdStatus, AdView, ad_view
from fieldapp.domain.case import CASE_ENTITY, CaseStatus
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.errors import InvalidInput, coded
from fieldapp.storage.records import Record
from fieldapp.workflow.context import Change, Context


def link_case(ctx: Context, ad_id: str, case_id: str) -> Change:
    """Tie an ad to a case: the ad lists the case, the case lists the ad (one transaction),
    and the ad's status becomes "linked"."""
    ad = ctx.require(AD_ENTITY, ad_id, "ad_id")
    case = _open_case(ctx, case_id)
    drafts = [
        amend_checked(
            ctx,
            ad,
            {
                "case_ids": sorted({*(ad.get("case_ids") or []), case_id}),
                "status": AdStatus.LINKED.value,
            },
        ),
        amend_checked(ctx, case, {"linked_ads": sorted({*(case.get("linked_ads") or []), ad_id})}),
    ]
    return commit_drafts(ctx, AD_ENTITY, ad_id, drafts)


def link_person(ctx: Context, ad_id: str, case_id: str, person_id: str) -> Change:
    """Tie an ad linked to ``case_id`` to one of that case's persons, as the case screen
    does: the person is one of the case's (chosen from its list, never looked up by name)
    and the case is open, as for any change to its links."""
    ad = ctx.require(AD_ENTITY, ad_id, "ad_id")
    _open_case(ctx, case_id)
    _person_of_case(ctx, case_id, person_id)
    if case_id not in (ad.get("case_ids") or []):
        raise InvalidInput(
            coded("ad_not_linked", "Ad: not linked to this case; link it to the case first."),
            field="ad_id",
        )
    changes = {
        "person_ids": sorted({*(ad.get("person_ids") or []), person_id}),
        "status": AdStatus.LINKED.value,
    }
    return commit_drafts(ctx, AD_ENTITY, ad_id, [amend_checked(ctx, ad, changes)])


def unlink_person(ctx: Context, ad_id: str, case_id: str, person_id: str) -> Change:
    """Undo an ad's link to a person of ``case_id`` (an open case, as for linking)."""
    ad = ctx.require(AD_ENTITY, ad_id, "ad_id")
    _open_case(ctx, case_id)
    _person_of_case(ctx, case_id, person_id)
    persons = [p for p in ad.get("person_ids") or [] if p != person_id]
    changes = {"person_ids": persons or None, **_status_after(ad, ad.get("case_ids"), persons)}
    return commit_drafts(ctx, AD_ENTITY, ad_id, [amend_checked(ctx, ad, changes)])


def unlink_case(ctx: Context, ad_id: str, case_id: str) -> Change:
    """Undo a link to a case together with the ad's links to that case's persons, in one
    transaction (an ad left tied to the seller of a case it no longer names would hold a
    link the case screen cannot show, nor undo); an ad left linked to nothing is "active"
    again."""
    ad = ctx.require(AD_ENTITY, ad_id, "ad_id")
    case = _open_case(ctx, case_id)
    of_case = {p.entity_id for p in ctx.records.find(PERSON_ENTITY, case_id=case_id)}
    case_ids = [c for c in ad.get("case_ids") or [] if c != case_id]
    persons = [p for p in ad.get("person_ids") or [] if p not in of_case]
    changes = {
        "case_ids": case_ids or None,
        "person_ids": persons or None,
        **_status_after(ad, case_ids, persons),
    }
    drafts = [
        amend_checked(ctx, ad, changes),
        amend_checked(
            ctx, case, {"linked_ads": [a for a in case.get("linked_ads") or [] if a != ad_id]}
        ),
    ]
    return commit_drafts(ctx, AD_ENTITY, ad_id, drafts)


def persons_of_ad(ctx: Context, ad_id: str) -> list[Record]:
    """The persons an ad is linked to, as stored (a withdrawn one too, marked void, so
    a screen can say so rather than hide the link)."""
    ad = ctx.require(AD_ENTITY, ad_id, "ad_id")
    found = [ctx.records.get(PERSON_ENTITY, p) for p in ad.get("person_ids") or []]
    return [r for r in found if r is not None]


def _person_of_case(ctx: Context, case_id: str, person_id: str) -> Record:
    person = ctx.records.get(PERSON_ENTITY, person_id)
    if person is None or person.voided or person.case_id != case_id:
        raise InvalidInput(
            coded("no_such_person", "Person: no such person in this case."), field="person_id"
        )
    return person


def _status_after(
    ad: Record, case_ids: Sequence[str] | None, person_ids: Sequence[str] | None
) -> dict[str, Any]:
    if ad.get("status") == AdStatus.LINKED.value and not case_ids and not person_ids:
        return {"status": AdStatus.ACTIVE.value}
    return {}


def ads_for_case(ctx: Context, case_id: str) -> list[AdView]:
    """The live ads the case lists in ``linked_ads``, for the case screen (ids there that
    are no registered ad, as older vaults may hold, are left out)."""
    case = ctx.require(CASE_ENTITY, case_id, "case_id")
    found = [ctx.records.get(AD_ENTITY, i) for i in case.get("linked_ads") or []]
    return [ad_view(r) for r in found if r is not None and not r.voided]


def _open_case(ctx: Context, case_id: str) -> Record:
    case = ctx.require(CASE_ENTITY, case_id, "case_id")
    if case.get("status") != CaseStatus.OPEN.value:
        status = case.get("status")
        raise InvalidInput(
            coded(
                "case_closed_for_ads",
                f"Case: {status}; reopen it to link or unlink ads.",
                status=status,
            ),
            field="case_id",
        )
    return case
