"""Reading a CSV file of ads: a header row naming the columns (English or Swedish names),
then one ad a row. Comma, semicolon (as Swedish Excel writes), tab or "|" separated, as the
header is; UTF-8, with or without a byte-order mark.

Every row is read, and every problem is kept with its line, in the app's own words
(coded): a wrong number of fields (with the separator the line seems to use, if another
one fits), a file that is not UTF-8, a quote never closed, a quote closed in the middle of
a field, a quote inside a field that is not quoted, a field over the csv module's limit.
Quoting is read strictly: a quote never closed is not allowed to swallow the rows after
it into one field. The caller refuses the whole file if there is any
problem, so a half-read file is never imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from fieldapp.ads.issues import RowProblem, line_of
from fieldapp.errors import coded

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
_DELIMITERS = (";", ",", "\t", "|")


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
        table.problems.append(RowProblem(None, None, coded("csv_empty", "the file is empty.")))
        return table
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    columns = _header(reader, table, text, dialect.delimiter)
    if columns is None:
        return table
    raw = _RawLines(text)
    previous = reader.line_num
    try:
        for values in reader:
            line = previous + 1
            previous = reader.line_num
            if not any(v.strip() for v in values):
                continue  # a blank line between rows
            if any('"' in v for v in values) and _stray_quote(raw.record(line, previous),
                                                             dialect.delimiter):  # fmt: skip
                table.problems.append(RowProblem(line, None, _STRAY_QUOTE))
                continue
            if len(values) != len(columns):
                reason = _count_reason(values, columns, raw.record(line, previous),
                                       dialect.delimiter, previous - line + 1)  # fmt: skip
                table.problems.append(RowProblem(line, None, reason))
                continue
            row = {c: v.strip() for c, v in zip(columns, values, strict=True) if c}
            table.rows.append((line, row))
    except csv.Error as exc:
        # The rest of the file cannot be trusted once the quoting is broken.
        table.problems.append(RowProblem(previous + 1, None, _csv_error(exc, reader.line_num)))
    return table


_STRAY_QUOTE = coded(
    "csv_stray_quote",
    "a quote inside a field that does not start with one; put the whole field in quotes "
    'and write the quote twice ("").',
)


class _RawLines:
    """The file's lines as written, split only when a row needs a second look."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None

    def record(self, first: int, last: int) -> str:
        if self._lines is None:
            self._lines = self._text.split("\n")
        return "\n".join(self._lines[first - 1 : last])


def _stray_quote(record: str, delimiter: str) -> bool:
    """Whether ``record`` (a row as written) has a quote in a field that is not quoted:
    the csv module reads it as a plain character, but it is a sign the row is broken (a
    quote meant to open a field, or one that was not doubled)."""
    quoted, at_start, i = False, True, 0
    while i < len(record):
        c = record[i]
        if quoted:
            if c == '"':
                if record[i + 1 : i + 2] == '"':
                    i += 1  # a doubled quote inside a quoted field
                else:
                    quoted = False
        elif c == '"':
            if not at_start:
                return True
            quoted = True
        at_start = not quoted and c in (delimiter, "\n", "\r")
        i += 1
    return False


def _csv_error(exc: csv.Error, at: int) -> str:
    """The csv module's refusal in the app's own words (the module's text is not shown)."""
    said = str(exc)
    if said.startswith("unexpected end of data"):
        return coded(
            "csv_unclosed_quote",
            "a quote opened on this line is never closed; the rest of the file was not read.",
        )
    if said.startswith("field larger than field limit"):
        limit = csv.field_size_limit()
        return coded(
            "csv_field_too_long",
            f"a field longer than {limit} characters; the rest of the file was not read.",
            limit=limit,
        )
    if "expected after" in said:
        return coded(
            "csv_quote_inside",
            f"a quoted field is closed on line {at} with more after it (a quote inside a "
            'quoted field is written twice: ""); the rest of the file was not read.',
            at=at,
        )
    return coded("csv_unreadable", "cannot be read as CSV; the rest of the file was not read.")


def _count_reason(
    values: list[str], columns: list[str], record: str, delimiter: str, lines: int
) -> str:
    count, header = len(values), len(columns)
    if lines > 1 or any("\n" in v for v in values):
        # A quote left open swallows the lines after it into one field.
        return coded(
            "csv_quote_spans_lines",
            f"a quoted field opened on this line runs over {lines} lines and leaves {count} "
            f"fields, the header {header}: is a quote never closed?",
            count=count,
            columns=header,
            lines=lines,
        )
    other = _other_delimiter(record, delimiter, header)
    if other is not None:
        return coded(
            "csv_row_delimiter",
            f"{count} fields, the header {header}: this line seems separated by "
            f"{_shown(other)}; use {_shown(delimiter)}, as the header does.",
            count=count,
            columns=header,
            found=_shown(other),
            used=_shown(delimiter),
        )
    return coded(
        "csv_field_count",
        f"{count} fields; the header has {header}.",
        count=count,
        columns=header,
    )


def _other_delimiter(record: str, delimiter: str, header: int) -> str | None:
    """Another separator that would split ``record`` into the header's number of fields."""
    for other in _DELIMITERS:
        if other != delimiter and header > 1:
            fields = next(csv.reader([record], delimiter=other), [])
            if len(fields) == header:
                return other
    return None


def _shown(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else f"'{delimiter}'"


def split_list(value: str) -> list[str]:
    """A phones or e-mails cell: several values separated by , ; | or new lines."""
    return [v.strip() for v in _LIST_SPLIT.split(value) if v.strip()]


def _decode(data: bytes, table: CsvTable) -> str | None:
    nul = data.find(b"\x00")
    if nul >= 0:
        table.problems.append(
            RowProblem(line_of(data, nul), None,
                       coded("csv_binary", "binary data, not a CSV file."))
        )  # fmt: skip
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        table.problems.append(
            RowProblem(
                line_of(data, exc.start),
                None,
                coded(
                    "csv_not_utf8",
                    'not UTF-8 text; save the file as "CSV UTF-8" and import it again.',
                ),
            )
        )
        return None


def _dialect(text: str) -> type[csv.Dialect]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    Dialect.strict = True  # a broken quote is an error, not text to guess around
    return Dialect


def _header(
    reader: Iterator[list[str]], table: CsvTable, text: str, delimiter: str
) -> list[str] | None:
    try:
        raw = next(reader)
    except (StopIteration, csv.Error):
        table.problems.append(RowProblem(1, None, coded("csv_no_header", "no header row.")))
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
                RowProblem(1, name.strip(), coded("csv_column_twice", "the column appears twice."))
            )
        seen.add(key)
        columns.append(key)
    if not seen & {"text", "title"}:
        table.problems.append(RowProblem(1, None, _no_text_column(text, delimiter)))
    return columns if not table.problems else None


def _no_text_column(text: str, delimiter: str) -> str:
    """Why the header names no text: with a suggestion, if the header is separated by a
    character other than the usual ones ("url:text") or other than the one counted."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    for other in (*_DELIMITERS, ":", "/"):
        if other == delimiter:
            continue
        names = {_BY_ALIAS.get(header_key(n), "") for n in first.split(other)}
        if names & {"text", "title"}:
            return coded(
                "csv_header_delimiter",
                f"no text or title column: the header seems separated by {_shown(other)}, "
                f"not {_shown(delimiter)}; use ',' or ';' between the columns.",
                found=_shown(other),
                used=_shown(delimiter),
            )
    return coded("csv_no_text_column", "no text or title column (the header names the columns).")
