"""The search index: a projection over ads and free observations, inside the encrypted
vault like every other table, rebuilt by replaying the log like every other projection.

Tables:

- ``search_docs``: one row per indexed record (what it is, its case and operation, its
  municipality and hotel, the days it covers, an ad's status and normalised address);
- ``search_fts``: FTS5 over title, text, place and site, tokenised with ``unicode61`` and
  ``remove_diacritics 0``, so "hår" and "har", "Sälen" and "Salen" stay different words;
- ``search_phones``: every phone number (E.164) of an ad, and those written in an
  observation, with the digits reversed for "ends with" searches;
- ``search_days``: an R*Tree over the days each record covers (an ad from first to last
  seen) and its municipality, so "in Sala during week 20" is one box query, not a scan;
- ``ad_bands``: an ad text's MinHash band keys, for "same advertiser" proposals.

Persons are never indexed (LEGAL.md §8: no free-text search on sellers). A case purged
under the retention rules takes its observations out of the index with it. An observation may
still name the seller, so the names of a case's sellers are blanked out of the indexed copy
of its observations (the record itself is untouched), and re-blanked whenever a seller is
added, renamed or withdrawn.

This projection mirrors each record's current state as ``records`` holds it after the
event (whatever a merge, a conflict or its resolution made of it), so it must be registered
after ``RecordsProjection`` (``fieldapp.composition.core_projections`` does).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from typing import Any, ClassVar, cast

import orjson

from fieldapp.ads.kinds import AD_ENTITY, normalise_url
from fieldapp.ads.similarity import band_keys, shingles, text_band_keys
from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY, SELLER
from fieldapp.errors import KnownError
from fieldapp.storage.database import Connection
from fieldapp.storage.events import Event
from fieldapp.storage.records import PURGE_ENTITY, purge_applies_here

BLANKED = "•••"
_CHANGES_RECORDS = frozenset({"create", "amend", "void", "resolve"})
TOKENIZER = "unicode61 remove_diacritics 0"

DOCS_DDL = """
    CREATE TABLE search_docs (
        doc          INTEGER PRIMARY KEY,
        entity_type  TEXT NOT NULL,
        entity_id    TEXT NOT NULL,
        operation_id TEXT,
        case_id      TEXT,
        municipality TEXT,
        hotel        TEXT,
        status       TEXT,
        day_from     TEXT,
        day_to       TEXT,
        url_key      TEXT,
        UNIQUE (entity_type, entity_id)
    );
    CREATE INDEX search_docs_place ON search_docs (municipality, day_to);
    CREATE INDEX search_docs_operation ON search_docs (operation_id, day_to);
    CREATE INDEX search_docs_hotel ON search_docs (hotel COLLATE NOCASE) WHERE hotel IS NOT NULL;
    CREATE INDEX search_docs_url ON search_docs (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX search_docs_case ON search_docs (case_id) WHERE case_id IS NOT NULL;"""
# ``doc`` first and unindexed: the projection snapshot orders each table by its first column.
FTS_DDL = f"""
    CREATE VIRTUAL TABLE search_fts USING fts5(
        doc UNINDEXED, title, body, place, site, tokenize = '{TOKENIZER}'
    )"""
PHONES_DDL = """
    CREATE TABLE search_phones (
        phone    TEXT    NOT NULL,
        doc      INTEGER NOT NULL,
        reversed TEXT    NOT NULL,
        PRIMARY KEY (phone, doc)
    ) WITHOUT ROWID;
    CREATE INDEX search_phones_doc ON search_phones (doc);
    CREATE INDEX search_phones_reversed ON search_phones (reversed);"""
# Days as ordinal numbers; the municipality as a number (``place_code``) in a second
# dimension whose box is a single point; the kind of record alongside, unindexed, so that a
# search by period needs nothing but this table until the page of hits is known.
DAYS_DDL = """
    CREATE VIRTUAL TABLE search_days USING rtree_i32(
        doc, first_day, last_day, place_low, place_high, +kind
    )"""
# The comment is part of the definition: a vault whose band keys were computed another way
# (before numbers were masked, v1) rebuilds its projections when it is next opened.
BANDS_DDL = """
    CREATE TABLE ad_bands ( -- band keys v2: numbers masked, at least 8 words
        band INTEGER NOT NULL,
        doc  INTEGER NOT NULL,
        PRIMARY KEY (band, doc)
    ) WITHOUT ROWID"""
# No index by doc: ten random-position inserts an ad are enough. An ad's old keys are
# recomputed from its old text (still in ``search_fts``) when it changes or goes.


class SearchIndexProjection:
    """Keeps the search tables in step with ad, observation, case and seller events."""

    tables: ClassVar[dict[str, str]] = {
        "search_docs": DOCS_DDL,
        "search_fts": FTS_DDL,
        "search_phones": PHONES_DDL,
        "search_days": DAYS_DDL,
        "ad_bands": BANDS_DDL,
    }

    def __init__(self) -> None:
        self._cases: dict[str, _CaseContext] | None = None
        self._new: _NewRows | None = None

    def __getstate__(self) -> dict[str, Any]:
        # What a batch holds is for that batch (and its connection) only: a copy sent to
        # another process to ``prepare`` events carries none of it.
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Within one batch of events a case's place and sellers are read once (and read
        again after an event that may change them): a bundle of ten thousand notes of one
        case would otherwise read the case ten thousand times. The rows of records created
        in the batch are written together at its end (or before anything else touches the
        index), a statement a table rather than one a row."""
        self._cases, self._new = {}, _NewRows()
        try:
            yield
            self._flush()
        finally:
            self._cases, self._new = None, None

    def _flush(self) -> None:
        if self._new is not None:
            self._new.write()

    def prepare(self, event: Event) -> ObservationHint | None:
        """What indexing a new observation takes from the event alone (``Preparing``): its
        text, day and phone numbers, worked out while the bundle is opened. What depends
        on the vault (the case's place, its sellers' names, the row's number) is not."""
        if event.kind != "create" or event.entity_type != OBSERVATION_ENTITY or event.purged:
            return None
        try:
            body = event.data
            data = body["data"]
            text = str(data.get("text", ""))
            day = str(data.get("at", ""))[:10] or None
            ordinal = day_number(day) if day else None
            phones = tuple(_find_phones(text))
            operation_id, case_id = body.get("operation_id"), body.get("case_id")
        except (KeyError, TypeError, ValueError, AttributeError, AssertionError):
            return None  # a body apply refuses itself, the same way as without this
        return text, day, ordinal, phones, operation_id, case_id

    def apply(self, conn: Connection, event: Event, prepared: object | None = None) -> None:
        fresh = event.kind == "create" and event.entity_type in _BUFFERED
        if self._new is not None and not fresh:
            self._new.write()  # what follows may read or change rows still held here
        if event.entity_type == PURGE_ENTITY:
            if purge_applies_here(conn, event):  # a laptop's purge leaves the station's copy
                _purge_case(conn, str(event.data.get("case_id")))
            return
        if event.kind not in _CHANGES_RECORDS or event.purged:
            return  # access, custody and checkpoint events, and emptied bodies, change nothing
        kind = event.entity_type
        if kind == AD_ENTITY:
            self._ad(conn, event)
        elif kind == OBSERVATION_ENTITY:
            hint = cast(ObservationHint, prepared) if isinstance(prepared, tuple) else None
            self._observation(conn, event, hint)
        elif kind == CASE_ENTITY:
            self._forget(event.entity_id)
            if event.kind != "create":
                for entity_id in _observations_of(conn, event.entity_id):
                    self._reindex_observation(conn, entity_id)
        elif kind == PERSON_ENTITY:
            self._person(conn, event)

    def _case(self, conn: Connection, case_id: str | None) -> _CaseContext:
        if case_id is None:
            return _NO_CASE
        if self._cases is None:
            return _case_context(conn, case_id)
        context = self._cases.get(case_id)
        if context is None:
            context = self._cases[case_id] = _case_context(conn, case_id)
        return context

    def _forget(self, case_id: str | None) -> None:
        if self._cases is not None and case_id is not None:
            self._cases.pop(case_id, None)

    def _ad(self, conn: Connection, event: Event) -> None:
        # A create carries the whole record, and no earlier row can exist: the fast path an
        # import of 10,000 ads takes (no read of ``records``, nothing to delete first).
        fresh = event.kind == "create"
        new = self._new if fresh else None
        record = _created(event) if fresh else _current(conn, event)
        if record is None or record["voided"]:
            _remove(conn, AD_ENTITY, event.entity_id)
            return
        if not fresh:
            _drop_bands(conn, _doc_of(conn, AD_ENTITY, event.entity_id))
        data = record["data"]
        place = " ".join(x for x in (data.get("municipality"), data.get("hotel")) if x)
        body = data.get("text") or ""
        doc = _upsert_doc(
            conn,
            AD_ENTITY,
            event.entity_id,
            {
                "operation_id": record["operation_id"],
                "case_id": None,
                "municipality": data.get("municipality"),
                "hotel": data.get("hotel"),
                "status": data.get("status"),
                "day_from": str(data.get("first_seen", ""))[:10] or None,
                "day_to": str(data.get("last_seen") or data.get("first_seen", ""))[:10] or None,
                "url_key": normalise_url(data["url"]) if data.get("url") else None,
            },
            (data.get("title") or "", body, place, data.get("site") or ""),
            fresh=fresh,
            new=new,
        )
        _set_phones(conn, doc, data.get("phones") or (), fresh=fresh, new=new)
        bands = [(k, doc) for k in text_band_keys(body or data.get("title") or "")]
        if new is not None:
            new.bands.extend(bands)
        else:
            conn.executemany(_INSERT_BANDS, bands)

    def _observation(
        self, conn: Connection, event: Event, hint: ObservationHint | None = None
    ) -> None:
        if event.kind == "create":
            # A create carries the whole record and no earlier row can exist (the path a
            # bundle of notes takes: no read of ``records``, nothing to delete first).
            if hint is not None and self._new is not None:
                # Prepared in the process that opened the bundle (the body not parsed
                # here at all); with no seller's name to blank, the text is indexed as
                # written: only the rows are made here.
                case = self._case(conn, hint[5])
                if not case.seller_names:
                    self._new.observation(conn, event.entity_id, case, hint)
                    return
            body = event.data
            case_id = body.get("case_id")
            case = self._case(conn, case_id)
            _index_observation(
                conn,
                event.entity_id,
                body["data"],
                body.get("operation_id"),
                case_id,
                case,
                fresh=True,
                new=self._new,
            )
            return
        self._reindex_observation(conn, event.entity_id)

    def _reindex_observation(self, conn: Connection, entity_id: str) -> None:
        row = conn.execute(
            "SELECT data, operation_id, case_id FROM records "
            "WHERE entity_type = ? AND entity_id = ? AND voided = 0",
            (OBSERVATION_ENTITY, entity_id),
        ).fetchone()
        if row is None:  # withdrawn, or an amend of a record this vault does not hold
            _remove(conn, OBSERVATION_ENTITY, entity_id)
            return
        data, operation_id, case_id = orjson.loads(row[0]), row[1], row[2]
        _index_observation(conn, entity_id, data, operation_id, case_id, self._case(conn, case_id))

    def _person(self, conn: Connection, event: Event) -> None:
        row = conn.execute(
            "SELECT case_id, data FROM records WHERE entity_type = ? AND entity_id = ?",
            (PERSON_ENTITY, event.entity_id),
        ).fetchone()
        if row is None or row[0] is None:
            return
        self._forget(row[0])  # whatever changed, the case's sellers are read again
        if orjson.loads(row[1]).get("role") != SELLER:
            return
        for entity_id in _observations_of(conn, row[0]):
            self._reindex_observation(conn, entity_id)


class IndexMissing(KnownError):
    """The vault was opened without the search index among its projections."""

    code = "index_missing"


def require_index(conn: Connection) -> Connection:
    """``conn``, once it is known to hold the search index (a clear refusal otherwise,
    rather than an SQL error in the middle of a search or an import)."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_docs'"
    ).fetchone():
        raise IndexMissing(
            "This vault was opened without the ad search index (see "
            "fieldapp.composition.core_projections)."
        )
    return conn


# -- the rows ---------------------------------------------------------------------------------

_DOC_COLUMNS = (
    "operation_id", "case_id", "municipality", "hotel", "status", "day_from", "day_to", "url_key"
)  # fmt: skip
_INSERT_DOCS = (
    f"INSERT INTO search_docs (doc, entity_type, entity_id, {', '.join(_DOC_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 3))})"
)
_INSERT_FTS = (
    "INSERT INTO search_fts (rowid, doc, title, body, place, site) VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_DAYS = (
    "INSERT INTO search_days (doc, first_day, last_day, place_low, place_high, kind) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
# A new observation's rows (``_NewRows.observation``), its constant columns written into the
# statements: each value bound is a copy SQLite makes, and an import binds 10,000s of rows.
_INSERT_OBSERVATION_DOCS = (
    "INSERT INTO search_docs (doc, entity_type, entity_id, operation_id, case_id, "
    "municipality, hotel, status, day_from, day_to, url_key) "
    f"VALUES (?1, '{OBSERVATION_ENTITY}', ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?7, NULL)"
)
_INSERT_OBSERVATION_FTS = (
    "INSERT INTO search_fts (rowid, doc, title, body, place, site) VALUES (?1, ?1, '', ?2, ?3, '')"
)
_INSERT_OBSERVATION_DAYS = (
    "INSERT INTO search_days (doc, first_day, last_day, place_low, place_high, kind) "
    f"VALUES (?1, ?2, ?2, ?3, ?3, '{OBSERVATION_ENTITY}')"
)
_INSERT_PHONES = "INSERT OR IGNORE INTO search_phones (phone, doc, reversed) VALUES (?, ?, ?)"
_INSERT_BANDS = "INSERT OR IGNORE INTO ad_bands (band, doc) VALUES (?, ?)"
_BUFFERED = frozenset({AD_ENTITY, OBSERVATION_ENTITY})


class _NewRows:
    """The index rows of records created in a batch, held until the batch ends or anything
    else touches the index, then written a table at a time. Their doc numbers are the ones
    SQLite would have given them one by one (the largest so far, plus one), so a replay
    gives the same tables whatever the batches were."""

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._next_doc = 0
        self.docs: list[tuple[Any, ...]] = []
        self.fts: list[tuple[Any, ...]] = []
        self.days: list[tuple[Any, ...]] = []
        # A new observation's rows, for the statements with its constant columns.
        self.observation_docs: list[tuple[Any, ...]] = []
        self.observation_fts: list[tuple[Any, ...]] = []
        self.observation_days: list[tuple[Any, ...]] = []
        self.phones: list[tuple[Any, ...]] = []
        self.bands: list[tuple[Any, ...]] = []

    def _doc(self, conn: Connection) -> int:
        if self._conn is None:
            self._conn = conn
            row = conn.execute("SELECT max(doc) FROM search_docs").fetchone()
            self._next_doc = int(row[0] or 0) + 1
        doc = self._next_doc
        self._next_doc += 1
        return doc

    def observation(
        self, conn: Connection, entity_id: str, case: _CaseContext, hint: ObservationHint
    ) -> None:
        """The rows ``_index_observation`` makes for a new observation whose text has no
        name to blank, from what ``prepare`` worked out (the same rows, made directly)."""
        doc = self._doc(conn)
        text, day, ordinal, phones, operation_id, case_id = hint
        self.observation_docs.append(
            (doc, entity_id, operation_id, case_id, case.municipality, case.hotel, day)
        )
        self.observation_fts.append((doc, text, case.place))
        if ordinal is not None:
            self.observation_days.append((doc, ordinal, case.place_code))
        if phones:
            self.phones.extend((p, doc, reversed_digits(p)) for p in phones)

    def insert(
        self, conn: Connection, entity_type: str, entity_id: str,
        meta: Mapping[str, Any], texts: Sequence[str],
    ) -> int:  # fmt: skip
        doc = self._doc(conn)
        self.docs.append((doc, entity_type, entity_id, *(meta.get(c) for c in _DOC_COLUMNS)))
        self.fts.append((doc, doc, *texts))
        days = _days_row(doc, entity_type, meta)
        if days is not None:
            self.days.append(days)
        return doc

    def write(self) -> None:
        conn = self._conn
        if conn is None:
            return
        # Phones and band keys in key order: the rows then land page after page in their
        # indexes instead of at random (band keys are hashes), so each page is read,
        # decrypted and written once. The tables hold the same rows either way.
        self.phones.sort()
        self.bands.sort()
        for sql, rows in (
            (_INSERT_DOCS, self.docs),
            (_INSERT_OBSERVATION_DOCS, self.observation_docs),
            (_INSERT_FTS, self.fts),
            (_INSERT_OBSERVATION_FTS, self.observation_fts),
            (_INSERT_DAYS, self.days),
            (_INSERT_OBSERVATION_DAYS, self.observation_days),
            (_INSERT_PHONES, self.phones),
            (_INSERT_BANDS, self.bands),
        ):
            if rows:
                conn.executemany(sql, rows)
                rows.clear()
        # Whatever comes next may add rows of its own: the next number is read again.
        self._conn = None


def _created(event: Event) -> dict[str, Any]:
    body = event.data
    return {"data": body["data"], "operation_id": body.get("operation_id"), "voided": 0}


def _current(conn: Connection, event: Event) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT data, operation_id, case_id, voided FROM records "
        "WHERE entity_type = ? AND entity_id = ?",
        (event.entity_type, event.entity_id),
    ).fetchone()
    if row is None:
        return None  # an amend whose record this vault does not hold: nothing to index
    return {
        "data": orjson.loads(row[0]),
        "operation_id": row[1],
        "case_id": row[2],
        "voided": row[3],
    }


def _upsert_doc(
    conn: Connection,
    entity_type: str,
    entity_id: str,
    meta: Mapping[str, Any],
    texts: Sequence[str],
    *,
    fresh: bool = False,
    new: _NewRows | None = None,
) -> int:
    if new is not None:
        return new.insert(conn, entity_type, entity_id, meta, texts)
    row = (
        None
        if fresh
        else conn.execute(
            "SELECT doc FROM search_docs WHERE entity_type = ? AND entity_id = ?",
            (entity_type, entity_id),
        ).fetchone()
    )
    columns = list(meta)
    values = [meta[c] for c in columns]
    if row is None:
        cursor = conn.execute(
            f"INSERT INTO search_docs (entity_type, entity_id, {', '.join(columns)}) "
            f"VALUES (?, ?, {', '.join('?' * len(columns))})",
            (entity_type, entity_id, *values),
        )
        doc = int(cursor.lastrowid or 0)
        conn.execute(_INSERT_FTS, (doc, doc, *texts))
        _set_days(conn, doc, entity_type, meta, fresh=True)
        return doc
    doc = int(row[0])
    conn.execute(
        f"UPDATE search_docs SET {', '.join(f'{c} = ?' for c in columns)} WHERE doc = ?",
        (*values, doc),
    )
    conn.execute(
        "UPDATE search_fts SET title = ?, body = ?, place = ?, site = ? WHERE rowid = ?",
        (*texts, doc),
    )
    _set_days(conn, doc, entity_type, meta)
    return doc


def _set_days(
    conn: Connection, doc: int, kind: str, meta: Mapping[str, Any], *, fresh: bool = False
) -> None:
    if not fresh:
        conn.execute("DELETE FROM search_days WHERE doc = ?", (doc,))
    row = _days_row(doc, kind, meta)
    if row is not None:
        conn.execute(_INSERT_DAYS, row)


def _days_row(doc: int, kind: str, meta: Mapping[str, Any]) -> tuple[Any, ...] | None:
    first, last = meta.get("day_from"), meta.get("day_to")
    if not first or not last:
        return None
    a, b = day_number(first), day_number(last)
    place = place_code(meta.get("municipality"))
    return (doc, min(a, b), max(a, b), place, place, kind)


def day_number(day: str | date) -> int:
    """A day as the R*Tree stores it (its proleptic Gregorian ordinal)."""
    return (day if isinstance(day, date) else date.fromisoformat(day[:10])).toordinal()


def place_code(municipality: str | None) -> int:
    """A municipality as a number for the R*Tree (0 for none). CRC-32 of the name: the
    county's municipalities do not share one (a test checks every county profile)."""
    return zlib.crc32(municipality.encode()) & 0x7FFFFFFF if municipality else 0


def _doc_of(conn: Connection, entity_type: str, entity_id: str) -> int | None:
    row = conn.execute(
        "SELECT doc FROM search_docs WHERE entity_type = ? AND entity_id = ?",
        (entity_type, entity_id),
    ).fetchone()
    return int(row[0]) if row else None


def _remove(conn: Connection, entity_type: str, entity_id: str) -> None:
    doc = _doc_of(conn, entity_type, entity_id)
    if doc is None:
        return
    _drop_bands(conn, doc)
    for table in ("search_phones", "search_days", "search_docs"):
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
    conn.execute("DELETE FROM search_fts WHERE rowid = ?", (doc,))


def _drop_bands(conn: Connection, doc: int | None) -> None:
    """Delete an ad's band keys, computed again from the text they were computed from."""
    if doc is None:
        return
    row = conn.execute("SELECT title, body FROM search_fts WHERE rowid = ?", (doc,)).fetchone()
    if row is None:
        return
    keys = band_keys(shingles(row[1] or row[0] or ""))
    conn.executemany("DELETE FROM ad_bands WHERE band = ? AND doc = ?", [(k, doc) for k in keys])


def _set_phones(
    conn: Connection,
    doc: int,
    phones: Iterable[str],
    *,
    fresh: bool = False,
    new: _NewRows | None = None,
) -> None:
    rows = [(p, doc, reversed_digits(p)) for p in phones]
    if new is not None:
        new.phones.extend(rows)
        return
    if not fresh:
        conn.execute("DELETE FROM search_phones WHERE doc = ?", (doc,))
    if rows:
        conn.executemany(_INSERT_PHONES, rows)


def reversed_digits(phone: str) -> str:
    """The digits back to front: "ends with 0605" becomes an index range "5060…"."""
    return re.sub(r"\D", "", phone)[::-1]


# -- observations ---------------------------------------------------------------------------


def _observations_of(conn: Connection, case_id: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT entity_id FROM search_docs WHERE entity_type = ? AND case_id = ? ORDER BY doc",
            (OBSERVATION_ENTITY, case_id),
        )
    ]


