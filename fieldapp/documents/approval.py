"""The summary-penalty form the buyer signs at the scene. Its title, legal basis and wording
follow the recorded decision's kind and the offence date (``resources/forms/approval.toml``):
a förhandsgodkännande av strafföreläggande (RB 48:10, from 2023-01-01) or the acceptance of a
prosecutor's strafföreläggande. Content per RB 48:6–8 (LEGAL.md §2.2).

The sanction, the acceptance text and the signatures are kept on one page, so the signed page
always shows what was signed; every page carries the suspect's initials box, the form's id
and version and the case's last-event hash.

The app never issues an order (LEGAL.md §2.4): it prints what a prosecutor or investigation
leader decided, and refuses, with the reason, whenever the law would not allow the form.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from fieldapp.documents.leaflet_texts import load_leaflet_texts
from fieldapp.documents.leaflets import marks
from fieldapp.documents.legal_text import (
    VICTIM_FUND_LAW,
    decider,
    draft_description,
    provision,
    sanction_lines,
    sanction_of,
    seizures,
)
from fieldapp.documents.page import CONTENT_WIDTH, PageSetup, build_pdf
from fieldapp.documents.signature_block import SignatureBlock
from fieldapp.documents.stamp import Stamp
from fieldapp.documents.styles import (
    bullet,
    field_table,
    para,
    rich,
)
from fieldapp.documents.text import (
    DECISION_HOW_SV,
    ELEMENT_SV,
    IDENTITY_METHOD_SV,
    LANGUAGE_SV,
    SHAPED_LANGUAGES,
    SOURCE_SV,
    bold,
    clock,
    kr,
    when,
)
from fieldapp.domain.evaluation import COMPLETION_ELEMENTS, CompletionRule, Outcome
from fieldapp.domain.procedure import DeciderRole, DecisionKind
from fieldapp.errors import InvalidInput, coded
from fieldapp.legal.sanctions import (
    advance_approval_allowed,
    check_summary_sanction,
    record_retention_years,
)
from fieldapp.paths import resource
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import BuyerView, CaseView

MAX_DESCRIPTION = 4000
# BrB 27:3: the prövotid of a villkorlig dom is two years (LEGAL.md §1.3).
PROBATION_YEARS = 2


@dataclass(frozen=True)
class Wording:
    """The form's words for one decision kind from one date."""

    decision: str
    valid_from: date
    title: str
    basis: str
    subtitle: str
    issuer_heading: str
    declaration: str


@cache
def _forms() -> dict[str, object]:
    data: dict[str, object] = tomllib.loads(resource("forms", "approval.toml").read_text("utf-8"))
    return data


def form_identity() -> str:
    """``Blankett IS-SF, version 2026-2``: printed on every page."""
    forms = _forms()
    return f"Blankett {forms['form_id']}, version {forms['version']}"


def wording(kind: DecisionKind, offence_date: date) -> Wording | None:
    """The wording for ``kind`` on ``offence_date``; None if the kind had no form then."""
    entries = [Wording(**w) for w in _forms()["wording"]]  # type: ignore[attr-defined]
    fitting = [w for w in entries if w.decision == kind.value and w.valid_from <= offence_date]
    return max(fitting, key=lambda w: w.valid_from, default=None)


ADVANCE_TITLE = "Förhandsgodkännande av strafföreläggande"
ORDER_TITLE = "Strafföreläggande – godkännande"


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
    authority: str | None = None,
    info_language: str | None = None,
) -> bytes:
    """The form as PDF bytes, or ``InvalidInput`` saying why it may not be printed.

    ``description`` replaces the drafted description of the act (the officer edited it);
    ``authority`` is the police authority's name from the county profile; ``info_language``
    (a leaflet language other than Swedish) adds a last page explaining the form in that
    language, marked as an information translation: the form itself stays Swedish.
    """
    buyer = _buyer(view, buyer_id)
    decision = _lawful_decision(view, buyer)
    text = _description(view, buyer, description)
    kind = DecisionKind(decision.get("decision"))
    words = wording(kind, buyer.offence_date)
    if words is None:  # _lawful_decision refuses these first; kept as a guard for new data
        raise InvalidInput(
            coded(
                "decision_not_summary",
                f"Decision: there is no form for {kind.value.replace('_', ' ')} on "
                f"{buyer.offence_date.isoformat()}.",
                kind=kind.value,
            ),
            field="decision",
        )
    advance = kind is DecisionKind.ADVANCE_APPROVAL
    story: list[Flowable] = [
        para(words.title, "title"),
        para(f"{words.subtitle} ({words.basis})", "subtitle"),
        _form_head(view, authority),
        *_decision_part(decision, words),
        *_suspect_part(buyer),
        para("3. Gärning", "h1"),
        para(text),
        para("4. Lagrum och bedömning", "h1"),
        para(provision(buyer.offence, buyer.evaluation.outcome)),
        *_completion_part(buyer),
        KeepTogether(
            [
                *_sanction_part(view, buyer, decision),
                *_acceptance_part(buyer, decision, advance),
                *_signatures(signer, words),
            ]
        ),
        *_information_page(info_language),
    ]
    setup = PageSetup(
        title=words.title,
        stamp=stamp,
        footer_note=f"{form_identity()}. Utskriven {printed_at.strftime('%Y-%m-%d %H:%M')} "
        f"av {signer.name}. Kopia till den misstänkte (RB 48:8). "
        "Den misstänktes initialer: ________",
    )
    # The metadata names the kind of paper only: a file's properties travel further than its
    # pages (previews, indexes, mail), and must never carry the suspect's name.
    return build_pdf(setup, story, subject=words.title)


