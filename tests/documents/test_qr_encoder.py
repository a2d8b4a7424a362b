"""The stamp's QR code is made without segno's per-symbol work: every module must be the
one segno makes, for payloads of every length a version holds, and for those that go to
segno itself (digits, capitals, non-ASCII)."""

from __future__ import annotations

import random
import string

import pytest
import segno

from fieldapp.documents.qr import matrix_path, qr_matrix
from fieldapp.documents.qr_encoder import qr_modules

_CHARS = string.ascii_letters + string.digits + ":;=-_./ "


def _segno(payload: str) -> tuple[bytearray, ...]:
    return tuple(segno.make(payload, error="m", micro=False, mask=0).matrix)


def test_every_length_gives_segnos_modules() -> None:
    chosen = random.Random(13)
    # Every length up to version 10 or so, and the longest payloads a symbol holds at M.
    for length in [*range(1, 300), 1000, 2331]:
        payload = "".join(chosen.choice(_CHARS) for _ in range(length))
        assert qr_modules(payload) == _segno(payload), length


@pytest.mark.parametrize(
    "payload",
    [
        "fieldapp:case=0193b2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b;event=0123456789ab",
        "fieldapp:operation=0193b2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b;event=–",
        "https://www.example.se/stod",
        "1234567890",  # numeric mode: segno
        "ABC 123:/",  # alphanumeric mode: segno
        "Västerås",  # not ASCII: segno
        "ไทย",
    ],
)
def test_stamps_and_other_payloads(payload: str) -> None:
    assert qr_matrix(payload) == _segno(payload)


def test_the_path_draws_each_run_of_dark_modules() -> None:
    matrix = (bytearray(b"\x01\x01\x00\x01"), bytearray(b"\x00\x00\x00\x00"))
    path = matrix_path(matrix, 0, 0, 12)
    assert "0 1 2 1 re 3 1 1 1 re f Q" in path
    assert path.count(" re") == 2


def test_too_long_is_segnos_refusal() -> None:
    with pytest.raises(segno.DataOverflowError):
        qr_modules("x" * 2332)
