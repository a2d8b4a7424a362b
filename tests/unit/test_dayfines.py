"""The day-fine calculator (RåR 2007:2): worked examples, every step, every refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.dayfines import (
    DayFineInput,
    LineCode,
    ThresholdKind,
    calculate_day_fine,
    day_fine_limits,
    known_years,
    wealth_addition,
    year_parameters,
)
from fieldapp.errors import InvalidInput

# LEGAL.md §9.1 and §9.2, copied here so a typo in yearly.toml fails a test.
# year: (prisbasbelopp, lower skiktgräns, brytpunkt or None)
LEGAL_MD_TABLE = {
    2011: (42_800, 383_000, 395_600),
    2012: (44_000, 401_100, None),
    2013: (44_500, 413_200, None),
    2014: (44_400, 420_800, None),
    2015: (44_500, 430_200, None),
    2016: (44_300, 430_200, None),
    2017: (44_800, 438_900, None),
    2018: (45_500, 455_300, None),
    2019: (46_500, 490_700, 504_400),
    2020: (47_300, 509_300, None),
    2021: (47_600, 523_200, 537_200),
    2022: (48_300, 540_700, None),
    2023: (52_500, 598_500, None),
    2024: (57_300, 598_500, None),
    2025: (58_800, 625_800, 643_100),
    2026: (59_200, 643_000, 660_400),
}


@pytest.mark.parametrize("year", sorted(LEGAL_MD_TABLE))
def test_yearly_parameters_match_legal_md(year: int) -> None:
    p = year_parameters(year)
    assert (p.prisbasbelopp, p.skiktgrans, p.brytpunkt) == LEGAL_MD_TABLE[year]


def test_known_years_and_limits() -> None:
    assert known_years() == tuple(range(2011, 2027))
    lim = day_fine_limits()
    assert (lim.min_count, lim.max_count) == (30, 150)
    assert (lim.min_amount_sek, lim.max_amount_sek, lim.min_total_sek) == (50, 1000, 750)


def amount(**kwargs: object) -> int:
    return calculate_day_fine(DayFineInput(**kwargs)).amount_sek  # type: ignore[arg-type]


# --- the brochure (Västmanland, May 2013): 50 day-fines, 5,000–16,500 kr ------------------


def test_brochure_range_2013_gives_100_and_330_kr() -> None:
    # 2013: PBB 44,500, so ½ PBB per child = 22,250; skiktgräns 413,200 (not reached below).
    # The man with the lowest fine, sambo with one child under 18 to support:
    #   122,250 − 22,250 = 100,000 → 100,000 / 1000 = 100 kr → 50 × 100 = 5,000 kr.
    low = calculate_day_fine(DayFineInput(year=2013, annual_income_sek=122_250, children=1))
    # The single man with one child under 18:
    #   352,250 − 22,250 = 330,000 → 330 kr → 50 × 330 = 16,500 kr.
    high = calculate_day_fine(DayFineInput(year=2013, annual_income_sek=352_250, children=1))
    assert (low.amount_sek, high.amount_sek) == (100, 330)
    assert (50 * low.amount_sek, 50 * high.amount_sek) == (5_000, 16_500)
    assert high.line(LineCode.CHILDREN).value("deduction") == Decimal(22_250)
    assert high.line(LineCode.REMAINDER).value("remainder") == Decimal(330_000)


# --- worked examples, one step at a time ---------------------------------------------------

EXAMPLES = [
    # 2013 above the skiktgräns: 500,000 − 20 % × (500,000 − 413,200) = 500,000 − 17,360
    #   = 482,640 → 482.
    ({"year": 2013, "annual_income_sek": 500_000}, 482),
    # Costs and benefits (2020): 300,000 − 20,000 + 12,000 = 292,000 → 292.
    (
        {
            "year": 2020,
            "annual_income_sek": 300_000,
            "income_costs_sek": 20_000,
            "regular_benefits_sek": 12_000,
        },
        292,
    ),
    # Rounding is down: 100,999 → 100.999 → 100 (rounding to nearest would give 101).
    ({"year": 2013, "annual_income_sek": 100_999}, 100),
    # A fraction from the 20 % step: 413,201 → 413,201 − 0.20 = 413,200.80 → 413.
    ({"year": 2013, "annual_income_sek": 413_201}, 413),
    # Three children in 2024 (PBB 57,300): 400,000 − 3 × 28,650 = 314,050 → 314.
    ({"year": 2024, "annual_income_sek": 400_000, "children": 3}, 314),
    # Spouse without income in 2022 (PBB 48,300): 400,000 − 48,300 = 351,700 → 351.
    ({"year": 2022, "annual_income_sek": 400_000, "spouse_without_income": True}, 351),
    # A smaller spouse deduction: 400,000 − 20,000 = 380,000 → 380.
    (
        {
            "year": 2022,
            "annual_income_sek": 400_000,
            "spouse_without_income": True,
            "spouse_deduction_sek": 20_000,
        },
        380,
    ),
    # Skiktgräns 2025 (625,800): 700,000 − 20 % × 74,200 = 685,160 → 685.
    ({"year": 2025, "annual_income_sek": 700_000}, 685),
    # Brytpunkt 2025 (643,100): 700,000 − 20 % × 56,900 = 688,620 → 688.
    (
        {
            "year": 2025,
            "annual_income_sek": 700_000,
            "threshold_kind": ThresholdKind.BRYTPUNKT,
        },
        688,
    ),
    # Below the minimum: 30,000 → 30 → raised to 50.
    ({"year": 2016, "annual_income_sek": 30_000}, 50),
    # Costs above income: −5,000 → −5 → raised to 50.
    ({"year": 2016, "annual_income_sek": 10_000, "income_costs_sek": 15_000}, 50),
    # Wealth on top of the minimum: 50 + (50 + 50 × 1 for 2,000,000) = 150.
    ({"year": 2016, "annual_income_sek": 0, "net_wealth_sek": 2_000_000}, 150),
    # Above the maximum (2026): 2,000,000 − 20 % × 1,357,000 = 1,728,600 → 1728 → 1000.
    ({"year": 2026, "annual_income_sek": 2_000_000}, 1000),
    # Wealth pushing over the cap (2013): 1,121,700 − 20 % × 708,500 = 980,000 → 980;
    # + 50 for 1,600,000 = 1030 → 1000.
    ({"year": 2013, "annual_income_sek": 1_121_700, "net_wealth_sek": 1_600_000}, 1000),
    # Debt restructuring replaces income: 50 + 150,000 / 365 (410.96 → 410) = 460.
    (
        {
            "year": 2024,
            "annual_income_sek": 900_000,
            "debt_restructuring": True,
            "payment_free_amount_sek": 150_000,
        },
        460,
    ),
    # Debt restructuring with a small payment-free amount: 50 + 0 = 50.
    (
        {
            "year": 2024,
            "annual_income_sek": 0,
            "debt_restructuring": True,
            "payment_free_amount_sek": 364,
        },
        50,
    ),
]


@pytest.mark.parametrize(("kwargs", "expected"), EXAMPLES)
def test_worked_examples(kwargs: dict[str, object], expected: int) -> None:
    assert amount(**kwargs) == expected


def test_the_income_path_explains_every_step_in_order() -> None:
    result = calculate_day_fine(
        DayFineInput(
            year=2013,
            annual_income_sek=500_000,
            income_costs_sek=10_000,
            regular_benefits_sek=5_000,
            children=2,
            spouse_without_income=True,
            net_wealth_sek=2_600_000,
        )
    )
    assert result.codes() == (
        LineCode.INCOME,
        LineCode.TAX_ADJUSTMENT,
        LineCode.CHILDREN,
        LineCode.SPOUSE,
        LineCode.REMAINDER,
        LineCode.PER_MILLE,
        LineCode.WEALTH,
        LineCode.RESULT,
    )
    # 495,000 − 20 % × 81,800 (16,360) − 2 × 22,250 − 44,500 = 389,640 → 389; wealth
    # 2,600,000: 50 + 50 × 2 full steps of 500,000 above 1.5 MSEK = 150 → 539.
    assert result.line(LineCode.INCOME).value("total") == 495_000
    assert result.line(LineCode.TAX_ADJUSTMENT).value("deduction") == Decimal(16_360)
    assert result.line(LineCode.REMAINDER).value("remainder") == Decimal(389_640)
    assert result.line(LineCode.WEALTH).value("addition") == 150
    assert result.amount_sek == 539
    assert result.line(LineCode.RESULT).text == "Day-fine amount: 539 kr."
    assert result.line(LineCode.INCOME).text == (
        "Income 500,000 − costs 10,000 + benefits 5,000 = 495,000 kr."
    )
    assert result.line(LineCode.TAX_ADJUSTMENT).text == (
        "Minus 20 % of 81,800 kr above the skiktgräns 413,200 kr (2013): 16,360 kr."
    )


def test_fractions_are_shown_exactly_until_the_single_rounding() -> None:
    result = calculate_day_fine(DayFineInput(year=2013, annual_income_sek=413_201))
    assert result.line(LineCode.TAX_ADJUSTMENT).value("deduction") == Decimal("0.2")
    assert result.line(LineCode.REMAINDER).text == "Remainder: 413,200.80 kr."


def test_minimum_and_maximum_lines_appear_only_when_they_apply() -> None:
    low = calculate_day_fine(DayFineInput(year=2016, annual_income_sek=30_000))
    assert LineCode.MINIMUM in low.codes() and LineCode.MAXIMUM not in low.codes()
    high = calculate_day_fine(DayFineInput(year=2026, annual_income_sek=2_000_000))
    assert LineCode.MAXIMUM in high.codes() and LineCode.MINIMUM not in high.codes()


def test_debt_restructuring_path_skips_the_income_steps() -> None:
    result = calculate_day_fine(
        DayFineInput(
            year=2024,
            annual_income_sek=900_000,
            debt_restructuring=True,
            payment_free_amount_sek=150_000,
        )
    )
    assert result.codes() == (LineCode.DEBT_RESTRUCTURING, LineCode.WEALTH, LineCode.RESULT)
    assert result.line(LineCode.DEBT_RESTRUCTURING).value("per_day") == 410


@pytest.mark.parametrize(
    ("wealth", "addition"),
    [
        (0, 0),
        (1_500_000, 0),
        (1_500_001, 50),
        (1_999_999, 50),
        (2_000_000, 100),
        (2_499_999, 100),
        (2_500_000, 150),
        (10_000_000, 50 + 50 * 17),
    ],
)
def test_wealth_addition_counts_only_full_steps(wealth: int, addition: int) -> None:
    assert wealth_addition(wealth) == addition


# --- refusals ---------------------------------------------------------------------------

REFUSALS = [
    ({"year": None, "annual_income_sek": 1}, "year", "Year: required."),
    ({"year": "2013", "annual_income_sek": 1}, "year", "Year: must be a year such as 2013."),
    (
        {"year": 2010, "annual_income_sek": 1},
        "year",
        "Year: no day-fine parameters for 2010; known years are 2011–2026.",
    ),
    (
        {"year": 2027, "annual_income_sek": 1},
        "year",
        "Year: no day-fine parameters for 2027; known years are 2011–2026.",
    ),
    (
        {"year": 2013, "annual_income_sek": -1},
        "annual_income",
        "Annual income: must not be negative.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1.5},
        "annual_income",
        "Annual income: must be a whole number.",
    ),
    (
        {"year": 2013, "annual_income_sek": True},
        "annual_income",
        "Annual income: must be a whole number.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "income_costs_sek": -1},
        "income_costs",
        "Costs of earning the income: must not be negative.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "regular_benefits_sek": -1},
        "regular_benefits",
        "Regular benefits: must not be negative.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "children": -1},
        "children",
        "Children: must not be negative.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "net_wealth_sek": -1},
        "net_wealth",
        "Net wealth: must not be negative. Enter 0 if debts exceed assets.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "spouse_deduction_sek": 1000},
        "spouse_deduction",
        "Spouse deduction: only for a spouse without income.",
    ),
    (
        {
            "year": 2022,
            "annual_income_sek": 1,
            "spouse_without_income": True,
            "spouse_deduction_sek": 48_301,
        },
        "spouse_deduction",
        "Spouse deduction: at most 48,300 kr in 2022 (one prisbasbelopp).",
    ),
    (
        {
            "year": 2022,
            "annual_income_sek": 1,
            "spouse_without_income": True,
            "spouse_deduction_sek": -1,
        },
        "spouse_deduction",
        "Spouse deduction: must not be negative.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "debt_restructuring": True},
        "payment_free_amount",
        "Payment-free amount: required under debt restructuring.",
    ),
    (
        {
            "year": 2013,
            "annual_income_sek": 1,
            "debt_restructuring": True,
            "payment_free_amount_sek": -1,
        },
        "payment_free_amount",
        "Payment-free amount: must not be negative.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "payment_free_amount_sek": 100_000},
        "payment_free_amount",
        "Payment-free amount: only under debt restructuring.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "threshold_kind": ThresholdKind.BRYTPUNKT},
        "threshold_kind",
        "Threshold: the brytpunkt for 2013 is not known (known for 2011, 2019, 2021, 2025, "
        "2026); use the skiktgräns.",
    ),
    (
        {"year": 2013, "annual_income_sek": 1, "threshold_kind": "brytpunkt"},
        "threshold_kind",
        "Threshold: choose skiktgrans or brytpunkt.",
    ),
]


@pytest.mark.parametrize(("kwargs", "field", "message"), REFUSALS)
def test_refusals(kwargs: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(InvalidInput) as err:
        amount(**kwargs)
    assert (err.value.field, err.value.message) == (field, message)


@pytest.mark.parametrize("year", [2011, 2019, 2021, 2025, 2026])
def test_brytpunkt_works_where_legal_md_gives_it(year: int) -> None:
    assert amount(year=year, annual_income_sek=500_000, threshold_kind=ThresholdKind.BRYTPUNKT)


# --- properties -------------------------------------------------------------------------

incomes = st.integers(min_value=0, max_value=5_000_000)


@given(
    year=st.sampled_from(range(2011, 2027)),
    income=incomes,
    costs=st.integers(min_value=0, max_value=500_000),
    children=st.integers(min_value=0, max_value=8),
    spouse=st.booleans(),
    wealth=st.integers(min_value=0, max_value=50_000_000),
    extra=st.integers(min_value=0, max_value=1_000_000),
)
def test_amount_is_within_limits_and_never_falls_as_income_rises(
    year: int, income: int, costs: int, children: int, spouse: bool, wealth: int, extra: int
) -> None:
    def calc(gross: int) -> int:
        return amount(
            year=year,
            annual_income_sek=gross,
            income_costs_sek=costs,
            children=children,
            spouse_without_income=spouse,
            net_wealth_sek=wealth,
        )

    low, high = calc(income), calc(income + extra)
    assert 50 <= low <= high <= 1000
