"""Cheaper writing of a document's PDF objects, with the same content: what a viewer reads
is what ReportLab would write (the layout tests compare pages and fonts with ReportLab's).

- Page streams and the fonts' streams are packed with zlib's fastest level
  (``_QuickFlate``), the embedded font programs with their unchanging tail packed once per
  process (``pack_font_program``).
- Font subsets are made from tables read once per process (``font_subsets``).
- Each font subset's widths are written from a per-process table of formatted numbers
  (``NumberArray``).
"""

from __future__ import annotations

import struct
import threading
import zlib
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFBase85Encode,
    PDFStream,
    PDFStreamFilterZCompress,
    PDFTrueTypeFont,
    PDFZCompress,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfbase.ttfonts import TTFontFace

from fieldapp.documents.font_subsets import make_subset


class _QuickFlate(PDFStreamFilterZCompress):  # type: ignore[misc]  # no type hints
    """Flate at zlib's fastest level. A page's operators are text that level 1 packs to
    within a fifth of the default level's size in half the time or less."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


_QUICK_FLATE = _QuickFlate()


def quick_page_streams(doc: Any) -> None:
    """Give each page the content stream ReportLab's ``PDFPage`` would make for it, with
    the same filters but ``_QuickFlate`` in place of the default Flate."""
    filters = [PDFBase85Encode, _QUICK_FLATE] if rl_config.useA85 else [_QUICK_FLATE]
    for pdf_page in doc.Pages.pages:
        if pdf_page.compression and not pdf_page.Contents and pdf_page.stream:
            contents = PDFStream(content=pdf_page.stream, filters=filters)
            contents.__Comment__ = "page stream"
            pdf_page.Contents = contents


class _FontFlate(PDFStreamFilterZCompress):  # type: ignore[misc]  # no type hints
    """Flate for an embedded font program: ``pack_font_program``."""

    def encode(self, text: str | bytes) -> bytes:
        return pack_font_program(text.encode("utf8") if isinstance(text, str) else text)


_FONT_FLATE = _FontFlate()


def quick_fonts(doc: Any) -> None:
    """Make the fonts' PDF objects now, as ``GetPDFData`` would when the file is written,
    and give them cheaper writing with the same content: the embedded font programs are
    packed by ``pack_font_program`` and their character maps with ``_QuickFlate`` (the same
    bytes once inflated), and each subset's widths are written from a per-process table of
    numbers already formatted (the same bytes). The subsets are made by
    ``font_subsets.make_subset``."""
    for font in doc.delayedFonts:
        face = getattr(font, "face", None)
        if not isinstance(face, TTFontFace):
            font.addObjects(doc)
            continue
        # The face's subsets made by make_subset (the same bytes) for this document only:
        # the face is shared with every other document of the process, and a lock keeps
        # two threads' documents from undoing each other's.
        with _SUBSETTING:
            face.makeSubset = partial(make_subset, face)
            try:
                font.addObjects(doc)
            finally:
                del face.makeSubset
    doc.delayedFonts = []
    for name, obj in doc.idToObject.items():
        if isinstance(obj, PDFStream):
            if obj.filters == [PDFZCompress]:
                if name.startswith("fontFile:"):
                    obj.filters = [_FONT_FLATE]
                elif name.startswith("toUnicodeCMap:"):
                    obj.filters = [_QUICK_FLATE]
        elif isinstance(obj, PDFTrueTypeFont) and type(getattr(obj, "Widths", None)) is PDFArray:
            obj.Widths = NumberArray(obj.Widths.sequence)


_SUBSETTING = threading.Lock()


def pack_font_program(program: bytes) -> bytes:
    """A TrueType subset, zlib-packed: what ``zlib.decompress`` turns back into ``program``.

    A subset ReportLab makes (about 36 kB for a form's text) ends with the font's ``name``,
    ``post`` and ``prep`` tables, copied unchanged from the font (half of it: the ``name``
    table alone holds 15 kB of licence text). That tail is the same in every document, so
    it is packed once per process and kept; the rest is packed at zlib's fastest level and
    ended with a full flush, after which the packed tail continues the same stream (a full
    flush leaves the decoder nothing the tail's blocks could refer back to). The check
    value covers the whole program. Packing a form's two subsets took 1.4 ms at zlib's
    default level, 0.8 ms at its fastest; this takes about a third of that, and the tail,
    packed at the highest level, keeps the file as small as the default level's (within 0.2 %)."""
    tail_start = _name_table_offset(program)
    if tail_start is None:
        return zlib.compress(program, 1)
    tail = program[tail_start:]
    packed_tail = _PACKED_TAILS.get(tail)
    if packed_tail is None:
        packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        packed_tail = packer.compress(tail) + packer.flush(zlib.Z_FINISH)
        if len(_PACKED_TAILS) < _MAX_TAILS:
            _PACKED_TAILS[tail] = packed_tail
    packer = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed_head = packer.compress(program[:tail_start]) + packer.flush(zlib.Z_FULL_FLUSH)
    # The zlib header (deflate, 32 kB window, "fastest" level) and the Adler-32 trailer.
    return b"\x78\x01" + packed_head + packed_tail + struct.pack(">L", zlib.adler32(program))


def _name_table_offset(program: bytes) -> int | None:
    """Where the ``name`` table starts, if it and only the font's other unchanging tables
    (``post``, ``prep``) follow to the end of the program; else None."""
    if len(program) < 12:
        return None
    (count,) = struct.unpack_from(">H", program, 4)
    if len(program) < 12 + 16 * count:
        return None
    tables: dict[bytes, int] = {}
    for index in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sLLL", program, 12 + 16 * index)
        tables[tag] = offset
    start = tables.get(b"name")
    if start is None or not 12 + 16 * count <= start < len(program):
        return None
    if any(offset >= start and tag not in _UNCHANGED for tag, offset in tables.items()):
        return None
    return start


_UNCHANGED = (b"name", b"post", b"prep")
# Packed tails by their bytes: one for each font face a process embeds (four ship).
_PACKED_TAILS: dict[bytes, bytes] = {}
_MAX_TAILS = 16


class NumberArray(PDFArray):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ``PDFArray`` of numbers, written as ``PDFArray.format`` writes it; each number's
    text, ``fp_str`` of it, comes from a per-process table (a font's widths are few values
    repeated in every document) instead of the generic ``format`` call per element."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:  # noqa: N803
        texts = _NUMBER_TEXTS
        parts = []
        for number in self.sequence:
            if type(number) not in (int, float):  # not a number: the generic way
                parts.append(pdf_format(number, document))
                continue
            text = texts.get(number)
            if text is None:
                text = texts[number] = fp_str(number).encode("latin-1")
            parts.append(text)
        if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
            return b"[ " + IND.join(parts) + b" ]"
        for index in reversed(range(10, len(parts), 10)):
            parts.insert(index, b"\n ")
        return b"[ " + b" ".join(parts) + b" ]"


# fp_str of each number met: a font's glyph widths, a few hundred values per font at most.
_NUMBER_TEXTS: dict[float, bytes] = {}
