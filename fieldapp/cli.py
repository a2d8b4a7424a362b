"""Headless commands: vault creation, officers, verification, the demo vault, and the
case commands (list, export, import; in ``cli_case``).

One convention for every command: ``--data-dir DIR`` before the subcommand; a command that
opens a vault takes ``--officer ID`` and ``--passphrase-file FILE`` or asks on a TTY.
Passphrases never come from argv and never reach a log. Exit codes: 0 success, 1 refused
or failed (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fieldapp import (
    APP_NAME,
    __version__,
    cli_ads,
    cli_case,
    cli_documents,
    cli_options,
    cli_sync,
    paths,
)
from fieldapp.cli_login import unlocked
from fieldapp.composition import open_vault
from fieldapp.errors import KnownError, coded
from fieldapp.officers import Role
from fieldapp.storage.vault import Vault

if TYPE_CHECKING:
    from fieldapp.storage.session import Session
    from fieldapp.workflow.access_log import Access, AccessFilter

EXIT_OK = cli_options.EXIT_OK
EXIT_FAILED = cli_options.EXIT_FAILED
EXIT_USAGE = cli_options.EXIT_USAGE

_log = logging.getLogger(__name__)

GUI_COMMANDS = frozenset({None, "screenshots", "self-test"})


class UsageError(Exception):
    """Wrong use of the command line (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    # No abbreviations: "--passphrase x" must never be read as "--passphrase-file x".
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        allow_abbrev=False,
        description=f"{APP_NAME}: field support for hotel operations. "
        "Without a command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    cli_options.add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser(
        "init", allow_abbrev=False, help="create a vault and its first administrator"
    )
    init.add_argument("--officer", required=True, metavar="ID", help="service id (tjänste-id)")
    init.add_argument("--name", required=True, help="the administrator's display name")
    _passphrase_file(init, "--passphrase-file", "the new administrator's passphrase")

    officer = sub.add_parser(
        "officer", allow_abbrev=False, help="enrol, list, remove officers; change passphrase"
    )
    osub = officer.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    add = osub.add_parser("add", allow_abbrev=False, help="enrol an officer (administrators only)")
    add.add_argument("new_officer", metavar="NEW_ID")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    _login_args(add)
    _passphrase_file(add, "--new-passphrase-file", "the new officer's passphrase")
    _login_args(osub.add_parser("list", allow_abbrev=False, help="list enrolled officers"))
    remove = osub.add_parser(
        "remove", allow_abbrev=False, help="remove an officer (administrators only)"
    )
    remove.add_argument("target", metavar="ID")
    _login_args(remove)
    passwd = osub.add_parser("passwd", allow_abbrev=False, help="change your own passphrase")
    _login_args(passwd)
    _passphrase_file(passwd, "--new-passphrase-file", "the new passphrase")

    verify = sub.add_parser(
        "verify", allow_abbrev=False, help="check the whole event chain and every signature"
    )
    verify.add_argument(
        "--deep",
        action="store_true",
        help="also replay the log and compare every projection (what the screens show)",
    )
    _login_args(verify)
    log = sub.add_parser(
        "access-log",
        allow_abbrev=False,
        help="who opened which record, when (administrators; the listing is logged too)",
    )
    log.add_argument("--case", dest="case_id", metavar="ID", help="records of this case")
    log.add_argument("--person", dest="person_id", metavar="ID", help="this person's record")
    log.add_argument("--by", dest="by_officer", metavar="ID", help="opened by this officer")
    log.add_argument("--since", metavar="YYYY-MM-DD", help="from this day (local time)")
    log.add_argument("--until", metavar="YYYY-MM-DD", help="through this day")
    _login_args(log)
    # A PostgreSQL station's log instead (--officer: the staff member who unlocks it).
    cli_sync.database_args(log)

    cli_case.add_parser(sub, _login_args)
    cli_documents.add_parsers(sub, _login_args)
    cli_ads.add_parsers(sub, _login_args)
    cli_sync.add_parsers(sub, _login_args)

    provision = sub.add_parser(
        "provision",
        allow_abbrev=False,
        help="the machine-wide settings IT deploys: show this machine's, or check a file",
    )
    provision.add_argument(
        "--check", type=Path, metavar="FILE", help="check this file (default: this machine's)"
    )

    demo = sub.add_parser(
        "demo", allow_abbrev=False, help="create a vault filled with invented demo data"
    )
    # Its own name for the folder: a subcommand's default would overwrite the global one.
    demo.add_argument(
        "--data-dir", dest="demo_dir", metavar="DIR", help="an empty or new folder for it"
    )

    self_test = sub.add_parser(
        "self-test",
        allow_abbrev=False,
        help="check this installation: SQLCipher with FTS5, the crypto, fonts, QtPdf, "
        "PostgreSQL's client",
    )
    self_test.add_argument(
        "--database",
        metavar="TARGET",
        help="also connect to this station database (a libpq URL, conninfo or service; "
        "the password from a service or password file)",
    )

    shots = sub.add_parser(
        "screenshots", allow_abbrev=False, help="save PNG screenshots of the screens (demo data)"
    )
    shots.add_argument("--out", required=True, type=Path, metavar="DIR")
    return parser


