"""What support gets: a bug's code path without its message, and the app's make-up
without data or paths (issue #17)."""

from __future__ import annotations

from pathlib import Path

from fieldapp import __version__, diagnostics
from fieldapp.storage.schema import SCHEMA_VERSION

SECRET = "Kalle Påhittad 19811218-9876"


def _fail(value: str) -> None:
    raise ValueError(value)


def test_a_traceback_keeps_the_code_path_and_withholds_every_message() -> None:
    try:
        try:
            _fail(SECRET)
        except ValueError as exc:
            raise KeyError(SECRET) from exc
    except KeyError as exc:
        text = diagnostics.safe_traceback(exc)
    assert SECRET not in text and "Kalle" not in text
    assert text.splitlines()[0] == "builtins.KeyError (message withheld)"
    assert "caused by:" in text and "builtins.ValueError (message withheld)" in text
    # Module paths, not the folder the checkout or installation lives in (a home folder).
    assert "tests/unit/test_diagnostics.py" in text and "in _fail" in text
    assert str(Path.cwd()) not in text and str(Path.home()) not in text


def test_the_report_names_versions_and_formats_only() -> None:
    text = diagnostics.report(qt_version="6.9.1", vault_schema=4)
    fields = dict(line.split(": ", 1) for line in text.splitlines())
    assert fields["Insatsstöd"] == __version__
    assert fields["Qt"] == "6.9.1"
    assert fields["SQLCipher"].startswith("4.")
    assert fields["Vault schema (this program)"] == str(SCHEMA_VERSION)
    assert fields["Vault schema (open vault)"] == "4"
    assert fields["Key file format"] == "1" and fields["Bundle format"] == "FIELDAPP-BUNDLE/1"
    assert "/" not in text.replace("FIELDAPP-BUNDLE/1", "")  # no path of any kind


def test_safe_traceback_withholds_the_message() -> None:
    def fails() -> None:
        raise ValueError("Kalle Påhittsson 19800101-1234")

    try:
        fails()
    except ValueError as exc:
        report = diagnostics.safe_traceback(exc)
    assert "builtins.ValueError" in report
    assert "in fails" in report
    assert "Kalle" not in report
    assert "19800101" not in report
