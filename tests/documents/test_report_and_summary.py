"""The operation report reproduces the brochure's Västerås table from recorded cases; the
case summary shows every element with time, observer and source, and the hash to verify."""

from __future__ import annotations

from datetime import datetime

from fieldapp.documents import service, sources
from fieldapp.workflow import cases, outreach, support
from fieldapp.workflow.context import Context
from tests.conftest import ADMIN_NAME
from tests.documents import pdfcheck
from tests.documents.scenarios import (
    CEST,
    Clock,
    decision,
    new_operation,
    open_hotel_case,
    personnummer,
    record_buyer,
    record_seller,
    standard_case,
)

# Three invented men aged 47, 58 and 69 in May 2013, each paying 1,500 kr, each given
# 50 day-fines (100, 200 and 330 kr a day), all accepting; the woman accepted support.
VASTERAS_BUYERS = (("19650802", "Per Exempelsson", 100), ("19541120", "Nils Påhitt", 200),
                   ("19430909", "Åke Testman", 330))  # fmt: skip


def _record_vasteras(ctx: Context, clock: Clock) -> str:
    clock.now = datetime(2013, 5, 14, 19, 0, tzinfo=CEST)
    operation_id = new_operation(ctx, "2013-05-06", "2013-05-17", name="Insatsveckor maj 2013")
    cases.tick_operation_item(ctx, operation_id, "ads_mapped")
    outreach.record_delivery(ctx, operation_id, {"company": "Hotell Påhittat", "kind": "hotel"})
    outreach.record_delivery(ctx, operation_id, {"company": "Taxi Exempel AB", "kind": "taxi"})
    case_id = open_hotel_case(ctx, operation_id)
    record_seller(ctx, case_id, {"name": "Kvinna (alias)", "estimated_age": 30}, "accepted")
    for born, name, per_day in VASTERAS_BUYERS:
        buyer = {
            "name": name,
            "personal_id": personnummer(born),
            "identity_method": "driving_licence",
        }
        fines = decision("summary_order", {"day_fines": 50, "day_fine_amount_sek": per_day})
        record_buyer(ctx, clock, case_id, buyer, price=1500, seized=False, decision_data=fines)
        clock.advance(40)
    return operation_id


def test_report_reproduces_the_vasteras_table(ctx: Context, clock: Clock) -> None:
    operation_id = _record_vasteras(ctx, clock)
    data = service.report_data(ctx, operation_id)
    assert len(data.buyers) == 3 and data.ages == (47, 69)
    assert data.paid == [1500, 1500, 1500]
    assert [b.day_fines for b in data.buyers] == [50, 50, 50]
    assert data.fines == [5000, 10000, 16500]
    assert data.payable == [5500, 10500, 17000]  # plus the 500 kr fee of 2013
    assert data.answers() == {"accepts": 3}
    assert (data.buyer_support.offered, data.buyer_support.declined) == (3, 3)
    assert (data.seller_support.offered, data.seller_support.accepted) == (1, 1)
    assert (data.hotels_informed, data.taxi_companies_informed) == (1, 1)

    pdf = service.operation_report_pdf(ctx, operation_id)
    text = pdfcheck.text(pdf)
    assert "Insatsrapport: Insatsveckor maj 2013" in text
    assert "2013-05-06 – 2013-05-17" in text and "Västmanlands län" in text
    assert "3 köpare, i åldrarna 47–69 år." in text
    assert "Överlämnade pengar för sexköpet: 3 av 3, 1 500 kr var." in text
    assert "Godkände strafföreläggande: 3; godkände inte: 0" in text
    assert "50 dagsböter: 3" in text
    assert "Böter (dagsböter × belopp): 5 000 kr – 16 500 kr, sammanlagt 31 500 kr." in text
    assert "Köpare (3): stöd erbjöds 3, tackade ja 0, tackade nej 3." in text
    assert "Personer som sålde sex (1): stöd erbjöds 1, tackade ja 1" in text
    assert "1 hotell och 1 taxiföretag fick polisens informationsblad." in text
    assert "Antal annonser kartlagda: 0." in text
    assert "Tips som kommit in i länet: 0." in text
    for total in ("5 000 kr", "10 000 kr", "16 500 kr", "5 500 kr", "17 000 kr"):
        assert total in text
    assert "Hotell Påhittat" in text and "Per Exempelsson" not in text  # statistics, no names
    stamp = sources.operation_stamp(ctx, operation_id)
    assert f"Senaste händelse {stamp.short_hash}" in text
    assert pdfcheck.assert_fonts_embedded(pdf) == {"DejaVuSans", "DejaVuSans-Bold"}
    assert pdfcheck.overflowing_runs(pdf) == []


