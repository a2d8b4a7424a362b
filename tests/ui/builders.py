"""A small operation for the screen tests, with invented names of its own (not the demo's):
a test that asserts a name, a room or a count finds them here, next to where they are made,
and a change to the demo cannot break it.

Four cases through the real workflow on the test's own vault: an attempt, a completed
offence with an advance approval, a child case and a seller with trafficking indicators;
the county's directory, with the companies that got the information sheet; and one ad.
``build_ad_register`` adds, for the Ads section's tests, more ads (one by the same number
written another way, two near-identical texts by different numbers) and a tip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldapp.ads import register
from fieldapp.storage.session import Session
from fieldapp.workflow import cases, directory, evidence, persons, tips
from fieldapp.workflow.context import Context
from tests.documents.scenarios import (
    BUYER,
    SELLER,
    Clock,
    lawful_decision,
    new_operation,
    open_hotel_case,
    record_buyer,
    record_seller,
)

OPERATION_NAME = "Provinsats Ugglan"
ATTEMPT = "Hotell Tallkotten"
ATTEMPT_ROOM = "418"
ATTEMPT_PRICE = 1500
COMPLETED = "Pensionat Vitsippan"
COMPLETED_ROOM = "22"
COMPLETED_BUYER = "Gustav Provkvist"
COMPLETED_NOTE = "Köparen godtog förhandsgodkännandet i korridoren."
CHILD = "Hotell Blåklockan"
TRAFFICKING = "Motell Grankotten"
# One ad mapped before the raid (a number of the range PTS keeps for fiction).
AD_TITLE = "Stina – ny i Västerås"
AD_TEXT = f"{AD_TITLE}\nBesök på hotell, diskret. 1 h 1 800 kr. Ring 070-174 06 90."
AD_URL = "https://annonser.example/prov/77"
# No address given at the scene: a field the tests type into.
NO_ADDRESS = {k: v for k, v in BUYER.items() if k != "address"}
# The county's outreach directory: (name, kind, municipality, handed the information sheet).
COMPANIES = (
    (ATTEMPT, "hotel", "Västerås", True),
    (COMPLETED, "hotel", "Västerås", True),
    (CHILD, "hotel", "Köping", False),
    ("Taxi Provbilen AB", "taxi", "Västerås", True),
)
HOTELS_INFORMED = 2  # the taxi company is informed but is no hotel
# The raid's evening: in the past, under the law that allows advance approval; in this
# machine's zone, as the app's own clock gives times (the forms show them in it).
RAID = datetime(2026, 5, 14, 21, 30).astimezone()


@dataclass(frozen=True)
class SmallOperation:
    operation_id: str
    case_ids: dict[str, str]  # place name → case id
    ad_id: str

    def case(self, place: str) -> str:
        return self.case_ids[place]


def build_small_operation(session: Session) -> SmallOperation:
    """The operation, its ad, directory and four cases, written with ``session`` (left
    unlocked)."""
    clock = Clock(RAID)
    ctx = Context(session, clock)
    operation_id = new_operation(ctx, "2026-05-13", "2026-05-17", name=OPERATION_NAME)
    found = register.capture(ctx, operation_id, AD_TEXT, url=AD_URL, site="annonser.example")
    ad_id = register.register_ad(ctx, operation_id, found.fields).entity_id
    for name, kind, municipality, informed in COMPANIES:
        data = {"name": name, "kind": kind, "county": "vastmanland", "municipality": municipality}
        company_id = directory.add_company(ctx, data).entity_id
        if informed:
            directory.deliver_sheet(ctx, operation_id, company_id, {"copies": 2})
    made: dict[str, str] = {}

    # Agreement and price, no payment seen: an attempt. The buyer's income sets the day-fine
    # amount (480 000 kr, two children: 420 kr).
    case_id = open_hotel_case(ctx, operation_id, place_name=ATTEMPT, room=ATTEMPT_ROOM)
    persons.add_seller(ctx, case_id, {"name": "Siv (alias)", "estimated_age": 28, "language": "sv"})
    income = {"annual_income_sek": 480_000, "children_supported": 2}
    buyer = persons.add_buyer(ctx, case_id, BUYER | {"name": "Olle Provare", "income": income})
    agreement = {"source": "overheard", "what": "samlag"}
    evidence.record_element(ctx, case_id, buyer.entity_id, "agreement", agreement)
    price = {"source": "ad", "amount": ATTEMPT_PRICE}
    evidence.record_element(ctx, case_id, buyer.entity_id, "stated_price", price)
    made[ATTEMPT] = case_id
    clock.advance(30)

    # All three elements, notice, hearing, support and an advance approval: completed.
    case_id = open_hotel_case(ctx, operation_id, place_name=COMPLETED, room=COMPLETED_ROOM)
    record_seller(ctx, case_id)
    record_buyer(
        ctx,
        clock,
        case_id,
        {**NO_ADDRESS, "name": COMPLETED_BUYER},
        decision_data=lawful_decision(clock.now),
    )
    cases.add_observation(ctx, case_id, COMPLETED_NOTE)
    made[COMPLETED] = case_id
    clock.advance(30)

    # A seller estimated at 16: BrB 6:9.
    case_id = open_hotel_case(ctx, operation_id, place_name=CHILD, room="7")
    record_seller(ctx, case_id, SELLER | {"estimated_age": 16, "possibly_minor": True}, "declined")
    made[CHILD] = case_id
    clock.advance(30)

    # A seller with trafficking indicators.
    case_id = open_hotel_case(ctx, operation_id, place_name=TRAFFICKING, room="3")
    # She speaks Thai (a leaflet language not yet reviewed); no support offered yet.
    indicators = {"controlled_by_calls": "yes", "no_or_false_id": "yes"}
    thai = {"nationality": "TH", "language": "th", "interpreter_language": "th"}
    persons.add_seller(ctx, case_id, SELLER | thai | {"indicators": indicators})
    made[TRAFFICKING] = case_id
    return SmallOperation(operation_id, made, ad_id)


# The Ads section's register (``build_ad_register``), numbers from the fiction range: Stina
# again, her number written without spaces; an ad with a Swedish word to search for; two
# near-identical texts with different numbers (a same-advertiser proposal by the text).
AD_AGAIN_TITLE = "Stina igen"
AD_AGAIN = f"{AD_AGAIN_TITLE}\nNu i Köping, 30 min 1 200 kr. Sms 0701740690."
AD_FLAT = "Vera, lägenhet i Västerås\nEgen lägenhet nära centrum. 1 h 2 500 kr. Tel 070-174 06 93."
AD_NEAR = (
    "Lin, massage i Sala\nBara denna vecka, nära stationen.\n1 h 2 000 kr, halvtimme 1 200:-. "
)
AD_NEAR_NUMBERS = ("070-174 06 91", "070-174 06 92")
ADS_REGISTERED = 5  # the small operation's one ad and the four here
TIP_TEXT = "Samma kvinna har checkat in igen, rum 418."


def build_ad_register(session: Session, small: SmallOperation) -> dict[str, str]:
    """The Ads section's register on the small operation: four more ads (names → ids, with
    the small operation's own as ``stina``) and a tip by the attempt's hotel on its case."""
    ctx = Context(session, Clock(RAID))
    texts = {
        "again": AD_AGAIN,
        "flat": AD_FLAT,
        **{f"near{i}": f"{AD_NEAR}Ring {n}." for i, n in enumerate(AD_NEAR_NUMBERS, 1)},
    }
    made = {"stina": small.ad_id}
    for name, text in texts.items():
        found = register.capture(ctx, small.operation_id, text, site="annonser.example")
        made[name] = register.register_ad(ctx, small.operation_id, found.fields).entity_id
    hotel = next(c for c in directory.companies(ctx, "vastmanland") if c.get("name") == ATTEMPT)
    tips.record_tip(
        ctx,
        {"company_id": hotel.entity_id, "channel": "phone", "what": TIP_TEXT,
         "case_id": small.case(ATTEMPT)},
    )  # fmt: skip
    return made
