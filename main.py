"""Composition root: parse the command line, build the services, hand them to the UI or
the headless CLI. The only place that knows both ``fieldapp`` and ``ui``.

Start-up is benchmarked to the login's first paint: a plain desktop start is read by
``fieldapp.cli_options`` (the global options, the same as the full parser's), and the full
CLI, with every command's modules, loads only for a command line with more in it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import __version__, cli_options, logs
from fieldapp.cli_options import EXIT_FAILED, EXIT_OK, DesktopStart
from fieldapp.errors import KnownError

if TYPE_CHECKING:
    import argparse

    from fieldapp import provisioning as provisioning_types

_log = logging.getLogger("fieldapp")


def parse_arguments(argv: Sequence[str]) -> DesktopStart | argparse.Namespace:
    """A plain desktop start read by the quick parser; anything else by the full CLI's
    (which exits with its usage message on a wrong command line)."""
    start = cli_options.desktop_start(argv)
    if start is not None:
        return start
    from fieldapp import cli  # Deferred for start-up time: a command line with more in it

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # a desktop start the quick parser left to it ("--data-dir -")
        return DesktopStart(
            args.data_dir, args.demo, args.lang, args.gui_database, args.gui_ask_password
        )
    if args.gui_database:
        # Never a command run on the vault when a database was meant.
        parser.error("--database before a command opens the app; give it after the command")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    # The desktop app opens the log file once its first window is painted (run_gui; the
    # station's pages on PostgreSQL are not timed: at once).
    logs.install(wait=isinstance(args, DesktopStart) and not args.gui_database)
    # The command's name only: its arguments may name files or people.
    _log.info("fieldapp %s: %s", __version__, args.command or "desktop app")
    try:
        if isinstance(args, DesktopStart):
            return _run_gui(args)
        if args.command == "screenshots":
            from ui.screenshots import save_screenshots

            saved = save_screenshots(args.out, language=args.lang)
            print(f"Saved {len(saved)} screenshots in {args.out}.")
            return EXIT_OK
        if args.command == "self-test":
            return _self_test(args.database)
        from fieldapp import cli  # Deferred for start-up time: loaded for a command only

        return cli.run(args)
    except KnownError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # our bug: report where, never what (it may be personal data)
        logs.log_bug(exc, args.command or "desktop app")
        print(
            f"fieldapp: internal error (a bug in fieldapp); the log is {logs.where_text()}",
            file=sys.stderr,
        )
        return EXIT_FAILED


def _self_test(database: str | None) -> int:
    """Every check of the core and of Qt, one line each; exit 1 if any failed.
    ``database``: a station's PostgreSQL database to connect to as well."""
    from fieldapp.selftest import core_checks, run_checks
    from ui.selftest import qt_checks

    results = run_checks(core_checks(database) + qt_checks())
    for result in results:
        print(f"{'ok ' if result.ok else 'FAIL'} {result.name}: {result.detail}")
    failed = [r.name for r in results if not r.ok]
    for name in failed:
        _log.error("self-test failed: %s", name)
    return EXIT_FAILED if failed else EXIT_OK


def _run_gui(start: DesktopStart) -> int:
    from fieldapp import paths, provisioning
    from fieldapp.composition import open_vault
    from ui.app import run_gui

    managed = provisioning.load()
    for problem in managed.problems:  # the app runs on local settings; IT reads the log
        _log.warning("provisioning file ignored: %s: %s", problem.setting, problem.reason.code)
    lang = managed.value(provisioning.LANGUAGE) or start.lang
    if start.gui_database:
        return _run_station_gui(start, lang, managed)
    if start.demo:
        import shutil  # Deferred for start-up time: the demo's folder only
        import tempfile

        from fieldapp.demo_keys import DEMO_OFFICER_ID, create_demo_vault

        vault = open_vault(Path(tempfile.mkdtemp(prefix="fieldapp-demo-")) / "vault")
        # The demo vault, with its invented operation and cases, is thrown away on exit.
        # Its officers before the login shows; the operation once the login is painted, on
        # a thread (typing into the login goes on meanwhile), through a session of its own:
        # a connection belongs to the thread that opened it.
        try:
            session, passphrase = create_demo_vault(vault.data_dir)
            open_filling = session.sibling_opener()
            session.lock()

            def fill() -> None:
                from fieldapp.demo import fill_demo_vault  # Deferred for start-up time

                fill_demo_vault(open_filling())  # locks it when done

            return run_gui(
                vault,
                language=lang,
                demo_passphrase=passphrase,
                demo_officer_id=DEMO_OFFICER_ID,
                after_first_paint=fill,
                managed=managed,
            )
        finally:
            vault.destroy()  # run_gui has waited for the filling to end
            shutil.rmtree(vault.data_dir.parent, ignore_errors=True)
    return run_gui(open_vault(paths.data_dir(start.data_dir)), language=lang, managed=managed)


def _run_station_gui(start: DesktopStart, lang: str, managed: provisioning_types.Managed) -> int:
    """The station's pages on PostgreSQL (issue #18); a password in the address refused."""
    # Deferred for start-up time: the driver loads only for a station in PostgreSQL.
    from fieldapp import paths
    from fieldapp.sync.pg_store import refuse_password_in_target
    from ui.station_pg_app import run_station_gui

    target = str(start.gui_database)
    refuse_password_in_target(target)
    return run_station_gui(
        target,
        ask_password=start.gui_ask_password,
        language=lang,
        managed=managed,
        data_dir=paths.data_dir(start.data_dir),
    )


if __name__ == "__main__":
    # A frozen build starts its second process (fieldapp.second_process) through this
    # executable: freeze_support lets that child run the pool's work instead of the app.
    # It does nothing unless frozen, and importing multiprocessing costs a twentieth of
    # the start to the login's first paint: only a frozen build imports it here.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
