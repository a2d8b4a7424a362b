"""The ad record and the advertiser decision record: their fields, how they are checked,
and the read-only view the screens and the CLI use.

An ad is checked like every other record, through ``fieldapp.workflow.entities``, which
the ad use cases hand ``AD_CLEANERS`` (the workflow sits below the ad register and does
not import it): phones are stored as E.164, the municipality must be one of the county's,
every linked case and person must exist, and every attachment is described by the SHA-256
taken when it was captured (the bytes travel as the event's attachments, stored as vault
blobs under that hash).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol
from urllib.parse import urlsplit

from fieldapp.ads.extract import normalise_phone

# The names live in ``kinds`` (the search index reads them without this module's checks);
# the ad modules and the screens read them from here too.
from fieldapp.ads.kinds import AD_ENTITY as AD_ENTITY
from fieldapp.ads.kinds import ADVERTISER_LINK_ENTITY as ADVERTISER_LINK_ENTITY
from fieldapp.ads.kinds import normalise_url as normalise_url
from fieldapp.ads.prices import CURRENCIES, DOUBTS, MAX_AMOUNT, Price
from fieldapp.counties import load_county
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.domain.common import drop_none, not_in_county
from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.errors import coded
from fieldapp.storage.records import Record
from fieldapp.validation import Problems, boolean, choice, integer, text
from fieldapp.workflow.context import Context
from fieldapp.workflow.entities import Cleaner

MAX_AD_TEXT = 20_000
MAX_URL = 2000
MAX_ITEMS = 50
_MAX_LABEL = 80
_PRICE_FIELDS = frozenset({"amount", "amount_to", "currency", "minutes", "night", "label", "doubt"})
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class AdStatus(StrEnum):
    ACTIVE = "active"  # still online when last seen
    GONE = "gone"  # taken down
    LINKED = "linked"  # tied to a case or a person


class AttachmentKind(StrEnum):
    SCREENSHOT = "screenshot"
    PAGE = "page"  # the saved web page (HTML or MHTML) as captured
    OTHER = "other"


class LinkDecision(StrEnum):
    SAME = "same"  # one advertiser behind these ads
    NOT_SAME = "not_same"  # the proposal was looked at and dismissed


class LinkBasis(StrEnum):
    PHONE = "phone"
    TEXT = "text"
    OTHER = "other"


class _Scope(Protocol):
    @property
    def operation_id(self) -> str | None: ...

    @property
    def case_id(self) -> str | None: ...


# -- checking -------------------------------------------------------------------------------


def county_municipalities(ctx: Context, operation_id: str | None) -> tuple[str, ...]:
    """The municipalities of the operation's county profile (empty if it names none)."""
    if operation_id is None:
        return ()
    operation = ctx.records.get(OPERATION_ENTITY, operation_id)
    county = operation.get("county") if operation else None
    return load_county(county).municipalities if county else ()


class CleanedAd(dict[str, Any]):
    """An ad's fields exactly as ``clean_ad`` returned them, without problems: a large
    import cleans most of its rows in a second process, and the cleaner then makes only the
    checks that need the vault (the links). Only code makes one; what a user types is a
    plain mapping and is always cleaned."""


def clean_ad_record(
    ctx: Context, data: Mapping[str, Any], p: Problems, scope: _Scope
) -> dict[str, Any]:
    """The cleaner ``entities`` calls for an ad: fields, then links to cases and persons."""
    if isinstance(data, CleanedAd):
        cleaned = dict(data)
    else:
        cleaned = clean_ad(
            data,
            p,
            now=ctx.latest_allowed(),
            municipalities=county_municipalities(ctx, scope.operation_id),
        )
    _check_ids(ctx, p, "case_ids", cleaned.get("case_ids", ()), CASE_ENTITY)
    _check_ids(ctx, p, "person_ids", cleaned.get("person_ids", ()), PERSON_ENTITY)
    return cleaned


