"""Faults on real files: a flipped byte, a read-only folder, a full disk, a killed writer."""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.composition import open_vault
from fieldapp.errors import StorageUnavailable, VaultDamaged
from fieldapp.storage.events import Draft
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _note(text: str) -> Draft:
    return Draft("create", "note", str(uuid.uuid4()), {"data": {"text": text}})


def _fill(session: Session, n: int = 400) -> None:
    session.append([_note(f"fyllnad {i} " * 30) for i in range(n)])


def test_a_flipped_byte_in_vault_db_is_caught_at_unlock_and_by_verify(
    two_officer_vault: Vault,
) -> None:
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    _fill(session)
    session.lock()  # closing checkpoints the WAL into vault.db
    size = two_officer_vault.db_path.stat().st_size
    assert size > 40 * 4096
    with two_officer_vault.db_path.open("r+b") as f:
        f.seek(size // 2 + 123)  # a page deep inside, not read by a plain open
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(VaultDamaged, match="damaged or has been altered"):
        two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    result = _cli("verify", "--officer", ADMIN_ID, data_dir=two_officer_vault.data_dir)
    assert result.returncode == 1
    assert "damaged or has been altered" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_flipped_byte_in_page_one_is_a_clear_error(two_officer_vault: Vault) -> None:
    with two_officer_vault.db_path.open("r+b") as f:
        f.seek(200)
        byte = f.read(1)
        f.seek(200)
        f.write(bytes([byte[0] ^ 0x80]))
    with pytest.raises(VaultDamaged):
        two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    passfile = data_dir.parent / "pass.txt"
    passfile.write_text(ADMIN_PASS + "\n")
    argv = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    if "--officer" in args:
        argv += ["--passphrase-file", str(passfile)]
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL
    )


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` really read-only: root ignores file modes, so use a read-only bind
    mount there; otherwise take the write bits away."""
    if not IS_ROOT:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_read_only_data_dir_refuses_to_create_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(ADMIN_PASS)
    with _read_only(folder):
        with pytest.raises(StorageUnavailable) as err:
            open_vault(folder).create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
        assert "not writable" in err.value.message
        argv = [
            "--data-dir",
            str(folder / "vault"),
            "init",
            "--officer",
            ADMIN_ID,
            "--name",
            ADMIN_NAME,
            "--passphrase-file",
            str(passfile),
        ]
        assert cli.run(cli.build_parser().parse_args(argv)) == cli.EXIT_FAILED
    stderr = capsys.readouterr().err
    assert stderr.startswith("fieldapp: ")
    assert len(stderr.strip().splitlines()) == 1
    assert list(folder.iterdir()) == []


def test_read_only_vault_folder_gives_a_clear_message_on_unlock(two_officer_vault: Vault) -> None:
    with _read_only(two_officer_vault.data_dir), pytest.raises(StorageUnavailable) as err:
        two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    assert "not writable" in err.value.message
    assert str(two_officer_vault.data_dir) in err.value.message
    # Afterwards the vault is whole and opens normally.
    session = two_officer_vault.unlock(ADMIN_ID, ADMIN_PASS)
    assert session.verify().ok
    session.lock()


def test_database_full_rolls_back_the_whole_batch(admin_session: Session) -> None:
    conn = admin_session.conn
    _fill(admin_session, 50)
    head = admin_session.log.head()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StorageUnavailable, match="disk is full"):
        admin_session.append([_note("x" * 3000) for _ in range(40)])
    assert admin_session.log.head() == head
    conn.execute("PRAGMA max_page_count = 1073741823")
    admin_session.append([_note("efter")])
    assert admin_session.verify().ok


@contextlib.contextmanager
def _tiny_disk(path: Path, size: str) -> Iterator[Path]:
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("needs root to mount a small tmpfs for a real full disk")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@pytest.mark.skipif(not IS_ROOT, reason="needs root to mount a small tmpfs for a real full disk")
def test_a_really_full_disk_loses_nothing_committed(tmp_path: Path) -> None:
    with _tiny_disk(tmp_path / "disk", "3m") as disk:
        vault = open_vault(disk / "data")
        session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
        committed = [e.id for e in session.append([_note(f"före {i}") for i in range(20)])]
        filler = disk / "filler"
        with filler.open("wb") as f, contextlib.suppress(OSError):
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        with pytest.raises(StorageUnavailable):
            for _ in range(50):
                session.append([_note("x" * 4000) for _ in range(20)])
        # The key file cannot be rewritten either, and the old one stays intact.
        old_keys = vault.keys_path.read_bytes()
        with pytest.raises(StorageUnavailable):
            session.enrol_officer("T7", "Greta Påhitt", "field_officer", "ett annat bra lösen")
        assert vault.keys_path.read_bytes() == old_keys
        session.lock()
        filler.unlink()
        session = vault.unlock(ADMIN_ID, ADMIN_PASS)
        ids = {e.id for e in session.events()}
        assert set(committed) <= ids
        assert "T7" not in [o.officer_id for o in session.officers()]
        assert session.verify().ok
        session.lock()


def _kill_writer_once(vault: Vault, passfile: Path, rng: random.Random) -> list[tuple[int, str]]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.storage.killed_writer",
            str(vault.data_dir),
            ADMIN_ID,
            str(passfile),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY"
    time.sleep(rng.uniform(0.02, 0.4))  # let it write, then kill it mid-whatever
    proc.kill()
    out, _ = proc.communicate(timeout=30)
    committed = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2:  # a line cut by the kill is not counted as committed
            committed.append((int(parts[0]), parts[1]))
    return committed


def _crash_loop(tmp_path: Path, iterations: int) -> None:
    vault = open_vault(tmp_path / "data")
    vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST).lock()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(ADMIN_PASS)
    rng = random.Random(20261128)
    all_committed: dict[int, str] = {}
    for _ in range(iterations):
        all_committed.update(_kill_writer_once(vault, passfile, rng))
    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    stored = {e.seq: e.id for e in session.events()}
    report = session.verify()
    session.lock()
    assert report.ok, report.summary()
    assert all_committed, "the writer never committed anything"
    missing = {s: i for s, i in all_committed.items() if stored.get(s) != i}
    assert not missing
    assert (vault.data_dir / "head.sig").exists()
    print(f"killed {iterations} writers; {len(all_committed)} committed events, none lost")


def test_killed_writer_loses_no_committed_event(tmp_path: Path) -> None:
    _crash_loop(tmp_path, iterations=4)


@pytest.mark.stress
def test_killed_writer_stress(tmp_path: Path) -> None:
    """A thousand SIGKILLs of a writer at random moments: no committed event is lost, the
    chain verifies, and head.sig (written after commits) is never ahead of the database."""
    _crash_loop(tmp_path, iterations=1000)
