"""The station and sync commands end to end, in-process, on real vaults."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from fieldapp import cli
from fieldapp.storage.keyslots import KdfCost
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS

STATION_PASS = "mörka nätter kräver kaffe"


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldapp.storage import vault as vault_module

    monkeypatch.setattr(vault_module, "calibrate", lambda: KdfCost())


def _file(tmp: Path, name: str, text: str) -> str:
    (tmp / name).write_text(text + "\n")
    return str(tmp / name)


def _run(data: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    args = cli.build_parser().parse_args(["--data-dir", str(data), *argv])
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue(), capsys.readouterr().err


def test_station_and_laptop_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    station, laptop = tmp_path / "station", tmp_path / "laptop"
    spass = _file(tmp_path, "s.txt", STATION_PASS)
    lpass = _file(tmp_path, "l.txt", ADMIN_PASS)
    s_login = ("--officer", "S1", "--passphrase-file", spass)
    l_login = ("--officer", ADMIN_ID, "--passphrase-file", lpass)
    code, _, err = _run(
        station,
        "station",
        "init",
        "--officer",
        "S1",
        "--name",
        "Sara Station",
        "--station-name",
        "Station Exempel",
        "--passphrase-file",
        spass,
        capsys=capsys,
    )
    assert code == 0, err
    card = tmp_path / "card.json"
    code, out, _ = _run(station, "station", "card", "--out", str(card), *s_login, capsys=capsys)
    fingerprint = out.split("Fingerprint: ")[1].strip()
    assert code == 0 and len(fingerprint) == 24
    assert (
        _run(
            laptop,
            "init",
            "--officer",
            ADMIN_ID,
            "--name",
            ADMIN_NAME,
            "--passphrase-file",
            lpass,
            capsys=capsys,
        )[0]
        == 0
    )
    code, _, err = _run(laptop, "station", "enrol", str(card), *l_login, capsys=capsys)
    assert code == 1 and "--yes" in err  # no terminal to confirm the fingerprint on
    code, out, _ = _run(laptop, "station", "enrol", str(card), "--yes", *l_login, capsys=capsys)
    assert code == 0 and fingerprint in out
    # Enrolling also wrote the laptop's card beside the station's, for the station staff.
    laptop_fingerprint = out.split("Laptop fingerprint: ")[1].strip()
    [laptop_card] = tmp_path.glob("laptop-*.json")
    code, out, err = _run(station, "station", "register", str(laptop_card), *s_login, capsys=capsys)
    assert code == 1 and "--yes" in err and laptop_fingerprint in out  # shown, not confirmed
    code, out, err = _run(
        station, "station", "register", str(laptop_card), "--yes", *s_login, capsys=capsys
    )
    assert code == 0 and "Registered" in out, err
    code, out, _ = _run(station, "station", "laptops", *s_login, capsys=capsys)
    assert out.startswith("1 laptop(s)") and laptop_fingerprint in out and ADMIN_ID in out
    bundles = tmp_path / "usb"
    code, out, _ = _run(laptop, "sync", "export", "--out", str(bundles), *l_login, capsys=capsys)
    assert code == 0 and "Wrote" in out
    [bundle] = bundles.glob("*.fabundle")
    code, out, err = _run(station, "sync", "import", str(bundle), *s_login, capsys=capsys)
    assert code == 0, err
    assert "imported" in out
    [receipt] = bundles.glob("*.receipt")
    code, out, _ = _run(laptop, "sync", "ack", str(receipt), *l_login, capsys=capsys)
    assert code == 0 and "through" in out
    code, out, _ = _run(laptop, "sync", "export", "--out", str(bundles), *l_login, capsys=capsys)
    # Only what happened since the receipt: the unlock records of the two logins since then
    # (access logs travel to the station like everything else).
    assert "(2 events, 7–8)" in out
    code, out, _ = _run(station, "sync", "review", *s_login, capsys=capsys)
    assert out.startswith("0 conflict(s), 0 alarm(s)")
    code, out, err = _run(station, "sync", "import", str(bundle), *s_login, capsys=capsys)
    assert "duplicate" in out
    damaged = tmp_path / "damaged.fabundle"
    damaged.write_bytes(bundle.read_bytes()[:-10])
    code, _, err = _run(station, "sync", "import", str(damaged), *s_login, capsys=capsys)
    assert code == 1 and "altered or truncated" in err and "Traceback" not in err
    # Recovery: the officer forgot the passphrase; the station's card key opens the vault.
    key = tmp_path / "card.key"
    kpass = _file(tmp_path, "k.txt", "kortnyckeln har en egen fras")
    code, _, err = _run(
        station,
        "station",
        "card-key",
        "--out",
        str(key),
        "--key-passphrase-file",
        kpass,
        *s_login,
        capsys=capsys,
    )
    assert code == 0, err
    new = _file(tmp_path, "n.txt", "en ny fras efter glömskan")
    wrong = _file(tmp_path, "w.txt", "inte kortnyckelns fras")
    code, _, err = _run(
        laptop,
        "recover",
        "--card-key",
        str(key),
        "--reset",
        ADMIN_ID,
        "--key-passphrase-file",
        wrong,
        "--new-passphrase-file",
        new,
        capsys=capsys,
    )
    assert code == 1 and "Wrong passphrase for the station card key card.key" in err
    code, out, err = _run(
        laptop,
        "recover",
        "--card-key",
        str(key),
        "--reset",
        ADMIN_ID,
        "--key-passphrase-file",
        kpass,
        "--new-passphrase-file",
        new,
        capsys=capsys,
    )
    assert code == 0, err
    code, out, _ = _run(
        laptop, "verify", "--officer", ADMIN_ID, "--passphrase-file", new, capsys=capsys
    )
    assert code == 0 and out.startswith("OK")


def _station_and_laptop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """A station and a registered laptop, through the commands; their logins."""
    station, laptop = tmp_path / "station", tmp_path / "laptop"
    spass = _file(tmp_path, "s.txt", STATION_PASS)
    lpass = _file(tmp_path, "l.txt", ADMIN_PASS)
    s_login = ("--officer", "S1", "--passphrase-file", spass)
    l_login = ("--officer", ADMIN_ID, "--passphrase-file", lpass)
    init = ("station", "init", "--officer", "S1", "--name", "Sara Station")
    assert _run(station, *init, "--station-name", "S", "--passphrase-file", spass,
                capsys=capsys)[0] == 0  # fmt: skip
    card = tmp_path / "card.json"
    assert _run(station, "station", "card", "--out", str(card), *s_login, capsys=capsys)[0] == 0
    init = ("init", "--officer", ADMIN_ID, "--name", ADMIN_NAME, "--passphrase-file", lpass)
    assert _run(laptop, *init, capsys=capsys)[0] == 0
    lcard = tmp_path / "laptop-card.json"
    enrol = ("station", "enrol", str(card), "--yes", "--laptop-card", str(lcard))
    assert _run(laptop, *enrol, *l_login, capsys=capsys)[0] == 0
    register = ("station", "register", str(lcard), "--yes")
    assert _run(station, *register, *s_login, capsys=capsys)[0] == 0
    return station, laptop, s_login, l_login


def _bundles(laptop: Path, login: Any, tmp_path: Path, capsys: Any, n: int) -> list[Path]:
    """``n`` bundles, each a later export (never acknowledged, so each repeats the last)."""
    made = []
    for i in range(n):
        out = tmp_path / f"usb{i}"
        assert _run(laptop, "sync", "export", "--out", str(out), *login, capsys=capsys)[0] == 0
        [path] = out.glob("*.fabundle")
        made.append(path)
    return made


def test_a_missing_receipts_folder_stops_the_batch_before_the_first_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    station, laptop, s_login, l_login = _station_and_laptop(tmp_path, capsys)
    one, two = _bundles(laptop, l_login, tmp_path, capsys, 2)
    missing = tmp_path / "no-such-folder"
    code, out, err = _run(
        station, "sync", "import", str(one), str(two), "--receipts", str(missing), *s_login,
        capsys=capsys,
    )  # fmt: skip
    assert code == 1 and "no such folder; nothing was imported" in err
    assert "Traceback" not in err and "imported" not in out
    # Nothing was imported: the same files now import as new.
    code, out, err = _run(station, "sync", "import", str(one), *s_login, capsys=capsys)
    assert code == 0 and f"{one.name}: imported" in out, err


def test_a_batch_goes_on_after_a_refused_file_and_says_so_in_its_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    station, laptop, s_login, l_login = _station_and_laptop(tmp_path, capsys)
    one, two = _bundles(laptop, l_login, tmp_path, capsys, 2)
    bad = tmp_path / "bad.fabundle"
    bad.write_bytes(one.read_bytes()[:-7])
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    code, out, err = _run(
        station, "sync", "import", str(one), str(bad), str(two), "--receipts", str(receipts),
        *s_login, capsys=capsys,
    )  # fmt: skip
    assert code == 1
    assert f"{one.name}: imported" in out and f"{two.name}: imported" in out
    assert "bad.fabundle: refused:" in err and "Traceback" not in err
    assert "2 of 3 file(s) taken, 1 refused or failed." in out
    assert sorted(p.name for p in receipts.iterdir()) == sorted(
        f"{p.stem}.receipt" for p in (one, two)
    )
    code, out, _ = _run(station, "sync", "import", str(one), str(two), *s_login, capsys=capsys)
    assert code == 0 and "2 of 2 file(s) taken" in out
