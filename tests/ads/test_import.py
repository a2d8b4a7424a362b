"""Importing ads: CSV files and saved web pages. A file with any problem is refused whole,
with every problem's line and reason, and nothing of it is stored."""

from __future__ import annotations

import email.policy
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from fieldapp.ads import importing, register
from fieldapp.ads.importing import FileKind
from fieldapp.ads.issues import ImportRefused
from fieldapp.ads.model import AD_ENTITY, CleanedAd, clean_ad_record
from fieldapp.ads.search import parse_query, search
from fieldapp.ads.similarity import band_keys, shingles
from fieldapp.errors import InvalidInput, KnownError
from fieldapp.workflow import entities
from fieldapp.workflow.context import Context
from fieldapp.workflow.entities import Placement

GOOD_CSV = (
    "\ufeffSajt;Länk;Rubrik;Text;Telefon;Kommun;Först sedd;Senast sedd;Id\n"
    'Exempelsajten;https://annonser.example/ad/1;Ny i stan;"Hej! Ny tjej i stan.\n'
    '30 min 1500:-, 1 h 2500 kr";070-174 06 30;västerås;2026-05-01;2026-05-03;17\n'
    "Exempelsajten;https://annonser.example/ad/2;Massage;"
    "Avslappnande massage i Köping, 3000kr/h. Ring +46 70 174 06 31;;;2026-05-02;;18\n"
    'Annat forum;;Besök i Sala;"Besöker Sala i helgen, €200 per hour; tel 0701740632";'
    "0701740633, 0701740632;;2026-05-04T20:15:00+02:00;;19\n"
)


def _counts(ctx: Context) -> tuple[int, int]:
    events = sum(1 for _ in ctx.session.events())
    ads = len(register.list_ads(ctx))
    return events, ads


def test_a_csv_is_imported_whole(ctx: Context, operation_id: str) -> None:
    report = importing.import_csv(ctx, operation_id, GOOD_CSV.encode(), source="ads.csv")
    assert len(report.created) == 3 and report.seen_again == () and report.stored
    assert report.ignored_columns == ("Id",)
    first, second, third = (register.get_ad(ctx, i) for i in report.created)
    assert (first.site, first.url, first.title) == (
        "Exempelsajten",
        "https://annonser.example/ad/1",
        "Ny i stan",
    )
    assert first.municipality == "Västerås"  # "västerås" in the column, as written
    assert [(p.amount, p.minutes) for p in first.prices] == [(1500, 30), (2500, 60)]
    assert (first.first_seen, first.last_seen) == ("2026-05-01", "2026-05-03")
    assert second.phones == ("+46701740631",) and second.municipality == "Köping"
    assert third.phones == ("+46701740633", "+46701740632")  # the column's first, then the text's
    assert third.first_seen == "2026-05-04T20:15:00+02:00" and third.url is None
    assert [h.entity_id for h in search(ctx, parse_query("0701740632")).hits] == [third.id]


def test_every_bad_row_is_reported_and_nothing_stored(ctx: Context, operation_id: str) -> None:
    bad = (
        "site,url,title,text,phones,municipality,first_seen,status\n"
        "Exempelsajten,https://annonser.example/ad/1,Ok,Hej 1500 kr,,,2026-05-01,active\n"
        "Exempelsajten,annonser.example/ad/2,Trasig,text,070-17,Uppsala,2026-13-01,active\n"
        "Exempelsajten,https://annonser.example/ad/3,,,,,2026-05-01,borta\n"
        "Exempelsajten,https://annonser.example/ad/1,Igen,samma adress,,,2026-05-02,active\n"
        "Exempelsajten,https://annonser.example/ad/4,För,många,fält,,2026-05-01,active,extra\n"
        "Exempelsajten,https://annonser.example/ad/5,Ok,text,,,2026-05-01,unknown\n"
        'Exempelsajten,https://annonser.example/ad/6,"Ett citat som aldrig slutar,text\n'
        "Exempelsajten,https://annonser.example/ad/7,Ok,text,,,2026-05-01,active\n"
    )
    before = _counts(ctx)
    with pytest.raises(ImportRefused) as err:
        importing.import_csv(ctx, operation_id, bad.encode(), source="ads.csv")
    assert _counts(ctx) == before
    problems = {(p.line, p.field) for p in err.value.rows}
    assert problems == {
        (3, "url"),
        (3, "phones[0]"),
        (3, "municipality"),
        (3, "first_seen"),
        (4, "text"),
        (5, "url"),
        (6, None),
        (7, "status"),
        (8, None),
    }
    reasons = {(p.line, p.field): p.reason for p in err.value.rows}
    assert reasons[(5, "url")] == "the same address as line 2."
    assert reasons[(6, None)] == "9 fields; the header has 8."
    assert "never closed" in reasons[(8, None)]
    assert err.value.message.startswith("ads.csv: nothing was imported; 9 problems: line 3")
    assert "Uppsala" not in err.value.message  # reasons never echo the file's content


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"site;text\nX;Hej \xe4r jag\n", 2, "not UTF-8"),
        (b"site;text\nX;Hej\x00\n", 2, "binary data"),
        (b"", None, "empty"),
        (b"site;url;phones\nX;https://a.example;070\n", 1, "no text or title column"),
        (b"text;Text\nHej;Hej\n", 1, "twice"),
    ],
)
def test_unreadable_csv_files(
    ctx: Context, operation_id: str, data: bytes, line: int | None, reason: str
) -> None:
    before = _counts(ctx)
    with pytest.raises(ImportRefused) as err:
        importing.import_csv(ctx, operation_id, data)
    assert err.value.rows[0].line == line and reason in err.value.rows[0].reason
    assert _counts(ctx) == before


