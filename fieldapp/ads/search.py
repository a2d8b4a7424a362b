"""Searching ads and free observations: words (FTS5 in the encrypted vault), a phone
number in any format, a municipality and a period, alone or together.

Only ads and observations are in the index; persons never are (LEGAL.md §8). A hit is a
pointer with a highlighted snippet; ``open_hit`` opens the record and writes the opening
to the access log.

What a user types is never passed to FTS5 as query syntax: each word becomes a quoted
string, so "1500:-" or "o'hara" cannot break the query. Kept from the syntax: "a phrase"
in double quotes, a trailing * for a prefix, and OR between words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fieldapp.ads.extract import normalise_phone
from fieldapp.ads.index import day_number, place_code, require_index, reversed_digits
from fieldapp.ads.model import AD_ENTITY
from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.storage.database import Connection
from fieldapp.storage.records import Record
from fieldapp.workflow.context import Context

# Around each matched word in a snippet: control characters no stored text contains, for
# the screen to turn into highlighting (``highlighted`` for plain text).
MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"
SNIPPET_WORDS = 16
MAX_LIMIT = 500
MIN_PHONE_TAIL = 4  # "ends with" searches need at least this many digits
RANK_WINDOW = 2000  # the newest matches of words that are ranked by relevance
_OR = "OR"  # FTS5's operator, kept when typed in capitals between words
_TOKEN = re.compile(r'"[^"]*"?|\S+')
_PHONE_LIKE = re.compile(r"^[\d\s\u00a0+().\-/]+$")
_COLUMNS = (
    "d.doc, d.entity_type, d.entity_id, d.operation_id, d.case_id, d.municipality, d.hotel, "
    "d.status, d.day_from, d.day_to"
)


@dataclass(frozen=True)
class SearchQuery:
    """What to look for; every part given must match. ``phone`` in any format."""

    text: str = ""
    phone: str = ""
    municipality: str | None = None
    since: date | None = None
    until: date | None = None
    kinds: tuple[str, ...] = (AD_ENTITY, OBSERVATION_ENTITY)
    operation_id: str | None = None
    limit: int = 50


@dataclass(frozen=True)
class Hit:
    """One record found: what it is, where it belongs, a snippet with the matches marked."""

    entity_type: str
    entity_id: str
    operation_id: str | None
    case_id: str | None
    municipality: str | None
    hotel: str | None
    status: str | None
    day_from: str | None
    day_to: str | None
    title: str
    snippet: str
    matched_by: str  # "text", "phone" or "place"


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    phone: str | None = None  # the number searched for, as E.164 (or the digits of a tail)
    more: bool = False  # there were more hits than the limit
    problems: tuple[str, ...] = field(default=())  # why a part of the query was ignored


def parse_query(raw: str, **filters: Any) -> SearchQuery:
    """The one search box: a phone number in any format (or six or more of its last
    digits) searches phones; anything else, "1 500" included, searches words."""
    raw = raw.strip()
    digits = re.sub(r"\D", "", raw)
    if raw and _PHONE_LIKE.match(raw) and (len(digits) >= 6 or normalise_phone(raw)):
        return SearchQuery(phone=raw, **filters)
    return SearchQuery(text=raw, **filters)


def match_expression(text: str) -> str | None:
    """``text`` as a safe FTS5 query: each word quoted, phrases, prefixes and OR kept."""
    parts: list[str] = []
    for token in _joined_numbers(_TOKEN.findall(text)):
        if token == _OR:
            if parts and parts[-1] != _OR:
                parts.append(_OR)
            continue
        prefix = token.endswith("*") and not token.startswith('"')
        inner = token.strip('"').rstrip("*") if token.startswith('"') else token.rstrip("*")
        if not re.search(r"\w", inner):
            continue
        quoted = '"' + inner.replace('"', '""') + '"'
        parts.append(quoted + ("*" if prefix else ""))
    while parts and parts[-1] == _OR:
        parts.pop()
    return " ".join(parts) or None


def _joined_numbers(tokens: list[str]) -> list[str]:
    """Numbers typed with spaces ("1 500", "070 174") searched as one phrase."""
    out: list[str] = []
    for token in tokens:
        if token.isdigit() and out and re.fullmatch(r'"?[\d ]+"?', out[-1]):
            out[-1] = '"' + out[-1].strip('"') + " " + token + '"'
        else:
            out.append(token)
    return out


def highlighted(snippet: str, start: str = "[", end: str = "]") -> str:
    """A snippet with its match marks replaced (for plain-text output such as the CLI)."""
    return snippet.replace(MARK_START, start).replace(MARK_END, end)


def search(ctx: Context, query: SearchQuery) -> SearchResult:
    """Hits for ``query``: for words, the most relevant first among the ``RANK_WINDOW``
    newest matches (then older matches, newest first); otherwise newest first."""
    conn = require_index(ctx.session.conn)
    limit = max(1, min(query.limit, MAX_LIMIT)) + 1  # one more, to know if there are more
    plan = _Plan(query)
    if plan.problem:
        return SearchResult((), None, False, (plan.problem,))
    expression = match_expression(query.text) if query.text.strip() else None
    if expression:
        rows = plan.by_words(conn, expression, limit)
    elif plan.phone or plan.narrowed:
        rows = plan.newest(conn, limit)
    else:
        return SearchResult(())
    matched_by = "text" if expression else "phone" if plan.phone else "place"
    hits = tuple(_hit(row, matched_by) for row in rows[: limit - 1])
    return SearchResult(hits, plan.phone, len(rows) == limit)


class _Plan:
    """How to answer a query: each search is driven from the table that narrows it most
    (the phone index, the R*Tree of days and places, the municipality index, the words),
    the other parts of the query filtering. CROSS JOIN fixes that order; a "+" keeps SQLite
    from using an index the plan does not drive from."""

    def __init__(self, query: SearchQuery) -> None:
        self.query = query
        self.problem: str | None = None
        self.phone: str | None = None
        self.phone_where = ""
        self.phone_args: list[Any] = []
        if query.phone.strip():
            self.phone, where, args = _phone_clause(query.phone)
            if where is None:
                self.problem = "phone: not a phone number, nor four or more of its last digits."
            self.phone_where, self.phone_args = where or "", list(args)
        self.days_where, self.days_args = _days_clause(query)
        self.narrowed = bool(query.municipality or query.operation_id or self.days_where)

    def _doc_filters(self, driving: str = "") -> tuple[str, list[Any]]:
        """Conditions on ``search_docs d``; the one named ``driving`` may use its index."""
        kinds = [k for k in self.query.kinds if k in (AD_ENTITY, OBSERVATION_ENTITY)]
        parts: list[tuple[str, list[Any]]] = []
        if len(kinds) < 2:
            parts.append((f"+d.entity_type IN ({', '.join('?' * len(kinds))})" if kinds
                          else "0", list(kinds)))  # fmt: skip
        for column, value in (("municipality", self.query.municipality),
                              ("operation_id", self.query.operation_id)):  # fmt: skip
            if value:
                plus = "" if column == driving else "+"
                parts.append((f"{plus}d.{column} = ?", [value]))
        return "".join(f" AND {w}" for w, _ in parts), [a for _, args in parts for a in args]

    def _in(self, table: str, where: str, args: list[Any]) -> tuple[str, list[Any]]:
        return (f" AND d.doc IN (SELECT doc FROM {table} WHERE {where})", args) if where else (
            "", [])  # fmt: skip

    def newest(self, conn: Connection, limit: int) -> list[Any]:
        """Newest first (by last day seen), with the start of the text as the snippet.

        The page of ids is found first, reading as little as possible; only its rows are
        then joined to their text (SQLite would otherwise read the text of every candidate
        before sorting)."""
        if self.phone:
            days, days_args = self._in("search_days", self.days_where.replace("{t}.", ""),
                                       self.days_args)  # fmt: skip
            filters, filter_args = self._doc_filters()
            inner = (
                "SELECT d.doc FROM search_phones p CROSS JOIN search_docs d ON d.doc = p.doc "
                f"WHERE {self.phone_where.replace('{t}', 'p')}{days}{filters} "
                "ORDER BY d.day_to DESC, d.doc DESC LIMIT ?"
            )
            args = [*self.phone_args, *days_args, *filter_args, limit]
        elif self.days_where:
            inner, args = self._by_days(limit)
        else:
            driving = "municipality" if self.query.municipality else "operation_id"
            index = "search_docs_place" if self.query.municipality else "search_docs_operation"
            filters, args = self._doc_filters(driving)
            inner = (
                f"SELECT d.doc FROM search_docs d INDEXED BY {index} WHERE 1{filters} "
                "ORDER BY d.day_to DESC, d.doc DESC LIMIT ?"
            )
            args.append(limit)
        sql = (
            f"SELECT {_COLUMNS}, f.title, substr(f.body, 1, 200) FROM ({inner}) AS page "
            "CROSS JOIN search_docs d ON d.doc = page.doc "
            "CROSS JOIN search_fts f ON f.rowid = d.doc ORDER BY d.day_to DESC, d.doc DESC"
        )
        return conn.execute(sql, args).fetchall()

    def _by_days(self, limit: int) -> tuple[str, list[Any]]:
        """A period (and a municipality) from the R*Tree alone; the kind is stored there
        too, so only an operation needs ``search_docs``."""
        kinds = [k for k in self.query.kinds if k in (AD_ENTITY, OBSERVATION_ENTITY)]
        where = self.days_where.replace("{t}", "r")
        args: list[Any] = list(self.days_args)
        if len(kinds) < 2:
            where += f" AND r.kind IN ({', '.join('?' * len(kinds))})" if kinds else " AND 0"
            args += kinds
        join = ""
        if self.query.operation_id:
            join = " CROSS JOIN search_docs d ON d.doc = r.doc"
            where += " AND +d.operation_id = ?"
            args.append(self.query.operation_id)
        inner = (
            f"SELECT r.doc FROM search_days r{join} WHERE {where} "
            "ORDER BY r.last_day DESC, r.doc DESC LIMIT ?"
        )
        return inner, [*args, limit]

    def by_words(self, conn: Connection, expression: str, limit: int) -> list[Any]:
        """Words: bm25 over every match of a common word (80,000 ads) takes a tenth of a
        second, so only the ``RANK_WINDOW`` newest matches are ranked; older ones follow,
        newest first, if those do not fill the page. With a phone number the few ads it
        appears in are checked for the words and listed newest first (ranking even those
        would make FTS5 weigh each word over the whole index)."""
        select = f"SELECT {_COLUMNS}, f.title, snippet(search_fts, -1, ?, ?, ?, ?)"
        marks: list[Any] = [MARK_START, MARK_END, ELLIPSIS, SNIPPET_WORDS]
        filters, filter_args = self._doc_filters()
        days, days_args = self._in("search_days", self.days_where.replace("{t}.", ""),
                                   self.days_args)  # fmt: skip
        if self.phone:
            sql = (
                f"{select} FROM search_phones p CROSS JOIN search_docs d ON d.doc = p.doc "
                "CROSS JOIN search_fts f ON f.rowid = d.doc "
                f"WHERE {self.phone_where.replace('{t}', 'p')} AND search_fts MATCH ?"
                f"{days}{filters} ORDER BY d.day_to DESC, d.doc DESC LIMIT ?"
            )
            args = [*marks, *self.phone_args, expression, *days_args, *filter_args, limit]
            return conn.execute(sql, args).fetchall()
        base = (
            f"{select} FROM search_fts f CROSS JOIN search_docs d ON d.doc = f.rowid "
            "WHERE search_fts MATCH ?"
        )
        cutoff = conn.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC "
            "LIMIT 1 OFFSET ?",
            (expression, RANK_WINDOW - 1),
        ).fetchone()
        window = [cutoff[0]] if cutoff else []
        rows = conn.execute(
            f"{base}{' AND f.rowid >= ?' if cutoff else ''}{days}{filters} ORDER BY f.rank LIMIT ?",
            [*marks, expression, *window, *days_args, *filter_args, limit],
        ).fetchall()
        if cutoff and len(rows) < limit:
            rows += conn.execute(
                f"{base} AND f.rowid < ?{days}{filters} ORDER BY f.rowid DESC LIMIT ?",
                [*marks, expression, *window, *days_args, *filter_args, limit - len(rows)],
            ).fetchall()
        return rows


def open_hit(ctx: Context, hit: Hit, purpose: str = "search") -> Record:
    """The record behind a hit, for display; the opening goes to the access log."""
    record = ctx.require(hit.entity_type, hit.entity_id, "entity_id")
    ctx.session.record_access(hit.entity_type, hit.entity_id, purpose)
    return record


@dataclass(frozen=True)
class Suggestion:
    """An ad that may belong to a case, and why: a phone number of one of the case's
    persons, or the case's hotel."""

    hit: Hit
    reason: str  # "phone" or "hotel"
    detail: str