def clean_ad(
    data: Mapping[str, Any],
    p: Problems,
    *,
    now: datetime,
    municipalities: Sequence[str] = (),
) -> dict[str, Any]:
    """An ad's stored form, or problems naming each field that is wrong."""
    url = _url(p, data)
    site = text(p, data, "site", max_len=120) or (urlsplit(url).hostname if url else None)
    title = text(p, data, "title", max_len=300)
    body = text(p, data, "text", max_len=MAX_AD_TEXT)
    if site is None and "url" not in {f for f, _ in p}:
        p.add(
            "site",
            coded("ad_site_required", "required (the site or platform, or the ad's web address)."),
        )
    if title is None and body is None and "text" not in {f for f, _ in p}:
        p.add("text", coded("ad_text_required", "required (the ad's text, or at least its title)."))
    municipality = text(p, data, "municipality", max_len=80)
    if municipality and municipalities and municipality not in municipalities:
        p.add("municipality", not_in_county(municipalities))
    first = seen(p, data, "first_seen", now=now, required=True)
    last = seen(p, data, "last_seen", now=now) or first
    if first and last and seen_key(last) < seen_key(first):
        p.add("last_seen", coded("last_before_first_seen", "must not be before first seen."))
    case_ids = id_list(p, data, "case_ids")
    person_ids = id_list(p, data, "person_ids")
    status = choice(p, data, "status", AdStatus) or AdStatus.ACTIVE
    if status is AdStatus.LINKED and not (case_ids or person_ids):
        p.add(
            "status",
            coded("linked_without_link", "linked: link the ad to a case or a person first."),
        )
    return drop_none(
        {
            "site": site,
            "url": url,
            "title": title,
            "text": body,
            "phones": _phones(p, data) or None,
            "emails": _emails(p, data) or None,
            "prices": _prices(p, data) or None,
            "municipality": municipality,
            "hotel": text(p, data, "hotel", max_len=160),
            "first_seen": first,
            "last_seen": last,
            "status": status,
            "case_ids": case_ids or None,
            "person_ids": person_ids or None,
            "attachments": _attachments(p, data) or None,
            "note": text(p, data, "note"),
        }
    )


def clean_advertiser_link(
    ctx: Context, data: Mapping[str, Any], p: Problems, scope: _Scope
) -> dict[str, Any]:
    """A person's decision on a "same advertiser" proposal: the ads, the decision, what it
    rests on. Nothing about the ads themselves changes."""
    ad_ids = sorted(set(id_list(p, data, "ad_ids", limit=1000)))
    if len(ad_ids) < 2 and "ad_ids" not in {f for f, _ in p}:
        p.add("ad_ids", coded("two_ads_needed", "name at least two different ads."))
    _check_ids(ctx, p, "ad_ids", ad_ids, AD_ENTITY)
    basis = data.get("basis") or []
    if not isinstance(basis, list) or not all(b in set(LinkBasis) for b in basis):
        p.add("basis", coded("not_a_choice", f"must list some of {', '.join(LinkBasis)}."))
        basis = []
    return drop_none(
        {
            "ad_ids": ad_ids,
            "decision": choice(p, data, "decision", LinkDecision, required=True),
            "basis": sorted(set(basis)) or None,
            "note": text(p, data, "note", max_len=500),
        }
    )


AD_CLEANERS: Mapping[str, Cleaner] = {
    AD_ENTITY: clean_ad_record,
    ADVERTISER_LINK_ENTITY: clean_advertiser_link,
}


def seen(
    p: Problems, data: Mapping[str, Any], field: str, *, now: datetime, required: bool = False
) -> str | None:
    """When an ad was seen: a date (YYYY-MM-DD, as a CSV often has it) or a time with its
    offset. A bare date is kept a date: it is not made into a made-up time of day."""
    raw = data.get(field)
    if raw is None or raw == "":
        if required:
            p.add(field, coded("required", "required."))
        return None
    value = str(raw).strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            if day > now.date():
                p.add(field, coded("in_future", "must not be in the future."))
                return None
            return day.isoformat()
        moment = datetime.fromisoformat(value)
    except ValueError:
        p.add(
            field,
            coded(
                "not_a_date",
                "not a real date or time (use YYYY-MM-DD or ISO 8601 with an offset).",
            ),
        )
        return None
    if moment.tzinfo is None:
        p.add(field, coded("no_time_zone", "needs a time zone offset (or give the date alone)."))
        return None
    if moment > now:
        p.add(field, coded("in_future", "must not be in the future."))
        return None
    return moment.isoformat()


def seen_key(value: str) -> str:
    """A sort key for a seen value: its date first, so dates and times compare sensibly."""
    return value[:10] + ("" if len(value) == 10 else value[10:])


def id_list(
    p: Problems, data: Mapping[str, Any], field: str, *, limit: int = MAX_ITEMS
) -> list[str]:
    raw = data.get(field) or []
    if not isinstance(raw, list) or not all(isinstance(i, str) and i.strip() for i in raw):
        p.add(field, coded("malformed", "must be a list of record ids."))
        return []
    if len(raw) > limit:
        p.add(field, coded("too_many", f"at most {limit}.", limit=limit))
        return []
    return sorted({i.strip() for i in raw})


