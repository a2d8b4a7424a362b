"""Checks on a proposed summary penalty order (strafföreläggande, RB ch. 48).

The app never issues an order (LEGAL.md §2.4): it records the prosecutor's or FUL's decision
and prints it for signature. These checks stop an impossible order from being printed:
a sanction the law did not allow on the offence date, day-fines outside BrB 25:2, a
villkorlig dom for an offence committed under 18, or any order for the child offence (6:9).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fieldapp.domain.dayfines import DayFineLimits, day_fine_limits
from fieldapp.errors import InvalidInput, coded
from fieldapp.legal.rules import RuleSet

# A plausible human age; anything outside is a typing error, not a person.
_MAX_AGE = 130


class SanctionKind(StrEnum):
    """The three forms a summary penalty order for sex purchase can take."""

    DAY_FINES = "day_fines"
    CONDITIONAL_SENTENCE = "conditional_sentence"
    CONDITIONAL_WITH_DAY_FINES = "conditional_with_day_fines"


@dataclass(frozen=True)
class Sanction:
    """The sanction in an order: villkorlig dom and/or day-fines, plus forfeiture.

    ``forfeiture_sek`` is förverkande (e.g. the money offered); it is a special legal effect
    shown on its own line, not part of the fine.
    """

    conditional_sentence: bool
    day_fines: int | None
    day_fine_amount_sek: int | None
    forfeiture_sek: int = 0


def sanction_kind(sanction: Sanction) -> SanctionKind:
    """Which form ``sanction`` takes; refuses an empty or half-filled sanction."""
    has_count = sanction.day_fines is not None
    has_amount = sanction.day_fine_amount_sek is not None
    if has_count and not has_amount:
        raise InvalidInput(
            coded(
                "day_fine_amount_required", "Day-fine amount: required when day-fines are given."
            ),
            field="day_fine_amount",
        )
    if has_amount and not has_count:
        raise InvalidInput(
            coded("day_fines_required", "Day-fines: required when a day-fine amount is given."),
            field="day_fines",
        )
    if has_count:
        return (
            SanctionKind.CONDITIONAL_WITH_DAY_FINES
            if sanction.conditional_sentence
            else SanctionKind.DAY_FINES
        )
    if sanction.conditional_sentence:
        return SanctionKind.CONDITIONAL_SENTENCE
    raise InvalidInput(
        coded(
            "sanction_required",
            "Sanction: choose day-fines, villkorlig dom, or villkorlig dom with day-fines.",
        ),
        field="sanction",
    )


def check_summary_sanction(
    rules: RuleSet, sanction: Sanction, *, child_offence: bool, suspect_age: int | None
) -> None:
    """Refuse (``InvalidInput``) a sanction a summary penalty order may not contain.

    ``rules`` are those for the offence date; ``suspect_age`` is the age when the offence was
    committed, or ``None`` if not yet known (the under-18 check then waits for it).
    """
    _check_age(suspect_age)
    if child_offence and not rules.summary_order.for_child_offence:
        raise InvalidInput(
            coded(
                "summary_order_child_case",
                f"Sanction: no summary penalty order for {rules.child_offence.name_sv} "
                f"({rules.child_offence.section}); the child is an injured party and the case "
                "goes to the prosecutor.",
                section=rules.child_offence.section,
            ),
            field="sanction",
        )
    kind = sanction_kind(sanction)
    _check_kind_allowed(rules, kind)
    if kind is not SanctionKind.DAY_FINES and suspect_age is not None and suspect_age < 18:
        raise InvalidInput(
            coded(
                "conditional_under_18",
                "Sanction: villkorlig dom cannot be given by summary penalty order for an "
                "offence committed under 18 (RB 48:4).",
            ),
            field="sanction",
        )
    if sanction.day_fines is not None and sanction.day_fine_amount_sek is not None:
        check_day_fines(sanction.day_fines, sanction.day_fine_amount_sek)
    _check_forfeiture(sanction.forfeiture_sek)


def _check_age(suspect_age: int | None) -> None:
    if suspect_age is None:
        return
    if type(suspect_age) is not int or not 0 <= suspect_age <= _MAX_AGE:
        raise InvalidInput(
            coded(
                "out_of_range",
                f"Suspect age: must be a whole number of years from 0 to {_MAX_AGE}.",
                minimum=0,
                maximum=_MAX_AGE,
            ),
            field="suspect_age",
        )


def _check_kind_allowed(rules: RuleSet, kind: SanctionKind) -> None:
    allowed = {
        SanctionKind.DAY_FINES: rules.summary_order.day_fines_alone,
        SanctionKind.CONDITIONAL_SENTENCE: rules.summary_order.conditional_sentence,
        SanctionKind.CONDITIONAL_WITH_DAY_FINES: rules.summary_order.conditional_with_day_fines,
    }
    if allowed[kind]:
        return
    if kind is SanctionKind.DAY_FINES and not rules.fines_allowed:
        since = rules.changed_since("penalty.fines_allowed").isoformat()
        raise InvalidInput(
            coded(
                "day_fines_alone_removed",
                "Sanction: day-fines alone are not allowed for this offence on that date "
                f"(fines were removed from {rules.offence.section} on {since}); "
                "use villkorlig dom with or without day-fines.",
                section=rules.offence.section,
                date=since,
            ),
            field="sanction",
        )
    raise InvalidInput(
        coded(
            "sanction_not_allowed",
            f"Sanction: {kind.value.replace('_', ' ')} is not allowed by summary penalty order "
            "for this offence on that date.",
            kind=kind.value,
        ),
        field="sanction",
    )


def check_day_fines(count: int, amount_sek: int, limits: DayFineLimits | None = None) -> None:
    """BrB 25:2: 30–150 day-fines of 50–1,000 kr, at least 750 kr in total."""
    lim = limits or day_fine_limits()
    if type(count) is not int or not lim.min_count <= count <= lim.max_count:
        raise InvalidInput(
            coded(
                "day_fines_out_of_range",
                f"Day-fines: the number must be between {lim.min_count} and {lim.max_count}; "
                f"got {count}.",
                minimum=lim.min_count,
                maximum=lim.max_count,
            ),
            field="day_fines",
        )
    if type(amount_sek) is not int or not lim.min_amount_sek <= amount_sek <= lim.max_amount_sek:
        raise InvalidInput(
            coded(
                "day_fine_amount_out_of_range",
                f"Day-fine amount: must be between {lim.min_amount_sek:,} and "
                f"{lim.max_amount_sek:,} kr; got {amount_sek} kr.",
                minimum=lim.min_amount_sek,
                maximum=lim.max_amount_sek,
            ),
            field="day_fine_amount",
        )
    check_fine_total(count * amount_sek, lim)


def check_fine_total(total_sek: int, limits: DayFineLimits | None = None) -> None:
    """The 750 kr floor of BrB 25:2.

    With at least 30 day-fines of at least 50 kr the total is already 1,500 kr, so this only
    bites if those limits change; it is kept so the statute's rule is checked as written.
    """
    lim = limits or day_fine_limits()
    if total_sek < lim.min_total_sek:
        raise InvalidInput(
            coded(
                "fine_total_too_low",
                f"Day-fine amount: the total fine must be at least {lim.min_total_sek:,} kr; "
                f"got {total_sek:,} kr.",
                minimum=lim.min_total_sek,
            ),
            field="day_fine_amount",
        )


def _check_forfeiture(forfeiture_sek: int) -> None:
    if type(forfeiture_sek) is not int or forfeiture_sek < 0:
        raise InvalidInput(
            coded("negative", "Forfeiture: must be a whole, non-negative amount."),
            field="forfeiture",
        )


def advance_approval_allowed(rules: RuleSet, suspect_age: int | None) -> bool:
    """May a förhandsgodkännande (RB 48:10) be drawn up? Never under 18; an unknown age
    cannot show the suspect is an adult, so it counts as no."""
    if not rules.advance_approval or suspect_age is None:
        return False
    return suspect_age >= rules.advance_approval_min_age


def fine_total_sek(sanction: Sanction) -> int:
    """Day-fines × amount, or 0 without day-fines."""
    if sanction.day_fines is None or sanction.day_fine_amount_sek is None:
        return 0
    return sanction.day_fines * sanction.day_fine_amount_sek


def total_payable_sek(rules: RuleSet, sanction: Sanction) -> int:
    """What the suspect pays: crime-victim fund fee + day-fines × amount.

    Sex purchase always carries the fee (its scale includes prison, LEGAL.md §9.5).
    Forfeiture is a separate legal effect and is not included.
    """
    return rules.victim_fund_fee_sek + fine_total_sek(sanction)


def record_retention_years(
    rules: RuleSet, sanction: Sanction, *, under_18_at_offence: bool = False
) -> int:
    """Years the entry stays in the belastningsregister after the order is accepted.

    A villkorlig dom decides (10 years, 5 if under 18 at the time); day-fines alone, 5 years.
    """
    if sanction.conditional_sentence:
        if under_18_at_offence:
            return rules.retention_years_conditional_under_18
        return rules.retention_years_conditional
    return rules.retention_years_fine
