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
from fieldapp.ads.index import require_index, reversed_digits
from fieldapp.ads.model import AD_ENTITY
from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY
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
    """Hits for ``query``, best first for words, newest first otherwise."""
    conn = require_index(ctx.session.conn)
    limit = max(1, min(query.limit, MAX_LIMIT))
    where, args = _filters(query)
    narrowed = len(where) > 1  # a place, a period or an operation was given
    problems: list[str] = []
    phone = None
    if query.phone.strip():
        phone, clause, phone_args = _phone_clause(query.phone)
        if clause is None:
            problems.append("phone: not a phone number, nor four or more of its last digits.")
            return SearchResult((), None, False, tuple(problems))
        where.append(clause)
        args.extend(phone_args)
    expression = match_expression(query.text) if query.text.strip() else None
    if expression:
        sql = (
            f"SELECT {_COLUMNS}, f.title, snippet(search_fts, -1, ?, ?, ?, ?) "
            "FROM search_fts f JOIN search_docs d ON d.doc = f.rowid "
            f"WHERE search_fts MATCH ?{''.join(' AND ' + w for w in where)} "
            "ORDER BY f.rank LIMIT ?"
        )
        params = [MARK_START, MARK_END, ELLIPSIS, SNIPPET_WORDS, expression, *args, limit + 1]
        matched_by = "text"
    elif narrowed or phone:
        sql = (
            f"SELECT {_COLUMNS}, f.title, substr(f.body, 1, 200) "
            "FROM search_docs d JOIN search_fts f ON f.rowid = d.doc "
            f"WHERE {' AND '.join(where)} ORDER BY d.day_to DESC, d.doc DESC LIMIT ?"
        )
        params = [*args, limit + 1]
        matched_by = "phone" if phone else "place"
    else:
        return SearchResult((), None, False, tuple(problems))
    rows = conn.execute(sql, params).fetchall()
    hits = tuple(_hit(row, matched_by) for row in rows[:limit])
    return SearchResult(hits, phone, len(rows) > limit, tuple(problems))


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
            "JOIN search_fts f ON f.rowid = d.doc WHERE d.entity_type = ? "
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


def _filters(query: SearchQuery) -> tuple[list[str], list[Any]]:
    """The conditions on ``search_docs`` besides words and phone; the first is the kinds."""
    kinds = [k for k in query.kinds if k in (AD_ENTITY, OBSERVATION_ENTITY)]
    where = [f"d.entity_type IN ({', '.join('?' * len(kinds))})" if kinds else "0"]
    args: list[Any] = list(kinds)
    for clause, value in (
        ("d.municipality = ?", query.municipality),
        ("d.day_to >= ?", query.since.isoformat() if query.since else None),
        ("d.day_from <= ?", query.until.isoformat() if query.until else None),
        ("d.operation_id = ?", query.operation_id),
    ):
        if value:
            where.append(clause)
            args.append(value)
    return where, args


def _phone_clause(raw: str) -> tuple[str | None, str | None, Sequence[Any]]:
    number = normalise_phone(raw)
    if number is not None:
        return number, "d.doc IN (SELECT doc FROM search_phones WHERE phone = ?)", [number]
    digits = re.sub(r"\D", "", raw)
    if len(digits) < MIN_PHONE_TAIL:
        return None, None, []
    tail = reversed_digits(digits)
    # Reversed digits sort by the number's end: a range scan finds every "…0605".
    return (
        digits,
        "d.doc IN (SELECT doc FROM search_phones WHERE reversed >= ? AND reversed < ?)",
        [tail, tail + ":"],
    )


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
