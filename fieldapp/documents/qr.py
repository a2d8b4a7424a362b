"""QR codes (segno) drawn as vector rectangles: sharp at any printer resolution, no image
files, and no raster step that could blur a module."""

from __future__ import annotations

from typing import Any

import segno
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

# Four modules of white around the symbol, as the QR standard asks for reliable scanning.
QUIET_ZONE = 4


def _matrix(payload: str) -> tuple[Any, ...]:
    # Level M survives a crease or a smudge on paper and keeps short payloads small.
    return tuple(segno.make(payload, error="m", micro=False).matrix)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code for ``payload`` with its quiet zone in a ``size`` square at (x, y)."""
    matrix = _matrix(payload)
    modules = len(matrix) + 2 * QUIET_ZONE
    step = size / modules
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + QUIET_ZONE + 1) * step
        col = 0
        # One rectangle per horizontal run of dark modules: fewer path segments, and no
        # hairline gaps between neighbours in viewers that anti-alias each rectangle.
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            path.rect(x + (start + QUIET_ZONE) * step, top, (col - start) * step, step)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QrCode(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A QR code as a flowable, for tables and paragraphs of flowables."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)
