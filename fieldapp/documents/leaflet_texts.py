"""The support leaflets' texts, one file per language in ``resources/leaflets/<lang>.toml``.

Swedish and English are reviewed; other languages ship with ``reviewed = false`` until a
native speaker has checked them: the UI and the CLI tell the officer so before printing, and
the paper itself carries a visible mark in its language.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from fieldapp.errors import InvalidInput, coded
from fieldapp.paths import resource

LABEL_KEYS = (
    "page",
    "contacts",
    "contacts_note",
    "phone",
    "email",
    "web",
    "hours",
    "emergency",
    "version",
    "verified",
    "not_verified",
    "unreviewed",
    "example",
)
AVAILABILITY_KEYS = ("always", "office_hours", "evenings_nights_weekends", "limited")


class Audience(StrEnum):
    SELLER = "seller"
    BUYER = "buyer"


class LeafletFileError(Exception):
    """A shipped leaflet file is malformed: a packaging bug, never the user's doing."""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Leaflet:
    title: str
    lead: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class ApprovalInfo:
    """The information page added to the Swedish approval form in the suspect's language:
    it explains what they are asked to sign and is marked as an information translation."""

    title: str
    mark: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class LeafletTexts:
    """Everything one language file says."""

    language: str
    name: str  # in the language itself, e.g. "Română"
    reviewed: bool
    labels: dict[str, str]
    roles: dict[str, str]
    leaflets: dict[Audience, Leaflet]
    availability: dict[str, str]  # a contact's availability code in this language
    approval_info: ApprovalInfo

    def leaflet(self, audience: Audience) -> Leaflet:
        return self.leaflets[audience]


@dataclass(frozen=True)
class LeafletLanguage:
    """For a language picker: code, own name, and whether a native speaker reviewed it."""

    code: str
    name: str
    reviewed: bool


def _folder() -> Path:
    return resource("leaflets")


def language_codes() -> list[str]:
    return sorted(p.stem for p in _folder().glob("*.toml"))


def leaflet_languages() -> list[LeafletLanguage]:
    """Every shipped language, reviewed ones first (the officer's usual choice)."""
    found = [load_leaflet_texts(code) for code in language_codes()]
    return [
        LeafletLanguage(t.language, t.name, t.reviewed)
        for t in sorted(found, key=lambda t: (not t.reviewed, t.language))
    ]


@cache
def load_leaflet_texts(code: str) -> LeafletTexts:
    """The texts for ``code``, or ``InvalidInput`` listing the languages there are."""
    path = _folder() / f"{code}.toml"
    if not code.isalpha() or not path.is_file():
        available = ", ".join(language_codes())
        raise InvalidInput(
            coded(
                "no_text_in_language",
                f"Language: no leaflet in {code!r}; available: {available}.",
                language=code,
            ),
            field="language",
        )
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        return _parse(path.name, data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise LeafletFileError(f"{path.name}: {exc!r}") from exc


def _strings(name: str, table: Any, keys: tuple[str, ...] | None = None) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(v, str) and v for v in table.values()):
        raise LeafletFileError(f"{name}: expected a table of non-empty strings.")
    missing = [k for k in keys or () if k not in table]
    if missing:
        raise LeafletFileError(f"{name}: missing {', '.join(missing)}.")
    return dict(table)


def _parse(name: str, data: dict[str, Any]) -> LeafletTexts:
    if data.get("language") != name.removesuffix(".toml"):
        raise LeafletFileError(f"{name}: 'language' must match the file name.")
    if not isinstance(data.get("reviewed"), bool):
        raise LeafletFileError(f"{name}: 'reviewed' must be true or false.")
    leaflets = {}
    for audience in Audience:
        raw = data[audience.value]
        leaflets[audience] = Leaflet(
            title=str(raw["title"]),
            lead=str(raw["lead"]),
            sections=tuple(
                Section(
                    heading=str(s["heading"]),
                    paragraphs=tuple(str(p) for p in s.get("paragraphs", ())),
                    bullets=tuple(str(b) for b in s.get("bullets", ())),
                )
                for s in raw["sections"]
            ),
        )
    return LeafletTexts(
        language=data["language"],
        name=str(data["name"]),
        reviewed=data["reviewed"],
        labels=_strings(f"{name} [labels]", data["labels"], LABEL_KEYS),
        roles=_strings(f"{name} [roles]", data["roles"]),
        leaflets=leaflets,
        availability=_strings(f"{name} [availability]", data["availability"], AVAILABILITY_KEYS),
        approval_info=ApprovalInfo(
            title=str(data["approval_info"]["title"]),
            mark=str(data["approval_info"]["mark"]),
            paragraphs=tuple(str(p) for p in data["approval_info"]["paragraphs"]),
        ),
    )