# -- refusals -------------------------------------------------------------------------------


def _buyer(view: CaseView, buyer_id: str) -> BuyerView:
    buyer = view.buyer(buyer_id)
    if buyer is None:
        raise InvalidInput(
            coded("no_such_buyer", "Buyer: no such buyer in this case."), field="buyer_id"
        )
    return buyer


def _lawful_decision(view: CaseView, buyer: BuyerView) -> Record:
    """The decision the form prints, after every check the law asks of it."""
    decision = buyer.decision
    if decision is None:
        raise InvalidInput(
            coded(
                "decision_missing",
                "Decision: no decision by a prosecutor or investigation leader is recorded for "
                "this buyer; record it before printing the approval form.",
            ),
            field="decision",
        )
    kind = DecisionKind(decision.get("decision"))
    if kind not in (DecisionKind.ADVANCE_APPROVAL, DecisionKind.SUMMARY_ORDER):
        raise InvalidInput(
            coded(
                "decision_not_summary",
                f"Decision: the recorded decision is {kind.value.replace('_', ' ')}, not a "
                "summary penalty order; there is no form to sign.",
                kind=kind.value,
            ),
            field="decision",
        )
    if view.child_case:
        child = buyer.rules.child_offence
        raise InvalidInput(
            coded(
                "summary_order_child_case",
                f"Decision: no summary penalty order in a child case ({child.name_sv}, "
                f"{child.section}); the case goes to the prosecutor.",
                section=child.section,
            ),
            field="decision",
        )
    rules = buyer.rules
    if rules.advance_approval:
        if not advance_approval_allowed(rules, buyer.age):  # the decision step's rule too
            raise InvalidInput(
                coded(
                    "advance_approval_age",
                    "Decision: advance approval (RB 48:10) is never possible for a suspect "
                    f"under {rules.advance_approval_min_age} or of unknown age.",
                    age=rules.advance_approval_min_age,
                ),
                field="decision",
            )
    elif decision.get("decider_role") != DeciderRole.PROSECUTOR.value:
        raise InvalidInput(
            coded(
                "summary_order_by_prosecutor",
                "Decision: before 2023 only a prosecutor could issue a summary penalty order; "
                "the recorded decision is an investigation leader's.",
            ),
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
                coded(
                    "too_long",
                    f"Description: at most {MAX_DESCRIPTION} characters.",
                    limit=MAX_DESCRIPTION,
                ),
                field="description",
            )
        return override.strip()
    if buyer.evaluation.outcome is Outcome.NOT_ENOUGH:
        raise InvalidInput(
            coded(
                "description_required",
                "Description: the recorded elements show neither an offence nor an attempt; "
                "record them or write the description of the act.",
            ),
            field="description",
        )
    return draft_description(view, buyer)


# -- parts ----------------------------------------------------------------------------------


def _form_head(view: CaseView, authority: str | None) -> Table:
    number = view.case.get("police_case_number")
    rows: list[tuple[str, Flowable | str]] = [
        ("Myndighet", authority or "Polismyndigheten"),
        ("Diarienummer (K-nummer)", str(number) if number else "____________________"),
    ]
    return field_table(rows, CONTENT_WIDTH)


def _decision_part(decision: Record, words: Wording) -> list[Flowable]:
    rows: list[tuple[str, Flowable | str]] = [
        ("Beslutsfattare", decider(decision)),
        ("Beslut fattat", when(decision.get("at"))),
        ("Hur beslutet togs emot", DECISION_HOW_SV.get(str(decision.get("how")), "–")),
    ]
    if decision.get("note"):
        rows.append(("Anteckning", str(decision.get("note"))))
    return [para(f"1. {words.issuer_heading}", "h1"), field_table(rows, CONTENT_WIDTH)]


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
    rows.append(("Formuläret förklarat på", _explained_in(buyer)))
    return [para("2. Den misstänkte", "h1"), field_table(rows, CONTENT_WIDTH)]


