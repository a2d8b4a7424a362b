"""The Thai leaflet's name is drawn with real glyphs, not boxes, on a machine without a
Thai system font: the theme registers the Thai font the app ships for its PDFs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QTextLayout

from fieldapp.documents.leaflet_texts import leaflet_languages
from ui.theme import apply_theme


def _glyphs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_the_thai_language_name_is_shaped_with_a_font_that_has_it(qapp: Any) -> None:
    apply_theme(qapp)
    thai = next(lang.name for lang in leaflet_languages() if lang.code == "th")
    runs = _glyphs(thai, qapp.font())
    assert runs, "nothing was laid out"
    for family, glyphs in runs:
        assert 0 not in glyphs, f"{family} has no glyph for part of {thai!r} (a box)"
