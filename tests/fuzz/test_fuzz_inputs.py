"""Fuzzing every way data comes in from outside: station bundles, the key file, case JSON,
ad CSV files and saved web pages (HTML, MHTML).

Each target is fed near-valid inputs (a real file with a few bytes or values changed, so
they get past the first checks) and arbitrary ones. The default suite feeds a few thousand
in all; ``pytest -m stress`` feeds over a million (``STRESS_INPUTS``) and prints the counts.
Only a ``KnownError`` may come out: anything else is a bug.
"""

from __future__ import annotations

import email.policy
import hashlib
import json
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import pyrage
import pytest

from fieldapp.ads import importing
from fieldapp.ads.csv_rows import read_csv
from fieldapp.ads.importing import FileKind
from fieldapp.ads.pages import read_html, read_mhtml
from fieldapp.composition import open_vault
from fieldapp.errors import KnownError
from fieldapp.storage.canonical import canonical
from fieldapp.storage.keyslots import KeyFile
from fieldapp.storage.session import Session
from fieldapp.sync import bundle
from fieldapp.sync.export import export_bundle
from fieldapp.sync.importer import open_bundle
from fieldapp.sync.register import Register, load_register
from fieldapp.sync.station import StationKeys, init_station, station_keys
from fieldapp.workflow import cases, transfer
from tests.conftest import TEST_COST
from tests.fuzz.engine import Generator, bytes_like, fuzz, json_like, mutate_json
from tests.sync.conftest import STATION_NAME, STATION_OFFICER, STATION_PASS, Laptop

CSV_SEED = (
    "sajt;url;rubrik;annonstext;telefon;kommun;sedd\n"
    "Exempelsajten;https://a.example/1;Ny i stan;Hej! 30 min 1500 kr;070-174 06 05;Sala;"
    "2026-05-10\n"
    '"Exempel";https://a.example/2;"Rubrik; med semikolon";"Två\nrader";0701740606;'
    "Köping;2026-05-11\n"
).encode()
HTML_SEED = """<!DOCTYPE html>
<!-- saved from url=(0035)https://annonser.example/ad/777 -->
<html><head><meta charset="utf-8"><title>Ny i Västerås | Exempelsajten</title>
<meta property="og:site_name" content="Exempelsajten">
<link rel="canonical" href="https://annonser.example/ad/777">
<script>var a = "<p>x</p>";</script><style>p { color: red }</style></head>
<body><h1>Ny i Västerås!</h1>
<p>Hej.<br>30 min &ndash; 1&nbsp;500 kr<br>Ring 070-174 06 05 &amp; sms:a</p></body></html>
"""


