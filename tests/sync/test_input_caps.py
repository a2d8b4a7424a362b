"""Bundles and attachments under their caps: an oversized bundle file, /dev/zero, a FIFO
or a folder given as a bundle is refused unread, nothing stored; an attachment over the
cap is refused before anything is written."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from fieldapp.inputs import InputTooLarge
from fieldapp.storage.events import Draft
from fieldapp.storage.session import Session
from fieldapp.sync.bundle import BundleRejected
from fieldapp.sync.importer import StationImporter
from tests.sync.helpers import station_state


@pytest.mark.parametrize("kind", ["sparse", "dev_zero", "fifo", "folder"])
def test_a_bundle_that_is_too_large_or_not_a_file_is_refused_unread(
    station: Session, tmp_path: Path, kind: str
) -> None:
    if kind == "sparse":
        path = tmp_path / "huge.fabundle"
        with path.open("wb") as f:
            f.truncate(4 * 1024**3)
        message = "larger than 1024 MB"
    elif kind == "dev_zero":
        path, message = Path("/dev/zero"), "not a regular file"
    elif kind == "fifo":
        path, message = tmp_path / "pipe.fabundle", "not a regular file"
        os.mkfifo(path)
    else:
        path, message = tmp_path, "not a regular file"
    before = station_state(station)
    tracemalloc.start()
    try:
        with pytest.raises(BundleRejected, match=message):
            StationImporter(station).import_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024**2
    assert station_state(station) == before
    # The same refusal in a batch, and the batch goes on.
    [(_, outcome)] = list(StationImporter(station).import_files([path]))
    assert isinstance(outcome, BundleRejected) and message in outcome.message


def test_an_attachment_over_the_cap_is_refused_with_nothing_written(
    station: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.storage import events as events_module

    monkeypatch.setattr(events_module, "ATTACHMENT_MAX_BYTES", 1000)
    before = station_state(station)
    draft = Draft("create", "note", "n1", {"data": {}}, attachments=(b"p" * 1001,))
    with pytest.raises(InputTooLarge, match="attachment"):
        station.append([draft])
    assert station_state(station) == before
    station.append([Draft("create", "note", "n1", {"data": {}}, attachments=(b"p" * 1000,))])
