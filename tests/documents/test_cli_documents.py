"""``fieldapp print`` and ``fieldapp report`` on a real vault: the file, the warning that it
left the vault, and exit codes 0/1/2."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from fieldapp import cli_documents
from fieldapp.cli import Prompter, build_parser
from fieldapp.composition import open_vault
from fieldapp.documents.leaflet_texts import load_leaflet_texts
from fieldapp.storage.vault import Vault
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_ID, ADMIN_NAME, ADMIN_PASS, TEST_COST
from tests.documents import pdfcheck
from tests.documents.scenarios import CEST, Clock, new_operation, standard_case


@pytest.fixture
def recorded(vault_dir: Path) -> tuple[Vault, str, str]:
    vault = open_vault(vault_dir)
    session = vault.create(ADMIN_ID, ADMIN_NAME, ADMIN_PASS, cost=TEST_COST)
    clock = Clock(datetime(2026, 5, 14, 21, 30, tzinfo=CEST))
    ctx = Context(session, clock)
    operation_id = new_operation(ctx, "2026-05-11", "2026-05-22")
    case_id = standard_case(ctx, clock, operation_id).case_id
    session.lock()
    return vault, case_id, operation_id


def _run(vault: Vault, tmp_path: Path, *argv: str) -> tuple[int, str]:
    secret = tmp_path / "pass.txt"
    secret.write_text(ADMIN_PASS + "\n", "utf-8")
    parser = build_parser()  # the real command line
    args = parser.parse_args([*argv, "--officer", ADMIN_ID, "--passphrase-file", str(secret)])
    out = io.StringIO()
    return cli_documents.run(args, vault, out, Prompter()), out.getvalue()


def test_print_each_kind_and_report(
    recorded: tuple[Vault, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault, case_id, operation_id = recorded
    for kind, extra, expected in (
        ("approval", [], "Förhandsgodkännande av strafföreläggande"),
        ("leaflet-seller", ["--lang", "ro"], "Nu există nicio suspiciune"),
        ("leaflet-buyer", ["--lang", "en"], "Support to stop"),
        ("summary", [], "Sammanställning av ärende"),
        ("hotel-sheet", [], "Hjälp polisen mot sexköp"),
    ):
        target = tmp_path / f"{kind}.pdf"
        code, out = _run(
            vault, tmp_path, "print", kind, "--case", case_id, *extra, "--out", str(target)
        )
        assert code == 0, capsys.readouterr().err
        assert expected in pdfcheck.text(target.read_bytes())
        assert f"Wrote {target}" in out
        err = capsys.readouterr().err
        unreviewed = "ro" in extra  # Romanian is not reviewed: the CLI says so
        assert err.count("\n") == 1 + unreviewed and "unencrypted copy outside the vault" in err
        assert ("translation no native speaker has reviewed" in err) is unreviewed
    # The approval form in Thai: the Swedish form and an information page in Thai, marked.
    target = tmp_path / "form-th.pdf"
    code, _ = _run(vault, tmp_path, "print", "approval", "--case", case_id, "--lang", "th",
                   "--out", str(target))  # fmt: skip
    assert code == 0
    assert "translation no native speaker has reviewed" in capsys.readouterr().err
    pages = [p.extract_text() for p in pdfcheck.reader(target.read_bytes()).pages]
    assert "Förhandsgodkännande av strafföreläggande" in pages[0]
    info = load_leaflet_texts("th").approval_info
    assert pdfcheck.thai_skeleton(info.mark) in pdfcheck.thai_skeleton(pages[-1])
    target = tmp_path / "report.pdf"
    code, _ = _run(vault, tmp_path, "report", "--operation", operation_id, "--out", str(target))
    assert code == 0 and "Insatsrapport" in pdfcheck.text(target.read_bytes())


def test_refusals_and_usage_errors(
    recorded: tuple[Vault, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault, case_id, _ = recorded
    target = tmp_path / "x.pdf"
    code, _ = _run(vault, tmp_path, "print", "leaflet-seller", "--case", case_id, "--lang", "xx",
                   "--out", str(target))  # fmt: skip
    assert code == 1 and not target.exists()
    assert "available: en, es, ro, ru, sv, th" in capsys.readouterr().err
    # Swedish only: refused, never printed in Swedish as if it were Thai.
    code, _ = _run(vault, tmp_path, "print", "summary", "--case", case_id, "--lang", "th",
                   "--out", str(target))  # fmt: skip
    assert code == 1 and not target.exists()
    assert "exists in sv only; not in 'th'" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "print", "approval", "--case", case_id, "--lang", "xx",
                   "--out", str(target))  # fmt: skip
    assert code == 1 and not target.exists()
    assert "an information page in en, es, ro, ru, sv, th; not in 'xx'" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "print", "approval", "--out", str(target))
    assert code == 2 and "--case ID is required" in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "print", "summary", "--case", case_id, "--out", "x.txt")
    assert code == 2
    code, _ = _run(vault, tmp_path, "print", "summary", "--case", "nope", "--out", str(target))
    assert code == 1 and "case_id" in capsys.readouterr().err


def test_a_stack_of_leaflets_in_three_languages_without_a_case(
    recorded: tuple[Vault, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``print leaflet``: no case, several languages, copies of each, one PDF."""
    from fieldapp.documents.leaflet_texts import Audience, load_leaflet_texts
    from fieldapp.documents.leaflets import build_leaflet

    vault, _, operation_id = recorded
    target = tmp_path / "stack.pdf"
    code, _ = _run(
        vault, tmp_path, "print", "leaflet", "--role", "seller", "--lang", "ro,ru,th",
        "--copies", "3", "--out", str(target),
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    pdf = target.read_bytes()
    reader = pdfcheck.reader(pdf)
    expected, at = 0, []
    for code_ in ("ro", "ru", "th"):
        one = pdfcheck.pages(build_leaflet(Audience.SELLER, code_, []))
        at.append(expected)
        expected += 3 * (one + one % 2)  # each copy on a fresh sheet
    assert len(reader.pages) == expected
    for code_, first in zip(("ro", "ru"), at, strict=False):
        title = load_leaflet_texts(code_).leaflet(Audience.SELLER).title
        assert title.split()[0] in reader.pages[first].extract_text()
    # The operation's contacts are on it, as on a case's leaflet.
    contact = next(iter(_contacts(vault)))
    assert contact in pdfcheck.text(pdf)

    for argv, message in (
        (["--role", "buyer", "--lang", "ro,xx"], "xx"),
        (["--role", "buyer", "--lang", "sv", "--copies", "0"], "Copies: between 1 and 200."),
        (["--role", "buyer", "--lang", "sv", "--operation", "nope"], "operation_id"),
    ):
        code, _ = _run(vault, tmp_path, "print", "leaflet", *argv, "--out", str(target))
        assert code == 1 and message in capsys.readouterr().err
    code, _ = _run(vault, tmp_path, "print", "leaflet", "--lang", "sv", "--out", str(target))
    assert code == 2 and "--role" in capsys.readouterr().err
    code, _ = _run(
        vault, tmp_path, "print", "leaflet", "--role", "buyer", "--operation", operation_id,
        "--out", str(target),
    )  # fmt: skip
    assert code == 0


def _contacts(vault: Vault) -> list[str]:
    """The organisations of the operation's support contacts for the seller."""
    from fieldapp.documents.leaflet_texts import Audience
    from fieldapp.documents.leaflets import chosen_contacts
    from fieldapp.storage.records import Records

    session = vault.unlock(ADMIN_ID, ADMIN_PASS)
    try:
        found = Records(session.conn).find("contact")
        return [str(c.get("organisation")) for c in chosen_contacts(Audience.SELLER, found)]
    finally:
        session.lock()
