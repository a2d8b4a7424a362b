"""The labelled ads of ``tests/ads/data/labelled_ads.txt`` (format in the folder's README)
and how extraction is scored against them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.ads.prices import Price

DATA = Path(__file__).parent / "data" / "labelled_ads.txt"
_SPACES = {"<NBSP>": "\u00a0", "<NNBSP>": "\u202f"}


@dataclass(frozen=True)
class TruePrice:
    amount: int
    currency: str
    minutes: int | None
    night: bool
    mark: str  # "" plain, "~" inferred from context, "?" ambiguous as written

    def matches(self, price: Price) -> bool:
        if self.mark == "?":
            # Whatever amount is proposed, it must be marked for the officer to check.
            return price.doubt == "ambiguous" and price.currency == self.currency
        if self.mark == "~" and price.doubt != "inferred":
            return False
        return (price.amount, price.currency, price.minutes, price.night) == (
            self.amount,
            self.currency,
            self.minutes,
            self.night,
        )


@dataclass(frozen=True)
class LabelledAd:
    id: str
    group: str | None
    text: str
    phones: tuple[str, ...]
    prices: tuple[TruePrice, ...]
    place: str | None


def _price(raw: str) -> TruePrice:
    mark = raw[0] if raw[0] in "~?" else ""
    amount, currency, duration = raw.lstrip("~?").split()
    night = duration == "night"
    minutes = None if night or duration == "-" else int(duration)
    return TruePrice(int(amount), currency, minutes, night, mark)


def load() -> list[LabelledAd]:
    ads: list[LabelledAd] = []
    for block in DATA.read_text(encoding="utf-8").split("\n=== ")[1:]:
        head, *lines = block.strip("\n").split("\n")
        ad_id, _, group = head.partition(" group=")
        truth = {ln.split(" ", 1)[0]: ln.partition(" ")[2].strip() for ln in lines if ln[:1] == "@"}
        text = "\n".join(ln for ln in lines if ln[:1] not in ("@", "#")).strip("\n")
        for token, char in _SPACES.items():
            text = text.replace(token, char)
        ads.append(
            LabelledAd(
                id=ad_id.strip(),
                group=group.strip() or None,
                text=text,
                phones=tuple(truth["@phones"].split()),
                prices=tuple(_price(p.strip()) for p in truth["@prices"].split("|") if p.strip()),
                place=None if truth["@place"] in ("", "-") else truth["@place"],
            )
        )
    return ads


@dataclass
class Score:
    """True positives, and how many were found and how many there are."""

    hits: int = 0
    found: int = 0
    truth: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.truth if self.truth else 1.0


def price_hits(truth: tuple[TruePrice, ...], found: tuple[Price, ...]) -> int:
    """How many of ``truth`` a distinct price of ``found`` matches."""
    free = list(found)
    hits = 0
    for expected in truth:
        match = next((p for p in free if expected.matches(p)), None)
        if match is not None:
            free.remove(match)
            hits += 1
    return hits
