"""Headless commands for the station and for sync (imported by ``cli``).

    fieldapp station init --officer ID --name NAME --station-name NAME
    fieldapp station card --out card.json                      (at the station)
    fieldapp station card-key --out card.key                   (at the station, for recovery)
    fieldapp station enrol card.json [--yes] [--laptop-card F] (on a laptop, administrators)
    fieldapp station laptop-card --out F                       (on a laptop, administrators)
    fieldapp station register laptop-card.json [--yes]         (at the station)
    fieldapp station laptops                                   (at the station)
    fieldapp station revoke DEVICE --reason lost|stolen|retired [--note TEXT]
    fieldapp station purge [--dry-run]                         (at the station, administrators)
    fieldapp station staff add|remove|list [NAME] --database T (PostgreSQL: staff, roles,
        counties: add NAME --role staff|admin|purge --county C… | --all-counties)
    fieldapp sync export --out DIR                             (on a laptop)
    fieldapp sync import FILE... [--receipts DIR]              (at the station)
    fieldapp sync ack FILE.receipt                             (on a laptop)
    fieldapp sync review                                       (at the station)
    fieldapp sync resolve ID --keep current|incoming | --value V  (at the station)
    fieldapp sync cases [--operation ID]                       (at the station: every laptop's)
    fieldapp sync purge [--dry-run]                            (on a laptop)
    fieldapp sync link-operations --into ID ID...              (at the station)
    fieldapp sync unlink-operation ID                          (at the station: undo a link)
    fieldapp recover --card-key FILE --reset ID                (on the laptop's data dir)
    fieldapp settings retention [--days N]                     (laptop or station; N: admins)

Every command that opens a vault takes ``--officer`` and ``--passphrase-file`` (or asks).
``station init|card|register|laptops|revoke`` and ``sync import|review|resolve|cases`` take
``--database``
TARGET instead for a station kept in PostgreSQL (``cli_station_pg``; ``station migrate``
too).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fieldapp.cli_login import Prompter, unlocked
from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.storage.atomic import write_atomic

if TYPE_CHECKING:
    from fieldapp.storage.session import Session
    from fieldapp.storage.vault import Vault
    from fieldapp.sync.register import RegisterBook
    from fieldapp.sync.review import ReviewStore, Side

# ``settings retention`` lives here: a laptop's period follows the station's receipts, and
# the station's is its archive's.
COMMANDS = frozenset({"station", "sync", "recover", "settings"})
EXIT_OK, EXIT_FAILED = 0, 1


def add_parsers(subparsers: Any, login_args: Callable[[argparse.ArgumentParser], None]) -> None:
    station = subparsers.add_parser(
        "station", allow_abbrev=False, help="station identity: init, card, card key, enrol"
    )
    ssub = station.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    init = ssub.add_parser("init", allow_abbrev=False, help="create a vault in station mode")
    init.add_argument(
        "--officer", metavar="ID", help="the first administrator (a vault) or staff member"
    )
    init.add_argument("--name", help="the first administrator's name (a vault)")
    init.add_argument("--station-name", required=True)
    init.add_argument("--passphrase-file", type=Path, metavar="FILE")
    database_args(init)
    migrate = ssub.add_parser(
        "migrate", allow_abbrev=False, help="a PostgreSQL station: migrate its schema (owner)"
    )
    migrate.add_argument(
        "--officer", metavar="ID", help="staff member whose passphrase seals clear keys"
    )
    migrate.add_argument("--passphrase-file", type=Path, metavar="FILE")
    migrate.add_argument(
        "--county", metavar="COUNTY", help="the county of every laptop registered before counties"
    )
    database_args(migrate)
    staff = ssub.add_parser(
        "staff", allow_abbrev=False, help="a PostgreSQL station: staff key slots"
    )
    staff.add_argument("staff_action", choices=("add", "remove", "list"), metavar="add|remove|list")
    staff.add_argument("staff_name", nargs="?", metavar="NAME", help="the staff member")
    staff.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="the new staff member's passphrase (asked on a TTY if omitted)",
    )
    staff.add_argument(
        "--role", choices=("staff", "admin", "purge"), default="staff", help="add: their role"
    )
    staff.add_argument(
        "--county",
        action="append",
        default=[],
        metavar="COUNTY",
        help="add: a county they work in (repeat for several)",
    )
    staff.add_argument("--all-counties", action="store_true", help="add: every county")
    station_login_args(staff)
    card = ssub.add_parser("card", allow_abbrev=False, help="export the station's public card")
    card.add_argument("--out", required=True, type=Path, metavar="card.json")
    station_login_args(card)
    key = ssub.add_parser(
        "card-key", allow_abbrev=False, help="export the station's keys for recovery (secret)"
    )
    key.add_argument("--out", required=True, type=Path, metavar="FILE")
    key.add_argument("--key-passphrase-file", type=Path, metavar="FILE")
    login_args(key)
    enrol = ssub.add_parser("enrol", allow_abbrev=False, help="enrol a station card on a laptop")
    enrol.add_argument("card", type=Path, metavar="card.json")
    enrol.add_argument("--yes", action="store_true", help="the fingerprint was compared")
    enrol.add_argument(
        "--laptop-card",
        type=Path,
        metavar="FILE",
        help="where to write this laptop's card (default: beside the station card)",
    )
    login_args(enrol)
    lcard = ssub.add_parser(
        "laptop-card", allow_abbrev=False, help="on a laptop: write its card for the station"
    )
    lcard.add_argument("--out", required=True, type=Path, metavar="FILE")
    login_args(lcard)
    reg = ssub.add_parser(
        "register", allow_abbrev=False, help="at the station: register a laptop's card"
    )
    reg.add_argument("laptop_card", type=Path, metavar="laptop-card.json")
    reg.add_argument("--yes", action="store_true", help="the fingerprint was compared")
    reg.add_argument(
        "--county", metavar="COUNTY", help="a PostgreSQL station: the laptop's county (set once)"
    )
    station_login_args(reg)
    laptops = ssub.add_parser("laptops", allow_abbrev=False, help="the registered laptops")
    station_login_args(laptops)
    revoke = ssub.add_parser(
        "revoke", allow_abbrev=False, help="at the station: revoke a lost, stolen or retired laptop"
    )
    revoke.add_argument("device", metavar="DEVICE", help="device id (or its first 8 characters)")
    revoke.add_argument("--reason", required=True, choices=("lost", "stolen", "retired"))
    revoke.add_argument("--note", default="", help="what happened (no personal data)")
    station_login_args(revoke)

    spurge = ssub.add_parser(
        "purge",
        allow_abbrev=False,
        help="the station's own retention: purge finished cases past its period",
    )
    spurge.add_argument("--dry-run", action="store_true", help="only list what is due")
    login_args(spurge)

    sync = subparsers.add_parser("sync", allow_abbrev=False, help="bundles, receipts, review")
    ysub = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    export = ysub.add_parser("export", allow_abbrev=False, help="write a sealed bundle")
    export.add_argument("--out", required=True, type=Path, metavar="DIR")
    login_args(export)
    imp = ysub.add_parser("import", allow_abbrev=False, help="import bundles at the station")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--receipts", type=Path, metavar="DIR", help="default: beside each bundle")
    station_login_args(imp)
    ack = ysub.add_parser("ack", allow_abbrev=False, help="record a station receipt")
    ack.add_argument("receipt", type=Path, metavar="FILE")
    login_args(ack)
    station_login_args(ysub.add_parser("review", allow_abbrev=False, help="conflicts and alarms"))
    resolve = ysub.add_parser(
        "resolve", allow_abbrev=False, help="settle a conflict that 'sync review' lists"
    )
    resolve.add_argument("conflict", metavar="ID", help="the conflict's id (a unique start)")
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--keep",
        choices=("current", "incoming"),
        help="keep the value the record holds, or the one that arrived",
    )
    how.add_argument("--value", metavar="VALUE", help="another value (not for a withdrawal)")
    station_login_args(resolve)
    listed = ysub.add_parser(
        "cases", allow_abbrev=False, help="the station's consolidated case list (every laptop's)"
    )
    listed.add_argument("--operation", metavar="ID", help="only this operation's cases")
    station_login_args(listed)
    link = ysub.add_parser(
        "link-operations",
        allow_abbrev=False,
        help="at the station: declare the laptops' copies of an operation one operation",
    )
    link.add_argument("--into", required=True, metavar="ID")
    link.add_argument("others", nargs="+", metavar="ID")
    login_args(link)
    unlink = ysub.add_parser(
        "unlink-operation",
        allow_abbrev=False,
        help="at the station: undo a link (the copy stands alone again; an event)",
    )
    unlink.add_argument("operation", metavar="ID", help="the linked copy")
    login_args(unlink)
    purge = ysub.add_parser(
        "purge", allow_abbrev=False, help="purge acknowledged, finished cases past retention"
    )
    purge.add_argument("--dry-run", action="store_true", help="only list what is due")
    login_args(purge)

    settings = subparsers.add_parser(
        "settings", allow_abbrev=False, help="vault settings: the retention period"
    )
    tsub = settings.add_subparsers(dest="settings_command", metavar="SETTING", required=True)
    retention = tsub.add_parser(
        "retention",
        allow_abbrev=False,
        help="show the retention period, or set it (administrators)",
    )
    retention.add_argument("--days", type=int, metavar="N", help="the new period, 0–3650 days")
    login_args(retention)

    recover = subparsers.add_parser(
        "recover", allow_abbrev=False, help="give an officer a new passphrase (station card key)"
    )
    recover.add_argument("--card-key", required=True, type=Path, metavar="FILE")
    recover.add_argument("--reset", required=True, metavar="ID", help="the officer to reset")
    recover.add_argument("--key-passphrase-file", type=Path, metavar="FILE")
    recover.add_argument("--new-passphrase-file", type=Path, metavar="FILE")


def database_args(p: argparse.ArgumentParser) -> None:
    """``--database`` (a station in PostgreSQL, ``cli_station_pg``) and how its password
    is found: never on the command line. Also ``access-log --database``'s options."""
    p.add_argument(
        "--database",
        metavar="TARGET",
        help="a PostgreSQL station: libpq URL or service name (no password in it)",
    )
    p.add_argument(
        "--ask-password", action="store_true", help="ask for the database password on the TTY"
    )
    p.add_argument(
        "--expect-station", metavar="FINGERPRINT", help="refuse a database of another station"
    )


