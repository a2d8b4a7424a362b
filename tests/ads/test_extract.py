"""Reading ad texts: phone numbers in Swedish and foreign formats, e-mails, prices with what
they are for, municipalities as ads write them, hotels. No vault needed."""

from __future__ import annotations

import pytest

from fieldapp.ads.extract import extract, find_emails, find_phones, normalise_phone
from fieldapp.ads.places import find_hotels, find_municipalities
from fieldapp.ads.prices import Price, find_prices
from fieldapp.counties import load_county
from tests.ads.conftest import AD_BELLA, AD_FOREIGN, AD_SALA

MUNICIPALITIES = load_county("vastmanland").municipalities
FICTION = "+46701740605"  # PTS: 070-174 06 05 … 99 are reserved for fiction


@pytest.mark.parametrize(
    "written",
    [
        "070-174 06 05",
        "0701740605",
        "070 174 06 05",
        "070-1740605",
        "070.174.06.05",
        "(070) 174 06 05",
        "+46 70 174 06 05",
        "+46701740605",
        "0046 70 174 06 05",
        "+46 (0)70 174 06 05",
    ],
)
def test_swedish_mobile_in_every_usual_format(written: str) -> None:
    assert find_phones(f"Ring mig på {written} efter kl 18!")[0] == [FICTION]
    assert normalise_phone(written) == FICTION


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("08-465 004 00", "+46846500400"),  # Stockholm, fiction range
        ("031-390 06 99", "+46313900699"),  # Gothenburg, fiction range
        ("+44 20 7946 0123", "+442079460123"),  # Ofcom's drama range, London
        ("0044 20 7946 0999", "+442079460999"),
        ("+1 (202) 555-0143", "+12025550143"),  # US 555-01xx, fiction
        ("+61 491 570 156", "+61491570156"),  # Australia's fictitious mobile range
    ],
)
def test_landlines_and_foreign_numbers(written: str, e164: str) -> None:
    assert find_phones(f"Tel: {written}.")[0] == [e164]
    assert normalise_phone(written) == e164


def test_several_numbers_in_order_without_repeats() -> None:
    text = "Ring 070-174 06 05 eller 0701740606. Sms 070 174 06 05. WhatsApp +44 20 7946 0123."
    numbers, spans = find_phones(text)
    assert numbers == [FICTION, "+46701740606", "+442079460123"]
    assert len(spans) == 4 and text[spans[0][0] : spans[0][1]] == "070-174 06 05"


@pytest.mark.parametrize(
    "text",
    [
        "Jag är 24 år, 165 cm och väger 55 kg.",
        "Rum 312, våning 3. Pris 1500 kr.",
        "Ledig 2026-05-14 kl 21:30 till 2026-05-15.",
        "Priser: 1500, 2500, 3000, 8000.",
    ],
)
def test_prices_ages_and_dates_are_not_phone_numbers(text: str) -> None:
    assert find_phones(text)[0] == []


def test_normalising_a_search_for_a_number() -> None:
    assert normalise_phone("46701740605") == FICTION  # the country code without its +
    assert normalise_phone("hej") is None
    assert normalise_phone("1740605") is None  # a tail is not a number (search handles tails)
    assert normalise_phone("070-17") is None


def test_emails_also_written_to_fool_scrapers() -> None:
    found, _ = find_emails("Mejla bella.exempel (at) example.com eller NOVA[at]example[dot]se.")
    assert found == ["bella.exempel@example.com", "nova@example.se"]
    assert find_emails("Inga adresser här, bara 1500:-")[0] == []


# -- prices ---------------------------------------------------------------------------------


def _prices(text: str) -> list[tuple[int, str, int | None, bool]]:
    return [(p.amount, p.currency, p.minutes, p.night) for p in find_prices(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Halvtimme 1500:-", [(1500, "SEK", 30, False)]),
        ("1 500 kr för en timme", [(1500, "SEK", 60, False)]),
        ("Pris 3000kr/h", [(3000, "SEK", 60, False)]),
        ("1500 SEK", [(1500, "SEK", None, False)]),
        ("€200 per hour", [(200, "EUR", 60, False)]),
        ("200€/30min GFE", [(200, "EUR", 30, False)]),
        ("1.500 kr 30 min", [(1500, "SEK", 30, False)]),
        ("Hel natt 8 000 kronor", [(8000, "SEK", None, True)]),
        ("Massage 1500,- per timme", [(1500, "SEK", 60, False)]),
        ("2 tim 2800 SEK", [(2800, "SEK", 120, False)]),
        ("$300 one hour", [(300, "USD", 60, False)]),
    ],
)
def test_price_formats(text: str, expected: list[tuple[int, str, int | None, bool]]) -> None:
    assert _prices(text) == expected


def test_a_realistic_price_list() -> None:
    prices = find_prices(AD_BELLA)
    assert [(p.amount, p.minutes, p.night, p.label) for p in prices] == [
        (1500, 30, False, "30 min"),
        (2500, 60, False, "1 h"),
        (8000, None, True, "Hel natt"),
    ]


def test_several_prices_on_one_line_keep_their_own_durations() -> None:
    assert _prices("30 min 1000:- 1h 1800:- natt 6000:-") == [
        (1000, "SEK", 30, False),
        (1800, "SEK", 60, False),
        (6000, "SEK", None, True),
    ]
    incall, outcall = find_prices("Incall 1h 2000SEK outcall 2500 SEK")
    assert (incall.label, outcall.label) == ("Incall 1h", "outcall")


def test_ranges_and_repeats() -> None:
    (price,) = find_prices("Massage 1500-2000 kr. Massage 1500-2000 kr.")
    assert (price.amount, price.amount_to) == (1500, 2000)
    assert price.as_data() == {"amount": 1500, "amount_to": 2000, "currency": "SEK",
                               "label": "Massage"}  # fmt: skip


