"""The ad register on a real vault: capture for confirmation, registration with hashed
attachments, refusals by field, seen again and gone, links to cases and persons."""

from __future__ import annotations

import hashlib

import pytest

from fieldapp.ads import links, register
from fieldapp.ads.model import AD_ENTITY, AdStatus, AttachmentKind
from fieldapp.errors import InvalidInput
from fieldapp.workflow import cases
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA, AD_SALA, Clock
from tests.conftest import ADMIN_ID

URL = "https://annonser.example/ad/1001"
PNG = b"\x89PNG\r\n\x1a\n" + b"invented screenshot" * 20


def _register(ctx: Context, operation_id: str, text: str = AD_BELLA, url: str = URL) -> str:
    found = register.capture(ctx, operation_id, text, url=url)
    return register.register_ad(ctx, operation_id, found.fields).entity_id


def test_capture_proposes_and_stores_nothing(ctx: Context, operation_id: str) -> None:
    before = sum(1 for _ in ctx.session.events())
    found = register.capture(ctx, operation_id, AD_BELLA, url=URL)
    assert sum(1 for _ in ctx.session.events()) == before
    assert found.fields["title"] == "Ny i Västerås!"
    assert found.fields["phones"] == ["+46701740605"]
    assert found.fields["emails"] == ["bella.exempel@example.com"]
    assert found.fields["municipality"] == "Västerås"
    assert found.fields["hotel"] == "Hotell Påhittat"
    assert found.fields["first_seen"] == ctx.now().isoformat()
    assert found.existing is None and found.related == ()


def test_registered_ad_as_it_stands(ctx: Context, operation_id: str) -> None:
    shot = register.Attachment(AttachmentKind.SCREENSHOT, PNG, "image/png", name="bella.png")
    found = register.capture(ctx, operation_id, AD_BELLA, url=URL)
    change = register.register_ad(ctx, operation_id, found.fields, [shot])
    ad = register.get_ad(ctx, change.entity_id)
    assert ad.site == "annonser.example"  # from the address when no site is given
    assert ad.status is AdStatus.ACTIVE
    assert ad.registered_by == ADMIN_ID
    assert ad.operation_id == operation_id
    assert [(p.amount, p.minutes, p.night) for p in ad.prices] == [
        (1500, 30, False),
        (2500, 60, False),
        (8000, None, True),
    ]
    (info,) = ad.attachments
    digest = hashlib.sha256(PNG).hexdigest()
    assert (info.sha256, info.kind, info.size) == (digest, "screenshot", len(PNG))
    assert change.events[0].attachments == (digest,)
    assert register.attachment_bytes(ctx, ad.id, digest) == PNG
    last = list(ctx.session.events())[-1]
    assert (last.kind, last.entity_type, last.data["purpose"]) == (
        "access",
        AD_ENTITY,
        "attachment",
    )


def test_refusals_name_each_field(ctx: Context, operation_id: str, clock: Clock) -> None:
    with pytest.raises(InvalidInput) as err:
        register.register_ad(
            ctx,
            operation_id,
            {
                "url": "annonser.example/ad",
                "phones": ["070-17", "0701740605"],
                "emails": ["inte en adress"],
                "prices": [{"amount": 0, "currency": "XYZ"}],
                "municipality": "Uppsala",
                "first_seen": "2026-05-10",
                "last_seen": "2026-05-01",
                "status": "linked",
            },
        )
    fields = {f for f, _ in err.value.problems}
    assert fields == {
        "url",
        "text",
        "phones[0]",
        "emails[0]",
        "prices[0].amount",
        "prices[0].currency",
        "municipality",
        "last_seen",
        "status",
    }
    with pytest.raises(InvalidInput) as err:
        register.register_ad(
            ctx, operation_id, {"site": "X", "text": "t", "first_seen": "2027-01-01"}
        )
    assert err.value.field == "first_seen"
    with pytest.raises(InvalidInput) as err:
        register.register_ad(
            ctx, operation_id, {"site": "X", "text": "t", "first_seen": "2026-05-01T10:00"}
        )
    assert "offset" in err.value.problems[0][1]


