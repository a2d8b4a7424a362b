"""Demo data: a vault filled with an invented operation in Västmanland, for trying the app,
for training and for screenshots.

Everything here is invented: names are made up, identity numbers have a valid check digit
but an obviously fictional birth date (repeated digits), phone numbers come from the range
PTS keeps for fiction (070-174 06 05 … 99), hotels and addresses do not exist. The cases
cover every state a case can be in: an attempt, a completed offence with the whole
procedure, a child case, trafficking indicators, a closed case and a transferred one.

The times are a week in the past, evenings, a few minutes apart, as on a real operation.
Before it, the team mapped the county's ads (inre spaning; invented sites under
``.example``) and handed the information sheet to the county's (invented) hotels and a taxi
company; the cases link the ads they came from, and two tips came in afterwards.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from stdnum import luhn

from fieldapp.ads import links, register
from fieldapp.ads.model import AttachmentKind

# Re-exported: the demo's officers are named from here (the CLI, the tests).
from fieldapp.demo_keys import DEMO_OFFICER_ID as DEMO_OFFICER_ID
from fieldapp.demo_keys import DEMO_OFFICER_NAME as DEMO_OFFICER_NAME
from fieldapp.demo_keys import DEMO_OFFICERS, create_demo_vault, throwaway
from fieldapp.domain.operation import CONTACT_ENTITY, ContactRole, TeamRole
from fieldapp.officers import Role
from fieldapp.storage.session import Session
from fieldapp.workflow import (
    cases,
    directory,
    evidence,
    operations,
    persons,
    procedure,
    support,
    tips,
)
from fieldapp.workflow.context import Context, local_now

# (service id, name, vault role, team role): invented officers.
DEMO_TEAM: tuple[tuple[str, str, Role, TeamRole], ...] = tuple(
    (officer_id, name, role, team_role)
    for (officer_id, name, role), team_role in zip(
        DEMO_OFFICERS,
        (TeamRole.FIELD_OFFICER, TeamRole.FIELD_OFFICER, TeamRole.OPERATION_LEADER),
        strict=True,
    )
)
DEMO_COUNTY = "vastmanland"
TRANSFERRED_TO = "Utredningsenheten för människohandel, Polisregion Exempel"
PROSECUTOR = "Kammaråklagare Ida Påhittsdotter"
# Birth dates no one would take for a real person's: the same digit pairs throughout.
FICTIONAL_BIRTH_DATES = (
    date(1966, 6, 6),
    date(1970, 1, 1),
    date(1977, 7, 7),
    date(1980, 8, 8),
    date(1988, 8, 8),
    date(1999, 9, 9),
)
FICTION_PHONE_PREFIX = "+467017406"  # PTS: 070-174 06 05 … 070-174 06 99 are for fiction


def fictional_personnummer(born: date, serial: int) -> str:
    """A personnummer with a valid check digit: ``YYYYMMDD-NNNC``."""
    digits = f"{born:%y%m%d}{serial:03d}"
    return f"{born:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(digits)}"


def fictional_phone(n: int) -> str:
    """The n-th number of the fiction range (0 → 070-174 06 05)."""
    return f"070-174 06 {5 + n:02d}"


class DemoClock:
    """The demo's time: starts at a moment in the past and moves on as the officers work."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    def evening(self, day: date, hour: int = 20) -> None:
        self.now = self.now.replace(year=day.year, month=day.month, day=day.day, hour=hour)
        self.now = self.now.replace(minute=0, second=0, microsecond=0)


def build_demo_vault(data_dir: str | Path, *, clock: Callable[[], datetime] | None = None) -> str:
    """Create the demo vault in ``data_dir`` (which must be empty or not exist) and return
    its passphrase; every demo officer has it. ``clock`` gives "now" (default: the local
    time); the operation ran the week before."""
    session, passphrase = create_demo_vault(data_dir)
    fill_demo_vault(session, clock=clock)
    return passphrase


def fill_demo_vault(session: Session, *, clock: Callable[[], datetime] | None = None) -> None:
    """The invented operation, its cases, ads and tips, into a vault from
    ``create_demo_vault``; locks the session when done (or failed)."""
    try:
        throwaway(session)
        now = (clock or local_now)()
        demo_clock = DemoClock(now - timedelta(days=8))
        _Demo(Context(session, demo_clock), demo_clock, now.date()).build()
    finally:
        session.lock()