def test_numbers_without_a_currency_are_not_prices() -> None:
    assert find_prices("Jag är 24 år och bor i rum 312, ring efter 18.") == []


def test_phone_digits_are_never_read_as_a_price() -> None:
    found = extract("Ring 070-174 06 05 kr 20-22. 1500 kr/h")
    assert [p.amount for p in found.prices] == [1500]


def test_the_brochure_ad() -> None:
    text = "Ung, snygg\nseriös eskort\nsöker träff\nmed män\n– 3000 kr"
    assert find_prices(text) == [Price(3000, "SEK", source="3000 kr")]


# -- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ny i Västerås!", ["Västerås"]),
        ("ny västeråstjej", ["Västerås"]),
        ("Besöker VASTERAS och köping", ["Västerås", "Köping"]),
        ("Salas bästa massage", ["Sala"]),
        ("i Köpingsområdet", ["Köping"]),
        ("Bor i Linköping, jobbar i Nyköping", []),
        ("Salamander och sallad", []),
    ],
)
def test_municipalities_as_ads_write_them(text: str, expected: list[str]) -> None:
    assert find_municipalities(text, MUNICIPALITIES) == expected


def test_hotels_by_directory_name_and_by_how_hotels_are_named() -> None:
    text = "Tar emot på stadshotellet exempel, ibland Hotell Påhittat eller Scandic Prov i Sala."
    assert find_hotels(text, ["Stadshotellet Exempel"]) == [
        "Stadshotellet Exempel",
        "Hotell Påhittat",
        "Scandic Prov",
    ]
    assert find_hotels("besök på hotell eller hos dig") == []


def test_extraction_proposes_the_fields_of_an_ad() -> None:
    fields = extract(AD_SALA, municipalities=MUNICIPALITIES).fields()
    assert fields["phones"] == ["+46701740610"]
    assert fields["municipality"] == "Sala"
    assert [(p["amount"], p.get("minutes")) for p in fields["prices"]] == [(3000, 60), (1500, 30)]
    foreign = extract(AD_FOREIGN, municipalities=MUNICIPALITIES)
    assert foreign.phones == ("+12025550143", "+442079460123")
    assert [(p.amount, p.currency, p.minutes) for p in foreign.prices] == [
        (200, "EUR", 60),
        (120, "EUR", 30),
    ]
    assert foreign.municipalities == ("Köping",)


# -- as ads are really written (issue 20) ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Född 19900412–1234.", "900412–1234", "2026–05–14", "kl 09.00–18.00", "Öppet 10:00–22:00",
     "10.00 – 22.00", "Rum 312–314", "2026-05-14 – 2026-05-20", "850612—4321",
     "Order 4455–6677", "12.30-14.00 och 18.00-22.00", "722 15 Västerås"],
)  # fmt: skip
def test_dashes_make_no_phone_of_dates_hours_or_identity_numbers(text: str) -> None:
    assert find_phones(text)[0] == []


@pytest.mark.parametrize(
    "written",
    ["070–174 06 05", "070—174 06 05", "070−174 06 05", "070‐174 06 05", "070 – 174 06 05",
     "070\u00a0174\u00a006\u00a005", "070\u202f174 06 05", "070–174–06–05", "070·174·06·05",
     "O7O-174 O6 O5", "070-174\n06 05"],
)  # fmt: skip
def test_phones_with_any_dash_space_letter_o_or_line_break(written: str) -> None:
    assert find_phones(f"Ring {written} nu")[0] == [FICTION]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,500 SEK/hour", [(1500, "SEK", 60, False)]),
        ("1.500 kr 30 min", [(1500, "SEK", 30, False)]),
        ("1\u00a0500 kr för 30 min", [(1500, "SEK", 30, False)]),
        ("Timpris 1800 kr", [(1800, "SEK", 60, False)]),
        ("1 godzina 1800 kr", [(1800, "SEK", 60, False)]),
        ("1 oră 2000 kr", [(2000, "SEK", 60, False)]),
        ("1 час 2000 kr", [(2000, "SEK", 60, False)]),
        ("toda la noche 900 €", [(900, "EUR", None, True)]),
        ("1 ชั่วโมง 800 kr", [(800, "SEK", 60, False)]),
        ("one hour 250 euro", [(250, "EUR", 60, False)]),
    ],
)
def test_amounts_and_durations_as_written(
    text: str, expected: list[tuple[int, str, int | None, bool]]
) -> None:
    assert _prices(text) == expected


def test_a_price_list_is_read_item_by_item() -> None:
    assert _prices("30 min 1 500 kr / 1 tim 2 500 kr / hel natt 10 000 kr") == [
        (1500, "SEK", 30, False),
        (2500, "SEK", 60, False),
        (10000, "SEK", None, True),
    ]


def test_prices_without_a_currency_are_read_from_context_and_marked() -> None:
    for text, amount, minutes in (
        ("30 min: 1500", 1500, 30),
        ("Pris: 1500", 1500, None),
        ("2000 för en timme", 2000, 60),
    ):
        (price,) = find_prices(text)
        assert (price.amount, price.currency, price.minutes, price.doubt) == (
            amount,
            "SEK",
            minutes,
            "inferred",
        )
    assert find_prices("Jag är 24 år, rum 312, 165 cm") == []


def test_an_ambiguous_amount_is_marked_never_stored_silently() -> None:
    (price,) = find_prices("Pris 1,50 kr")
    assert price.doubt == "ambiguous" and price.as_data()["doubt"] == "ambiguous"
    assert find_prices("150,00 kr")[0].doubt is None