def suggest_for_case(ctx: Context, case_id: str, limit: int = 20) -> list[Suggestion]:
    """Ads not yet linked to the case that share a phone number with one of its persons
    or name its hotel, for the case screen's "link an ad" list."""
    case = ctx.require(CASE_ENTITY, case_id, "case_id")
    linked = set(case.get("linked_ads") or [])
    out: list[Suggestion] = []
    phones = sorted({str(p.get("phone")) for p in ctx.records.find(PERSON_ENTITY, case_id=case_id)
                     if p.get("phone")})  # fmt: skip
    for number in phones:
        for hit in search(ctx, SearchQuery(phone=number, kinds=(AD_ENTITY,), limit=limit)).hits:
            out.append(Suggestion(hit, "phone", number))
    hotel = case.get("place_name")
    if hotel:
        rows = ctx.session.conn.execute(
            f"SELECT {_COLUMNS}, f.title, substr(f.body, 1, 200) FROM search_docs d "
            "JOIN search_fts f ON f.rowid = d.doc WHERE +d.entity_type = ? "
            "AND d.hotel = ? COLLATE NOCASE ORDER BY d.day_to DESC LIMIT ?",
            (AD_ENTITY, hotel, limit),
        ).fetchall()
        out.extend(Suggestion(_hit(r, "place"), "hotel", str(hotel)) for r in rows)
    seen: set[str] = set()
    unique = []
    for s in out:
        if s.hit.entity_id not in linked and s.hit.entity_id not in seen:
            seen.add(s.hit.entity_id)
            unique.append(s)
    return unique[:limit]


