"""Dated legal rule sets: which law applies to an offence committed on a given date.

Each ``resources/legal/YYYY-MM-DD-*.toml`` file holds only the rules that change on its
``valid_from`` date. The rules for an offence date are the merge, in date order, of every file
valid on that date: a later file overrides the keys it names and leaves the rest. When the law
changes, a file is added; the code stays the same (DESIGN.md §4).

Confidence: each merged key carries the label LEGAL.md gives it. A file lists its
non-confirmed keys in ``[confidence]``; a key the file sets without a label is "confirmed".
Overriding a key resets its label, so an old doubt never sticks to a new, confirmed value.
The ``[offence]`` and ``[child_offence]`` tables are replaced whole and carry their own label.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from fieldapp.errors import InvalidInput, coded
from fieldapp.paths import resource

# Rule files are named after their date so the folder lists in legal order and so that
# ``yearly.toml`` (day-fine parameters, a different schema) is not mistaken for a rule file.
RULE_FILE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*.toml"

_OFFENCE_TABLES = ("offence", "child_offence")
_HEADER_KEYS = frozenset({"id", "valid_from", "summary", "sources", "confidence"})

# Every mergeable key and its type. ``bool`` and ``int`` are kept apart on purpose: TOML
# ``true`` must not pass as a number of months.
_KEY_TYPES: Mapping[str, type] = {
    "penalty.fines_allowed": bool,
    "penalty.max_prison_months": int,
    "penalty.child_fines_allowed": bool,
    "penalty.child_max_prison_months": int,
    "penalty.child_min_prison_months": int,
    "summary_order.day_fines_alone": bool,
    "summary_order.conditional_sentence": bool,
    "summary_order.conditional_with_day_fines": bool,
    "summary_order.for_child_offence": bool,
    "fees.victim_fund_fee_sek": int,
    "retention.fine_years": int,
    "retention.conditional_years": int,
    "retention.conditional_under_18_years": int,
    "advance_approval.available": bool,
    "advance_approval.min_age": int,
}
# Keys that may stay unset after the merge (a minimum sentence only exists from 2022-08-01).
_OPTIONAL_KEYS = frozenset({"penalty.child_min_prison_months"})


class RuleFileError(Exception):
    """A shipped rule file is malformed. This is a packaging bug, never the user's doing."""


class Confidence(StrEnum):
    """How firmly LEGAL.md's sources support a rule (its [confirmed]/[partial]/[unconfirmed])."""

    CONFIRMED = "confirmed"
    PARTIAL = "partial"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True)
class Offence:
    """An offence label as it must appear for offences committed on the rule set's dates."""

    name_sv: str
    section: str
    confidence: Confidence


@dataclass(frozen=True)
class SummaryOrderRules:
    """What a strafföreläggande (RB ch. 48) may contain for the adult offence (BrB 6:11)."""

    day_fines_alone: bool
    conditional_sentence: bool
    conditional_with_day_fines: bool
    for_child_offence: bool = False


@dataclass(frozen=True)
class RuleFile:
    """One parsed rule file: the keys it changes, flattened to ``table.key`` names."""

    id: str
    valid_from: date
    summary: str
    sources: tuple[str, ...]
    offences: tuple[tuple[str, Offence], ...]
    values: tuple[tuple[str, bool | int], ...]
    confidence: tuple[tuple[str, Confidence], ...]


@dataclass(frozen=True)
class RuleSet:
    """The merged rules for offences committed from ``valid_from`` until the next change."""

    id: str
    valid_from: date
    summary: str
    applied_files: tuple[str, ...]
    sources: tuple[str, ...]
    offence: Offence
    child_offence: Offence
    fines_allowed: bool
    max_prison_months: int
    child_fines_allowed: bool
    child_max_prison_months: int
    child_min_prison_months: int | None
    summary_order: SummaryOrderRules
    victim_fund_fee_sek: int
    retention_years_fine: int
    retention_years_conditional: int
    retention_years_conditional_under_18: int
    advance_approval: bool
    advance_approval_min_age: int
    confidence: tuple[tuple[str, Confidence], ...]
    changed_on: tuple[tuple[str, date], ...]

    def confidence_of(self, key: str) -> Confidence:
        """The label of a merged key such as ``"penalty.fines_allowed"``."""
        for name, label in self.confidence:
            if name == key:
                return label
        raise KeyError(key)

    def changed_since(self, key: str) -> date:
        """The date ``key`` last changed value (``"offence"`` and ``"child_offence"`` too)."""
        for name, when in self.changed_on:
            if name == key:
                return when
        raise KeyError(key)

    def doubtful(self) -> tuple[tuple[str, Confidence], ...]:
        """The keys whose label is not "confirmed", for the UI to flag."""
        return tuple((k, c) for k, c in self.confidence if c is not Confidence.CONFIRMED)


# --- loading -----------------------------------------------------------------------------


