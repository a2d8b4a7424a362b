"""Searching the ad register: one box for words or a phone number in any format, a
municipality and a period; hits in a table, the chosen one opened beside it.

Opening a hit goes through the access log (``open_hit``), one entry per hit shown. With
nothing typed the table lists the ads of the operation in use, newest first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ads import register, search
from fieldapp.ads.model import AD_ENTITY, ad_view
from fieldapp.ads.search import Hit, SearchResult
from fieldapp.domain.case import OBSERVATION_ENTITY
from ui.ads.detail import AdDetail
from ui.ads.models import HitsModel
from ui.capture import refusal_text
from ui.forms import FieldMessage, muted_label
from ui.problem_texts import code_text, date_hint
from ui.screens.case_steps import county_towns
from ui.widgets import TownCombo, action_button, line_edit, row_table
from ui.workspace import Workspace


def hit_table(model: HitsModel, parent: QWidget) -> QTableView:
    """Hits one row each, whole rows selected; the text column takes the room left."""
    table = row_table(parent, model)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    metrics = table.fontMetrics()
    samples = ("0000-00-00", "Anteckning", "Västerås, Hotell", "borttagen")
    for column, sample in enumerate(samples):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
        table.setColumnWidth(column, width + 24)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class SearchTab(QWidget):
    """The search fields, the hits and the hit opened."""

    case_requested = Signal(str)
    changed = Signal()  # an ad was seen again, taken down or withdrawn

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.result: SearchResult | None = None
        self._opened: str | None = None
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Words, or a phone number in any format"))
        self.query.setClearButtonEnabled(True)
        self.query.setMaxLength(300)
        self.municipality = TownCombo(self)
        self.since = line_edit(self, date_hint(), 10)
        self.until = line_edit(self, date_hint(), 10)
        for edit in (self.since, self.until):
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance(date_hint()) + 36)
        self.search_button = action_button(self.tr("Search n&ow (Enter)"), self, primary=True)
        self.messages = {name: FieldMessage(self) for name in ("query", "since", "until")}

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        captions = (
            (self.tr("S&earch"), self.query, "query"),
            (self.tr("&Municipality"), self.municipality, ""),
            (self.tr("Seen si&nce"), self.since, "since"),
            (self.tr("&until"), self.until, "until"),
        )
        column = 0
        for caption, field, message in captions:
            label = QLabel(caption, self)
            label.setBuddy(field.focusProxy() or field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 0, column + 1)
            if message:
                grid.addWidget(self.messages[message], 1, column + 1)
            column += 2
        grid.addWidget(self.search_button, 0, column)
        grid.setColumnStretch(1, 1)

        self.summary = muted_label("", self)
        self.model = HitsModel(self)
        self.table = hit_table(self.model, self)
        self.table.setAccessibleName(self.tr("Hits"))
        self.detail = AdDetail(self.workspace, self)
        self.detail_area = QScrollArea(self)
        self.detail_area.setWidget(self.detail)
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([660, 440])  # the hits' text readable, the ad beside it

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        for first, second in ((self.query, self.municipality), (self.municipality, self.since),
                              (self.since, self.until), (self.until, self.search_button),
                              (self.search_button, self.table)):  # fmt: skip
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        for edit in (self.query, self.since, self.until):
            edit.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail.changed.connect(self._on_ad_changed)
        self.detail.case_requested.connect(self.case_requested)

    # -- searching ----------------------------------------------------------------------------

    def reload_places(self) -> None:
        self.municipality.set_towns(county_towns(self.workspace))

    def _day(self, edit: QLineEdit, name: str) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            self.messages[name].clear_message()
            return True, None
        try:
            day = date.fromisoformat(text)
        except ValueError:
            self.messages[name].show_message(code_text("not_a_date"))
            return False, None
        self.messages[name].clear_message()
        return True, day

    @Slot()
    def run_search(self) -> None:
        """Search with what is typed; the first hit is opened (and the opening logged)."""
        ok_since, since = self._day(self.since, "since")
        ok_until, until = self._day(self.until, "until")
        if not (ok_since and ok_until):
            return
        text = self.query.text().strip()
        place = self.municipality.code() or None
        listing = not (text or place or since or until)
        if listing:
            # Nothing to look for: the ads of the operation in use, newest first.
            query = search.SearchQuery(
                kinds=(AD_ENTITY,), operation_id=self.workspace.operation_id, limit=200
            )
        else:
            query = search.parse_query(
                text, municipality=place, since=since, until=until, limit=200
            )
        try:
            result = search.search(self.workspace.ctx, query)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.messages["query"].show_message(refusal_text(exc, "ad search"))
            return
        self.messages["query"].clear_message()
        if result.problems:
            self.messages["query"].show_message(
                self.tr("Not a phone number, nor four or more of its last digits.")
            )
        self.show_result(result, listing=listing)

    def show_result(self, result: SearchResult, *, listing: bool = False) -> None:
        self.result = result
        previous = self._opened
        self._opened = None
        self.model.set_items(result.hits)
        count = len(result.hits)
        if listing:
            text = self.tr("The operation's ads, newest first: {count}.").format(count=count)
        elif result.phone:
            text = self.tr("Phone {number}: {count} hits.").format(number=result.phone, count=count)
        else:
            text = self.tr("{count} hits.").format(count=count)
        if result.more:
            text += " " + self.tr("There are more: narrow the search.")
        self.summary.setText(text)
        again = self.model.row_of_key(previous) if previous else -1
        if again >= 0:
            # The hit open before is still found: shown afresh, not opened (logged) again.
            self._opened = previous
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(again)
            self.table.selectionModel().blockSignals(False)
            self._refresh_detail()
        elif count:
            self.table.selectRow(0)
        else:
            self.detail.show_nothing()

    def _refresh_detail(self) -> None:
        ad = self.detail.ad
        if ad is None:
            return
        try:
            self.detail.show_ad(register.get_ad(self.workspace.ctx, ad.id))
        except Exception:  # withdrawn meanwhile
            self.detail.show_nothing()

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self.workspace.active:
            return
        hit = self.model.item(current.row())
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: Hit) -> None:
        """Show ``hit``; the opening goes to the access log."""
        if hit.entity_id == self._opened:
            return
        try:
            record = search.open_hit(self.workspace.ctx, hit, purpose="ads search")
        except Exception as exc:  # withdrawn since, or our bug: said in the detail pane
            self.detail.show_nothing()
            self.detail.message.show_message(refusal_text(exc, "open hit"))
            return
        self._opened = hit.entity_id
        if hit.entity_type == OBSERVATION_ENTITY:
            self.detail.show_observation(record)
        else:
            self.detail.show_ad(ad_view(record))

    def show_ad(self, ad_id: str) -> None:
        """Open one ad by id (from a proposal): logged like a hit."""
        try:
            ad = register.open_ad(self.workspace.ctx, ad_id, purpose="ads list")
        except Exception as exc:
            self.detail.message.show_message(refusal_text(exc, "open ad"))
            return
        self._opened = ad_id
        row = self.model.row_of_key(ad_id)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        self.detail.show_ad(ad)

    @Slot(str)
    def _on_ad_changed(self, _ad_id: str) -> None:
        """Seen again, gone or withdrawn: the list shows it, the detail stays (a withdrawn
        ad leaves the pane empty, with its message, rather than opening the next one)."""
        message = self.detail.message.text()
        withdrawn = self.detail.ad is None
        self.table.selectionModel().blockSignals(withdrawn)
        self.run_search()
        self.table.selectionModel().blockSignals(False)
        if message:
            self.detail.message.show_message(message, "ok")
        self.changed.emit()
