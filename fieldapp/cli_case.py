"""The ``case`` commands of the CLI: list the cases, export one as JSON, import one.

Kept apart from ``cli.py`` so that file stays about vaults and officers; ``cli.py`` adds
these parsers and hands over an unlocked session. Same conventions: results on stdout,
refusals on stderr, no personal data in any message.

``main.py`` builds the parser even to open the desktop app, so this module imports the
workflow (SQLCipher, signing, the JSON Schema library) only when a case command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.inputs import CASE_DOCUMENT_MAX_BYTES, read_capped

if TYPE_CHECKING:
    from fieldapp.storage.session import Session
    from fieldapp.workflow.context import Context

# A case document is a few hundred kB at most; a much bigger file is not one.
MAX_DOCUMENT_BYTES = CASE_DOCUMENT_MAX_BYTES


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    login_args: Callable[[argparse.ArgumentParser], None],
) -> argparse.ArgumentParser:
    """``case list|export|import`` under ``sub`` (the CLI's subparsers)."""
    case = sub.add_parser(
        "case", allow_abbrev=False, help="list cases; export one as JSON or import one"
    )
    csub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    login_args(
        csub.add_parser(
            "list", allow_abbrev=False, help="every case: id, status, place, outcome per buyer"
        )
    )
    export = csub.add_parser(
        "export", allow_abbrev=False, help="one case as a JSON document (stdout or --out)"
    )
    export.add_argument("--case", required=True, metavar="ID", dest="case_id")
    export.add_argument("--format", choices=("json",), default="json")
    export.add_argument(
        "--out", type=Path, metavar="FILE", help="write to FILE (personal data, unencrypted)"
    )
    login_args(export)
    imp = csub.add_parser(
        "import", allow_abbrev=False, help="create a case from a JSON document, with new ids"
    )
    imp.add_argument("file", type=Path, metavar="FILE.json")
    imp.add_argument(
        "--operation", metavar="ID", help="into this operation (default: a new one from the file)"
    )
    login_args(imp)
    return case


def run(args: argparse.Namespace, session: Session, out: TextIO) -> bool:
    """Run a ``case`` action; False when refused (the reasons are on stderr)."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.workflow.context import Context

    ctx = Context(session)
    action = args.case_command
    if action == "list":
        _list(ctx, out)
        return True
    if action == "export":
        _export(ctx, args.case_id, args.out, out)
        return True
    return _import(ctx, args.file, args.operation, out)


def _list(ctx: Context, out: TextIO) -> None:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.workflow import cases, operations

    for operation in operations.operations(ctx):
        for case in cases.cases(ctx, operation.entity_id):
            view = cases.case_view(ctx, case.entity_id)
            outcomes = ",".join(b.evaluation.outcome.value for b in view.buyers) or "-"
            flags = ",".join(e.value for e in view.escalations) or "-"
            place = case.get("place_name") or case.get("place_kind")
            start = str(case.get("start", ""))[:16].replace("T", " ")
            row = (case.entity_id, case.get("status"), start, case.get("municipality"), place)
            print("\t".join(str(v) for v in (*row, outcomes, flags)), file=out)


def _export(ctx: Context, case_id: str, path: Path | None, out: TextIO) -> None:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.storage.atomic import write_atomic
    from fieldapp.workflow import transfer

    text = transfer.dump_document(transfer.export_case(ctx, case_id))
    if path is None:
        out.write(text)
        return
    # Saving personal data to a loose file is an explicit act, and it is said out loud.
    print(
        f"fieldapp: warning: {path} holds personal data unencrypted; keep it on an "
        "encrypted medium and delete it when it has served its purpose.",
        file=sys.stderr,
    )
    write_atomic(path, text.encode("utf-8"))
    print(f"Exported case {case_id} to {path}.", file=out)


def _import(ctx: Context, path: Path, operation_id: str | None, out: TextIO) -> bool:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.workflow import transfer

    document = _read_document(path)
    try:
        result = transfer.import_case(ctx, document, operation_id)
    except InvalidInput as exc:
        print(
            f"fieldapp: refused {path.name}: {len(exc.problems)} problem(s); nothing was imported.",
            file=sys.stderr,
        )
        for field, reason in exc.problems:
            print(f"  {field}: {reason}", file=sys.stderr)
        return False
    made = "a new operation" if result.operation_created else "operation"
    print(
        f"Imported case {result.case_id} into {made} {result.operation_id} "
        f"({len(result.events)} records).",
        file=out,
    )
    return True


def _read_document(path: Path) -> Any:
    # A regular file under the cap, read with a bounded read (fieldapp.inputs).
    raw = read_capped(path, MAX_DOCUMENT_BYTES, "case document")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise KnownError(
            coded("not_utf8", f"{path.name} is not UTF-8 text, so not a case document.")
        ) from None
    except json.JSONDecodeError as exc:
        raise KnownError(
            coded(
                "not_json",
                f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}).",
                line=exc.lineno,
                column=exc.colno,
            )
        ) from None
