"""The case summary for the investigation file: place and times, persons, each offence
element with time, observer and source, the evaluation, the checklist, support and its
outcome, notice of suspicion, decision and sanction, the timeline, and the hash of the last
event with how to check it against the vault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fieldapp.documents.legal_text import decider, provision, sanction_lines, sanction_of
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.stamp import Stamp
from fieldapp.documents.styles import bullet, data_table, field_table, para
from fieldapp.documents.text import (
    ANSWER_SV,
    CASE_STATUS_SV,
    DECISION_KIND_SV,
    ELEMENT_SV,
    ESCALATION_SV,
    IDENTITY_METHOD_SV,
    OUTCOME_SV,
    PLACE_KIND_SV,
    SOURCE_SV,
    STANDING_SV,
    SUPPORT_OUTCOME_SV,
    kr,
    or_dash,
    when,
    when_logged,
)
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import BuyerView, CaseView
from fieldapp.workflow.checklist import ItemState, load_checklist

TITLE = "Sammanställning av ärende"
RIGHTS_SV = {
    "lawyer": "försvarare",
    "silence": "rätt att inte yttra sig",
    "interpreter": "tolk",
    "information": "information om misstanken",
}


@dataclass(frozen=True)
class SummaryInput:
    """Everything the summary shows, read from the vault by the caller."""

    view: CaseView
    checklist: Sequence[ItemState]
    stamp: Stamp
    officers: dict[str, str]  # service id → name
    contacts: dict[str, str]  # contact id → organisation
    printed_at: datetime
    printed_by: str
    photos: Sequence[Record] = ()  # photos of the evidence, in the order they were taken


def build_case_summary(data: SummaryInput) -> bytes:
    view = data.view
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(_place_line(view.case), "subtitle"),
        *_place_part(data),
        *_persons_part(data),
    ]
    for number, buyer in enumerate(view.buyers, start=1):
        story += _buyer_part(data, buyer, number)
    story += _photos_part(data)
    story += _support_part(data)
    story += _checklist_part(data)
    story += _timeline_part(data)
    story += _verification_part(data)
    setup = PageSetup(
        title=TITLE,
        stamp=data.stamp,
        footer_note=f"Utskriven {data.printed_at.strftime('%Y-%m-%d %H:%M')} av "
        f"{data.printed_by}. Innehåller känsliga personuppgifter.",
    )
    return build_pdf(setup, story, subject=f"{TITLE} {view.id}")


def _who(data: SummaryInput, officer_id: str | None) -> str:
    if not officer_id:
        return "–"
    name = data.officers.get(officer_id)
    return f"{name} ({officer_id})" if name else officer_id


def _place_line(case: Record) -> str:
    parts = [case.get("place_name"), case.get("address"), case.get("municipality")]
    return ", ".join(str(p) for p in parts if p)


def _place_part(data: SummaryInput) -> list[Flowable]:
    case = data.view.case
    operation = data.view.operation
    rows: list[tuple[str, Flowable | str]] = [
        ("Insats", or_dash(operation.get("name") if operation else None)),
        ("Plats", f"{PLACE_KIND_SV.get(str(case.get('place_kind')), '–')}: {_place_line(case)}"),
        ("Rum", or_dash(case.get("room"))),
        ("Diarienummer (K-nummer)", or_dash(case.get("police_case_number"))),
        ("Tillslaget började", when(case.get("start"))),
        ("Tillslaget avslutades", when(case.get("end"))),
        ("Status", CASE_STATUS_SV.get(str(case.get("status")), str(case.get("status")))),
        ("Poliser på plats", ", ".join(_who(data, o) for o in case.get("officers_present", []))),
    ]
    if case.get("transferred_to"):
        rows.append(("Överlämnat till", str(case.get("transferred_to"))))
    if data.view.escalations:
        rows.append(
            ("Uppmärksamma", "; ".join(ESCALATION_SV[e.value] for e in data.view.escalations))
        )
    return [para("Plats och tider", "h1"), field_table(rows, CONTENT_WIDTH)]


def _persons_part(data: SummaryInput) -> list[Flowable]:
    view = data.view
    rows: list[list[Flowable | str]] = []
    for buyer in view.buyers:
        person = buyer.person
        identity = person.get("personal_id") or f"född {person.get('date_of_birth')}"
        method = IDENTITY_METHOD_SV.get(str(person.get("identity_method")), "–")
        age = f", {buyer.age} år" if buyer.age is not None else ""
        rows.append(
            ["Misstänkt (köpare)", str(person.get("name")), f"{identity}{age}; id: {method}"]
        )
    for seller in view.sellers:
        age = seller.get("date_of_birth") or (
            f"uppskattad ålder {seller.get('estimated_age')}"
            if seller.get("estimated_age")
            else "ålder ej bedömd"
        )
        details = [str(age), f"medborgarskap {or_dash(seller.get('nationality'))}"]
        if seller.get("interpreter_needed"):
            details.append(f"tolk: {seller.get('interpreter_language')}")
        role = f"Säljare – {STANDING_SV[view.seller_standing.value]}, ej misstänkt"
        rows.append([role, str(seller.get("name")), "; ".join(details)])
    for witness in view.witnesses:
        rows.append(["Vittne", str(witness.get("name")), or_dash(witness.get("relation"))])
    if not rows:
        return [para("Personer", "h1"), para("Inga personer registrerade.")]
    widths = [42 * mm, 50 * mm, CONTENT_WIDTH - 92 * mm]
    return [para("Personer", "h1"), data_table(["Roll", "Namn", "Uppgifter"], rows, widths)]


def _buyer_part(data: SummaryInput, buyer: BuyerView, number: int) -> list[Flowable]:
    name = buyer.person.get("name")
    out: list[Flowable] = [para(f"Köpare {number}: {name}", "h1")]
    rows = []
    for element in buyer.elements:
        rows.append(
            [
                ELEMENT_SV.get(str(element.get("kind")), str(element.get("kind"))),
                when(element.get("at")),
                _who(data, element.get("observer")),
                SOURCE_SV.get(str(element.get("source")), or_dash(element.get("source"))),
                _element_detail(element),
            ]
        )
    widths = [36 * mm, 27 * mm, 34 * mm, 22 * mm, CONTENT_WIDTH - 119 * mm]
    if rows:
        out.append(data_table(["Moment", "Tid", "Iakttaget av", "Källa", "Uppgift"], rows, widths))
    else:
        out.append(para("Inga brottsmoment registrerade."))
    evaluation = buyer.evaluation
    missing = ", ".join(ELEMENT_SV[m.value].lower() for m in evaluation.missing) or "inget"
    facts: list[tuple[str, Flowable | str]] = [
        ("Bedömning", f"{OUTCOME_SV[evaluation.outcome.value]}; saknas för fullbordat: {missing}"),
        ("Brott och lagrum", provision(buyer.offence, evaluation.outcome)),
        (
            "Gärningsdag",
            f"{buyer.offence_date.isoformat()} (lagrummet i den lydelse som gällde då)",
        ),
    ]
    for notice in buyer.notices:
        given = notice.get("rights_given", {})
        rights = ", ".join(RIGHTS_SV.get(r, r) for r, yes in given.items() if yes)
        facts.append(
            (
                "Underrättelse om misstanke",
                f"{when(notice.get('at'))} av {_who(data, notice.get('by'))}; språk "
                f"{notice.get('language')}; rättigheter: {rights}",
            )
        )
    for hearing in buyer.hearings:
        facts.append(
            (
                "Förhör",
                f"{when(hearing.get('at'))} av {_who(data, hearing.get('by'))}, "
                f"{hearing.get('where')}",
            )
        )
    facts += _decision_facts(buyer)
    out += [Spacer(1, 2 * mm), field_table(facts, CONTENT_WIDTH)]
    return out


def _photos_part(data: SummaryInput) -> list[Flowable]:
    """Each photo with what it shows evidence of, when and by whom it was taken, and the
    SHA-256 it is stored and verified under in the vault (the picture stays there)."""
    if not data.photos:
        return []
    elements = {
        e.entity_id: (e, str(b.person.get("name", "")))
        for b in data.view.buyers
        for e in b.elements
    }
    rows: list[list[Flowable | str]] = []
    for photo in data.photos:
        element, buyer = elements.get(str(photo.get("element_id")), (None, ""))
        label = ELEMENT_SV.get(str(element.get("kind")), "") if element else "–"
        if photo.get("about") == "seizure":
            label = f"Beslag av pengarna ({label.lower()})"
        belongs = f"{label}, {buyer}" if buyer else label
        source = "kamera" if photo.get("source") == "camera" else "fil"
        kind = "JPEG" if photo.get("media_type") == "image/jpeg" else "PNG"
        picture = (
            f"{kind} {photo.get('width')}×{photo.get('height')}, "
            f"{int(photo.get('size', 0)) / 1024:.0f} kB, {source}; "
            f"{_who(data, photo.get('observer'))}"
        )
        digest = str(photo.get("sha256"))
        # In groups of 16, so that the column can wrap it; read back without the spaces.
        grouped = " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))
        rows.append([when(photo.get("taken_at")), belongs, picture, grouped])
    widths = [26 * mm, 44 * mm, 46 * mm, CONTENT_WIDTH - 116 * mm]
    return [
        para("Foton", "h1"),
        para(
            "Fotona finns krypterade i valvet och kontrolleras mot sin SHA-256, tagen när "
            "fotot bifogades."
        ),
        data_table(["Tagen", "Hör till", "Bild", "SHA-256"], rows, widths),
    ]


def _element_detail(element: Record) -> str:
    parts = []
    if element.get("what"):
        parts.append(str(element.get("what")))
    if element.get("amount"):
        currency = element.get("currency", "SEK")
        amount = int(element.get("amount"))
        parts.append(kr(amount) if currency == "SEK" else f"{amount} {currency}")
    seizure = element.get("seizure")
    if seizure:
        parts.append(f"i beslag: {kr(int(seizure['amount']))}, {seizure['record_number']}")
    if element.get("note"):
        parts.append(str(element.get("note")))
    return "; ".join(parts) or "–"


def _decision_facts(buyer: BuyerView) -> list[tuple[str, Flowable | str]]:
    decision = buyer.decision
    if decision is None:
        return [("Beslut", "Inget beslut registrerat.")]
    kind = DECISION_KIND_SV.get(str(decision.get("decision")), str(decision.get("decision")))
    facts: list[tuple[str, Flowable | str]] = [
        ("Beslut", f"{kind}; {decider(decision, capital=False)}, {when(decision.get('at'))}")
    ]
    if decision.get("sanction"):
        lines = sanction_lines(buyer.rules, sanction_of(decision))
        facts.append(
            (
                "Påföljd",
                f"{' + '.join(lines.penalty)}; brottsofferfondsavgift {kr(lines.fee_sek)}; "
                f"att betala {kr(lines.payable_sek)}; förverkande {kr(lines.forfeiture_sek)}",
            )
        )
    answer = buyer.answer
    facts.append(
        (
            "Den misstänktes svar",
            f"{ANSWER_SV.get(str(answer.get('answer')))}, {when(answer.get('at'))}"
            if answer
            else "Inget svar registrerat.",
        )
    )
    return facts


def _person_name(view: CaseView, person_id: str | None) -> str:
    for person in (*(b.person for b in view.buyers), *view.sellers, *view.witnesses):
        if person.entity_id == person_id:
            return str(person.get("name"))
    return "–"


def _support_part(data: SummaryInput) -> list[Flowable]:
    rows = []
    for offer in sorted(data.view.support, key=lambda s: str(s.get("offered_at"))):
        organisation = offer.get("organisation") or data.contacts.get(
            str(offer.get("contact_id")), "–"
        )
        rows.append(
            [
                _person_name(data.view, offer.get("person_id")),
                str(organisation),
                when(offer.get("offered_at")),
                _who(data, offer.get("offered_by")),
                SUPPORT_OUTCOME_SV.get(str(offer.get("outcome")), "–"),
            ]
        )
    out: list[Flowable] = [para("Stöd som erbjudits", "h1")]
    if not rows:
        return [*out, para("Inget stöd registrerat.")]
    widths = [34 * mm, 50 * mm, 27 * mm, 30 * mm, CONTENT_WIDTH - 141 * mm]
    header = ["Person", "Organisation", "Tid", "Av", "Utfall"]
    return [*out, data_table(header, rows, widths)]


def _checklist_part(data: SummaryInput) -> list[Flowable]:
    phases = {p.id: p.title_sv for p in load_checklist().phases}
    rows = []
    for state in data.checklist:
        subject = _person_name(data.view, state.subject_id) if state.subject_id else ""
        if state.done:
            how = "av registrerade uppgifter" if state.by_data else "bockad"
            if state.tick is not None:
                how += (
                    f" {when_logged(state.tick.created_at)} av {_who(data, state.tick.created_by)}"
                )
            status = f"✓ klar ({how})"
        else:
            status = "öppen" + (" – obligatorisk" if state.item.mandatory else "")
        text = f"{state.item.text_sv}" + (f" – {subject}" if subject else "")
        rows.append([phases.get(state.item.phase, state.item.phase), text, status])
    widths = [26 * mm, CONTENT_WIDTH - 86 * mm, 60 * mm]
    return [para("Checklista", "h1"), data_table(["Fas", "Punkt", "Status"], rows, widths)]


def _timeline_part(data: SummaryInput) -> list[Flowable]:
    view = data.view
    events: list[tuple[str, str]] = [(str(view.case.get("start")), "Tillslaget började")]
    for observation in view.observations:
        events.append((str(observation.get("at")), f"Anteckning: {observation.get('text')}"))
    for buyer in view.buyers:
        name = buyer.person.get("name")
        for element in buyer.elements:
            label = ELEMENT_SV.get(str(element.get("kind")), "")
            events.append((str(element.get("at")), f"{label} ({name})"))
        for notice in buyer.notices:
            events.append((str(notice.get("at")), f"Underrättelse om misstanke ({name})"))
        for decision in buyer.decisions:
            kind = DECISION_KIND_SV.get(str(decision.get("decision")), "")
            events.append((str(decision.get("at")), f"Beslut: {kind} ({name})"))
        for answer in buyer.answers:
            verdict = ANSWER_SV.get(str(answer.get("answer")), "")
            events.append((str(answer.get("at")), f"Svar: {verdict} ({name})"))
    for hearing in view.hearings:
        who = _person_name(view, hearing.get("person_id"))
        events.append((str(hearing.get("at")), f"Förhör ({who})"))
    for offer in view.support:
        who = _person_name(view, offer.get("person_id"))
        events.append((str(offer.get("offered_at")), f"Stöd erbjudet ({who})"))
    if view.case.get("end"):
        events.append((str(view.case.get("end")), "Tillslaget avslutades"))
    rows = [[when(at), what] for at, what in sorted(events, key=lambda e: e[0])]
    widths = [30 * mm, CONTENT_WIDTH - 30 * mm]
    return [para("Tidslinje", "h1"), data_table(["Tid", "Händelse"], rows, widths)]


def _verification_part(data: SummaryInput) -> list[Flowable]:
    stamp = data.stamp
    return [
        para("Kontroll mot valvet", "h1"),
        para(
            "Sammanställningen bygger på ärendets registrerade händelser. Den senaste händelsen "
            "som ändrade ärendet har kontrollsumman (SHA-256):"
        ),
        para(stamp.event_hash or "–", "cell_bold"),
        bullet(
            "Kontrollera valvets kedja och signaturer med kommandot  fieldapp verify  "
            "(--officer ID), och att kontrollsumman ovan finns i ärendets händelser."
        ),
        bullet(
            f"Sidfotens korta kontrollsumma ({stamp.short_hash}) och QR-koden ska stämma med "
            "denna. Har ärendet ändrats efter utskriften skiljer de sig: skriv då ut på nytt."
        ),
    ]
