"""Provisioning: the machine-wide settings IT deploys, read and checked here, nowhere else.

IT puts one TOML file in the platform's site configuration folder (``fieldapp.toml`` in
``C:\\ProgramData\\fieldapp`` on Windows, ``/etc/xdg/fieldapp`` on Linux;
``$FIELDAPP_SITE_CONFIG`` names another file). Every setting in it is *managed*: it
applies on this machine and the app does not let it be changed locally. This module only
answers "is this setting managed, and what is its value"; the places that read a setting
ask it (``Managed.value``) before the vault's own value.

A file with any problem manages nothing (all or nothing, like every import): the app runs
on its local settings, logs the problems' codes, and ``fieldapp provision --check FILE``
lists every problem with its line and setting.

    format = "fieldapp-provisioning"
    version = 1
    county = "vastmanland"            # new operations are in this county
    station_card = "station.json"     # enrolled when a vault is made (beside this file)
    idle_lock_minutes = 5             # 1-60
    language = "sv"                   # sv or en
    printer = "Polisen-Utskrift-3"    # documents print here without a print dialog
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp import APP_ID
from fieldapp.errors import KnownError, Reason, coded

if TYPE_CHECKING:
    from fieldapp.storage.session import Session

SITE_CONFIG_ENV = "FIELDAPP_SITE_CONFIG"
FILE_NAME = f"{APP_ID}.toml"
FORMAT = "fieldapp-provisioning"
VERSION = 1
MAX_BYTES = 64 * 1024

COUNTY = "county"
STATION_CARD = "station_card"
IDLE_LOCK_MINUTES = "idle_lock_minutes"
LANGUAGE = "language"
PRINTER = "printer"
SETTINGS = (COUNTY, STATION_CARD, IDLE_LOCK_MINUTES, LANGUAGE, PRINTER)
LANGUAGES = ("sv", "en")  # the UI's languages (tests/unit/test_provisioning.py checks)
IDLE_MINUTES = (1, 60)
PRINTER_MAX = 200


@dataclass(frozen=True)
class Problem:
    """One problem of a provisioning file: the setting, its line (if known), why."""

    setting: str
    line: int | None
    reason: Reason

    def text(self, source: Path) -> str:
        where = f"{source}:{self.line}" if self.line else str(source)
        return f"{where}: {self.setting}: {self.reason}"


@dataclass(frozen=True)
class Managed:
    """The managed settings of this machine (none, if there is no valid file)."""

    source: Path | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def is_managed(self, name: str) -> bool:
        return name in self.values

    def value(self, name: str) -> Any:
        """The managed value, or ``None`` when ``name`` is not managed."""
        return self.values.get(name)

    @property
    def idle_lock_seconds(self) -> int | None:
        minutes = self.values.get(IDLE_LOCK_MINUTES)
        return int(minutes) * 60 if minutes is not None else None


def enrol_managed_station(session: Session, managed: Managed) -> bool:
    """Enrol the managed station card on a laptop vault that has none yet (administrators,
    as ``station enrol`` does); True if it did. Same card again: nothing to do."""
    # Deferred for start-up time: the app reads this file before its first paint.
    from fieldapp.sync.enrol import enrol_station, enrolled_station
    from fieldapp.sync.station import is_station

    card = managed.value(STATION_CARD)
    if card is None or not session.officer.is_admin or is_station(session):
        return False
    if enrolled_station(session) is not None:
        enrol_station(session, card)  # the same card: nothing; another: refused, coded
        return False
    enrol_station(session, card)
    return True


def site_file() -> Path:
    """Where IT deploys the file on this machine."""
    env = os.environ.get(SITE_CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    folder = platformdirs.site_config_dir(APP_ID, appauthor=False, multipath=False)
    return Path(folder) / FILE_NAME


def load() -> Managed:
    """This machine's managed settings: none without a file; none (with its problems)
    when the file has any."""
    path = site_file()
    if not path.exists():
        return Managed()
    return check(path)


def check(path: Path) -> Managed:
    """Read and check one provisioning file; every problem is listed."""
    # Deferred for start-up time: the app reads this file before its first paint, and most
    # machines have none (tomllib alone is a fiftieth of the start to the login's paint).
    import tomllib

    from fieldapp.inputs import InputRefused, read_capped

    try:
        raw = read_capped(path, MAX_BYTES, "provisioning file")
    except InputRefused as refused:
        return _refused(path, Problem("file", None, refused.to_reason()))
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        reason = coded("provision_encoding", "The file is not UTF-8 text.")
        return _refused(path, Problem("file", None, reason))
    except tomllib.TOMLDecodeError as exc:
        # tomllib gives the position only inside its message (3.11): "(at line 3, column 9)".
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        reason = coded(
            "provision_syntax",
            f"Not valid TOML: {str(exc).split(' (at ')[0]}.",
            line=line or 0,
        )
        return _refused(path, Problem("file", line, reason))
    problems: list[Problem] = []
    values: dict[str, Any] = {}

    def problem(name: str, reason: Reason) -> None:
        problems.append(Problem(name, _line_of(text, name), reason))

    _check_header(data, problem)
    for name, value in data.items():
        if name in ("format", "version"):
            continue
        if name not in SETTINGS:
            known = ", ".join(SETTINGS)
            problem(
                name,
                coded(
                    "provision_unknown_setting",
                    f"Not a setting that can be managed (these can: {known}).",
                    name=name,
                ),
            )
            continue
        checked = _CHECKS[name](value, path.parent)
        if isinstance(checked, Reason):
            problem(name, checked)
        else:
            values[name] = checked
    if problems:
        return Managed(path, {}, tuple(problems))
    return Managed(path, values, ())


def _refused(path: Path, problem: Problem) -> Managed:
    return Managed(path, {}, (problem,))


def _check_header(data: dict[str, Any], problem: Callable[[str, Reason], None]) -> None:
    if data.get("format") != FORMAT:
        problem(
            "format",
            coded("provision_format", f'The file must begin with format = "{FORMAT}".'),
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem("version", coded("provision_version", f"version must be {VERSION}."))
    elif version > VERSION:
        problem(
            "version",
            coded(
                "provision_too_new",
                f"Written for a newer program (version {version}; this one reads {VERSION}).",
                version=version,
                supported=VERSION,
            ),
        )


def _line_of(text: str, name: str) -> int | None:
    """The line that sets ``name`` (a top-level key), for the message."""
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _not_text() -> Reason:
    # A code per kind of value (not the kind as a parameter): the UI has the whole sentence.
    return coded("provision_wrong_type", "Must be text.")


def _county(value: Any, _folder: Path) -> str | Reason:
    # Deferred for start-up time: the app reads this file before its first paint.
    from fieldapp.counties import county_ids, unknown_county

    if not isinstance(value, str):
        return _not_text()
    return value if value in county_ids() else unknown_county()


def _station_card(value: Any, folder: Path) -> Any:
    # Deferred for start-up time: the app reads this file before its first paint.
    from fieldapp.sync.station import StationCard

    if not isinstance(value, str) or not value.strip():
        return _not_text()
    card_path = folder / Path(value).expanduser()  # relative to the provisioning file
    if not card_path.is_file():
        return coded(
            "provision_station_card_missing",
            f"No station card at {card_path}.",
            path=str(card_path),
        )
    try:
        return StationCard.load(card_path)
    except KnownError as exc:
        return coded(
            "provision_station_card_invalid",
            f"{card_path} is not a valid station card ({exc.code}).",
            path=str(card_path),
            problem=exc.code,
        )


def _idle_minutes(value: Any, _folder: Path) -> int | Reason:
    if not isinstance(value, int) or isinstance(value, bool):
        return coded("provision_not_minutes", "Must be a whole number of minutes.")
    low, high = IDLE_MINUTES
    if not low <= value <= high:
        return coded(
            "provision_out_of_range",
            f"Must be between {low} and {high}.",
            low=low,
            high=high,
        )
    return value


def _language(value: Any, _folder: Path) -> str | Reason:
    if not isinstance(value, str):
        return _not_text()
    if value not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        return coded("provision_language", f"Must be one of {known}.", known=known)
    return value


def _printer(value: Any, _folder: Path) -> str | Reason:
    if not isinstance(value, str):
        return _not_text()
    name = value.strip()
    if not name or len(name) > PRINTER_MAX or any(ord(c) < 32 for c in name):
        return coded(
            "provision_printer",
            f"A printer's name: 1-{PRINTER_MAX} characters on one line.",
            limit=PRINTER_MAX,
        )
    return name


_CHECKS = {
    COUNTY: _county,
    STATION_CARD: _station_card,
    IDLE_LOCK_MINUTES: _idle_minutes,
    LANGUAGE: _language,
    PRINTER: _printer,
}