def _check_ids(ctx: Context, p: Problems, field: str, ids: Sequence[str], entity_type: str) -> None:
    for i, entity_id in enumerate(ids):
        record = ctx.records.get(entity_type, entity_id)
        if record is None or record.voided:
            what = entity_type.replace("_", " ")
            p.add(f"{field}[{i}]", coded("no_such_record", f"no such {what}.", kind=entity_type))


def _url(p: Problems, data: Mapping[str, Any]) -> str | None:
    raw = text(p, data, "url", max_len=MAX_URL)
    if raw is None:
        return None
    if not _URL.match(raw):
        p.add("url", coded("not_a_web_address", "use a full web address starting with https://."))
        return None
    try:
        urlsplit(raw).hostname  # noqa: B018 - raises on a malformed host such as "[::1"
    except ValueError:
        p.add(
            "url",
            coded("not_a_web_address", "not a valid web address (its host part is malformed)."),
        )
        return None
    return raw


def _items(p: Problems, data: Mapping[str, Any], field: str) -> list[Any]:
    raw = data.get(field) or []
    if not isinstance(raw, list):
        p.add(field, coded("malformed", "must be a list."))
        return []
    if len(raw) > MAX_ITEMS:
        p.add(field, coded("too_many", f"at most {MAX_ITEMS}.", limit=MAX_ITEMS))
        return []
    return raw