def test_seen_again_gone_and_corrected(ctx: Context, operation_id: str, clock: Clock) -> None:
    ad_id = _register(ctx, operation_id)
    register.mark_gone(ctx, ad_id)
    assert register.get_ad(ctx, ad_id).status is AdStatus.GONE
    clock.advance(60 * 24)
    register.seen_again(ctx, ad_id)
    ad = register.get_ad(ctx, ad_id)
    assert ad.status is AdStatus.ACTIVE and ad.last_seen == ctx.now().isoformat()
    assert register.seen_again(ctx, ad_id, at="2026-05-01").events == ()  # earlier: no change
    register.update_ad(ctx, ad_id, {"hotel": "Stadshotellet Exempel", "note": "Samma bild."})
    assert register.get_ad(ctx, ad_id).hotel == "Stadshotellet Exempel"
    with pytest.raises(InvalidInput) as err:
        register.update_ad(ctx, ad_id, {"case_ids": ["x"]})
    assert err.value.field == "case_ids"


def test_linking_a_case_keeps_both_sides(
    ctx: Context, operation_id: str, case_id: str, seller_id: str
) -> None:
    ad_id = _register(ctx, operation_id)
    change = links.link_case(ctx, ad_id, case_id)
    assert len(change.events) == 2  # the ad and the case, in one transaction
    ad = register.get_ad(ctx, ad_id)
    assert ad.case_ids == (case_id,) and ad.status is AdStatus.LINKED
    assert ctx.require("case", case_id, "case_id").get("linked_ads") == [ad_id]
    assert [a.id for a in links.ads_for_case(ctx, case_id)] == [ad_id]
    assert links.link_case(ctx, ad_id, case_id).events == ()  # twice: nothing new
    links.link_person(ctx, ad_id, case_id, seller_id)
    links.unlink_person(ctx, ad_id, case_id, seller_id)
    ad = register.get_ad(ctx, ad_id)
    assert ad.case_ids == (case_id,) and ad.status is AdStatus.LINKED  # still the case's
    links.unlink_case(ctx, ad_id, case_id)
    assert register.get_ad(ctx, ad_id).status is AdStatus.ACTIVE  # linked to nothing
    assert links.ads_for_case(ctx, case_id) == []


def test_links_are_checked(ctx: Context, operation_id: str, case_id: str) -> None:
    ad_id = _register(ctx, operation_id)
    with pytest.raises(InvalidInput) as err:
        links.link_case(ctx, ad_id, "no-such-case")
    assert err.value.field == "case_id"
    with pytest.raises(InvalidInput) as err:
        links.link_person(ctx, ad_id, case_id, "no-such-person")
    assert err.value.field == "person_id"
    cases.transfer_case(ctx, case_id, "Människohandelsgruppen")
    with pytest.raises(InvalidInput) as err:
        links.link_case(ctx, ad_id, case_id)
    assert "reopen" in err.value.message


def test_withdrawn_ad_leaves_lists_and_search(
    ctx: Context, operation_id: str, case_id: str
) -> None:
    ad_id = _register(ctx, operation_id)
    other = _register(ctx, operation_id, AD_SALA, "https://annonser.example/ad/2")
    links.link_case(ctx, ad_id, case_id)
    register.withdraw_ad(ctx, ad_id, "registrerad två gånger")
    assert [a.id for a in register.list_ads(ctx, operation_id)] == [other]
    assert links.ads_for_case(ctx, case_id) == []
    assert register.count_ads(ctx, operation_id) == 1
    assert register.ad_by_url(ctx, URL) is None


def test_same_address_is_found_before_saving(ctx: Context, operation_id: str) -> None:
    ad_id = _register(ctx, operation_id)
    other_page = "https://annonser.example/AD/1001"  # a path differing in case: another page
    assert register.capture(ctx, operation_id, AD_BELLA, url=other_page).existing is None
    again = register.capture(
        ctx, operation_id, AD_BELLA, url="HTTPS://Annonser.Example/ad/1001/#top"
    )
    assert again.existing is not None and again.existing.id == ad_id


def test_opening_an_ad_is_logged(ctx: Context, operation_id: str) -> None:
    ad_id = _register(ctx, operation_id)
    register.open_ad(ctx, ad_id)
    last = list(ctx.session.events())[-1]
    assert (last.kind, last.entity_type, last.entity_id) == ("access", AD_ENTITY, ad_id)
