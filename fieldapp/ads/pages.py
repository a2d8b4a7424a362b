"""Reading a saved web page (HTML, or MHTML as browsers save "the whole page in one file")
into the ad's title, text, address and site, with the standard library only.

Scripts, styles and other invisible parts are dropped; block elements end lines, so the
ad's price list keeps its lines. ``html.parser`` reads almost anything, so a page is
refused only for what would make its text wrong or empty: not text at all, an encoding
that does not decode, a ``<script>`` or ``<style>`` never closed (everything after it would
be lost), no text, or an MHTML file that is cut off or holds no HTML part. Each refusal
names the line.
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email import errors as email_errors
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

from fieldapp.ads.issues import ImportRefused, RowProblem, line_of
from fieldapp.errors import Reason, as_reason, coded

MHTML_TYPE = "multipart/related"
HTML_TYPE = "text/html"
# Not the ad: code, styling, the head, and the site's navigation menus.
_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "nav", "button"}
)
_MUST_CLOSE = frozenset({"script", "style"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "td", "th", "tr", "ul",
    }
)  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class SavedPage:
    """What a saved page says: title, visible text, address, site, when it was saved."""

    title: str | None
    text: str
    url: str | None
    site: str | None
    media_type: str
    saved_at: datetime | None = None


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.open_invisible: list[tuple[str, int]] = []  # (tag, line opened)
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key in ("og:title", "og:url", "og:site_name"):
                self.meta.setdefault(key, values.get("content", "").strip())
        elif tag == "link" and "canonical" in values.get("rel", "").split():
            self.meta.setdefault("canonical", values.get("href", "").strip())
        elif tag == "title":
            self._in_title = True
        if tag in _INVISIBLE:
            self.open_invisible.append((tag, self.getpos()[0]))
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            return  # <svg/> and the like open nothing
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _INVISIBLE:
            for i in range(len(self.open_invisible) - 1, -1, -1):
                if self.open_invisible[i][0] == tag:
                    del self.open_invisible[i:]
                    break
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self.open_invisible:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        saved = _SAVED_FROM.search(data)  # "<!-- saved from url=(0042)https://… -->"
        if saved:
            self.meta.setdefault("saved_from", saved.group(1))

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


def read_html(data: bytes, *, charset: str | None = None, media_type: str = HTML_TYPE) -> SavedPage:
    """The page in ``data``; ``ImportRefused`` naming the line if it cannot be read."""
    html = _decode(data, charset)
    parser = _PageText()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        # html.parser asserts on some broken declarations ("<![!", "<![OCTYPE"): its own
        # limits on hostile input, found by the fuzz suite; a refusal, never a crash.
        raise ImportRefused(
            "web page",
            [
                RowProblem(
                    None,
                    None,
                    coded("page_markup_broken", "the markup is broken and cannot be read."),
                )
            ],
        ) from None
    problems = []
    if not re.search(r"<\s*[a-zA-Z!]", html):
        problems.append(
            RowProblem(1, None, coded("not_a_web_page", "not a web page (no HTML tags)."))
        )
    for tag, line in parser.open_invisible:
        if tag in _MUST_CLOSE:
            problems.append(
                RowProblem(
                    line,
                    tag,
                    coded(
                        "tag_not_closed", f"<{tag}> is never closed: the page is cut off or broken."
                    ),
                )
            )
    text = parser.text()
    if not problems and not text:
        problems.append(
            RowProblem(None, None, coded("page_without_text", "the page holds no visible text."))
        )
    if problems:
        raise ImportRefused("web page", problems)
    url = parser.meta.get("canonical") or parser.meta.get("og:url") or parser.meta.get("saved_from")
    title = " ".join("".join(parser.title).split()) or parser.meta.get("og:title") or None
    return SavedPage(
        title=title,
        text=text,
        url=_web_url(url),
        site=parser.meta.get("og:site_name") or None,
        media_type=media_type,
    )


def read_mhtml(data: bytes) -> SavedPage:
    """The HTML part of an MHTML file, with the address and time the browser saved."""
    _refuse_binary(data, "MHTML file")
    try:
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    except Exception:  # the parser's own bugs on hostile input: still a refusal
        raise ImportRefused(
            "MHTML file",
            [RowProblem(None, None, coded("mhtml_unreadable", "cannot be read as an MHTML file."))],
        ) from None
    assert isinstance(message, EmailMessage)
    problems = _mhtml_problems(data, message)
    part = next((p for p in message.walk() if p.get_content_type() == HTML_TYPE), None)
    if part is None and not problems:
        problems.append(RowProblem(None, None, coded("mhtml_without_page", "holds no HTML page.")))
    if problems:
        raise ImportRefused("MHTML file", problems)
    assert isinstance(part, EmailMessage)
    try:
        raw = part.get_payload(decode=True)
    except (ValueError, LookupError):
        raise ImportRefused(
            "MHTML file",
            [
                RowProblem(
                    None, "html", coded("mhtml_undecodable", "its HTML part cannot be decoded.")
                )
            ],
        ) from None
    assert isinstance(raw, bytes)
    try:
        page = read_html(raw, charset=part.get_content_charset(), media_type=MHTML_TYPE)
    except ImportRefused as refused:
        # Lines inside the encoded part do not match the file's; say where they are.
        inner = [RowProblem(p.line, p.field, _in_html_part(p.reason)) for p in refused.rows]
        raise ImportRefused("MHTML file", inner) from None
    location = message.get("Snapshot-Content-Location") or part.get("Content-Location")
    url = str(location).strip() if location else page.url
    return SavedPage(
        title=page.title or _header(message, "Subject"),
        text=page.text,
        url=_web_url(url) or page.url,
        site=page.site,
        media_type=MHTML_TYPE,
        saved_at=_saved_at(message),
    )


def _in_html_part(reason: str) -> str:
    """A problem of the HTML inside an MHTML file: its line counts from the part's start."""
    why = as_reason(reason)
    return Reason(why.code, f"{why} (line of the HTML part)", why.params)