# (key, site, web address, text): invented ads on invented sites, numbers from the fiction
# range. "maja_repost" shares Maja's number (a same-advertiser proposal, and a suggestion
# for her case); the two "nok" ads are near-identical texts with different numbers.
DEMO_ADS: tuple[tuple[str, str, str, str], ...] = (
    ("maja", "annonser.example", "https://annonser.example/a/1001",
     "Maja, ny i Västerås\nHej! Jag tar emot på Hotell Påhittat, diskret.\n"
     "30 min 1 500 kr, 1 h 2 500 kr.\nSms:a 070-174 06 55."),
    ("rosa", "annonser.example", "https://annonser.example/a/1002",
     "Rosa – besök i Västerås\nTräffas på Stadshotellet Exempel. 1 h 2000 kr. "
     "Ring 070-174 06 56 efter kl 18."),
    ("nok", "kontakt.example", "https://kontakt.example/nok-sala",
     "Nok, massage och mer i Sala\nNy i stan, bara denna vecka. Motell Låtsas.\n"
     "3000kr/h, halvtimme 1500:-. Ring 070-174 06 57."),
    ("nok_again", "kontakt.example", "https://kontakt.example/nok-sala-2",
     "Nok, massage och mer i Sala\nNy i stan, bara denna vecka. Motell Låtsas.\n"
     "3000kr/h, halvtimme 1500:-. Ring 070-174 06 58."),
    ("ana", "annonser.example", "https://annonser.example/a/1005",
     "Ana, lägenhet i Västerås\nEgen lägenhet nära centrum. Hel natt 9000:-, "
     "1 h 2 500 kr. Tel 070-174 06 59."),
    ("maja_repost", "annonser.example", "https://annonser.example/a/1010",
     "Maja är tillbaka!\nVästerås i helgen, diskret och trevlig. 30 min 1 800 kr. "
     "Sms 0701740655."),
    ("koping", "kontakt.example", "https://kontakt.example/koping-7",
     "Tjej i Köping\nBesök hos dig. 1 h 2 200 kr. Ring 070-174 06 60."),
)  # fmt: skip
# (name, kind, municipality, address): the county's outreach directory, invented.
DEMO_COMPANIES: tuple[tuple[str, str, str, str], ...] = (
    ("Hotell Påhittat", "hotel", "Västerås", "Påhittargatan 1"),
    ("Stadshotellet Exempel", "hotel", "Västerås", "Exempeltorget 3"),
    ("Hotell Fiktiva Ängen", "hotel", "Köping", "Ängsvägen 12"),
    ("Motell Låtsas", "hotel", "Sala", "Låtsasleden 40"),
    ("Hotell Demo Park", "hotel", "Arboga", "Parkgatan 8"),
    ("Taxi Exempel AB", "taxi", "Västerås", "Exempelvägen 20"),
)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    address: str
    municipality: str
    room: str | None = None


