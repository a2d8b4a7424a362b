"""The approval form's two signature columns, the suspect's and the officer's: a heading, then
ruled lines to write the place and date, the signature and the name in clear on, each with
its label below.

A fixed drawing rather than a ReportLab ``Table``: the geometry never changes, so building
a table (a style per cell, measured on every wrap) only to draw seven lines of labels cost a
form more than the drawing. The block does not split: the signature lines stay with the
column headings above them.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from fieldapp.documents.fonts import BODY
from fieldapp.documents.styles import INK, cell, para, styles
from fieldapp.documents.text_object import draw_string

_GAP = 10 * mm  # between the two columns
# The rows under the headings, top to bottom: (room to write in, label under its line).
_ROWS = ((9 * mm, "Ort och datum"), (11 * mm, "Underskrift"), (8 * mm, "Namnförtydligande"))
_PAD = 3.0  # above and below a label or heading
_LINE_WIDTH = 0.7


class SignatureBlock(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """The suspect's column on the left, the officer's (with the name printed) on the right."""

    def __init__(self, officer: str, width: float) -> None:
        super().__init__()
        self.width = width
        self.column = (width - _GAP) / 2
        self.headings = (para("Den misstänkte", "h2"), para("Polisen", "h2"))
        self.officer = cell(officer, "cell", self.column)
        label = styles()["label"]
        self.label_size = label.fontSize
        self.label_color = label.textColor
        # A label's row: 18 pt, as in the table this block replaces (whose empty middle
        # cells, set at 10 pt on 12, made the rows taller than the labels' 10.5 pt lines).
        self.label_height = max(label.leading, 12) + 2 * _PAD
        # A label's baseline above the bottom of its row, as a table cell aligned to the
        # bottom sets one line.
        self.rise = _PAD + label.leading - label.fontSize
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        heading = max(h.wrap(self.column, avail_height)[1] for h in self.headings)
        self.heading_height = heading + 2 * _PAD
        rows = sum(room + self.label_height for room, _ in _ROWS)
        self.height = self.heading_height + rows
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        right = self.column + _GAP
        canvas.saveState()
        top = self.height - self.heading_height
        for x, heading in zip((0.0, right), self.headings, strict=True):
            heading.drawOn(canvas, x, top + _PAD)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(_LINE_WIDTH)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        canvas.setFont(BODY, self.label_size)
        for room, label in _ROWS:
            line = top - room
            if label == "Namnförtydligande":  # the officer's name goes above its line
                self._officer_name(right, line)
            canvas.setFillColor(self.label_color)
            for x in (0.0, right):
                canvas.line(x, line, x + self.column, line)
                draw_string(canvas, x, line - self.label_height + self.rise, label)
            top = line - self.label_height
        canvas.restoreState()

    def _officer_name(self, x: float, line: float) -> None:
        canvas = self.canv
        if isinstance(self.officer, Flowable):  # a name too long for one line wraps upwards
            self.officer.wrap(self.column, 20 * mm)
            self.officer.drawOn(canvas, x, line + _PAD)
        else:
            canvas.setFillColor(INK)
            draw_string(canvas, x, line + self.rise, self.officer)