def station_login_args(p: argparse.ArgumentParser) -> None:
    """A station command: a station vault's login, or ``--database`` instead."""
    p.add_argument("--officer", metavar="ID", help="your service id (a station vault)")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="file holding your passphrase (asked on a TTY if omitted)",
    )
    database_args(p)


def run(args: argparse.Namespace, vault: Vault, out: TextIO, prompter: Prompter) -> int:
    try:
        return _dispatch(args, vault, out, prompter)
    except KnownError as exc:
        print(f"fieldapp: {exc.message}", file=sys.stderr)
        return EXIT_FAILED


def _dispatch(args: argparse.Namespace, vault: Vault, out: TextIO, prompter: Prompter) -> int:
    if args.command == "recover":
        return _recover(args, vault, out, prompter)
    if args.command == "station" and args.station_command == "init":
        # Deferred for start-up time: loaded only when this command runs.
        from fieldapp.sync.station import init_station

        required_options(args, "officer", "name")
        passphrase = prompter.passphrase(args.passphrase_file, "New passphrase", confirm=True)
        session = init_station(vault, args.officer, args.name, passphrase, args.station_name)
        session.lock()
        print(f"Created a station vault in {vault.data_dir}.", file=out)
        return EXIT_OK
    if args.command == "station" and args.station_command == "staff":
        raise KnownError(
            coded(
                "station_staff_needs_database",
                "Staff key slots are a PostgreSQL station's (--database); a station vault's "
                "staff are its officers ('fieldapp officer add').",
            )
        )
    if args.command == "station" and getattr(args, "county", None):
        raise KnownError(
            coded(
                "station_county_needs_database",
                "Counties are a PostgreSQL station's (--database); a station vault is one "
                "county's.",
            )
        )
    if args.command == "sync" and args.sync_command == "import":
        _check_batch(args)  # before the passphrase, and before the first bundle
    required_options(args, "officer")
    with unlocked(args, vault, prompter) as session:
        if args.command == "station":
            return _station(args, session, out, prompter)
        if args.command == "settings":
            return _retention(args, session, out)
        return _sync(args, session, out)


