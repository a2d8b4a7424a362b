"""Support leaflets in every shipped language: text extractable in its own script, the
operation's contacts, embedded fonts, and the refusal of an unknown language."""

from __future__ import annotations

import pytest

from fieldapp.documents import service
from fieldapp.documents.leaflet_texts import Audience, leaflet_languages, load_leaflet_texts
from fieldapp.documents.leaflets import build_leaflet
from fieldapp.errors import InvalidInput
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context
from tests.documents import pdfcheck
from tests.documents.scenarios import open_hotel_case

# A phrase per language that must come back out of the PDF as typed.
EXPECTED = {
    "sv": "Du är inte misstänkt för något brott.",
    "en": "You are not suspected of any crime.",
    "ro": "Nu sunteți suspectată de nicio infracțiune.",
    "ru": "Вас не подозревают ни в каком преступлении.",
    "es": "Usted no es sospechosa de ningún delito.",
}


@pytest.fixture
def contacts(ctx: Context, operation_id: str) -> list:
    return operations.contacts(ctx, operation_id)


def test_languages_and_their_review_flags() -> None:
    flags = {lang.code: lang.reviewed for lang in leaflet_languages()}
    assert flags == {"sv": True, "en": True, "ro": False, "ru": False, "es": False, "th": False}
    assert load_leaflet_texts("ru").name == "Русский"


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_seller_leaflet_text_comes_back_in_its_own_script(contacts: list, language: str) -> None:
    pdf = build_leaflet(Audience.SELLER, language, contacts)
    text = pdfcheck.text(pdf)
    assert EXPECTED[language] in text
    assert "Kvinnocentrum (Västerås, Arboga och Köping)" in text
    assert "021-39 37 10" in text  # stored as E.164, printed as dialled
    assert "https://www.kvinnohuset-vasteras.org" in text
    assert "112" in text
    assert pdfcheck.assert_fonts_embedded(pdf) <= {"DejaVuSans", "DejaVuSans-Bold"}


def test_romanian_diacritics_and_cyrillic_survive(contacts: list) -> None:
    romanian = pdfcheck.text(build_leaflet(Audience.BUYER, "ro", contacts))
    assert "ș" in romanian and "ț" in romanian and "ă" in romanian and "î" in romanian
    russian = pdfcheck.text(build_leaflet(Audience.BUYER, "ru", contacts))
    assert "Консультации KAST помогают тем, кто покупает или покупал секс." in russian


def test_thai_leaflet_uses_the_thai_font_and_extracts_as_thai(contacts: list) -> None:
    pdf = build_leaflet(Audience.SELLER, "th", contacts)
    used = pdfcheck.assert_fonts_embedded(pdf)
    assert {"NotoSansThai-Regular", "NotoSansThai-Bold", "DejaVuSans"} <= used
    text = pdfcheck.text(pdf)
    lead = load_leaflet_texts("th").leaflet(Audience.SELLER).lead
    # The shaper may pick positioned variants of the tone marks; the letters must be Thai.
    assert pdfcheck.thai_skeleton(lead) in pdfcheck.thai_skeleton(text)
    assert "Kvinnohuset Västerås" in text


def test_buyer_leaflet_lists_buyer_support_not_seller_support(contacts: list) -> None:
    text = pdfcheck.text(build_leaflet(Audience.BUYER, "sv", contacts))
    assert "Stöd för att sluta" in text and "KAST" in text
    assert "Kriscentrum för män i Västmanland" in text
    assert "Kvinnohuset" not in text


def test_leaflet_carries_no_case_reference(ctx: Context, operation_id: str) -> None:
    case_id = open_hotel_case(ctx, operation_id)
    pdf = service.leaflet_pdf(ctx, case_id, Audience.SELLER, "en")
    assert case_id not in pdfcheck.text(pdf)
    assert "Page 1 / " in pdfcheck.text(pdf)


def test_unknown_language_lists_the_available_ones(contacts: list) -> None:
    with pytest.raises(InvalidInput) as err:
        build_leaflet(Audience.SELLER, "xx", contacts)
    assert err.value.field == "language"
    assert "en, es, ro, ru, sv, th" in err.value.message
    with pytest.raises(InvalidInput):
        build_leaflet(Audience.SELLER, "../sv", contacts)
