"""The summary-penalty form the buyer signs at the scene, chosen by the law of the offence
date: from 2023-01-01 a förhandsgodkännande av strafföreläggande (RB 48:10), before that the
acceptance of a strafföreläggande with day-fines. Content per RB 48:6–8 (LEGAL.md §2.2).

The app never issues an order (LEGAL.md §2.4): it prints what a prosecutor or investigation
leader decided, and refuses, with the reason, whenever the law would not allow the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from fieldapp.documents.legal_text import (
    VICTIM_FUND_LAW,
    draft_description,
    provision,
    sanction_lines,
    sanction_of,
    seizures,
)
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.stamp import Stamp
from fieldapp.documents.styles import INK, TABLE_FONT, bullet, field_table, grid_style, para, rich
from fieldapp.documents.text import (
    DECIDER_ROLE_SV,
    DECISION_HOW_SV,
    IDENTITY_METHOD_SV,
    bold,
    kr,
    when,
)
from fieldapp.domain.evaluation import Outcome
from fieldapp.domain.procedure import DeciderRole, DecisionKind
from fieldapp.errors import InvalidInput
from fieldapp.legal.sanctions import check_summary_sanction, record_retention_years
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import BuyerView, CaseView

ADVANCE_TITLE = "Förhandsgodkännande av strafföreläggande"
ORDER_TITLE = "Godkännande av strafföreläggande"
MAX_DESCRIPTION = 4000


@dataclass(frozen=True)
class Signer:
    """The officer who prints the form and signs it with the suspect."""

    officer_id: str
    name: str


def build_approval(
    view: CaseView,
    buyer_id: str,
    stamp: Stamp,
    signer: Signer,
    *,
    printed_at: datetime,
    description: str | None = None,
) -> bytes:
    """The form as PDF bytes, or ``InvalidInput`` saying why it may not be printed.

    ``description`` replaces the drafted description of the act (the officer edited it).
    """
    buyer = _buyer(view, buyer_id)
    decision = _lawful_decision(view, buyer)
    text = _description(view, buyer, description)
    advance = buyer.rules.advance_approval
    title = ADVANCE_TITLE if advance else ORDER_TITLE
    story: list[Flowable] = [
        para(title, "title"),
        para(
            "enligt 48 kap. 10 § rättegångsbalken – upprättad av polisen efter beslut"
            if advance
            else "enligt 48 kap. rättegångsbalken – dagsböter och/eller villkorlig dom",
            "subtitle",
        ),
        *_decision_part(decision, advance),
        *_suspect_part(buyer),
        para("3. Gärning", "h1"),
        para(text),
        para("4. Lagrum", "h1"),
        para(provision(buyer.offence, buyer.evaluation.outcome)),
        para(
            f"Gärningsdag {buyer.offence_date.isoformat()}; regler enligt {buyer.rules.id}.",
            "small",
        ),
        *_sanction_part(view, buyer, decision),
        *_acceptance_part(buyer, decision, advance),
        *_signatures(signer, advance),
    ]
    setup = PageSetup(
        title=title,
        stamp=stamp,
        footer_note=f"Utskriven {printed_at.strftime('%Y-%m-%d %H:%M')} av "
        f"{signer.name} ({signer.officer_id}). Kopia till den misstänkte (RB 48:8).",
    )
    # The metadata names the kind of paper only: a file's properties travel further than its
    # pages (previews, indexes, mail), and must never carry the suspect's name.
    return build_pdf(setup, story, subject=title)


# -- refusals -------------------------------------------------------------------------------


def _buyer(view: CaseView, buyer_id: str) -> BuyerView:
    buyer = view.buyer(buyer_id)
    if buyer is None:
        raise InvalidInput("Buyer: no such buyer in this case.", field="buyer_id")
    return buyer


def _lawful_decision(view: CaseView, buyer: BuyerView) -> Record:
    """The decision the form prints, after every check the law asks of it."""
    decision = buyer.decision
    if decision is None:
        raise InvalidInput(
            "Decision: no decision by a prosecutor or investigation leader is recorded for "
            "this buyer; record it before printing the approval form.",
            field="decision",
        )
    kind = DecisionKind(decision.get("decision"))
    if kind not in (DecisionKind.ADVANCE_APPROVAL, DecisionKind.SUMMARY_ORDER):
        raise InvalidInput(
            f"Decision: the recorded decision is {kind.value.replace('_', ' ')}, not a summary "
            "penalty order; there is no form to sign.",
            field="decision",
        )
    if view.child_case:
        child = buyer.rules.child_offence
        raise InvalidInput(
            f"Decision: no summary penalty order in a child case ({child.name_sv}, "
            f"{child.section}); the case goes to the prosecutor.",
            field="decision",
        )
    rules = buyer.rules
    if rules.advance_approval:
        if buyer.age is None or buyer.age < rules.advance_approval_min_age:
            raise InvalidInput(
                "Decision: advance approval (RB 48:10) is never possible for a suspect under "
                f"{rules.advance_approval_min_age} or of unknown age.",
                field="decision",
            )
    elif decision.get("decider_role") != DeciderRole.PROSECUTOR.value:
        raise InvalidInput(
            "Decision: before 2023 only a prosecutor could issue a summary penalty order; "
            "the recorded decision is an investigation leader's.",
            field="decision",
        )
    # Checked again at printing: a corrected element time can move the offence date, and
    # with it the law, after the decision was recorded.
    check_summary_sanction(
        rules, sanction_of(decision), child_offence=view.child_case, suspect_age=buyer.age
    )
    return decision


def _description(view: CaseView, buyer: BuyerView, override: str | None) -> str:
    if override is not None and override.strip():
        if len(override) > MAX_DESCRIPTION:
            raise InvalidInput(
                f"Description: at most {MAX_DESCRIPTION} characters.", field="description"
            )
        return override.strip()
    if buyer.evaluation.outcome is Outcome.NOT_ENOUGH:
        raise InvalidInput(
            "Description: the recorded elements show neither an offence nor an attempt; record "
            "them or write the description of the act.",
            field="description",
        )
    return draft_description(view, buyer)


# -- parts ----------------------------------------------------------------------------------


def _decision_part(decision: Record, advance: bool) -> list[Flowable]:
    role = DECIDER_ROLE_SV.get(str(decision.get("decider_role")), "–")
    rows: list[tuple[str, Flowable | str]] = [
        ("Beslutsfattare", f"{role.capitalize()} {decision.get('decided_by')}"),
        ("Beslut fattat", when(decision.get("at"))),
        ("Hur beslutet togs emot", DECISION_HOW_SV.get(str(decision.get("how")), "–")),
    ]
    if decision.get("note"):
        rows.append(("Anteckning", str(decision.get("note"))))
    heading = "1. Beslut" if advance else "1. Utfärdat av åklagare"
    return [para(heading, "h1"), field_table(rows, CONTENT_WIDTH)]


def _identity(person: Record) -> str:
    if person.get("personal_id"):
        kind = (
            "Samordningsnummer" if person.get("id_kind") == "samordningsnummer" else "Personnummer"
        )
        return f"{kind} {person.get('personal_id')}"
    doc = person.get("foreign_id") or {}
    parts = [f"Född {person.get('date_of_birth')}"]
    if doc:
        parts.append(f"{doc.get('document')} nr {doc.get('number')} ({doc.get('country', '–')})")
    return ", ".join(parts)


def _suspect_part(buyer: BuyerView) -> list[Flowable]:
    person = buyer.person
    method = IDENTITY_METHOD_SV.get(str(person.get("identity_method")), "–")
    if person.get("identity_note"):
        method = f"{method}: {person.get('identity_note')}"
    rows: list[tuple[str, Flowable | str]] = [
        ("Namn", str(person.get("name"))),
        ("Identitet", _identity(person)),
        ("Identiteten fastställd genom", method),
    ]
    if person.get("address"):
        rows.append(("Adress", str(person.get("address"))))
    return [para("2. Den misstänkte", "h1"), field_table(rows, CONTENT_WIDTH)]


def _sanction_part(view: CaseView, buyer: BuyerView, decision: Record) -> list[Flowable]:
    rules = buyer.rules
    lines = sanction_lines(rules, sanction_of(decision))
    money = seizures(buyer)
    forfeiture = (
        f"{kr(lines.forfeiture_sek)} förklaras förverkade"
        + (f": beslagtagna pengar {', '.join(money)}" if money else "")
        if lines.forfeiture_sek
        else "Inget förverkande"
    )
    rows = [
        [para("Påföljd", "label"), rich("<br/>".join(bold(p) for p in lines.penalty), "cell")],
        [para("Böter", "label"), para(kr(lines.fine_total_sek), "cell")],
        [
            para("Avgift till brottsofferfonden", "label"),
            para(f"{kr(lines.fee_sek)} enligt {VICTIM_FUND_LAW}", "cell"),
        ],
        [para("Att betala totalt", "label"), rich(bold(kr(lines.payable_sek)), "cell")],
        [para("Förverkande", "label"), para(forfeiture, "cell")],
        [para("Enskilt anspråk", "label"), para("Inget enskilt anspråk framställt.", "cell")],
    ]
    table = Table(rows, colWidths=[42 * mm, CONTENT_WIDTH - 42 * mm])
    table.setStyle(grid_style(header=False))
    return [para("5. Påföljd och särskilda rättsverkningar", "h1"), table]


def _acceptance_part(buyer: BuyerView, decision: Record, advance: bool) -> list[Flowable]:
    sanction = sanction_of(decision)
    under_18 = buyer.age is not None and buyer.age < 18
    years = record_retention_years(buyer.rules, sanction, under_18_at_offence=under_18)
    if advance:
        steps = [
            "Du godkänner genom att skriva under nedan. Du bestämmer själv om du vill göra det.",
            "Efter ditt godkännande utfärdar åklagaren strafföreläggandet med detta innehåll. "
            "Det gäller då som en dom som har vunnit laga kraft och kan inte överklagas.",
            "Skulle åklagarens strafföreläggande skilja sig från det du godkänt här, måste du "
            "godkänna det på nytt.",
            "Skriver du inte under prövar åklagaren om åtal ska väckas. Saken avgörs då av "
            "domstol.",
        ]
    else:
        steps = [
            "Du kan godkänna strafföreläggandet direkt genom att skriva under nedan. Du "
            "bestämmer själv om du vill göra det.",
            "Ett godkänt strafföreläggande gäller som en dom som har vunnit laga kraft och kan "
            "inte överklagas.",
            "Godkänner du inte kan åklagaren väcka åtal. Saken avgörs då av domstol.",
        ]
    steps.append(
        "Böter och avgift betalas när du fått en faktura från Polismyndigheten. Betalar du "
        "inte i tid kan skulden lämnas till Kronofogden."
    )
    return [
        para("6. Så godkänner du – och om du inte gör det", "h1"),
        *[bullet(s) for s in steps],
        para("7. Belastningsregistret", "h1"),
        para(
            "Ett godkänt strafföreläggande förs in i belastningsregistret. Uppgiften tas bort "
            f"{years} år efter dagen för godkännandet."
        ),
    ]


def _signatures(signer: Signer, advance: bool) -> list[Flowable]:
    declaration = (
        "Jag erkänner gärningen och godkänner i förväg det strafföreläggande som åklagaren "
        "utfärdar med den påföljd och de rättsverkningar som anges ovan."
        if advance
        else "Jag erkänner gärningen och godkänner strafföreläggandet med den påföljd och de "
        "rättsverkningar som anges ovan."
    )
    gap = 10 * mm
    column = (CONTENT_WIDTH - gap) / 2
    officer = f"{signer.name}, {signer.officer_id}"
    # Each label sits under a ruled line to write on; the blank rows give the pen room.
    rows = [
        [para("Den misstänkte", "h2"), "", para("Polisen", "h2")],
        ["", "", ""],
        [para("Ort och datum", "label"), "", para("Ort och datum", "label")],
        ["", "", ""],
        [para("Underskrift", "label"), "", para("Underskrift", "label")],
        ["", "", para(officer, "cell")],
        [para("Namnförtydligande", "label"), "", para("Namnförtydligande", "label")],
    ]
    table = Table(
        rows,
        colWidths=[column, gap, column],
        rowHeights=[None, 9 * mm, None, 11 * mm, None, 8 * mm, None],
    )
    table.setStyle(
        [
            TABLE_FONT,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LINEABOVE", (0, 2), (0, 2), 0.7, INK),
            ("LINEABOVE", (2, 2), (2, 2), 0.7, INK),
            ("LINEABOVE", (0, 4), (0, 4), 0.7, INK),
            ("LINEABOVE", (2, 4), (2, 4), 0.7, INK),
            ("LINEABOVE", (0, 6), (0, 6), 0.7, INK),
            ("LINEABOVE", (2, 6), (2, 6), 0.7, INK),
        ]
    )
    return [
        KeepTogether(
            [
                para("8. Underskrifter", "h1"),
                rich(bold(declaration)),
                Spacer(1, 2 * mm),
                table,
                Spacer(1, 3 * mm),
                para("☐ Den misstänkte har fått en kopia av detta dokument.", "body"),
            ]
        )
    ]