def required_options(args: argparse.Namespace, *names: str) -> None:
    """Options a station vault needs that ``--database`` does not."""
    for name in names:
        if getattr(args, name, None) is None:
            flag = "--" + name.replace("_", "-")
            raise InvalidInput(coded("required", f"{flag}: required."), field=flag)


def _station(args: argparse.Namespace, session: Session, out: TextIO, prompter: Prompter) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.enrol import enrol_station
    from fieldapp.sync.recover import export_card_key
    from fieldapp.sync.station import StationCard, station_keys

    if args.station_command in ("laptop-card", "register", "laptops", "revoke"):
        return _register(args, session, out)
    if args.station_command == "purge":
        _station_purge(args, session, out)
    elif args.station_command == "card":
        card = station_keys(session).card
        card.save(args.out)
        print(f"Wrote {args.out}. Fingerprint: {card.fingerprint}", file=out)
    elif args.station_command == "card-key":
        key_pass = prompter.passphrase(
            args.key_passphrase_file, "Card key passphrase", confirm=True
        )
        export_card_key(session, args.out, key_pass)
        print(f"Wrote {args.out}: the station's secret keys; store it offline.", file=out)
    else:
        card = StationCard.load(args.card)
        print(f"Station: {card.name}\nFingerprint: {card.fingerprint}", file=out)
        if not args.yes and not confirmed("Same fingerprint as shown at the station? [y/N] "):
            print("fieldapp: not enrolled.", file=sys.stderr)
            return EXIT_FAILED
        enrol_station(session, card)
        print("Enrolled. Bundles from this laptop are now sealed to this station.", file=out)
        target = args.laptop_card or args.card.parent / f"laptop-{session.device_id[:8]}.json"
        try:
            _write_laptop_card(session, target, out)
        except KnownError as exc:  # the enrolment stands; only the card is missing
            raise KnownError(
                coded(
                    "laptop_card_unwritten",
                    f"Enrolled, but the laptop card was not written ({exc.message}) Write it "
                    "with 'fieldapp station laptop-card --out FILE'.",
                )
            ) from None
    return EXIT_OK