def _phones(p: Problems, data: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for i, raw in enumerate(_items(p, data, "phones")):
        number = normalise_phone(raw) if isinstance(raw, str) else None
        if number is None:
            p.add(f"phones[{i}]", coded("not_a_phone", "not a phone number."))
        elif number not in out:
            out.append(number)
    return out


def _emails(p: Problems, data: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for i, raw in enumerate(_items(p, data, "emails")):
        address = raw.strip().lower() if isinstance(raw, str) else ""
        if not _EMAIL.match(address) or len(address) > 200:
            p.add(f"emails[{i}]", coded("not_an_email", "not an e-mail address."))
        elif address not in out:
            out.append(address)
    return out


def _prices(p: Problems, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, raw in enumerate(_items(p, data, "prices")):
        price = _plain_price(raw)
        if price is None:
            price = _checked_price(p.at(f"prices[{i}]"), raw)
        if price is not None:
            out.append(price)
    return out


def _plain_price(raw: Any) -> dict[str, Any] | None:
    """``raw`` as stored, if it is a price just as ``Price.as_data`` writes one (as every
    price read out of an ad's text is) and right; ``None`` for anything else, which
    ``_checked_price`` then checks field by field. The same result, a quarter of the time:
    an import checks tens of thousands of prices."""
    if type(raw) is not dict or not raw.keys() <= _PRICE_FIELDS:
        return None
    amount, top = raw.get("amount"), raw.get("amount_to")
    currency, minutes = raw.get("currency"), raw.get("minutes")
    night, label, doubt = raw.get("night"), raw.get("label"), raw.get("doubt")
    if doubt is not None and doubt not in DOUBTS:
        return None
    if type(amount) is not int or not 1 <= amount <= MAX_AMOUNT:
        return None
    if top is not None and (type(top) is not int or not amount < top <= MAX_AMOUNT):
        return None
    if type(currency) is not str or currency not in CURRENCIES:
        return None
    if minutes is not None and (type(minutes) is not int or not 1 <= minutes <= 24 * 60):
        return None
    if night is not None and type(night) is not bool:
        return None
    if label is not None:
        if type(label) is not str or len(label.strip()) > _MAX_LABEL:
            return None
        label = label.strip() or None
    return drop_none(
        {
            "amount": amount,
            "amount_to": top,
            "currency": currency,
            "minutes": minutes,
            "night": night or None,
            "label": label,
            "doubt": doubt,
        }
    )


def _checked_price(sub: Problems, raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, Mapping):
        sub.add("amount", coded("malformed", "must be an amount with its currency."))
        return None
    amount = integer(sub, raw, "amount", required=True, minimum=1, maximum=MAX_AMOUNT)
    top = integer(sub, raw, "amount_to", minimum=1, maximum=MAX_AMOUNT)
    if amount is not None and top is not None and top <= amount:
        sub.add("amount_to", coded("range_reversed", "must be more than the amount."))
    currency = text(sub, raw, "currency", required=True, max_len=3)
    if currency is not None and currency.upper() not in CURRENCIES:
        sub.add(
            "currency", coded("not_a_currency", f"must be one of {', '.join(sorted(CURRENCIES))}.")
        )
    minutes = integer(sub, raw, "minutes", minimum=1, maximum=24 * 60)
    return drop_none(
        {
            "amount": amount,
            "amount_to": top,
            "currency": currency.upper() if currency else None,
            "minutes": minutes,
            "night": boolean(sub, raw, "night") or None,
            "label": text(sub, raw, "label", max_len=_MAX_LABEL),
            "doubt": _doubt(sub, raw),
        }
    )


def _doubt(sub: Problems, raw: Mapping[str, Any]) -> str | None:
    """Why a price read out of the text should be checked; kept until the officer edits it."""
    doubt = raw.get("doubt")
    if doubt is not None and doubt not in DOUBTS:
        sub.add("doubt", coded("price_doubt", "must be 'ambiguous' or 'inferred'."))
        return None
    return str(doubt) if doubt else None


def _attachments(p: Problems, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, raw in enumerate(_items(p, data, "attachments")):
        sub = p.at(f"attachments[{i}]")
        if not isinstance(raw, Mapping):
            sub.add("sha256", coded("malformed", "must describe a captured file."))
            continue
        digest = text(sub, raw, "sha256", required=True, max_len=64)
        if digest is not None and not _SHA256.match(digest):
            sub.add("sha256", coded("malformed", "must be the file's SHA-256 in hex."))
        out.append(
            drop_none(
                {
                    "sha256": digest,
                    "kind": choice(sub, raw, "kind", AttachmentKind, required=True),
                    "media_type": text(sub, raw, "media_type", required=True, max_len=100),
                    "name": text(sub, raw, "name", max_len=200),
                    "size": integer(sub, raw, "size", required=True),
                    "captured_at": text(sub, raw, "captured_at", max_len=40),
                }
            )
        )
    return out


# -- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentInfo:
    sha256: str
    kind: str
    media_type: str
    size: int
    name: str | None = None
    captured_at: str | None = None


@dataclass(frozen=True)
class AdView:
    """An ad as it stands, for a screen: the registering officer is the creating event's."""

    id: str
    operation_id: str | None
    site: str
    url: str | None
    title: str | None
    text: str | None
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    prices: tuple[Price, ...]
    municipality: str | None
    hotel: str | None
    first_seen: str
    last_seen: str
    status: AdStatus
    case_ids: tuple[str, ...]
    person_ids: tuple[str, ...]
    attachments: tuple[AttachmentInfo, ...]
    note: str | None
    registered_by: str
    registered_at: str
    updated_at: str
    voided: bool

    @property
    def heading(self) -> str:
        """A one-line name for the ad: its title, else the first line of its text."""
        if self.title:
            return self.title[:120]
        lines = (self.text or "").strip().splitlines()
        return lines[0][:120] if lines else ""


def price_from_data(data: Mapping[str, Any]) -> Price:
    return Price(
        amount=int(data["amount"]),
        currency=str(data["currency"]),
        minutes=data.get("minutes"),
        night=bool(data.get("night", False)),
        label=data.get("label"),
        amount_to=data.get("amount_to"),
        doubt=data.get("doubt"),
    )


def ad_view(record: Record) -> AdView:
    d: Callable[[str], Any] = record.data.get
    return AdView(
        id=record.entity_id,
        operation_id=record.operation_id,
        site=str(d("site")),
        url=d("url"),
        title=d("title"),
        text=d("text"),
        phones=tuple(d("phones") or ()),
        emails=tuple(d("emails") or ()),
        prices=tuple(price_from_data(x) for x in d("prices") or ()),
        municipality=d("municipality"),
        hotel=d("hotel"),
        first_seen=str(d("first_seen")),
        last_seen=str(d("last_seen") or d("first_seen")),
        status=AdStatus(d("status") or AdStatus.ACTIVE),
        case_ids=tuple(d("case_ids") or ()),
        person_ids=tuple(d("person_ids") or ()),
        attachments=tuple(AttachmentInfo(**a) for a in d("attachments") or ()),
        note=d("note"),
        registered_by=record.created_by,
        registered_at=record.created_at,
        updated_at=record.updated_at,
        voided=record.voided,
    )
