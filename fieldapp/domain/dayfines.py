"""The day-fine amount (dagsbotsbelopp) by the prosecutors' guideline RåR 2007:2.

Steps (LEGAL.md §3 and §9.2), each returned as an explanation line for the form and the UI:

1. income = annual gross income − costs of earning it + regular benefits;
2. minus 20 % of the part above a state-tax threshold (the skiktgräns by default; the
   brytpunkt on request, where LEGAL.md gives it);
3. minus ½ prisbasbelopp per supported child;
4. minus up to 1 prisbasbelopp for a spouse without income;
5. 1/1000 of the remainder, rounded down, at least 50 kr;
6. plus the wealth addition (+50 kr above 1.5 MSEK, +50 per further full 500,000 kr);
7. at most 1,000 kr.

Under debt restructuring (skuldsanering) the amount is 50 kr + payment-free amount / 365
instead of steps 1–5 (NJA 2022 s. 703).

Parameters and limits are data in ``resources/legal/yearly.toml``; the year is the year the
fine is set, not the offence date. Money is computed with ``Decimal`` so that 20 % and ½ PBB
stay exact; the only rounding is ``_whole_kronor``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from fieldapp.errors import InvalidInput, coded
from fieldapp.paths import resource

# LEGAL.md §9.2 step 6: the rounding direction and step are unconfirmed. We round down to
# whole kronor: it never charges more than the guideline's exact figure. Change it here only.
ROUNDING = ROUND_FLOOR


class ThresholdKind(StrEnum):
    """Which state-tax threshold the 20 % step uses (unconfirmed which RåR 2007:2 means)."""

    SKIKTGRANS = "skiktgrans"  # taxable income; the default
    BRYTPUNKT = "brytpunkt"  # gross income; only for the years LEGAL.md gives


_THRESHOLD_NAMES = {ThresholdKind.SKIKTGRANS: "skiktgräns", ThresholdKind.BRYTPUNKT: "brytpunkt"}


class LineCode(StrEnum):
    """What an explanation line shows; ``ui`` words it from the code and the values."""

    INCOME = "income"
    TAX_ADJUSTMENT = "tax_adjustment"
    CHILDREN = "children"
    SPOUSE = "spouse"
    REMAINDER = "remainder"
    PER_MILLE = "per_mille"
    DEBT_RESTRUCTURING = "debt_restructuring"
    MINIMUM = "minimum"
    WEALTH = "wealth"
    MAXIMUM = "maximum"
    RESULT = "result"


@dataclass(frozen=True)
class YearParameters:
    """The figures for one calendar year."""

    year: int
    prisbasbelopp: int
    skiktgrans: int
    brytpunkt: int | None


@dataclass(frozen=True)
class DayFineLimits:
    """BrB 25:2: number of day-fines, amount per day-fine, and the minimum total."""

    min_count: int
    max_count: int
    min_amount_sek: int
    max_amount_sek: int
    min_total_sek: int


@dataclass(frozen=True)
class Guideline:
    """The RåR 2007:2 figures that do not depend on the year."""

    state_tax_percent: int
    child_deduction_percent_of_pbb: int
    spouse_max_percent_of_pbb: int
    income_divisor: int
    wealth_threshold_sek: int
    wealth_step_sek: int
    wealth_addition_sek: int
    debt_restructuring_base_sek: int


@dataclass(frozen=True)
class _Yearly:
    limits: DayFineLimits
    guideline: Guideline
    years: Mapping[int, YearParameters]


@dataclass(frozen=True)
class DayFineInput:
    """What the suspect states (RåR 2007:2: accept it unless there is reason to doubt it).

    All amounts are whole kronor per year. ``spouse_deduction_sek`` defaults to the full
    prisbasbelopp when ``spouse_without_income`` is set; give a lower figure to deduct less.
    """

    year: int | None
    annual_income_sek: int
    income_costs_sek: int = 0
    regular_benefits_sek: int = 0
    children: int = 0
    spouse_without_income: bool = False
    spouse_deduction_sek: int | None = None
    net_wealth_sek: int = 0
    debt_restructuring: bool = False
    payment_free_amount_sek: int | None = None
    threshold_kind: ThresholdKind = ThresholdKind.SKIKTGRANS


@dataclass(frozen=True)
class ExplanationLine:
    """One step of the calculation: a code, its named values (kronor or counts), English text."""

    code: LineCode
    values: tuple[tuple[str, Decimal], ...]
    text: str

    def value(self, name: str) -> Decimal:
        """The value called ``name``."""
        return dict(self.values)[name]


@dataclass(frozen=True)
class DayFineResult:
    """The amount per day-fine and how it was reached."""

    amount_sek: int
    lines: tuple[ExplanationLine, ...]

    def line(self, code: LineCode) -> ExplanationLine:
        """The line with ``code`` (each code appears at most once)."""
        return next(line for line in self.lines if line.code is code)

    def codes(self) -> tuple[LineCode, ...]:
        """The codes of the lines, in order."""
        return tuple(line.code for line in self.lines)


# --- parameters --------------------------------------------------------------------------


@cache
def _yearly() -> _Yearly:
    with resource("legal", "yearly.toml").open("rb") as fh:
        data = tomllib.load(fh)
    years = {int(row["year"]): _year_row(row) for row in data["year"]}
    return _Yearly(
        limits=DayFineLimits(**data["limits"]),
        guideline=Guideline(**data["guideline"]),
        years=years,
    )


def _year_row(row: Mapping[str, Any]) -> YearParameters:
    return YearParameters(
        year=int(row["year"]),
        prisbasbelopp=int(row["prisbasbelopp"]),
        skiktgrans=int(row["skiktgrans"]),
        brytpunkt=int(row["brytpunkt"]) if "brytpunkt" in row else None,
    )


def day_fine_limits() -> DayFineLimits:
    """The BrB 25:2 limits (also used to check a proposed sanction)."""
    return _yearly().limits


def guideline() -> Guideline:
    """The RåR 2007:2 figures."""
    return _yearly().guideline


def known_years() -> tuple[int, ...]:
    """The years with parameters, ascending."""
    return tuple(sorted(_yearly().years))


def year_parameters(year: int | None) -> YearParameters:
    """The parameters for ``year``, or a refusal naming the field ``year``."""
    if year is None:
        raise InvalidInput(coded("required", "Year: required."), field="year")
    if type(year) is not int:
        raise InvalidInput(coded("not_a_year", "Year: must be a year such as 2013."), field="year")
    years = _yearly().years
    if year not in years:
        known = known_years()
        first, last = known[0], known[-1]
        raise InvalidInput(
            coded(
                "no_year_parameters",
                f"Year: no day-fine parameters for {year}; known years are {first}–{last}.",
                year=year,
                first=first,
                last=last,
            ),
            field="year",
        )
    return years[year]


def threshold_for(params: YearParameters, kind: ThresholdKind) -> int:
    """The threshold of ``kind`` in that year, or a refusal if LEGAL.md gives none."""
    if kind is ThresholdKind.SKIKTGRANS:
        return params.skiktgrans
    if params.brytpunkt is None:
        known = ", ".join(str(y) for y, p in sorted(_yearly().years.items()) if p.brytpunkt)
        raise InvalidInput(
            coded(
                "brytpunkt_unknown",
                f"Threshold: the brytpunkt for {params.year} is not known (known for {known}); "
                "use the skiktgräns.",
                year=params.year,
            ),
            field="threshold_kind",
        )
    return params.brytpunkt


# --- input checks ------------------------------------------------------------------------

_MONEY_FIELDS = (
    ("annual_income_sek", "annual_income", "Annual income"),
    ("income_costs_sek", "income_costs", "Costs of earning the income"),
    ("regular_benefits_sek", "regular_benefits", "Regular benefits"),
    ("net_wealth_sek", "net_wealth", "Net wealth"),
    ("children", "children", "Children"),
)


def _check_whole(value: object, field: str, label: str) -> None:
    # bool is an int in Python; a checkbox must never pass as an amount.
    if type(value) is not int:
        raise InvalidInput(
            coded("not_whole_number", f"{label}: must be a whole number."), field=field
        )
    if value < 0:
        if field == "net_wealth":
            why = coded(
                "wealth_negative", f"{label}: must not be negative. Enter 0 if debts exceed assets."
            )
        else:
            why = coded("negative", f"{label}: must not be negative.")
        raise InvalidInput(why, field=field)


def _check_input(inp: DayFineInput, params: YearParameters) -> None:
    for attr, field, label in _MONEY_FIELDS:
        _check_whole(getattr(inp, attr), field, label)
    _check_spouse(inp, params)
    _check_debt_restructuring(inp)
    if not isinstance(inp.threshold_kind, ThresholdKind):
        raise InvalidInput(
            coded("not_a_choice", "Threshold: choose skiktgrans or brytpunkt."),
            field="threshold_kind",
        )


def _check_spouse(inp: DayFineInput, params: YearParameters) -> None:
    if inp.spouse_deduction_sek is None:
        return
    if not inp.spouse_without_income:
        raise InvalidInput(
            coded("spouse_has_income", "Spouse deduction: only for a spouse without income."),
            field="spouse_deduction",
        )
    _check_whole(inp.spouse_deduction_sek, "spouse_deduction", "Spouse deduction")
    cap = _spouse_cap(params)
    if inp.spouse_deduction_sek > cap:
        raise InvalidInput(
            coded(
                "spouse_deduction_too_large",
                f"Spouse deduction: at most {_kr(cap)} kr in {params.year} (one prisbasbelopp).",
                maximum=cap,
                year=params.year,
            ),
            field="spouse_deduction",
        )


def _check_debt_restructuring(inp: DayFineInput) -> None:
    amount = inp.payment_free_amount_sek
    if not inp.debt_restructuring:
        if amount is not None:
            raise InvalidInput(
                coded(
                    "payment_free_without_restructuring",
                    "Payment-free amount: only under debt restructuring.",
                ),
                field="payment_free_amount",
            )
        return
    if amount is None:
        raise InvalidInput(
            coded(
                "payment_free_required", "Payment-free amount: required under debt restructuring."
            ),
            field="payment_free_amount",
        )
    _check_whole(amount, "payment_free_amount", "Payment-free amount")


# --- calculation -------------------------------------------------------------------------


def calculate_day_fine(inp: DayFineInput) -> DayFineResult:
    """The amount per day-fine for ``inp``, with every step explained."""
    params = year_parameters(inp.year)
    _check_input(inp, params)
    g = guideline()
    if inp.debt_restructuring:
        lines = [_debt_restructuring_line(inp, g)]
    else:
        # Refuse an unknown brytpunkt before any line is produced.
        threshold = threshold_for(params, inp.threshold_kind)
        lines = _income_lines(inp, params, threshold, g)
    amount = int(lines[-1].value("amount"))
    lines += _finishing_lines(amount, inp.net_wealth_sek, g)
    return DayFineResult(amount_sek=int(lines[-1].value("amount")), lines=tuple(lines))


def _income_lines(
    inp: DayFineInput, params: YearParameters, threshold: int, g: Guideline
) -> list[ExplanationLine]:
    income = inp.annual_income_sek - inp.income_costs_sek + inp.regular_benefits_sek
    excess = max(0, income - threshold)
    tax = Decimal(excess) * g.state_tax_percent / 100
    kids = Decimal(inp.children) * params.prisbasbelopp * g.child_deduction_percent_of_pbb / 100
    spouse = _spouse_deduction(inp, params)
    remainder = income - tax - kids - spouse
    amount = _whole_kronor(remainder / g.income_divisor)
    return [
        _line(
            LineCode.INCOME,
            f"Income {_kr(inp.annual_income_sek)} − costs {_kr(inp.income_costs_sek)} + "
            f"benefits {_kr(inp.regular_benefits_sek)} = {_kr(income)} kr.",
            income=inp.annual_income_sek,
            costs=inp.income_costs_sek,
            benefits=inp.regular_benefits_sek,
            total=income,
        ),
        _line(
            LineCode.TAX_ADJUSTMENT,
            f"Minus {g.state_tax_percent} % of {_kr(excess)} kr above the "
            f"{_THRESHOLD_NAMES[inp.threshold_kind]} {_kr(threshold)} kr ({params.year}): "
            f"{_kr(tax)} kr.",
            threshold=threshold,
            excess=excess,
            deduction=tax,
        ),
        _line(
            LineCode.CHILDREN,
            f"Minus {inp.children} × {g.child_deduction_percent_of_pbb} % of the "
            f"prisbasbelopp {_kr(params.prisbasbelopp)} kr for supported children: {_kr(kids)} kr.",
            children=inp.children,
            prisbasbelopp=params.prisbasbelopp,
            deduction=kids,
        ),
        _line(
            LineCode.SPOUSE,
            f"Minus {_kr(spouse)} kr for a spouse without income"
            + ("." if inp.spouse_without_income else " (none)."),
            deduction=spouse,
        ),
        _line(LineCode.REMAINDER, f"Remainder: {_kr(remainder)} kr.", remainder=remainder),
        _line(
            LineCode.PER_MILLE,
            f"1/{g.income_divisor:,} of the remainder, rounded down: {_kr(amount)} kr.",
            divisor=g.income_divisor,
            amount=amount,
        ),
    ]


def _debt_restructuring_line(inp: DayFineInput, g: Guideline) -> ExplanationLine:
    payment_free = inp.payment_free_amount_sek or 0
    per_day = _whole_kronor(Decimal(payment_free) / 365)
    amount = g.debt_restructuring_base_sek + per_day
    return _line(
        LineCode.DEBT_RESTRUCTURING,
        f"Debt restructuring: {_kr(g.debt_restructuring_base_sek)} kr + payment-free amount "
        f"{_kr(payment_free)} kr / 365, rounded down ({_kr(per_day)} kr) = {_kr(amount)} kr.",
        base=g.debt_restructuring_base_sek,
        payment_free=payment_free,
        per_day=per_day,
        amount=amount,
    )


def _finishing_lines(amount: int, net_wealth: int, g: Guideline) -> list[ExplanationLine]:
    """Minimum, wealth addition, maximum, result: the order of LEGAL.md §3's formula."""
    limits = day_fine_limits()
    lines: list[ExplanationLine] = []
    if amount < limits.min_amount_sek:
        amount = limits.min_amount_sek
        lines.append(
            _line(LineCode.MINIMUM, f"Raised to the minimum {_kr(amount)} kr.", amount=amount)
        )
    addition = wealth_addition(net_wealth, g)
    amount += addition
    lines.append(
        _line(
            LineCode.WEALTH,
            f"Wealth addition for net wealth {_kr(net_wealth)} kr: +{_kr(addition)} kr.",
            net_wealth=net_wealth,
            addition=addition,
        )
    )
    if amount > limits.max_amount_sek:
        amount = limits.max_amount_sek
        lines.append(
            _line(LineCode.MAXIMUM, f"Capped at the maximum {_kr(amount)} kr.", amount=amount)
        )
    lines.append(_line(LineCode.RESULT, f"Day-fine amount: {_kr(amount)} kr.", amount=amount))
    return lines


