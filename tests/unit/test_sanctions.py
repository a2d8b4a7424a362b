"""Summary penalty order checks: what the law allowed on the offence date, BrB 25:2, RB 48:4."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain.dayfines import DayFineLimits
from fieldapp.errors import InvalidInput
from fieldapp.legal import rules_for
from fieldapp.legal.sanctions import (
    Sanction,
    SanctionKind,
    advance_approval_allowed,
    check_day_fines,
    check_fine_total,
    check_summary_sanction,
    fine_total_sek,
    record_retention_years,
    sanction_kind,
    total_payable_sek,
)

BEFORE = rules_for(date(2022, 7, 31))
AFTER = rules_for(date(2022, 8, 1))
DAY_FINES = Sanction(conditional_sentence=False, day_fines=50, day_fine_amount_sek=200)
VD = Sanction(conditional_sentence=True, day_fines=None, day_fine_amount_sek=None)
VD_DAY_FINES = Sanction(conditional_sentence=True, day_fines=40, day_fine_amount_sek=150)


@pytest.mark.parametrize(
    ("sanction", "kind"),
    [
        (DAY_FINES, SanctionKind.DAY_FINES),
        (VD, SanctionKind.CONDITIONAL_SENTENCE),
        (VD_DAY_FINES, SanctionKind.CONDITIONAL_WITH_DAY_FINES),
    ],
)
def test_sanction_kind(sanction: Sanction, kind: SanctionKind) -> None:
    assert sanction_kind(sanction) is kind


@pytest.mark.parametrize(
    ("day", "sanction"),
    [
        (date(2013, 5, 15), DAY_FINES),
        (date(2013, 5, 15), VD),
        (date(2013, 5, 15), VD_DAY_FINES),
        (date(2022, 7, 31), DAY_FINES),
        (date(2022, 8, 1), VD),
        (date(2022, 8, 1), VD_DAY_FINES),
        (date(2025, 7, 1), VD_DAY_FINES),
    ],
)
def test_allowed_sanctions_pass(day: date, sanction: Sanction) -> None:
    check_summary_sanction(rules_for(day), sanction, child_offence=False, suspect_age=40)


def test_brochure_sanction_2013_fifty_day_fines() -> None:
    rules = rules_for(date(2013, 5, 15))
    for amount in (100, 330):
        sanction = Sanction(False, 50, amount)
        check_summary_sanction(rules, sanction, child_offence=False, suspect_age=47)
        assert record_retention_years(rules, sanction) == 5  # "under fem år"
    assert fine_total_sek(Sanction(False, 50, 100)) == 5_000
    assert fine_total_sek(Sanction(False, 50, 330)) == 16_500


DAY_FINES_ALONE_MESSAGE = (
    "Sanction: day-fines alone are not allowed for this offence on that date (fines were "
    "removed from BrB 6:11 on 2022-08-01); use villkorlig dom with or without day-fines."
)
CHILD_MESSAGE = (
    "Sanction: no summary penalty order for utnyttjande av barn genom köp av sexuell handling "
    "(BrB 6:9); the child is an injured party and the case goes to the prosecutor."
)
UNDER_18_MESSAGE = (
    "Sanction: villkorlig dom cannot be given by summary penalty order for an offence "
    "committed under 18 (RB 48:4)."
)


@pytest.mark.parametrize(
    ("day", "sanction", "child", "age", "field", "message"),
    [
        (date(2022, 8, 1), DAY_FINES, False, 40, "sanction", DAY_FINES_ALONE_MESSAGE),
        (date(2025, 7, 1), DAY_FINES, False, 40, "sanction", DAY_FINES_ALONE_MESSAGE),
        (date(2023, 3, 1), VD_DAY_FINES, True, 40, "sanction", CHILD_MESSAGE),
        (date(2013, 5, 15), VD, False, 17, "sanction", UNDER_18_MESSAGE),
        (date(2023, 3, 1), VD_DAY_FINES, False, 17, "sanction", UNDER_18_MESSAGE),
        (
            date(2023, 3, 1),
            Sanction(False, None, None),
            False,
            40,
            "sanction",
            "Sanction: choose day-fines, villkorlig dom, or villkorlig dom with day-fines.",
        ),
        (
            date(2023, 3, 1),
            Sanction(True, 40, None),
            False,
            40,
            "day_fine_amount",
            "Day-fine amount: required when day-fines are given.",
        ),
        (
            date(2023, 3, 1),
            Sanction(True, None, 100),
            False,
            40,
            "day_fines",
            "Day-fines: required when a day-fine amount is given.",
        ),
        (
            date(2023, 3, 1),
            Sanction(True, 29, 100),
            False,
            40,
            "day_fines",
            "Day-fines: the number must be between 30 and 150; got 29.",
        ),
        (
            date(2013, 5, 15),
            Sanction(False, 151, 100),
            False,
            40,
            "day_fines",
            "Day-fines: the number must be between 30 and 150; got 151.",
        ),
        (
            date(2013, 5, 15),
            Sanction(False, 50, 49),
            False,
            40,
            "day_fine_amount",
            "Day-fine amount: must be between 50 and 1,000 kr; got 49 kr.",
        ),
        (
            date(2023, 3, 1),
            Sanction(True, 50, 1001),
            False,
            40,
            "day_fine_amount",
            "Day-fine amount: must be between 50 and 1,000 kr; got 1001 kr.",
        ),
        (
            date(2023, 3, 1),
            Sanction(True, None, None, forfeiture_sek=-1),
            False,
            40,
            "forfeiture",
            "Forfeiture: must be a whole, non-negative amount.",
        ),
        (
            date(2023, 3, 1),
            VD,
            False,
            -1,
            "suspect_age",
            "Suspect age: must be a whole number of years from 0 to 130.",
        ),
    ],
)
def test_refusals(
    day: date, sanction: Sanction, child: bool, age: int, field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        check_summary_sanction(rules_for(day), sanction, child_offence=child, suspect_age=age)
    assert (err.value.field, err.value.message) == (field, message)


def test_child_offence_is_closed_on_every_date() -> None:
    for day in (date(2013, 5, 15), date(2019, 12, 31), date(2025, 7, 1)):
        with pytest.raises(InvalidInput) as err:
            check_summary_sanction(rules_for(day), VD, child_offence=True, suspect_age=40)
        assert err.value.field == "sanction"
        assert "BrB 6:9" in err.value.message
    # Before 2020 the message carries the offence's old name.
    with pytest.raises(InvalidInput, match="köp av sexuell handling av barn"):
        check_summary_sanction(rules_for(date(2019, 1, 1)), VD, child_offence=True, suspect_age=40)


def test_day_fines_alone_for_a_minor_are_not_a_villkorlig_dom_problem() -> None:
    check_summary_sanction(BEFORE, DAY_FINES, child_offence=False, suspect_age=17)


def test_unknown_age_skips_the_under_18_check_but_blocks_advance_approval() -> None:
    check_summary_sanction(AFTER, VD, child_offence=False, suspect_age=None)
    assert advance_approval_allowed(rules_for(date(2023, 3, 1)), None) is False


def test_minimum_total_fine_is_750() -> None:
    check_fine_total(750)
    with pytest.raises(InvalidInput) as err:
        check_fine_total(749)
    assert err.value.field == "day_fine_amount"
    assert (
        err.value.message == "Day-fine amount: the total fine must be at least 750 kr; got 749 kr."
    )
    # With the statutory minimums the floor cannot bite; with looser limits it can.
    loose = DayFineLimits(
        min_count=1, max_count=150, min_amount_sek=1, max_amount_sek=1000, min_total_sek=750
    )
    with pytest.raises(InvalidInput, match="at least 750 kr; got 20 kr"):
        check_day_fines(10, 2, loose)
    check_day_fines(30, 50)


@pytest.mark.parametrize(
    ("day", "age", "allowed"),
    [
        (date(2022, 12, 31), 40, False),
        (date(2023, 1, 1), 40, True),
        (date(2023, 1, 1), 18, True),
        (date(2023, 1, 1), 17, False),
        (date(2025, 7, 1), 17, False),
        (date(2025, 7, 1), 69, True),
    ],
)
def test_advance_approval(day: date, age: int, allowed: bool) -> None:
    assert advance_approval_allowed(rules_for(day), age) is allowed


@pytest.mark.parametrize(
    ("day", "sanction", "total"),
    [
        (date(2013, 5, 15), Sanction(False, 50, 100), 500 + 5_000),
        (date(2015, 2, 1), Sanction(False, 50, 330), 800 + 16_500),
        (date(2023, 1, 31), VD_DAY_FINES, 800 + 6_000),
        (date(2023, 2, 1), VD_DAY_FINES, 1_000 + 6_000),
        (date(2023, 2, 1), VD, 1_000),
        (date(2023, 2, 1), Sanction(True, None, None, forfeiture_sek=1_500), 1_000),
    ],
)
def test_total_payable_is_fee_plus_day_fines(day: date, sanction: Sanction, total: int) -> None:
    assert total_payable_sek(rules_for(day), sanction) == total


@pytest.mark.parametrize(
    ("sanction", "under_18", "years"),
    [
        (DAY_FINES, False, 5),
        (VD, False, 10),
        (VD_DAY_FINES, False, 10),
        (VD, True, 5),
        (DAY_FINES, True, 5),
    ],
)
def test_record_retention(sanction: Sanction, under_18: bool, years: int) -> None:
    assert record_retention_years(AFTER, sanction, under_18_at_offence=under_18) == years
