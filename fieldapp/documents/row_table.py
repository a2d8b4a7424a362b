"""A table of one-line rows for long statistics (the operation report's thousand buyers).

ReportLab's ``Table`` keeps a style per cell and measures every cell on each split: for a
thousand rows that is most of the report's time. Here every row is one line of plain text
in fixed columns, so its height is known, a page break is a slice, and a row is drawn as
one text object. The header is repeated on each page, as ``Table(repeatRows=1)`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from fieldapp.documents.fonts import BODY, BOLD
from fieldapp.documents.styles import INK, RULE, SHADE


@dataclass(frozen=True)
class Column:
    """A column: its header, width in points, alignment and the space before its text."""

    header: str
    width: float
    right: bool = False
    gap: float = 2.0  # left padding; wider after a right-aligned neighbour


class RowTable(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """Rows of short plain strings under a header; splits between rows."""

    def __init__(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], size: float = 8.5
    ) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.rows = tuple(rows)
        self.size = size
        self.row_height = size * 1.2 + 3  # leading and 1.5 pt padding above and below
        self.width = sum(c.width for c in self.columns)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = self.row_height * (len(self.rows) + 1)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // self.row_height) - 1  # the header takes one row
        if fits < 1 or fits >= len(self.rows):
            return [] if fits < 1 else [self]
        return [
            RowTable(self.columns, self.rows[:fits], self.size),
            RowTable(self.columns, self.rows[fits:], self.size),
        ]

    def draw(self) -> None:
        canvas = self.canv
        top = self.row_height * (len(self.rows) + 1)
        canvas.saveState()
        canvas.setFillColor(SHADE)
        canvas.rect(0, top - self.row_height, self.width, self.row_height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        self._draw_row([c.header for c in self.columns], top, BOLD)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.line(0, top - self.row_height, self.width, top - self.row_height)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        for index, row in enumerate(self.rows, start=1):
            row_top = top - index * self.row_height
            self._draw_row(row, row_top, BODY)
            canvas.line(0, row_top - self.row_height, self.width, row_top - self.row_height)
        canvas.restoreState()

    def _draw_row(self, cells: Sequence[str], row_top: float, font: str) -> None:
        text = self.canv.beginText()
        text.setFont(font, self.size)
        baseline = row_top - 1.5 - self.size
        x = 0.0
        for column, value in zip(self.columns, cells, strict=True):
            if column.right:
                left = x + column.width - 2 - self.canv.stringWidth(value, font, self.size)
            else:
                left = x + column.gap
            text.setTextOrigin(left, baseline)
            text.textOut(value)
            x += column.width
        self.canv.drawText(text)