def _mhtml_problems(data: bytes, message: EmailMessage) -> list[RowProblem]:
    problems = []
    if not message.is_multipart():
        return [
            RowProblem(
                1, "Content-Type", coded("not_mhtml", "not an MHTML file (no multipart/related).")
            )
        ]
    for part in message.walk():
        for defect in part.defects:
            if isinstance(defect, email_errors.CloseBoundaryNotFoundDefect):
                problems.append(
                    RowProblem(line_of(data, len(data)), None, coded("mhtml_cut_off",
                               "the file ends before its last part does: it is cut off."))
                )  # fmt: skip
            elif isinstance(defect, email_errors.StartBoundaryNotFoundDefect):
                problems.append(
                    RowProblem(
                        None,
                        None,
                        coded("mhtml_no_parts", "no part starts: the boundary is wrong."),
                    )
                )
            elif isinstance(
                defect,
                email_errors.InvalidBase64CharactersDefect
                | email_errors.InvalidBase64PaddingDefect,
            ):
                problems.append(RowProblem(None, str(part.get("Content-Location") or "part"),
                                           coded("base64_damaged",
                                                 "its base64 content is damaged.")))  # fmt: skip
    return problems


def _decode(data: bytes, charset: str | None) -> str:
    _refuse_binary(data, "web page")
    if data.startswith(b"\xef\xbb\xbf"):
        data, charset = data[3:], "utf-8"
    if charset is None:
        found = _CHARSET.search(data[:4096])
        charset = found.group(1).decode("ascii").lower() if found else "utf-8"
    try:
        return data.decode(charset)
    except LookupError:
        raise ImportRefused(
            "web page",
            [
                RowProblem(
                    None, "charset", coded("unknown_encoding", f"unknown encoding {charset!r}.")
                )
            ],
        ) from None
    except UnicodeDecodeError as exc:
        line = line_of(data, exc.start)
        raise ImportRefused(
            "web page",
            [RowProblem(line, None, coded("not_in_encoding", f"not readable as {charset} text."))],
        ) from None


def _refuse_binary(data: bytes, what: str) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportRefused(
            what,
            [
                RowProblem(
                    line_of(data, nul),
                    None,
                    coded("binary_file", "binary data, not a saved web page."),
                )
            ],
        )


def _header(message: EmailMessage, name: str) -> str | None:
    value = message.get(name)
    return str(value).strip() or None if value is not None else None


def _saved_at(message: EmailMessage) -> datetime | None:
    try:
        # The header is parsed when read: a year of 20 digits overflows in the email
        # package itself (found by the fuzz suite). An unreadable date is no date.
        value = message.get("Date")
        if value is None:
            return None
        when = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return when if when.tzinfo is not None else None


def _web_url(url: str | None) -> str | None:
    """``url`` if it is a well-formed http(s) address (a saved page may hold anything)."""
    try:
        return url if url and urlsplit(url).scheme in ("http", "https") else None
    except ValueError:
        return None
