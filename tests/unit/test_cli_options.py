"""The quick parser of a desktop start (``fieldapp.cli_options.desktop_start``, what
``main.py`` reads a command line with first) and the full CLI parser agree on every global
option: the quick one answers only for what the full one reads the same way, and leaves
the rest (a command, help, version, anything unknown or malformed) to it."""

from __future__ import annotations

import argparse
import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import main
from fieldapp import cli
from fieldapp.cli_options import GLOBAL_OPTIONS, DesktopStart, desktop_start

FULL_ONLY = {"help", "version"}  # the full parser's own: printed, then exit


def _full(argv: list[str]) -> argparse.Namespace | None:
    """The full parser's reading of ``argv``, or None where it refuses it (exit 2) or
    prints help or version and exits."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return cli.build_parser().parse_args(argv)
        except SystemExit:
            return None


def _globals(args: argparse.Namespace | DesktopStart) -> dict[str, object]:
    return {option.dest: getattr(args, option.dest) for option in GLOBAL_OPTIONS} | {
        "command": args.command
    }


def test_the_full_parser_has_exactly_the_shared_global_options() -> None:
    parser = cli.build_parser()
    actions = {
        a.option_strings[0]: a
        for a in parser._actions
        if a.option_strings and a.dest not in FULL_ONLY
    }
    assert sorted(actions) == sorted(o.flag for o in GLOBAL_OPTIONS)
    for option in GLOBAL_OPTIONS:
        action = actions[option.flag]
        assert action.option_strings == [option.flag]
        assert action.dest == option.dest
        assert action.default == option.default
        assert action.help == option.help
        assert action.nargs == (None if option.value else 0)
        assert action.choices == option.choices
        assert action.metavar == option.metavar


# Words a command line is made of: every global option (alone and with "=value"), values
# good and bad, commands, the PG station's options (a command's, never global), help.
_FLAGS = [o.flag for o in GLOBAL_OPTIONS]
_VALUES = ["sv", "en", "xx", "", "D", "-", "-x", "a b", "-a b", "verify", "--demo", "="]
_WORDS = (
    _FLAGS
    + [f"{flag}={value}" for flag in _FLAGS for value in _VALUES]
    + _VALUES
    + ["init", "station", "laptops", "self-test", "screenshots", "--out", "O"]
    + ["--database", "postgresql://h/db", "--expect-station", "--officer", "B1"]
    + ["--help", "-h", "--version", "--", "--data", "--dem", "-d", "--LANG"]
)


@given(st.lists(st.sampled_from(_WORDS), max_size=6))
@example([])
@example(["--data-dir", "-", "--lang", "en"])
@example(["--data-dir=-x"])
@example(["--demo=1"])
@example(["--data-dir"])
def test_the_quick_parser_answers_only_as_the_full_one_does(argv: list[str]) -> None:
    quick = desktop_start(argv)
    if quick is None:
        return
    full = _full(argv)
    assert full is not None, argv
    assert _globals(quick) == _globals(full), argv


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--data-dir", "/tmp/vault"],
        ["--data-dir=/tmp/vault", "--lang", "en"],
        ["--lang=en", "--demo", "--data-dir", "verify"],  # a folder named like a command
        ["--data-dir", ""],
        ["--lang", "sv", "--lang", "en"],  # the last one wins, as in argparse
        ["--database", "service=station", "--ask-password"],  # the PG station's pages
        ["--database=host=/run/pg dbname=station", "--lang", "en"],
    ],
)
def test_a_plain_desktop_start_takes_the_quick_path(argv: list[str]) -> None:
    quick = desktop_start(argv)
    assert quick is not None
    full = _full(argv)
    assert full is not None and _globals(quick) == _globals(full)
    assert main.parse_arguments(argv) == quick


def test_a_desktop_start_the_quick_parser_leaves_is_still_a_desktop_start() -> None:
    argv = ["--data-dir", "-", "--lang", "en"]  # argparse reads "-" as a value
    assert desktop_start(argv) is None
    assert main.parse_arguments(argv) == DesktopStart("-", False, "en")


@pytest.mark.parametrize(
    "argv",
    [
        ["verify", "--officer", "B1"],
        ["--data-dir", "D", "station", "laptops", "--database", "postgresql://h/db"],
        ["station", "card", "--database", "svc", "--expect-station", "AB12", "--out", "c.json"],
        ["sync", "cases", "--database", "svc", "--expect-station", "AB12"],
        ["--lang", "en", "self-test"],
    ],
)
def test_a_command_line_with_a_command_is_read_by_the_full_parser(argv: list[str]) -> None:
    assert desktop_start(argv) is None
    assert main.parse_arguments(argv) == _full(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "xx"],
        ["--database"],
        ["--ask-password=1"],
        ["--dem"],
        ["-h"],
        # --database before a command: the app's, never the command's (main refuses it).
        ["--database", "svc", "sync", "review"],
    ],
)
def test_a_wrong_start_gets_the_full_parser_s_answer(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main.parse_arguments(argv)
    out, err = capsys.readouterr()
    assert exited.value.code == (0 if argv == ["-h"] else 2)
    assert "usage: fieldapp" in out + err


def test_main_starts_no_full_cli_for_the_desktop_app(tmp_path: Path) -> None:
    # In a fresh interpreter: reading a desktop start loads no command's module.
    import subprocess
    import sys

    code = (
        "import sys, main; main.parse_arguments(['--data-dir', 'D']); "
        "print(sorted(m for m in sys.modules if m.startswith('fieldapp.cli')))"
    )
    root = Path(main.__file__).resolve().parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['fieldapp.cli_options']"
