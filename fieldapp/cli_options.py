"""The command line's global options (those before any command), declared once: the full
parser (``fieldapp.cli.build_parser``) adds them to its argparse parser, and ``main.py``
reads a plain desktop start with them (``desktop_start``) without building that parser.

Start-up is benchmarked to the login's first paint, and the full parser costs a fifth of
the login process before it: every command's module (and with them the storage, sync and
documents layers) and a few hundred argparse actions. ``desktop_start`` answers only for a
command line it reads exactly as argparse would; anything else (a command, ``--help``,
``--version``, an option it does not know, a value argparse would refuse) is left to the
full parser, with its usual messages (tests/unit/test_cli_options.py holds the two to the
same answers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from fieldapp import paths

if TYPE_CHECKING:
    import argparse

# Exit codes of every command (``fieldapp.cli`` re-exports them).
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class GlobalOption(NamedTuple):
    """One option before the command. ``choices`` None: any value; ``value`` False: a
    flag (``store_true``)."""

    flag: str
    dest: str
    help: str
    value: bool = True
    metavar: str | None = None
    choices: tuple[str, ...] | None = None
    default: str | bool | None = None


GLOBAL_OPTIONS: tuple[GlobalOption, ...] = (
    GlobalOption(
        "--data-dir",
        "data_dir",
        f"the vault's folder (default: ${paths.DATA_DIR_ENV} or the user data folder)",
        metavar="DIR",
    ),
    GlobalOption(
        "--demo",
        "demo",
        "open the app on a throwaway demo vault with invented data",
        value=False,
        default=False,
    ),
    GlobalOption("--lang", "lang", "user interface language", choices=("sv", "en"), default="sv"),
    # Their own names: a station command's --database and --ask-password are its own.
    GlobalOption(
        "--database",
        "gui_database",
        "open the app on a PostgreSQL station's pages: libpq URL or service name "
        "(no password in it); a command takes its own --database after its name",
        metavar="TARGET",
    ),
    GlobalOption(
        "--ask-password",
        "gui_ask_password",
        "with --database: ask for the database password in the login",
        value=False,
        default=False,
    ),
)

_BY_FLAG = {option.flag: option for option in GLOBAL_OPTIONS}


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """The global options, on the full parser."""
    for option in GLOBAL_OPTIONS:
        if option.value:
            parser.add_argument(
                option.flag,
                dest=option.dest,
                metavar=option.metavar,
                choices=option.choices,
                default=option.default,
                help=option.help,
            )
        else:
            parser.add_argument(
                option.flag, dest=option.dest, action="store_true", help=option.help
            )


class DesktopStart(NamedTuple):
    """A command line without a command: the desktop app, with the global options."""

    data_dir: str | None
    demo: bool
    lang: str
    gui_database: str | None = None
    gui_ask_password: bool = False
    command: None = None


def desktop_start(argv: Sequence[str]) -> DesktopStart | None:
    """The global options of ``argv`` if it holds nothing else; ``None`` when the full
    parser must read it (a command, help, version, anything unknown or malformed)."""
    values: dict[str, str | bool | None] = {o.dest: o.default for o in GLOBAL_OPTIONS}
    args = iter(argv)
    for arg in args:
        flag, equals, value = arg.partition("=")
        option = _BY_FLAG.get(flag)
        if option is None:
            return None
        if not option.value:
            if equals:  # argparse refuses a value given to a flag
                return None
            values[option.dest] = True
            continue
        if not equals:
            value = next(args, "-")
            # argparse reads a word that starts with "-" as the next option (with some
            # exceptions, left to it): a missing value.
            if value.startswith("-"):
                return None
        if option.choices is not None and value not in option.choices:
            return None
        values[option.dest] = value
    return DesktopStart(**values)  # type: ignore[arg-type]
