"""Importing ads from files: a CSV of many ads, or one saved web page (HTML or MHTML).

All or nothing: every row is read and checked first, every problem is collected with its
line, and only a file without problems is stored, in one transaction. An ad already
registered at the same address is not registered twice: it is recorded as seen again
(and a newly saved page is attached to it).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from fieldapp.ads.csv_rows import LIST_COLUMNS, read_csv, split_list
from fieldapp.ads.extract import extract
from fieldapp.ads.index import require_index
from fieldapp.ads.issues import ImportRefused, RowProblem
from fieldapp.ads.model import (
    AD_ENTITY,
    AdStatus,
    AttachmentKind,
    CleanedAd,
    clean_ad,
    normalise_url,
)
from fieldapp.ads.pages import read_html, read_mhtml
from fieldapp.ads.places import find_municipalities
from fieldapp.ads.register import (
    Attachment,
    Capture,
    ad_data,
    ad_draft,
    capture,
    places_of,
    seen_again_draft,
)
from fieldapp.ads.similarity import band_keys_ahead, text_band_keys
from fieldapp.bulk import collector_paused
from fieldapp.errors import InvalidInput, coded
from fieldapp.inputs import ATTACHMENT_MAX_BYTES, MIB, read_capped
from fieldapp.second_process import second_process
from fieldapp.storage.database import Connection
from fieldapp.storage.events import Draft
from fieldapp.storage.records import Record, Records
from fieldapp.validation import Problems
from fieldapp.workflow.context import Context

_log = logging.getLogger(__name__)
# The most each kind of file may hold (README, "Caps on ad files"): a CSV of 100,000 ads
# is about 60 MB; a saved page is attached to its ad, so it is held to the attachments' cap.
MAX_FILE_BYTES = 200 * MIB
FILE_CAPS = {"csv": MAX_FILE_BYTES, "html": 20 * MIB, "mhtml": ATTACHMENT_MAX_BYTES}
_WHAT = {"csv": "CSV file of ads", "html": "saved web page", "mhtml": "saved web page (MHTML)"}
# From this many rows a second process reads most of the file: it takes a few tenths of
# a second to start, the time this one needs for about a thousand rows.
_TWO_CORES_FROM = 4000
_FIRST_PART = 1000  # read here while the second process starts
_PART = 500
_KEYS_PER_QUERY = 500  # SQLite allows 999 parameters in a statement
# Statuses as a Swedish spreadsheet may write them.
_STATUS = {"aktiv": "active", "borta": "gone", "borttagen": "gone", "kopplad": "linked"}


class FileKind(StrEnum):
    CSV = "csv"
    HTML = "html"
    MHTML = "mhtml"


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    source: str
    kind: FileKind
    created: tuple[str, ...]  # ids of the ads registered
    seen_again: tuple[str, ...]  # ids of ads already registered at the same address
    ignored_columns: tuple[str, ...] = ()
    stored: bool = True  # False on a dry run: nothing was written
    capture: Capture | None = None  # a web page: what was read out of it


def kind_of(name: str) -> FileKind:
    """The kind of file by its name: .csv, .html/.htm, .mhtml/.mht."""
    suffix = Path(name).suffix.lower()
    kinds = {".csv": FileKind.CSV, ".html": FileKind.HTML, ".htm": FileKind.HTML,
             ".mhtml": FileKind.MHTML, ".mht": FileKind.MHTML}  # fmt: skip
    if suffix not in kinds:
        raise InvalidInput(
            coded(
                "unknown_file_kind",
                f"File: {Path(name).name} is not .csv, .html or .mhtml; say which it is.",
            ),
            field="kind",
        )
    return kinds[suffix]


def import_file(
    ctx: Context,
    operation_id: str,
    path: Path,
    *,
    kind: FileKind | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import ``path`` for the operation (its kind from its name unless given)."""
    kind = kind or kind_of(path.name)
    data = read_file(path, kind)
    if kind is FileKind.CSV:
        return import_csv(ctx, operation_id, data, source=path.name, dry_run=dry_run)
    return import_page(ctx, operation_id, data, kind=kind, name=path.name, dry_run=dry_run)


def read_file(path: Path, kind: FileKind) -> bytes:
    """The bytes of an ad file of ``kind``, read under its cap (``fieldapp.inputs``: a
    folder, a device or a FIFO is refused before anything is read)."""
    return read_capped(path, FILE_CAPS[kind.value], _WHAT[kind.value])


