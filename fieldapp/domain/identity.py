"""Swedish identity numbers: personnummer (python-stdnum) and samordningsnummer.

A samordningsnummer is a personnummer whose day of birth has 60 added; python-stdnum does
not accept those, so they are checked here with the same Luhn digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum import luhn
from stdnum.exceptions import ValidationError
from stdnum.se import personnummer
from stdnum.util import clean, isdigits

from fieldapp.errors import InvalidInput, Reason, coded


class IdKind(StrEnum):
    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"


@dataclass(frozen=True)
class SwedishId:
    kind: IdKind
    number: str  # YYYYMMDD-NNNN, the form the police systems use
    birth_date: date


def parse_swedish_id(text: str, *, today: date, field: str = "personal_id") -> SwedishId:
    """Validate a personnummer or samordningsnummer in any usual format (10 or 12 digits,
    with or without '-' or '+'). Refusals name ``field`` and say what is wrong."""
    compact = clean(text, " :").strip()
    if len(compact) in (10, 12) and isdigits(compact):
        compact = f"{compact[:-4]}-{compact[-4:]}"
    if len(compact) not in (11, 13) or compact[-5] not in "-+":
        raise _refuse(field, coded("id_digits", "use 10 or 12 digits, e.g. 19811218-9876."))
    digits = compact[:-5] + compact[-4:]
    if not isdigits(digits):
        raise _refuse(field, coded("id_characters", "only digits and one '-' or '+'."))
    if not luhn.is_valid(digits[-10:]):
        raise _refuse(field, coded("id_check_digit", "the check digit is wrong (a typing error?)."))
    day = int(compact[-7:-5])
    kind = IdKind.SAMORDNINGSNUMMER if day > 60 else IdKind.PERSONNUMMER
    real = compact if kind is IdKind.PERSONNUMMER else _minus_60(compact)
    try:
        born = personnummer.get_birth_date(real)
        if len(real) == 11 and born > today:  # a 10-digit number born "next year": last century
            born = born.replace(year=born.year - 100)
    except ValidationError:
        raise _refuse(
            field, coded("id_no_such_date", "the date of birth in the number does not exist.")
        ) from None
    if born > today:
        raise _refuse(
            field, coded("id_born_in_future", "the date of birth in the number is in the future.")
        )
    return SwedishId(kind, f"{born:%Y%m%d}"[:6] + f"{day:02d}-{compact[-4:]}", born)


def _minus_60(compact: str) -> str:
    day = int(compact[-7:-5]) - 60
    return f"{compact[:-7]}{day:02d}{compact[-5:]}"


def _refuse(field: str, reason: Reason) -> InvalidInput:
    label = "Identity number"
    return InvalidInput(f"{label}: {reason}", field=field, problems=((field, reason),))


def age_on(birth: date, on: date) -> int:
    """Whole years of age on a day (a birthday counts on the day itself)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
