"""Shared fixtures: real SQLCipher vaults in ``tmp_path`` with invented officers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from fieldapp.composition import open_vault
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.session import Session
from fieldapp.storage.vault import Vault

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _log_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The app's log file goes to this run's folder, never the user's own log folder."""
    from fieldapp.logs import LOG_DIR_ENV

    os.environ[LOG_DIR_ENV] = str(tmp_path_factory.mktemp("log"))
    # Nor does a provisioning file on this machine manage anything in the tests.
    os.environ["FIELDAPP_SITE_CONFIG"] = str(tmp_path_factory.mktemp("site") / "none.toml")


# One Hypothesis profile, the same in CI and on every laptop: no deadline (a loaded two-core
# machine made the 200 ms default fail tests that were right), the same number of examples.
# A test's own @settings still narrow it (the fuzz and property tests set their own counts).
hypothesis_settings.register_profile("fieldapp", deadline=None, print_blob=True)
hypothesis_settings.load_profile("fieldapp")

# Invented people only; never real persons.
ADMIN_ID = "T100001"
ADMIN_NAME = "Astrid Testberg"
ADMIN_PASS = "blå hästar springer fort"
FIELD_ID = "T100002"
FIELD_NAME = "Bengt Provsson"
FIELD_PASS = "sju gröna äpplen i korgen"
# The minimum Argon2id cost the policy allows: real, but quick enough for tests.
TEST_COST = KdfCost()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def vault(vault_dir: Path) -> Vault:
    return open_vault(vault_dir)


@pytest.fixture
def admin_session(vault: Vault) -> Iterator[Session]:
    session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    yield session
    session.lock()


@pytest.fixture
def two_officer_vault(vault: Vault) -> Vault:
    """A closed vault with an administrator and a field officer."""
    session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    session.enrol_officer(FIELD_ID, FIELD_NAME, "field_officer", FIELD_PASS)
    session.lock()
    return vault


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for this test session (``tests.postgres``); the tests
    that use it skip without PostgreSQL, and fail instead where CI requires it."""
    from tests import postgres

    started = postgres.start_cluster()
    if isinstance(started, str):
        if os.environ.get(postgres.REQUIRE_ENV) == "1":
            pytest.fail(f"{postgres.REQUIRE_ENV}=1 but {started}")
        pytest.skip(started)
    yield started
    postgres.stop_cluster(started)


@pytest.fixture
def pg_database(pg_cluster: object) -> Iterator[str]:
    """A fresh, empty database for one test: its libpq conninfo, as the cluster's superuser."""
    from tests import postgres

    assert isinstance(pg_cluster, postgres.Cluster)
    name = postgres.fresh_database(pg_cluster)
    yield pg_cluster.conninfo(name)
    postgres.drop_database(pg_cluster, name)
