"""Correcting a registered ad (from its detail in the Ads section): what the ad says (title,
text, site, address) on the left, what was read out of it (phones, e-mail, prices, place,
when it was seen, a note) on the right, each as it stands now, to correct.

Only the fields the officer changed are sent, through the same use case the CLI's
``ads edit`` uses (``corrections.correct_ad``): the correction is one new event and the
values before it stay in the ad's history. Prices kept are ticked (untick one to drop
it); new ones are typed as an ad writes them. A refusal is shown beside its field and
nothing is stored. The typing is a draft in the vault until it is saved, so a lock (which
closes the dialog) loses nothing: the dialog opened again on the same ad has it back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.ads import corrections, register
from fieldapp.ads.model import AdView
from fieldapp.workflow.context import Change
from ui.ads.register_tab import PriceChecks, split_list
from ui.capture import CaptureForm, Value
from ui.forms import muted_label
from ui.problem_texts import date_hint
from ui.screens.step import STEP_TITLE_SIZE
from ui.theme import sized_font
from ui.widgets import FormGrid, TownCombo, action_button, line_edit, text_box
from ui.workspace import Workspace

DRAFT_PREFIX = "ads/correct/"
_LISTS = ("phones", "emails")
_SEEN = ("first_seen", "last_seen")


def draft_key(ad_id: str) -> str:
    return DRAFT_PREFIX + ad_id


class CorrectAdForm(CaptureForm):
    """The ad's fields, filled in as they stand; ``corrected`` once a correction is saved."""

    corrected = Signal(object)  # the Change (no events if nothing differed)

    def __init__(self, workspace: Workspace, ad: AdView, parent: QWidget | None = None) -> None:
        super().__init__(workspace, draft_key(ad.id), parent)
        self.ad = ad
        self._build_ui()
        if ad.operation_id:  # the towns of the ad's own operation's county
            self.municipality.set_towns(register.places_of(workspace.ctx, ad.operation_id)[0])
        self.write_values(self.initial_values())
        self._initial = self.values()
        self.restored = self.load_draft()
        self.submitted.connect(self.save)

    def _build_ui(self) -> None:
        self.says_grid = FormGrid()
        self.title = line_edit(self, "", 300)
        self.add_field("title", self.tr("Tit&le"), self.title, grid=self.says_grid)
        self.text = text_box(self, "", lines=10)
        self.text.setMaximumHeight(16_777_215)  # as tall as the dialog allows
        self.add_field("text", self.tr("Ad te&xt"), self.text, grid=self.says_grid)
        self.says_grid.setRowStretch(2, 1)  # the text's row (rows: field, message, ...)
        self.site = line_edit(self, "", 120)
        self.add_field("site", self.tr("Sit&e"), self.site, grid=self.says_grid)
        self.url = line_edit(self, "https://…", 2000)
        self.add_field("url", self.tr("&Web address"), self.url, grid=self.says_grid)

        self.read_grid = FormGrid()
        self.phones = line_edit(self, self.tr("commas between numbers"), 600)
        self.add_field("phones", self.tr("&Phones"), self.phones, grid=self.read_grid)
        self.emails = line_edit(self, self.tr("commas between addresses"), 600)
        self.add_field("emails", self.tr("E-&mail"), self.emails, grid=self.read_grid)
        self.kept_prices = PriceChecks(self)
        self.add_field("kept_prices", self.tr("Prices"), self.kept_prices, grid=self.read_grid)
        self.new_prices = line_edit(self, self.tr("e.g. 1 500 kr / 30 min; 2 500 kr / 1 h"), 600)
        self.add_field("prices", self.tr("&Add prices"), self.new_prices, grid=self.read_grid)
        self.municipality = TownCombo(self)
        self.add_field(
            "municipality", self.tr("M&unicipality"), self.municipality, grid=self.read_grid
        )
        self.hotel = line_edit(self, "", 160)
        self.add_field("hotel", self.tr("H&otel"), self.hotel, grid=self.read_grid)
        self.first_seen = line_edit(self, date_hint(), 40)
        self.add_field("first_seen", self.tr("&First seen"), self.first_seen, grid=self.read_grid)
        self.last_seen = line_edit(self, date_hint(), 40)
        self.add_field("last_seen", self.tr("La&st seen"), self.last_seen, grid=self.read_grid)
        self.note = line_edit(self, self.tr("a note on the ad (optional)"), 2000)
        self.add_field("note", self.tr("&Note"), self.note, grid=self.read_grid)

        # The fields keep their height; the room left goes under them, not between them.
        self.read_grid.setRowStretch(self.read_grid.rowCount(), 1)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(self.says_grid, 1)
        columns.addLayout(self.read_grid, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general)

    def initial_values(self) -> dict[str, Value]:
        """The ad as it stands, in the fields' own terms (a seen time shown as its day:
        a day typed over it is stored as that day)."""
        ad = self.ad
        return {
            "title": ad.title,
            "text": ad.text,
            "site": ad.site,
            "url": ad.url,
            "phones": ", ".join(ad.phones),
            "emails": ", ".join(ad.emails),
            "kept_prices": [p.as_data() for p in ad.prices],
            "prices": None,
            "municipality": ad.municipality,
            "hotel": ad.hotel,
            "first_seen": ad.first_seen[:10],
            "last_seen": ad.last_seen[:10],
            "note": ad.note,
        }

    def changes(self) -> tuple[dict[str, Any], str | None]:
        """The fields the officer changed, as the core takes them (``None`` clears one),
        and the prices typed to add (``None`` if none)."""
        now = self.values()
        changes: dict[str, Any] = {}
        for name, value in now.items():
            if name == "prices" or value == self._initial.get(name):
                continue
            if name == "kept_prices":
                changes["prices"] = value or None
            elif name in _LISTS:
                changes[name] = split_list(value or "") or None
            else:
                changes[name] = value
        typed = now.get("prices")
        if typed:
            changes.setdefault("prices", now["kept_prices"])  # the typed ones are added to these
        return changes, typed or None

    @Slot()
    def save(self) -> None:
        changes, typed = self.changes()
        ad_id = self.ad.id

        def act() -> Change:
            return self.workspace.run(corrections.correct_ad, ad_id, changes, prices=typed)

        change = self.record_act(act)
        if change is not None:
            self.corrected.emit(change)


