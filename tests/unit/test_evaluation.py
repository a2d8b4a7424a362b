"""Offence evaluation: completed, attempt or not enough, under either completion rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.evaluation import (
    CompletionRule,
    ElementKind,
    Evaluation,
    Outcome,
    evaluate,
)

A = ElementKind.AGREEMENT
P = ElementKind.STATED_PRICE
M = ElementKind.PAYMENT_HANDED_OVER
B = ElementKind.ACT_BEGUN
COUNTY = CompletionRule.COUNTY_PRACTICE
CASE_LAW = CompletionRule.ACT_BEGUN_REQUIRED

# (elements, rule, outcome, missing for completion)
TABLE = [
    ((), COUNTY, Outcome.NOT_ENOUGH, (A, P, M)),
    ((A,), COUNTY, Outcome.NOT_ENOUGH, (P, M)),
    ((P,), COUNTY, Outcome.NOT_ENOUGH, (A, M)),
    ((M,), COUNTY, Outcome.NOT_ENOUGH, (A, P)),
    ((A, M), COUNTY, Outcome.NOT_ENOUGH, (P,)),
    ((A, P), COUNTY, Outcome.ATTEMPT, (M,)),
    ((A, P, B), COUNTY, Outcome.ATTEMPT, (M,)),
    ((A, P, M), COUNTY, Outcome.COMPLETED, ()),  # the brochure's Västerås cases
    ((A, P, M, B), COUNTY, Outcome.COMPLETED, ()),
    ((), CASE_LAW, Outcome.NOT_ENOUGH, (A, P, B)),
    ((A, P), CASE_LAW, Outcome.ATTEMPT, (B,)),
    ((A, P, M), CASE_LAW, Outcome.ATTEMPT, (B,)),
    ((A, P, B), CASE_LAW, Outcome.COMPLETED, ()),
    ((A, P, M, B), CASE_LAW, Outcome.COMPLETED, ()),
    ((P, M, B), CASE_LAW, Outcome.NOT_ENOUGH, (A,)),
    ((A, B), CASE_LAW, Outcome.NOT_ENOUGH, (P,)),
]


@pytest.mark.parametrize(("elements", "rule", "outcome", "missing"), TABLE)
def test_outcome_and_missing_elements(
    elements: tuple[ElementKind, ...],
    rule: CompletionRule,
    outcome: Outcome,
    missing: tuple[ElementKind, ...],
) -> None:
    result = evaluate(elements, rule)
    assert result.outcome is outcome
    assert result.missing == missing
    assert result.rule is rule
    assert set(result.established) == set(elements)
    for element in missing:
        assert f"missing:{element.value}" in result.explanation


def test_explanation_codes_for_an_attempt_under_county_practice() -> None:
    result = evaluate([P, A], COUNTY)
    assert result.established == (A, P)
    assert result.explanation == (
        "rule:county_practice",
        "outcome:attempt",
        "established:agreement",
        "established:stated_price",
        "missing:payment_handed_over",
    )


def test_payment_supports_remuneration_when_the_rule_does_not_require_it() -> None:
    result = evaluate([A, P, M], CASE_LAW)
    assert "supports:payment_handed_over" in result.explanation
    assert "supports:payment_handed_over" not in evaluate([A, P, M], COUNTY).explanation


def test_plain_strings_from_storage_are_accepted() -> None:
    stored: list[str] = ["agreement", "stated_price"]
    result = evaluate(stored, "county_practice")  # type: ignore[arg-type]
    assert result.outcome is Outcome.ATTEMPT
    assert result.rule is COUNTY


def test_an_unknown_element_is_a_bug_not_a_silent_pass() -> None:
    with pytest.raises(ValueError):
        evaluate(["handshake"], COUNTY)  # type: ignore[list-item]


@given(
    elements=st.lists(st.sampled_from(list(ElementKind)), max_size=10),
    rule=st.sampled_from(list(CompletionRule)),
    data=st.data(),
)
def test_order_and_repetition_do_not_matter(
    elements: list[ElementKind], rule: CompletionRule, data: st.DataObject
) -> None:
    reference: Evaluation = evaluate(sorted(set(elements)), rule)
    shuffled = data.draw(st.permutations(elements))
    # Repeat some of the same elements (there is nothing to repeat in an empty list).
    extra = data.draw(st.lists(st.sampled_from(elements), max_size=5)) if elements else []
    duplicated = shuffled + extra
    assert evaluate(shuffled, rule) == reference
    assert evaluate(duplicated, rule) == reference
    assert evaluate(frozenset(elements), rule) == reference