def _mhtml(html: str) -> bytes:
    message = EmailMessage()
    message["Subject"] = "Ny i Västerås"
    message["Date"] = "Sun, 10 May 2026 20:15:00 +0200"
    message["Snapshot-Content-Location"] = "https://annonser.example/ad/888"
    message.make_related()
    message.add_related(html, subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG invented", maintype="image", subtype="png", cte="base64")
    return message.as_bytes(policy=email.policy.default)


MHTML_SEED = _mhtml(HTML_SEED)

# Inputs per target: (default suite, stress run). The stress total is over a million.
COUNTS: dict[str, tuple[int, int]] = {
    "keyfile_bytes": (400, 150_000),
    "keyfile_json": (400, 100_000),
    "bundle_bytes": (400, 150_000),
    "bundle_payload": (300, 60_000),
    "csv": (400, 180_000),
    "csv_import": (150, 30_000),
    "html": (400, 150_000),
    "mhtml": (300, 100_000),
    "page_import": (150, 30_000),
    "case_json": (150, 15_000),
    "case_bytes": (300, 75_000),
}
STRESS_INPUTS = sum(stress for _, stress in COUNTS.values())


@dataclass
class World:
    """A station and an enrolled laptop with a case, and what they wrote."""

    station: Session
    keys: StationKeys
    register: Register
    laptop: Laptop
    keyfile: bytes
    bundle: bytes
    case_document: dict[str, Any]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("fuzz")
    station = init_station(
        open_vault(folder / "station"),
        STATION_OFFICER,
        STATION_NAME,
        STATION_PASS,
        "Station Exempel",
        cost=TEST_COST,
    )
    keys = station_keys(station)
    laptop = Laptop(folder / "laptop", keys.card, station)  # registered at the station
    case_id, _ = laptop.new_case()
    cases.add_observation(laptop.ctx, case_id, "Man i grå jacka vid receptionen.")
    exported = export_bundle(laptop.session, folder)
    assert exported is not None
    document = transfer.export_case(laptop.ctx, case_id)
    yield World(
        station,
        keys,
        load_register(station),
        laptop,
        laptop.vault.keys_path.read_bytes(),
        exported.path.read_bytes(),
        document,
    )
    laptop.session.lock()
    station.lock()


def _stress(request: pytest.FixtureRequest) -> bool:
    return "stress" in request.node.keywords


def _run(
    request: pytest.FixtureRequest,
    name: str,
    target: Callable[[Any], object],
    generate: Generator,
) -> None:
    wanted = COUNTS[name][1 if _stress(request) else 0]
    fed = fuzz(target, generate, wanted)
    print(f"fuzz {name}: {fed} inputs")
    assert fed >= wanted


# -- the targets -----------------------------------------------------------------------------


def _keyfile_bytes(world: World) -> tuple[Callable[[bytes], object], Generator]:
    return (lambda data: KeyFile.from_bytes(data, "vault.keys")), bytes_like(world.keyfile)


def _keyfile_json(world: World) -> tuple[Callable[[Any], object], Generator]:
    def target(doc: Any) -> None:
        KeyFile.from_bytes(json.dumps(doc).encode(), "vault.keys")

    return target, json_like(json.loads(world.keyfile))


def _bundle_bytes(world: World) -> tuple[Callable[[bytes], object], Generator]:
    identity, station, register = world.keys.identity, world.keys.card.fingerprint, world.register
    return (lambda data: open_bundle(data, identity, station, register)), bytes_like(world.bundle)


def _bundle_payload(world: World) -> tuple[Callable[[Any], object], Generator]:
    """Bundles sealed and signed properly around a damaged payload or header: what a
    laptop with a bug, or anyone with a signing key, could send."""
    sealed = bundle.decode(world.bundle)
    header = sealed.header.to_json()
    payload = json.loads(zlib.decompress(pyrage.decrypt(sealed.ciphertext, [_identity(world)])))
    recipient = pyrage.x25519.Recipient.from_str(world.keys.card.bundle_recipient)
    sign = world.laptop.session.sign
    identity, station, register = world.keys.identity, world.keys.card.fingerprint, world.register

    def target(parts: tuple[Any, Any, bool]) -> None:
        new_payload, new_header, keep_header = parts
        try:
            raw = canonical(new_payload)
        except Exception:  # building the input, not the target
            return  # not representable as canonical JSON: no laptop could send it
        compressed = zlib.compress(raw, 1)
        ciphertext = pyrage.encrypt(compressed, [recipient])
        head = dict(header if keep_header or not isinstance(new_header, dict) else new_header)
        head.update(
            bundle_id=str(uuid.uuid4()),
            ciphertext_sha256=hashlib.sha256(ciphertext).hexdigest(),
            payload_sha256=hashlib.sha256(raw).hexdigest(),
        )
        try:
            head_bytes = canonical(head)
        except Exception:  # building the input, not the target
            return
        data = (
            bundle.MAGIC
            + len(head_bytes).to_bytes(4, "big")
            + head_bytes
            + sign(bundle.MAGIC + head_bytes)
            + ciphertext
        )
        open_bundle(data, identity, station, register)

    return target, lambda rng: (
        mutate_json(rng, payload),
        mutate_json(rng, header),
        rng.random() < 0.5,
    )


def _identity(world: World) -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.from_str(world.keys.identity)


def _csv(world: World) -> tuple[Callable[[bytes], object], Generator]:
    return read_csv, bytes_like(CSV_SEED)


def _csv_import(world: World) -> tuple[Callable[[bytes], object], Generator]:
    ctx, operation = world.laptop.ctx, world.laptop.operation

    def target(data: bytes) -> None:
        importing.import_csv(ctx, operation, data, dry_run=True)

    return target, bytes_like(CSV_SEED)


def _html(world: World) -> tuple[Callable[[bytes], object], Generator]:
    return read_html, bytes_like(HTML_SEED.encode())


def _mhtml_target(world: World) -> tuple[Callable[[bytes], object], Generator]:
    return read_mhtml, bytes_like(MHTML_SEED)


def _page_import(world: World) -> tuple[Callable[[Any], object], Generator]:
    ctx, operation = world.laptop.ctx, world.laptop.operation

    def target(parts: tuple[bytes, FileKind]) -> None:
        data, kind = parts
        importing.import_page(ctx, operation, data, kind=kind, dry_run=True)

    html, mhtml = bytes_like(HTML_SEED.encode()), bytes_like(MHTML_SEED)
    return (
        target,
        lambda rng: (
            (html(rng), FileKind.HTML) if rng.random() < 0.5 else (mhtml(rng), FileKind.MHTML)
        ),
    )


def _case_json(world: World) -> tuple[Callable[[Any], object], Generator]:
    ctx = world.laptop.ctx
    return (lambda doc: transfer.import_case(ctx, doc)), json_like(world.case_document)


def _case_bytes(world: World) -> tuple[Callable[[bytes], object], Generator]:
    """The file as the CLI reads it: bytes, JSON, then the import's checks."""
    ctx = world.laptop.ctx

    def target(data: bytes) -> None:
        try:
            document = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return  # the CLI refuses it as not UTF-8 JSON (tested in tests/workflow)
        transfer.import_case(ctx, document)

    return target, bytes_like(transfer.dump_document(world.case_document).encode())


TARGETS: dict[str, Callable[[World], tuple[Callable[[Any], object], Generator]]] = {
    "keyfile_bytes": _keyfile_bytes,
    "keyfile_json": _keyfile_json,
    "bundle_bytes": _bundle_bytes,
    "bundle_payload": _bundle_payload,
    "csv": _csv,
    "csv_import": _csv_import,
    "html": _html,
    "mhtml": _mhtml_target,
    "page_import": _page_import,
    "case_json": _case_json,
    "case_bytes": _case_bytes,
}


@pytest.mark.parametrize("name", list(TARGETS))
def test_fuzz(name: str, world: World, request: pytest.FixtureRequest) -> None:
    _run(request, name, *TARGETS[name](world))


@pytest.mark.stress
@pytest.mark.parametrize("name", list(TARGETS))
def test_fuzz_stress(name: str, world: World, request: pytest.FixtureRequest) -> None:
    _run(request, name, *TARGETS[name](world))


def test_the_stress_run_feeds_over_a_million_inputs() -> None:
    assert STRESS_INPUTS >= 1_000_000


def test_the_seeds_are_valid(world: World) -> None:
    """The mutations start from inputs that are accepted as they are."""
    assert read_csv(CSV_SEED).problems == [] and len(read_csv(CSV_SEED).rows) == 2
    assert read_html(HTML_SEED.encode()).text and read_mhtml(MHTML_SEED).text
    KeyFile.from_bytes(world.keyfile, "vault.keys")
    opened = open_bundle(
        world.bundle, world.keys.identity, world.keys.card.fingerprint, world.register
    )
    assert opened.refusal is None and opened.payload_refusal is None and opened.events
    with pytest.raises(KnownError):
        KeyFile.from_bytes(b"[]", "vault.keys")


def test_found_by_fuzzing_a_superscript_digit_in_a_problem_path() -> None:
    """'¹' is a digit to str.isdigit, not to int(): the case import's problem list crashed
    sorting a path that held one (a key of the document)."""
    assert transfer._path_key("persons[¹].name") == ((1, "persons"), (1, "¹"), (1, "name"))
    assert transfer._path_key("persons[10]") < transfer._path_key("persons[9a]")
