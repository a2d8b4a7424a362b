"""Headless commands for a station kept in PostgreSQL (issue #18), chosen by ``--database``
on the station's commands (``cli_sync`` hands over here):

    fieldapp station init --database TARGET --station-name NAME   (as the database's owner)
    fieldapp station migrate --database TARGET                    (as the database's owner)
    fieldapp station card --database TARGET --out card.json
    fieldapp station register laptop-card.json --database TARGET [--yes]
    fieldapp station laptops --database TARGET
    fieldapp station revoke DEVICE --database TARGET --reason lost|stolen|retired
    fieldapp sync import FILE... --database TARGET [--receipts DIR]
    fieldapp sync review --database TARGET                        (the open alarms)

TARGET is a libpq URL (``postgresql://staff@host/region``), a conninfo string, or a
service name from ``pg_service.conf``. A password is never given on the command line: it
comes from the service file, a password file (``PGPASSFILE``), or ``--ask-password``.
``--expect-station FINGERPRINT`` refuses a database that holds another station.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from fieldapp.cli_login import Prompter
from fieldapp.cli_sync import EXIT_FAILED, EXIT_OK, confirmed, import_batch, one_device
from fieldapp.errors import KnownError, coded
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import LaptopCard
from fieldapp.sync.pg_store import (
    PgStationStore,
    has_password,
    init_pg_station,
    migrate_pg_station,
    open_pg_station,
)
from fieldapp.sync.register import register_laptop, registered_laptops, revoke_laptop


def run(args: argparse.Namespace, out: TextIO, prompter: Prompter) -> int:
    """One command against the database; a refusal is raised (``cli.run`` reports it)."""
    target = str(args.database)
    if has_password(target):
        raise KnownError(
            coded(
                "station_db_password_given",
                "A password is never given on the command line: use a service file, a "
                "password file (PGPASSFILE) or --ask-password.",
            )
        )
    password = prompter.passphrase(None, "Database password") if args.ask_password else None
    if args.command == "station" and args.station_command == "init":
        store = init_pg_station(target, args.station_name, password)
        print(
            f"Created a station in the database. Fingerprint: {store.keys.card.fingerprint}",
            file=out,
        )
        store.close()
        return EXIT_OK
    if args.command == "station" and args.station_command == "migrate":
        before, after = migrate_pg_station(target, password)
        print(f"The station's schema was at version {before}; it is at {after}.", file=out)
        return EXIT_OK
    store = open_pg_station(target, args.expect_station, password)
    try:
        if args.command == "sync" and args.sync_command == "review":
            alarms = store.open_alarms()  # conflicts: not kept in PostgreSQL yet
            print(f"{len(alarms)} alarm(s) to review.", file=out)
            for a in alarms:
                device = str(a.get("device_id"))[:8]
                print(f"alarm\t{a.get('kind')}\t{device}\t{a.get('detail')}", file=out)
            return EXIT_OK
        if args.command == "sync":
            return import_batch(args, StationImporter(store), out)
        if args.station_command == "card":
            card = store.keys.card
            card.save(args.out)
            print(f"Wrote {args.out}. Fingerprint: {card.fingerprint}", file=out)
        elif args.station_command == "register":
            return _register(args.laptop_card, args.yes, store, out)
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


def _register(path: Path, yes: bool, store: PgStationStore, out: TextIO) -> int:
    card = LaptopCard.load(path)
    print(f"Laptop {card.device_id}\nFingerprint: {card.fingerprint}", file=out)
    if not yes and not confirmed("Same fingerprint as shown on the laptop? [y/N] "):
        print("fieldapp: not registered.", file=sys.stderr)
        return EXIT_FAILED
    laptop = register_laptop(store, card)
    print(f"Registered laptop {laptop.device_id[:8]}: its bundles are accepted.", file=out)
    return EXIT_OK
