"""The desktop app's log file waits for its first paint (``logs.install(wait=True)``,
then ``logs.open_file``): the records before it wait in memory, in order, and none is
lost: a warning opens the file at once, and so does replacing or closing the handler (the
interpreter's exit closes it)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import logs


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    yield tmp_path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logs._OursFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def _text(folder: Path) -> str:
    path = folder / logs.LOG_NAME
    return path.read_text("utf-8") if path.exists() else ""


def test_records_wait_for_open_file_and_keep_their_order(log_dir: Path) -> None:
    assert logs.install(wait=True) == log_dir / logs.LOG_NAME
    log = logging.getLogger("fieldapp.test")
    log.info("first line")
    log.info("second line")
    assert _text(log_dir) == ""  # not even created: the file waits
    assert logs.current_file() == log_dir / logs.LOG_NAME  # where_text knows it already
    logs.open_file()
    log.info("third line")
    lines = _text(log_dir).splitlines()
    assert [line.split(": ")[-1] for line in lines] == ["first line", "second line", "third line"]


def test_a_warning_opens_the_waiting_file_at_once(log_dir: Path) -> None:
    logs.install(wait=True)
    log = logging.getLogger("fieldapp.test")
    log.info("before the warning")
    log.warning("the warning")
    text = _text(log_dir)
    assert text.index("before the warning") < text.index("the warning")


def test_a_bug_logged_before_the_paint_is_in_the_file_where_text_names(log_dir: Path) -> None:
    logs.install(wait=True)
    try:
        raise RuntimeError("a message never logged")
    except RuntimeError as exc:
        logs.log_bug(exc, "desktop app")
    text = Path(logs.where_text()).read_text("utf-8")
    assert "internal error in desktop app" in text and "builtins.RuntimeError" in text
    assert "never logged" not in text


def test_closing_writes_what_waited(log_dir: Path) -> None:
    logs.install(wait=True)
    logging.getLogger("fieldapp.test").info("waited until the end")
    logs.install()  # replaces the handler: the old one is closed, as at exit
    assert "waited until the end" in _text(log_dir)


def test_without_wait_the_first_record_opens_the_file(log_dir: Path) -> None:
    logs.install()
    logging.getLogger("fieldapp.test").info("a command's line")
    assert "a command's line" in _text(log_dir)