def load_rule_files(directory: Path | None = None) -> tuple[RuleFile, ...]:
    """Every rule file in ``directory`` (default ``resources/legal``), in date order."""
    folder = directory if directory is not None else resource("legal")
    files = tuple(_parse_file(path) for path in sorted(folder.glob(RULE_FILE_GLOB)))
    if not files:
        raise RuleFileError(f"No rule files in {folder}.")
    _refuse_duplicates(files)
    return tuple(sorted(files, key=lambda f: f.valid_from))


def _refuse_duplicates(files: Sequence[RuleFile]) -> None:
    # Two files on one date would make the merge order depend on file names.
    seen_dates: dict[date, str] = {}
    seen_ids: set[str] = set()
    for f in files:
        if f.valid_from in seen_dates:
            raise RuleFileError(
                f"{f.id}: valid_from {f.valid_from} is also used by {seen_dates[f.valid_from]}."
            )
        if f.id in seen_ids:
            raise RuleFileError(f"{f.id}: the id is used by two files.")
        seen_dates[f.valid_from] = f.id
        seen_ids.add(f.id)


def _parse_file(path: Path) -> RuleFile:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path.name}: not valid TOML ({exc}).") from exc
    rule_id, valid_from, summary, sources = _parse_header(path, data)
    offences = tuple(
        (name, _parse_offence(path, data[name])) for name in _OFFENCE_TABLES if name in data
    )
    values = _parse_values(path, data)
    return RuleFile(
        id=rule_id,
        valid_from=valid_from,
        summary=summary,
        sources=sources,
        offences=offences,
        values=values,
        confidence=_parse_confidence(path, data, {k for k, _ in values}),
    )


def _parse_header(path: Path, data: Mapping[str, Any]) -> tuple[str, date, str, tuple[str, ...]]:
    rule_id = data.get("id")
    valid_from = data.get("valid_from")
    summary = data.get("summary")
    sources = data.get("sources")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError(f"{path.name}: 'id' must be a non-empty string.")
    # tomllib gives datetime for a date-time; only a plain date is a legal start date.
    if not isinstance(valid_from, date) or isinstance(valid_from, datetime):
        raise RuleFileError(f"{path.name}: 'valid_from' must be a TOML date (YYYY-MM-DD).")
    if not path.name.startswith(valid_from.isoformat()):
        raise RuleFileError(f"{path.name}: the file name must start with {valid_from}.")
    if not isinstance(summary, str) or not summary.strip() or "\n" in summary:
        raise RuleFileError(f"{path.name}: 'summary' must be one line of text.")
    if (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(s, str) and s.startswith("http") for s in sources)
    ):
        raise RuleFileError(f"{path.name}: 'sources' must be a non-empty list of URLs.")
    return rule_id, valid_from, summary, tuple(sources)


def _parse_offence(path: Path, table: object) -> Offence:
    if not isinstance(table, dict) or set(table) != {"name_sv", "section", "confidence"}:
        raise RuleFileError(
            f"{path.name}: an offence table needs exactly name_sv, section and confidence."
        )
    if not all(isinstance(v, str) and v for v in table.values()):
        raise RuleFileError(f"{path.name}: offence fields must be non-empty strings.")
    return Offence(table["name_sv"], table["section"], _confidence(path, table["confidence"]))


def _parse_values(path: Path, data: Mapping[str, Any]) -> tuple[tuple[str, bool | int], ...]:
    values: list[tuple[str, bool | int]] = []
    for table_name, table in data.items():
        if table_name in _HEADER_KEYS or table_name in _OFFENCE_TABLES:
            continue
        if not isinstance(table, dict):
            raise RuleFileError(f"{path.name}: unknown top-level key '{table_name}'.")
        for key, value in table.items():
            values.append((_checked_value(path, f"{table_name}.{key}", value), value))
    return tuple(values)


def _checked_value(path: Path, key: str, value: object) -> str:
    expected = _KEY_TYPES.get(key)
    if expected is None:
        raise RuleFileError(f"{path.name}: unknown key '{key}'.")
    if type(value) is not expected:
        raise RuleFileError(f"{path.name}: '{key}' must be {expected.__name__}.")
    if expected is int and isinstance(value, int) and value < 0:
        raise RuleFileError(f"{path.name}: '{key}' must not be negative.")
    return key


def _parse_confidence(
    path: Path, data: Mapping[str, Any], keys_set: set[str]
) -> tuple[tuple[str, Confidence], ...]:
    table = data.get("confidence", {})
    if not isinstance(table, dict):
        raise RuleFileError(f"{path.name}: 'confidence' must be a table.")
    for key in table:
        # A label for a key this file does not set would silently relabel an older value.
        if key not in keys_set:
            raise RuleFileError(
                f"{path.name}: confidence given for '{key}', which it does not set."
            )
    return tuple((key, _confidence(path, table.get(key, "confirmed"))) for key in sorted(keys_set))


def _confidence(path: Path, label: object) -> Confidence:
    try:
        return Confidence(str(label))
    except ValueError:
        raise RuleFileError(f"{path.name}: unknown confidence label {label!r}.") from None


# --- merging -----------------------------------------------------------------------------


