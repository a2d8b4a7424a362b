"""Vaults made by earlier versions open, verify and migrate; a newer one is refused
(issue #17; Electrum's upgrade tests on real old files are the model).

Every folder under ``tests/data/vaults/`` is a vault exactly as a released version wrote
it (``tests/data/make_vault.py``; invented data). Each is copied, opened with its
passphrase (which migrates it to this version's schema), verified deeply, read back
against its manifest, written to, and opened again. A vault written by a newer program
(its schema or its key file's version above this program's) is refused with a coded
reason before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from fieldapp.composition import open_vault
from fieldapp.errors import KeyFileError, KnownError
from fieldapp.storage.schema import SCHEMA_VERSION, version_of
from fieldapp.storage.vault import Vault
from fieldapp.workflow import cases
from fieldapp.workflow.context import Context
from tests.data.make_vault import VAULTS, contents

FIXTURES = sorted(p for p in VAULTS.iterdir() if (p / "manifest.json").is_file())


def _copy(fixture: Path, tmp_path: Path) -> tuple[Vault, dict[str, Any]]:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    return open_vault(folder), manifest


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_there_is_a_vault_of_this_schema_version() -> None:
    # A release that changes the schema keeps a vault of it (run tests/data/make_vault.py).
    assert any(f.name.endswith(f"-schema{SCHEMA_VERSION}") for f in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_an_old_vault_opens_verifies_and_migrates(fixture: Path, tmp_path: Path) -> None:
    vault, manifest = _copy(fixture, tmp_path)
    session = vault.unlock(manifest["officer"], manifest["passphrase"])
    try:
        assert manifest["schema"] <= SCHEMA_VERSION
        assert version_of(session.conn) == SCHEMA_VERSION  # migrated on opening
        report = session.verify(deep=True)
        assert report.ok, report.summary()
        expected = {k: manifest[k] for k in ("events", "cases", "persons", "officers")}
        assert contents(session) == expected
        # The migrated vault takes new events, and its chain still verifies.
        ctx = Context(session)
        case = ctx.records.find("case")[0]
        cases.add_observation(ctx, case.entity_id, "Anteckning efter uppgraderingen")
        assert session.verify(deep=True).ok
    finally:
        session.lock()
    again = vault.unlock(manifest["officer"], manifest["passphrase"])
    try:
        assert contents(again)["events"] == manifest["events"] + 1
        assert again.verify().ok
    finally:
        again.lock()


@pytest.mark.parametrize("fixture", FIXTURES[-1:], ids=lambda p: p.name)
def test_a_vault_from_a_newer_schema_is_refused(fixture: Path, tmp_path: Path) -> None:
    vault, manifest = _copy(fixture, tmp_path)
    session = vault.unlock(manifest["officer"], manifest["passphrase"])
    session.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    session.lock()
    before = _digests(vault.data_dir)
    with pytest.raises(KnownError) as refused:
        vault.unlock(manifest["officer"], manifest["passphrase"])
    assert refused.value.code == "vault_too_new"
    assert refused.value.params == {"version": SCHEMA_VERSION + 1, "supported": SCHEMA_VERSION}
    assert "newer than this program" in refused.value.message
    assert _digests(vault.data_dir) == before


@pytest.mark.parametrize("fixture", FIXTURES[-1:], ids=lambda p: p.name)
def test_a_key_file_from_a_newer_version_is_refused(fixture: Path, tmp_path: Path) -> None:
    vault, manifest = _copy(fixture, tmp_path)
    keys = vault.data_dir / "vault.keys"
    data = json.loads(keys.read_text("utf-8"))
    data["version"] += 1
    keys.write_text(json.dumps(data))
    before = _digests(vault.data_dir)
    with pytest.raises(KeyFileError) as refused:
        vault.unlock(manifest["officer"], manifest["passphrase"])
    assert refused.value.code == "key_file_too_new"
    assert refused.value.params["version"] == data["version"]
    assert "Update the program" in refused.value.message
    assert _digests(vault.data_dir) == before
