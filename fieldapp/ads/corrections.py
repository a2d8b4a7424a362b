"""Corrections an officer makes to a registered ad, the same for the GUI and the CLI:
fields typed again, prices written as an ad writes them ("1 500 kr / 30 min", one per line
or semicolon), and screenshots added from files (a picture type, under the attachment cap,
hashed as they are read). A correction is a new event; the values before it stay in the
ad's history. A refusal is a code naming the part that is wrong, never the typed value
(it may end up in a log).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from fieldapp.ads import register
from fieldapp.ads.model import AttachmentKind
from fieldapp.ads.prices import AMBIGUOUS, find_prices
from fieldapp.ads.register import Attachment
from fieldapp.errors import InvalidInput, coded
from fieldapp.inputs import ATTACHMENT_MAX_BYTES, check_size, read_capped
from fieldapp.validation import Problems
from fieldapp.workflow.context import Change, Context

# The files taken as screenshots of an ad, by their suffix (a PDF is a page printed to one).
SCREENSHOT_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".pdf": "application/pdf",
}
_PARTS = re.compile(r"[;\n]+")


def correct_ad(
    ctx: Context, ad_id: str, changes: Mapping[str, Any], *, prices: str | None = None
) -> Change:
    """Correct an ad's fields (``register.update_ad``; ``None`` clears one), the prices
    typed in ``prices`` added to any kept in ``changes``. Every problem is refused
    together, and nothing is stored unless all of it is right."""
    fields = dict(changes)
    if prices is not None:
        try:
            read = typed_prices(prices)
        except InvalidInput as refused:
            problems = list(refused.problems)
            fields.pop("prices", None)
            try:  # the other fields' problems too, nothing stored
                register.update_draft(ctx, ad_id, fields)
            except InvalidInput as more:
                problems = [*more.problems, *problems]
            message = "; ".join(f"{f}: {r}" for f, r in problems)
            raise InvalidInput(message, field=problems[0][0], problems=tuple(problems)) from None
        fields["prices"] = [*(fields.get("prices") or []), *read] or None
    return register.update_ad(ctx, ad_id, fields)


def typed_prices(text: str) -> list[dict[str, Any]]:
    """The prices typed in ``text`` ("1 500 kr / 30 min; 2 500 kr / 1 h"), as stored.

    Each part must hold a price. The officer typed them, so a price read without a currency
    is theirs to vouch for and is not marked; an amount with more than one reading ("1,50
    kr") is refused rather than guessed."""
    p = Problems()
    out: list[dict[str, Any]] = []
    parts = [part.strip() for part in _PARTS.split(text) if part.strip()]
    for i, part in enumerate(parts):
        found = find_prices(part)
        if not found:
            p.add(
                f"prices[{i}]",
                coded(
                    "not_a_price", "not a price (write it as e.g. 1 500 kr / 30 min).", part=i + 1
                ),
            )
        for price in found:
            if price.doubt == AMBIGUOUS:
                p.add(
                    f"prices[{i}]",
                    coded(
                        "price_ambiguous", "the amount can be read more than one way.", part=i + 1
                    ),
                )
            else:
                out.append(replace(price, doubt=None).as_data())
    p.raise_if_any()
    return out


def screenshot_file(path: Path, captured_at: str | None) -> Attachment:
    """A screenshot chosen as a file: read under the attachment cap (``InputRefused`` if it
    is too large or no regular file), then checked as ``screenshot``."""
    check_type(path.name)
    return screenshot(path.name, read_capped(path, ATTACHMENT_MAX_BYTES, "screenshot"), captured_at)


def screenshot(name: str, data: bytes, captured_at: str | None) -> Attachment:
    """A screenshot of an ad, named ``name``: a picture type by its suffix, under the
    attachment cap, hashed here."""
    media_type = check_type(name)
    check_size(data, ATTACHMENT_MAX_BYTES, "screenshot", name)
    return Attachment(
        AttachmentKind.SCREENSHOT, data, media_type, name=name, captured_at=captured_at
    )


def check_type(name: str) -> str:
    """The media type of a screenshot named ``name``, or a refusal naming the types taken."""
    media_type = SCREENSHOT_TYPES.get(Path(name).suffix.lower())
    if media_type is None:
        types = ", ".join(SCREENSHOT_TYPES)
        raise InvalidInput(
            coded("not_a_screenshot_type", f"{name}: use a picture ({types}).", types=types),
            field="attachments",
        )
    return media_type
