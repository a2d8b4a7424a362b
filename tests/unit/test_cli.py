"""The headless CLI, run in-process against real vault files: exit codes, one-line errors,
passphrases only from files or a TTY."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.composition import open_vault
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, FIELD_ID, FIELD_PASS

ROOT = Path(__file__).resolve().parents[2]


class Files:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.data = tmp_path / "data"

    def passfile(self, text: str) -> str:
        path = self.tmp / f"p{abs(hash(text))}.txt"
        path.write_text(text + "\n")
        return str(path)

    def run(self, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        out = io.StringIO()
        try:
            args = cli.build_parser().parse_args(["--data-dir", str(self.data), *argv])
        except SystemExit as exc:
            return int(exc.code or 0), out.getvalue(), capsys.readouterr().err
        code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
        return code, out.getvalue(), capsys.readouterr().err


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Files:
    # Keep `init` quick: the minimum Argon2id cost instead of calibrating to 0.5 s.
    from fieldapp.storage import vault as vault_module
    from fieldapp.storage.keyslots import KdfCost

    monkeypatch.setattr(vault_module, "calibrate", lambda: KdfCost())
    return Files(tmp_path)


def test_init_officers_and_verify(files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    admin = files.passfile(ADMIN_PASS)
    code, out, err = files.run(
        "init",
        "--officer",
        ADMIN_ID,
        "--name",
        ADMIN_NAME,
        "--passphrase-file",
        admin,
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    assert ADMIN_ID in out
    login = ("--officer", ADMIN_ID, "--passphrase-file", admin)
    code, out, _ = files.run(
        "officer",
        "add",
        FIELD_ID,
        "--name",
        "Bengt Provsson",
        "--role",
        "field_officer",
        *login,
        "--new-passphrase-file",
        files.passfile(FIELD_PASS),
        capsys=capsys,
    )
    assert code == 0
    code, out, _ = files.run("officer", "list", *login, capsys=capsys)
    assert code == 0
    assert out.splitlines() == [
        f"{ADMIN_ID}\tadministrator\t{ADMIN_NAME}",
        f"{FIELD_ID}\tfield_officer\tBengt Provsson",
    ]
    code, out, _ = files.run(
        "officer",
        "passwd",
        "--officer",
        FIELD_ID,
        "--passphrase-file",
        files.passfile(FIELD_PASS),
        "--new-passphrase-file",
        files.passfile("en ny fras för hösten"),
        capsys=capsys,
    )
    assert (code, out.strip()) == (0, "Passphrase changed.")
    code, out, _ = files.run("officer", "remove", FIELD_ID, *login, capsys=capsys)
    assert code == 0
    code, out, _ = files.run("verify", *login, capsys=capsys)
    assert code == 0
    assert out.startswith("OK: ")
    code, out, _ = files.run("verify", "--deep", *login, capsys=capsys)
    assert (code, out[:4]) == (0, "OK: ")


def test_refusals_exit_1_with_one_line(files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    admin = files.passfile(ADMIN_PASS)
    files.run(
        "init",
        "--officer",
        ADMIN_ID,
        "--name",
        ADMIN_NAME,
        "--passphrase-file",
        admin,
        capsys=capsys,
    )
    code, _, err = files.run(
        "verify",
        "--officer",
        ADMIN_ID,
        "--passphrase-file",
        files.passfile("fel fras helt"),
        capsys=capsys,
    )
    assert code == 1
    assert err.startswith("fieldapp: Wrong officer or passphrase.")
    assert len(err.strip().splitlines()) == 1
    code, _, err = files.run(
        "verify", "--officer", ADMIN_ID, "--passphrase-file", admin, capsys=capsys
    )
    assert code == 1
    assert "Wait" in err  # the delay after a failure applies to the CLI too
    code, _, err = files.run(
        "init",
        "--officer",
        "T5",
        "--name",
        "Ny Person",
        "--passphrase-file",
        admin,
        capsys=capsys,
    )
    assert code == 1
    assert "already exists" in err


def test_weak_passphrase_is_refused_by_name(
    files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = files.run(
        "init",
        "--officer",
        ADMIN_ID,
        "--name",
        ADMIN_NAME,
        "--passphrase-file",
        files.passfile("kort"),
        capsys=capsys,
    )
    assert code == 1
    assert err.strip() == "fieldapp: Passphrase: use at least 12 characters."
    assert not open_vault(files.data).exists()


def test_usage_errors_exit_2(files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = files.run("verify", capsys=capsys)  # --officer missing
    assert code == 2
    code, _, err = files.run("init", "--officer", ADMIN_ID, "--name", ADMIN_NAME, capsys=capsys)
    assert code == 2  # no passphrase file and no terminal to ask on
    assert "no terminal" in err
    # There is no way to give a passphrase on the command line.
    code, _, _ = files.run("verify", "--officer", ADMIN_ID, "--passphrase", "x", capsys=capsys)
    assert code == 2


def test_no_vault_is_a_clear_message(files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = files.run(
        "verify",
        "--officer",
        ADMIN_ID,
        "--passphrase-file",
        files.passfile(ADMIN_PASS),
        capsys=capsys,
    )
    assert code == 1
    assert "There is no vault" in err


def test_tampered_chain_fails_verify_naming_the_sequence(
    files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = files.passfile(ADMIN_PASS)
    files.run(
        "init",
        "--officer",
        ADMIN_ID,
        "--name",
        ADMIN_NAME,
        "--passphrase-file",
        admin,
        capsys=capsys,
    )
    session = open_vault(files.data).unlock(ADMIN_ID, ADMIN_PASS)
    session.conn.execute("DROP TRIGGER events_append_only_update")
    session.conn.execute("UPDATE events SET officer_id = 'X' WHERE seq = 2")
    session.lock()
    code, out, _ = files.run(
        "verify", "--officer", ADMIN_ID, "--passphrase-file", admin, capsys=capsys
    )
    assert code == 1
    assert out.startswith("BROKEN at sequence 2")


def test_console_script_and_main_py_share_the_parser() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    for command in ("init", "officer", "verify", "--data-dir", "--demo"):
        assert command in result.stdout
