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
    from fieldapp.composition import open_vault
    from ui.app import run_gui

    lang = args.lang
    if args.demo:
        from fieldapp.demo import DEMO_OFFICER_ID, build_demo_vault

        vault = open_vault(Path(tempfile.mkdtemp(prefix="fieldapp-demo-")) / "vault")
        # The demo vault, with its invented operation and cases, is thrown away on exit.
        try:
            passphrase = build_demo_vault(vault.data_dir)
            return run_gui(
                vault,
                language=lang,
                demo_passphrase=passphrase,
                demo_officer_id=DEMO_OFFICER_ID,
            )
        finally:
            vault.destroy()
            shutil.rmtree(vault.data_dir.parent, ignore_errors=True)
    return run_gui(open_vault(paths.data_dir(args.data_dir)), language=lang)


if __name__ == "__main__":
    sys.exit(main())
