"""An ad's saved page read back for the screen: as the text the import read (the HTML or
the MHTML's HTML part, scripts and styles dropped), hash-checked from the vault, the opening
logged; a file the ad does not have is refused by name."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage

import pytest

from fieldapp.ads import register
from fieldapp.ads.model import AD_ENTITY, AttachmentKind
from fieldapp.ads.register import Attachment
from fieldapp.errors import InvalidInput
from fieldapp.workflow.context import Context
from tests.ads.conftest import AD_BELLA

HTML = (
    "<html><head><title>Bella – ny i Västerås</title><script>track()</script>"
    '<link rel="stylesheet" href="https://cdn.example/a.css"></head>'
    "<body><p>Hej, jag heter Bella.<br>1 h – 2 500 kr</p>"
    '<img src="https://cdn.example/bild.jpg"></body></html>'
)


def _mhtml() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Bella"
    message["Snapshot-Content-Location"] = "https://annonser.example/ad/9902"
    message.make_related()
    message.add_related(HTML, subtype="html", cte="quoted-printable")
    return message.as_bytes(policy=email.policy.default)


def _ad(ctx: Context, operation_id: str, *files: Attachment) -> str:
    found = register.capture(ctx, operation_id, AD_BELLA, url="https://annonser.example/ad/9901")
    return register.register_ad(ctx, operation_id, found.fields, files).entity_id


def test_a_saved_page_reads_back_as_its_text_and_the_opening_is_logged(
    ctx: Context, operation_id: str
) -> None:
    html = Attachment(AttachmentKind.PAGE, HTML.encode(), "text/html", name="bella.html")
    mhtml = Attachment(AttachmentKind.PAGE, _mhtml(), "multipart/related", name="bella.mhtml")
    ad_id = _ad(ctx, operation_id, html, mhtml)

    page = register.read_attached_page(ctx, ad_id, html.sha256)
    assert page.title == "Bella – ny i Västerås"
    assert page.text == "Hej, jag heter Bella.\n1 h – 2 500 kr"  # no script, no addresses
    last = list(ctx.session.events())[-1]
    assert (last.kind, last.entity_type, last.entity_id, last.data["purpose"]) == (
        "access",
        AD_ENTITY,
        ad_id,
        "attachment",
    )
    page = register.read_attached_page(ctx, ad_id, mhtml.sha256)
    assert page.url == "https://annonser.example/ad/9902"
    assert page.text == "Hej, jag heter Bella.\n1 h – 2 500 kr"


def test_a_file_the_ad_does_not_have_is_refused(ctx: Context, operation_id: str) -> None:
    ad_id = _ad(ctx, operation_id)
    with pytest.raises(InvalidInput) as err:
        register.read_attached_page(ctx, ad_id, "0" * 64)
    assert err.value.problems == (("sha256", "Attachment: the ad has no such attachment."),)
