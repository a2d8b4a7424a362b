"""Composition root: parse the command line, build the services, hand them to the UI or
the headless CLI. The only place that knows both ``fieldapp`` and ``ui``."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from fieldapp import cli, paths
from fieldapp.diagnostics import safe_traceback
from fieldapp.errors import KnownError


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "screenshots":
            from ui.screenshots import save_screenshots

            saved = save_screenshots(args.out, language=args.lang)
            print(f"Saved {len(saved)} screenshots in {args.out}.")
            return cli.EXIT_OK
        if args.command is None:
            return _run_gui(args)
        return cli.run(args)
    except KnownError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return cli.EXIT_FAILED
    except Exception as exc:  # our bug: report where, never what (it may be personal data)
        logging.getLogger("fieldapp").error("internal error\n%s", safe_traceback(exc))
        print("fieldapp: internal error (a bug in fieldapp); details above.", file=sys.stderr)
        return cli.EXIT_FAILED


def _run_gui(args: argparse.Namespace) -> int:
    from fieldapp.storage.vault import Vault
    from ui.app import run_gui

    lang = args.lang
    if args.demo:
        from fieldapp.demo_keys import DEMO_OFFICER_ID, create_demo_vault

        vault = Vault(Path(tempfile.mkdtemp(prefix="fieldapp-demo-")) / "vault")
        # The demo vault, with its invented operation and cases, is thrown away on exit.
        # Its officers before the login shows; the operation once the login is painted.
        session = None
        try:
            session, passphrase = create_demo_vault(vault.data_dir)
            filling = session

            def fill() -> None:
                from fieldapp.demo import fill_demo_vault

                fill_demo_vault(filling)

            return run_gui(
                vault,
                language=lang,
                demo_passphrase=passphrase,
                demo_officer_id=DEMO_OFFICER_ID,
                after_first_paint=fill,
            )
        finally:
            if session is not None:
                session.lock()  # filled and locked already, unless the login never painted
            vault.destroy()
            shutil.rmtree(vault.data_dir.parent, ignore_errors=True)
    return run_gui(Vault(paths.data_dir(args.data_dir)), language=lang)


if __name__ == "__main__":
    sys.exit(main())