class CorrectAdDialog(QDialog):
    """``CorrectAdForm`` with its heading and buttons: Enter in a line saves, Esc cancels
    (the typing dropped); a lock closes it with the typing kept."""

    def __init__(self, workspace: Workspace, ad: AdView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the ad"))
        self.change: Change | None = None
        self.heading = QLabel(ad.heading or ad.site, self)
        self.heading.setFont(sized_font(self.heading, STEP_TITLE_SIZE, bold=True))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.hint = muted_label(
            self.tr(
                "Change what is wrong. The correction is saved as a new entry; what the ad "
                "said before stays in its history."
            ),
            self,
        )
        self.form = CorrectAdForm(workspace, ad, self)
        self.restored = muted_label(
            self.tr("Your corrections from before the lock are back: check them, then save."),
            self,
        )
        self.restored.setVisible(self.form.restored)
        self.save_button = action_button(self.tr("Save the correction (Enter)"), self, primary=True)
        self.cancel_button = action_button(self.tr("Cancel (Esc)"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.restored)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.form.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.form.corrected.connect(self._on_corrected)
        QWidget.setTabOrder(self.form.note, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.form.title.setFocus()  # the first field, whatever had the focus before

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    @Slot()
    def cancel(self) -> None:
        """The officer cancels: the typing is dropped (a lock's reject keeps it)."""
        self.form.discard_draft()
        self.reject()

    @Slot(object)
    def _on_corrected(self, change: Change) -> None:
        self.change = change
        self.accept()