# A new observation's text as written, its day (and as an R*Tree ordinal), the phone
# numbers in its text, its operation and its case: ``SearchIndexProjection.prepare``. A
# plain tuple: tens of thousands cross from one process to the other, and a tuple is the
# cheapest thing to send.
ObservationHint = tuple[str, str | None, int | None, tuple[str, ...], str | None, str | None]


@dataclass(frozen=True)
class _CaseContext:
    """What an observation's index entry takes from its case."""

    municipality: str | None = None
    hotel: str | None = None
    seller_names: tuple[str, ...] = ()

    @cached_property
    def place(self) -> str:
        return " ".join(x for x in (self.municipality, self.hotel) if x)

    @cached_property
    def place_code(self) -> int:
        return place_code(self.municipality)


_NO_CASE = _CaseContext()


def _case_context(conn: Connection, case_id: str) -> _CaseContext:
    case = _record_data(conn, CASE_ENTITY, case_id)
    return _CaseContext(
        case.get("municipality"), case.get("place_name"), tuple(_seller_names(conn, case_id))
    )


def _index_observation(
    conn: Connection,
    entity_id: str,
    data: Mapping[str, Any],
    operation_id: str | None,
    case_id: str | None,
    case: _CaseContext,
    *,
    fresh: bool = False,
    new: _NewRows | None = None,
) -> None:
    text = blank_names(str(data.get("text", "")), case.seller_names)
    day = str(data.get("at", ""))[:10] or None
    doc = _upsert_doc(
        conn,
        OBSERVATION_ENTITY,
        entity_id,
        {
            "operation_id": operation_id,
            "case_id": case_id,
            "municipality": case.municipality,
            "hotel": case.hotel,
            "status": None,
            "day_from": day,
            "day_to": day,
            "url_key": None,
        },
        ("", text, case.place, ""),
        fresh=fresh,
        new=new,
    )
    _set_phones(conn, doc, _find_phones(text), fresh=fresh, new=new)


