"""Ads benchmark: a vault holding 100,000 invented ads, filled through the real import path
(ten CSV files of 10,000 ads, each imported in one transaction as signed, chained events);
then search by phone number (typed in varied formats) and by free text, p50 and p95; and
the same-advertiser proposals over all of it. Targets: search p95 ≤ 20 ms; import ≥ 2,000
ads/s.

The ads are invented: made-up aliases, towns of the county, and phone numbers from ranges
reserved for fiction (PTS 070-174 06 05…99 and the Swedish landline fiction ranges, Ofcom's
020 7946 0xxx, the US 555-01xx).
"""

from __future__ import annotations

import csv
import io
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from fieldapp.ads import duplicates, importing
from fieldapp.ads.search import SearchQuery, parse_query, search
from fieldapp.officers import OfficersProjection
from fieldapp.storage.keyslots import KdfCost
from fieldapp.storage.records import RecordsProjection
from fieldapp.storage.vault import Vault
from fieldapp.workflow import operations
from fieldapp.workflow.context import Context

ADS = 100_000
BATCH = 10_000
ADVERTISERS = 16_000  # one fiction number each
QUERIES = 300
SEARCH_TARGET_MS = 20.0
IMPORT_TARGET = 2_000.0
PASS = "bänkprov med lång fras"  # noqa: S105 - a throwaway benchmark vault
CEST = timezone(timedelta(hours=2))
SEED = 20260514

TOWNS = ("Västerås", "Köping", "Sala", "Arboga", "Fagersta", "Hallstahammar", "Kungsör",
         "Norberg", "Surahammar", "Skinnskatteberg")  # fmt: skip
HOTELS = ("Hotell Påhittat", "Stadshotellet Exempel", "Hotell Testgården", "Pensionat Prov",
          "Scandic Låtsas", "Motell Fiktiv")  # fmt: skip
ALIASES = ("Bella", "Nova", "Lina", "Mira", "Sara", "Nadja", "Alva", "Tess", "Ronja",
           "Vera", "Elsa", "Ida", "Maja", "Liv", "Ebba", "Saga", "Tilde", "Juni", "Siri",
           "Stella")  # fmt: skip
ADJECTIVES = ("glad", "diskret", "seriös", "snäll", "mogen", "ung", "sportig", "söt", "lugn",
              "social", "nyfiken", "varm", "ärlig", "pigg", "mjuk", "långhårig", "blond",
              "mörkhårig", "rödhårig", "kurvig", "smal", "lång", "kort", "naturlig")  # fmt: skip
SENTENCES = (
    "Hej, jag heter {alias} och är {age} år, {adj} och {adj2}.",
    "Ny i {town} den här veckan, bara några dagar.",
    "Tar emot på {hotel} eller kommer hem till dig.",
    "Endast seriösa herrar, inga dolda nummer.",
    "Massage och avslappning i lugn och {adj} miljö.",
    "Jag talar svenska och engelska, lite tyska.",
    "Ring eller sms:a mellan kl 10 och 02.",
    "Välkommen till mig i centrala {town}.",
    "Jag är {adj} och bjuder på en trevlig stund.",
    "Hygien är viktigt för mig, dusch finns.",
    "Besöker {town} och {town2} i helgen.",
    "Bokning minst en timme innan, tack.",
    "Ingen stress, ta det lugnt och njut.",
    "Fina recensioner från nöjda kunder.",
    "Långt {hair} hår och {adj} leende.",
    "Jag finns nära stationen, parkering finns.",
    "Discreet and {adj}, english spoken, visiting {town}.",
    "Dagtid och kvällar, även helger.",
    "Skriv gärna vad du önskar i första sms:et.",
    "Jag har egen lägenhet med {adj} stämning.",
)
HAIR = ("mörkt", "ljust", "rött", "brunt", "svart", "lockigt")
PRICES = (
    "30 min – {p1} kr", "1 h – {p2} kr", "Halvtimme {p1}:-", "Timme {p2}:-",
    "Hel natt {p3} kr", "{p2}kr/h", "2 tim {p4} SEK", "€{e1} per hour",
)  # fmt: skip
WORD_QUERIES = (
    "massage", "Nadja", "hel natt", "Köping", "diskret hotell", "Stadshotellet",
    "rödhårig", "english spoken", "Sala massage", "lockigt hår", "mjuk", "recensioner",
    "Tilde Arboga", "lägenhet", "sportig", "Motell Fiktiv", "parkering", "tyska",
    "helger", "dusch",
)  # fmt: skip


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 5, 20, 12, 0, tzinfo=CEST)

    def __call__(self) -> datetime:
        return self.now