def merge_rules(files: Sequence[RuleFile], offence_date: date) -> RuleSet:
    """The rules for ``offence_date``: every file valid then, merged in date order."""
    applicable = [
        f for f in sorted(files, key=lambda f: f.valid_from) if f.valid_from <= offence_date
    ]
    if not applicable:
        first = min(f.valid_from for f in files)
        raise InvalidInput(
            coded(
                "no_rules_for_date",
                f"Offence date: no rule set covers {offence_date.isoformat()}; "
                f"the earliest starts on {first.isoformat()}.",
                date=first,
            ),
            field="offence_date",
        )
    offences: dict[str, Offence] = {}
    values: dict[str, bool | int] = {}
    labels: dict[str, Confidence] = {}
    changed: dict[str, date] = {}
    for f in applicable:
        _note_changes(changed, offences, f.offences, f.valid_from)
        _note_changes(changed, values, f.values, f.valid_from)
        offences.update(f.offences)
        values.update(f.values)
        labels.update(f.confidence)
    return _build(applicable, offences, values, labels, changed)


def _note_changes(
    changed: dict[str, date],
    current: Mapping[str, object],
    updates: Sequence[tuple[str, object]],
    on: date,
) -> None:
    # A file may restate a value to relabel it (the 2025 scale); that is not a change in the
    # law, so the date a key changed only moves when its value does.
    for key, value in updates:
        if key not in current or current[key] != value:
            changed[key] = on


def _build(
    applied: Sequence[RuleFile],
    offences: Mapping[str, Offence],
    values: Mapping[str, bool | int],
    labels: Mapping[str, Confidence],
    changed: Mapping[str, date],
) -> RuleSet:
    latest = applied[-1]
    missing = [k for k in _KEY_TYPES if k not in values and k not in _OPTIONAL_KEYS]
    missing += [t for t in _OFFENCE_TABLES if t not in offences]
    if missing:
        raise RuleFileError(f"{latest.id}: after merging, missing {', '.join(missing)}.")
    b = _Getter(values)
    return RuleSet(
        id=latest.id,
        valid_from=latest.valid_from,
        summary=latest.summary,
        applied_files=tuple(f.id for f in applied),
        sources=tuple(dict.fromkeys(s for f in applied for s in f.sources)),
        offence=offences["offence"],
        child_offence=offences["child_offence"],
        fines_allowed=b.flag("penalty.fines_allowed"),
        max_prison_months=b.number("penalty.max_prison_months"),
        child_fines_allowed=b.flag("penalty.child_fines_allowed"),
        child_max_prison_months=b.number("penalty.child_max_prison_months"),
        child_min_prison_months=b.optional_number("penalty.child_min_prison_months"),
        summary_order=SummaryOrderRules(
            day_fines_alone=b.flag("summary_order.day_fines_alone"),
            conditional_sentence=b.flag("summary_order.conditional_sentence"),
            conditional_with_day_fines=b.flag("summary_order.conditional_with_day_fines"),
            for_child_offence=b.flag("summary_order.for_child_offence"),
        ),
        victim_fund_fee_sek=b.number("fees.victim_fund_fee_sek"),
        retention_years_fine=b.number("retention.fine_years"),
        retention_years_conditional=b.number("retention.conditional_years"),
        retention_years_conditional_under_18=b.number("retention.conditional_under_18_years"),
        advance_approval=b.flag("advance_approval.available"),
        advance_approval_min_age=b.number("advance_approval.min_age"),
        confidence=tuple(sorted(labels.items())),
        changed_on=tuple(sorted(changed.items())),
    )


@dataclass(frozen=True)
class _Getter:
    """Typed reads from the merged values (the types were checked when the files loaded)."""

    values: Mapping[str, bool | int]

    def flag(self, key: str) -> bool:
        return bool(self.values[key])

    def number(self, key: str) -> int:
        return int(self.values[key])

    def optional_number(self, key: str) -> int | None:
        return int(self.values[key]) if key in self.values else None


# --- public entry points -----------------------------------------------------------------


@cache
def _shipped_files() -> tuple[RuleFile, ...]:
    return load_rule_files()


@cache
def _rules_on(offence_date: date) -> RuleSet:
    return merge_rules(_shipped_files(), offence_date)


def rules_for(offence_date: date | None) -> RuleSet:
    """The rules that apply to an offence committed on ``offence_date`` (loaded once)."""
    if offence_date is None:
        raise InvalidInput(coded("required", "Offence date: required."), field="offence_date")
    if isinstance(offence_date, datetime):
        # The law changes at midnight local time; only the calendar date counts.
        offence_date = offence_date.date()
    if not isinstance(offence_date, date):
        raise InvalidInput(
            coded("not_a_date", "Offence date: must be a date."), field="offence_date"
        )
    return _rules_on(offence_date)


def all_rule_sets() -> list[RuleSet]:
    """One merged rule set per change date, oldest first, for the UI and documentation."""
    return [_rules_on(f.valid_from) for f in _shipped_files()]
