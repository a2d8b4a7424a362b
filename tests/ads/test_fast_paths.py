"""The short cuts that make a CSV import fast give the same answers as the long way round:
the phone finder's plain-run path and the matcher, the cheap tests before costly patterns
and the patterns themselves, the quick price check and the full one, the quick text check
and the general one. Random ad-like input, Swedish and foreign numbers in many formats."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import phonenumbers
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fieldapp.ads import extract, places, prices
from fieldapp.ads.model import _checked_price, _plain_price
from fieldapp.validation import MAX_TEXT, Problems, _missing, text

# Numbers of the fiction ranges (PTS, Ofcom, the US 555-01xx) and some that are not valid.
NUMBERS = st.sampled_from(
    [
        "+46701740605",
        "+46701740699",
        "+46846500412",
        "+46313900699",
        "+46406280400",
        "+442079460123",
        "+441134960000",
        "+447700900123",
        "+12025550143",
        "+13125550199",
        "+61491570156",
        "+46701740",  # too short
        "+4670174060512",  # too long
        "+999123456789",  # no such country
    ]
)
SEPARATORS = st.sampled_from([" ", "-", "", ".", "/", "\u00a0", "  ", " - ", "(", ")"])


@st.composite
def written_numbers(draw: st.DrawFn) -> str:
    """A number as ads write it: national or international, 00 or +, in groups or not."""
    e164 = draw(NUMBERS)
    national = "0" + e164[3:] if e164.startswith("+46") else None
    digits = draw(
        st.sampled_from([e164, "00" + e164[1:], e164[1:], *([national] * 3 if national else [])])
    )
    if draw(st.booleans()):
        return digits
    # Split the digits into groups with separators, as "070-174 06 05" does.
    cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=5)))
    groups = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    out = groups[0]
    for group in groups[1:]:
        out += draw(SEPARATORS) + group
    return out


WORDS = st.sampled_from(
    ["Ring", "mig", "på", "eller", "sms", "24 år", "kl 18", "1500 kr", "rum 312", "2026-05-14",
     "tel:", "WhatsApp", "!", ",", ".", "\n", "(", "/", "nr", "x", "ext", "18:30"]
)  # fmt: skip


@st.composite
def ad_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(WORDS, written_numbers()), min_size=1, max_size=8))
    return " ".join(parts)


def _plain_matcher_phones(text: str, region: str = "SE") -> tuple[list[str], list[tuple[int, int]]]:
    """``find_phones`` with the matcher asked about every run (no plain-run short cut)."""
    numbers: list[str] = []
    spans: list[tuple[int, int]] = []
    for run in extract._PHONE_RUN.finditer(text):
        # Tidied as find_phones tidies a run (dashes, spaces, line breaks, opening hours).
        tidy = extract._TIME_RANGE.sub(
            lambda m: " " * len(m.group(0)), run.group(0).translate(extract._TIDY)
        )
        for e164, begin, end in extract._matcher(tidy, region):
            if e164 not in numbers:
                numbers.append(e164)
            spans.append((run.start() + begin, run.start() + end))
    return numbers, spans


@settings(max_examples=400, deadline=None)
@given(written_numbers())
@example("070-174 06 05")
@example("+46 70 174 06 05")
@example("0046701740605")
@example("+44 7700 900123")
@example("08-123 456 78")
@example("070-174 06 05 12")
@example("0701740605 0701740606")
def test_a_plain_run_gives_what_the_matcher_gives(run: str) -> None:
    assert extract._match_run.__wrapped__(run, "SE") == extract._matcher(run, "SE")


@settings(max_examples=300, deadline=None)
@given(ad_texts())
def test_the_phone_finder_gives_what_the_matcher_gives_on_ad_like_text(text: str) -> None:
    assert extract.find_phones(text) == _plain_matcher_phones(text)


@settings(max_examples=200, deadline=None)
@given(ad_texts())
def test_every_number_found_normalises_to_itself(text: str) -> None:
    # normalise_phone trusts what the matcher found; the long way must agree.
    for match in phonenumbers.PhoneNumberMatcher(text, "SE"):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        assert extract._normalise_phone(e164, "SE") == e164
    for e164 in extract.find_phones(text)[0]:
        assert extract._normalise_phone(e164, "SE") == e164 == extract.normalise_phone(e164)


# Calling codes shared by several regions (and some that are not), for ``is_valid``.
CALLING_CODES = st.sampled_from([1, 7, 44, 46, 47, 61, 212, 262, 290, 358, 590, 599, 800, 999])


@st.composite
def phone_objects(draw: st.DrawFn) -> phonenumbers.PhoneNumber:
    """A number of a calling code: an example number of one of its regions, changed a
    little now and then, or random digits."""
    code = draw(CALLING_CODES)
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ())
    examples = [
        n
        for r in regions
        for t in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
        if (n := phonenumbers.example_number_for_type(r, t)) is not None
    ]
    if examples and draw(st.booleans()):
        digits = str(draw(st.sampled_from(examples)).national_number)
        if draw(st.booleans()):
            at = draw(st.integers(0, len(digits) - 1))
            digits = digits[:at] + str(draw(st.integers(0, 9))) + digits[at + 1 :]
    else:
        digits = draw(st.text("0123456789", min_size=4, max_size=14))
    return phonenumbers.PhoneNumber(country_code=code, national_number=int(digits))


@settings(max_examples=600, deadline=None)
@given(phone_objects())
@example(phonenumbers.parse("+442079460123"))
@example(phonenumbers.parse("+441481256789"))  # Guernsey
@example(phonenumbers.parse("+12025550143"))
@example(phonenumbers.parse("+12642351234"))  # Anguilla
def test_validating_once_agrees_with_phonenumbers(number: phonenumbers.PhoneNumber) -> None:
    assert extract.is_valid(number) == phonenumbers.is_valid_number(number)


def test_the_regions_read_with_plus_for_00_dial_abroad_with_00() -> None:
    for region in extract._IDD_00:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        assert metadata is not None and metadata.international_prefix == "00"


@settings(max_examples=400, deadline=None)
@given(st.text("0123456789", min_size=1, max_size=16))
@example("442079460123")
@example("0701740605")
@example("46701740605")
@example("999123456789")
def test_00_reads_as_plus(digits: str) -> None:
    plain = extract._plain_number.__wrapped__
    written = "00" + digits
    # The number read from "00…" as written, and from the form it is looked up under.
    assert plain(written, "SE") == plain(extract._plus_for_idd(written, "SE"), "SE")


def _mask_long_way(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60))))
def test_masking_blanks_exactly_the_spans(text: str, pairs: list[tuple[int, int]]) -> None:
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in pairs]
    assert extract._mask(text, spans) == _mask_long_way(text, spans)


def test_a_long_s_reads_as_an_s_rather_than_crash() -> None:
    # Ignoring case, the price pattern reads "ſek" as "sek"; it used to raise KeyError.
    assert [(p.amount, p.currency) for p in prices.find_prices("Pris 1500 ſek")] == [(1500, "SEK")]


HOTEL_BITS = st.sampled_from(
    ["Hotell", "hotel", "HOTEL", "Stadshotellet", "hotellet", "Scandic", "Best Western",
     "Best  Western Plus", "Park Inn", "Parkering", "Good Morning", "Motel L", "First Hotel",
     "Exempel", "Påhittat", "Ö", "i", "På", " ", "\n", ",", "."]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(HOTEL_BITS, max_size=8).map(" ".join))
def test_the_hotel_tests_let_every_hotel_name_through(text: str) -> None:
    folded = places.fold(text)
    for (on_folded, gate), pattern in zip(places._HOTEL_GATES, places._HOTEL_PATTERNS, strict=True):
        if pattern.search(text):
            assert gate.search(folded if on_folded else text)


PRICE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 1_000_002),
    st.sampled_from(
        [
            "SEK",
            "sek",
            " SEK",
            "EUR",
            "XXX",
            "",
            "  ",
            "1500",
            "30 min",
            "x" * 81,
            "ambiguous",
            "inferred",
        ]
    ),
    st.text(max_size=90),
    st.floats(allow_nan=False),
)
PRICE_KEYS = st.sampled_from(
    ["amount", "amount_to", "currency", "minutes", "night", "label", "doubt", "x"]
)


@settings(max_examples=600)
@given(st.dictionaries(PRICE_KEYS, PRICE_VALUES, max_size=7))
@example({"amount": 1500, "currency": "SEK", "minutes": 30, "label": "30 min"})
@example({"amount": 1500, "currency": "SEK", "amount_to": 2000, "night": True, "label": " x "})
@example({"amount": 1500, "currency": "SEK", "night": False, "label": ""})
def test_the_quick_price_check_agrees_with_the_full_one(raw: dict[str, Any]) -> None:
    quick = _plain_price(raw)
    if quick is not None:
        p = Problems()
        assert _checked_price(p, raw) == quick
        assert not p


def _text_long_way(
    p: Problems, data: Mapping[str, Any], field: str, *, required: bool, max_len: int
) -> str | None:
    """``validation.text`` as it was written before its plain-text short cut."""
    value = data.get(field)
    if _missing(p, value, field, required):
        return None
    if not isinstance(value, str):
        p.add(field, "must be text.")
        return None
    value = value.strip()
    if len(value) > max_len:
        p.add(field, f"at most {max_len} characters.")
        return None
    return value


class _Text(str):
    pass


@given(
    st.one_of(st.none(), st.text(max_size=12), st.integers(), st.text(max_size=12).map(_Text)),
    st.booleans(),
    st.sampled_from([3, 10, MAX_TEXT]),
)
@example("   ", True, 3)
@example(" \u00a0", False, 3)
@example(_Text("  "), True, 3)
def test_the_text_check_is_unchanged(value: Any, required: bool, max_len: int) -> None:
    quick, long_way = Problems(), Problems()
    data = {} if value is None else {"f": value}
    assert text(quick, data, "f", required=required, max_len=max_len) == _text_long_way(
        long_way, data, "f", required=required, max_len=max_len
    )
    assert list(quick) == list(long_way)


def test_municipality_patterns_are_the_names_own() -> None:
    names = ("Västerås", "Köping")
    assert [(n, f) for n, f, _ in places._municipality_patterns(names)] == [
        ("Västerås", "vasteras"),
        ("Köping", "koping"),
    ]
    assert all(isinstance(p, re.Pattern) for _, _, p in places._municipality_patterns(names))


def _benchmark_ads(count: int) -> list[str]:
    """Ad texts as ``bench ads`` generates them (its varied data, a fixed seed)."""
    # Imported here: the benchmark's generator is only needed by these tests.
    import random

    from bench.ads import fiction_numbers
    from bench.ads_data import Advertiser, hotels

    rng = random.Random(20)
    names = hotels(rng)
    advertisers = [Advertiser(rng, p, names) for p in rng.sample(fiction_numbers(), 400)]
    ads = [rng.choice(advertisers).ad(rng, n) for n in range(count)]
    return [f"{ad['title']}\n{ad['text']}" for ad in ads]


def _phones_long_way(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """``find_phones`` without a short cut: every run read as an O for a zero, tidied, and
    asked of the matcher."""
    return _plain_matcher_phones(extract._o_as_zero(text))


def test_the_phone_short_cuts_agree_with_the_matcher_on_the_benchmark_ads() -> None:
    extract.clear_caches()  # an import's caches: each number looked up once, as it does
    for ad in _benchmark_ads(600):
        assert extract.find_phones(ad) == _phones_long_way(ad), ad


def test_validating_once_agrees_on_every_benchmark_number() -> None:
    from bench.ads import fiction_numbers

    for e164 in fiction_numbers():
        for written in (e164, "00" + e164[1:]):
            number = phonenumbers.parse(written, "SE")
            assert extract.is_valid(number) == phonenumbers.is_valid_number(number) is True


# Notes as officers write them: times, room numbers, prices, a number now and then, with
# the letter O typed for a zero, in runs just short of and just over six.
NOTE_BITS = st.sampled_from(
    ["rum 312", "kl 21:40", "1500 kr", "två personer", "O7O", "070", "17", "4O6", "-", " ",
     "(", ")", ".", "\u00a0", "\n", "oo", "OO", "0", "5", "123 45", "tel", "+46", "ooo ooo"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(NOTE_BITS, max_size=12).map("".join), written_numbers(), st.text()))
@example("rum 312, två personer")
@example("O7O-174 O6 O5")
@example("ring 070-174 06 05 efter kl 21")
def test_the_quick_look_for_a_number_misses_none(text: str) -> None:
    """The phone reader with its quick look first reads what it reads without it: the
    numbers, where they stand, and the doubts."""
    quick = extract.read_phones(text)
    looked_for = extract._MAYBE_NUMBER
    extract._MAYBE_NUMBER = re.compile("")  # matches every text: the full reading always
    try:
        assert quick == extract.read_phones(text)
    finally:
        extract._MAYBE_NUMBER = looked_for
