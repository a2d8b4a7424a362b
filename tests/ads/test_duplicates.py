"""Same-advertiser proposals: a shared number or a near-identical text proposes; only a
person's confirmation (an event) makes one advertiser; the ads themselves never change."""

from __future__ import annotations

import zlib

import pytest

from fieldapp.ads import duplicates, register
from fieldapp.ads.model import ADVERTISER_LINK_ENTITY, LinkBasis
from fieldapp.ads.similarity import THRESHOLD, jaccard, shingles
from fieldapp.errors import InvalidInput
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA, AD_BELLA_REPOST, AD_FOREIGN, AD_SALA

# Another ad by the number in AD_SALA, with other words.
AD_SALA_OTHER = "Avslappnande helkroppsmassage i lugn miljö. Boka på 070-174 06 10, 1000 kr."


def _add(ctx: Context, operation_id: str, text: str) -> str:
    fields = register.capture(ctx, operation_id, text, site="Exempelsajten").fields
    return register.register_ad(ctx, operation_id, fields).entity_id


@pytest.fixture
def ads(ctx: Context, operation_id: str) -> dict[str, str]:
    return {
        name: _add(ctx, operation_id, text)
        for name, text in (
            ("bella", AD_BELLA),
            ("repost", AD_BELLA_REPOST),
            ("sala", AD_SALA),
            ("sala_other", AD_SALA_OTHER),
            ("foreign", AD_FOREIGN),
        )
    }


def test_texts_of_a_repost_are_near_identical() -> None:
    assert jaccard(shingles(AD_BELLA), shingles(AD_BELLA_REPOST)) >= THRESHOLD
    assert jaccard(shingles(AD_BELLA), shingles(AD_SALA)) < 0.1


def test_proposals_by_phone_and_by_text(ctx: Context, ads: dict[str, str]) -> None:
    found = {p.ad_ids: p for p in duplicates.proposals(ctx)}
    by_text = tuple(sorted((ads["bella"], ads["repost"])))
    by_phone = tuple(sorted((ads["sala"], ads["sala_other"])))
    assert set(found) == {by_text, by_phone}  # the foreign ad stands alone
    assert found[by_phone].phones == ("+46701740610",)
    assert found[by_phone].similar_texts == ()
    ((a, b, score),) = found[by_text].similar_texts
    assert {a, b} == set(by_text) and THRESHOLD <= score < 1
    assert found[by_text].phones == ()  # the repost has a new number


def test_related_ads_are_shown_while_capturing(
    ctx: Context, operation_id: str, ads: dict[str, str]
) -> None:
    found = register.capture(ctx, operation_id, AD_SALA, site="Exempelsajten")
    related = {r.ad_id: r for r in found.related}
    assert related[ads["sala"]].phones == ("+46701740610",)
    assert related[ads["sala"]].similarity == 1.0
    assert related[ads["sala_other"]].phones == ("+46701740610",)
    assert related[ads["sala_other"]].similarity == 0.0


def test_confirming_records_an_event_and_changes_no_ad(ctx: Context, ads: dict[str, str]) -> None:
    before = {k: register.get_ad(ctx, v) for k, v in ads.items()}
    change = duplicates.confirm_same_advertiser(
        ctx, [ads["sala"], ads["sala_other"]], basis=[LinkBasis.PHONE], note="Samma nummer."
    )
    (event,) = change.events
    assert (event.kind, event.entity_type) == ("create", ADVERTISER_LINK_ENTITY)
    assert event.data["data"]["decision"] == "same"
    assert {k: register.get_ad(ctx, v) for k, v in ads.items()} == before  # nothing merged
    remaining = [p.ad_ids for p in duplicates.proposals(ctx)]
    assert remaining == [tuple(sorted((ads["bella"], ads["repost"])))]
    assert duplicates.advertiser_of(ctx, ads["sala"]) == tuple(
        sorted((ads["sala"], ads["sala_other"]))
    )
    assert duplicates.advertiser_of(ctx, ads["foreign"]) == (ads["foreign"],)


def test_a_new_ad_reopens_a_confirmed_group(
    ctx: Context, operation_id: str, ads: dict[str, str]
) -> None:
    duplicates.confirm_same_advertiser(ctx, [ads["sala"], ads["sala_other"]])
    third = _add(ctx, operation_id, "Ny adress, samma tjej. Ring 0701740610.")
    (proposal,) = [p for p in duplicates.proposals(ctx) if third in p.ad_ids]
    assert len(proposal.ad_ids) == 3
    assert proposal.confirmed == (tuple(sorted((ads["sala"], ads["sala_other"]))),)


def test_dismissal_and_its_withdrawal(ctx: Context, ads: dict[str, str]) -> None:
    pair = [ads["repost"], ads["bella"]]
    change = duplicates.dismiss_proposal(ctx, pair, note="Olika bilder, olika personer.")
    assert all(set(p.ad_ids) != set(pair) for p in duplicates.proposals(ctx))
    duplicates.withdraw_decision(ctx, change.entity_id, "fel bedömning")
    assert any(set(p.ad_ids) == set(pair) for p in duplicates.proposals(ctx))