def test_an_ad_at_a_known_address_is_seen_again(ctx: Context, operation_id: str) -> None:
    first = importing.import_csv(ctx, operation_id, GOOD_CSV.encode())
    again = GOOD_CSV.replace("2026-05-03", "2026-05-11").encode()
    report = importing.import_csv(ctx, operation_id, again)
    assert report.created == (report.created[0],) and len(report.seen_again) == 2
    assert register.get_ad(ctx, first.created[0]).last_seen == "2026-05-11"
    assert len(register.list_ads(ctx)) == 4  # the ad without an address came in twice


def test_dry_run_checks_and_stores_nothing(ctx: Context, operation_id: str) -> None:
    before = _counts(ctx)
    report = importing.import_csv(ctx, operation_id, GOOD_CSV.encode(), dry_run=True)
    assert len(report.created) == 3 and not report.stored
    assert _counts(ctx) == before


# -- saved web pages --------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<!-- saved from url=(0035)https://annonser.example/ad/777 -->
<html><head><meta charset="utf-8"><title>Ny i Västerås | Exempelsajten</title>
<meta property="og:site_name" content="Exempelsajten">
<script>var secret = "<p>Not the ad</p>"; track('1500 kr');</script>
<style>p { color: red }</style></head>
<body><nav>Logga in · Annonser · Kontakt</nav>
<h1>Ny i Västerås!</h1>
<p>Hej, jag heter Bella.<br>30 min &ndash; 1&nbsp;500 kr<br>1 h &ndash; 2 500 kr</p>
<p>Tar emot på Hotell Påhittat. Ring 070-174 06 05</p>
<script>more()</script></body></html>
"""


def test_a_saved_html_page(ctx: Context, operation_id: str, tmp_path: Path) -> None:
    path = tmp_path / "annons.html"
    path.write_text(PAGE, "utf-8")
    report = importing.import_file(ctx, operation_id, path)
    (ad_id,) = report.created
    ad = register.get_ad(ctx, ad_id)
    assert ad.url == "https://annonser.example/ad/777" and ad.site == "Exempelsajten"
    assert ad.title == "Ny i Västerås | Exempelsajten"
    assert ad.text is not None and "Not the ad" not in ad.text and "Logga in" not in ad.text
    assert "30 min – 1 500 kr" in ad.text
    assert [p.amount for p in ad.prices] == [1500, 2500]
    assert ad.phones == ("+46701740605",) and ad.hotel == "Hotell Påhittat"
    (page,) = ad.attachments
    assert page.kind == "page" and page.media_type == "text/html" and page.name == "annons.html"
    assert page.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # Saved again later: the same ad, seen again, with the new copy attached.
    path.write_text(PAGE.replace("Bella.", "Bella!"), "utf-8")
    report = importing.import_file(ctx, operation_id, path)
    assert report.created == () and report.seen_again == (ad_id,)
    assert len(register.get_ad(ctx, ad_id).attachments) == 2


def _mhtml(html: str) -> bytes:
    message = EmailMessage()
    message["Subject"] = "Ny i Västerås"
    message["Date"] = "Sun, 10 May 2026 20:15:00 +0200"
    message["Snapshot-Content-Location"] = "https://annonser.example/ad/888"
    message.make_related()
    message.add_related(html, subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG invented", maintype="image", subtype="png", cte="base64")
    return message.as_bytes(policy=email.policy.default)


def test_a_saved_mhtml_page(ctx: Context, operation_id: str) -> None:
    data = _mhtml(PAGE)
    report = importing.import_page(ctx, operation_id, data, kind=FileKind.MHTML, name="a.mhtml")
    ad = register.get_ad(ctx, report.created[0])
    assert ad.url == "https://annonser.example/ad/888"
    assert ad.first_seen == "2026-05-10T20:15:00+02:00"  # when the browser saved it
    assert ad.phones == ("+46701740605",)
    assert ad.attachments[0].media_type == "multipart/related"
    assert ctx.session.log.blob(ad.attachments[0].sha256) == data


@pytest.mark.parametrize(
    ("kind", "data", "line", "reason"),
    [
        (FileKind.HTML, b"<html><body><p>Hej</p>\n<script>var a = 1;\n</body></html>", 2,
         "<script> is never closed"),
        (FileKind.HTML, b"<html>\n<body><style>\np {}</body>", 2, "<style> is never closed"),
        (FileKind.HTML, b"\x89PNG\r\n\x1a\n\x00\x00", 3, "binary data"),
        (FileKind.HTML, b"Bara text, inga taggar", 1, "no HTML tags"),
        (FileKind.HTML, b"<html><body><script>x()</script></body></html>", None, "no visible text"),
        (FileKind.HTML, b'<meta charset="utf-8"><p>tr\xe4sig</p>', 1, "not readable as utf-8"),
        (FileKind.HTML, b'<meta charset="klingon"><p>x</p>', None, "unknown encoding"),
        (FileKind.MHTML, b"From: x\nSubject: y\n\nplain", 1, "not an MHTML file"),
    ],
)  # fmt: skip
def test_broken_pages_are_refused_with_their_line(
    ctx: Context, operation_id: str, kind: FileKind, data: bytes, line: int | None, reason: str
) -> None:
    before = _counts(ctx)
    with pytest.raises(ImportRefused) as err:
        importing.import_page(ctx, operation_id, data, kind=kind)
    (problem,) = err.value.rows
    assert problem.line == line and reason in problem.reason
    assert _counts(ctx) == before


def test_a_cut_off_mhtml_file(ctx: Context, operation_id: str) -> None:
    data = _mhtml(PAGE)
    cut = data[: len(data) * 2 // 3]
    with pytest.raises(ImportRefused) as err:
        importing.import_page(ctx, operation_id, cut, kind=FileKind.MHTML)
    (problem,) = err.value.rows
    assert problem.line == cut.count(b"\n") + 1 and "cut off" in problem.reason
    assert register.list_ads(ctx) == []


def test_file_kinds(ctx: Context, operation_id: str, tmp_path: Path) -> None:
    assert importing.kind_of("Annonser.CSV") is FileKind.CSV
    assert importing.kind_of("sida.mht") is FileKind.MHTML
    with pytest.raises(InvalidInput):
        importing.kind_of("annons.pdf")
    with pytest.raises(KnownError) as missing:
        importing.import_file(ctx, operation_id, tmp_path / "missing.csv")
    assert "missing.csv" in missing.value.message and "cannot be read" in missing.value.message
    with pytest.raises(InvalidInput) as err:
        importing.import_csv(ctx, "no-such-operation", GOOD_CSV.encode())
    assert err.value.field == "operation_id"
    assert not any(e.entity_type == AD_ENTITY for e in ctx.session.events())


def _small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a few rows read on two cores, in parts of two rows."""
    for name, value in (("_TWO_CORES_FROM", 2), ("_FIRST_PART", 2), ("_PART", 2)):
        monkeypatch.setattr(importing, name, value)


