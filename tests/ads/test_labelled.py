"""Extraction and same-advertiser proposals scored on the labelled ads of
``tests/ads/data`` (invented, written by hand, the truth beside each ad): phones, prices
(amount, currency, duration), places, and groups of ads by one advertiser."""

from __future__ import annotations

import csv
import io
import itertools

import pytest

from fieldapp.ads import duplicates, importing
from fieldapp.ads.extract import extract
from fieldapp.counties import load_county
from fieldapp.workflow.context import Context
from tests.ads.labelled import LabelledAd, Score, load, price_hits

MUNICIPALITIES = load_county("vastmanland").municipalities
ADS = load()


def test_the_set_is_large_and_covers_every_class() -> None:
    assert len(ADS) >= 150
    assert len({ad.id for ad in ADS}) == len(ADS)
    texts = "\n".join(ad.text for ad in ADS)
    for written in ("–", "—", "−", "‐", "O7O", "\u00a0", "\u202f", "timpris", "godz", "oră",
                    "час", "hora", "ชั่วโมง", "overnight", "1,500 SEK"):  # fmt: skip
        assert written.casefold() in texts.casefold(), written
    marks = {p.mark for ad in ADS for p in ad.prices}
    assert marks == {"", "~", "?"}
    assert sum(ad.group is not None for ad in ADS) >= 30
    # Different advertisers never share a number, so a shared number is always evidence.
    owners: dict[str, set[str]] = {}
    for ad in ADS:
        for phone in ad.phones:
            owners.setdefault(phone, set()).add(ad.group or ad.id)
    assert all(len(o) == 1 for o in owners.values())


def _scores() -> tuple[Score, Score, float, list[str]]:
    phones, prices, places, misses = Score(), Score(), 0, []
    for ad in ADS:
        found = extract(ad.text, municipalities=MUNICIPALITIES)
        phones.hits += len(set(found.phones) & set(ad.phones))
        phones.found += len(found.phones)
        phones.truth += len(ad.phones)
        hits = price_hits(ad.prices, found.prices)
        prices.hits += hits
        prices.found += len(found.prices)
        prices.truth += len(ad.prices)
        place = found.municipalities[0] if found.municipalities else None
        places += place == ad.place
        if set(found.phones) != set(ad.phones):
            misses.append(f"{ad.id} phones {found.phones}")
        if hits != len(ad.prices) or hits != len(found.prices):
            misses.append(f"{ad.id} prices {[p.as_data() for p in found.prices]}")
        if place != ad.place:
            misses.append(f"{ad.id} place {place}")
    return phones, prices, places / len(ADS), misses


def test_extraction_scores_on_the_labelled_ads() -> None:
    phones, prices, place_accuracy, misses = _scores()
    report = "\n".join(misses)
    assert phones.precision >= 0.99 and phones.recall >= 0.99, report
    assert prices.precision >= 0.98 and prices.recall >= 0.95, report
    assert place_accuracy >= 0.99, report


def test_low_confidence_readings_are_marked() -> None:
    """An O read as a zero or a number over a line break is marked, as is a price read
    without a currency or with an ambiguous amount; a plain reading is not."""
    by_id = {ad.id: ad for ad in ADS}
    o_for_zero = extract(by_id["008"].text)
    assert o_for_zero.phone_doubts == (("+46701740611", "letter_o"),)
    joined = extract(by_id["009"].text)
    assert joined.phone_doubts == (("+46701740612", "joined_lines"),)
    assert extract(by_id["001"].text).phone_doubts == ()
    assert [p.doubt for p in extract(by_id["006"].text).prices] == ["inferred", "inferred"]
    assert [p.doubt for p in extract(by_id["064"].text).prices] == ["ambiguous"]
    assert {p.doubt for p in extract(by_id["005"].text).prices} == {None}


def _csv(ads: list[LabelledAd]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["url", "text"])
    for ad in ads:
        writer.writerow([f"https://annonser.example/etikett/{ad.id}", ad.text])
    return out.getvalue().encode()


def _pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}


@pytest.fixture
def imported(ctx: Context, operation_id: str) -> dict[str, str]:
    """The labelled ads registered through the CSV import: ad id → labelled id."""
    report = importing.import_csv(ctx, operation_id, _csv(ADS), source="etiketter.csv")
    return dict(zip(report.created, (ad.id for ad in ADS), strict=True))


def test_same_advertiser_proposals_on_the_labelled_groups(
    ctx: Context, imported: dict[str, str]
) -> None:
    proposed = [[imported[a] for a in p.ad_ids] for p in duplicates.proposals(ctx)]
    groups: dict[str, list[str]] = {}
    for ad in ADS:
        if ad.group:
            groups.setdefault(ad.group, []).append(ad.id)
    found, truth = _pairs(proposed), _pairs(list(groups.values()))
    precision = len(found & truth) / len(found) if found else 1.0
    recall = len(found & truth) / len(truth)
    wrong = sorted(tuple(sorted(p)) for p in found - truth)
    missed = sorted(tuple(sorted(p)) for p in truth - found)
    assert precision == 1.0, f"proposed wrongly: {wrong}"
    assert recall >= 0.9, f"recall {recall:.2f}; missed: {missed}"
