"""Checking input: collect every problem with its field path, then refuse all at once.

A refusal names the field and the reason ("buyers[0].personal_id: check digit is wrong"),
so a form can mark the field and an import can list every problem of a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from fieldapp.errors import InvalidInput, Reason, as_reason, coded

E = TypeVar("E", bound=StrEnum)
MAX_TEXT = 2000


class Problems:
    """Accumulates ``(field path, reason)`` pairs; ``raise_if_any`` refuses them together."""

    def __init__(self, prefix: str = "", items: list[tuple[str, Reason]] | None = None) -> None:
        self._prefix = prefix
        self._items: list[tuple[str, Reason]] = [] if items is None else items

    def path(self, field: str) -> str:
        if not self._prefix:
            return field
        return f"{self._prefix}{field}" if field.startswith("[") else f"{self._prefix}.{field}"

    def add(self, field: str, reason: Reason) -> None:
        self._items.append((self.path(field), reason))

    def at(self, prefix: str) -> Problems:
        """Problems under a nested path (``buyers[0]``), sharing this list."""
        return Problems(self.path(prefix), self._items)

    @contextmanager
    def catching(self, field: str) -> Iterator[None]:
        """Record an ``InvalidInput`` raised inside as a problem of ``field``."""
        try:
            yield
        except InvalidInput as exc:
            for sub_field, reason in exc.problems or ((field, as_reason(exc.message)),):
                nested = not sub_field or sub_field.startswith(field)
                target = sub_field if nested and sub_field else field
                if not nested:
                    target = f"{field}.{sub_field}"
                self._items.append((self.path(target), _strip_label(reason)))

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self) -> Iterator[tuple[str, Reason]]:
        return iter(self._items)

    def raise_if_any(self) -> None:
        if not self._items:
            return
        message = "; ".join(f"{f}: {r}" for f, r in self._items)
        raise InvalidInput(message, field=self._items[0][0], problems=tuple(self._items))


def _strip_label(reason: Reason) -> Reason:
    # "Annual income: must not be negative." -> "must not be negative." (the path says which)
    head, sep, tail = reason.partition(": ")
    return Reason(reason.code, tail, reason.params) if sep and len(head) < 40 else reason


# -- readers: each returns the clean value or records a problem and returns None -------------


def _missing(p: Problems, value: Any, field: str, required: bool) -> bool:
    """True when nothing was given (blank text counts as nothing); a problem if required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            p.add(field, coded("required", "required."))
        return True
    return False


def text(
    p: Problems,
    data: Mapping[str, Any],
    field: str,
    *,
    required: bool = False,
    max_len: int = MAX_TEXT,
) -> str | None:
    value = data.get(field)
    # Plain text, by far the usual case, skips the general tests: blank is checked below.
    if type(value) is not str:
        if _missing(p, value, field, required):
            return None
        if not isinstance(value, str):
            p.add(field, coded("not_text", "must be text."))
            return None
    value = value.strip()
    if not value:
        if required:
            p.add(field, coded("required", "required."))
        return None
    if len(value) > max_len:
        p.add(field, coded("too_long", f"at most {max_len} characters.", limit=max_len))
        return None
    return value


def choice(
    p: Problems, data: Mapping[str, Any], field: str, enum: type[E], *, required: bool = False
) -> E | None:
    value = data.get(field)
    if _missing(p, value, field, required):
        return None
    try:
        return enum(str(value))
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        p.add(field, coded("not_a_choice", f"must be one of {allowed}."))
        return None


def integer(
    p: Problems,
    data: Mapping[str, Any],
    field: str,
    *,
    required: bool = False,
    minimum: int | None = 0,
    maximum: int | None = None,
) -> int | None:
    value = data.get(field)
    if _missing(p, value, field, required):
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        p.add(field, coded("not_whole_number", "must be a whole number."))
        return None
    if isinstance(value, str):
        cleaned = re.sub(r"[\s\u00a0]", "", value)
        if not re.fullmatch(r"-?\d+", cleaned):
            p.add(field, coded("not_whole_number", "must be a whole number."))
            return None
        value = int(cleaned)
    if minimum is not None and value < minimum:
        if minimum == 0:
            p.add(field, coded("negative", "must not be negative."))
        else:
            p.add(field, coded("too_small", f"at least {minimum}.", minimum=minimum))
        return None
    if maximum is not None and value > maximum:
        p.add(field, coded("too_large", f"at most {maximum}.", maximum=maximum))
        return None
    return value


def boolean(
    p: Problems, data: Mapping[str, Any], field: str, *, default: bool | None = None
) -> bool | None:
    value = data.get(field, default)
    if value is None or isinstance(value, bool):
        return value
    p.add(field, coded("not_yes_no", "must be yes or no."))
    return None


def day(
    p: Problems,
    data: Mapping[str, Any],
    field: str,
    *,
    required: bool = False,
    not_after: date | None = None,
    not_before: date | None = None,
) -> date | None:
    value = data.get(field)
    if _missing(p, value, field, required):
        return None
    try:
        parsed = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        p.add(field, coded("not_a_date", "not a real date (use YYYY-MM-DD)."))
        return None
    if not_after is not None and parsed > not_after:
        p.add(
            field,
            coded("after_date", f"must not be after {not_after.isoformat()}.", date=not_after),
        )
        return None
    if not_before is not None and parsed < not_before:
        p.add(
            field,
            coded("before_date", f"must not be before {not_before.isoformat()}.", date=not_before),
        )
        return None
    return parsed


def moment(
    p: Problems,
    data: Mapping[str, Any],
    field: str,
    *,
    required: bool = False,
    not_after: datetime | None = None,
) -> datetime | None:
    """A time with its UTC offset (ISO 8601); naive times are refused, since laptops and
    the station may sit in different zones."""
    value = data.get(field)
    if _missing(p, value, field, required):
        return None
    try:
        parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        p.add(
            field,
            coded("not_a_time", "not a real time (use ISO 8601, e.g. 2026-05-14T21:42+02:00)."),
        )
        return None
    if parsed.tzinfo is None:
        p.add(field, coded("no_time_zone", "needs a time zone offset."))
        return None
    if not_after is not None and parsed > not_after:
        p.add(field, coded("in_future", "must not be in the future."))
        return None
    return parsed