def _buyer(name: str, born: str) -> dict[str, str]:
    return {"name": name, "personal_id": personnummer(born), "identity_method": "id_card"}


def test_report_counts_money_handed_over_and_keeps_child_cases_apart(
    ctx: Context, clock: Clock
) -> None:
    """Four buyers, one an attempt with no money handed over (only a stated price): 3
    completed and 1 attempt, money for the three only. A 6:9 case is shown apart."""
    clock.now = datetime(2026, 5, 14, 19, 0, tzinfo=CEST)
    operation_id = new_operation(ctx, "2026-05-11", "2026-05-22")
    case_id = open_hotel_case(ctx, operation_id)
    record_seller(ctx, case_id, {"name": "Kvinna (alias)", "estimated_age": 30})
    sanction = {"conditional_sentence": True, "day_fines": 50, "day_fine_amount_sek": 100}
    for i, born in enumerate(("19650802", "19541120", "19430909", "19700101")):
        record_buyer(
            ctx, clock, case_id, _buyer(f"Köpare {i}", born), price=1000 + 500 * i,
            seized=False, paid=i != 3, decision_data=decision("advance_approval", sanction),
        )  # fmt: skip
    child_case = open_hotel_case(ctx, operation_id, room="101")
    record_seller(ctx, child_case, {"name": "Flicka (alias)", "estimated_age": 16})
    record_buyer(ctx, clock, child_case, _buyer("Köpare X", "19800303"), price=3000, seized=False)

    data = service.report_data(ctx, operation_id)
    assert [b.outcome for b in data.adult_buyers].count("completed") == 3
    assert data.outcomes() == {"completed": 3, "attempt": 1}
    assert data.paid == [1000, 1500, 2000]  # never the attempt's stated 2 500 kr
    assert [b.child_case for b in data.buyers].count(True) == 1
    assert data.outcomes(data.child_case_buyers) == {"completed": 1}

    text = pdfcheck.text(service.operation_report_pdf(ctx, operation_id))
    assert "4 köpare, i åldrarna" in text
    assert "3 fullbordade brott och 1 försök" in text
    assert "Överlämnade pengar för sexköpet: 3 av 4, 1 000 kr – 2 000 kr." in text
    assert "2 500 kr" not in text  # the attempt's stated price is not money handed over
    assert "6 kap. 9 § brottsbalken" in text
    assert "1 ärende med 1 misstänkta köpare: 1 fullbordat brott och 0 försök" in text
    assert "försök" in text and "fullbordat" in text  # the table's column


def test_report_counts_the_ads_registered(ctx: Context, operation_id: str) -> None:
    from fieldapp.ads import register

    text = "Ny tjej i stan, 1500 kr/h, ring 070-174 06 12. Västerås centrum."
    capture = register.capture(ctx, operation_id, text, url="https://example.org/annons/1")
    register.register_ad(ctx, operation_id, capture.fields)
    assert service.report_data(ctx, operation_id).ads_recorded == 1
    report = pdfcheck.text(service.operation_report_pdf(ctx, operation_id))
    assert "Antal annonser kartlagda: 1." in report


def test_report_with_nothing_recorded(ctx: Context, operation_id: str) -> None:
    text = pdfcheck.text(service.operation_report_pdf(ctx, operation_id))
    assert "Inga köpare registrerade." in text and "Inga tillslag registrerade." in text
    assert "Kartläggning av annonser före insatsen: inte registrerad." in text