def _login_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--officer", required=True, metavar="ID", help="your service id")
    _passphrase_file(p, "--passphrase-file", "your passphrase")


def _passphrase_file(p: argparse.ArgumentParser, flag: str, what: str) -> None:
    p.add_argument(
        flag, type=Path, metavar="FILE", help=f"file holding {what} (asked on a TTY if omitted)"
    )


class Prompter:
    """Reads passphrases from files or, on a terminal, from the keyboard without echo."""

    def __init__(self, stdin: TextIO = sys.stdin, ask: Callable[[str], str] = getpass.getpass):
        self._stdin = stdin
        self._ask = ask

    def passphrase(self, file: Path | None, what: str, *, confirm: bool = False) -> str:
        if file is not None:
            try:
                text = file.read_text("utf-8")
            except OSError as exc:
                raise KnownError(
                    coded(
                        "file_unreadable",
                        f"Cannot read the passphrase file {file}: {exc.strerror}.",
                    )
                ) from None
            lines = text.splitlines()
            if not lines or not lines[0]:
                raise KnownError(coded("file_empty", f"The passphrase file {file} is empty."))
            return lines[0]
        if not self._stdin.isatty():
            raise UsageError(f"{what}: give it in a file (see --help); there is no terminal.")
        first = self._ask(f"{what}: ")
        if confirm and self._ask(f"{what} (again): ") != first:
            raise KnownError(coded("entries_differ", f"{what}: the two entries differ."))
        return first


def run(
    args: argparse.Namespace, *, out: TextIO = sys.stdout, prompter: Prompter | None = None
) -> int:
    """Run a headless command; ``KnownError`` becomes exit 1 with one line on stderr."""
    prompter = prompter or Prompter()
    vault = open_vault(paths.data_dir(args.data_dir))
    try:
        return _dispatch(args, vault, out, prompter)
    except UsageError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KnownError as exc:
        _log.info("refused: %s", exc.code)  # the code only: the message may quote data
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader stopped early (`fieldapp case list | head -1`): nothing went wrong.
        _detach(out)
        return EXIT_OK


def _detach(out: TextIO) -> None:
    """Point ``out`` at /dev/null, so the interpreter's last flush does not fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


def _dispatch(args: argparse.Namespace, vault: Vault, out: TextIO, prompter: Prompter) -> int:
    if args.command == "init":
        passphrase = prompter.passphrase(args.passphrase_file, "New passphrase", confirm=True)
        session = vault.create(args.officer, args.name, passphrase)
        try:
            # Deferred for start-up time: loaded only by the command that needs it.
            from fieldapp import provisioning

            enrolled = provisioning.enrol_managed_station(session, provisioning.load())
        finally:
            session.lock()
        print(f"Created a vault in {vault.data_dir} with administrator {args.officer}.", file=out)
        if enrolled:
            print("Enrolled the station card IT manages on this machine.", file=out)
        return EXIT_OK
    if args.command == "demo":
        return _demo(args, out)
    if args.command == "provision":
        return _provision(args.check, out)
    if args.command in cli_documents.COMMANDS:
        return cli_documents.run(args, vault, out, prompter)
    if args.command in cli_ads.COMMANDS:
        return cli_ads.run(args, vault, out, prompter)
    if args.command in cli_sync.COMMANDS and getattr(args, "database", None):
        # Deferred for start-up time: the PostgreSQL driver loads only for a station in it.
        from fieldapp import cli_station_pg

        return cli_station_pg.run(args, out, prompter)
    if args.command in cli_sync.COMMANDS:
        return cli_sync.run(args, vault, out, prompter)
    if args.command == "access-log" and getattr(args, "database", None):
        # Deferred for start-up time: the PostgreSQL driver loads only for a station in it.
        from fieldapp import cli_station_pg
        from fieldapp.sync import pg_staff

        store = cli_station_pg.unlocked(args, prompter)
        try:
            return _access_log(
                args, lambda wanted: pg_staff.access_log(store, wanted), store.device_id, out
            )
        finally:
            store.close()
    with unlocked(args, vault, prompter) as session:
        if args.command == "verify":
            return _verify(session, out, deep=args.deep)
        if args.command == "access-log":
            # Deferred for start-up time: loaded only when this command runs.
            from fieldapp.workflow.access_log import access_log
            from fieldapp.workflow.context import Context

            ctx = Context(session)
            return _access_log(args, lambda wanted: access_log(ctx, wanted), session.device_id, out)
        if args.command == "case":
            return EXIT_OK if cli_case.run(args, session, out) else EXIT_FAILED
        return _officer_command(args, session, out, prompter)


def _verify(session: Session, out: TextIO, *, deep: bool = False) -> int:
    """The chain (``deep``: and the projections against a replay); at a station also that
    every case a laptop purged is still held."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.archive import check_archive

    report = session.verify(deep=deep)
    if not report.ok:
        print(report.summary(), file=out)
        return EXIT_FAILED
    problem = check_archive(session)
    if problem:
        print(f"BROKEN: {problem}", file=out)
        return EXIT_FAILED
    print(report.summary(), file=out)
    return EXIT_OK


