"""The ad commands of the CLI (inre spaning), for the team that maps ads and for scripts:

    fieldapp ads add --operation ID --text-file F [--url URL] [--site S] [--title T]
                     [--screenshot FILE ...] [--dry-run]
    fieldapp ads import FILE --operation ID [--kind csv|html|mhtml] [--dry-run]
    fieldapp ads search QUERY [--place M] [--since DATE] [--until DATE] [--kind ad|observation]
    fieldapp ads show AD_ID
    fieldapp ads edit AD_ID [--title T] [--text-file F] [--phones "A, B"] [--emails "A, B"]
                      [--prices "1 500 kr / 30 min; 2 500 kr / 1 h"] [--municipality M]
                      [--hotel H] [--site S] [--url URL] [--first-seen D] [--last-seen D]
                      [--note TEXT]
    fieldapp ads attach AD_ID --screenshot FILE [--screenshot FILE ...]
    fieldapp ads duplicates [--operation ID | --ad AD_ID]
    fieldapp ads confirm AD_ID AD_ID ... [--basis phone,text] [--note TEXT]
    fieldapp ads dismiss AD_ID AD_ID ... [--note TEXT]
    fieldapp ads decisions [--operation ID]
    fieldapp ads withdraw-decision DECISION_ID --reason TEXT

``add`` prints what it read out of the text (phones, prices, place) and what is already
registered; ``--dry-run`` shows that and stores nothing. ``import`` stores the whole file
or nothing, and lists every problem with its line. ``show`` writes the opening to the
access log, like opening a search result in the app. ``edit`` corrects the fields given
(an empty value clears one) as a new event; the history stays. ``edit``, ``attach`` and
``withdraw-decision`` go through the same use cases and checks as the Ads screens.
Same conventions as ``cli.py``: ``--officer`` and ``--passphrase-file``, exit 0 success,
1 refused (on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldapp.cli_login import Prompter, unlocked
from fieldapp.errors import KnownError
from fieldapp.inputs import (
    ATTACHMENT_MAX_BYTES,
    InputNotAFile,
    InputRefused,
    InputTooLarge,
    read_capped,
)

if TYPE_CHECKING:
    from fieldapp.ads.model import AdView
    from fieldapp.ads.prices import Price
    from fieldapp.ads.register import Capture
    from fieldapp.storage.vault import Vault
    from fieldapp.workflow.context import Context

COMMANDS = frozenset({"ads"})
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# The ad fields ``ads edit`` corrects, one option each (phones and e-mails with commas
# between them, prices as an ad writes them); the text comes from a file.
EDIT_FIELDS = ("title", "site", "url", "phones", "emails", "prices", "municipality", "hotel",
               "first_seen", "last_seen", "note")  # fmt: skip


class _Usage(Exception):
    pass


def add_parsers(subparsers: Any, login_args: Callable[[argparse.ArgumentParser], None]) -> None:
    """``ads`` and its actions under ``subparsers`` (the CLI's subcommands)."""
    ads = subparsers.add_parser(
        "ads", allow_abbrev=False, help="ad mapping: register, import, search, duplicates"
    )
    sub = ads.add_subparsers(dest="ads_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", allow_abbrev=False, help="register an ad from its text")
    add.add_argument("--operation", dest="operation_id", required=True, metavar="ID")
    add.add_argument("--text-file", required=True, type=Path, metavar="FILE",
                     help="the ad's text, as copied from the page (UTF-8)")  # fmt: skip
    add.add_argument("--url", metavar="URL", help="the ad's web address")
    add.add_argument("--site", metavar="NAME", help="site or platform (default: the URL's host)")
    add.add_argument("--title", metavar="TEXT", help="the ad's heading")
    add.add_argument("--screenshot", action="append", default=[], type=Path, metavar="FILE",
                     help="a screenshot to attach (repeatable)")  # fmt: skip
    add.add_argument("--dry-run", action="store_true", help="show what was read; store nothing")
    login_args(add)

    imp = sub.add_parser("import", allow_abbrev=False, help="import a CSV of ads or a saved page")
    imp.add_argument("file", type=Path, metavar="FILE", help=".csv, .html or .mhtml")
    imp.add_argument("--operation", dest="operation_id", required=True, metavar="ID")
    imp.add_argument("--kind", choices=("csv", "html", "mhtml"), help="if the name does not say")
    imp.add_argument("--dry-run", action="store_true", help="check the file; store nothing")
    login_args(imp)

    find = sub.add_parser("search", allow_abbrev=False, help="search ads and observations")
    find.add_argument("query", nargs="?", default="", metavar="QUERY",
                      help="words, or a phone number in any format")  # fmt: skip
    find.add_argument("--place", metavar="MUNICIPALITY")
    find.add_argument("--since", metavar="YYYY-MM-DD")
    find.add_argument("--until", metavar="YYYY-MM-DD")
    find.add_argument("--kind", choices=("ad", "observation"), help="only this kind of record")
    find.add_argument("--operation", dest="operation_id", metavar="ID")
    find.add_argument("--limit", type=int, default=50, metavar="N")
    login_args(find)

    show = sub.add_parser("show", allow_abbrev=False, help="open an ad (logged)")
    show.add_argument("ad_id", metavar="AD_ID")
    login_args(show)

    edit = sub.add_parser("edit", allow_abbrev=False, help="correct an ad's fields")
    edit.add_argument("ad_id", metavar="AD_ID")
    for name in EDIT_FIELDS:
        edit.add_argument(f"--{name.replace('_', '-')}", dest=name, metavar="TEXT",
                          help="the corrected value ('' clears it)")  # fmt: skip
    edit.add_argument("--text-file", type=Path, metavar="FILE", help="the corrected text (UTF-8)")
    login_args(edit)

    attach = sub.add_parser("attach", allow_abbrev=False, help="add screenshots to an ad")
    attach.add_argument("ad_id", metavar="AD_ID")
    attach.add_argument("--screenshot", action="append", required=True, type=Path,
                        metavar="FILE", help="a screenshot to attach (repeatable)")  # fmt: skip
    login_args(attach)

    dup = sub.add_parser("duplicates", allow_abbrev=False, help="proposals of same advertiser")
    scope = dup.add_mutually_exclusive_group()
    scope.add_argument("--operation", dest="operation_id", metavar="ID")
    scope.add_argument("--ad", dest="ad_id", metavar="AD_ID", help="the proposal of one ad")
    login_args(dup)

    made = sub.add_parser("decisions", allow_abbrev=False, help="same-advertiser decisions")
    made.add_argument("--operation", dest="operation_id", metavar="ID")
    login_args(made)

    back = sub.add_parser("withdraw-decision", allow_abbrev=False,
                          help="take back a same-advertiser decision")  # fmt: skip
    back.add_argument("decision_id", metavar="DECISION_ID")
    back.add_argument("--reason", required=True, metavar="TEXT", help="why it is taken back")
    login_args(back)

    for action, what in (("confirm", "confirm ads as one advertiser's"),
                         ("dismiss", "dismiss a same-advertiser proposal")):  # fmt: skip
        decide = sub.add_parser(action, allow_abbrev=False, help=what)
        decide.add_argument("ad_ids", nargs="+", metavar="AD_ID")
        decide.add_argument("--note", metavar="TEXT")
        if action == "confirm":
            decide.add_argument("--basis", default="", metavar="phone,text,other")
        login_args(decide)


def run(args: argparse.Namespace, vault: Vault, out: TextIO, prompter: Prompter) -> int:
    """Run an ``ads`` action; ``KnownError`` becomes exit 1 with the reasons on stderr."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads.issues import ImportRefused
    from fieldapp.workflow.context import Context

    try:
        inputs = _read_inputs(args)
    except _Usage as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with unlocked(args, vault, prompter) as session:
            return _ACTIONS[args.ads_command](Context(session), args, inputs, out)
    except ImportRefused as refused:
        print(f"fieldapp: {refused.source}: nothing was imported.", file=sys.stderr)
        for problem in refused.rows:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAILED
    except KnownError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_FAILED


def _read_inputs(args: argparse.Namespace) -> dict[str, Any]:
    """Files and dates given on the command line, read before the vault is opened."""
    inputs: dict[str, Any] = {}
    if args.ads_command in ("add", "edit") and args.text_file is not None:
        try:
            inputs["text"] = _read(args.text_file).decode("utf-8")
        except UnicodeDecodeError:
            raise _Usage(f"--text-file {args.text_file}: not UTF-8 text.") from None
    if args.ads_command in ("add", "attach"):
        inputs["screenshots"] = [(p, _read(p)) for p in args.screenshot]
    if args.ads_command == "edit":
        given = [n for n in EDIT_FIELDS if getattr(args, n) is not None]
        if not given and "text" not in inputs:
            raise _Usage("edit: give at least one field to correct (see --help).")
    elif args.ads_command == "search":
        inputs["since"] = _day(args.since, "--since")
        inputs["until"] = _day(args.until, "--until")
        if not (args.query.strip() or args.place or args.since or args.until):
            raise _Usage("search: give words, a phone number, --place or a period.")
    return inputs


def _read(path: Path) -> bytes:
    # Screenshots become attachments: a regular file under the attachment cap, read bounded.
    try:
        return read_capped(path, ATTACHMENT_MAX_BYTES, "screenshot or text file")
    except (InputTooLarge, InputNotAFile) as refused:
        raise _Usage(refused.message) from None
    except InputRefused as refused:
        raise _Usage(f"cannot read {path}: {refused.params.get('reason')}.") from None


def _day(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Usage(f"{flag}: use YYYY-MM-DD.") from None


# -- actions ----------------------------------------------------------------------------------


def _add(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import corrections, register

    found = register.capture(
        ctx, args.operation_id, inputs["text"], url=args.url, site=args.site, title=args.title
    )
    _print_capture(found, out)
    now = ctx.now().isoformat()
    shots = [corrections.screenshot(path.name, data, now) for path, data in inputs["screenshots"]]
    if args.dry_run:
        print("Dry run: nothing was stored.", file=out)
        return EXIT_OK
    if found.existing is not None:
        record = ctx.require("ad", found.existing.id, "url")
        draft = register.seen_again_draft(ctx, record, now, shots)
        if draft is not None:
            ctx.commit([draft])
        print(f"Already registered as {found.existing.id}: recorded as seen again.", file=out)
        return EXIT_OK
    change = register.register_ad(ctx, args.operation_id, found.fields, shots)
    print(f"Registered ad {change.entity_id}.", file=out)
    return EXIT_OK


def _import(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import importing

    kind = importing.FileKind(args.kind) if args.kind else None
    report = importing.import_file(
        ctx, args.operation_id, args.file, kind=kind, dry_run=args.dry_run
    )
    if report.capture is not None:
        _print_capture(report.capture, out)
    for column in report.ignored_columns:
        print(f"Column {column!r} is not an ad field: ignored.", file=out)
    verb = "Would register" if args.dry_run else "Registered"
    print(
        f"{verb} {len(report.created)} ad(s); {len(report.seen_again)} already registered "
        f"at the same address, recorded as seen again.",
        file=out,
    )
    if args.dry_run:
        print("Dry run: nothing was stored.", file=out)
    return EXIT_OK


def _search(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import search

    kinds = (args.kind,) if args.kind else ("ad", "observation")
    query = search.parse_query(
        args.query,
        municipality=args.place,
        since=inputs["since"],
        until=inputs["until"],
        kinds=kinds,
        operation_id=args.operation_id,
        limit=args.limit,
    )
    result = search.search(ctx, query)
    for problem in result.problems:
        print(f"fieldapp: {problem}", file=sys.stderr)
    if result.phone:
        print(f"Phone {result.phone}:", file=out)
    for hit in result.hits:
        day = hit.day_to if hit.day_from == hit.day_to else f"{hit.day_from}..{hit.day_to}"
        place = ", ".join(x for x in (hit.municipality, hit.hotel) if x) or "-"
        snippet = " ".join(search.highlighted(hit.snippet).split())
        print(f"{hit.entity_type}\t{hit.entity_id}\t{day}\t{place}\t{snippet}", file=out)
    more = " (more: narrow the search or raise --limit)" if result.more else ""
    print(f"{len(result.hits)} hit(s){more}.", file=out)
    return EXIT_OK


def _show(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import register

    ad = register.open_ad(ctx, args.ad_id, purpose="cli")
    _print_ad(ad, out)
    return EXIT_OK


def _edit(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import corrections, register

    changes: dict[str, Any] = {}
    prices: str | None = None
    for field in EDIT_FIELDS:
        value = getattr(args, field)
        if value is None:
            continue
        value = value.strip()
        if field == "prices":
            prices = value  # read where the GUI's are read, every problem refused together
        elif field in ("phones", "emails"):
            changes[field] = [v.strip() for v in value.split(",") if v.strip()] or None
        else:
            changes[field] = value or None
    if "text" in inputs:
        changes["text"] = inputs["text"].strip() or None
    change = corrections.correct_ad(ctx, args.ad_id, changes, prices=prices)
    if not change.events:
        print(f"Ad {args.ad_id}: nothing differs; nothing was stored.", file=out)
        return EXIT_OK
    print(f"Corrected ad {args.ad_id} (the earlier values stay in its history).", file=out)
    _print_ad(register.get_ad(ctx, args.ad_id), out)
    return EXIT_OK


def _attach(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import corrections, register

    now = ctx.now().isoformat()
    shots = [corrections.screenshot(path.name, data, now) for path, data in inputs["screenshots"]]
    before = {a.sha256 for a in register.get_ad(ctx, args.ad_id).attachments}
    register.add_attachments(ctx, args.ad_id, shots)
    for shot in shots:
        known = " (already attached)" if shot.sha256 in before else ""
        print(f"{shot.name}\tSHA-256 {shot.sha256}{known}", file=out)
    added = len({s.sha256 for s in shots} - before)
    print(f"Attached {added} file(s) to ad {args.ad_id}.", file=out)
    return EXIT_OK


def _duplicates(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import duplicates, register

    if args.ad_id:
        one = duplicates.proposal_for(ctx, args.ad_id)
        found = [one] if one is not None else []
    else:
        found = duplicates.proposals(ctx, operation_id=args.operation_id)
    for proposal in found:
        print(f"Proposal {proposal.key}: {len(proposal.ad_ids)} ads", file=out)
        if proposal.phones:
            print(f"  same phone: {', '.join(proposal.phones)}", file=out)
        for a, b, score in proposal.similar_texts[:10]:
            print(f"  near-identical text ({score:.2f}): {a} ~ {b}", file=out)
        for group in proposal.confirmed:
            print(f"  already confirmed together: {' '.join(group)}", file=out)
        for ad_id in proposal.ad_ids:
            print(f"  {ad_id}\t{register.get_ad(ctx, ad_id).heading}", file=out)
    print(f"{len(found)} proposal(s). Confirm with 'ads confirm', or 'ads dismiss'.", file=out)
    return EXIT_OK


def _decide(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import duplicates

    if args.ads_command == "confirm":
        basis = [b.strip() for b in args.basis.split(",") if b.strip()]
        change = duplicates.confirm_same_advertiser(ctx, args.ad_ids, basis=basis, note=args.note)
        print(f"Confirmed as one advertiser ({change.entity_id}).", file=out)
    else:
        change = duplicates.dismiss_proposal(ctx, args.ad_ids, note=args.note)
        print(f"Dismissed ({change.entity_id}).", file=out)
    return EXIT_OK


def _decisions(ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import duplicates

    found = duplicates.decisions(ctx, operation_id=args.operation_id)
    for made in found:
        note = f"\t{made.note}" if made.note else ""
        print(f"{made.id}\t{made.decision.value}\t{made.decided_at}\t{made.decided_by}\t"
              f"{' '.join(made.ad_ids)}{note}", file=out)  # fmt: skip
    print(f"{len(found)} decision(s). Take one back with 'ads withdraw-decision'.", file=out)
    return EXIT_OK


def _withdraw_decision(
    ctx: Context, args: argparse.Namespace, inputs: dict[str, Any], out: TextIO
) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.ads import duplicates

    duplicates.withdraw_decision(ctx, args.decision_id, args.reason)
    print(f"Decision {args.decision_id} taken back (it stays in the log, marked void).", file=out)
    return EXIT_OK


_ACTIONS = {
    "add": _add,
    "import": _import,
    "search": _search,
    "show": _show,
    "edit": _edit,
    "attach": _attach,
    "duplicates": _duplicates,
    "confirm": _decide,
    "dismiss": _decide,
    "decisions": _decisions,
    "withdraw-decision": _withdraw_decision,
}


# -- printing ---------------------------------------------------------------------------------


def price_text(price: Price) -> str:
    """ "1 500 SEK / 30 min (halvtimme)"."""
    amount = f"{price.amount:,}".replace(",", " ")
    if price.amount_to:
        amount += f"–{price.amount_to:,}".replace(",", " ")
    per = " / night" if price.night else (f" / {price.minutes} min" if price.minutes else "")
    label = f" ({price.label})" if price.label else ""
    return f"{amount} {price.currency}{per}{label}"


def _print_capture(found: Capture, out: TextIO) -> None:
    fields = found.fields
    rows: Sequence[tuple[str, str]] = (
        ("Site", str(fields.get("site") or "-")),
        ("Address", str(fields.get("url") or "-")),
        ("Title", str(fields.get("title") or "-")),
        ("Phones", ", ".join(found.extraction.phones) or "-"),
        ("E-mails", ", ".join(found.extraction.emails) or "-"),
        ("Prices", "; ".join(price_text(p) for p in found.extraction.prices) or "-"),
        ("Place", ", ".join(x for x in (fields.get("municipality"), fields.get("hotel")) if x)
         or "-"),
        ("Seen", str(fields.get("first_seen"))),
    )  # fmt: skip
    for label, value in rows:
        print(f"{label + ':':<10}{value}", file=out)
    if found.existing is not None:
        print(f"Already registered at this address: {found.existing.id}", file=out)
    for r in found.related:
        why = [f"same phone {', '.join(r.phones)}"] if r.phones else []
        if r.similarity:
            why.append(f"near-identical text ({r.similarity:.2f})")
        print(f"Related: {r.ad_id} ({'; '.join(why)})", file=out)


def _print_ad(ad: AdView, out: TextIO) -> None:
    rows = (
        ("Ad", ad.id),
        ("Status", ad.status.value),
        ("Site", ad.site),
        ("Address", ad.url or "-"),
        ("Title", ad.title or "-"),
        ("Phones", ", ".join(ad.phones) or "-"),
        ("E-mails", ", ".join(ad.emails) or "-"),
        ("Prices", "; ".join(price_text(p) for p in ad.prices) or "-"),
        ("Place", ", ".join(x for x in (ad.municipality, ad.hotel) if x) or "-"),
        ("Seen", f"{ad.first_seen} .. {ad.last_seen}"),
        ("Cases", ", ".join(ad.case_ids) or "-"),
        ("Persons", ", ".join(ad.person_ids) or "-"),
        ("Files", ", ".join(f"{a.kind} {a.sha256[:12]}… ({a.size} B)" for a in ad.attachments)
         or "-"),
        ("Recorded", f"{ad.registered_at} by {ad.registered_by}"),
    )  # fmt: skip
    for label, value in rows:
        print(f"{label + ':':<10}{value}", file=out)
    if ad.text:
        print("", file=out)
        print(ad.text, file=out)