class _Demo:
    """Builds the operation and its cases, one evening each."""

    def __init__(self, ctx: Context, clock: DemoClock, today: date) -> None:
        self.ctx = ctx
        self.clock = clock
        self.first_day = today - timedelta(days=7)
        self.operation_id = ""
        self._people = 0
        self.ads: dict[str, str] = {}  # DEMO_ADS key -> ad id
        self.companies: dict[str, str] = {}  # name -> directory id

    # -- the operation ----------------------------------------------------------------------

    def build(self) -> None:
        self.clock.evening(self.first_day - timedelta(days=1), hour=14)
        self.operation_id = self._operation()
        self._directory()
        self._ads()
        attempt = self.attempt()
        self.completed()
        self.child_case()
        self.trafficking()
        self.closed()
        self.transferred()
        self._tips(attempt)

    def _operation(self) -> str:
        change = operations.create_operation(
            self.ctx,
            {
                "name": "Insatsvecka Exempel (demo)",
                "start": (self.first_day - timedelta(days=1)).isoformat(),
                "end": (self.first_day + timedelta(days=6)).isoformat(),
                "county": DEMO_COUNTY,
                "agencies": ["Polisen", "Socialjouren", "Kvinnocentrum"],
                "note": "Påhittad insats med påhittade personer, för övning och demonstration.",
            },
        )
        op = change.entity_id
        team = [
            (DEMO_OFFICER_ID, DEMO_OFFICER_NAME, TeamRole.FIELD_OFFICER),
            *((t[0], t[1], t[3]) for t in DEMO_TEAM),
        ]
        for n, (officer_id, name, role) in enumerate(team):
            operations.add_team_member(
                self.ctx,
                op,
                {
                    "officer_id": officer_id,
                    "name": name,
                    "role": role.value,
                    "phone": fictional_phone(n),
                },
            )
        for item in ("ads_mapped", "briefing_held", "contacts_checked"):
            cases.tick_operation_item(self.ctx, op, item)
        return op

    def _directory(self) -> None:
        """The county's hotels and a taxi company, each given the sheet the day before."""
        for n, (name, kind, municipality, address) in enumerate(DEMO_COMPANIES):
            data = {"name": name, "kind": kind, "county": DEMO_COUNTY,
                    "municipality": municipality, "address": address,
                    "phone": fictional_phone(70 + n)}  # fmt: skip
            company_id = directory.add_company(self.ctx, data).entity_id
            self.companies[name] = company_id
            if name != "Hotell Demo Park":  # one not yet visited: the log shows who is left
                self.clock.advance(20)
                directory.deliver_sheet(self.ctx, self.operation_id, company_id, {"copies": 3})

    def _ads(self) -> None:
        """The ads mapped before the operation (the directory's hotels are known by then);
        the first with its page saved from the browser, as an officer would keep it."""
        for key, site, url, text in DEMO_ADS:
            self.clock.advance(4)
            found = register.capture(self.ctx, self.operation_id, text, url=url, site=site)
            saved = [_saved_page(url, text, self.ctx.now().isoformat())] if key == "maja" else []
            self.ads[key] = register.register_ad(
                self.ctx, self.operation_id, found.fields, saved
            ).entity_id
        register.mark_gone(self.ctx, self.ads["koping"])

    def _tips(self, attempt_case: str) -> None:
        """After the operation, two informed companies tip the police."""
        self.clock.evening(self.first_day + timedelta(days=6), hour=11)
        tips.record_tip(
            self.ctx,
            {"company_id": self.companies["Hotell Påhittat"], "channel": "phone",
             "what": "Samma kvinna som förra veckan har checkat in igen, rum 214.",
             "case_id": attempt_case},
        )  # fmt: skip
        self.clock.advance(95)
        tips.record_tip(
            self.ctx,
            {"company_id": self.companies["Taxi Exempel AB"], "channel": "email",
             "what": "Förare har kört flera män till samma adress i Köping på kvällarna."},
        )  # fmt: skip

    def _contact(self, role: ContactRole) -> str:
        found = self.ctx.records.find(CONTACT_ENTITY, operation_id=self.operation_id)
        return next(c.entity_id for c in found if c.get("role") == role.value)

    # -- building blocks --------------------------------------------------------------------

    def _open(self, day: int, place: Place, ads: tuple[str, ...] = ()) -> str:
        self.clock.evening(self.first_day + timedelta(days=day), hour=20)
        self.clock.advance(15 * day)  # not every raid starts on the hour
        data: dict[str, Any] = {
            "place_kind": place.kind,
            "place_name": place.name,
            "address": place.address,
            "municipality": place.municipality,
            "officers_present": [DEMO_TEAM[0][0], DEMO_TEAM[1][0]],
        }
        if place.room:
            data["room"] = place.room
        case_id = cases.open_case(self.ctx, self.operation_id, data).entity_id
        for key in ads:  # linked on both sides: the ad lists the case, the case the ad
            links.link_case(self.ctx, self.ads[key], case_id)
        cases.tick(self.ctx, case_id, "entry", note="Inträde med nyckelkort från receptionen.")
        self.clock.advance(2)
        return case_id

    def _buyer(self, case_id: str, name: str, **extra: Any) -> str:
        born = FICTIONAL_BIRTH_DATES[self._people % len(FICTIONAL_BIRTH_DATES)]
        data: dict[str, Any] = {
            "name": name,
            "personal_id": fictional_personnummer(born, 990 + self._people),
            "identity_method": "driving_licence",
            "phone": fictional_phone(10 + self._people),
            "language": "sv",
            "civil_status": "married",
            "income": {"annual_income_sek": 480_000, "children_supported": 2},
            **extra,
        }
        self._people += 1
        return persons.add_buyer(self.ctx, case_id, data).entity_id

    def _seller(self, case_id: str, alias: str, **extra: Any) -> str:
        data = {"name": alias, "estimated_age": 28, "nationality": "SE", "language": "sv", **extra}
        return persons.add_seller(self.ctx, case_id, data).entity_id

    def _elements(self, case_id: str, buyer: str, *, price: int = 1500, paid: bool = True) -> None:
        ctx = self.ctx
        evidence.record_element(
            ctx,
            case_id,
            buyer,
            "agreement",
            {"source": "message", "what": "Sms om samlag på hotellrummet, sparat som skärmbild."},
        )
        self.clock.advance(1)
        evidence.record_element(
            ctx,
            case_id,
            buyer,
            "stated_price",
            {"source": "ad", "amount": price, "for_what": "en timme"},
        )
        self.clock.advance(3)
        if paid:
            evidence.record_element(
                ctx,
                case_id,
                buyer,
                "payment_handed_over",
                {
                    "source": "found",
                    "amount": price,
                    "seized": True,
                    "seizure": {
                        "record_number": f"DEMO-{case_id[:6].upper()}",
                        "amount": price,
                        "stored_at": "Beslagsrummet, polisstationen",
                    },
                },
            )
            self.clock.advance(2)

    def _notice_and_hearing(self, case_id: str, buyer: str) -> None:
        procedure.record_notice(
            self.ctx,
            case_id,
            buyer,
            {
                "language": "sv",
                "suspicion": "Köp av sexuell handling",
                "rights_given": {"lawyer": True, "silence": True, "information": True},
            },
        )
        self.clock.advance(4)
        procedure.record_hearing(
            self.ctx, case_id, buyer, {"where": "Hotellrummet", "note": "Erkänner."}
        )
        self.clock.advance(10)

    def _support_both(self, case_id: str, buyer: str, seller: str, language: str = "sv") -> None:
        support.record_support_offer(
            self.ctx,
            case_id,
            seller,
            {
                "contact_id": self._contact(ContactRole.SELLER_SUPPORT),
                "outcome": "accepted",
                "leaflet_language": language,
            },
        )
        self.clock.advance(2)
        support.record_support_offer(
            self.ctx,
            case_id,
            buyer,
            {
                "contact_id": self._contact(ContactRole.BUYER_SUPPORT),
                "outcome": "declined",
                "leaflet_language": "sv",
            },
        )
        self.clock.advance(2)

    def _advance_approval(self, case_id: str, buyer: str, seized: int) -> None:
        amount = procedure.suggest_day_fine(self.ctx, case_id, buyer).amount_sek
        decision = procedure.record_decision(
            self.ctx,
            case_id,
            buyer,
            {
                "decided_by": PROSECUTOR,
                "decider_role": "prosecutor",
                "how": "phone",
                "decision": "advance_approval",
                "sanction": {
                    "conditional_sentence": True,
                    "day_fines": 50,
                    "day_fine_amount_sek": amount,
                    "forfeiture_sek": seized,
                },
            },
        ).entity_id
        self.clock.advance(5)
        procedure.record_answer(self.ctx, case_id, decision, "accepts")
        self.clock.advance(5)

    # -- the cases --------------------------------------------------------------------------

    def attempt(self) -> str:
        """Agreement and price only: an attempt."""
        place = Place("Hotell Påhittat", "hotel", "Påhittargatan 1", "Västerås", "214")
        case_id = self._open(0, place, ("maja",))
        self._seller(case_id, "Maja (alias)", phone=fictional_phone(50))
        buyer = self._buyer(case_id, "Anders Exempelsson")
        self._elements(case_id, buyer, paid=False)
        cases.add_observation(self.ctx, case_id, "Köparen knackade på 20.14; ingen betalning sågs.")
        return case_id

    def completed(self) -> str:
        """All three elements, seizure, notice, hearing, advance approval, answer, support."""
        place = Place("Stadshotellet Exempel", "hotel", "Exempeltorget 3", "Västerås", "507")
        case_id = self._open(1, place, ("rosa",))
        seller = self._seller(case_id, "Rosa (alias)", estimated_age=31)
        buyer = self._buyer(case_id, "Bo Låtsasson")
        persons.add_witness(
            self.ctx,
            case_id,
            {"name": "Eva Exempeldotter", "relation": "nattportier", "phone": fictional_phone(40)},
        )
        self._elements(case_id, buyer, price=2000)
        self._notice_and_hearing(case_id, buyer)
        self._support_both(case_id, buyer, seller)
        self._advance_approval(case_id, buyer, seized=2000)
        cases.add_observation(self.ctx, case_id, "Köparen godkände förhandsgodkännandet på plats.")
        return case_id

    def child_case(self) -> str:
        """The seller is estimated at 16: BrB 6:9, report of concern, no summary penalty."""
        place = Place("Hotell Fiktiva Ängen", "hotel", "Ängsvägen 12", "Köping", "12")
        case_id = self._open(2, place)
        seller = self._seller(case_id, "Lina (alias)", estimated_age=16, possibly_minor=True)
        buyer = self._buyer(case_id, "Carl Fiktivsson")
        self._elements(case_id, buyer, price=1000)
        cases.tick(self.ctx, case_id, "report_of_concern", note="Socialjouren kontaktad 21.05.")
        cases.tick(self.ctx, case_id, "child_prosecutor")
        self._notice_and_hearing(case_id, buyer)
        procedure.record_decision(
            self.ctx,
            case_id,
            buyer,
            {
                "decided_by": PROSECUTOR,
                "decider_role": "prosecutor",
                "how": "phone",
                "decision": "ordinary_prosecution",
                "note": "Utnyttjande av barn, BrB 6:9.",
            },
        )
        self.clock.advance(5)
        support.record_support_offer(
            self.ctx,
            case_id,
            seller,
            {"organisation": "Socialjouren i Västmanland", "outcome": "referral_made"},
        )
        return case_id

    def trafficking(self) -> str:
        """A seller with trafficking indicators: coordinator, reflection period, flag."""
        place = Place("Motell Låtsas", "hotel", "Låtsasleden 40", "Sala", "3")
        case_id = self._open(3, place, ("nok", "nok_again"))
        self._seller(
            case_id,
            "Nok (alias)",
            nationality="TH",
            language="th",
            interpreter_needed=True,
            interpreter_language="th",
            indicators={
                "controlled_by_calls": "yes",
                "no_or_false_id": "yes",
                "unexplained_money": {"answer": "unknown", "note": "Oklart."},
            },
        )
        buyer = self._buyer(case_id, "David Påhittsson")
        self._elements(case_id, buyer)
        cases.tick(self.ctx, case_id, "trafficking_coordinator", note="Stödtelefonen kontaktad.")
        cases.add_observation(
            self.ctx, case_id, "Säljarens telefon ringde flera gånger under ingripandet."
        )
        return case_id

    def closed(self) -> str:
        """Every mandatory item done, then closed."""
        place = Place("Hotell Demo Park", "hotel", "Parkgatan 8", "Arboga", "101")
        case_id = self._open(4, place)
        seller = self._seller(case_id, "Vera (alias)", estimated_age=35)
        buyer = self._buyer(case_id, "Erik Demoberg")
        self._elements(case_id, buyer)
        self._notice_and_hearing(case_id, buyer)
        self._support_both(case_id, buyer, seller)
        self._advance_approval(case_id, buyer, seized=1500)
        cases.close_case(self.ctx, case_id)
        return case_id

    def transferred(self) -> str:
        """Handed over to the trafficking investigators."""
        place = Place("Lägenhet (korttidsuthyrning)", "apartment", "Exempelstigen 5", "Västerås")
        case_id = self._open(5, place, ("ana",))
        self._seller(
            case_id,
            "Ana (alias)",
            nationality="RO",
            language="ro",
            indicators={"criminal_network_links": "yes"},
        )
        buyer = self._buyer(
            case_id,
            "Fredrik Testlund",
            personal_id=None,
            identity_method="passport",
            date_of_birth=FICTIONAL_BIRTH_DATES[0].isoformat(),
            foreign_id={"document": "passport", "number": "DEMO0000001", "country": "NO"},
            language="no",
        )
        self._elements(case_id, buyer, paid=False)
        cases.transfer_case(self.ctx, case_id, TRANSFERRED_TO)
        return case_id


def _saved_page(url: str, text: str, at: str) -> register.Attachment:
    """An ad's page as a browser saves it (invented, like the ad): a title, the text."""
    title, _, body = text.partition("\n")
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines())
    page = (
        f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | annonser.example</title></head>"
        f"<body><h1>{html.escape(title)}</h1>{paragraphs}"
        f"<p>Sparad från {html.escape(url)}</p></body></html>"
    )
    name = url.rstrip("/").rsplit("/", 1)[-1] + ".html"
    return register.Attachment(
        AttachmentKind.PAGE, page.encode(), "text/html", name=name, captured_at=at
    )
