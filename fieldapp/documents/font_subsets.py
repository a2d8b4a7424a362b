"""TrueType subsets made as ReportLab's ``TTFontFile.makeSubset`` makes them, byte for byte,
from tables read once per process.

``makeSubset`` runs for every subset of every document (two a form) and each time reads the
font anew: it copies the whole ``glyf`` table (over half a megabyte for DejaVu Sans) and the
tables it embeds unchanged, and walks the glyphs through its file reader to find the parts
of composite glyphs (``å`` is an ``a`` and a ring). Those are the font's, the same in every
document: ``make_subset`` keeps them (and the unchanged tables' checksums, which the file's
checksum sums) per font face and per glyph, and only puts together what depends on the
document's characters: about half of ReportLab's instructions per subset. A glyph it does
not expect (a composite glyph too short to hold its parts) leaves the subset to ReportLab.
The layout tests compare the embedded programs with ReportLab's.
"""

from __future__ import annotations

import struct
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reportlab.lib.rl_accel import calcChecksum
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
)

# The tables ``makeSubset`` copies from the font unchanged, in its order.
_COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")


class _Unexpected(Exception):
    """A glyph ``make_subset`` leaves to ReportLab."""


@dataclass
class _Face:
    """What a subset of one font face takes from the font: read once per process."""

    glyf: bytes
    glyph_pos: list[int]
    hmetrics: list[tuple[int, int]]
    char_to_glyph: dict[int, int]
    copied: list[tuple[str, bytes]]
    post: bytes
    hhea: bytes
    maxp: bytes
    head: bytes
    # The checksums of the tables copied unchanged (and of ``post``), by tag.
    checksums: dict[str, int] = field(default_factory=dict)
    # Per original glyph: the offsets of its components' glyph indices in its data, and
    # those indices (empty for a simple glyph).
    parts: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)


@cache
def _face(face: Any) -> _Face:
    copied = []
    for tag in _COPIED:
        with suppress(KeyError):  # cvt, fpgm and prep are optional, as makeSubset allows
            copied.append((tag, face.get_table(tag)))
    post = b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16
    return _Face(
        glyf=face.get_table("glyf"),
        glyph_pos=face.glyphPos,
        hmetrics=face.hmetrics,
        char_to_glyph=face.charToGlyph,
        copied=copied,
        post=post,
        hhea=face.get_table("hhea"),
        maxp=face.get_table("maxp"),
        # TTFontMaker.add zeroes the checksum adjustment; the file's is written last.
        head=face.get_table("head")[:8] + b"\0\0\0\0" + face.get_table("head")[12:],
        checksums={tag: calcChecksum(data) for tag, data in [*copied, ("post", post)]},
    )


def _parts(face: _Face, glyph: int) -> tuple[tuple[int, int], ...]:
    """(offset, component glyph) of each part of a composite glyph, as ``makeSubset``
    reads them; () for a simple or empty glyph."""
    known = face.parts.get(glyph)
    if known is not None:
        return known
    start = face.glyph_pos[glyph]
    length = face.glyph_pos[glyph + 1] - start
    parts: list[tuple[int, int]] = []
    if length:
        if length < 12:  # makeSubset's two readings of such a glyph could disagree
            raise _Unexpected
        data = face.glyf
        if struct.unpack_from(">h", data, start)[0] < 0:
            at = 10
            flags = GF_MORE_COMPONENTS
            while flags & GF_MORE_COMPONENTS:
                if at + 4 > length:
                    raise _Unexpected
                flags, component = struct.unpack_from(">HH", data, start + at)
                parts.append((at + 2, component))
                at += 8 if flags & GF_ARG_1_AND_2_ARE_WORDS else 6
                if flags & GF_WE_HAVE_A_SCALE:
                    at += 2
                elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                    at += 4
                elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                    at += 8
    result = tuple(parts)
    face.parts[glyph] = result
    return result


def make_subset(font_face: Any, subset: list[int]) -> bytes:
    """``font_face.makeSubset(subset)``: the same bytes."""
    try:
        return _make_subset(_face(font_face), subset)
    except _Unexpected:
        # The class's method: the instance's makeSubset may be this function.
        result: bytes = type(font_face).makeSubset(font_face, subset)
        return result


