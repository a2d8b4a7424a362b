"""The retention period, shown and set from the command line on a laptop and at a station:
each its own period with its own default, set only by an administrator, logged as an event,
refused outside 0–3650 days."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.storage.session import Session
from fieldapp.sync.retention import retention_days
from tests.conftest import ADMIN_ID, ADMIN_PASS, FIELD_ID, FIELD_NAME, FIELD_PASS
from tests.sync.conftest import STATION_OFFICER, STATION_PASS, Laptop


def _cli(
    session: Session, officer: str, passphrase: str, tmp_path: Path, *argv: str
) -> tuple[int, str, str]:
    secret = tmp_path / f"{officer}.txt"
    secret.write_text(passphrase + "\n")
    args = cli.build_parser().parse_args(
        [
            "--data-dir",
            str(session.vault.data_dir),
            *argv,
            "--officer",
            officer,
            "--passphrase-file",
            str(secret),
        ]
    )
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue(), err.getvalue()


def _setting_events(session: Session) -> list[dict[str, object]]:
    return [e.data for e in session.events() if e.entity_type == "vault" and e.kind == "amend"]


def test_retention_on_a_laptop(
    laptop: Laptop, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = (laptop.session, ADMIN_ID, ADMIN_PASS, tmp_path)
    code, out, _ = _cli(*admin, "settings", "retention")
    assert code == 0 and out.startswith("Retention: 30 days (default 30) on this laptop")
    code, out, _ = _cli(*admin, "settings", "retention", "--days", "14")
    assert code == 0 and "Retention: 14 days (default 30)" in out
    assert retention_days(laptop.session) == 14
    assert _setting_events(laptop.session) == [{"setting": "retention_days", "value": 14}]

    code, _, _ = _cli(*admin, "settings", "retention", "--days", "4000")
    assert code == 1 and "Retention: between 0 and 3650 days." in capsys.readouterr().err
    laptop.session.enrol_officer(FIELD_ID, FIELD_NAME, "field_officer", FIELD_PASS)
    field = (laptop.session, FIELD_ID, FIELD_PASS, tmp_path)
    code, out, _ = _cli(*field, "settings", "retention")
    assert code == 0 and "14 days" in out  # anyone may see it
    code, _, _ = _cli(*field, "settings", "retention", "--days", "1")
    assert code == 1 and "Only an administrator" in capsys.readouterr().err
    assert retention_days(laptop.session) == 14
    assert len(_setting_events(laptop.session)) == 1


def test_retention_at_the_station(station: Session, tmp_path: Path) -> None:
    login = (station, STATION_OFFICER, STATION_PASS, tmp_path)
    code, out, _ = _cli(*login, "settings", "retention")
    assert code == 0 and out.startswith("Retention: 365 days (default 365) at this station")
    assert "a laptop's purge removes nothing here" in out
    code, out, _ = _cli(*login, "settings", "retention", "--days", "730")
    assert code == 0 and "Retention: 730 days" in out
    assert _setting_events(station) == [{"setting": "station_retention_days", "value": 730}]
    assert retention_days(station) == 30  # the laptop period is another setting
