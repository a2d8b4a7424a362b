"""Headless commands for a station kept in PostgreSQL (issue #18), chosen by ``--database``
on the station's commands (``cli_sync`` hands over here):

    fieldapp station init --database TARGET --station-name NAME --officer STAFF  (owner)
    fieldapp station migrate --database TARGET [--officer STAFF] [--county C]  (owner)
    fieldapp station staff add NAME --role staff|admin|purge (--county C… | --all-counties)
        --database TARGET --officer STAFF                             (admins)
    fieldapp station staff remove NAME | list --database TARGET --officer STAFF
    fieldapp station card --database TARGET --out card.json
    fieldapp station register laptop-card.json --database TARGET [--county C] [--yes]
    fieldapp station laptops --database TARGET
    fieldapp station revoke DEVICE --database TARGET --reason lost|stolen|retired
    fieldapp sync import FILE... --database TARGET [--receipts DIR]
    fieldapp sync review --database TARGET                        (conflicts and alarms)
    fieldapp sync resolve ID --keep current|incoming | --value V --database TARGET
    fieldapp sync cases [--operation ID] --database TARGET        (the consolidated list)
    fieldapp report --operation ID --out FILE.pdf --database TARGET   (cli_documents)
    fieldapp access-log --database TARGET --officer STAFF [--case ID ...] (who opened what)

TARGET is a libpq URL (``postgresql://staff@host/region``), a conninfo string, or a
service name from ``pg_service.conf``. A password is never given on the command line: it
comes from the service file, a password file (``PGPASSFILE``), or ``--ask-password``.
``--expect-station FINGERPRINT`` refuses a database that holds another station.

The station's private keys are sealed in the database (``sync.pg_keys``): every command
but ``migrate`` unlocks them with a staff member's passphrase (``--officer STAFF``, the
passphrase from ``--passphrase-file`` or asked), a secret the database does not hold.
``station init`` makes the first staff member's key slot; ``station staff add`` another
(the new member types their passphrase); ``migrate`` asks for one only when it seals the
clear keys of a database made before (schema 1: a new passphrase), or when it fills the
records projection from a log stored before it (the sealed bodies opened: an existing one).
After a wrong passphrase the next unlock from this PC waits (``pg_keys.UnlockBackoff``,
counted in ``--data-dir``), as a vault's login does.

Staff log in to PostgreSQL as themselves, and unlock with their own key slot: ``--officer``
is their login's name (``station_staff_not_login`` otherwise; the owner excepted). Each is
staff, admin or purge, of some counties or all (``sync.pg_counties``); row-level security
shows a login only its counties' rows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from fieldapp import paths
from fieldapp.cli_login import Prompter
from fieldapp.cli_sync import (
    EXIT_FAILED,
    EXIT_OK,
    confirmed,
    import_batch,
    one_device,
    print_cases,
    print_review,
    who_wrote,
)
from fieldapp.errors import InvalidInput, coded
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import LaptopCard
from fieldapp.sync.pg_counties import checked_counties
from fieldapp.sync.pg_store import (
    PgStationStore,
    init_pg_station,
    migrate_pg_station,
    open_pg_station,
    refuse_password_in_target,
)
from fieldapp.sync.register import registered_laptops, revoke_laptop
from fieldapp.sync.review import settle


def _target(args: argparse.Namespace, prompter: Prompter) -> tuple[str, str | None]:
    """The database named by ``--database`` and the password asked for, if any; a
    password on the command line is refused."""
    target = str(args.database)
    refuse_password_in_target(target)
    password = prompter.passphrase(None, "Database password") if args.ask_password else None
    return target, password


def report_pdf(args: argparse.Namespace, prompter: Prompter) -> bytes:
    """``fieldapp report --operation ID --database TARGET``: the operation report from the
    station's database, by the same code as from a vault (``PgStationContext``)."""
    # Deferred for start-up time: loaded only when this command runs.
    from fieldapp.documents import service
    from fieldapp.sync.pg_context import PgStationContext

    store = unlocked(args, prompter)
    try:
        return service.operation_report_pdf(PgStationContext(store), args.operation_id)
    finally:
        store.close()


