"""A bad CSV file is refused whole, in the app's own coded words naming the line, and
nothing of it is stored; ad files are read from disk under a stated cap, and a folder, a
device or a FIFO is refused before anything is read (``fieldapp.inputs``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fieldapp.ads import importing
from fieldapp.ads.importing import FileKind
from fieldapp.ads.issues import ImportRefused
from fieldapp.ads.model import AD_ENTITY
from fieldapp.inputs import InputRefused
from fieldapp.workflow.context import Context

HEADER = "url,text\n"


def _ads(ctx: Context) -> int:
    return sum(e.entity_type == AD_ENTITY for e in ctx.session.events())


@pytest.mark.parametrize(
    ("data", "line", "code"),
    [
        # The last quote never closed: the csv module would read the next row into it
        # (two fields, as the header has) and the file would import as one ad.
        (HEADER + 'https://a.example/1,"Hej 1500 kr\nhttps://a.example/2,Nova 2000 kr\n', 2,
         "csv_unclosed_quote"),
        (HEADER + 'https://a.example/1,"Hej\nhttps://a.example/2,"Nova"\n', 2,
         "csv_quote_inside"),
        (HEADER + 'https://a.example/1,Hej "Bella" 1500 kr\n', 2, "csv_stray_quote"),
        (HEADER + "https://a.example/1,ok\nhttps://a.example/2,en 'quote\" i fel fält\n", 3,
         "csv_stray_quote"),
        ("url;text\nhttps://a.example/1,Hej\n", 2, "csv_row_delimiter"),
        ("url:text\nhttps://a.example/1:Hej\n", 1, "csv_header_delimiter"),
        (HEADER + "https://a.example/1," + "x" * 200_000 + "\n", 2, "csv_field_too_long"),
        (HEADER + "https://a.example/1,Hej,extra\n", 2, "csv_field_count"),
    ],
)  # fmt: skip
def test_bad_csv_is_refused_in_our_words_and_nothing_is_stored(
    ctx: Context, operation_id: str, data: str, line: int, code: str
) -> None:
    cases = [(data, line)]
    if data.startswith(HEADER):  # and after a good row, which is not stored either
        good = "https://a.example/0,Först en bra rad 1500 kr\n"
        cases.append((HEADER + good + data[len(HEADER) :], line + 1))
    for text, at in cases:
        before = _ads(ctx)
        with pytest.raises(ImportRefused) as refused:
            importing.import_csv(ctx, operation_id, text.encode(), source="annonser.csv")
        problem = next(p for p in refused.value.rows if getattr(p.reason, "code", "") == code)
        assert problem.line == at
        assert "Error" not in problem.reason and "expected" not in problem.reason
        assert _ads(ctx) == before


def test_the_delimiter_is_named(ctx: Context, operation_id: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        importing.import_csv(ctx, operation_id, b"url;text\nhttps://a.example/1,Hej\n")
    reason = refused.value.rows[0].reason
    assert reason.params == {"count": 1, "columns": 2, "found": "','", "used": "';'"}  # type: ignore[attr-defined]
    assert "use ';'" in reason


def test_quotes_written_right_are_read(ctx: Context, operation_id: str) -> None:
    data = HEADER + 'https://a.example/1,"Hej ""Bella"", 1 500 kr\nandra raden"\n'
    report = importing.import_csv(ctx, operation_id, data.encode())
    assert len(report.created) == 1
    assert ctx.require(AD_ENTITY, report.created[0], "id").get("text") == (
        'Hej "Bella", 1 500 kr\nandra raden'
    )


def _refusal(path: Path, kind: FileKind | None = None) -> str:
    with pytest.raises(InputRefused) as refused:
        importing.read_file(path, kind or importing.kind_of(path.name))
    return refused.value.code


def test_a_file_over_its_cap_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "enorm.csv"
    with huge.open("wb") as f:
        f.truncate(4 * 2**30)  # 4 GiB, sparse: nothing is written to the disk
    assert _refusal(huge) == "input_too_large"
    page = tmp_path / "sida.html"
    page.write_bytes(b"<p>" + b"x" * (importing.FILE_CAPS["html"]) + b"</p>")
    assert _refusal(page) == "input_too_large"
    page.write_bytes(b"<p>Hej</p>")
    assert importing.read_file(page, FileKind.HTML) == b"<p>Hej</p>"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_before_it_is_read(tmp_path: Path) -> None:
    link = tmp_path / "noll.csv"
    link.symlink_to("/dev/zero")
    assert _refusal(link) == "input_not_a_file"
    assert _refusal(Path("/dev/zero"), FileKind.MHTML) == "input_not_a_file"


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs on Windows")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "ror.csv"
    os.mkfifo(fifo)
    assert _refusal(fifo) == "input_not_a_file"


def test_a_folder_or_a_missing_file_is_refused(
    ctx: Context, operation_id: str, tmp_path: Path
) -> None:
    folder = tmp_path / "mapp.csv"
    folder.mkdir()
    assert _refusal(folder) == "input_not_a_file"
    assert _refusal(tmp_path / "saknas.csv") == "input_refused"
    with pytest.raises(InputRefused):
        importing.import_file(ctx, operation_id, folder)
