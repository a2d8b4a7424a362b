"""Item models of the Ads section: search hits, ads, same-advertiser proposals and the
decisions made on them, the outreach directory, the delivery log and the tips. Each holds
what the use case returned (a page of hits, a list of records) and formats a cell only
when a view asks for it.

Every model here passes pytest-qt's ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt

from fieldapp.ads.duplicates import Decision, Proposal
from fieldapp.ads.model import AdView
from fieldapp.ads.search import Hit, highlighted
from fieldapp.storage.records import Record
from ui.ads.texts import (
    COMPANY_KINDS,
    HIT_KINDS,
    LINK_DECISIONS,
    TIP_CHANNELS,
    prices_text,
    status_text,
)
from ui.table_model import ID_ROLE, AnyIndex, ColumnTableModel
from ui.words import short_moment, word

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
T = TypeVar("T")


def one_line(text: str) -> str:
    return " ".join(text.split())


def hit_text(hit: Hit) -> str:
    """A hit's title and snippet on one line, the matched words between « and »."""
    snippet = one_line(highlighted(hit.snippet, "«", "»"))
    return f"{hit.title}: {snippet}" if hit.title and hit.title not in snippet else snippet


class ListTableModel(ColumnTableModel, Generic[T]):
    """A table over a list of items: ``cells`` formats one item's row, ``key`` gives its id
    (``ID_ROLE``). The whole row's text is its tooltip, so a cut-off cell can be read."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[T]:
        return list(self._items)

    def item(self, row: int) -> T | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of_key(self, key: str) -> int:
        return next((i for i, item in enumerate(self._items) if self.key(item) == key), -1)

    def row_total(self) -> int:
        return len(self._items)

    def cells(self, item: T) -> tuple[str, ...]:
        raise NotImplementedError

    def key(self, item: T) -> str:
        raise NotImplementedError

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ID_ROLE:
            return self.key(item)
        if role == _DISPLAY:
            return self.cells(item)[index.column()]
        if role == _TOOLTIP:
            return self.cells(item)[index.column()] or None
        return None


class HitsModel(ListTableModel[Hit]):
    """Search hits, newest or most relevant first, as the search returned them; the
    matched words stand between « and »."""

    COLUMNS = ("seen", "kind", "place", "status", "text")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Last seen"), self.tr("Kind"), self.tr("Place"), self.tr("Status"),
                self.tr("Text"))  # fmt: skip

    def key(self, item: Hit) -> str:
        return item.entity_id

    def cells(self, item: Hit) -> tuple[str, ...]:
        place = ", ".join(x for x in (item.municipality, item.hotel) if x)
        status = status_text(item.status) if item.entity_type == "ad" and item.status else ""
        return (
            item.day_to or "",
            word(HIT_KINDS, item.entity_type, "Ads"),
            place,
            status,
            hit_text(item),
        )


class AdsModel(ListTableModel[AdView]):
    """Ads in full (a proposal's ads, the ads linked to a case)."""

    COLUMNS: tuple[str, ...] = ("seen", "site", "title", "phones", "prices", "status")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Last seen"), self.tr("Site"), self.tr("Title"), self.tr("Phones"),
                self.tr("Prices"), self.tr("Status"))  # fmt: skip

    def key(self, item: AdView) -> str:
        return item.id

    def cells(self, item: AdView) -> tuple[str, ...]:
        return (
            item.last_seen[:10],
            item.site,
            one_line(item.heading),
            ", ".join(item.phones),
            prices_text(item.prices),
            status_text(item.status),
        )


class ProposalsModel(ListTableModel[Proposal]):
    """Open same-advertiser proposals, largest first, with what joins the ads."""

    COLUMNS = ("ads", "evidence")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Ads"), self.tr("Why they may be one advertiser"))

    def key(self, item: Proposal) -> str:
        return item.key

    def cells(self, item: Proposal) -> tuple[str, ...]:
        why = []
        if item.phones:
            why.append(self.tr("same phone {numbers}").format(numbers=", ".join(item.phones)))
        if item.similar_texts:
            best = max(score for _, _, score in item.similar_texts)
            why.append(
                self.tr("near-identical text ({percent} %)").format(percent=round(best * 100))
            )
        if item.confirmed:
            why.append(self.tr("some already confirmed together"))
        return (str(len(item.ad_ids)), "; ".join(why))


