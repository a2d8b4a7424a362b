"""A throwaway PostgreSQL cluster for the tests that need a real server (issue #18).

One cluster per test session (``initdb`` in a temporary folder, as an unprivileged user
when the tests run as root, as CI does; a Unix socket in that folder and no TCP port), and
a fresh database per test. Without PostgreSQL's binaries those tests skip with the reason,
except where ``FIELDAPP_REQUIRE_POSTGRES=1`` (``.ci/run`` sets it): there a missing server
is a failure, so CI never passes by skipping them.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRE_ENV = "FIELDAPP_REQUIRE_POSTGRES"
SUPERUSER = "fieldapp_test_admin"
# Invented, for a cluster that lives as long as one test run and listens on no port.
SUPERUSER_PASS = "test-cluster-only"


@dataclass(frozen=True)
class Cluster:
    """A running test cluster: where its socket is, and how to reach it as superuser."""

    folder: Path
    socket_dir: Path
    port: int

    def conninfo(self, dbname: str = "postgres", **extra: str) -> str:
        parts = {
            "host": str(self.socket_dir),
            "port": str(self.port),
            "dbname": dbname,
            "user": SUPERUSER,
            "password": SUPERUSER_PASS,
            **extra,
        }
        return " ".join(f"{k}='{v}'" for k, v in parts.items())


def find_bindir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are: on PATH, or Debian's versioned folder."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    return None


def _as_unprivileged() -> list[str]:
    """``initdb`` and ``postgres`` refuse to run as root: CI runs them as ``postgres``
    (Debian's package makes that user) or ``nobody``."""
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        if subprocess.run(["id", user], capture_output=True).returncode == 0:
            return ["runuser", "-u", user, "--"]
    pytest.fail("running as root and neither a postgres nor a nobody user exists")


def _owner_ids(prefix: list[str]) -> tuple[int, int] | None:
    if not prefix:
        return None
    user = prefix[2]
    out = subprocess.run(["id", "-u", user], capture_output=True, text=True, check=True)
    group = subprocess.run(["id", "-g", user], capture_output=True, text=True, check=True)
    return int(out.stdout), int(group.stdout)


def start_cluster(*, durable: bool = False) -> Cluster | str:
    """A running cluster, or why there can be none here (no binaries). Not ``durable``
    (the tests): no fsync, which a throwaway cluster does not need; ``durable`` (a
    benchmark's comparison with the vault, which syncs every commit): the defaults."""
    bindir = find_bindir()
    if bindir is None:
        return "PostgreSQL is not installed (apt-get install postgresql); set " + REQUIRE_ENV
    prefix = _as_unprivileged()
    # Not under pytest's temporary folder: that is private to root, and the server runs
    # as another user.
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    data, sockets = folder / "data", folder / "sock"
    sockets.mkdir()
    pwfile = folder / "pw"
    pwfile.write_text(SUPERUSER_PASS + "\n")
    owner = _owner_ids(prefix)
    if owner is not None:
        for path in (folder, sockets, pwfile):
            os.chown(path, *owner)
    folder.chmod(0o700)
    subprocess.run(
        [
            *prefix,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(pwfile),
            "--auth-local=scram-sha-256",
            "--auth-host=reject",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    port = 5432 + os.getpid() % 1000  # names the socket file only: no TCP listener
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{sockets}' -p {port} "
        "-c max_connections=50 -c shared_buffers=16MB"
    )
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # The server's output to a log file: a pipe would be held open by the server, and
    # waiting for it to close would wait for ever.
    log = folder / "server.log"
    subprocess.run(
        [
            *prefix,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(log),
            "-w",
            "start",
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "LC_ALL": "C"},
    )
    return Cluster(folder, sockets, port)


def stop_cluster(cluster: Cluster) -> None:
    bindir = find_bindir()
    assert bindir is not None
    subprocess.run(
        [
            *_as_unprivileged(),
            str(bindir / "pg_ctl"),
            "-D",
            str(cluster.folder / "data"),
            "-m",
            "immediate",
            "-s",
            "stop",
        ],
        capture_output=True,
    )
    shutil.rmtree(cluster.folder, ignore_errors=True)


_names = itertools.count(1)


def fresh_database(cluster: Cluster) -> str:
    """A new, empty database in ``cluster``; returns its name."""
    import psycopg

    name = f"station_{os.getpid()}_{next(_names)}"
    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(cluster: Cluster, name: str) -> None:
    import psycopg

    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # The roles a station's schema made for this database go with it.
        roles = conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (name + "%",)
        ).fetchall()
        for (role,) in roles:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')
