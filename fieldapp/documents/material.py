"""Material that needs no case: a stack of support leaflets for an operation, in several
languages and a number of copies, as one PDF. The leaflets are the ones ``leaflets.py``
builds (with the operation's contacts); this module only chooses and stacks them.

Each copy starts on a fresh sheet when printed on both sides: a copy with an odd number of
pages is followed by a blank page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter

from fieldapp.documents.leaflet_texts import Audience, load_leaflet_texts
from fieldapp.documents.leaflets import build_leaflet
from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.errors import InvalidInput, Reason, coded
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context

MAX_COPIES = 200  # a stack for an operation week; more is a typing slip


def _refuse(field: str, reason: Reason) -> InvalidInput:
    label = field.replace("_", " ").capitalize()
    return InvalidInput(f"{label}: {reason}", field=field, problems=((field, reason),))


def check_languages(codes: Sequence[str]) -> list[str]:
    """The languages asked for, each once, in the order given; each must be shipped."""
    wanted = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    if not wanted:
        raise _refuse("languages", coded("languages_none", "choose at least one language."))
    for code in wanted:
        load_leaflet_texts(code)  # InvalidInput naming the languages there are
    return wanted


def check_copies(copies: int) -> int:
    if not 1 <= copies <= MAX_COPIES:
        reason = coded("copies_range", f"between 1 and {MAX_COPIES}.", max=MAX_COPIES)
        raise _refuse("copies", reason)
    return copies


def material_operation(ctx: Context, operation_id: str | None) -> str:
    """The operation whose contacts go on the leaflets: the one named, or the only one."""
    if operation_id is not None:
        return ctx.require(OPERATION_ENTITY, operation_id, "operation_id").entity_id
    found = operations.operations(ctx)
    if len(found) == 1:
        return found[0].entity_id
    reason = (
        coded(
            "operation_choose",
            f"there are {len(found)} operations; choose the one whose contacts go on it.",
            count=len(found),
        )
        if found
        else coded("operation_none", "there is no operation yet, so no contacts to print.")
    )
    raise _refuse("operation_id", reason)


def leaflet_stack_pdf(
    ctx: Context,
    audience: Audience,
    languages: Sequence[str],
    copies: int,
    operation_id: str | None = None,
) -> bytes:
    """``copies`` of the leaflet for ``audience`` in each language, one PDF, in the order
    the languages are given (all copies of the first, then the next)."""
    wanted = check_languages(languages)
    check_copies(copies)
    contacts = operations.contacts(ctx, material_operation(ctx, operation_id))
    writer = PdfWriter()
    for language in wanted:
        leaflet = PdfReader(io.BytesIO(build_leaflet(audience, language, contacts)))
        pages = len(leaflet.pages)
        for _ in range(copies):
            writer.append(leaflet)
            if pages % 2 and (copies > 1 or len(wanted) > 1):
                box = leaflet.pages[0].mediabox
                writer.add_blank_page(float(box.width), float(box.height))
    # Only what the leaflets already say about themselves; nothing about who printed them.
    writer.add_metadata({"/Title": f"{audience.value} leaflets", "/Producer": "fieldapp"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
