"""Lines of a paragraph of one plain run of text, broken as ReportLab's ``breakLines`` breaks
them, without its general machinery.

``Paragraph.breakLines`` serves every kind of paragraph: for each word it pops the list's
head, asks whether the word is a split or a soft-hyphenated piece, and measures it through
two layers of font look-up. Most of a document's paragraphs are one run of plain text in one
font (headings, labels, body text, table cells), and for those only the measuring and the
greedy filling of lines matter. ``plain_lines`` does that, with the same width of each word
and the same arithmetic in the same order, so the lines are ReportLab's to the last bit (a
test compares them); anything else (several runs, a bullet's own font, shaping, hyphenation,
soft hyphens, a word wider than its line) returns None and ReportLab breaks the lines.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus.paragraph import _handleBulletWidth, split, strip

_SOFT_HYPHEN = "\xad"


def plain_lines(paragraph: Any, width: float | list[float] | tuple[float, ...]) -> Any | None:
    """``paragraph.breakLines(width)`` for one plain run of text, or None if that run is not
    plain (see the module's note). Sets the attributes ``breakLines`` sets."""
    style = paragraph.style
    frags = paragraph.frags
    if len(frags) != 1 or not _plain_style(style):
        return None
    frag = frags[0]
    text = getattr(frag, "text", None)
    if (
        not isinstance(text, str)
        or _SOFT_HYPHEN in text
        or hasattr(frag, "cbDefn")
        or hasattr(frag, "backColor")
    ):
        return None
    max_widths = list(width) if isinstance(width, (list, tuple)) else [width]
    font_name, font_size = frag.fontName, frag.fontSize
    if style.shaping and getFont(style.fontName).shapable:
        return None
    measure = getFont(font_name).stringWidth
    encoding = paragraph.encoding
    # As breakLines begins: its bookkeeping, and the bullet's room on the first line.
    paragraph._width_max = 0
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    _handleBulletWidth(paragraph.bulletText, style, max_widths)
    ascent, descent = getAscentDescent(font_name, font_size)
    stripped = strip(text)
    if not stripped:
        return frag.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=font_size)
    last = len(max_widths) - 1
    line_number = 0
    max_width = max_widths[0]
    space = measure(" ", font_size, encoding=encoding)
    shrink = style.spaceShrinkage * space
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current = -space  # breakLines' way of not counting a space before the first word
    widest = 0.0
    for word in split(stripped):
        word_width = measure(word, font_size, encoding=encoding)
        new_width = current + space + word_width
        if new_width > max_width + shrink * len(line):
            if word_width > max_widths[min(line_number, last)]:
                return None  # a word longer than a line: ReportLab splits it
            if line:
                widest = max(widest, current)
                lines.append((max_width - current, line))
                line = [word]
                current = word_width
                line_number += 1
                max_width = max_widths[min(last, line_number)]
                continue
        if word:
            line.append(word)
        current = new_width
    if line:
        widest = max(widest, current)
        lines.append((max_width - current, line))
    paragraph._width_max = widest
    return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=font_size)


def _plain_style(style: Any) -> bool:
    """No feature of ``breakLines`` that ``plain_lines`` leaves out is switched on."""
    return not (
        style.endDots
        or style.wordWrap
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or not style.splitLongWords
    )