def _access_log(
    args: argparse.Namespace,
    listing: Callable[[AccessFilter], list[Access]],
    device_id: str,
    out: TextIO,
) -> int:
    """The access log of a vault or (``--database``) a PostgreSQL station: ``listing``
    lists and logs the listing; ``device_id`` is this computer's (or station's)."""
    from datetime import datetime

    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.workflow.access_log import AccessFilter, parse_day

    wanted = AccessFilter(
        case_id=args.case_id,
        person_id=args.person_id,
        officer_id=args.by_officer,
        since=parse_day(args.since, "since") if args.since else None,
        until=parse_day(args.until, "until") if args.until else None,
    )
    found = listing(wanted)
    print(f"{len(found)} access(es); this listing is logged as one more.", file=out)
    for a in found:
        when = datetime.fromisoformat(a.wall_time).astimezone().strftime("%Y-%m-%d %H:%M")
        who = f"{a.officer_name} ({a.officer_id})" if a.officer_name else a.officer_id
        where = "this computer" if a.device_id == device_id else a.device_id[:8]
        what = f"{a.role or a.entity_type} {a.entity_id}"
        why = a.action + (f" ({a.purpose})" if a.purpose else "")
        row = (when, who, where, what, f"case {a.case_id}" if a.case_id else "-", why)
        print("\t".join(row), file=out)
    return EXIT_OK


def _provision(path: Path | None, out: TextIO) -> int:
    """Every problem of a provisioning file, with its line and setting; or what it manages."""
    # Deferred for start-up time: loaded only by the command that needs it.
    from fieldapp import provisioning

    if path is not None and not path.exists():
        raise KnownError(coded("provision_missing", f"{path}: no such file.", path=str(path)))
    path = path or provisioning.site_file()
    if not path.exists():
        print(f"{path}: no provisioning file; nothing is managed on this machine.", file=out)
        return EXIT_OK
    managed = provisioning.check(path)
    for problem in managed.problems:
        print(problem.text(path), file=out)
    if managed.problems:
        count = len(managed.problems)
        print(f"{count} problem(s): nothing in {path} applies until every one is fixed.", file=out)
        return EXIT_FAILED
    print(f"{path}: valid. Managed on this machine:", file=out)
    for name in provisioning.SETTINGS:
        if managed.is_managed(name):
            print(f"  {name} = {_managed_text(managed.value(name))}", file=out)
    return EXIT_OK


def _managed_text(value: object) -> str:
    # Deferred for start-up time: loaded only by the command that needs it.
    from fieldapp.sync.station import StationCard

    if isinstance(value, StationCard):
        return f"station card of {value.name} ({value.fingerprint})"
    return str(value)


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.demo import DEMO_OFFICER_ID, DEMO_OFFICER_NAME, build_demo_vault

    folder = args.demo_dir or args.data_dir
    if not folder:
        # Never the default data folder: the demo must not land where a real vault lives.
        raise UsageError("demo: name an empty or new folder with --data-dir DIR.")
    passphrase = build_demo_vault(Path(folder).expanduser())
    print(f"Demo vault with invented data in {folder}.", file=out)
    print(f"Officer: {DEMO_OFFICER_ID} ({DEMO_OFFICER_NAME})", file=out)
    print(f"Passphrase: {passphrase}", file=out)
    return EXIT_OK


def _officer_command(
    args: argparse.Namespace, session: Session, out: TextIO, prompter: Prompter
) -> int:
    action = args.officer_command
    if action == "list":
        for o in session.officers():
            print(f"{o.officer_id}\t{o.role.value}\t{o.display_name}", file=out)
    elif action == "add":
        new = prompter.passphrase(
            args.new_passphrase_file, f"Passphrase for {args.new_officer}", confirm=True
        )
        officer = session.enrol_officer(args.new_officer, args.name, args.role, new)
        print(f"Enrolled {officer.officer_id} as {officer.role.value}.", file=out)
    elif action == "remove":
        session.remove_officer(args.target)
        print(f"Removed {args.target}; their key slot is deleted.", file=out)
    elif action == "passwd":
        old = prompter.passphrase(args.passphrase_file, "Current passphrase")
        new = prompter.passphrase(args.new_passphrase_file, "New passphrase", confirm=True)
        session.change_passphrase(old, new)
        print("Passphrase changed.", file=out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Headless entry point (the GUI commands are dispatched by ``main.py``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in GUI_COMMANDS:
        parser.error("this command needs the desktop application: run 'fieldapp' itself")
    return run(args)


if __name__ == "__main__":
    os._exit(main())
