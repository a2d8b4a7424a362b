"""Support leaflets in every shipped language: text extractable in its own script, the
operation's contacts, embedded fonts, and the refusal of an unknown language."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace

import pytest

from fieldapp.documents import service
from fieldapp.documents.leaflet_texts import Audience, leaflet_languages, load_leaflet_texts
from fieldapp.documents.leaflets import build_leaflet
from fieldapp.errors import InvalidInput
from fieldapp.paths import resource
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context
from tests.documents import pdfcheck
from tests.documents.scenarios import open_hotel_case

# A phrase per language that must come back out of the PDF as typed.
EXPECTED = {
    "sv": "Du är inte misstänkt för något brott.",
    "en": "You are not suspected of any crime.",
    "ro": "Nu există nicio suspiciune că ați comis vreo infracțiune.",
    "ru": "Вас не подозревают ни в каком преступлении.",
    "es": "No se sospecha que usted haya cometido ningún delito.",
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
    assert pdfcheck.pages(pdf) == 1  # the seller leaflet is one page
    assert "020-39 00 00" not in text  # the NSPM line is for professionals (LEGAL.md §9.6)


# Gendered words where Swedish and English are neutral (a seller or a buyer of any gender).
GENDERED = {
    "ro": ("suspectată", "martoră", "suspectat "),
    "ru": ("подозреваемая", "подозреваемого", "гражданка", "анонимным"),
    "es": ("es sospechosa", "testigo, no sospechosa", "sospechoso de", "ciudadana"),
}


@pytest.mark.parametrize("language", sorted(GENDERED))
def test_translations_are_gender_neutral(contacts: list, language: str) -> None:
    text = " ".join(pdfcheck.text(build_leaflet(a, language, contacts)) for a in Audience)
    assert [w for w in GENDERED[language] if w in text] == []


def _words(value: object) -> set[str]:
    if isinstance(value, str):
        return set(re.findall(r"[A-Za-zÅÄÖåäöé]{5,}", value))
    if isinstance(value, dict):
        return _words(list(value.values()))
    if isinstance(value, list):
        return set().union(*(_words(v) for v in value))
    return set()


def _leaflet_words(language: str) -> set[str]:
    return _words(tomllib.loads(resource("leaflets", f"{language}.toml").read_text("utf-8")))


def _swedish_words(language: str) -> set[str]:
    """Words of the Swedish leaflet texts (and the county's Swedish hours) that are neither
    names (words the English texts share, such as KAST or Västerås) nor words of
    ``language`` itself (Romanian "Telefon")."""
    county_hours = {"Kontorstid", "Kvällar", "nätter", "helger", "Begränsade", "telefontider",
                    "Dygnet", "knappval", "tipsmottagare", "Vardagar"}  # fmt: skip
    return (_leaflet_words("sv") | county_hours) - _leaflet_words("en") - _leaflet_words(language)


@pytest.mark.parametrize("language", ["en", "ro", "ru", "es", "th"])
def test_no_swedish_in_a_translated_leaflet_but_names(
    ctx: Context, operation_id: str, language: str
) -> None:
    case_id = open_hotel_case(ctx, operation_id)
    swedish = _swedish_words(language)
    names = (
        " ".join(
            f"{c.get('organisation')} {c.get('web') or ''} {c.get('email') or ''}"
            for c in operations.contacts(ctx, operation_id)
        )
        + " Göteborg"
    )  # a place where KAST is, named as in Swedish by some translations
    for audience in Audience:
        text = pdfcheck.text(service.leaflet_pdf(ctx, case_id, audience, language))
        found = {w for w in swedish if re.search(rf"\b{w}\b", text) and w not in names}
        assert found == set(), (audience, found)


def test_every_unreviewed_translation_carries_its_mark(ctx: Context, operation_id: str) -> None:
    case_id = open_hotel_case(ctx, operation_id)
    for language in leaflet_languages():
        texts = load_leaflet_texts(language.code)
        for audience in Audience:
            pdf = service.leaflet_pdf(ctx, case_id, audience, language.code)
            # Thai comes back with positioned tone marks: compare its letters only.
            plain = pdfcheck.thai_skeleton if language.code == "th" else str
            text = plain(pdfcheck.text(pdf))
            mark = plain(texts.labels["unreviewed"])
            assert (mark in text) is (not language.reviewed), language
            # The county profile is an example: every sheet says so, in its language.
            assert plain(texts.labels["example"]) in text


def test_each_contact_says_when_it_was_checked(contacts: list) -> None:
    text = pdfcheck.text(build_leaflet(Audience.SELLER, "sv", contacts))
    assert "Uppgifterna inte kontrollerade" in text  # the example profile's contacts
    checked = [replace(c, data={**c.data, "verified_on": "2026-04-30"}) for c in contacts]
    text = pdfcheck.text(build_leaflet(Audience.SELLER, "en", checked))
    assert "Details checked 2026-04-30" in text and "not checked" not in text
    assert "Office hours" in text and "Kontorstid" not in text  # hours in its language


def test_support_is_said_to_be_free_and_the_buyer_gets_a_way_to_kast(contacts: list) -> None:
    seller = pdfcheck.text(build_leaflet(Audience.SELLER, "sv", contacts))
    assert "Stödet är gratis och du kan vara anonym" in seller
    buyer = pdfcheck.text(build_leaflet(Audience.BUYER, "sv", contacts))
    assert "sök på ”KAST” och din ort" in buyer
    assert "säg det till polisen nu" in buyer  # suicide risk: the police refer at once
    assert "1177" not in buyer  # not a contact LEGAL.md or the brochure supports


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