def _make_subset(face: _Face, subset: list[int]) -> bytes:
    # New glyph index -> original, original -> new; the missing glyph first.
    glyph_map = [0]
    glyph_set = {0: 0}
    char_to_glyph = face.char_to_glyph
    code_to_glyph = {}
    for code in subset:
        original = char_to_glyph.get(code, 0)
        if original not in glyph_set:
            glyph_set[original] = len(glyph_map)
            glyph_map.append(original)
        code_to_glyph[code] = glyph_set[original]
    # The parts of composite glyphs, in makeSubset's order.
    n = 0
    while n < len(glyph_map):
        for _, component in _parts(face, glyph_map[n]):
            if component not in glyph_set:
                glyph_set[component] = len(glyph_map)
                glyph_map.append(component)
        n += 1

    output = dict(face.copied)
    output["post"] = face.post
    glyphs = len(glyph_map)

    hmtx: list[int] = []
    for original in glyph_map:
        advance, bearing = face.hmetrics[original]
        hmtx.append(int(advance))
        hmtx.append(int(bearing))
    # As makeSubset: a trailing run of equal advances is written once.
    n = len(hmtx) - 2
    while n and hmtx[n] == hmtx[n - 2]:
        n -= 2
    n += 2
    full_metrics = n >> 1
    hmtx = hmtx[:n] + hmtx[n + 1 :: 2]
    output["hmtx"] = struct.pack(f">{len(hmtx)}H", *hmtx)
    output["hhea"] = _set_ushort(face.hhea, 34, full_metrics)
    output["maxp"] = _set_ushort(face.maxp, 4, glyphs)

    count = len(subset)
    cmap = [0, 1, 1, 0, 0, 12, 6, 10 + count * 2, 0, 0, count]
    cmap.extend(code_to_glyph[code] for code in subset)
    output["cmap"] = struct.pack(f">{len(cmap)}H", *cmap)

    data = face.glyf
    offsets = []
    glyf = []
    pos = 0
    for original in glyph_map:
        offsets.append(pos)
        start = face.glyph_pos[original]
        length = face.glyph_pos[original + 1] - start
        glyph = data[start : start + length]
        parts = _parts(face, original)
        if parts:
            patched = bytearray(glyph)
            for at, component in parts:
                struct.pack_into(">H", patched, at, glyph_set[component])
            glyph = bytes(patched)
        glyf.append(glyph)
        pos += length
        if pos % 4:
            padding = 4 - pos % 4
            glyf.append(b"\0" * padding)
            pos += padding
    offsets.append(pos)
    output["glyf"] = b"".join(glyf)

    if (pos + 1) >> 1 > 0xFFFF:
        long_offsets = 1
        loca = struct.pack(f">{len(offsets)}L", *offsets)
    else:
        long_offsets = 0
        loca = struct.pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
    output["loca"] = loca
    output["head"] = _set_ushort(face.head, 50, long_offsets)
    return _stream(output, face.checksums)


def _stream(tables: dict[str, bytes], known: dict[str, int]) -> bytes:
    """``TTFontMaker.makeStream``: the same file, from the tables. The file's checksum
    is the sum of its header's and its tables' (each starts on a 4-byte boundary, padded
    with zeros), so the unchanged tables' checksums, ``known``, are not summed again."""
    count = len(tables)
    search_range, entry_selector = 1, 0
    while search_range * 2 <= count:
        search_range *= 2
        entry_selector += 1
    search_range *= 16
    header = [struct.pack(">lHHHH", 0x00010000, count, search_range, entry_selector,
                          count * 16 - search_range)]  # fmt: skip
    body: list[bytes] = []
    offset = 12 + count * 16
    total = 0
    head_at = 0
    head_index = 0
    for tag, data in sorted(tables.items()):
        checksum = known.get(tag)
        if checksum is None:
            checksum = calcChecksum(data)
        total += checksum
        header.append(tag.encode("latin-1") + struct.pack(">LLL", checksum, offset, len(data)))
        if tag == "head":
            head_at, head_index = offset, len(body)
        padded = (len(data) + 3) & ~3
        body.append(data + b"\0" * (padded - len(data)))
        offset += padded
    if not head_at:
        raise _Unexpected
    directory = b"".join(header)
    adjustment = (0xB1B0AFBA - calcChecksum(directory) - total) & 0xFFFFFFFF
    head = body[head_index]
    body[head_index] = head[:8] + struct.pack(">L", adjustment) + head[12:]
    return directory + b"".join(body)


def _set_ushort(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + struct.pack(">H", value) + data[offset + 2 :]
