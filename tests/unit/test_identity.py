"""Personnummer and samordningsnummer."""

from datetime import date

import pytest

from fieldapp.domain.identity import IdKind, age_on, parse_swedish_id
from fieldapp.errors import InvalidInput

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "number", "born"),
    [
        ("19811218-9876", "19811218-9876", date(1981, 12, 18)),
        ("198112189876", "19811218-9876", date(1981, 12, 18)),
        ("811218-9876", "19811218-9876", date(1981, 12, 18)),
        ("8112189876", "19811218-9876", date(1981, 12, 18)),
        (" 811218 - 9876 ".replace(" - ", "-"), "19811218-9876", date(1981, 12, 18)),
        ("121212+1212", "19121212-1212", date(1912, 12, 12)),
    ],
)
def test_personnummer_formats(text: str, number: str, born: date) -> None:
    parsed = parse_swedish_id(text, today=TODAY)
    assert (parsed.kind, parsed.number, parsed.birth_date) == (IdKind.PERSONNUMMER, number, born)


def test_samordningsnummer_day_plus_60() -> None:
    parsed = parse_swedish_id("701063-2391", today=TODAY)
    assert parsed.kind is IdKind.SAMORDNINGSNUMMER
    assert parsed.birth_date == date(1970, 10, 3)
    assert parsed.number == "19701063-2391"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("19811218-9875", "check digit"),
        ("811318-9875", "does not exist"),  # month 13 (Luhn-valid)
        ("1981121", "10 or 12 digits"),
        ("19811218-98x6", "only digits"),
        ("20301218-9878", "future"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as err:
        parse_swedish_id(text, today=TODAY, field="buyers[0].personal_id")
    assert err.value.field == "buyers[0].personal_id"
    assert reason in err.value.message


def test_age_on() -> None:
    assert age_on(date(2008, 11, 28), TODAY) == 18
    assert age_on(date(2008, 11, 29), TODAY) == 17
