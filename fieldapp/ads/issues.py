"""What is wrong with a file being imported: each problem with its line and field, and the
refusal that lists them all. An import is all or nothing, so one refusal carries every
problem of the file, and nothing of it is stored.

Reasons name the line, the column and what is wrong, never the cell's content: the refusal
may end up in a log, and the content is personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.errors import InvalidInput, as_reason

_SHOWN = 5  # problems spelt out in the one-line message; all are in ``rows``


@dataclass(frozen=True)
class RowProblem:
    """One problem: the line (1-based; ``None`` for the file as a whole), the field or
    column (``None`` for the whole row), and why."""

    line: int | None
    field: str | None
    reason: str

    @property
    def path(self) -> str:
        where = f"line {self.line}" if self.line is not None else "file"
        return f"{where}.{self.field}" if self.field else where

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "file"
        return f"{where}, {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class ImportRefused(InvalidInput):
    """The file was not imported; ``rows`` lists every problem found in it."""

    code = "import_refused"

    def __init__(self, source: str, problems: Sequence[RowProblem]) -> None:
        self.source = source
        self.rows = tuple(problems)
        shown = "; ".join(str(p).rstrip(".") for p in self.rows[:_SHOWN])
        more = f"; and {len(self.rows) - _SHOWN} more" if len(self.rows) > _SHOWN else ""
        count = len(self.rows)
        super().__init__(
            f"{source}: nothing was imported; {count} problem{'s' * (count != 1)}: {shown}{more}.",
            field=self.rows[0].path if self.rows else None,
            problems=tuple((p.path, as_reason(p.reason)) for p in self.rows),
        )


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset``."""
    return data.count(b"\n", 0, offset) + 1
