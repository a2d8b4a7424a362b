"""Is it a completed offence, an attempt, or not enough? From the elements established.

LEGAL.md §1.2: the attempt starts with an offer of payment, so agreement + stated price is an
attempt. What makes the offence completed is a setting (DESIGN.md §4):

- ``COUNTY_PRACTICE`` (the default, the brochure's Västmanland practice): agreement + stated
  price + payment handed over;
- ``ACT_BEGUN_REQUIRED`` (case law, RH 2002:16 district court): agreement + stated price +
  the sexual act had begun. Payment handed over is then supporting evidence only (a promise
  of payment is enough for "mot ersättning", LEGAL.md §1.1).

The result lists what is still missing for a completed offence, so the officer sees it.
It depends only on the *set* of elements, never on their order or repetition.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class ElementKind(StrEnum):
    """An offence element the officers record (each with time and observer elsewhere)."""

    AGREEMENT = "agreement"
    STATED_PRICE = "stated_price"
    PAYMENT_HANDED_OVER = "payment_handed_over"
    ACT_BEGUN = "act_begun"


class CompletionRule(StrEnum):
    """Which elements make the offence completed."""

    COUNTY_PRACTICE = "county_practice"
    ACT_BEGUN_REQUIRED = "act_begun_required"


class Outcome(StrEnum):
    """The evaluation's verdict on the evidence so far."""

    COMPLETED = "completed"
    ATTEMPT = "attempt"
    NOT_ENOUGH = "not_enough"


ATTEMPT_ELEMENTS: tuple[ElementKind, ...] = (ElementKind.AGREEMENT, ElementKind.STATED_PRICE)

COMPLETION_ELEMENTS: Mapping[CompletionRule, tuple[ElementKind, ...]] = MappingProxyType(
    {
        CompletionRule.COUNTY_PRACTICE: (*ATTEMPT_ELEMENTS, ElementKind.PAYMENT_HANDED_OVER),
        CompletionRule.ACT_BEGUN_REQUIRED: (*ATTEMPT_ELEMENTS, ElementKind.ACT_BEGUN),
    }
)


@dataclass(frozen=True)
class Evaluation:
    """The outcome, and why: elements established and still missing, as codes for ``ui``.

    ``explanation`` codes: ``rule:<rule>``, ``outcome:<outcome>``, ``established:<element>``,
    ``missing:<element>`` (missing for a completed offence), and
    ``supports:payment_handed_over`` when payment was seen but the rule does not require it.
    """

    outcome: Outcome
    rule: CompletionRule
    established: tuple[ElementKind, ...]
    missing: tuple[ElementKind, ...]
    explanation: tuple[str, ...]


def evaluate(established: Collection[ElementKind], rule: CompletionRule) -> Evaluation:
    """Evaluate the established elements under ``rule``."""
    rule = CompletionRule(rule)
    present = {ElementKind(e) for e in established}
    # Enum order gives one canonical order whatever order the officers recorded things in.
    ordered = tuple(e for e in ElementKind if e in present)
    missing = tuple(e for e in COMPLETION_ELEMENTS[rule] if e not in present)
    outcome = _outcome(present, missing)
    return Evaluation(
        outcome=outcome,
        rule=rule,
        established=ordered,
        missing=missing,
        explanation=_explain(rule, outcome, ordered, missing),
    )


def _outcome(present: set[ElementKind], missing: tuple[ElementKind, ...]) -> Outcome:
    if not missing:
        return Outcome.COMPLETED
    if all(e in present for e in ATTEMPT_ELEMENTS):
        return Outcome.ATTEMPT
    return Outcome.NOT_ENOUGH


def _explain(
    rule: CompletionRule,
    outcome: Outcome,
    established: tuple[ElementKind, ...],
    missing: tuple[ElementKind, ...],
) -> tuple[str, ...]:
    codes = [f"rule:{rule.value}", f"outcome:{outcome.value}"]
    codes += [f"established:{e.value}" for e in established]
    codes += [f"missing:{e.value}" for e in missing]
    if (
        ElementKind.PAYMENT_HANDED_OVER in established
        and ElementKind.PAYMENT_HANDED_OVER not in COMPLETION_ELEMENTS[rule]
    ):
        codes.append(f"supports:{ElementKind.PAYMENT_HANDED_OVER.value}")
    return tuple(codes)
