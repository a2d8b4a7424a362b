"""Reading a CSV file of ads: a header row naming the columns (English or Swedish names),
then one ad a row. Comma, semicolon (as Swedish Excel writes) or tab separated; UTF-8, with
or without a byte-order mark.

Every row is read, and every problem is kept with its line: a wrong number of fields, a
file that is not UTF-8, a broken quote. The caller refuses the whole file if there is any
problem, so a half-read file is never imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from fieldapp.ads.issues import RowProblem, line_of
from fieldapp.errors import Reason, coded

# Column names as they may appear in a header (compared case-folded, spaces as "_").
ALIASES: dict[str, tuple[str, ...]] = {
    "site": ("site", "sajt", "webbplats", "plattform", "platform"),
    "url": ("url", "link", "länk", "lank", "webbadress", "adress_på_nätet"),
    "title": ("title", "rubrik"),
    "text": ("text", "annonstext", "annons", "body"),
    "phones": ("phones", "phone", "telefon", "telefonnummer", "tel", "nummer"),
    "emails": ("emails", "email", "e-mail", "e-post", "epost", "mejl", "mail"),
    "municipality": ("municipality", "kommun", "ort", "place", "plats"),
    "hotel": ("hotel", "hotell"),
    "first_seen": ("first_seen", "först_sedd", "forst_sedd", "sedd", "seen", "date", "datum"),
    "last_seen": ("last_seen", "senast_sedd"),
    "status": ("status",),
    "note": ("note", "anteckning", "kommentar", "notering"),
}
_BY_ALIAS = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_LIST_SPLIT = re.compile(r"[;,|\n]+")
LIST_COLUMNS = frozenset({"phones", "emails"})


@dataclass
class CsvTable:
    """The rows read (line number, column → value), the problems, columns ignored."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def header_key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().casefold()).replace("e_post", "e-post")


def read_csv(data: bytes) -> CsvTable:
    """Every row of ``data`` with its line, or the problems that stop it being read."""
    table = CsvTable()
    text = _decode(data, table)
    if text is None:
        return table
    if not text.strip():
        table.problems.append(RowProblem(None, None, coded("file_empty", "the file is empty.")))
        return table
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    columns = _header(reader, table)
    if columns is None:
        return table
    previous = reader.line_num
    try:
        for values in reader:
            line = previous + 1
            previous = reader.line_num
            if not any(v.strip() for v in values):
                continue  # a blank line between rows
            if len(values) != len(columns):
                table.problems.append(RowProblem(line, None, _count_reason(values, columns)))
                continue
            row = {c: v.strip() for c, v in zip(columns, values, strict=True) if c}
            table.rows.append((line, row))
    except csv.Error as exc:
        # A broken quote or an oversized field: the rest of the file cannot be trusted.
        table.problems.append(
            RowProblem(
                previous + 1,
                None,
                coded("csv_unreadable", f"cannot be read ({exc}); the rest was not read."),
            )
        )
    return table


def _count_reason(values: list[str], columns: list[str]) -> Reason:
    counted = f"{len(values)} field{'s' * (len(values) != 1)}; the header has {len(columns)}"
    if any("\n" in v for v in values):
        # A quote left open swallows the lines after it into one field.
        return coded(
            "quote_not_closed", f"a quoted field opened on this line is never closed ({counted})."
        )
    return coded("field_count", f"{counted}.", fields=len(values), columns=len(columns))


def split_list(value: str) -> list[str]:
    """A phones or e-mails cell: several values separated by , ; | or new lines."""
    return [v.strip() for v in _LIST_SPLIT.split(value) if v.strip()]


def _decode(data: bytes, table: CsvTable) -> str | None:
    nul = data.find(b"\x00")
    if nul >= 0:
        table.problems.append(
            RowProblem(
                line_of(data, nul), None, coded("binary_file", "binary data, not a CSV file.")
            )
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        table.problems.append(
            RowProblem(
                line_of(data, exc.start),
                None,
                coded(
                    "not_utf8",
                    'not UTF-8 text; save the file as "CSV UTF-8" and import it again.',
                ),
            )
        )
        return None


def _dialect(text: str) -> type[csv.Dialect]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _header(reader: Iterator[list[str]], table: CsvTable) -> list[str] | None:
    try:
        raw = next(reader)
    except (StopIteration, csv.Error) as exc:
        table.problems.append(RowProblem(1, None, coded("no_header", f"no header row ({exc}).")))
        return None
    columns: list[str] = []
    seen: set[str] = set()
    for name in raw:
        key = _BY_ALIAS.get(header_key(name), "")
        if not key:
            if name.strip():
                table.ignored_columns.append(name.strip())
        elif key in seen:
            table.problems.append(
                RowProblem(1, name.strip(), coded("column_twice", "the column appears twice."))
            )
        seen.add(key)
        columns.append(key)
    if not seen & {"text", "title"}:
        table.problems.append(
            RowProblem(
                1,
                None,
                coded("no_text_column", "no text or title column (the header names the columns)."),
            )
        )
    return columns if not table.problems else None
