"""The document commands of the CLI, for station staff and scripts:

    fieldapp print KIND --case ID [--buyer ID] [--lang LANG] --out FILE.pdf
    fieldapp print leaflet --role seller|buyer --lang ro,ru [--copies N] [--operation ID]
                   --out FILE.pdf                (no case: a stack of leaflets, one PDF)
    fieldapp report --operation ID --out FILE.pdf [--database TARGET]  (a PostgreSQL station)

KIND is approval, leaflet-seller, leaflet-buyer, summary or hotel-sheet (the hotel sheet
takes ``--operation`` instead of ``--case`` if there is no case to start from). Same
conventions as ``cli.py``: ``--officer`` and ``--passphrase-file``, results on stdout,
refusals as one line on stderr, exit 0/1/2. A PDF written to disk has left the encrypted
vault, so every write also prints a one-line warning on stderr.

``main.py`` builds the parser even to open the desktop app, so the workflow and ReportLab
are imported only when a document command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldapp.cli_login import Prompter, unlocked
from fieldapp.cli_sync import required_options, station_login_args
from fieldapp.errors import KnownError, coded

if TYPE_CHECKING:
    from fieldapp.storage.session import Session
    from fieldapp.storage.vault import Vault
    from fieldapp.workflow.context import Context

COMMANDS = frozenset({"print", "report"})
PRINT_KINDS = (
    "approval",
    "leaflet",
    "leaflet-seller",
    "leaflet-buyer",
    "summary",
    "hotel-sheet",
)
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
LEAVES_VAULT = (
    "fieldapp: warning: {path} is an unencrypted copy outside the vault; "
    "keep it safe and delete it when done."
)


UNREVIEWED = (
    "fieldapp: warning: the {language} text is a translation no native speaker has "
    "reviewed yet; the paper is marked so."
)


def add_parsers(subparsers: Any, login_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """``print`` and ``report`` under ``subparsers`` (the CLI's subcommands)."""
    pr = subparsers.add_parser(
        "print", allow_abbrev=False, help="write a document of a case as PDF (leaves the vault)"
    )
    pr.add_argument("kind", choices=PRINT_KINDS, metavar="KIND", help=", ".join(PRINT_KINDS))
    pr.add_argument("--case", dest="case_id", metavar="ID")
    pr.add_argument(
        "--operation",
        dest="operation_id",
        metavar="ID",
        help="hotel-sheet, leaflet: the operation (its county, its contacts)",
    )
    pr.add_argument(
        "--role", choices=("seller", "buyer"), help="leaflet: for the seller or the buyer"
    )
    pr.add_argument(
        "--copies", type=int, default=1, metavar="N", help="leaflet: copies of each language"
    )
    pr.add_argument("--buyer", dest="buyer_id", metavar="ID", help="approval: which buyer")
    pr.add_argument(
        "--lang",
        dest="doc_lang",
        default="sv",
        metavar="LANG",
        help="leaflets and hotel sheet: the document's language (default sv); 'leaflet' "
        "takes several, comma-separated (ro,ru,en); approval: adds an information page in "
        "that language to the Swedish form; summary: sv only",
    )
    pr.add_argument(
        "--description-file",
        type=Path,
        metavar="FILE",
        help="approval: the description of the act, replacing the drafted one",
    )
    pr.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    login_args(pr)
    report = subparsers.add_parser(
        "report", allow_abbrev=False, help="write the operation report as PDF"
    )
    report.add_argument("--operation", dest="operation_id", required=True, metavar="ID")
    report.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    station_login_args(report)  # a vault's login, or a PostgreSQL station's --database


def run(args: argparse.Namespace, vault: Vault, out: TextIO, prompter: Prompter) -> int:
    """Build the document and write it; ``KnownError`` becomes exit 1 with one line."""
    try:
        _check_usage(args)
    except _Usage as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if getattr(args, "database", None):
            # Deferred for start-up time: the PostgreSQL driver loads only for it.
            from fieldapp.cli_station_pg import report_pdf

            pdf = report_pdf(args, prompter)
        else:
            required_options(args, "officer")
            with unlocked(args, vault, prompter) as session:
                pdf = _build(args, session)
        _write(args.out, pdf)
    except KnownError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    print(LEAVES_VAULT.format(path=args.out), file=sys.stderr)
    if _unreviewed(args):
        print(UNREVIEWED.format(language=args.doc_lang), file=sys.stderr)
    print(f"Wrote {args.out} ({len(pdf):,} bytes).", file=out)
    return EXIT_OK


class _Usage(Exception):
    pass


def _check_usage(args: argparse.Namespace) -> None:
    if args.command == "print":
        if args.kind == "leaflet":
            if not args.role:
                raise _Usage("print leaflet: give --role seller or --role buyer.")
            if args.case_id:
                raise _Usage("print leaflet: needs no case (leaflet-seller/-buyer take one).")
        elif args.kind == "hotel-sheet":
            if not (args.case_id or args.operation_id):
                raise _Usage("print hotel-sheet: give --case ID or --operation ID.")
        elif not args.case_id:
            raise _Usage(f"print {args.kind}: --case ID is required.")
    if args.out.suffix.lower() != ".pdf":
        raise _Usage("--out: the file name must end in .pdf.")


def _build(args: argparse.Namespace, session: Session) -> bytes:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.documents import service
    from fieldapp.documents.leaflet_texts import Audience
    from fieldapp.workflow.context import Context

    ctx = Context(session)
    if args.command == "report":
        return service.operation_report_pdf(ctx, args.operation_id)
    kind = args.kind
    if kind == "leaflet":
        from fieldapp.documents.material import leaflet_stack_pdf

        audience = Audience.SELLER if args.role == "seller" else Audience.BUYER
        languages = args.doc_lang.split(",")
        return leaflet_stack_pdf(ctx, audience, languages, args.copies, args.operation_id)
    service.require_language(service.DocumentKind(kind), args.doc_lang)
    if kind == "approval":
        return service.approval_pdf(
            ctx,
            args.case_id,
            args.buyer_id,
            description=_description(args.description_file),
            info_language=None if args.doc_lang == "sv" else args.doc_lang,
        )
    if kind in ("leaflet-seller", "leaflet-buyer"):
        audience = Audience.SELLER if kind == "leaflet-seller" else Audience.BUYER
        return service.leaflet_pdf(ctx, args.case_id, audience, args.doc_lang)
    if kind == "summary":
        return service.case_summary_pdf(ctx, args.case_id)
    return service.hotel_sheet_pdf(ctx, _operation_of(ctx, args), args.doc_lang)


def _unreviewed(args: argparse.Namespace) -> bool:
    """A leaflet printed in a language whose texts are not reviewed (the UI says so too)."""
    if args.command != "print" or args.doc_lang == "sv":
        return False
    if not args.kind.startswith("leaflet-") and args.kind != "approval":
        return False
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.documents.leaflet_texts import load_leaflet_texts

    return not load_leaflet_texts(args.doc_lang).reviewed


def _operation_of(ctx: Context, args: argparse.Namespace) -> str:
    if args.operation_id:
        return str(args.operation_id)
    case = ctx.require("case", args.case_id, "case_id")
    if not case.operation_id:
        raise KnownError(
            coded(
                "case_without_operation",
                "Case: it belongs to no operation, so there is no county tip line.",
            )
        )
    return case.operation_id


def _description(file: Path | None) -> str | None:
    if file is None:
        return None
    try:
        return file.read_text("utf-8")
    except OSError as exc:
        raise KnownError(
            coded("file_unreadable", f"Cannot read the description file {file}: {exc.strerror}.")
        ) from None


def _write(path: Path, pdf: bytes) -> None:
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise KnownError(
            coded("file_unwritable", f"Cannot write {path}: {exc.strerror}.")
        ) from None
