"""Label / value rows (the suspect's identity, the sanction, a case's place and times) drawn
without ReportLab's ``Table``.

A ``Table`` keeps a style object per cell, turns every style command into per-cell settings
and measures all cells again on each ``wrap`` and ``split``; for a form's few short grids
that bookkeeping cost more than drawing them. These rows have two fixed columns, cells that
are one plain line or a paragraph, and a rule below each row, so their heights are known
from one measurement per width. They are drawn with the same canvas calls, in the same
order and places, as the ``Table`` that ``styles.field_table`` used to build (a test
compares the pages' operators), and split between rows as that table did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from fieldapp.documents.text_object import fill_operator, text_object

# The grid's paddings and rule (styles.grid_style): points.
PAD_X = 3.0
PAD_TOP = PAD_BOTTOM = 2.5
RULE_WIDTH = 0.4


@dataclass(frozen=True)
class CellLook:
    """How a plain-string cell of a column is set (a paragraph cell carries its style)."""

    font: str
    size: float
    leading: float
    color: Color


Cell: TypeAlias = Flowable | str


class FieldRows(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """Rows of cells in fixed columns, each row as tall as its tallest cell."""

    def __init__(
        self,
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        looks: Sequence[CellLook],
        rule: Color,
    ) -> None:
        super().__init__()
        self.rows = [tuple(row) for row in rows]
        self.widths = tuple(widths)
        self.looks = tuple(looks)
        self.rule = rule
        self.width = sum(self.widths)
        self.hAlign = "CENTER"  # as a Table is placed
        self._heights: list[float] | None = None

    def _row_heights(self) -> list[float]:
        # The cells' widths never change, so neither do the heights: measured once.
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]
        return self._heights

    def _row_height(self, row: Sequence[Cell]) -> float:
        tallest = 0.0
        for value, width, look in zip(row, self.widths, self.looks, strict=True):
            if isinstance(value, Flowable):
                _, height = value.wrapOn(getattr(self, "canv", None), width - 2 * PAD_X, 72000)
            else:
                height = look.leading
            tallest = max(tallest, height + PAD_TOP + PAD_BOTTOM)
        return tallest

    def _positions(self) -> list[float]:
        """Each row's top and, last, the bottom (0), summed from the bottom up with the
        compensated sum ``Table`` uses, so rules fall on the same points."""
        heights = self._row_heights()
        positions: list[float] = []
        height = carry = 0.0
        for row_height in reversed(heights):
            positions.append(height)
            y = row_height - carry
            total = height + y
            carry = (total - height) - y
            height = total
        positions.append(height)
        positions.reverse()
        return positions

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = self._positions()[0]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used = 0.0
        fits = 0
        for height in self._row_heights():
            if used + height > avail_height:
                break
            used += height
            fits += 1
        if fits == 0:
            return []
        if fits == len(self.rows):
            return [self]
        return [
            FieldRows(self.rows[:fits], self.widths, self.looks, self.rule),
            FieldRows(self.rows[fits:], self.widths, self.looks, self.rule),
        ]

    def draw(self) -> None:
        canvas = self.canv
        positions = self._positions()
        heights = self._row_heights()
        canvas.saveState()
        current: CellLook | None = None
        for row, bottom, height in zip(self.rows, positions[1:], heights, strict=True):
            top = bottom + height  # as Table computes it, to the last bit
            x = 0.0
            for value, width, look in zip(row, self.widths, self.looks, strict=True):
                # Colour and font are set only when they change from the previous cell's.
                if current is None or look.color != current.color:
                    # setFillColor's operator, written directly: the canvas's own record of
                    # the colour is restored below, and nothing drawn in between reads it.
                    fill = fill_operator(canvas, look.color)
                    if fill is None:
                        canvas.setFillColor(look.color)
                    else:
                        canvas._code.append(fill)
                if current is None or (look.font, look.size, look.leading) != (
                    current.font,
                    current.size,
                    current.leading,
                ):
                    canvas.setFont(look.font, look.size, look.leading)
                current = look
                if isinstance(value, Flowable):
                    _, cell_height = value.wrapOn(canvas, width - 2 * PAD_X, height)
                    value.drawOn(canvas, x + PAD_X, top - PAD_TOP - cell_height)
                else:
                    # What drawString writes, without its text object (see text_object).
                    left, base = x + PAD_X, top - PAD_TOP - look.size
                    code = text_object(
                        canvas, look.font, look.size, look.leading, left, base, [value]
                    )
                    if code is None:
                        canvas.drawString(left, base, value)
                    else:
                        canvas._code.append(code)
                x += width
        canvas.saveState()
        canvas.setLineCap(1)  # round caps and joins: a table's default for its rules
        canvas.setLineJoin(1)
        canvas.setStrokeColor(self.rule)
        canvas.setLineWidth(RULE_WIDTH)
        for bottom in positions[1:]:
            canvas.line(0, bottom, self.width, bottom)
        canvas.restoreState()
        canvas.restoreState()