def import_csv(
    ctx: Context, operation_id: str, data: bytes, *, source: str = "CSV file", dry_run: bool = False
) -> ImportReport:
    """Register every ad of a CSV file, or none: ``ImportRefused`` lists every problem.

    A large file is read on two cores: its rows are read and cleaned part by part, mostly
    in a second process, while this one checks and writes each part as it comes, in the
    transaction that will hold the whole file; a problem anywhere rolls all of it back."""
    require_index(ctx.session.conn)
    table = read_csv(data)
    if table.problems and not table.rows:
        raise ImportRefused(source, table.problems)
    # Checked against the records as they stand before the import: what it writes (new
    # ads, ads seen again) is never what a later row's check reads.
    ctx = ReadOnceContext(ctx)
    places = _Places(*places_of(ctx, operation_id), ctx.now(), ctx.latest_allowed())
    url_keys = {row["url"]: normalise_url(row["url"]) for _, row in table.rows if row.get("url")}
    registered = _ads_at(ctx, set(url_keys.values()))
    rows = _Rows(ctx, operation_id, registered, list(table.problems), url_keys)
    writing = nullcontext() if dry_run else ctx.session.writing()
    with collector_paused(), _ReadAhead(table.rows, places) as parts, writing:
        for part, keys in parts:
            rows.check(part)
            with band_keys_ahead(keys):
                rows.commit_if_clean(dry_run)  # the whole file commits, or none of it
        rows.refuse_if_any(source)
    return ImportReport(
        source=source,
        kind=FileKind.CSV,
        created=tuple(rows.created),
        seen_again=tuple(rows.seen),
        ignored_columns=tuple(table.ignored_columns),
        stored=not dry_run,
    )


class _Rows:
    """The rows of one CSV file checked in turn: every problem collected with its line,
    drafts kept until they can be written."""

    def __init__(
        self,
        ctx: Context,
        operation_id: str,
        registered: dict[str, str],
        problems: list[RowProblem],
        url_keys: dict[str, str],
    ) -> None:
        self.ctx, self.operation_id, self.registered = ctx, operation_id, registered
        self.problems = problems
        self.drafts: list[Draft] = []
        self.created: list[str] = []
        self.seen: list[str] = []
        self._lines_by_url: dict[str, int] = {}
        self._url_keys = url_keys  # each address's key, worked out once

    def check(self, rows: Sequence[_Row]) -> None:
        for line, fields, cleaned in rows:
            draft = self._draft(line, fields, cleaned)
            if draft is not None:
                self.drafts.append(draft)

    def _draft(self, line: int, fields: dict[str, Any], cleaned: CleanedAd | None) -> Draft | None:
        url = fields.get("url")
        key = (self._url_keys.get(url) or normalise_url(url)) if url else None
        if key is not None:
            if key in self._lines_by_url:
                self.problems.append(
                    RowProblem(
                        line,
                        "url",
                        coded(
                            "same_url_as_line",
                            f"the same address as line {self._lines_by_url[key]}.",
                            line=self._lines_by_url[key],
                        ),
                    )
                )
                return None
            self._lines_by_url[key] = line
            existing = self.registered.get(key)
            if existing is not None:
                record = self.ctx.require(AD_ENTITY, existing, "url")
                at = str(fields.get("last_seen") or fields["first_seen"])
                self.seen.append(existing)
                return seen_again_draft(self.ctx, record, at)
        try:
            # Cleaned elsewhere when it could be; a row with problems is cleaned here, so
            # that its problems read exactly as any other refusal.
            draft = ad_draft(self.ctx, self.operation_id, cleaned or fields)
        except InvalidInput as refused:
            self.problems.extend(RowProblem(line, f, r) for f, r in refused.problems)
            return None
        self.created.append(draft.entity_id)
        return draft

    def commit_if_clean(self, dry_run: bool) -> None:
        """Write the drafts so far, inside the import's transaction, if no row has failed."""
        if self.drafts and not self.problems and not dry_run:
            self.ctx.commit(self.drafts)
        if not self.problems:
            self.drafts = []

    def refuse_if_any(self, source: str) -> None:
        if self.problems:
            problems = sorted(self.problems, key=lambda p: (p.line or 0, p.field or ""))
            raise ImportRefused(source, problems)


def capture_page(
    ctx: Context, operation_id: str, data: bytes, *, kind: FileKind, name: str | None = None
) -> tuple[Capture, Attachment]:
    """Read a saved page into a proposed ad, with the file itself as its attachment
    (hashed now, as it is captured); nothing is stored."""
    page = read_mhtml(data) if kind is FileKind.MHTML else read_html(data)
    now = ctx.now()
    attachment = Attachment(
        AttachmentKind.PAGE, data, page.media_type, name=name, captured_at=now.isoformat()
    )
    found = capture(ctx, operation_id, page.text, url=page.url, site=page.site, title=page.title)
    if page.saved_at is not None and page.saved_at <= now:
        saved = page.saved_at.isoformat()
        found.fields.update(first_seen=saved, last_seen=saved)
    return found, attachment