class DecisionsModel(ListTableModel[Decision]):
    """Same-advertiser decisions in force, newest first: when, who, what, which ads. The
    officers' names and the ads' headings are looked up when the decisions are loaded
    (``names``, ``headings``), never while painting: a locked vault must not be read."""

    COLUMNS = ("when", "by", "decision", "ads", "note")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}  # officer id -> name
        self.headings: dict[str, str] = {}  # ad id -> its heading

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("By"), self.tr("Decision"), self.tr("Ads"),
                self.tr("Note"))  # fmt: skip

    def key(self, item: Decision) -> str:
        return item.id

    def cells(self, item: Decision) -> tuple[str, ...]:
        ads = " · ".join(one_line(self.headings.get(a, a[:8])) for a in item.ad_ids)
        return (
            short_moment(item.decided_at),
            self.names.get(item.decided_by, item.decided_by),
            word(LINK_DECISIONS, item.decision, "Ads"),
            f"{len(item.ad_ids)}: {ads}",
            one_line(item.note or ""),
        )


class CompaniesModel(ListTableModel[Record]):
    """The county's hotels and taxi companies, with when each last got the sheet."""

    COLUMNS = ("name", "kind", "municipality", "informed")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.informed: dict[str, str] = {}  # company id -> last delivery (ISO)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Kind"), self.tr("Municipality"),
                self.tr("Sheet given"))  # fmt: skip

    def key(self, item: Record) -> str:
        return item.entity_id

    def cells(self, item: Record) -> tuple[str, ...]:
        return (
            str(item.get("name") or ""),
            word(COMPANY_KINDS, item.get("kind"), "Ads"),
            str(item.get("municipality") or ""),
            short_moment(self.informed.get(item.entity_id)) or "–",
        )


class DeliveriesModel(ListTableModel[Record]):
    """The operation's delivery log, newest first."""

    COLUMNS = ("when", "company", "by", "version", "copies")

    def __init__(self, officer_name: Callable[[str | None], str], parent: QObject | None = None):
        super().__init__(parent)
        self._officer_name = officer_name

    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Company"), self.tr("By"), self.tr("Sheet version"),
                self.tr("Copies"))  # fmt: skip

    def key(self, item: Record) -> str:
        return item.entity_id

    def cells(self, item: Record) -> tuple[str, ...]:
        return (
            short_moment(item.get("delivered_at")),
            str(item.get("company") or ""),
            self._officer_name(item.get("delivered_by")),
            str(item.get("sheet_version") or ""),
            str(item.get("copies") or ""),
        )


class TipsModel(ListTableModel[Record]):
    """Tips received, newest first: when, from whom, how, what, the case. The names of
    the companies and cases are looked up when the tips are loaded (``sources``, ``cases``),
    never while painting: a locked vault must not be read."""

    COLUMNS = ("when", "from", "channel", "what", "case")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: dict[str, str] = {}  # company id -> name
        self.cases: dict[str, str] = {}  # case id -> place and room

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Received"), self.tr("From"), self.tr("How"), self.tr("What"),
                self.tr("Case"))  # fmt: skip

    def key(self, item: Record) -> str:
        return item.entity_id

    def cells(self, item: Record) -> tuple[str, ...]:
        channel = item.get("channel")
        company = item.get("company_id")
        source = self.sources.get(str(company), "") if company else str(item.get("source") or "")
        case_id = item.get("case_id")
        return (
            short_moment(item.get("received_at")),
            source,
            word(TIP_CHANNELS, channel, "Ads") if channel else "",
            one_line(str(item.get("what") or "")),
            self.cases.get(str(case_id), "") if case_id else "",
        )
