"""Languages typed for a person: several accepted where a person may speak several, one
code refused with its reason where one is asked for; never cut."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain.common import first_language
from fieldapp.domain.persons import clean_seller
from fieldapp.errors import Reason
from fieldapp.validation import Problems

TODAY = date(2026, 5, 14)


def _seller(**fields: object) -> tuple[dict[str, object], dict[str, Reason]]:
    p = Problems()
    cleaned = clean_seller({"name": "Ana", **fields}, p, today=TODAY)
    return cleaned, {f: r for f, r in p}  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("ro, en", "ro, en"), ("RO en", "ro, en"), ("ro/en/ro", "ro, en"), ("th", "th")],
)
def test_a_person_speaks_one_or_several_languages(typed: str, stored: str) -> None:
    cleaned, problems = _seller(language=typed)
    assert not problems
    assert cleaned["language"] == stored
    assert first_language(cleaned["language"]) == stored[:2]


def test_a_wrong_code_among_several_is_named() -> None:
    _, problems = _seller(language="ro, english")
    reason = problems["language"]
    assert reason.code == "language_codes" and reason.params == {"wrong": "english"}


def test_the_interpreter_speaks_one_language_and_several_are_refused_not_cut() -> None:
    cleaned, problems = _seller(interpreter_needed=True, interpreter_language="ro, en")
    assert problems["interpreter_language"].code == "one_language"
    assert "interpreter_language" not in cleaned
    cleaned, problems = _seller(interpreter_needed=True, interpreter_language="ro")
    assert not problems and cleaned["interpreter_language"] == "ro"