def import_page(
    ctx: Context,
    operation_id: str,
    data: bytes,
    *,
    kind: FileKind,
    name: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Register the ad on a saved page, with the page attached (or, if an ad is already
    registered at its address, record that one seen again and attach the page to it)."""
    found, attachment = capture_page(ctx, operation_id, data, kind=kind, name=name)
    source = name or f"{kind.value} page"
    if found.existing is not None:
        record = ctx.require(AD_ENTITY, found.existing.id, "url")
        at = str(found.fields.get("last_seen") or ctx.now().isoformat())
        draft = seen_again_draft(ctx, record, at, [attachment])
        if draft is not None and not dry_run:
            ctx.commit([draft])
        return ImportReport(
            source, kind, (), (record.entity_id,), stored=not dry_run, capture=found
        )
    try:
        draft = ad_draft(ctx, operation_id, found.fields, [attachment])
    except InvalidInput as refused:
        raise ImportRefused(source, [RowProblem(None, f, r) for f, r in refused.problems]) from None
    if not dry_run:
        ctx.commit([draft])
    return ImportReport(source, kind, (draft.entity_id,), (), stored=not dry_run, capture=found)


@dataclass(frozen=True)
class _Places:
    """What reading and cleaning a row needs from the vault, read once for the file (and
    handed to the second process, which has no vault)."""

    municipalities: tuple[str, ...]
    hotels: list[str]
    now: datetime
    latest_allowed: datetime


class _ReadAhead:
    """The rows of a file, read and cleaned part by part, in order. A large file's first
    part is read here while a second process starts; the others are read there, in order
    and as far ahead as it gets, except a part it has not yet started when this process
    wants it, which is read here instead. When this process would wait for the part the
    other is reading (and the one queued behind it, which it has already taken), it reads
    the last part the other has not started meanwhile, and keeps it until its turn: neither
    process waits for the other. Should the second process fail to start or die, its parts
    are read here."""

    def __init__(self, rows: Sequence[tuple[int, dict[str, str]]], places: _Places) -> None:
        self._places = places
        cut = [0, *range(_FIRST_PART, len(rows), _PART)] if len(rows) >= _TWO_CORES_FROM else [0]
        self.parts = [rows[a:b] for a, b in itertools.pairwise([*cut, len(rows)])]
        self._process = second_process(len(self.parts) > 1)
        self._ahead: list[Future[_Read]] = []
        self._submitting: threading.Thread | None = None
        self._taken: dict[int, _Read] = {}  # parts read here out of turn, by their future
        self.read_here = 0  # parts read in this process (the first among them)

    def __enter__(self) -> Iterator[_Read]:
        pool = self._process.__enter__()
        if pool is not None:
            # The other process starts at the first part handed to it, and that waits until
            # it runs: the first import after start-up waits for the fork server to import
            # the modules (half a second and more). Handed over from a thread, so that this
            # process reads, checks and writes its first part meanwhile.
            self._submitting = threading.Thread(target=self._submit, args=(pool,), daemon=True)
            self._submitting.start()
        return self._read()

    def _submit(self, pool: Executor) -> None:
        try:
            self._ahead = [pool.submit(_read_part, p, self._places) for p in self.parts[1:]]
        except (BrokenProcessPool, RuntimeError, OSError):  # not started: read here
            self._ahead = []

    def _submitted(self) -> None:
        """Wait until every part is handed to the other process (or it failed to start)."""
        if self._submitting is not None:
            self._submitting.join()
            self._submitting = None

    def _read(self) -> Iterator[_Read]:
        yield self._here(self.parts[0])
        self._submitted()
        for n, part in enumerate(self.parts[1:]):
            if n in self._taken:  # read here earlier, while waiting for the other process
                yield self._taken.pop(n)
                continue
            ahead = self._ahead[n] if n < len(self._ahead) else None
            if ahead is None or ahead.cancel():  # not started there: read here
                yield self._here(part)
                continue
            # Rather than wait for the part the other process is reading, read the last
            # part it has not started (the one it would read last) here.
            while not ahead.done() and self._take_last(after=n):
                pass
            try:
                read = ahead.result()
            except Exception as exc:  # whatever went wrong there, the rows are read here
                _log.warning("second process failed (%s); rows read here", type(exc).__name__)
                read = self._here(part)
            yield read

    def _take_last(self, *, after: int) -> bool:
        """Read here the last part after ``after`` that the other process has not started;
        False if there is none."""
        for n in range(len(self._ahead) - 1, after, -1):
            if n not in self._taken and self._ahead[n].cancel():
                self._taken[n] = self._here(self.parts[n + 1])
                return True
        return False

    def _here(self, part: Sequence[tuple[int, dict[str, str]]]) -> _Read:
        self.read_here += 1
        return _read_part(part, self._places)

    def __exit__(self, *exc: object) -> None:
        self._submitted()
        self._process.__exit__(None, None, None)  # parts not started are cancelled


# A row: its line, its fields, and the ad cleaned from them (None if it has problems; if
# not, only the fields ``_Rows`` reads besides the cleaned ad: the address, the days seen).
_KEPT_FIELDS = ("url", "first_seen", "last_seen")
_Row = tuple[int, dict[str, Any], CleanedAd | None]
_Read = tuple[list[_Row], dict[str, list[int]]]


def _read_part(rows: Sequence[tuple[int, dict[str, str]]], places: _Places) -> _Read:
    """The fields of ``rows``, each ad cleaned (``clean_ad``, which needs no vault) and
    the band keys of its text: all the work on a row that can be done in a second process.
    A row with problems is left to be cleaned again as it is checked, so that its problems
    read exactly as any other refusal."""
    with collector_paused():  # the other process too makes thousands of acyclic objects
        return _read_rows(rows, places)


def _read_rows(rows: Sequence[tuple[int, dict[str, str]]], places: _Places) -> _Read:
    read: list[_Row] = []
    keys: dict[str, list[int]] = {}
    now = places.now.isoformat()
    for line, row in rows:
        fields = _row_fields(row, places.municipalities, places.hotels, now)
        problems = Problems()
        ad = clean_ad(ad_data(fields, places.now), problems, now=places.latest_allowed,
                      municipalities=places.municipalities)  # fmt: skip
        cleaned = None if problems else CleanedAd(ad)
        if cleaned is not None:
            text = str(ad.get("text") or ad.get("title") or "")
            if text not in keys:
                keys[text] = text_band_keys(text)
            # Of the fields of a cleaned row only these are read again (``_Rows``): the
            # rest need not cross to the other process a second time.
            fields = {k: fields[k] for k in _KEPT_FIELDS if k in fields}
        read.append((line, fields, cleaned))
    return read, keys


def _row_fields(
    row: dict[str, str], municipalities: tuple[str, ...], hotels: list[str], now: str
) -> dict[str, Any]:
    """A CSV row as the fields of an ad, with what its text says filled in."""
    title, text = row.get("title") or None, row.get("text") or None
    found = extract("\n".join(x for x in (title, text) if x), municipalities=municipalities,
                    hotels=hotels)  # fmt: skip
    fields: dict[str, Any] = {k: v for k, v in row.items() if v and k not in LIST_COLUMNS}
    for column, extracted in (("phones", found.phones), ("emails", found.emails)):
        given = split_list(row.get(column, ""))
        fields[column] = given + [x for x in extracted if x not in given]
    fields["prices"] = [p.as_data() for p in found.prices]
    place = row.get("municipality")
    if place:
        # "västerås", "Vasteras": the column may be written as loosely as an ad's text.
        named = find_municipalities(place, municipalities)
        fields["municipality"] = named[0] if len(named) == 1 else place
    elif found.municipalities:
        fields["municipality"] = found.municipalities[0]
    if not row.get("hotel") and found.hotels:
        fields["hotel"] = found.hotels[0]
    if row.get("status"):
        fields["status"] = _STATUS.get(row["status"].casefold(), row["status"].casefold())
    fields.setdefault("first_seen", now)
    fields.setdefault("status", AdStatus.ACTIVE.value)
    return {k: v for k, v in fields.items() if v not in (None, [], "")}


def _ads_at(ctx: Context, url_keys: Collection[str]) -> dict[str, str]:
    """The ad already registered at each of ``url_keys`` (the first, if several are), in
    one query a few hundred addresses at a time rather than one query a row."""
    found: dict[str, str] = {}
    keys = sorted(url_keys)
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        rows = ctx.session.conn.execute(
            # "+": the kind only filters. Left indexable, SQLite may walk every ad by
            # (entity_type, entity_id) instead of looking the addresses up.
            "SELECT url_key, entity_id FROM search_docs WHERE +entity_type = ? AND url_key IN "
            f"({', '.join('?' * len(chunk))}) ORDER BY doc",
            (AD_ENTITY, *chunk),
        )
        for url_key, entity_id in rows:
            found.setdefault(str(url_key), str(entity_id))
    return found


class ReadOnceContext(Context):
    """``ctx`` for checking the rows of one import: each record is read once (the
    operation, above all, which every row's check looks up twice). Nothing is written
    until the import commits, so what was read stays true while the rows are checked."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx.session, ctx.now)
        self._records = _ReadOnceRecords(ctx.session.conn)

    @property
    def records(self) -> Records:
        return self._records


class _ReadOnceRecords(Records):
    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._read: dict[tuple[str, str], Record | None] = {}

    def get(self, entity_type: str, entity_id: str) -> Record | None:
        key = (entity_type, entity_id)
        if key not in self._read:
            self._read[key] = super().get(entity_type, entity_id)
        return self._read[key]
