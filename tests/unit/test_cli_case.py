"""The demo and case commands, run in-process against a real demo vault: list, export to
stdout or a file (with its warning), import, and a refused import listing its problems."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from fieldapp import cli

DEMO_ID = "D100001"


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    args = cli.build_parser().parse_args(list(argv))
    code = cli.run(args, out=out, prompter=cli.Prompter(stdin=io.StringIO()))
    return code, out.getvalue()


class Demo:
    """A demo vault made with ``fieldapp demo`` and the passphrase file it printed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "demo"
        code, out = _run("demo", "--data-dir", str(self.data))
        assert code == 0, out
        lines = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
        assert lines["Officer"].startswith(DEMO_ID)
        self.passfile = root / "pass.txt"
        self.passfile.write_text(lines["Passphrase"] + "\n")

    def run(self, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        login = ("--officer", DEMO_ID, "--passphrase-file", str(self.passfile))
        code, out = _run("--data-dir", str(self.data), *argv, *login)
        return code, out, capsys.readouterr().err

    def case_ids(self, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
        code, out, _ = self.run("case", "list", capsys=capsys)
        assert code == 0
        rows = [line.split("\t") for line in out.splitlines()]
        return {row[4]: row[0] for row in rows}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return Demo(tmp_path_factory.mktemp("cli"))


def test_case_list_shows_every_case(demo: Demo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = demo.run("case", "list", capsys=capsys)
    assert (code, err) == (0, "")
    rows = {r.split("\t")[4]: r.split("\t") for r in out.splitlines()}
    assert rows["Hotell Påhittat"][1] == "open" and rows["Hotell Påhittat"][5] == "attempt"
    assert rows["Hotell Demo Park"][1] == "closed"
    assert rows["Hotell Fiktiva Ängen"][6] == "child_case"
    # The list is for finding an id: no person's name or identity number in it.
    assert "Exempelsson" not in out and "(alias)" not in out


def test_export_to_stdout(demo: Demo, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = demo.case_ids(capsys)["Stadshotellet Exempel"]
    code, out, err = demo.run("case", "export", "--case", case_id, capsys=capsys)
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert (document["format"], document["case"]["id"]) == ("fieldapp-case", case_id)


def test_export_to_a_file_warns_and_import_reads_it(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = demo.case_ids(capsys)["Motell Låtsas"]
    target = tmp_path / "case.json"
    code, out, err = demo.run(
        "case",
        "export",
        "--case",
        case_id,
        "--format",
        "json",
        "--out",
        str(target),
        capsys=capsys,
    )
    assert code == 0 and str(target) in out
    assert err.count("\n") == 1 and "personal data unencrypted" in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    code, out, err = demo.run("case", "import", str(target), capsys=capsys)
    assert (code, err) == (0, "")
    assert "Imported case" in out and "a new operation" in out
    code, out, _ = demo.run("case", "list", capsys=capsys)
    assert sum("Motell Låtsas" in line for line in out.splitlines()) == 2


def test_a_refused_import_lists_its_problems(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = demo.case_ids(capsys)["Hotell Påhittat"]
    _, out, _ = demo.run("case", "export", "--case", case_id, capsys=capsys)
    document = json.loads(out)
    document["persons"][0].pop("name")
    document["elements"][0]["buyer_id"] = "nobody"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    before = demo.case_ids(capsys)
    code, out, err = demo.run("case", "import", str(bad), "--operation", "x", capsys=capsys)
    assert (code, out) == (1, "")
    first, *problems = err.splitlines()
    assert first == "fieldapp: refused bad.json: 3 problem(s); nothing was imported."
    assert problems == [
        "  elements[0].buyer_id: no buyer with this id in the document.",
        "  operation_id: no such operation in this vault.",
        "  persons[0].name: required.",
    ]
    assert demo.case_ids(capsys) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{not json", "is not valid JSON (line 1, column 2)"), (b"\xff\xfe", "is not UTF-8")],
)
def test_an_unreadable_file_is_one_line(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    code, _, err = demo.run("case", "import", str(path), capsys=capsys)
    assert code == 1 and err.count("\n") == 1 and message in err


def test_export_of_an_unknown_case(demo: Demo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = demo.run("case", "export", "--case", "nope", capsys=capsys)
    assert (code, out) == (1, "") and err.count("\n") == 1


def test_demo_refuses_a_folder_in_use(demo: Demo, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run("demo", "--data-dir", str(demo.data))
    assert code == 1
    assert "not empty" in capsys.readouterr().err


def test_demo_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run("demo")
    assert code == 2
    assert "--data-dir" in capsys.readouterr().err


def _sparse(path: Path, size: int = 4 * 1024**3) -> Path:
    with path.open("wb") as f:  # 4 GiB on paper, no block on disk
        f.truncate(size)
    return path


@pytest.mark.parametrize("kind", ["sparse", "dev_zero", "fifo", "folder"])
def test_an_oversized_or_special_case_file_is_refused_unread(
    demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """4 GiB (sparse), /dev/zero, a FIFO with no writer, a folder: one coded line each,
    nothing read whole (today's reader allocated the whole file or hung on the FIFO)."""
    import os
    import tracemalloc

    if kind == "sparse":
        path, message = _sparse(tmp_path / "huge.json"), "larger than 50 MB"
    elif kind == "dev_zero":
        path, message = Path("/dev/zero"), "not a regular file"
    elif kind == "fifo":
        path, message = tmp_path / "pipe.json", "not a regular file"
        os.mkfifo(path)
    else:
        path, message = tmp_path, "not a regular file"
    tracemalloc.start()
    try:
        code, _, err = demo.run("case", "import", str(path), capsys=capsys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 1 and err.count("\n") == 1 and message in err, err
    assert peak < 64 * 1024**2  # the unlock and the vault, not the file