def _explained_in(buyer: BuyerView) -> str:
    """The language the form was explained in, and the interpreter's name to write in."""
    person = buyer.person
    notice_language = next((n.get("language") for n in buyer.notices if n.get("language")), None)
    if person.get("interpreter_needed"):
        code = str(person.get("interpreter_language") or person.get("language") or "")
        name = LANGUAGE_SV.get(code, code or "__________")
        return f"{name}, genom tolk (namn): ______________________________"
    code = str(notice_language or person.get("language") or "sv")
    return LANGUAGE_SV.get(code, code)


def _completion_part(buyer: BuyerView) -> list[Flowable]:
    """Which rule made the offence completed (or an attempt), and the facts it rests on."""
    rule = buyer.evaluation.rule
    outcome = buyer.evaluation.outcome
    rule_text = {
        CompletionRule.COUNTY_PRACTICE: "länets praxis: överenskommelse, angivet pris och "
        "överlämnad betalning ger fullbordat brott",
        CompletionRule.ACT_BEGUN_REQUIRED: "den sexuella handlingen ska ha påbörjats för "
        "fullbordat brott",
    }[rule]
    verdict = {
        Outcome.COMPLETED: "fullbordat brott",
        Outcome.ATTEMPT: "försök",
        Outcome.NOT_ENOUGH: "omständigheterna räcker inte för försök",
    }[outcome]
    needed = COMPLETION_ELEMENTS[rule]
    facts = [
        f"{ELEMENT_SV.get(str(e.get('kind')), str(e.get('kind'))).lower()} kl. {clock(e.get('at'))}"
        f" ({SOURCE_SV.get(str(e.get('source')), str(e.get('source')))})"
        for e in buyer.elements
    ]
    missing = [ELEMENT_SV[k.value].lower() for k in needed if k in buyer.evaluation.missing]
    lines = [
        f"Bedömning: {bold(verdict)}, enligt regeln om fullbordan i {rule_text}.",
        "Omständigheter: " + ("; ".join(facts) if facts else "inga registrerade") + ".",
    ]
    if missing and outcome is not Outcome.COMPLETED:
        lines.append("Saknas för fullbordat brott: " + ", ".join(missing) + ".")
    # The rule set's start date is where any rule last changed (the 2020 file concerns 6:9
    # only), not when this provision got its wording: the offence date says which applies.
    lines.append(
        f"Gärningsdag {buyer.offence_date.isoformat()}; lagrummet i den lydelse som gällde då."
    )
    return [rich("<br/>".join(lines), "small")]


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
    penalty = [bold(p) for p in lines.penalty]
    if sanction_of(decision).conditional_sentence:
        penalty.append(f"Prövotid {PROBATION_YEARS} år (27 kap. 3 § brottsbalken)")
    rows: list[tuple[str, Flowable | str]] = [
        ("Påföljd", rich("<br/>".join(penalty), "cell")),
        ("Böter", kr(lines.fine_total_sek)),
        ("Avgift till brottsofferfonden", f"{kr(lines.fee_sek)} enligt {VICTIM_FUND_LAW}"),
        ("Att betala totalt", rich(bold(kr(lines.payable_sek)), "cell")),
        ("Förverkande", forfeiture),
        ("Enskilt anspråk", "Inget enskilt anspråk framställt."),
    ]
    return [
        para("5. Påföljd och särskilda rättsverkningar", "h1"),
        field_table(rows, CONTENT_WIDTH),
    ]


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
            "Du kan också godkänna det senare, senast den ____________ (den tid åklagaren "
            "bestämt, 48 kap. 7 § rättegångsbalken), på det sätt åklagaren anger.",
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


def _information_page(language: str | None) -> list[Flowable]:
    if language is None or language == "sv":
        return []
    texts = load_leaflet_texts(language)  # InvalidInput listing the languages if unknown
    shaped = texts.language in SHAPED_LANGUAGES
    info = texts.approval_info
    return [
        PageBreak(),
        *marks(texts, example=False, extra=(info.mark,)),
        para(info.title, "h1", shaped=shaped),
        *[para(p, "large", shaped=shaped) for p in info.paragraphs],
    ]


def _signatures(signer: Signer, words: Wording) -> list[Flowable]:
    return [
        para("8. Underskrifter", "h1"),
        rich(bold(words.declaration)),
        Spacer(1, 2 * mm),
        SignatureBlock(signer.name, CONTENT_WIDTH),
        Spacer(1, 3 * mm),
        para("☐ Den misstänkte har fått en kopia av detta dokument.", "body"),
    ]
