"""Wrong passphrases for a PostgreSQL station make the next try from this PC wait, as a
vault's login does: the count kept per station in the app's data folder, no secret in it,
the wait the vault's policy gives; refused meanwhile before any key derivation; a right
passphrase after the wait starts the count again. Times come from a clock the test holds:
nothing here waits or measures."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.errors import BackoffActive, KnownError, WrongPassphrase
from fieldapp.storage.unlock_state import MAX_DELAY_SECONDS
from fieldapp.sync import pg_keys
from fieldapp.sync.pg_store import PgStationStore, open_pg_station
from tests.station_pg.conftest import STAFF, STAFF_PASS


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_wrong_passphrase_makes_the_next_try_wait(
    pg_station: PgStationStore, pg_database: str, tmp_path: Path
) -> None:
    clock = Clock()
    app = tmp_path / "app"
    app.mkdir()

    def attempt(passphrase: str) -> PgStationStore:
        return open_pg_station(
            pg_database, staff=STAFF, passphrase=passphrase, backoff_dir=app, clock=clock
        )

    with pytest.raises(WrongPassphrase) as wrong:
        attempt("not the passphrase at all")
    assert wrong.value.delay_seconds == 1.0
    state = app / f"station-{pg_station.device_id}.unlock.state"
    recorded = state.read_text()
    assert json.loads(recorded)["failures"] == [[clock.now, STAFF]]
    assert "not the passphrase" not in recorded and STAFF_PASS not in recorded
    backoff = pg_keys.UnlockBackoff(app, pg_station.device_id, clock)
    assert backoff.remaining() == 1.0

    # Within the wait even the right passphrase is refused, and nothing is recorded.
    with pytest.raises(BackoffActive):
        attempt(STAFF_PASS)
    assert state.read_text() == recorded

    clock.now += 1.0
    with pytest.raises(WrongPassphrase) as again:
        attempt("still not the passphrase")
    assert again.value.delay_seconds == 2.0  # the vault's policy: 2^(n-1) s
    assert backoff.remaining() == 2.0

    clock.now += 2.0
    attempt(STAFF_PASS).close()
    assert not state.exists()  # the count starts again
    assert backoff.remaining() == 0.0


def test_the_wait_grows_to_the_vaults_limit_and_a_damaged_file_is_the_limit(
    tmp_path: Path,
) -> None:
    clock = Clock()
    station = "0b6f5c4e-7f4e-4b8e-9d7e-3a1c2b4d5e6f"
    backoff = pg_keys.UnlockBackoff(tmp_path, station, clock)
    delays = []
    for _ in range(9):
        delays.append(backoff.failed(STAFF))
        clock.now += delays[-1]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert MAX_DELAY_SECONDS == 60
    backoff.succeeded()
    backoff.path.write_text("not json")
    assert backoff.remaining() == MAX_DELAY_SECONDS


def test_a_station_id_is_never_a_path(tmp_path: Path) -> None:
    with pytest.raises(KnownError) as refused:
        pg_keys.UnlockBackoff(tmp_path, "../../etc/passwd")
    assert refused.value.code == "station_db_not_station"


def test_the_command_line_counts_wrong_passphrases_and_waits(
    pg_station: PgStationStore, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = tmp_path / "app"
    state = app / f"station-{pg_station.device_id}.unlock.state"
    code, err = _laptops(tmp_path, target, "a wrong passphrase here", capsys)
    assert code == 1 and err.count("\n") == 1 and "Wrong officer or passphrase" in err
    failures = json.loads(state.read_text())["failures"]
    assert [staff for _, staff in failures] == [STAFF]
    # The next try must wait: recorded as at a time the test holds (an hour ahead), so
    # the wait is still running when the command tries, however slow this machine is.
    ahead = pg_keys.UnlockBackoff(app, pg_station.device_id, lambda: time.time() + 3600)
    ahead.failed(STAFF)
    code, err = _laptops(tmp_path, target, STAFF_PASS, capsys)
    assert code == 1 and "Too many failed attempts" in err
    assert len(json.loads(state.read_text())["failures"]) == 2  # the refusal adds none


def _laptops(
    tmp: Path, target: str, passphrase: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    (tmp / "pass").write_text(passphrase + "\n")
    argv = ["--data-dir", str(tmp / "app"), "station", "laptops", "--database", target]
    argv += ["--officer", STAFF, "--passphrase-file", str(tmp / "pass")]
    args = cli.build_parser().parse_args(argv)
    code = cli.run(args, out=io.StringIO(), prompter=cli.Prompter(stdin=io.StringIO()))
    return code, capsys.readouterr().err