def _write_laptop_card(session: Session, target: Path, out: TextIO) -> None:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.laptop_card import make_laptop_card

    card = make_laptop_card(session)
    card.save(target)  # a refused write is StorageUnavailable, with its reason
    print(
        f"Wrote this laptop's card to {target}: station staff register it and compare\n"
        f"Laptop fingerprint: {card.fingerprint}",
        file=out,
    )


def _register(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    """The station's register of laptops, and the laptop's card for it."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.laptop_card import LaptopCard
    from fieldapp.sync.register import register_laptop, registered_laptops, revoke_laptop

    if args.station_command == "laptop-card":
        _write_laptop_card(session, args.out, out)
    elif args.station_command == "register":
        card = LaptopCard.load(args.laptop_card)
        officers = ", ".join(card.officers)
        print(
            f"Laptop {card.device_id}\nOfficers: {officers}\nFingerprint: {card.fingerprint}",
            file=out,
        )
        if not args.yes and not confirmed("Same fingerprint as shown on the laptop? [y/N] "):
            print("fieldapp: not registered.", file=sys.stderr)
            return EXIT_FAILED
        register_laptop(session, card)
        print(f"Registered laptop {card.device_id[:8]}: its bundles are accepted.", file=out)
    elif args.station_command == "laptops":
        laptops = registered_laptops(session)
        print(f"{len(laptops)} laptop(s) registered.", file=out)
        for laptop in laptops:
            state = (
                f"revoked ({laptop.revoke_reason}, {laptop.revoked_at}, "
                f"accepted through {laptop.accepted_through})"
                if laptop.revoked
                else "registered"
            )
            print(
                f"{laptop.device_id}\t{laptop.fingerprint}\t{state}\t"
                f"{', '.join(sorted(laptop.officers))}",
                file=out,
            )
    else:
        device = one_device(session, args.device)
        laptop = revoke_laptop(session, device, args.reason, args.note)
        print(
            f"Revoked laptop {device[:8]} ({laptop.revoke_reason}): bundles beyond sequence "
            f"{laptop.accepted_through} are refused.",
            file=out,
        )
    return EXIT_OK


def one_device(session: Session | RegisterBook, given: str) -> str:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.register import registered_laptops

    given = given.strip()
    found = [
        laptop.device_id
        for laptop in registered_laptops(session)
        if laptop.device_id == given or (len(given) >= 8 and laptop.device_id.startswith(given))
    ]
    if len(found) != 1:
        how_many = "more than one" if found else "no"
        text = (
            f"{given}: {how_many} registered laptop has that device id "
            "(see 'fieldapp station laptops')."
        )
        raise KnownError(
            coded("laptop_id_ambiguous", text) if found else coded("laptop_unknown", text)
        )
    return found[0]


def _check_batch(args: argparse.Namespace) -> None:
    """What a batch needs before its first bundle: the receipts folder exists and takes
    files. A refused file later is that file's outcome; the batch goes on."""
    folder = args.receipts
    if folder is None:
        return
    if not folder.is_dir():
        raise KnownError(
            coded("no_such_folder", f"--receipts {folder}: no such folder; nothing was imported.")
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise KnownError(
            coded(
                "folder_unwritable",
                f"--receipts {folder}: the folder cannot be written; nothing was imported.",
            )
        )


def _station_purge(args: argparse.Namespace, session: Session, out: TextIO) -> None:
    """Never part of an import: an administrator runs it, and each purge is an event."""
    from datetime import datetime

    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.archive import due_at_station, purge_at_station, station_retention_days

    now = datetime.now().astimezone()
    due = due_at_station(session, now) if args.dry_run else purge_at_station(session, now)
    verb = "due for purging" if args.dry_run else "purged"
    days = station_retention_days(session)
    print(f"{len(due)} case(s) {verb} at the station (retention {days} days).", file=out)
    for case_id in due:
        print(case_id, file=out)


def _retention(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.archive import set_vault_retention, vault_retention

    if args.days is None:
        current = vault_retention(session)
    else:
        current = set_vault_retention(session, args.days)
        print(f"Retention set to {current.days} days (the change is in the log).", file=out)
    if current.station:
        what = (
            "at this station: 'fieldapp station purge' (administrators) removes finished "
            "cases untouched that long; a laptop's purge removes nothing here"
        )
    else:
        what = (
            "on this laptop: 'fieldapp sync purge' removes finished cases the station has "
            "acknowledged, untouched that long"
        )
    print(f"Retention: {current.days} days (default {current.default}) {what}.", file=out)
    return EXIT_OK


def confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        raise KnownError(
            coded("confirm_with_yes", "Compare the fingerprint, then run again with --yes.")
        )
    return input(question).strip().lower() in ("y", "yes", "j", "ja")


def _sync(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.export import acknowledge, export_bundle
    from fieldapp.sync.importer import StationImporter

    if args.sync_command == "export":
        args.out.mkdir(parents=True, exist_ok=True)
        exported = export_bundle(session, args.out)
        if exported is None:
            print("Nothing new to send: the station has acknowledged everything.", file=out)
        else:
            h = exported.header
            print(f"Wrote {exported.path} ({h.count} events, {h.from_seq}–{h.to_seq}).", file=out)
    elif args.sync_command == "import":
        return import_batch(args, StationImporter(session), out)
    elif args.sync_command == "ack":
        through = acknowledge(session, args.receipt)
        print(f"The station holds this laptop's events through {through}.", file=out)
    elif args.sync_command == "link-operations":
        from fieldapp.workflow.context import Context
        from fieldapp.workflow.operations import link_operations

        changes = link_operations(Context(session), args.into, args.others)
        print(f"Linked {len(changes)} operation(s) into {args.into}.", file=out)
    elif args.sync_command == "unlink-operation":
        from fieldapp.workflow.context import Context
        from fieldapp.workflow.operations import unlink_operation

        unlink_operation(Context(session), args.operation)
        print(f"{args.operation} is an operation of its own again.", file=out)
    elif args.sync_command == "purge":
        _purge(args, session, out)
    elif args.sync_command == "resolve":
        from fieldapp.sync.review import settle

        conflict = settle(session, args.conflict, args.keep, args.value)
        print(f"Settled conflict {conflict.id} ({conflict.field}).", file=out)
    elif args.sync_command == "cases":
        print_cases(session, args.operation, out)
    else:
        _review(session, out)
    return EXIT_OK


def import_batch(args: argparse.Namespace, importer: Any, out: TextIO) -> int:
    """Each file's outcome on its own line (refusals on stderr); the batch goes on after a
    refused file, and the exit status is 0 only if every file was taken (imported, a
    duplicate, or held for an earlier bundle) and its receipt written."""
    failed = 0
    for path, outcome in importer.import_files(args.files):
        if isinstance(outcome, KnownError):
            failed += 1
            print(f"fieldapp: {path.name}: refused: {outcome.message}", file=sys.stderr)
            continue
        for o in (outcome, *outcome.released):
            print(f"{path.name}: {o.status.value}, {o.new_events} new events", file=out)
        if outcome.receipt:
            receipt = (args.receipts or path.parent) / f"{path.stem}.receipt"
            try:
                write_atomic(receipt, json.dumps(outcome.receipt, indent=2).encode())
            except OSError as exc:
                failed += 1
                print(
                    f"fieldapp: {path.name}: imported, but its receipt cannot be written to "
                    f"{receipt.parent}: {exc.strerror}. The laptop's next bundle brings a new one.",
                    file=sys.stderr,
                )
                continue
            print(f"Receipt: {receipt}", file=out)
    total = len(args.files)
    print(f"{total - failed} of {total} file(s) taken, {failed} refused or failed.", file=out)
    return EXIT_FAILED if failed else EXIT_OK


def _purge(args: argparse.Namespace, session: Session, out: TextIO) -> None:
    from datetime import datetime

    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.retention import due_for_purge, purge_due

    now = datetime.now().astimezone()
    due = due_for_purge(session, now) if args.dry_run else purge_due(session, now)
    verb = "due for purging" if args.dry_run else "purged"
    print(f"{len(due)} case(s) {verb}.", file=out)
    for item in due:
        print(f"{item.case_id}", file=out)


def _review(session: Session, out: TextIO) -> None:
    print_review(session, lambda side: _who(session, side), out)


def print_review(store: ReviewStore, who: Callable[[Side], str], out: TextIO) -> None:
    """The open conflicts (both sides, ``who`` wrote each) and alarms of either station
    store (``cli_station_pg`` prints a PostgreSQL station's through here)."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.review import open_alarms, open_conflicts

    conflicts, alarms = open_conflicts(store), open_alarms(store)
    print(f"{len(conflicts)} conflict(s), {len(alarms)} alarm(s) to review.", file=out)
    for c in conflicts:
        print(f"conflict {c.id}\t{c.entity_type}/{c.entity_id}\t{c.field}", file=out)
        for label, side in (("current", c.current), ("incoming", c.incoming)):
            print(f"  {label:<9}{_value(c.field, side.value)}\t{who(side)}", file=out)
    if conflicts:
        print("Settle one: fieldapp sync resolve ID --keep current|incoming", file=out)
    for a in alarms:
        print(f"alarm\t{a.get('kind')}\t{str(a.get('device_id'))[:8]}\t{a.get('detail')}", file=out)


def _value(field: str, value: Any) -> str:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.storage.records import VOIDED_FIELD

    if field == VOIDED_FIELD:  # the record withdrawn, or kept with an edit
        return "withdrawn" if value else "kept (edited)"
    return json.dumps(value, ensure_ascii=False)


def _who(session: Session, side: Side) -> str:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.review import officer_name

    return who_wrote(
        side, session.device_id, officer_name(session, side.device_id, side.officer_id)
    )


def who_wrote(side: Side, station_device: str, officer: str) -> str:
    """Who wrote a side, on which device, and when (local time)."""
    from datetime import datetime

    where = "this station" if side.device_id == station_device else f"laptop {side.device_id[:8]}"
    try:
        when = datetime.fromisoformat(side.wall_time).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = side.wall_time
    return f"{officer}, {where}, {when}"


def print_cases(store: ReviewStore, operation_id: str | None, out: TextIO) -> None:
    """The consolidated case list: case, operation, laptop, officer, entry, place, status,
    review state, and the cases it may duplicate. An unknown operation is refused."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.storage.records import Records
    from fieldapp.sync.review import consolidated_cases

    if operation_id is not None:
        Records(store.conn).require("operation", operation_id, "operation")
    listed = consolidated_cases(store, operation_id)
    print(f"{len(listed)} case(s).", file=out)
    for row in listed:
        case = row.origin.case
        place = case.get("place_name") or case.get("address") or ""
        fields = (
            case.entity_id,
            case.operation_id or "",
            row.origin.device_id[:8],
            case.created_by,
            str(case.get("start") or ""),
            str(place),
            str(case.get("status") or ""),
            row.review,
            ",".join(d[-8:].upper() for d in row.duplicates),
        )
        print("\t".join(fields), file=out)


def _recover(args: argparse.Namespace, vault: Vault, out: TextIO, prompter: Prompter) -> int:
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.sync.recover import load_card_key, recover

    vault.key_file()
    key_pass = prompter.passphrase(args.key_passphrase_file, "Card key passphrase")
    keys = load_card_key(args.card_key, key_pass)
    new = prompter.passphrase(
        args.new_passphrase_file, f"New passphrase for {args.reset}", confirm=True
    )
    recover(vault, keys, args.reset, new)
    print(f"{args.reset} has a new passphrase; the recovery is recorded in the log.", file=out)
    return EXIT_OK
