"""The access log, listed by an administrator from the command line on a real vault: by
person, case, officer and days; the listing is itself logged; others are refused."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.storage.session import Session
from fieldapp.workflow import cases, persons
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_PASS, FIELD_ID, FIELD_NAME, FIELD_PASS
from tests.workflow.conftest import BUYER, Clock


def _cli(session: Session, officer: str, passphrase: str, *argv: str) -> tuple[int, str]:
    secret = session.vault.data_dir / f"{officer}.pass"
    secret.write_text(passphrase + "\n")
    login = ("--officer", officer, "--passphrase-file", str(secret))
    args = cli.build_parser().parse_args(["--data-dir", str(session.vault.data_dir), *argv, *login])
    out = io.StringIO()
    return cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO())), out.getvalue()


def _listings(session: Session) -> int:
    return sum(1 for e in session.events() if e.data.get("action") == "list_access_log")


def test_access_log_by_person_case_officer_and_day(
    ctx: Context,
    clock: Clock,
    case_id: str,
    buyer_id: str,
    seller_id: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session = ctx.session
    session.enrol_officer(FIELD_ID, FIELD_NAME, "field_officer", FIELD_PASS)
    other_case = cases.open_case(
        ctx,
        str(ctx.records.get("case", case_id).operation_id),  # type: ignore[union-attr]
        {"place_kind": "other", "address": "Gatan 2", "municipality": "Sala"},
    ).entity_id
    other_buyer = persons.add_buyer(ctx, other_case, BUYER).entity_id
    persons.open_person(ctx, buyer_id)
    persons.open_person(ctx, other_buyer, "export")
    field = session.vault.unlock(FIELD_ID, FIELD_PASS)
    persons.open_person(Context(field, clock), seller_id)
    field.lock()

    admin = (session, ADMIN_ID, ADMIN_PASS)
    code, out = _cli(*admin, "access-log", "--person", buyer_id)
    assert code == 0, capsys.readouterr().err
    lines = out.splitlines()
    assert lines[0].startswith("1 access(es)")
    assert f"buyer {buyer_id}" in lines[1] and f"case {case_id}" in lines[1]
    assert "(T100001)" in lines[1] and "this computer" in lines[1] and "open (view)" in lines[1]

    code, out = _cli(*admin, "access-log", "--case", case_id)
    assert out.startswith("2 access(es)")  # the buyer and the seller, not the other case
    assert f"seller {seller_id}" in out and f"{FIELD_NAME} ({FIELD_ID})" in out
    assert other_buyer not in out
    code, out = _cli(*admin, "access-log", "--case", other_case)
    assert out.startswith("1 access(es)") and "open (export)" in out
    code, out = _cli(*admin, "access-log", "--by", FIELD_ID, "--case", case_id)
    assert out.startswith("1 access(es)") and seller_id in out
    today = date.today()
    code, out = _cli(*admin, "access-log", "--case", case_id, "--since", today.isoformat())
    assert out.startswith("2 access(es)")
    yesterday = (today - timedelta(days=1)).isoformat()
    code, out = _cli(*admin, "access-log", "--case", case_id, "--until", yesterday)
    assert out.startswith("0 access(es)")
    code, out = _cli(*admin, "access-log")  # everything: unlocks, and the listings so far
    assert "list_access_log" in out and "unlock" in out
    assert _listings(session) == 7  # every listing is logged

    code, _ = _cli(*admin, "access-log", "--since", "31/12")
    assert code == 1 and "since: a date as YYYY-MM-DD." in capsys.readouterr().err
    code, _ = _cli(*admin, "access-log", "--since", today.isoformat(), "--until", yesterday)
    assert code == 1 and "first date comes after the last" in capsys.readouterr().err
    code, _ = _cli(session, FIELD_ID, FIELD_PASS, "access-log")
    assert code == 1 and "Only an administrator" in capsys.readouterr().err
    assert _listings(session) == 7  # refusals list nothing and log no listing