def test_case_summary_has_elements_timeline_and_hash(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    pdf = service.case_summary_pdf(ctx, recorded.case_id)
    text = pdfcheck.text(pdf)
    assert "Sammanställning av ärende" in text
    assert "Hotell Påhittat, Storgatan 1, Västerås" in text
    assert "Överenskommelse 2026-05-14 21:30" in text
    assert f"{ADMIN_NAME} (T100001)" in text and "hört" in text and "annons" in text
    assert "i beslag: 1 500 kr, 2026-5000-BG17" in text
    assert "fullbordat brott; saknas för fullbordat: inget" in text
    assert "köp av sexuell handling, 6 kap. 11 § brottsbalken" in text  # renamed 2025-07-01
    assert "Säljare – vittne, ej misstänkt" in text
    assert ("Kvinnohuset" in text or "Kvinnocentrum" in text) and "tackade ja" in text
    assert "Underrättelse om misstanke" in text and "försvarare, rätt att inte yttra sig" in text
    assert "förhandsgodkännande av strafföreläggande; åklagare Åsa Påhittad" in text
    assert "renamed" not in text and "2026-05-14 (lagrummet i den lydelse" in text  # no rule id
    assert "Checklista" in text and "Tidslinje" in text
    assert "Anteckning: Köparen lämnade rummet" in text
    stamp = sources.case_stamp(ctx, recorded.case_id)
    assert stamp.event_hash in text and "fieldapp verify" in text
    assert ctx.session.verify().ok
    assert pdfcheck.overflowing_runs(pdf) == []


def test_case_summary_breaks_between_words_and_shows_the_case_number(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    recorded = standard_case(ctx, clock, operation_id)
    cases.amend_case(ctx, recorded.case_id, {"police_case_number": "5000-K123456-26"})
    assert recorded.seller_id is not None
    support.record_support_offer(
        ctx, recorded.case_id, recorded.seller_id,
        {"organisation": "Socialjouren", "outcome": "referral_made"},
    )  # fmt: skip
    text = pdfcheck.text(service.case_summary_pdf(ctx, recorded.case_id))
    assert "Diarienummer (K-nummer) 5000-K123456-26" in text
    # The narrow "Utfall" column used to break "hänvisad/överlämna|d" inside the word.
    assert "hänvisad / överlämnad" in text


def test_case_summary_lists_each_photo_with_its_hash_time_and_what_it_belongs_to(
    ctx: Context, clock: Clock, operation_id: str
) -> None:
    import io

    from PIL import Image

    from fieldapp.storage.canonical import sha256_hex
    from fieldapp.workflow import photos

    recorded = standard_case(ctx, clock, operation_id)
    elements = ctx.records.find("element", case_id=recorded.case_id)
    payment = next(e for e in elements if e.get("kind") == "payment_handed_over")
    agreement = next(e for e in elements if e.get("kind") == "agreement")
    pictures = []
    for colour in ((200, 0, 0), (0, 200, 0)):
        out = io.BytesIO()
        Image.new("RGB", (640, 480), colour).save(out, "JPEG")
        pictures.append(out.getvalue())
    photos.attach_photo(ctx, payment.entity_id, pictures[0], about="seizure", source="camera")
    photos.attach_photo(ctx, agreement.entity_id, pictures[1])

    pdf = service.case_summary_pdf(ctx, recorded.case_id)

    text = pdfcheck.text(pdf)
    flat = text.replace(" ", "").replace("\n", "")
    assert "Foton" in text and "Hör till" in text
    for picture in pictures:
        assert sha256_hex(picture) in flat
    assert "Beslag av pengarna" in text and "Överenskommelse" in text
    assert "JPEG 640×480" in text and "kamera" in text
    assert pdfcheck.overflowing_runs(pdf) == []
    assert not any(p[:64] in pdf for p in pictures)  # listed, not embedded