def wealth_addition(net_wealth_sek: int, g: Guideline | None = None) -> int:
    """RåR point 1.8: +50 kr above 1.5 MSEK, +50 kr per further *full* 500,000 kr."""
    g = g or guideline()
    if net_wealth_sek <= g.wealth_threshold_sek:
        return 0
    steps = (net_wealth_sek - g.wealth_threshold_sek) // g.wealth_step_sek
    return g.wealth_addition_sek * (1 + steps)


def _spouse_cap(params: YearParameters) -> int:
    return params.prisbasbelopp * guideline().spouse_max_percent_of_pbb // 100


def _spouse_deduction(inp: DayFineInput, params: YearParameters) -> Decimal:
    if not inp.spouse_without_income:
        return Decimal(0)
    if inp.spouse_deduction_sek is not None:
        return Decimal(inp.spouse_deduction_sek)
    return Decimal(_spouse_cap(params))


def _whole_kronor(amount: Decimal) -> int:
    """The one rounding in the calculation (see ``ROUNDING``)."""
    return int(amount.to_integral_value(rounding=ROUNDING))


def _line(code: LineCode, text: str, **values: int | Decimal) -> ExplanationLine:
    return ExplanationLine(code, tuple((k, Decimal(v)) for k, v in values.items()), text)


def _kr(amount: int | Decimal) -> str:
    """1,234 or 1,234.40: English grouping; decimals only when there are some."""
    d = Decimal(amount)
    return f"{d:,.0f}" if d == d.to_integral_value() else f"{d:,.2f}"
