"""Linking an ad to a person from the case it is linked to: only the case's own persons,
only while the case is open, and undoing the case link takes that case's person links
with it (one transaction)."""

from __future__ import annotations

import pytest

from fieldapp.ads import links, register
from fieldapp.ads.model import AdStatus
from fieldapp.errors import InvalidInput
from fieldapp.workflow import cases, persons
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA

URL = "https://annonser.example/ad/4401"


def _linked_ad(ctx: Context, operation_id: str, case_id: str) -> str:
    found = register.capture(ctx, operation_id, AD_BELLA, url=URL)
    ad_id = register.register_ad(ctx, operation_id, found.fields).entity_id
    links.link_case(ctx, ad_id, case_id)
    return ad_id


def _other_case_and_seller(ctx: Context, operation_id: str) -> tuple[str, str]:
    """A second case of the operation, and its seller."""
    data = {"place_kind": "hotel", "place_name": "Motell Låtsas", "address": "Låtsasleden 40",
            "municipality": "Sala"}  # fmt: skip
    other = cases.open_case(ctx, operation_id, data).entity_id
    return other, persons.add_seller(
        ctx, other, {"name": "Nok (alias)", "estimated_age": 30}
    ).entity_id


def test_a_person_of_the_case_is_linked_and_unlinked(
    ctx: Context, operation_id: str, case_id: str, seller_id: str
) -> None:
    ad_id = _linked_ad(ctx, operation_id, case_id)
    change = links.link_person(ctx, ad_id, case_id, seller_id)
    assert len(change.events) == 1
    assert register.get_ad(ctx, ad_id).person_ids == (seller_id,)
    assert [p.entity_id for p in links.persons_of_ad(ctx, ad_id)] == [seller_id]
    assert links.link_person(ctx, ad_id, case_id, seller_id).events == ()  # twice

    links.unlink_person(ctx, ad_id, case_id, seller_id)
    ad = register.get_ad(ctx, ad_id)
    assert ad.person_ids == () and ad.status is AdStatus.LINKED  # still the case's
    assert links.persons_of_ad(ctx, ad_id) == []


def test_only_the_cases_own_persons_of_an_open_case(
    ctx: Context, operation_id: str, case_id: str, seller_id: str
) -> None:
    ad_id = _linked_ad(ctx, operation_id, case_id)
    other, stranger = _other_case_and_seller(ctx, operation_id)
    with pytest.raises(InvalidInput) as err:
        links.link_person(ctx, ad_id, case_id, stranger)
    assert err.value.problems == (("person_id", "Person: no such person in this case."),)
    with pytest.raises(InvalidInput) as err:
        links.link_person(ctx, ad_id, case_id, "no-such-person")
    assert err.value.field == "person_id"

    # The ad must be linked to the case first: the person is reached through it.
    with pytest.raises(InvalidInput) as err:
        links.link_person(ctx, ad_id, other, stranger)
    assert err.value.field == "ad_id" and "link it to the case first" in err.value.message

    links.link_person(ctx, ad_id, case_id, seller_id)
    cases.transfer_case(ctx, case_id, "Människohandelsgruppen")
    for action in (links.link_person, links.unlink_person):
        with pytest.raises(InvalidInput) as err:
            action(ctx, ad_id, case_id, seller_id)
        assert err.value.message.endswith("; reopen it to link or unlink ads.")
    assert register.get_ad(ctx, ad_id).person_ids == (seller_id,)  # nothing changed


def test_undoing_the_case_link_undoes_its_persons_links(
    ctx: Context, operation_id: str, case_id: str, seller_id: str
) -> None:
    ad_id = _linked_ad(ctx, operation_id, case_id)
    other, stranger = _other_case_and_seller(ctx, operation_id)
    links.link_case(ctx, ad_id, other)
    links.link_person(ctx, ad_id, case_id, seller_id)
    links.link_person(ctx, ad_id, other, stranger)

    change = links.unlink_case(ctx, ad_id, case_id)

    assert len(change.events) == 2  # the ad and the case, in one transaction
    ad = register.get_ad(ctx, ad_id)
    assert ad.case_ids == (other,) and ad.person_ids == (stranger,)
    assert ad.status is AdStatus.LINKED
    assert links.ads_for_case(ctx, case_id) == []
    links.unlink_case(ctx, ad_id, other)
    ad = register.get_ad(ctx, ad_id)
    assert (ad.case_ids, ad.person_ids, ad.status) == ((), (), AdStatus.ACTIVE)
