"""County profiles (``resources/counties/*.toml``): municipalities, the police tip line and
the organisation-level contacts an operation starts from."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from fieldapp.domain.operation import clean_contact
from fieldapp.errors import InvalidInput, Reason, coded
from fieldapp.paths import resource
from fieldapp.validation import Problems


@dataclass(frozen=True)
class CountyProfile:
    id: str
    name: str
    authority: str  # the police authority's name as printed on forms
    example: bool
    verify_note: str
    municipalities: tuple[str, ...]
    tip_line: dict[str, str]
    contacts: tuple[dict[str, Any], ...]


def county_ids() -> list[str]:
    return sorted(p.stem for p in resource("counties").glob("*.toml"))


def unknown_county() -> Reason:
    """The refusal of a county that has no profile (the known ones listed for the CLI)."""
    return coded("unknown_county", f"unknown county profile (known: {', '.join(county_ids())}).")


@cache
def load_county(county_id: str) -> CountyProfile:
    """The profile, with every contact checked as if typed in by an officer."""
    path = resource("counties", f"{county_id}.toml")
    if not path.is_file():
        known = ", ".join(county_ids())
        raise InvalidInput(
            coded("unknown_county", f"County: unknown profile {county_id!r} (known: {known})."),
            field="county",
        )
    data = tomllib.loads(path.read_text("utf-8"))
    p = Problems(f"{path.name}:contacts")
    contacts = tuple(clean_contact(c, p.at(f"[{i}]")) for i, c in enumerate(data["contacts"]))
    p.raise_if_any()
    return CountyProfile(
        id=data["id"],
        name=data["name"],
        authority=data.get("authority", "Polismyndigheten"),
        example=bool(data.get("example", False)),
        verify_note=data.get("verify_note", ""),
        municipalities=tuple(data["municipalities"]),
        tip_line=dict(data.get("tip_line", {})),
        contacts=contacts,
    )