def run(args: argparse.Namespace, out: TextIO, prompter: Prompter) -> int:
    """One command against the database; a refusal is raised (``cli.run`` reports it)."""
    target, password = _target(args, prompter)
    if args.command == "station" and args.station_command == "init":
        staff = _option(args, "officer")
        passphrase = prompter.passphrase(
            args.passphrase_file, f"New passphrase for {staff}", confirm=True
        )
        store = init_pg_station(
            target, args.station_name, password, staff=staff, passphrase=passphrase
        )
        print(
            f"Created a station in the database. Fingerprint: {store.keys.card.fingerprint}",
            file=out,
        )
        store.close()
        return EXIT_OK
    if args.command == "station" and args.station_command == "migrate":

        def ask_staff() -> tuple[str, str]:
            staff = _option(args, "officer")
            what = f"New passphrase for {staff}"
            return staff, prompter.passphrase(args.passphrase_file, what, confirm=True)

        def ask_unlock() -> tuple[str, str]:
            staff = _option(args, "officer")
            return staff, prompter.passphrase(args.passphrase_file, f"Passphrase for {staff}")

        before, after = migrate_pg_station(
            target,
            password,
            ask_staff=ask_staff,
            ask_unlock=ask_unlock,
            backoff_dir=paths.data_dir(args.data_dir),
            county=args.county,
        )
        print(f"The station's schema was at version {before}; it is at {after}.", file=out)
        return EXIT_OK
    staff_command = args.command == "station" and args.station_command == "staff"
    if staff_command and args.staff_action != "list":
        _option(args, "staff_name")  # before any passphrase is asked
    if staff_command and args.staff_action == "add":
        checked_counties(args.county, args.all_counties)
    store = unlocked(args, prompter, target, password)
    try:
        if args.command == "sync" and args.sync_command in ("review", "resolve", "cases"):
            return _review(args, store, out)
        if args.command == "sync":
            return import_batch(args, StationImporter(store), out)
        if args.station_command == "card":
            card = store.keys.card
            card.save(args.out)
            print(f"Wrote {args.out}. Fingerprint: {card.fingerprint}", file=out)
        elif args.station_command == "register":
            return _register(args.laptop_card, args.yes, args.county, store, out)
        elif args.station_command == "staff":
            _staff(args, store, out, prompter)
        elif args.station_command == "revoke":
            device = one_device(store, args.device)
            laptop = revoke_laptop(store, device, args.reason, args.note)
            print(
                f"Revoked laptop {device[:8]} ({laptop.revoke_reason}): bundles beyond "
                f"sequence {laptop.accepted_through} are refused.",
                file=out,
            )
        else:
            laptops = registered_laptops(store)
            print(f"{len(laptops)} laptop(s) registered.", file=out)
            for laptop in laptops:
                state = "revoked" if laptop.revoked else "registered"
                print(f"{laptop.device_id}\t{laptop.fingerprint}\t{state}", file=out)
        return EXIT_OK
    finally:
        store.close()


def unlocked(
    args: argparse.Namespace,
    prompter: Prompter,
    target: str | None = None,
    password: str | None = None,
) -> PgStationStore:
    """The station in ``--database``, unlocked with ``--officer``'s passphrase."""
    if target is None:
        target, password = _target(args, prompter)
    staff = _option(args, "officer")
    passphrase = prompter.passphrase(args.passphrase_file, f"Passphrase for {staff}")
    # Wrong passphrases make the next try from this PC wait (pg_keys.UnlockBackoff).
    return open_pg_station(
        target,
        args.expect_station,
        password,
        staff=staff,
        passphrase=passphrase,
        backoff_dir=paths.data_dir(args.data_dir),
    )


def _review(args: argparse.Namespace, store: PgStationStore, out: TextIO) -> int:
    """``sync review|resolve|cases``: the vault's review (``sync.review``) on PostgreSQL."""
    reviewer = store.reviewer()
    if args.sync_command == "cases":
        print_cases(reviewer, args.operation, out)
    elif args.sync_command == "resolve":
        conflict = settle(reviewer, args.conflict, args.keep, args.value)
        print(f"Settled conflict {conflict.id} ({conflict.field}).", file=out)
    else:
        # Officers are named by their service id: a PostgreSQL station keeps no officers
        # projection (the names are in the laptops' enrolment events).
        print_review(reviewer, lambda side: who_wrote(side, store.device_id, side.officer_id), out)
    return EXIT_OK


def _register(path: Path, yes: bool, county: str | None, store: PgStationStore, out: TextIO) -> int:
    card = LaptopCard.load(path)
    print(f"Laptop {card.device_id}\nFingerprint: {card.fingerprint}", file=out)
    if not yes and not confirmed("Same fingerprint as shown on the laptop? [y/N] "):
        print("fieldapp: not registered.", file=sys.stderr)
        return EXIT_FAILED
    laptop = store.register_laptop(card, county)
    where = store.laptop_county(laptop.device_id) or "no county"
    print(
        f"Registered laptop {laptop.device_id[:8]} ({where}): its bundles are accepted.", file=out
    )
    return EXIT_OK


def _staff(
    args: argparse.Namespace, store: PgStationStore, out: TextIO, prompter: Prompter
) -> None:
    if args.staff_action == "add":
        name = str(args.staff_name)
        new = prompter.passphrase(
            args.new_passphrase_file, f"New passphrase for {name}", confirm=True
        )
        store.add_staff(name, new, args.role, args.county, all_counties=args.all_counties)
        print(f"Added {name} ({args.role}) with a key slot: they can unlock the station.", file=out)
    elif args.staff_action == "remove":
        store.remove_staff(str(args.staff_name))
        print(f"Removed {args.staff_name}'s key slot.", file=out)
    else:
        names = store.staff()
        members = {m.login: m for m in store.members()}
        print(f"{len(names)} staff key slot(s).", file=out)
        for name in names:
            member = members.get(name)
            if member is None:
                print(f"{name}\t-\t-", file=out)  # a slot from before roles and counties
                continue
            where = "all counties" if member.all_counties else ", ".join(member.counties)
            print(f"{name}\t{member.role}\t{where}", file=out)


def _option(args: argparse.Namespace, name: str) -> str:
    """A value the PostgreSQL station needs: ``--officer`` (the staff member who unlocks),
    or a staff command's NAME."""
    value = getattr(args, name, None)
    if value is None or not str(value).strip():
        flag = "NAME" if name == "staff_name" else "--" + name.replace("_", "-")
        raise InvalidInput(coded("required", f"{flag}: required."), field=flag)
    return str(value)