def fiction_numbers() -> list[str]:
    """Phone numbers reserved for fiction, as E.164: 16,395 of them, so that each invented
    advertiser has a number of its own."""
    numbers = [f"+4670174{n:04d}" for n in range(605, 700)]
    for prefix in ("+468465004", "+463139006", "+464062804"):  # 08-465 004, 031-390 06, …
        numbers += [f"{prefix}{n:02d}" for n in range(100)]
    for area in (
        "113496",
        "114496",
        "116496",
        "117496",
        "118496",
        "121496",
        "131496",
        "141496",
        "151496",
        "161496",
        "191498",
        "207946",
        "289649",
        "292018",
    ):
        numbers += [f"+44{area}{n:04d}" for n in range(1000)]  # Ofcom's drama ranges
    for area in (
        "202",
        "212",
        "312",
        "415",
        "617",
        "713",
        "305",
        "206",
        "303",
        "404",
        "503",
        "602",
        "702",
        "801",
        "816",
        "901",
        "914",
        "973",
    ):
        numbers += [f"+1{area}555{n:04d}" for n in range(100, 200)]  # 555-0100…0199
    return numbers


def _written(e164: str, rng: random.Random) -> str:
    """A number as an ad might write it."""
    if not e164.startswith("+46"):
        return rng.choice((e164, "00" + e164[1:]))
    national = "0" + e164[3:]
    if national.startswith("07"):
        a, b, c, d = national[:3], national[3:6], national[6:8], national[8:]
        return rng.choice(
            (f"{a}-{b} {c} {d}", national, f"+46 {a[1:]} {b} {c} {d}", f"{a} {b}{c}{d}")
        )
    return rng.choice((national, e164, f"{national[:-7]}-{national[-7:]}"))