def _days_clause(query: SearchQuery) -> tuple[str, list[Any]]:
    """The R*Tree condition for a period (overlapping it) and a municipality, over a table
    named ``{t}``; empty when the query names no period."""
    if not (query.since or query.until):
        return "", []
    parts: list[tuple[str, int]] = []
    if query.since:
        parts.append(("{t}.last_day >= ?", day_number(query.since)))
    if query.until:
        parts.append(("{t}.first_day <= ?", day_number(query.until)))
    if query.municipality:
        code = place_code(query.municipality)
        parts += [("{t}.place_low <= ?", code), ("{t}.place_high >= ?", code)]
    return " AND ".join(w for w, _ in parts), [v for _, v in parts]


def _phone_clause(raw: str) -> tuple[str | None, str | None, Sequence[Any]]:
    """The number searched for and the condition on ``search_phones`` (named ``{t}``)."""
    number = normalise_phone(raw)
    if number is not None:
        return number, "{t}.phone = ?", [number]
    digits = re.sub(r"\D", "", raw)
    if len(digits) < MIN_PHONE_TAIL:
        return None, None, []
    tail = reversed_digits(digits)
    # Reversed digits sort by the number's end: a range scan finds every "…0605".
    return digits, "{t}.reversed >= ? AND {t}.reversed < ?", [tail, tail + ":"]


def _hit(row: Sequence[Any], matched_by: str) -> Hit:
    return Hit(
        entity_type=row[1],
        entity_id=row[2],
        operation_id=row[3],
        case_id=row[4],
        municipality=row[5],
        hotel=row[6],
        status=row[7],
        day_from=row[8],
        day_to=row[9],
        title=row[10] or "",
        snippet=row[11] or "",
        matched_by=matched_by,
    )