def test_a_large_file_read_on_two_cores_gives_what_one_core_gives(
    ctx: Context, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``_TWO_CORES_FROM`` rows a second process reads and cleans most parts of a
    file and works out their band keys: the fields, the cleaned ads and the keys are the
    ones this process would have found, part by part in the file's order."""
    header, *lines = GOOD_CSV.splitlines(keepends=True)
    rows = importing.read_csv((header + "".join(lines * 4)).encode()).rows
    places = importing._Places(
        *register.places_of(ctx, operation_id), ctx.now(), ctx.latest_allowed()
    )
    reading = importing._ReadAhead(rows, places)
    with reading as parts:
        [(alone, alone_keys)] = list(parts)  # few rows: one part, read here
    assert reading.read_here == 1
    _small_parts(monkeypatch)
    reading = importing._ReadAhead(rows, places)
    with reading as parts:
        split = list(parts)
    assert len(split) == len(reading.parts) == 6
    assert reading.read_here < len(split) or (os.cpu_count() or 1) < 2  # some read there
    assert [row for part, _ in split for row in part] == alone
    assert {t: k for _, keys in split for t, k in keys.items()} == alone_keys
    scope = Placement(operation_id=operation_id)
    now = ctx.now().isoformat()
    for (_, row), (_, kept, cleaned) in zip(rows, alone, strict=True):
        assert isinstance(cleaned, CleanedAd)
        fields = importing._row_fields(row, places.municipalities, places.hotels, now)
        assert kept == {k: fields[k] for k in ("url", "first_seen", "last_seen") if k in fields}
        here = entities.clean(
            ctx, AD_ENTITY, register.ad_data(fields, ctx.now()), scope, cleaner=clean_ad_record
        )
        assert cleaned == here
        text = cleaned.get("text") or cleaned["title"]
        assert alone_keys[text] == band_keys(shingles(text))


def _read_in_one_part(
    ctx: Context, operation_id: str
) -> tuple[list[tuple[int, dict[str, str]]], importing._Places, list[object]]:
    """Rows of four copies of the good CSV, the operation's places, and the rows as read in
    one part by this process alone (what any split into parts must hand on)."""
    header, *lines = GOOD_CSV.splitlines(keepends=True)
    rows = importing.read_csv((header + "".join(lines * 4)).encode()).rows
    places = importing._Places(
        *register.places_of(ctx, operation_id), ctx.now(), ctx.latest_allowed()
    )
    with importing._ReadAhead(rows, places) as parts:
        [(alone, _)] = list(parts)
    return rows, places, list(alone)


def test_this_process_reads_the_last_parts_rather_than_wait_for_the_other(
    ctx: Context, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the other side is busy with the part this process wants next, this process
    reads the parts the other has not started, from the last one back, and hands every
    part on in the file's order. The other side here is a thread that holds its first part
    until the rest have been taken (or ten seconds pass: then nothing was taken)."""
    rows, places, alone = _read_in_one_part(ctx, operation_id)
    _small_parts(monkeypatch)
    real_read = importing._read_part
    held: list[bool] = []

    def taken() -> int:  # parts read here out of turn so far
        return len(getattr(reading, "_taken", ()))

    def read(part: Sequence[tuple[int, dict[str, str]]], at: importing._Places) -> object:
        if threading.current_thread() is not threading.main_thread() and not held:
            deadline = time.monotonic() + 10
            while taken() < len(reading.parts) - 2 and time.monotonic() < deadline:
                time.sleep(0.01)
            held.append(taken() == len(reading.parts) - 2)
        return real_read(part, at)

    @contextmanager
    def a_thread(wanted: bool = True) -> Iterator[ThreadPoolExecutor]:
        with ThreadPoolExecutor(1) as pool:
            yield pool

    monkeypatch.setattr(importing, "_read_part", read)
    monkeypatch.setattr(importing, "second_process", a_thread)
    reading = importing._ReadAhead(rows, places)
    with reading as parts:
        split = list(parts)
    assert held == [True]  # every part but the one held was taken here meanwhile
    assert reading.read_here == len(reading.parts) - 1 == 5
    assert [row for part, _ in split for row in part] == alone


def test_the_first_part_is_read_here_while_the_other_process_starts(
    ctx: Context, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Handing the first part to the other process waits until that process runs (after
    start-up, until the fork server has imported its modules): meanwhile this process
    reads its own first part. The other side here is a thread pool whose hand-over waits
    until this process has read a part (or ten seconds pass: then it read nothing)."""
    rows, places, alone = _read_in_one_part(ctx, operation_id)
    _small_parts(monkeypatch)
    real_read = importing._read_part
    read_here = threading.Event()
    waited: list[bool] = []

    def read(part: Sequence[tuple[int, dict[str, str]]], at: importing._Places) -> object:
        if threading.current_thread() is threading.main_thread():
            read_here.set()
        return real_read(part, at)

    class Starting(ThreadPoolExecutor):
        def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
            if not waited:
                waited.append(read_here.wait(10))
            return super().submit(fn, *args, **kwargs)

    @contextmanager
    def starting(wanted: bool = True) -> Iterator[ThreadPoolExecutor]:
        with Starting(1) as pool:
            yield pool

    monkeypatch.setattr(importing, "_read_part", read)
    monkeypatch.setattr(importing, "second_process", starting)
    reading = importing._ReadAhead(rows, places)
    with reading as parts:
        split = list(parts)
    assert waited == [True]  # the first part was read here while the hand-over waited
    assert [row for part, _ in split for row in part] == alone


def test_ads_cleaned_in_a_second_process_are_stored_as_one_core_stores_them(
    ctx: Context, operation_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same rows imported on one core and on two (at other addresses) give the same
    records, the same index entries and the same band keys."""
    one = importing.import_csv(ctx, operation_id, GOOD_CSV.encode(), source="a.csv")
    for name, value in (("_TWO_CORES_FROM", 2), ("_FIRST_PART", 1), ("_PART", 1)):
        monkeypatch.setattr(importing, name, value)
    moved = GOOD_CSV.replace("annonser.example/ad/", "annonser.example/flyttad/")
    two = importing.import_csv(ctx, operation_id, moved.encode(), source="b.csv")
    conn = ctx.session.conn

    def stored(ad_id: str) -> tuple[object, ...]:
        data = dict(ctx.records.require(AD_ENTITY, ad_id, "ad_id").data)
        data.pop("url", None)
        doc, place, day_from = conn.execute(
            "SELECT doc, municipality, day_from FROM search_docs WHERE entity_id = ?", (ad_id,)
        ).fetchone()
        bands = conn.execute("SELECT band FROM ad_bands WHERE doc = ? ORDER BY band", (doc,))
        return data, place, day_from, [b[0] for b in bands]

    assert len(one.created) == len(two.created) == 3
    for a, b in zip(one.created, two.created, strict=True):
        assert stored(a) == stored(b)


@pytest.mark.parametrize("bad_line", [2, 7])  # in the rows read here; in the other process's
def test_a_file_read_on_two_cores_is_still_all_or_nothing(
    ctx: Context, operation_id: str, monkeypatch: pytest.MonkeyPatch, bad_line: int
) -> None:
    """The first rows are written (inside the import's transaction) while the last are
    read elsewhere: a bad row in either part rolls every row back."""
    _small_parts(monkeypatch)
    lines = ["title;text;phones;url"]
    for n in range(8):
        phone = "inget nummer" if n + 2 == bad_line else f"070-174 06 {40 + n}"
        lines.append(f"Annons {n};Ring mig, 1500 kr;{phone};https://annonser.example/t/{n}")
    data = "\n".join(lines).encode()
    before = _counts(ctx)
    with pytest.raises(ImportRefused) as refused:
        importing.import_csv(ctx, operation_id, data, source="delad.csv")
    assert [(p.line, p.field) for p in refused.value.rows] == [(bad_line, "phones[0]")]
    assert _counts(ctx) == before
    assert ctx.session.verify().ok
    fixed = data.replace(b"inget nummer", b"070-174 06 99")
    report = importing.import_csv(ctx, operation_id, fixed, source="delad.csv")
    assert len(report.created) == 8
    assert _counts(ctx)[1] == before[1] + 8


def test_known_addresses_are_looked_up_not_scanned(ctx: Context, operation_id: str) -> None:
    """Finding the ads already at a file's addresses reads the address index, whatever the
    number of ads (SQLite once walked every ad for it: a tenth of a millisecond a row at
    90,000 ads). Counted in SQLite's own steps, which do not depend on the machine."""
    lines = ["title;text;phones;url"] + [
        f"Annons {n};Ring mig;070-174 06 {n % 100:02d};https://annonser.example/s/{n}"
        for n in range(2000)
    ]
    importing.import_csv(ctx, operation_id, "\n".join(lines).encode(), source="s.csv")
    conn = ctx.session.conn
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 1)
    try:
        found = importing._ads_at(ctx, {f"https://annonser.example/s/{n}" for n in range(50)})
    finally:
        conn.set_progress_handler(None, 1)
    assert len(found) == 50
    assert steps[0] < 4000  # about 1,200; a walk over the 2,000 ads takes about 20,000
