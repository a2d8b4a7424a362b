"""``fieldapp.inputs``: files from outside read under a cap, devices, pipes and folders
refused before a byte is read, and the key file read the same way."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from fieldapp.errors import KeyFileError
from fieldapp.inputs import (
    InputNotAFile,
    InputRefused,
    InputTooLarge,
    check_size,
    read_capped,
)
from fieldapp.storage.keyslots import KeyFile


def test_a_file_under_the_cap_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "small.bin"
    path.write_bytes(b"x" * 3000)
    assert read_capped(path, 3000, "bundle") == b"x" * 3000
    with pytest.raises(InputTooLarge) as err:
        read_capped(path, 2999, "bundle")
    assert err.value.params["what"] == "bundle" and err.value.code == "input_too_large"


def test_a_4_gib_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sparse.fabundle"
    with path.open("wb") as f:
        f.truncate(4 * 1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge, match="larger than 1 MB"):
            read_capped(path, 1024 * 1024, "bundle")
        assert tracemalloc.get_traced_memory()[1] < 1024 * 1024
    finally:
        tracemalloc.stop()


def test_devices_pipes_and_folders_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # no writer: an open without O_NONBLOCK, or a read, would hang
    for path in (Path("/dev/zero"), fifo, tmp_path):
        with pytest.raises(InputNotAFile) as err:
            read_capped(path, 1024, "case document")
        assert err.value.code == "input_not_a_file"
    with pytest.raises(InputRefused, match="cannot be read"):
        read_capped(tmp_path / "missing", 1024, "bundle")


def test_bytes_in_hand_are_held_to_the_same_cap() -> None:
    assert check_size(b"abc", 3, "attachment") == b"abc"
    with pytest.raises(InputTooLarge):
        check_size(b"abcd", 3, "attachment")


@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "sparse"])
def test_the_key_file_is_read_under_its_cap(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "vault.keys"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "sparse":
        with path.open("wb") as f:
            f.truncate(4 * 1024**3)
    else:
        path = Path("/dev/zero")
    with pytest.raises(KeyFileError):
        KeyFile.load(path)
