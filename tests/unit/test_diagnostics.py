"""Bug reports name the code, never the data."""

from fieldapp.diagnostics import safe_traceback


def test_safe_traceback_withholds_the_message() -> None:
    def fails() -> None:
        raise ValueError("Kalle Påhittsson 19800101-1234")

    try:
        fails()
    except ValueError as exc:
        report = safe_traceback(exc)
    assert "builtins.ValueError" in report
    assert "in fails" in report
    assert "Kalle" not in report
    assert "19800101" not in report
