"""A walk over every screen of the app in Swedish (the screenshot tour: the first-run and
login dialogs, every section, each step of the case screen, the Ads tabs and their
dialogs, on the invented demo data) that reads every visible word: no English source text
and no snake_case identifier may show. The same tour checks that every screenshot is saved
at laptop size (one tour for both: it takes a minute)."""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from fieldapp.paths import resource
from tests.unit.test_coded_reasons import FIELDAPP
from ui.screenshots import SCREEN_HEIGHT, SCREEN_WIDTH, save_screenshots

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_ENGLISH_WORDS = {
    "the", "is", "of", "to", "and", "not", "must", "this", "be", "before", "with", "was",
    "has", "are", "an", "or", "it", "no", "your", "you", "can", "cannot", "there", "first",
}  # fmt: skip
_PATH = re.compile(r"\S*[/\\]\S*")  # a folder or a web address may have any name
# A cell that long is a table's text column; more rows say nothing new.
_ROWS = 60


def _english_sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """The English of every translated string whose Swedish differs, and the core's own
    English refusal texts (they must never reach a Swedish screen): exact texts, and
    patterns for the ones with something filled in."""
    ts = resource("translations", "fieldapp_sv.ts").read_text("utf-8")
    pairs = [
        (_plain(html.unescape(s)), _plain(html.unescape(t)))
        for s, t in re.findall(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>", ts)
    ]
    # A word that is also Swedish (the translation of something) is no sign of English.
    swedish = {t for _, t in pairs}
    english = {s for s, t in pairs if s != t and s not in swedish}
    patterns = [_pattern(s) for s in english if len(s.split()) >= 3 or "{" in s]
    for path in FIELDAPP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "coded":
                text = node.args[1] if len(node.args) > 1 else None
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    english.add(text.value)
                elif isinstance(text, ast.JoinedStr):  # an f-string: its fixed parts
                    parts = [v.value for v in text.values if isinstance(v, ast.Constant)]
                    patterns.append(re.compile(".+?".join(re.escape(str(p)) for p in parts)))
    return english, patterns


def _englishy(line: str) -> bool:
    """Two or more English function words that Swedish does not have: a sentence in
    English, whatever its source (demo data and names are Swedish)."""
    words = set(re.findall(r"[a-z]+", line.lower()))
    return len(words & _ENGLISH_WORDS) >= 2


def _plain(text: str) -> str:
    """Visible text: rich text without its tags, mnemonics without their '&'."""
    if "<" in text and ">" in text:
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"&(?=\S)", "", text.replace("&&", "&")).strip()


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model: one column, and columnCount is not Python's to call
        columns = 1
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(root), _ROWS)):
        for column in range(columns):
            yield str(model.data(model.index(row, column, root)) or "")


def visible_texts() -> list[str]:
    """Every text a visible widget of a visible window shows."""
    texts: list[str] = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        texts.append(window.windowTitle())
        for widget in [window, *window.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QLineEdit):
                texts += [widget.text(), widget.placeholderText()]
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                texts.append(widget.placeholderText())
            elif isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QGroupBox):
                texts.append(widget.title())
            elif isinstance(widget, QTabBar):
                texts += [widget.tabText(i) for i in range(widget.count())]
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                texts += list(_model_texts(widget.model()))
    return [t for t in (_plain(x) for x in texts) if t]


def _pattern(source: str) -> re.Pattern[str]:
    """An English template as a pattern: its ``{names}`` match whatever was filled in."""
    parts = re.split(r"\{[a-z_0-9]*\}|%\d", _plain(source))
    return re.compile(".+?".join(re.escape(p) for p in parts), re.S)


def test_every_screen_in_swedish_is_saved_and_shows_no_english_and_no_identifier(
    qtbot: Any, tmp_path: Path
) -> None:
    seen: dict[str, list[str]] = {}

    def observe(name: str) -> None:
        seen[name] = visible_texts()

    saved = save_screenshots(tmp_path, "sv", observe=observe)
    # The tour itself: every screen saved at laptop size (one tour serves both checks).
    names = [p.name for p in saved]
    assert names[0].startswith("01_first_run") and "06_locked.png" in names
    for screen in ("11_dashboard", "14_case_entry", "21_case_decision", "24_contacts_f2",
                   "26j_ads_detail_files", "26k_ads_saved_page", "16b_case_missing_f4",
                   "29_case_1024x600", "26m_directory_correct", "26n_directory_remove",
                   "26o_tip_withdraw"):  # fmt: skip
        assert f"{screen}.png" in names
    assert len(saved) == 44 and set(names) == set(seen)
    for path in saved:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (SCREEN_WIDTH, SCREEN_HEIGHT)
    assert len(seen) >= 35 and {"17_case_new_buyer.png", "21b_case_decision_refused.png"} <= set(
        seen
    )
    # The walk reads what a refusal says: the new buyer's number has a wrong check digit.
    assert "Kontrollsiffran stämmer inte (felskrivning?)." in seen["17_case_new_buyer.png"]
    assert any(
        t.startswith("Inget beslut av åklagare") for t in seen["21b_case_decision_refused.png"]
    )
    assert "Nytt vittne" in seen["17b_case_new_witness.png"]
    assert any("id-kort" in t for t in seen["22b_case_timeline_correction.png"])

    english, phrases = _english_sources()
    exact = {_plain(s) for s in english}
    found = []
    for name, texts in seen.items():
        for text in texts:
            for line in text.splitlines() or [text]:
                line = line.strip()
                if SNAKE.search(_PATH.sub("", line)):
                    found.append(f"{name}: identifier in {line!r}")
                if line in exact or _englishy(line) or any(p.fullmatch(line) for p in phrases):
                    found.append(f"{name}: English {line!r}")
    assert found == [], "\n".join(found)
