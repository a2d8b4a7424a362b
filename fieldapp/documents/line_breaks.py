"""Lines of a paragraph of one plain run of text (``plain_lines``), or of plain and bold runs
with line breaks (``run_lines``), broken as ReportLab's ``breakLines`` breaks them, without
its general machinery.

``Paragraph.breakLines`` serves every kind of paragraph: for each word it pops the list's
head, asks whether the word is a split or a soft-hyphenated piece, and measures it through
two layers of font look-up. Most of a document's paragraphs are one run of plain text in one
font (headings, labels, body text, table cells), and for those only the measuring and the
greedy filling of lines matter. ``plain_lines`` does that, with the same width of each word
and the same arithmetic in the same order, so the lines are ReportLab's to the last bit (a
test compares them); anything else (shaping, hyphenation, soft hyphens, images, a word wider
than its line) returns None and ReportLab breaks the lines.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.platypus.paragraph import (
    _FK_BREAK,
    _FK_TEXT,
    FragLine,
    ParaLines,
    _getFragWords,
    _handleBulletWidth,
    _HSFrag,
    sameFrag,
    split,
    strip,
)

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


def run_lines(paragraph: Any, width: float | list[float] | tuple[float, ...]) -> Any | None:
    """``paragraph.breakLines(width)`` for runs of text in several fonts with line breaks
    (the parser's fragments of ``<b>`` runs and ``<br/>``), or None for anything else.

    ReportLab's loop for several fragments, step for step, with the widths of a space and
    the fonts' ascent and descent looked up once per font instead of for every word (and,
    for the room that shrinking spaces gives, for every fragment of the line at every
    word): the same numbers in the same order, so the same lines, words and fragments (a
    test compares them). Sets ``paragraph.frags`` to the fragment words, as ReportLab does.
    """
    style = paragraph.style
    frags = paragraph.frags
    if len(frags) < 2 or not _plain_style(style) or style.shaping:
        return None
    if getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off"):
        return None
    for frag in frags:
        text = getattr(frag, "text", None)
        if type(text) is not str or hasattr(frag, "cbDefn") or _SOFT_HYPHEN in text:
            return None
        if not text and not hasattr(frag, "lineBreak"):
            return None
    max_widths = list(width) if isinstance(width, (list, tuple)) else [width]
    paragraph._width_max = 0
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    _handleBulletWidth(paragraph.bulletText, style, max_widths)
    max_width = max_widths[0]
    fragment_words = _getFragWords(frags, max_width)
    if any(type(word) not in (list, _HSFrag) for word in fragment_words):
        return None
    spaces: dict[tuple[str, float], float] = {}
    heights: dict[tuple[str, float], tuple[float, float]] = {}

    def space(font_name: str, size: float) -> float:
        key = (font_name, size)
        if key not in spaces:
            spaces[key] = stringWidth(" ", font_name, size)
        return spaces[key]

    def ascent_descent(font_name: str, size: float) -> tuple[float, float]:
        key = (font_name, size)
        if key not in heights:
            heights[key] = getAscentDescent(font_name, size)
        return heights[key]

    shrinkage = style.spaceShrinkage
    no_justified_breaks = not style.justifyBreaks
    last = len(max_widths) - 1
    line_number = 0
    lines: list[Any] = []
    words: list[Any] = []
    done: list[Any] = []  # breakLines' FW
    first_word = 0  # breakLines' sFW
    n = 0
    space_width = current = 0.0
    max_size = 0.0
    max_ascent = min_descent = 0.0
    g: Any = None
    # The fragment ``g`` was cloned from: a fragment is always the same as a clone of itself
    # (sameFrag compares everything but the text, colours through Python's __eq__).
    source: Any = None
    font_size = 0.0

    def end_line(ends_with_break: bool) -> None:
        """breakLines' end of a line: the line as it stands so far."""
        if current > paragraph._width_max:
            paragraph._width_max = current
        lines.append(
            FragLine(
                extraSpace=max_width - current,
                wordCount=n,
                lineBreak=ends_with_break,
                words=words,
                fontSize=max_size,
                ascent=max_ascent,
                descent=min_descent,
                maxWidth=max_width,
                sFW=first_word,
            )
        )

    def add_pieces(w: Any) -> bool:
        """breakLines' adding of a word's further fragments (a word across runs) to the
        line; whether any of them has text."""
        nonlocal g, source, font_size, max_size, max_ascent, min_descent
        real = False
        for piece in w[2:]:
            g = piece[0].clone()
            source = piece[0]
            g.text = piece[1]
            if g.text:
                real = True
            words.append(g)
            font_size = g.fontSize
            ascent, descent = ascent_descent(g.fontName, font_size)
            max_size = max(max_size, font_size)
            max_ascent = max(max_ascent, ascent)
            min_descent = min(min_descent, descent)
        return real

    for w in fragment_words:
        done.append(w)
        f = w[-1][0]
        font_name = f.fontName
        font_size = f.fontSize
        if not words:
            n = 0
            space_width = current = 0
            max_size = font_size
            max_ascent, min_descent = ascent_descent(font_name, font_size)
        word_width = w[0]
        f = w[1][0]
        new_width = current + space_width + word_width if word_width > 0 else current
        line_break = f._fkind == _FK_BREAK
        limit = max_width
        if shrinkage:
            shrink = space_width
            for wi in words:
                if wi._fkind == _FK_TEXT:
                    count = wi.text.count(" ")
                    if count:
                        shrink += count * space(wi.fontName, wi.fontSize)
            shrink *= shrinkage
            limit += shrink
        if not line_break and new_width > limit and word_width > max_widths[min(line_number, last)]:
            return None  # a word longer than a line: ReportLab splits it
        if not ((new_width > limit and n > 0) or line_break):
            text = w[1][1]
            if text:
                n += 1
            font_size = f.fontSize
            ascent, descent = ascent_descent(f.fontName, font_size)
            max_size = max(max_size, font_size)
            max_ascent = max(max_ascent, ascent)
            min_descent = min(min_descent, descent)
            if not words:
                g = f.clone()
                source = f
                words = [g]
                g.text = text
            elif not (source is f or sameFrag(g, f)):
                if space_width:
                    for wi in reversed(words):
                        if wi._fkind == _FK_TEXT:
                            if not wi.text.endswith(" "):
                                wi.text += " "
                            break
                g = f.clone()
                source = f
                words.append(g)
                g.text = text
            elif space_width:
                g.text += text if g.text.endswith(" ") else " " + text
            else:
                g.text += text
            space_width = space(font_name, font_size) if isinstance(w, _HSFrag) else 0
            real = add_pieces(w)
            if not text and real:
                n += 1
            current = new_width
            continue
        if line_break:
            g = f.clone()
            source = f
            words.append(g)
            ends_with_break = no_justified_breaks
        else:
            ends_with_break = False
        end_line(ends_with_break)
        first_word = len(done) - 1
        line_number += 1
        max_width = max_widths[min(last, line_number)]
        if line_break:
            words = []
            continue
        space_width = space(font_name, font_size) if isinstance(w, _HSFrag) else 0
        current = word_width
        n = 1
        g = f.clone()
        source = f
        max_size = g.fontSize
        max_ascent, min_descent = ascent_descent(g.fontName, max_size)
        words = [g]
        g.text = w[1][1]
        add_pieces(w)
    if words:
        end_line(False)
    paragraph.frags = done
    return ParaLines(kind=1, lines=lines)
