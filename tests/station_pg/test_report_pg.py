"""The operation report from a PostgreSQL station: the same figures as from a station
vault that imported the same bundles (one code path: ``documents.service`` over a
``PgStationContext``), a real PDF from ``report --database``, and a one-line refusal of an
operation the station does not hold."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp import cli
from fieldapp.documents import service
from fieldapp.storage.session import Session
from fieldapp.sync.importer import StationImporter
from fieldapp.sync.laptop_card import make_laptop_card
from fieldapp.sync.pg_context import PgStationContext
from fieldapp.sync.pg_store import PgStationStore
from fieldapp.sync.register import register_laptop
from fieldapp.sync.station import station_keys
from fieldapp.workflow import evidence, outreach
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_NAME
from tests.station_pg.conftest import STAFF, STAFF_PASS
from tests.sync.conftest import Laptop
from tests.sync.helpers import seal
from tests.workflow.conftest import CET_SUMMER

PRINTED = datetime(2026, 5, 23, 9, 0, tzinfo=CET_SUMMER)


def test_the_report_from_postgresql_is_the_vaults(
    pg_station: PgStationStore,
    vault_station: Session,
    target: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    laptop = Laptop(tmp_path / "a", pg_station.keys.card)
    for amount in (1500, 800, 2000):
        case_id, buyer_id = laptop.new_case()
        evidence.record_element(
            laptop.ctx, case_id, buyer_id, "stated_price", {"source": "ad", "amount": amount}
        )
    outreach.record_delivery(laptop.ctx, laptop.operation, {"company": "Hotell P", "kind": "hotel"})
    session = laptop.session
    events = list(session.events())
    for card, register in (
        (station_keys(vault_station).card, vault_station),
        (pg_station.keys.card, pg_station),
    ):
        laptop_card = dataclasses.replace(make_laptop_card(session), station=card.fingerprint)
        register_laptop(register, laptop_card)
        importer = StationImporter(register)  # type: ignore[arg-type]
        importer.import_bytes(seal(card, events, {}, session, vault_id=session.vault_id))
    operation = laptop.operation

    from_vault = service.report_data(Context(vault_station, lambda: PRINTED), operation)
    from_pg = service.report_data(PgStationContext(pg_station, lambda: PRINTED), operation)
    assert from_pg == from_vault
    assert len(from_pg.buyers) == 3 and len(from_pg.places) == 3

    pdf = tmp_path / "report.pdf"
    (tmp_path / "staff-pass").write_text(STAFF_PASS + "\n")
    unlock = ["--officer", STAFF, "--passphrase-file", str(tmp_path / "staff-pass")]
    argv = ["report", "--operation", operation, "--out", str(pdf), "--database", target, *unlock]
    code, out, err = _run(tmp_path, argv, capsys)
    assert code == 0, err
    assert out.startswith(f"Wrote {pdf}")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Insats" in text  # the operation's name, from the station's records
    # The officer who handed the leaflet over, by name from the laptop's enrolment event,
    # and where the cases are: in the station's database (a vault's report: the vault).
    flat = " ".join(text.split())
    assert re.search(rf"Hotell P hotell 2026-05-14 \S+ {ADMIN_NAME} ", flat), flat
    assert ADMIN_ID not in flat
    assert "ärendena finns i stationens databas" in flat
    from_vault_pdf = service.operation_report_pdf(
        Context(vault_station, lambda: PRINTED), operation
    )
    vault_text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(from_vault_pdf)).pages).split()
    )
    assert "ärendena finns i valvet" in vault_text

    argv = ["report", "--operation", "no-such", "--out", str(tmp_path / "x.pdf")]
    code, _, err = _run(tmp_path, [*argv, "--database", target, *unlock], capsys)
    assert code == 1 and err.count("\n") == 1 and "no such operation" in err
    assert not (tmp_path / "x.pdf").exists()
    vault_station.lock()
    session.lock()


def _run(tmp: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    args = cli.build_parser().parse_args(["--data-dir", str(tmp / "unused"), *argv])
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue(), capsys.readouterr().err
