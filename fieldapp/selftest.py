"""``fieldapp self-test``: the parts an installation can lack, each tried for real.

A frozen build or a fresh install can miss a native library or a data file without any
error until an officer needs it. Each check here exercises one: the SQLCipher build (an
encrypted file that a wrong key cannot open, FTS5), the cryptography (Argon2id, AES-GCM,
Ed25519 in both libraries, age sealing), reportlab with its C accelerator and every font,
the resources (legal rules, the years of day-fine figures, checklists, translations),
PostgreSQL's client (psycopg with its own libpq, for a station kept in PostgreSQL) and,
when asked (``self-test --database TARGET``), a connection to that server. The Qt part
(QtPdf renders the PDF made here) is ``ui.selftest``: the core does not import Qt.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # what was found, or the failure's type (never data: there is none here)


def run_checks(checks: list[tuple[str, Callable[[], str]]]) -> list[Check]:
    results = []
    for name, check in checks:
        try:
            results.append(Check(name, True, check()))
        except Exception as exc:  # a self-test reports every failure and goes on
            results.append(Check(name, False, f"{type(exc).__name__}: {exc}"))
    return results


def core_checks(database: str | None = None) -> list[tuple[str, Callable[[], str]]]:
    """The core's checks; ``database``: a station's database to connect to as well."""
    checks = [
        ("resources", _resources),
        ("sqlcipher", _sqlcipher),
        ("crypto", _crypto),
        ("fonts", _fonts),
        ("postgresql", _postgresql_client),
    ]
    if database is not None:
        checks.append(("postgresql-server", lambda: _postgresql_connection(database)))
    return checks


def _resources() -> str:
    # Deferred for start-up time: each check loads only what it checks.
    from fieldapp import paths
    from fieldapp.domain.dayfines import known_years
    from fieldapp.legal.rules import load_rule_files

    folder = paths.resources_dir()
    qm = paths.resource("translations", "fieldapp_sv.qm")
    if not qm.is_file():
        raise FileNotFoundError("translations/fieldapp_sv.qm")
    rules = load_rule_files()
    # The day-fine figures come by year; a build whose data ends before this year refuses
    # every day-fine suggestion, so the years are named here, where IT looks.
    years = known_years()
    return (
        f"{len(rules)} legal rule sets, day-fine figures {years[0]}–{years[-1]}, "
        f"translations, in {folder.name}/"
    )


def _sqlcipher() -> str:
    # Deferred for start-up time: each check loads only what it checks.
    import sqlcipher3

    from fieldapp.storage import database

    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(prefix="fieldapp-selftest-") as folder:
        path = Path(folder) / "check.db"
        conn = database.connect(path, key)
        try:
            database.check_build(conn)
            version = conn.execute("PRAGMA cipher_version").fetchone()[0]
            conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
            conn.execute("INSERT INTO t (body) VALUES ('överenskommelse angivet pris')")
            hits = conn.execute("SELECT count(*) FROM t WHERE t MATCH 'angivet'").fetchone()[0]
            if hits != 1:
                raise RuntimeError("FTS5 found nothing")
        finally:
            conn.close()
        if b"angivet" in path.read_bytes():
            raise RuntimeError("the file is not encrypted")
        other = sqlcipher3.connect(str(path))
        try:
            other.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
            try:
                other.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError:
                pass
            else:
                raise RuntimeError("a wrong key opened the file")
        finally:
            other.close()
    return f"SQLCipher {version}, FTS5, a wrong key refused"


def _crypto() -> str:
    # Deferred for start-up time: each check loads only what it checks.
    import nacl.bindings
    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from nacl.signing import SigningKey

    from fieldapp.storage.keyslots import KdfCost, derive_kek

    kek = derive_kek("självtest lösenfras", secrets.token_bytes(16), KdfCost())
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(kek).encrypt(nonce, b"data key", b"aad")
    if AESGCM(kek).decrypt(nonce, sealed, b"aad") != b"data key":
        raise RuntimeError("AES-GCM round trip")
    private = Ed25519PrivateKey.generate()
    private.public_key().verify(private.sign(b"event"), b"event")
    # The same key checked by libsodium (PyNaCl), as verify does.
    seed = secrets.token_bytes(32)
    signed = SigningKey(seed).sign(b"event")
    SigningKey(seed).verify_key.verify(signed)
    identity = pyrage.x25519.Identity.generate()
    bundle = pyrage.encrypt(b"bundle", [identity.to_public()])
    if pyrage.decrypt(bundle, [identity]) != b"bundle":
        raise RuntimeError("age round trip")
    # libsodium itself (PyNaCl's bundled build): a hash it computes.
    if len(nacl.bindings.crypto_generichash_blake2b_salt_personal(b"x", digest_size=32)) != 32:
        raise RuntimeError("libsodium")
    return "Argon2id, AES-GCM, Ed25519 (cryptography and libsodium), age"


def _fonts() -> str:
    # Deferred for start-up time: each check loads only what it checks.
    from reportlab.lib import rl_accel

    from fieldapp.documents.fonts import _FILES, register_fonts

    if rl_accel.fp_str.__module__ != "_rl_accel":
        raise RuntimeError("reportlab's C accelerator (_rl_accel) is missing")
    register_fonts()
    pdf = sample_pdf()
    return f"{len(_FILES)} fonts, reportlab with _rl_accel, a {len(pdf)}-byte PDF"


def sample_pdf() -> bytes:
    """A one-page PDF in the app's fonts: Swedish and Thai text, for QtPdf to render."""
    # Deferred for start-up time: each check loads only what it checks.
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from fieldapp.documents.fonts import BODY, THAI, register_fonts

    register_fonts()
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setFont(BODY, 16)
    canvas.drawString(72, 760, "Självtest: överlämnande av betalning, åäö ÅÄÖ")
    canvas.setFont(THAI, 16)
    canvas.drawString(72, 730, "ภาษาไทย")
    canvas.rect(72, 600, 200, 100, fill=1)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _postgresql_client() -> str:
    # Deferred for start-up time: each check loads only what it checks.
    import psycopg

    # The build ships psycopg's binary package with its own libpq: the pure-Python one
    # would need a libpq on the machine, which a police PC does not have.
    impl = psycopg.pq.__impl__
    if impl not in ("binary", "c"):
        raise RuntimeError(f"psycopg runs on its {impl} implementation, not its own libpq")
    version = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({impl}), libpq {version // 10000}.{version % 100}"


def _postgresql_connection(target: str) -> str:
    # Deferred for start-up time: each check loads only what it checks.
    from fieldapp.sync.pg_store import connect, refuse_password_in_target

    refuse_password_in_target(target)
    with connect(target) as conn:
        row = conn.execute("SELECT current_setting('server_version_num')::int").fetchone()
        tls = "TLS" if conn.pgconn.ssl_in_use else "no TLS (a local socket or sslmode)"
    version = int(row[0]) if row else 0
    return f"connected to PostgreSQL {version // 10000}.{version % 100}, {tls}"
