"""The modules of a QR code in byte mode, as ``segno.make(payload, error="m", micro=False,
mask=0)`` makes them, at a fraction of segno's cost.

segno builds every symbol from nothing: the function patterns, the walk that places each
bit, the error correction one coefficient at a time, the mask over every module. Only the
codewords depend on the payload. Everything else depends on the version and the error
level alone: the pattern with its format and version information, the order in which the
data modules are filled and the mask bit of each, and the error-correction tables. Those are
made once per process from segno's own functions and tables; a payload's codewords are
then worked out (the Reed–Solomon division with one table look-up per data codeword) and
written into a copy of the pattern. A test compares every module with segno's.

Anything that is not plain ASCII in byte mode goes to segno.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import zip_longest
from operator import itemgetter
from typing import Any, cast

import segno
from segno import consts as segno_consts
from segno import encoder as segno_encoder

# segno's tables and encoder functions carry no type hints.
consts: Any = segno_consts
encoder: Any = segno_encoder

MASK = 0
_LEVELS = (consts.ERROR_LEVEL_L, consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)
# Bits that complete the last codeword's module region, by version (ISO/IEC 18004 7.6).
_REMAINDER = {
    **dict.fromkeys(range(2, 7), 7),
    **dict.fromkeys(range(14, 21), 3),
    **dict.fromkeys(range(21, 28), 4),
    **dict.fromkeys(range(28, 35), 3),
}

_BIT_VALUES = bytes.maketrans(b"01", b"\x00\x01")


def qr_modules(payload: str) -> tuple[bytearray, ...]:
    """The rows of the symbol, 1 for a dark module, as segno's ``matrix``."""
    data = payload.encode("ascii") if payload.isascii() else b""
    if not data or encoder.find_mode(data) != consts.MODE_BYTE:
        return tuple(segno.make(payload, error="m", micro=False, mask=MASK).matrix)
    version, error = _version_and_level(len(data))
    if version == 0:  # too long for any QR code: segno says so
        return tuple(segno.make(payload, error="m", micro=False, mask=MASK).matrix)
    bits = _message_bits(data, version, error)
    symbol = _symbol(version, error)
    if len(bits) != symbol.data_modules:  # pragma: no cover - segno's tables say otherwise
        raise ValueError(f"{len(bits)} message bits for {symbol.data_modules} modules")
    masked = f"{int(bits, 2) ^ symbol.mask:0{len(bits)}b}".encode().translate(_BIT_VALUES)
    modules = bytes(symbol.gather(symbol.pattern + masked))
    size = symbol.size
    return tuple(bytearray(modules[start : start + size]) for start in range(0, size * size, size))


def _version_and_level(length: int) -> tuple[int, int]:
    """The smallest version that holds ``length`` bytes at level M, and the highest level
    that still fits that version (segno's ``find_version`` and ``boost_error_level``)."""
    for version in range(1, 41):
        needed = 4 + (8 if version < 10 else 16) + 8 * length
        if consts.SYMBOL_CAPACITY[version][consts.ERROR_LEVEL_M] >= needed:
            error = consts.ERROR_LEVEL_M
            for better in _LEVELS[_LEVELS.index(error) + 1 :]:
                if consts.SYMBOL_CAPACITY[version][better] < needed:
                    break
                error = better
            return version, error
    return 0, 0


def _message_bits(data: bytes, version: int, error: int) -> str:
    """The final message as a string of "0" and "1": the data codewords, then the error
    correction codewords, each interleaved across the blocks, then the remainder bits."""
    capacity = consts.SYMBOL_CAPACITY[version][error]
    count_bits = 8 if version < 10 else 16
    bits = f"0100{len(data):0{count_bits}b}{int.from_bytes(data, 'big'):0{8 * len(data)}b}"
    bits += "0" * min(capacity - len(bits), 4)  # the terminator
    bits += "0" * (8 - len(bits) % 8)  # to the codeword boundary, as segno pads it
    pads = capacity // 8 - len(bits) // 8
    bits += ("1110110000010001" * (pads // 2 + 1))[: 8 * pads]
    codewords = list(int(bits, 2).to_bytes(len(bits) // 8, "big"))
    data_blocks: list[list[int]] = []
    error_blocks: list[list[int]] = []
    start = 0
    for info in consts.ECC[version][error]:
        size = info.num_total - info.num_data
        for _ in range(info.num_blocks):
            block = codewords[start : start + info.num_data]
            start += info.num_data
            data_blocks.append(block)
            error_blocks.append(_error_codewords(block, size))
    message = [
        word
        for blocks in (data_blocks, error_blocks)
        for column in zip_longest(*blocks)
        for word in column
        if word is not None
    ]
    packed = int.from_bytes(bytes(message), "big")
    return f"{packed:0{8 * len(message)}b}" + "0" * _REMAINDER.get(version, 0)


def _error_codewords(block: list[int], size: int) -> list[int]:
    """The Reed–Solomon remainder of ``block`` (segno's ``make_blocks``): the register is
    one integer, and each data codeword shifts it and adds one precomputed product."""
    products = _generator_products(size)
    top = 8 * (size - 1)
    full = (1 << 8 * size) - 1
    register = 0
    for word in block:
        register = ((register << 8) & full) ^ products[word ^ (register >> top)]
    return list(register.to_bytes(size, "big"))


@cache
def _generator_products(size: int) -> tuple[int, ...]:
    """For each byte value, its product with the generator polynomial of ``size`` error
    correction codewords (leading term dropped), packed into one integer."""
    exp, log, generator = consts.GALIOS_EXP, consts.GALIOS_LOG, consts.GEN_POLY[size]
    products = [0]
    for value in range(1, 256):
        packed = bytes(exp[log[value] + g] for g in generator)
        products.append(int.from_bytes(packed, "big"))
    return tuple(products)


@dataclass(frozen=True)
class _Symbol:
    """What every symbol of one version and error level shares."""

    size: int
    pattern: bytes  # the modules row by row, the data modules still light
    data_modules: int
    mask: int  # the mask bit of each data module, in the order the message fills them
    gather: Callable[[bytes], tuple[int, ...]]  # (pattern + data module values) -> modules


@cache
def _symbol(version: int, error: int) -> _Symbol:
    """The symbol without data (function patterns, format and version information), and
    where the message's bits go, each with its mask bit."""
    size = encoder.calc_matrix_size(version)
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)
    places: list[int] = []
    mask = 0
    # segno's add_codewords: two-module columns from the right, alternately up and down,
    # stepping over the vertical timing pattern.
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(size):
            for z in range(2):
                column = right - z
                upwards = ((right & 2) == 0) ^ (column < 6)
                row = (size - 1 - vertical) if upwards else vertical
                if matrix[row][column] == 0x2:
                    places.append(row * size + column)
                    mask = mask << 1 | int((row + column) % 2 == 0)
                    matrix[row][column] = 0x0
    encoder.add_format_info(matrix, version, error, MASK)
    encoder.add_version_info(matrix, version)
    source = list(range(size * size))
    for bit, place in enumerate(places):
        source[place] = size * size + bit
    return _Symbol(size, b"".join(matrix), len(places), mask, cast(Any, itemgetter(*source)))
