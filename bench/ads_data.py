"""Varied invented ads for the ads benchmark: an advertiser's texts are drawn from a large
vocabulary (sentence templates, made-up names and streets, several languages), prices are
written in many formats (grouping, currency markers, durations in six languages, lists
with "/", prices without a currency), phones in many formats (dashes of every kind, dots,
spaces, country codes, now and then an O for a zero or a line break), and places follow
a distribution (the county seat most often, some ads naming none or a town elsewhere).
Each repost edits its advertiser's text: a sentence dropped or added, new prices, a new
week. Search queries are drawn fresh from what was generated.

Everything is invented; phone numbers come from ranges reserved for fiction.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

TOWNS = ("Västerås", "Köping", "Sala", "Arboga", "Fagersta", "Hallstahammar", "Kungsör",
         "Norberg", "Surahammar", "Skinnskatteberg")  # fmt: skip
# Roughly as ads spread over the county: the county seat most, small towns least.
TOWN_WEIGHTS = (40, 12, 9, 7, 6, 6, 4, 3, 3, 2)
ELSEWHERE = ("Linköping", "Norrköping", "Nyköping", "Uppsala", "Örebro", "Eskilstuna")
HOTEL_KINDS = ("Hotell", "Hotel", "Pensionat", "Motell", "Scandic", "Best Western")
SYLLABLES = ("la", "na", "ri", "mi", "so", "ve", "ka", "lo", "ti", "ne", "sa", "ro", "el",
             "an", "is", "ja", "bo", "de", "fi", "ma", "lu", "sy", "ny", "va")  # fmt: skip
ADJECTIVES = (
    "glad", "diskret", "seriös", "snäll", "mogen", "ung", "sportig", "söt", "lugn", "social",
    "nyfiken", "varm", "ärlig", "pigg", "mjuk", "långhårig", "blond", "mörkhårig",
    "rödhårig", "kurvig", "smal", "lång", "kort", "naturlig", "busig", "charmig", "omtänksam",
    "avslappnad", "elegant", "sensuell", "mysig", "lekfull", "öppen", "vänlig", "trevlig",
    "tystlåten", "pratsam", "stilig", "vacker", "härlig", "sweet", "friendly", "discreet",
    "elegant", "playful", "relaxed", "caring", "petite", "tall", "curvy",
)  # fmt: skip
NOUNS = (
    "massage", "avslappning", "sällskap", "middag", "kvällar", "samtal", "stunder",
    "helkroppsmassage", "oljemassage", "fotmassage", "mys", "dusch", "handdukar", "musik",
    "vin", "kaffe", "parkering", "lägenhet", "hotellrum", "studio", "bilder", "recensioner",
    "company", "dinner", "relaxation", "evenings", "photos", "reviews",
)  # fmt: skip
TEMPLATES = (
    "Hej, jag heter {alias} och är {age} år, {adj} och {adj2}.",
    "Ny i {town} den här veckan, bara några dagar.",
    "Tar emot på {hotel} eller kommer hem till dig.",
    "Endast seriösa herrar, inga dolda nummer.",
    "{noun} och {noun2} i {adj} miljö.",
    "Jag talar svenska och engelska, lite {lang}.",
    "Ring eller sms:a mellan kl {h1} och {h2}.",
    "Välkommen till mig på {street} i {town}.",
    "Jag är {adj} och bjuder på {noun}.",
    "Hygien är viktigt för mig, {noun} finns.",
    "Besöker {town} och {town2} i helgen.",
    "Bokning minst en timme innan, tack.",
    "Ingen stress, ta det lugnt och njut av {noun}.",
    "Fina {noun} från nöjda kunder.",
    "Långt {hair} hår och {adj} leende.",
    "Jag finns nära stationen, {noun} finns.",
    "Discreet and {adj}, english spoken, visiting {town}.",
    "Dagtid och kvällar, även helger, vecka {week}.",
    "Skriv gärna vad du önskar i första sms:et.",
    "Jag har egen {noun} med {adj} stämning.",
    "Här {first}–{last} {month}, sedan {town2}.",
    "Jag är {height} cm och väger {weight} kg.",
    "Rum {room} på {hotel}, knacka två gånger.",
    "Hei! Sunt {alias}, {age} ani, noua in {town}.",
    "Привет! Я {alias}, {adj}, в городе {town}.",
    "Hola, soy {alias}, {adj} y {adj2}, nueva en {town}.",
    "Cześć, jestem {alias}, {age} lat, {town}.",
    "สวัสดีค่ะ ชื่อ {alias} อยู่ {town}",
    "{adj} {alias} från {elsewhere}, nu i {town}.",
    "Postadress {postcode} {town}, men ring först.",
)  # fmt: skip
HAIR = ("mörkt", "ljust", "rött", "brunt", "svart", "lockigt", "rakt", "kort")
LANGS = ("tyska", "spanska", "rumänska", "ryska", "polska", "thai", "franska")
MONTHS = ("maj", "juni", "juli", "augusti")
# Durations as ads write them, with minutes (None: a night).
DURATIONS = (
    ("30 min", 30), ("halvtimme", 30), ("1/2 timme", 30), ("30 minuter", 30),
    ("1 h", 60), ("1 tim", 60), ("timme", 60), ("60 min", 60), ("1 timme", 60),
    ("en timme", 60), ("1 hour", 60), ("one hour", 60), ("1 oră", 60), ("1 час", 60),
    ("1 hora", 60), ("1 godzina", 60), ("1 ชั่วโมง", 60), ("90 min", 90), ("1,5 h", 90),
    ("2 h", 120), ("2 timmar", 120), ("2 hours", 120), ("2 godz.", 120),
    ("hel natt", None), ("natt", None), ("overnight", None), ("noapte", None),
)  # fmt: skip
GROUPINGS = ("", " ", "\u00a0", ".", ",")
MARKERS = (" kr", "kr", ":-", " :-", " SEK", " kronor", " sek", " Kr")
FOREIGN_MARKERS = (" €", "€", " EUR", " euro")
PRICE_FORMS = (
    "{d} {a}", "{d} – {a}", "{d}: {a}", "{a} {d}", "{a}/{dd}", "{a} per {d}", "{a} för {d}",
    "{d} = {a}",
)  # fmt: skip
LIST_SEPARATORS = ("\n", " / ", ", ", " • ", "\n- ", " | ")
PHONE_WORDS = ("Ring", "Sms", "Tel", "Tel:", "Nummer:", "Mobil", "WhatsApp", "Ring mig på",
               "Sms:a", "Call")  # fmt: skip
DASHES = ("-", "–", "—", "−", "‐")


def _weighted(rng: random.Random, items: tuple[str, ...], weights: tuple[int, ...]) -> str:
    return rng.choices(items, weights)[0]


def alias(rng: random.Random) -> str:
    """A made-up name from syllables: thousands of them, no real person's."""
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return name.capitalize()


