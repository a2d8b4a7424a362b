"""What an officer types to correct an ad: prices written as an ad writes them, and
screenshots chosen as files, read the same way for the GUI and the CLI; each refusal a
code naming the part that is wrong."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from fieldapp.ads import corrections as typed
from fieldapp.errors import InvalidInput
from fieldapp.inputs import ATTACHMENT_MAX_BYTES, InputTooLarge


def test_typed_prices_are_read_as_an_ad_writes_them() -> None:
    found = typed.typed_prices("1 500 kr / 30 min; 2 500 kr / 1 h\nhel natt 9000 kr")
    assert [(p["amount"], p["currency"], p.get("minutes"), p.get("night")) for p in found] == [
        (1500, "SEK", 30, None),
        (2500, "SEK", 60, None),
        (9000, "SEK", None, True),
    ]
    assert typed.typed_prices("  ") == []
    # Typed by the officer: a price without a currency is theirs, not marked "inferred".
    [price] = typed.typed_prices("Pris: 2000 för en timme")
    assert price["amount"] == 2000 and "doubt" not in price


def test_a_part_that_is_no_price_or_ambiguous_is_refused_by_its_place() -> None:
    with pytest.raises(InvalidInput) as err:
        typed.typed_prices("1 500 kr / 30 min; billigt; 1,50 kr")
    assert [(path, r.code, r.params) for path, r in err.value.problems] == [
        ("prices[1]", "not_a_price", {"part": 2}),
        ("prices[2]", "price_ambiguous", {"part": 3}),
    ]


def test_a_screenshot_is_a_picture_under_the_cap_hashed_as_read(tmp_path: Path) -> None:
    shot = tmp_path / "skarm.PNG"
    shot.write_bytes(b"\x89PNG invented")
    found = typed.screenshot_file(shot, "2026-05-14T21:30:00+02:00")
    assert (found.kind, found.media_type, found.name) == ("screenshot", "image/png", "skarm.PNG")
    assert found.sha256 == hashlib.sha256(b"\x89PNG invented").hexdigest()
    assert found.captured_at == "2026-05-14T21:30:00+02:00"
    notes = tmp_path / "anteckning.txt"
    notes.write_text("x", "utf-8")
    with pytest.raises(InvalidInput) as err:
        typed.screenshot_file(notes, None)
    assert err.value.problems[0][1].code == "not_a_screenshot_type"
    with pytest.raises(InputTooLarge):
        typed.screenshot("stor.png", b"\0" * (ATTACHMENT_MAX_BYTES + 1), None)
