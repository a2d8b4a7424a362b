"""Swedish legal wording shared by the approval form and the case summary: the provision in
full words, the sanction as lines with amounts, the act's description drafted from the
recorded elements. Derived from the rule set of the offence date, never typed per case."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldapp.documents.text import DECIDER_ROLE_SV, SOURCE_SV, clock, kr, number
from fieldapp.domain.evaluation import ElementKind, Outcome
from fieldapp.legal.rules import Offence, RuleSet
from fieldapp.legal.sanctions import Sanction, fine_total_sek, total_payable_sek
from fieldapp.storage.records import Record
from fieldapp.workflow.case_view import BuyerView, CaseView

_SECTION = re.compile(r"^BrB (\d+):(\d+)$")
_ATTEMPT = "försök, 6 kap. 15 § och 23 kap. 1 § brottsbalken"
VICTIM_FUND_LAW = "lagen (1994:419) om brottsofferfond"


def section_words(section: str) -> str:
    """``BrB 6:11`` → ``6 kap. 11 § brottsbalken``; anything else is printed as it is."""
    match = _SECTION.match(section)
    return f"{match[1]} kap. {match[2]} § brottsbalken" if match else section


def provision(offence: Offence, outcome: Outcome) -> str:
    text = f"{offence.name_sv}, {section_words(offence.section)}"
    # An attempt is punishable through 6:15 with the general rule on attempt in 23:1.
    return f"{text}; {_ATTEMPT}" if outcome is Outcome.ATTEMPT else text


def decider(decision: Record, *, capital: bool = True) -> str:
    """``Åklagare Ida Påhittad``; a name typed with its title (``Kammaråklagare Ida …``) is
    printed as typed, not as ``Åklagare Kammaråklagare Ida …``."""
    name = str(decision.get("decided_by") or "–")
    role = DECIDER_ROLE_SV.get(str(decision.get("decider_role")), "")
    lowered = name.lower()
    titled = role and (role in lowered or "åklagare" in lowered or "ful" in lowered.split())
    if titled or not role:
        return name
    return f"{role.capitalize() if capital else role} {name}"


def sanction_of(decision: Record) -> Sanction:
    raw: Mapping[str, Any] = decision.get("sanction") or {}
    return Sanction(
        conditional_sentence=bool(raw.get("conditional_sentence")),
        day_fines=raw.get("day_fines"),
        day_fine_amount_sek=raw.get("day_fine_amount_sek"),
        forfeiture_sek=int(raw.get("forfeiture_sek", 0)),
    )


@dataclass(frozen=True)
class SanctionLines:
    """The sanction as printed: what, how much, and the sums a reader checks."""

    penalty: tuple[str, ...]
    fine_total_sek: int
    fee_sek: int
    payable_sek: int
    forfeiture_sek: int


def sanction_lines(rules: RuleSet, sanction: Sanction) -> SanctionLines:
    penalty = []
    if sanction.conditional_sentence:
        penalty.append("Villkorlig dom")
    if sanction.day_fines is not None and sanction.day_fine_amount_sek is not None:
        penalty.append(
            f"{number(sanction.day_fines)} dagsböter à {kr(sanction.day_fine_amount_sek)}"
            f" = {kr(fine_total_sek(sanction))}"
        )
    return SanctionLines(
        penalty=tuple(penalty),
        fine_total_sek=fine_total_sek(sanction),
        fee_sek=rules.victim_fund_fee_sek,
        payable_sek=total_payable_sek(rules, sanction),
        forfeiture_sek=sanction.forfeiture_sek,
    )


def seizures(buyer: BuyerView) -> list[str]:
    """The seized money, as ``1 500 kr (beslag 2026-5000-BG123)``."""
    out = []
    for element in buyer.elements:
        seizure = element.get("seizure")
        if element.get("seized") and seizure:
            out.append(f"{kr(int(seizure['amount']))} (beslag {seizure['record_number']})")
    return out


def _place(view: CaseView) -> str:
    case = view.case.data
    parts = [case.get("place_name"), case.get("address")]
    if case.get("room"):
        parts.append(f"rum {case['room']}")
    parts.append(case.get("municipality"))
    return ", ".join(p for p in parts if p)


def _element_sentence(element: Record) -> str:
    kind = element.get("kind")
    at = clock(element.get("at"))
    source = SOURCE_SV.get(str(element.get("source")), str(element.get("source")))
    amount = element.get("amount")
    money = f"{kr(int(amount))}" if element.get("currency", "SEK") == "SEK" and amount else None
    if money is None and amount:
        money = f"{number(int(amount))} {element.get('currency')}"
    if kind == "agreement":
        return f"Kl. {at} träffades en överenskommelse om {element.get('what')} ({source})."
    if kind == "stated_price":
        what = f" för {element.get('for_what')}" if element.get("for_what") else ""
        return f"Priset angavs till {money}{what} ({source})."
    if kind == "payment_handed_over":
        return f"Kl. {at} överlämnades {money} som ersättning ({source})."
    return f"Kl. {at} hade den sexuella handlingen påbörjats ({source})."


def draft_description(view: CaseView, buyer: BuyerView) -> str:
    """The act in plain Swedish from the recorded elements (RB 48:6 p3: time, place, the
    circumstances that identify it). The officer may replace it before printing.

    The wording follows the facts the completion rule used: only a recorded "act begun"
    lets it say that a sexual relation was obtained."""
    first = buyer.elements[0].get("at") if buyer.elements else view.case.get("start")
    moment = datetime.fromisoformat(first)
    name = buyer.person.get("name")
    act_begun = any(e.get("kind") == ElementKind.ACT_BEGUN.value for e in buyer.elements)
    if buyer.evaluation.outcome is Outcome.COMPLETED and act_begun:
        act = f"skaffade sig {name} en tillfällig sexuell förbindelse mot ersättning"
    elif buyer.evaluation.outcome is Outcome.COMPLETED:
        # Completed by the county practice on agreement, price and payment: the facts do not
        # say that a sexual act took place, so the description must not say so either.
        act = (
            f"kom {name} överens om en tillfällig sexuell förbindelse mot ersättning och "
            "överlämnade ersättningen"
        )
    else:
        act = (
            f"försökte {name} skaffa sig en tillfällig sexuell förbindelse mot ersättning; "
            "gärningen fullbordades inte"
        )
    opening = (
        f"Den {moment.strftime('%Y-%m-%d')} omkring kl. {moment.strftime('%H:%M')} "
        f"på {_place(view)} {act}."
    )
    details = " ".join(_element_sentence(e) for e in buyer.elements)
    return f"{opening} {details}".strip()