def _grouped(amount: int, rng: random.Random) -> str:
    if amount < 1000 or rng.random() < 0.5:
        return str(amount)
    sep = rng.choice(GROUPINGS)
    return f"{amount // 1000}{sep}{amount % 1000:03d}"


def price_line(rng: random.Random, amount: int, duration: str, foreign: bool) -> str:
    """One price as an ad might write it (now and then without any currency)."""
    marker = rng.choice(FOREIGN_MARKERS if foreign else MARKERS)
    if foreign:
        amount = max(50, amount // 10)
    written = _grouped(amount, rng)
    if rng.random() < 0.1:
        money = written  # "30 min: 1500": no currency, read from context
    elif marker.strip() == "€" and rng.random() < 0.5:
        money = f"€{written}"
    else:
        money = f"{written}{marker}"
    form = rng.choice(PRICE_FORMS)
    short = {"1 h": "h", "1 tim": "tim", "timme": "h", "1 timme": "h", "60 min": "60min",
             "30 min": "30min"}.get(duration, duration)  # fmt: skip
    return form.format(d=duration, a=money, dd=short)


def written_phone(e164: str, rng: random.Random) -> str:
    """A number as an ad might write it: dashes of every kind, dots, spaces, +46 or 0046,
    now and then an O for a zero or a line break in the middle."""
    if not e164.startswith("+46"):
        return rng.choice((e164, "00" + e164[1:], f"{e164[:3]} {e164[3:6]} {e164[6:]}"))
    national = "0" + e164[3:]
    dash = rng.choice(DASHES)
    if national.startswith("07"):
        a, b, c, d = national[:3], national[3:6], national[6:8], national[8:]
        written = rng.choice(
            (f"{a}{dash}{b} {c} {d}", national, f"+46 {a[1:]} {b} {c} {d}", f"{a} {b}{c}{d}",
             f"{a}.{b}.{c}.{d}", f"{a} {dash} {b} {c} {d}", f"0046 {a[1:]} {b} {c} {d}",
             f"{a}{dash}{b}{c}{d}")
        )  # fmt: skip
    else:
        written = rng.choice((national, e164, f"{national[:-7]}{dash}{national[-7:]}"))
    roll = rng.random()
    if roll < 0.02:
        written = written.replace("0", "O")
    elif roll < 0.04 and " " in written:
        cut = written.rindex(" ")
        written = written[:cut] + "\n" + written[cut + 1 :]
    return written


class Advertiser:
    """One invented advertiser: a number, a town, a few sentences, a way of writing."""

    def __init__(self, rng: random.Random, phone: str, hotels: tuple[str, ...]) -> None:
        self.phone = phone
        self.alias = alias(rng)
        self.town = _weighted(rng, TOWNS, TOWN_WEIGHTS)
        self.site = rng.choice(("Exempelsajten", "Annonsforum Prov", "Fiktiva eskorter",
                                "Påhittade annonser", "Test-torget"))  # fmt: skip
        self.foreign = rng.random() < 0.1
        self.base = rng.choice((800, 1000, 1200, 1500, 1800, 2000, 2500))
        self.durations = rng.sample(DURATIONS, rng.randint(2, 4))
        self.separator = rng.choice(LIST_SEPARATORS)
        self.hotels = hotels
        self.sentences = [self._sentence(rng) for _ in range(rng.randint(4, 8))]

    def _sentence(self, rng: random.Random) -> str:
        template = rng.choice(TEMPLATES)
        place = self.town if rng.random() < 0.85 else rng.choice(TOWNS)
        return template.format(
            alias=self.alias, age=rng.randint(19, 45), adj=rng.choice(ADJECTIVES),
            adj2=rng.choice(ADJECTIVES), town=place, town2=rng.choice(TOWNS),
            hotel=rng.choice(self.hotels), noun=rng.choice(NOUNS), noun2=rng.choice(NOUNS),
            lang=rng.choice(LANGS), h1=rng.randint(8, 14), h2=rng.randint(18, 23),
            street=alias(rng) + rng.choice(("gatan", "vägen", "stigen")),
            week=rng.randint(18, 35), first=rng.randint(1, 14), last=rng.randint(15, 28),
            month=rng.choice(MONTHS), height=rng.randint(150, 185),
            weight=rng.randint(45, 80), room=rng.randint(100, 450),
            elsewhere=rng.choice(ELSEWHERE), hair=rng.choice(HAIR),
            postcode=f"{rng.randint(721, 739)} {rng.randint(10, 99)}",
        )  # fmt: skip

    def ad(self, rng: random.Random, n: int) -> dict[str, str]:
        """A new ad or a repost, edited: sentences dropped or added, new prices, new week."""
        sentences = list(self.sentences)
        if rng.random() < 0.5 and len(sentences) > 3:
            sentences.pop(rng.randrange(len(sentences)))
        if rng.random() < 0.4:
            sentences.insert(rng.randrange(len(sentences) + 1), self._sentence(rng))
        drift = rng.choice((0, 0, 100, 200, -100))
        prices = []
        for duration, minutes in self.durations:
            factor = 5 if minutes is None else minutes / 60
            amount = max(100, round((self.base + drift) * factor / 100) * 100)
            prices.append(price_line(rng, amount, duration, self.foreign))
        lines = [f"Ny i {self.town}!" if rng.random() < 0.5 else f"{self.alias} i {self.town}"]
        lines += sentences
        lines.append(self.separator.join(prices))
        lines.append(f"{rng.choice(PHONE_WORDS)} {written_phone(self.phone, rng)}")
        day = date(2026, 3, 1) + timedelta(days=rng.randint(0, 70))
        return {"site": self.site, "url": f"https://annonser.example/ad/{n}",
                "title": lines[0], "text": "\n".join(lines[1:]),
                "first_seen": day.isoformat(),
                "last_seen": (day + timedelta(days=rng.randint(0, 9))).isoformat()}  # fmt: skip


def hotels(rng: random.Random, count: int = 40) -> tuple[str, ...]:
    """Made-up hotel names."""
    return tuple(f"{rng.choice(HOTEL_KINDS)} {alias(rng)}" for _ in range(count))


def word_query(rng: random.Random, ads: list[dict[str, str]]) -> str:
    """One or two words from a generated ad's text: a fresh query every time."""
    words = [w.strip(".,!:?()") for w in rng.choice(ads)["text"].split()]
    words = [w for w in words if len(w) > 3 and not any(c.isdigit() for c in w)]
    if not words:
        return "massage"
    start = rng.randrange(len(words))
    return " ".join(words[start : start + rng.randint(1, 2)])
