"""Coded reasons: English text for the CLI, a stable code and parameters for the UI."""

from __future__ import annotations

import pickle

import pytest

from fieldapp import validation
from fieldapp.errors import InvalidInput, Reason, coded


def test_a_coded_reason_reads_as_its_english_text_and_keeps_its_code() -> None:
    why = coded("too_long", "at most 5 characters.", limit=5)
    assert why == "at most 5 characters."
    assert (why.code, why.params) == ("too_long", {"limit": 5})


def test_a_coded_reason_survives_pickling_to_the_second_process() -> None:
    data = pickle.dumps(coded("too_long", "at most 5 characters.", limit=5))
    back = pickle.loads(data)  # noqa: S301 - our own bytes, made one line above
    assert isinstance(back, Reason)
    assert str(back) == "at most 5 characters."
    assert (back.code, back.params) == ("too_long", {"limit": 5})


def test_validation_refuses_with_codes() -> None:
    p = validation.Problems()
    validation.text(p, {"note": "x" * 11}, "note", max_len=10)
    validation.text(p, {}, "place", required=True)
    with pytest.raises(InvalidInput) as caught:
        p.raise_if_any()
    reasons = {field: why for field, why in caught.value.problems}
    assert isinstance(reasons["note"], Reason) and reasons["note"].code == "too_long"
    assert reasons["note"].params == {"limit": 10}
    assert isinstance(reasons["place"], Reason) and reasons["place"].code == "required"


def test_a_nested_refusal_keeps_its_code() -> None:
    outer = validation.Problems()
    with outer.catching("buyers[0]"):
        inner = validation.Problems()
        validation.text(inner, {}, "name", required=True)
        inner.raise_if_any()
    [(path, why)] = list(outer)
    assert path == "buyers[0].name"
    assert isinstance(why, Reason) and why.code == "required"
