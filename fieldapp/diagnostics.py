"""Reporting our own bugs and the app's make-up without leaking personal data.

An exception's message can quote the data that caused it (a name, a phone number), so a
bug report keeps only the exception type and the code locations it passed through, each
named by module path (the folder above it may be a user's home, which names them).
``report`` is what "Kopiera diagnostik" copies: versions and formats, never data or paths.
"""

from __future__ import annotations

import platform
import sys
import traceback
from pathlib import Path


def safe_traceback(exc: BaseException) -> str:
    """The exception type and the stack (module file, line, function), without any message
    text, locals or values; chained causes likewise."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if lines:
            lines.append("caused by:")
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message withheld)")
        for f in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_module_path(f.filename)}:{f.lineno} in {f.name}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines)


def _module_path(filename: str) -> str:
    """``fieldapp/storage/vault.py`` rather than ``/home/<someone>/…/fieldapp/…``: the
    path below the longest ``sys.path`` entry that holds the file."""
    path = Path(filename)
    best: Path | None = None
    for entry in sys.path:
        try:
            root = Path(entry or ".").resolve()
            path.resolve().relative_to(root)
        except (ValueError, OSError):
            continue
        if best is None or len(root.parts) > len(best.parts):
            best = root
    if best is None:
        return path.name
    return path.resolve().relative_to(best).as_posix()


def report(qt_version: str | None = None, vault_schema: int | None = None) -> str:
    """Version, platform, library versions and the vault formats, one per line; no data,
    no paths. ``qt_version`` from the UI (the core does not import Qt); ``vault_schema``
    the open vault's ``user_version``, if one is open."""
    # Deferred for start-up time: the versions are read only when asked for.
    from fieldapp import APP_NAME, __version__, paths
    from fieldapp.storage import head, keyslots, schema
    from fieldapp.sync import bundle

    sqlite, cipher = _sqlcipher_versions()
    rows = [
        (APP_NAME, __version__ + (" (frozen build)" if paths.is_frozen() else "")),
        ("Platform", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("Qt", qt_version or "-"),
        ("SQLite", sqlite),
        ("SQLCipher", cipher),
        ("Vault schema (this program)", str(schema.SCHEMA_VERSION)),
        ("Vault schema (open vault)", str(vault_schema) if vault_schema is not None else "-"),
        ("Key file format", str(keyslots.VERSION)),
        ("Head checkpoint format", str(head.VERSION)),
        ("Bundle format", bundle.MAGIC.decode("ascii").strip()),
    ]
    return "\n".join(f"{name}: {value}" for name, value in rows)


def _sqlcipher_versions() -> tuple[str, str]:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        sqlite = str(conn.execute("select sqlite_version()").fetchone()[0])
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return sqlite, str(row[0]) if row else "none"
    finally:
        conn.close()
