"""Searching ads and observations in the encrypted index: Swedish letters, phone numbers in
any format, places and periods, safe query syntax, sellers never findable by name, and
every opened hit in the access log."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.ads import links, register
from fieldapp.ads import search as search_module
from fieldapp.ads.index import place_code
from fieldapp.ads.search import (
    MARK_END,
    MARK_START,
    SearchQuery,
    highlighted,
    open_hit,
    parse_query,
    search,
    suggest_for_case,
)
from fieldapp.counties import county_ids, load_county
from fieldapp.workflow import cases, persons
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA, AD_FOREIGN, AD_SALA, Clock

HAIR = "Långt mörkt hår, brun hy. Kommer till ditt hotell i Västerås. 2000 kr/h. Tel 0701740620"
HAR = "Jag har tid i kväll i Köping. Ring 070-174 06 21, 1500 kr halvtimme."


@pytest.fixture
def ads(ctx: Context, operation_id: str, clock: Clock) -> dict[str, str]:
    out = {}
    for name, text, seen in (
        ("bella", AD_BELLA, "2026-05-02"),
        ("sala", AD_SALA, "2026-05-05"),
        ("foreign", AD_FOREIGN, "2026-05-09"),
        ("hair", HAIR, "2026-05-10"),
        ("har", HAR, "2026-05-12"),
    ):
        fields = register.capture(ctx, operation_id, text, site="Exempelsajten").fields
        fields.update(first_seen=seen, last_seen=seen)
        out[name] = register.register_ad(ctx, operation_id, fields).entity_id
    return out


def _ids(ctx: Context, raw: str, **filters: object) -> set[str]:
    return {h.entity_id for h in search(ctx, parse_query(raw, **filters)).hits}  # type: ignore[arg-type]


def test_swedish_letters_are_their_own(ctx: Context, ads: dict[str, str]) -> None:
    assert _ids(ctx, "hår") == {ads["hair"]}
    assert _ids(ctx, "har") == {ads["har"]}
    assert _ids(ctx, "HÅR") == {ads["hair"]}  # case folds, å stays å
    assert _ids(ctx, "mörkt") == {ads["hair"]}
    assert _ids(ctx, "morkt") == set()
    assert _ids(ctx, "västerås") == {ads["bella"], ads["hair"]}
    assert _ids(ctx, "Köping") == {ads["foreign"], ads["har"]}
    assert _ids(ctx, "kväll") == {ads["har"]}


def test_phrases_prefixes_or_and_hostile_input(ctx: Context, ads: dict[str, str]) -> None:
    assert _ids(ctx, '"hel natt"') == {ads["bella"]}
    assert _ids(ctx, "1 500 kr") == {ads["bella"]}  # a number typed with a space: one phrase
    assert _ids(ctx, "mog*") == {ads["sala"]}
    assert _ids(ctx, "massage OR whatsapp") == {ads["sala"], ads["foreign"]}
    for hostile in ('"', "NEAR(", "a AND", "bella) OR (", "*", "1500:-", "kr/h", "''"):
        search(ctx, parse_query(hostile))  # never an FTS5 syntax error


def test_snippets_mark_the_matches(ctx: Context, ads: dict[str, str]) -> None:
    (hit,) = search(ctx, parse_query("Bella")).hits
    assert f"{MARK_START}Bella{MARK_END}" in hit.snippet
    assert "[Bella]" in highlighted(hit.snippet)
    assert hit.entity_type == "ad" and hit.municipality == "Västerås"
    assert hit.hotel == "Hotell Påhittat" and hit.matched_by == "text"


@pytest.mark.parametrize(
    "typed",
    [
        "070-174 06 05",
        "0701740605",
        "+46 70 174 06 05",
        "0046701740605",
        "46701740605",
        "070 17 40 605",
    ],
)
def test_phone_in_any_format(ctx: Context, ads: dict[str, str], typed: str) -> None:
    result = search(ctx, parse_query(typed))
    assert result.phone == "+46701740605"
    assert [h.entity_id for h in result.hits] == [ads["bella"]]
    assert result.hits[0].matched_by == "phone"


def test_foreign_numbers_and_the_last_digits(ctx: Context, ads: dict[str, str]) -> None:
    assert _ids(ctx, "+44 20 7946 0123") == {ads["foreign"]}
    assert _ids(ctx, "0044 (20) 7946-0123") == {ads["foreign"]}
    result = search(ctx, SearchQuery(phone="0620"))  # only the end of a number
    assert [h.entity_id for h in result.hits] == [ads["hair"]] and result.phone == "0620"
    assert search(ctx, SearchQuery(phone="06")).problems  # too short to mean anything


def test_place_and_period(ctx: Context, ads: dict[str, str]) -> None:
    assert _ids(ctx, "", municipality="Köping") == {ads["foreign"], ads["har"]}
    assert _ids(ctx, "kr", municipality="Västerås") == {ads["bella"], ads["hair"]}
    may = {"since": date(2026, 5, 4), "until": date(2026, 5, 10)}
    assert _ids(ctx, "", **may) == {ads["sala"], ads["foreign"], ads["hair"]}
    assert _ids(ctx, "070-174 06 05", **may) == set()
    assert search(ctx, SearchQuery()).hits == ()  # nothing asked, nothing listed


def test_observations_are_searched_too(ctx: Context, ads: dict[str, str], case_id: str) -> None:
    cases.add_observation(ctx, case_id, "Man i grå jacka gick in i rum 312, ringde 0701740605.")
    hits = search(ctx, parse_query("jacka")).hits
    assert [(h.entity_type, h.case_id) for h in hits] == [("observation", case_id)]
    assert hits[0].municipality == "Västerås" and hits[0].hotel == "Hotell Påhittat"
    by_phone = {h.entity_type for h in search(ctx, parse_query("070-174 06 05")).hits}
    assert by_phone == {"ad", "observation"}
    only_ads = search(ctx, parse_query("jacka", kinds=("ad",))).hits
    assert only_ads == ()


def test_sellers_are_not_findable_by_name(
    ctx: Context, operation_id: str, case_id: str, seller_id: str
) -> None:
    # The seller "Ana (alias)" is a person record: never indexed.
    assert search(ctx, parse_query("Ana")).hits == ()
    # An observation that names her is found by its other words, her name blanked out.
    cases.add_observation(ctx, case_id, "Ana öppnade dörren och sa att Ana väntade på en kund.")
    assert search(ctx, parse_query("Ana")).hits == ()
    (hit,) = search(ctx, parse_query("dörren")).hits
    assert "Ana" not in hit.snippet and "•••" in hit.snippet
    # A seller recorded after the observation, or renamed, is blanked out from then on.
    cases.add_observation(ctx, case_id, "Lina kom ut ur rummet kl 22.10.")
    assert len(search(ctx, parse_query("Lina")).hits) == 1
    second = persons.add_seller(ctx, case_id, {"name": "Lina", "estimated_age": 30})
    assert search(ctx, parse_query("Lina")).hits == ()
    persons.amend_person(ctx, second.entity_id, {"name": "Nova"})
    assert len(search(ctx, parse_query("Lina")).hits) == 1
    assert search(ctx, parse_query("Nova")).hits == ()


def test_opening_a_hit_is_logged(ctx: Context, ads: dict[str, str], case_id: str) -> None:
    cases.add_observation(ctx, case_id, "Taxi stannade utanför entrén.")
    for query, kind in (("Bella", "ad"), ("taxi", "observation")):
        (hit,) = search(ctx, parse_query(query)).hits
        before = sum(1 for _ in ctx.session.events())
        record = open_hit(ctx, hit)
        events = list(ctx.session.events())
        assert len(events) == before + 1 and record.entity_id == hit.entity_id
        last = events[-1]
        assert (last.kind, last.entity_type, last.entity_id) == ("access", kind, hit.entity_id)
        assert last.data == {"action": "open", "purpose": "search"}


def test_searching_itself_changes_nothing(ctx: Context, ads: dict[str, str]) -> None:
    before = sum(1 for _ in ctx.session.events())
    search(ctx, parse_query("Bella"))
    search(ctx, parse_query("070-174 06 05"))
    assert sum(1 for _ in ctx.session.events()) == before


def test_limit_and_more(ctx: Context, ads: dict[str, str]) -> None:
    result = search(ctx, parse_query("kr", limit=2))
    assert len(result.hits) == 2 and result.more


def test_suggestions_for_a_case(
    ctx: Context, ads: dict[str, str], case_id: str, seller_id: str
) -> None:
    persons.amend_person(ctx, seller_id, {"phone": "070-174 06 21"})
    found = suggest_for_case(ctx, case_id)
    reasons = {(s.hit.entity_id, s.reason) for s in found}
    assert (ads["har"], "phone") in reasons  # the seller's number is in this ad
    assert (ads["bella"], "hotel") in reasons  # the ad names the case's hotel
    links.link_case(ctx, ads["har"], case_id)
    assert ads["har"] not in {s.hit.entity_id for s in suggest_for_case(ctx, case_id)}


def test_words_are_ranked_among_the_newest_matches_then_older_follow(
    ctx: Context, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    ids = []
    for i in range(6):
        text = "massage " * (6 - i) + f"annons nummer {i} i Sala"  # the oldest most relevant
        fields = register.capture(ctx, operation_id, text, site="Exempelsajten").fields
        ids.append(register.register_ad(ctx, operation_id, fields).entity_id)
    hits = [h.entity_id for h in search(ctx, parse_query("massage")).hits]
    # The three newest are ranked (most "massage" first), the older follow, newest first.
    assert hits == [ids[3], ids[4], ids[5], ids[2], ids[1], ids[0]]
    result = search(ctx, parse_query("massage", limit=4))
    assert len(result.hits) == 4 and result.more
    monkeypatch.setattr(search_module, "RANK_WINDOW", 100)
    assert [h.entity_id for h in search(ctx, parse_query("massage")).hits] == ids


def test_parts_of_a_query_combine(
    ctx: Context, ads: dict[str, str], case_id: str, operation_id: str
) -> None:
    cases.add_observation(ctx, case_id, "Samtal till 070-174 06 05 om massage i kväll.")
    both = {h.entity_type for h in search(ctx, SearchQuery(text="kväll", phone="0701740605")).hits}
    assert both == {"observation"}  # the ad with that number does not say "kväll"
    narrowed = SearchQuery(text="kr", municipality="Köping", since=date(2026, 5, 11))
    assert {h.entity_id for h in search(ctx, narrowed).hits} == {ads["har"]}
    period = SearchQuery(since=date(2026, 5, 14), until=date(2026, 5, 14), kinds=("observation",))
    assert [h.entity_type for h in search(ctx, period).hits] == ["observation"]
    assert search(ctx, SearchQuery(since=date(2026, 5, 14), kinds=("ad",))).hits == ()
    mine = SearchQuery(operation_id=operation_id, kinds=("ad",), limit=500)
    assert len(search(ctx, mine).hits) == 5
    assert search(ctx, SearchQuery(operation_id="another", since=date(2026, 5, 1))).hits == ()
    newest = search(ctx, SearchQuery(municipality="Västerås")).hits
    assert [h.entity_type for h in newest] == ["observation", "ad", "ad"]  # 14, 10, 2 May
    assert [h.entity_id for h in newest[1:]] == [ads["hair"], ads["bella"]]


def test_every_county_municipality_has_its_own_place_code() -> None:
    for county in county_ids():
        names = load_county(county).municipalities
        assert len({place_code(n) for n in names}) == len(names)
