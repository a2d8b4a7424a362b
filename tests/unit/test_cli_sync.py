"""The station and sync commands end to end, in-process, on real vaults."""

from __future__ import annotations

import io
from pathlib import Path

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