class _Advertiser:
    def __init__(self, rng: random.Random, phone: str) -> None:
        self.alias = rng.choice(ALIASES)
        self.phone = phone
        self.town = rng.choice(TOWNS)
        self.site = rng.choice(("Exempelsajten", "Annonsforum Prov", "Fiktiva eskorter"))
        picks = rng.sample(SENTENCES, rng.randint(4, 7))
        self.sentences = [
            s.format(alias=self.alias, age=rng.randint(19, 45), adj=rng.choice(ADJECTIVES),
                     adj2=rng.choice(ADJECTIVES), town=self.town, town2=rng.choice(TOWNS),
                     hotel=rng.choice(HOTELS), hair=rng.choice(HAIR))
            for s in picks
        ]  # fmt: skip
        self.base = rng.choice((1000, 1200, 1500, 1800, 2000))

    def ad(self, rng: random.Random, n: int) -> dict[str, str]:
        price = self.base + rng.choice((0, 0, 100, 200, -100))
        lines = [f"Ny i {self.town}!" if rng.random() < 0.5 else f"{self.alias} i {self.town}"]
        lines += self.sentences
        for template in rng.sample(PRICES, 3):
            lines.append(template.format(p1=price, p2=price * 2 - 500, p3=price * 5,
                                         p4=price * 3, e1=price // 10))  # fmt: skip
        lines.append(f"Ring {_written(self.phone, rng)}")
        day = date(2026, 3, 1) + timedelta(days=rng.randint(0, 70))
        return {"site": self.site, "url": f"https://annonser.example/ad/{n}",
                "title": lines[0], "text": "\n".join(lines[1:]),
                "first_seen": day.isoformat(),
                "last_seen": (day + timedelta(days=rng.randint(0, 9))).isoformat()}  # fmt: skip


def _csv(ads: Sequence[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ads[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(ads)
    return out.getvalue().encode()


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def _timed(queries: Sequence[Callable[[], object]]) -> list[float]:
    times = []
    for run in queries:
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    rng = random.Random(SEED)
    phones = fiction_numbers()
    advertisers = [_Advertiser(rng, p) for p in rng.sample(phones, ADVERTISERS)]
    with tempfile.TemporaryDirectory() as folder:
        session = Vault(Path(folder) / "vault").create(
            "B100001", "Pia Mätare", PASS, cost=KdfCost()
        )
        ctx = Context(session, _Clock())
        operation_id = operations.create_operation(
            ctx, {"name": "Bänkinsats", "start": "2026-05-01", "end": "2026-07-31",
                  "county": "vastmanland", "agencies": ["Polisen"]},
        ).entity_id  # fmt: skip
        rates = []
        for batch in range(ADS // BATCH):
            ads = [rng.choice(advertisers).ad(rng, batch * BATCH + i) for i in range(BATCH)]
            data = _csv(ads)
            start = time.perf_counter()
            report = importing.import_csv(ctx, operation_id, data, source=f"batch{batch}.csv")
            rates.append(len(report.created) / (time.perf_counter() - start))
        size_mb = (Path(folder) / "vault" / "vault.db").stat().st_size / 2**20
        print(f"Imported {ADS:,} ads in {ADS // BATCH} CSV files of {BATCH:,}; "
              f"vault.db {size_mb:.0f} MB.")  # fmt: skip

        def phone_query() -> Callable[[], object]:
            number = _written(rng.choice(phones), rng)
            return lambda: search(ctx, parse_query(number))

        def word_query() -> Callable[[], object]:
            words = rng.choice(WORD_QUERIES)
            return lambda: search(ctx, parse_query(words))

        def place_query() -> Callable[[], object]:
            since = date(2026, 3, 1) + timedelta(days=rng.randint(0, 70))
            town = rng.choice(TOWNS)
            return lambda: search(
                ctx, SearchQuery(municipality=town, since=since, until=since + timedelta(days=7))
            )

        rows = [
            ("search by phone", _timed([phone_query() for _ in range(QUERIES)])),
            ("search by free text", _timed([word_query() for _ in range(QUERIES)])),
            ("search by place and week", _timed([place_query() for _ in range(QUERIES)])),
        ]
        print(f"{'figure':<36}{'p50 ms':>9}{'p95 ms':>9}{'target':>9}")
        worst = 0.0
        for name, times in rows:
            p50, p95 = _percentiles(times)
            worst = max(worst, p95 / SEARCH_TARGET_MS)
            print(f"{name:<36}{p50:>9.1f}{p95:>9.1f}{SEARCH_TARGET_MS:>9.0f}")
        print(f"{'import, first 10,000 (ads/s)':<36}{rates[0]:>18,.0f}{IMPORT_TARGET:>9,.0f}")
        print(f"{'import, last 10,000 (ads/s)':<36}{rates[-1]:>18,.0f}{IMPORT_TARGET:>9,.0f}")
        start = time.perf_counter()
        found = duplicates.proposals(ctx)
        proposals_s = time.perf_counter() - start
        grouped = sum(len(p.ad_ids) for p in found)
        print(f"Same-advertiser proposals over {ADS:,} ads: {len(found):,} groups holding "
              f"{grouped:,} ads, in {proposals_s:.1f} s (no target).")  # fmt: skip
        print(f"Worst search p95: {worst:.2f} × target; slowest import: "
              f"{IMPORT_TARGET / min(rates):.2f} × the time the target allows.")  # fmt: skip
        session.lock()
        _breakdown(Path(folder), [rng.choice(advertisers).ad(rng, ADS + i) for i in range(BATCH)])


def _breakdown(folder: Path, ads: list[dict[str, str]]) -> None:
    """Where an import's time goes, per ad, for 10,000 ads into empty vaults: reading and
    extraction, the checks, the generic event path (sign, chain, ``records``) measured in a
    vault without the search index, and what the search index adds."""
    from fieldapp.ads import register
    from fieldapp.ads.csv_rows import read_csv

    per_ad: dict[str, float] = {}
    plain = Vault(folder / "plain", projections=[OfficersProjection(), RecordsProjection()])
    for name, vault in (("plain", plain), ("indexed", Vault(folder / "ix"))):
        session = vault.create("B100001", "Pia Mätare", PASS, cost=KdfCost())
        ctx = Context(session, _Clock())
        operation_id = operations.create_operation(
            ctx, {"name": "B", "start": "2026-05-01", "end": "2026-07-31",
                  "county": "vastmanland", "agencies": ["Polisen"]},
        ).entity_id  # fmt: skip
        places, hotels = register.places_of(ctx, operation_id)
        now = ctx.now().isoformat()
        marks = [time.perf_counter()]
        table = read_csv(_csv(ads))
        fields = [importing._row_fields(row, places, hotels, now) for _, row in table.rows]
        marks.append(time.perf_counter())
        # As import_csv checks them: each record (the operation) read once for all rows.
        checking = importing.ReadOnceContext(ctx)
        drafts = [register.ad_draft(checking, operation_id, f) for f in fields]
        marks.append(time.perf_counter())
        ctx.commit(drafts)
        marks.append(time.perf_counter())
        session.lock()
        steps = [(b - a) * 1e6 / len(ads) for a, b in itertools.pairwise(marks)]
        per_ad.update({"read": steps[0], "check": steps[1], name: steps[2]})
    total = per_ad["read"] + per_ad["check"] + per_ad["indexed"]
    print(f"Per ad, importing 10,000 into an empty vault ({1e6 / total:,.0f} ads/s):")
    for label, us in (
        ("read the CSV, extract phones, prices, places", per_ad["read"]),
        ("check each ad (the entities cleaner)", per_ad["check"]),
        ("generic event path: sign, chain, records", per_ad["plain"]),
        ("search index projection (FTS5, phones, days, bands)",
         per_ad["indexed"] - per_ad["plain"]),
    ):  # fmt: skip
        print(f"  {label:<56}{us:>7.0f} µs")
    print(f"  (the generic event path alone allows {1e6 / per_ad['plain']:,.0f} ads/s)")


if __name__ == "__main__":
    main()
