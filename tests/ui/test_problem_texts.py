"""Every code the core can give has words in Swedish and English, with the parameters the
core gives it; a refusal is shown by its code, never as the core's English."""

from __future__ import annotations

import ast
import string
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from fieldapp import validation
from fieldapp.domain.identity import parse_swedish_id
from fieldapp.errors import BackoffActive, InvalidInput, KnownError, coded
from tests.unit.test_coded_reasons import FIELDAPP, codes_used
from ui.errors import error_text
from ui.problem_texts import PROBLEM_TEXTS, code_text
from ui.words import reason_text


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _swedish(template: str) -> str:
    return QCoreApplication.translate("Problems", template)


def test_every_code_of_the_core_has_words() -> None:
    missing = sorted(codes_used() - set(PROBLEM_TEXTS))
    assert missing == []


def test_every_code_has_swedish_words_with_the_same_parameters() -> None:
    for code, english in PROBLEM_TEXTS.items():
        swedish = _swedish(english)
        assert swedish != english, f"{code}: no Swedish text"
        assert _names(swedish) == _names(english), code


def test_the_core_gives_every_parameter_its_words_use() -> None:
    """Each ``coded("code", …, name=value)`` gives the names the code's words use."""
    short = []
    for path in sorted(FIELDAPP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "coded"):
                continue
            first = node.args[0] if node.args else None
            if not isinstance(first, ast.Constant):
                continue  # refused by test_every_refusal_of_the_core_is_coded
            code = str(first.value)
            given = {k.arg for k in node.keywords} | {"date_hint"}
            if _names(PROBLEM_TEXTS.get(code, "")) - given:
                short.append(f"{path.name}:{node.lineno} {code}")
    assert short == []


def test_english_words_come_from_the_same_table(language: Any) -> None:
    language("en")
    why = coded("too_long", "at most 7 characters.", limit=7)
    assert reason_text(why) == "At most 7 characters."
    assert reason_text(coded("not_a_date", "not a real date.")) == (
        "Not a real date (use YYYY-MM-DD)."
    )


def test_a_refusal_is_shown_in_swedish_by_its_code() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_swedish_id("19811218-9877", today=date(2026, 5, 1))
    assert error_text(caught.value) == "Kontrollsiffran stämmer inte (felskrivning?)."
    p = validation.Problems()
    validation.day(p, {"born": "2026-13-01"}, "born")
    [(_, why)] = list(p)
    assert reason_text(why) == "Inget giltigt datum (skriv ÅÅÅÅ-MM-DD)."


def test_known_errors_by_code_and_parameters() -> None:
    assert error_text(BackoffActive(41.6)) == (
        "För många misslyckade försök. Vänta 42 s och försök igen."
    )
    plain = KnownError(coded("receipt_chain_differs", "English for the CLI.", seq=17))
    assert error_text(plain) == (
        "Stationen har andra poster än den här datorn vid nummer 17. Rensa inte; "
        "rapportera det till stationen."
    )


def test_an_unknown_code_or_uncoded_reason_shows_generic_words_not_english() -> None:
    assert code_text("no_such_code_anywhere") == "Det godtogs inte."
    assert reason_text("must be frobnicated.") == "Värdet godtogs inte."
    assert error_text(KnownError("Something in English.")) == "Det gick inte att genomföra."
