"""Provisioning files, good and bad (issue #17): every problem is named by its setting,
its line and a coded reason; a file with any problem manages nothing; the command line
explains each one."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import cli, provisioning
from fieldapp.composition import open_vault
from fieldapp.sync.station import StationCard, init_station, station_keys
from tests.conftest import TEST_COST

HEADER = 'format = "fieldapp-provisioning"\nversion = 1\n'


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StationCard]:
    folder = tmp_path_factory.mktemp("station")
    session = init_station(
        open_vault(folder / "vault"), "S300001", "Stina Stationsdotter", "ett långt stationslösen",
        "Station Provsta", cost=TEST_COST,
    )  # fmt: skip
    try:
        yield station_keys(session).card
    finally:
        session.lock()


def _file(tmp_path: Path, body: str, card: StationCard | None = None) -> Path:
    if card is not None:
        card.save(tmp_path / "station.json")
    path = tmp_path / "fieldapp.toml"
    path.write_text(body, "utf-8")
    return path


GOOD = HEADER + (
    'county = "vastmanland"\n'
    'station_card = "station.json"\n'
    "idle_lock_minutes = 3\n"
    'language = "en"\n'
    'printer = "Polisen-Utskrift-3"\n'
)


def test_a_good_file_manages_each_setting(tmp_path: Path, card: StationCard) -> None:
    managed = provisioning.check(_file(tmp_path, GOOD, card))
    assert managed.problems == ()
    assert managed.value("county") == "vastmanland"
    assert managed.value("station_card").fingerprint == card.fingerprint
    assert managed.idle_lock_seconds == 180
    assert managed.value("language") == "en" and managed.value("printer") == "Polisen-Utskrift-3"
    assert all(managed.is_managed(name) for name in provisioning.SETTINGS)


def test_a_partial_file_manages_only_what_it_names(tmp_path: Path) -> None:
    managed = provisioning.check(_file(tmp_path, HEADER + "idle_lock_minutes = 10\n"))
    assert managed.problems == () and managed.idle_lock_seconds == 600
    assert not managed.is_managed("language") and managed.value("language") is None


BAD = HEADER + (
    'county = "atlantis"\n'  # line 3
    'station_card = "missing.json"\n'  # 4
    "idle_lock_minutes = 0\n"  # 5
    'language = "de"\n'  # 6
    'printer = "two\\nlines"\n'  # 7
    "colour = true\n"  # 8
)


def test_every_problem_is_named_with_its_line_and_code(tmp_path: Path) -> None:
    managed = provisioning.check(_file(tmp_path, BAD))
    found = {(p.setting, p.line, p.reason.code) for p in managed.problems}
    assert found == {
        ("county", 3, "unknown_county"),
        ("station_card", 4, "provision_station_card_missing"),
        ("idle_lock_minutes", 5, "provision_out_of_range"),
        ("language", 6, "provision_language"),
        ("printer", 7, "provision_printer"),
        ("colour", 8, "provision_unknown_setting"),
    }
    assert managed.values == {}  # all or nothing


@pytest.mark.parametrize(
    ("body", "setting", "line", "code"),
    [
        (
            'format = "fieldapp-provisioning"\nversion = 1\ncounty = \n',
            "file",
            3,
            "provision_syntax",
        ),
        ('version = 1\nlanguage = "sv"\n', "format", None, "provision_format"),
        ('format = "fieldapp-provisioning"\nversion = 2\n', "version", 2, "provision_too_new"),
        (HEADER + 'idle_lock_minutes = "5"\n', "idle_lock_minutes", 3, "provision_not_minutes"),
        (HEADER + "idle_lock_minutes = true\n", "idle_lock_minutes", 3, "provision_not_minutes"),
        (HEADER + "county = 7\n", "county", 3, "provision_wrong_type"),
        (HEADER + 'printer = ""\n', "printer", 3, "provision_printer"),
        (HEADER + "[language]\nsv = 1\n", "language", None, "provision_wrong_type"),
    ],
)
def test_bad_files(tmp_path: Path, body: str, setting: str, line: int | None, code: str) -> None:
    (problem,) = provisioning.check(_file(tmp_path, body)).problems
    assert (problem.setting, problem.line, problem.reason.code) == (setting, line, code)


def test_a_damaged_station_card_is_refused(tmp_path: Path) -> None:
    (tmp_path / "station.json").write_text('{"name": "x"}')
    body = HEADER + 'station_card = "station.json"\n'
    (problem,) = provisioning.check(_file(tmp_path, body)).problems
    assert problem.reason.code == "provision_station_card_invalid"


def test_not_text_or_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fieldapp.toml"
    path.write_bytes(b"\xff\xfe" + b"x" * 10)
    assert provisioning.check(path).problems[0].reason.code == "provision_encoding"
    path.write_bytes(b"#" * (provisioning.MAX_BYTES + 1))
    assert provisioning.check(path).problems[0].reason.code == "input_too_large"


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(cli.build_parser().parse_args(list(argv)), out=out)
    return code, out.getvalue()


def test_provision_check_explains_every_problem(tmp_path: Path) -> None:
    path = _file(tmp_path, BAD)
    code, out = _cli("provision", "--check", str(path))
    assert code == cli.EXIT_FAILED
    lines = out.splitlines()
    assert lines[0] == f"{path}:3: county: " + provisioning.check(path).problems[0].reason
    for line, setting in ((4, "station_card"), (5, "idle_lock_minutes"), (8, "colour")):
        assert any(x.startswith(f"{path}:{line}: {setting}: ") for x in lines)
    assert lines[-1].startswith("6 problem(s): nothing in")


def test_provision_check_lists_what_a_good_file_manages(tmp_path: Path, card: StationCard) -> None:
    code, out = _cli("provision", "--check", str(_file(tmp_path, GOOD, card)))
    assert code == cli.EXIT_OK
    assert "idle_lock_minutes = 3" in out and card.fingerprint in out


def test_this_machine_s_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(provisioning.SITE_CONFIG_ENV, str(tmp_path / "none.toml"))
    assert provisioning.load() == provisioning.Managed()
    code, out = _cli("provision")
    assert code == cli.EXIT_OK and "nothing is managed" in out
    code, _ = _cli("provision", "--check", str(tmp_path / "none.toml"))
    assert code == cli.EXIT_FAILED


def test_the_default_place_is_the_site_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(provisioning.SITE_CONFIG_ENV, raising=False)
    expected = Path(platformdirs.site_config_dir("fieldapp", appauthor=False, multipath=False))
    assert provisioning.site_file() == expected / "fieldapp.toml"
