"""Typed settings: declared once, read and written through the declaration, kept in the
vault; the station's private keys are not among them."""

from __future__ import annotations

from pathlib import Path

from fieldapp import settings
from fieldapp.composition import open_vault
from fieldapp.domain.evaluation import CompletionRule
from fieldapp.settings import Scope, Setting
from fieldapp.storage.database import transaction
from fieldapp.storage.session import IDLE_TIMEOUT, Session
from fieldapp.sync.retention import RETENTION_DAYS, retention_days
from fieldapp.sync.station import STATION_NAME, init_station, station_keys
from fieldapp.workflow.context import COMPLETION_RULE, Context
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST

COUNT = Setting("test.count", int, 7)
FLAG = Setting("test.flag", bool, False, Scope.PERSIST)
RULE = Setting("test.rule", CompletionRule, CompletionRule.COUNTY_PRACTICE)


def test_a_setting_reads_its_default_then_what_was_put(admin_session: Session) -> None:
    assert settings.get(admin_session, COUNT) == 7
    settings.put(admin_session, COUNT, 12)
    assert settings.get(admin_session, COUNT) == 12
    assert admin_session.setting("test.count", "") == "12"
    settings.put(admin_session, FLAG, True)
    assert settings.get(admin_session, FLAG) is True
    assert admin_session.setting("test.flag", "") == "1"
    settings.put(admin_session, RULE, CompletionRule.ACT_BEGUN_REQUIRED)
    assert settings.get(admin_session, RULE) is CompletionRule.ACT_BEGUN_REQUIRED


def test_a_value_that_does_not_parse_reads_as_the_default(admin_session: Session) -> None:
    admin_session.set_setting("test.count", "sju")
    admin_session.set_setting("test.rule", "no such rule")
    assert settings.get(admin_session, COUNT) == 7
    assert settings.get(admin_session, RULE) is CompletionRule.COUNTY_PRACTICE


def test_the_app_settings_are_typed_and_stay_where_they_were(admin_session: Session) -> None:
    # The keys are those earlier versions wrote, so existing vaults keep their settings.
    assert (IDLE_TIMEOUT.name, RETENTION_DAYS.name, COMPLETION_RULE.name) == (
        "idle_timeout_seconds",
        "retention_days",
        "completion_rule",
    )
    assert IDLE_TIMEOUT.managed and IDLE_TIMEOUT.scope is Scope.SETTING
    admin_session.set_setting("retention_days", "45")
    assert retention_days(admin_session) == 45
    Context(admin_session).set_completion_rule("act_begun_required")
    assert Context(admin_session).completion_rule is CompletionRule.ACT_BEGUN_REQUIRED


def test_the_station_keys_are_not_settings(tmp_path: Path) -> None:
    vault = open_vault(tmp_path / "station")
    session = init_station(vault, ADMIN_ID, ADMIN_NAME, ADMIN_PASS, "Station Test", cost=TEST_COST)
    try:
        keys = station_keys(session)
        stored = dict(session.conn.execute("SELECT key, value FROM settings").fetchall())
        assert settings.get(session, STATION_NAME) == "Station Test"
        assert not any(k.startswith("station.") and k != "station.name" for k in stored)
        assert keys.identity not in stored.values()
        assert keys.signing_key.private_bytes_raw().hex() not in stored.values()
    finally:
        session.lock()


def test_a_station_made_before_keeps_its_keys_in_settings_and_still_opens(tmp_path: Path) -> None:
    vault = open_vault(tmp_path / "station")
    session = init_station(vault, ADMIN_ID, ADMIN_NAME, ADMIN_PASS, "Station Test", cost=TEST_COST)
    try:
        card = station_keys(session).card
        with transaction(session.conn):  # where an earlier version kept them
            rows = session.conn.execute(
                "SELECT key, value FROM meta WHERE key LIKE 'station.%'"
            ).fetchall()
            session.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", rows)
            session.conn.execute("DELETE FROM meta WHERE key LIKE 'station.%'")
        assert station_keys(session).card == card
    finally:
        session.lock()