def _find_phones(text: str) -> list[str]:
    """The phone numbers in an observation's text."""
    return _phone_reader()(text)[0]


@cache
def _phone_reader() -> Callable[[str], tuple[list[str], Any, Any]]:
    # Deferred for start-up time: a vault opens with this projection (--demo makes one
    # before its login is painted), and the extractor's patterns, places and the phone
    # library are a third of that start; they load with the first observation indexed.
    # Looked up once, not with an import statement a note (a fifth of this call's time).
    from fieldapp.ads.extract import read_phones

    return read_phones


def _purge_case(conn: Connection, case_id: str) -> None:
    """A case purged under the retention rules takes its observations out of the index,
    and the index is rewritten so that no segment still holds their words (FTS5 otherwise
    only marks them deleted until segments happen to merge)."""
    observations = _observations_of(conn, case_id)
    for entity_id in observations:
        _remove(conn, OBSERVATION_ENTITY, entity_id)
    if observations:
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def _record_data(conn: Connection, entity_type: str, entity_id: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT data FROM records WHERE entity_type = ? AND entity_id = ?",
        (entity_type, entity_id),
    ).fetchone()
    return dict(orjson.loads(row[0])) if row else {}


def _seller_names(conn: Connection, case_id: str | None) -> list[str]:
    if case_id is None:
        return []
    names = []
    for (data,) in conn.execute(
        "SELECT data FROM records WHERE entity_type = ? AND case_id = ? AND voided = 0",
        (PERSON_ENTITY, case_id),
    ):
        person = orjson.loads(data)
        if person.get("role") == SELLER and person.get("name"):
            names.append(str(person["name"]))
    return names


def blank_names(text: str, names: Iterable[str]) -> str:
    """``text`` with every word of ``names`` (two letters or more) blanked out, whole words
    only and regardless of case: "Ana (alias)" blanks "Ana" and "alias", not "Anabel"."""
    words = sorted(
        {w for name in names for w in re.findall(r"\w{2,}", name)}, key=len, reverse=True
    )
    if not words:
        return text
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE)
    return pattern.sub(BLANKED, text)
