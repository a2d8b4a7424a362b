"""A throwaway PostgreSQL cluster for the tests that need a real server (issue #18).

One cluster per test session (``initdb`` in a temporary folder, as an unprivileged user
when the tests run as root, as CI does; a Unix socket in that folder and no TCP port), and
a fresh database per test. Without PostgreSQL's binaries those tests skip with the reason,
except where ``FIELDAPP_REQUIRE_POSTGRES=1`` (``.ci/run`` sets it): there a missing server
is a failure, so CI never passes by skipping them.

A cluster can speak another language (``messages="sv_SE.UTF-8"``: the server's
``lc_messages``, its locale built with ``localedef`` into the cluster's folder, so the
machine's own locales are left alone), and be stopped and started again (``stop_server``,
``start_server``) for a test of a server that goes away.

``python -m tests.postgres start`` starts one for a script (``.ci/build``) and prints
shell assignments: ``PGFOLDER`` (for ``stop``), ``PGPASSFILE`` (a password file for the
superuser) and ``PGTARGET`` (a conninfo without the password); ``python -m
tests.postgres stop FOLDER`` stops it and removes its folder.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
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
    # What the server is started with (again, by ``start_server``).
    options: str = ""
    env: dict[str, str] = field(default_factory=dict)

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


def start_cluster(*, durable: bool = False, messages: str | None = None) -> Cluster | str:
    """A running cluster, or why there can be none here (no binaries, or no way to build
    the ``messages`` locale). Not ``durable`` (the tests): no fsync, which a throwaway
    cluster does not need; ``durable`` (a benchmark's comparison with the vault, which
    syncs every commit): the defaults. ``messages``: the server's ``lc_messages``."""
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
    env = {"LC_ALL": "C"}
    if messages is not None:
        made = _locale(folder, messages)
        if isinstance(made, str):
            shutil.rmtree(folder, ignore_errors=True)
            return made
        env["LOCPATH"] = str(made)
        options += f" -c lc_messages='{messages}'"
    cluster = Cluster(folder, sockets, port, options, env)
    start_server(cluster)
    return cluster


def _locale(folder: Path, name: str) -> Path | str:
    """``name`` (``sv_SE.UTF-8``) built into ``folder/locale`` for the server (``LOCPATH``),
    or why it cannot be: the machine's locales are not touched."""
    localedef = shutil.which("localedef")
    if localedef is None:
        return "localedef is missing: no locale for the server's messages"
    where = folder / "locale"
    where.mkdir()
    source, _, charmap = name.partition(".")
    made = subprocess.run(
        [localedef, "-i", source, "-f", charmap or "UTF-8", str(where / name)],
        capture_output=True,
    )
    # localedef exits 1 on warnings with the locale made; what counts is the result.
    if not (where / name / "LC_MESSAGES").exists():
        return f"localedef could not build {name} (exit {made.returncode})"
    return where


def start_server(cluster: Cluster) -> None:
    """Start ``cluster``'s server (again), waiting until it accepts connections."""
    bindir = find_bindir()
    assert bindir is not None
    # The server's output to a log file: a pipe would be held open by the server, and
    # waiting for it to close would wait for ever.
    subprocess.run(
        [
            *_as_unprivileged(),
            str(bindir / "pg_ctl"),
            "-D",
            str(cluster.folder / "data"),
            "-o",
            cluster.options,
            "-l",
            str(cluster.folder / "server.log"),
            "-w",
            "start",
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **cluster.env},
    )


def stop_server(cluster: Cluster, mode: str = "immediate") -> None:
    """Stop ``cluster``'s server, keeping its data (``fast``: sessions are ended as a
    shutdown ends them; ``immediate``: at once)."""
    bindir = find_bindir()
    assert bindir is not None
    subprocess.run(
        [
            *_as_unprivileged(),
            str(bindir / "pg_ctl"),
            "-D",
            str(cluster.folder / "data"),
            "-m",
            mode,
            "-s",
            "-w",
            "stop",
        ],
        capture_output=True,
    )


def stop_cluster(cluster: Cluster) -> None:
    stop_server(cluster)
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


def _main(argv: list[str]) -> int:
    """``start`` (prints shell assignments) or ``stop FOLDER``; see the module's note."""
    if argv[:1] == ["start"] and len(argv) == 1:
        started = start_cluster()
        if isinstance(started, str):
            print(started, file=sys.stderr)
            return 1
        passfile = started.folder / "pgpass"
        passfile.write_text(f"*:*:*:{SUPERUSER}:{SUPERUSER_PASS}\n")
        passfile.chmod(0o600)
        target = f"host={started.socket_dir} port={started.port} dbname=postgres user={SUPERUSER}"
        print(f"PGFOLDER='{started.folder}'")
        print(f"PGPASSFILE='{passfile}'")
        print(f"PGTARGET='{target}'")
        return 0
    if argv[:1] == ["stop"] and len(argv) == 2:
        folder = Path(argv[1])
        if not (folder / "data").is_dir() or not folder.name.startswith("fieldapp-pg-"):
            print(f"not a test cluster: {folder}", file=sys.stderr)
            return 1
        stop_cluster(Cluster(folder, folder / "sock", 0))
        return 0
    print("usage: python -m tests.postgres start | stop FOLDER", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
