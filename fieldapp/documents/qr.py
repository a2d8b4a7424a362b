"""QR codes (segno) drawn as vector rectangles: sharp at any printer resolution, no image
files, and no raster step that could blur a module."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from fieldapp.documents.qr_encoder import qr_modules

# Four modules of white around the symbol, as the QR standard asks for reliable scanning.
QUIET_ZONE = 4
# A horizontal run of dark modules in a row of the matrix (1 dark, 0 light).
_DARK_RUN = re.compile(rb"\x01+")


def qr_matrix(payload: str) -> tuple[Any, ...]:
    """The code's modules. Encoding is most of a QR code's cost: a document encodes its
    stamp once and draws it on every page, and ``qr_modules`` makes segno's modules with
    the work that is the same for every payload done once per process."""
    # Level M survives a crease or a smudge on paper and keeps short payloads small. A fixed
    # mask: every mask is a valid code that any reader decodes; segno's search for the
    # "best" one scores all eight and costs four times the encoding itself.
    return qr_modules(payload)


@lru_cache(maxsize=64)
def _public_matrix(address: str) -> tuple[Any, ...]:
    # Only organisations' web addresses printed on public papers come here, never a case's
    # stamp or anything about a person: caching them for the process is harmless.
    return qr_matrix(address)


def draw_matrix(canvas: Canvas, matrix: tuple[Any, ...], x: float, y: float, size: float) -> None:
    """Draw modules made by ``qr_matrix`` with the quiet zone in a ``size`` square."""
    draw_path(canvas, matrix_path(matrix, x, y, size), x, y, size)


def matrix_path(matrix: tuple[Any, ...], x: float, y: float, size: float) -> str:
    """The PDF operators that fill the dark modules of a code drawn at (x, y).

    The modules are one path in their own coordinates (one unit a module, scaled by the
    transformation matrix), written as PDF operators: integers format quickly, where a path
    object per rectangle cost more than encoding the code. A page that repeats a code on
    every page makes this once."""
    modules = len(matrix) + 2 * QUIET_ZONE
    step = size / modules
    rows = len(matrix)
    runs = []
    for row_index, row in enumerate(matrix):
        line = rows - 1 - row_index  # PDF's y axis points up
        # One rectangle per horizontal run of dark modules: fewer path segments, and no
        # hairline gaps between neighbours in viewers that anti-alias each rectangle.
        for run in _DARK_RUN.finditer(row):
            start, end = run.span()
            runs.append(f"{start} {line} {end - start} 1 re")
    origin = QUIET_ZONE * step
    return (
        f"q {step:.4f} 0 0 {step:.4f} {x + origin:.3f} {y + origin:.3f} cm "
        + " ".join(runs)
        + " f Q"
    )


def draw_path(canvas: Canvas, path: str, x: float, y: float, size: float) -> None:
    """Draw a code's ``matrix_path`` for (x, y) on its white ``size`` square."""
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    canvas.addLiteral(path)
    canvas.restoreState()


class QrCode(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A QR code of an organisation's web address as a flowable (leaflets, the hotel sheet):
    public data, so its modules are cached for the process."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_matrix(self.canv, _public_matrix(self.payload), 0, 0, self.size)