def test_decisions_are_checked(ctx: Context, ads: dict[str, str]) -> None:
    with pytest.raises(InvalidInput) as err:
        duplicates.confirm_same_advertiser(ctx, [ads["bella"], ads["bella"]])
    assert err.value.field == "ad_ids"
    with pytest.raises(InvalidInput) as err:
        duplicates.confirm_same_advertiser(ctx, [ads["bella"], "no-such-ad"])
    assert err.value.field == "ad_ids[1]"
    with pytest.raises(InvalidInput) as err:
        duplicates.confirm_same_advertiser(ctx, [ads["bella"], ads["repost"]], basis=["hunch"])
    assert err.value.field == "basis"


def test_withdrawn_ads_are_not_proposed(ctx: Context, ads: dict[str, str]) -> None:
    register.withdraw_ad(ctx, ads["sala_other"], "fel")
    assert all(ads["sala"] not in p.ad_ids for p in duplicates.proposals(ctx))


def test_proposals_of_one_operation(ctx: Context, ads: dict[str, str], operation_id: str) -> None:
    assert len(duplicates.proposals(ctx, operation_id=operation_id)) == 2
    assert duplicates.proposals(ctx, operation_id="another-operation") == []
    proposal = duplicates.proposal_for(ctx, ads["sala"])
    assert proposal is not None and ads["sala_other"] in proposal.ad_ids
    assert duplicates.proposal_for(ctx, ads["foreign"]) is None


def test_boilerplate_band_keys_are_not_evidence(
    ctx: Context, ads: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # With every band key counted as boilerplate, only shared numbers propose.
    monkeypatch.setattr(duplicates, "COMMON_BAND", 1)
    assert [p.phones for p in duplicates.proposals(ctx)] == [("+46701740610",)]
    assert duplicates.proposal_for(ctx, ads["bella"]) is None


def test_shingles_are_the_crcs_of_three_word_runs() -> None:
    """The stored band keys are made from these values: a faster way of working them out
    must give the same numbers (or the index's definition must change, so it is rebuilt).
    Every number is one placeholder word; a text of fewer than eight other words has none."""
    text = "Ett TVÅ, tre: fyra fem sex sju åtta 1 500 kr"
    words = ["ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "0", "kr"]
    assert shingles(text) == {
        zlib.crc32(" ".join(words[i : i + 3]).encode()) for i in range(len(words) - 2)
    }
    assert shingles("bara två ord och 070-174 06 05 och 2026-05-14") == frozenset()
    assert shingles("...") == frozenset()


def test_a_repost_with_new_prices_week_and_number_is_still_near_identical() -> None:
    first = (
        "Nova, 27, ny i Arboga denna vecka (v. 20). Massage och mysiga stunder. "
        "30 min – 1200 kr, 60 min – 2000 kr. Sms:a 070-174 06 24, jag svarar snabbt."
    )
    again = first.replace("v. 20", "v. 24").replace("1200", "1400").replace("2000", "2200")
    again = again.replace("070-174 06 24", "070-174 06 25")
    assert jaccard(shingles(first), shingles(again)) == 1.0
    other = "Ny i Köping! Glad och pigg kille för massage. Ring 040 628 04 28. 1 h 900 kr."
    assert jaccard(shingles(first), shingles(other)) < THRESHOLD


def test_decisions_in_force_newest_first_and_one_taken_back(
    ctx: Context, ads: dict[str, str]
) -> None:
    same = duplicates.confirm_same_advertiser(
        ctx, [ads["sala"], ads["sala_other"]], basis=[LinkBasis.PHONE], note="Samma nummer."
    )
    not_same = duplicates.dismiss_proposal(ctx, [ads["bella"], ads["repost"]])
    made = duplicates.decisions(ctx)
    assert [(d.id, d.decision.value) for d in made] == [
        (not_same.entity_id, "not_same"),
        (same.entity_id, "same"),
    ]
    first = made[1]
    assert first.ad_ids == tuple(sorted((ads["sala"], ads["sala_other"])))
    assert (first.basis, first.note, first.decided_by) == (("phone",), "Samma nummer.",
                                                           ctx.officer_id)  # fmt: skip
    assert duplicates.decisions(ctx, operation_id="another-operation") == []

    with pytest.raises(InvalidInput) as err:  # a reason is asked for
        duplicates.withdraw_decision(ctx, same.entity_id, "  ")
    assert err.value.problems[0][1].code == "void_reason_required"
    duplicates.withdraw_decision(ctx, same.entity_id, "Numret byter ägare.")
    assert [d.id for d in duplicates.decisions(ctx)] == [not_same.entity_id]
    assert duplicates.advertiser_of(ctx, ads["sala"]) == (ads["sala"],)
    proposal = duplicates.proposal_for(ctx, ads["sala"])  # proposed again
    assert proposal is not None and set(proposal.ad_ids) == {ads["sala"], ads["sala_other"]}
    voided = ctx.records.get(ADVERTISER_LINK_ENTITY, same.entity_id)
    assert voided is not None and voided.voided  # kept in the log, marked void
    with pytest.raises(InvalidInput):  # taken back once only
        duplicates.withdraw_decision(ctx, same.entity_id, "igen")
