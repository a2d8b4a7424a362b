"""The Sync section on a laptop: which station this laptop sends to (or enrolling one by
its card, after comparing the fingerprint by eye), sealed bundles out to a USB stick or a
share, the station's receipts in, and the retention purge that receipts make possible."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldapp.storage.session import Session
from fieldapp.sync.enrol import enrol_station, enrolled_station
from fieldapp.sync.export import Exported, acked_seq, acknowledge, export_bundle
from fieldapp.sync.laptop_card import laptop_fingerprint, make_laptop_card
from fieldapp.sync.retention import due_for_purge, purge_due, retention_days
from fieldapp.sync.station import StationCard
from fieldapp.workflow.context import local_now
from ui import seams
from ui.forms import FieldMessage, escape_html, muted_label, title_label
from ui.sync import fingerprint
from ui.sync.common import Panel, attempt
from ui.sync.fingerprint import FingerprintLabel
from ui.widgets import action_button

_TEXT_WIDTH = 820  # a readable line on a 1366-pixel screen, with the navigation beside it


class LaptopSyncView(QWidget):
    """The laptop's side of sync. File choosers and confirmations are the replaceable
    attributes ``ask_*`` and ``confirm_*`` (tests answer them without a dialog)."""

    changed = Signal()  # something in the vault changed (enrolled, acknowledged, purged)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock
        self.ask_card_file: seams.AskFile = seams.ask_card_file
        self.ask_laptop_card_target: seams.AskFile = seams.ask_laptop_card_target
        self.confirm_card: Callable[[QWidget, StationCard], bool] = fingerprint.confirm_card
        self.ask_export_folder: seams.AskFolder = seams.ask_export_folder
        self.ask_receipt_file: seams.AskFile = seams.ask_receipt_file
        self.confirm_purge: seams.Confirm = seams.confirm
        self.last_export: Exported | None = None
        self._build_ui()
        self._connect()
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.title = title_label(self.tr("Sync with the station"), self)
        self.intro = muted_label(
            self.tr(
                "Bundles are sealed: only the station can open them, so a lost USB stick "
                "reveals nothing. Take each bundle to the station and bring its receipt back."
            ),
            self,
        )
        self._build_station_panel()
        self._build_send_panel()
        self._build_retention_panel()
        content = QWidget(self)
        content.setMaximumWidth(_TEXT_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addWidget(self.station_panel)
        column.addWidget(self.send_panel)
        column.addWidget(self.retention_panel)
        column.addStretch(1)
        inner = QWidget(self)
        row = QHBoxLayout(inner)
        row.setContentsMargins(24, 18, 24, 12)
        row.addWidget(content, 1)
        row.addStretch(0)
        # Scrolls rather than squeezes with the large-text option on a 768-pixel screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _build_station_panel(self) -> None:
        self.station_panel = Panel(self.tr("Station"), self)
        self.station_name = QLabel(self.station_panel)
        self.station_name.setTextFormat(Qt.TextFormat.RichText)
        self.station_name.setWordWrap(True)
        self.fingerprint = FingerprintLabel("", self.station_panel)
        self.fingerprint_note = muted_label(
            self.tr(
                "The same fingerprint is shown at the station; staff can read it out to "
                "compare. Bundles from this laptop can be opened only there."
            ),
            self.station_panel,
        )
        self.not_enrolled = muted_label(
            self.tr(
                "No station is enrolled yet. Get the station's card (card.json) from station "
                "staff; you will compare its fingerprint with the one the station shows. "
                "An administrator enrols it."
            ),
            self.station_panel,
        )
        self.enrol_button = action_button(self.tr("&Enrol station card…"), self.station_panel)
        # The other half of the comparison: the station registers this laptop's card.
        self.laptop_note = muted_label(
            self.tr(
                "The station accepts bundles only from laptops it has registered. Save this "
                "laptop's card for station staff (again after enrolling a new officer); they "
                "compare this fingerprint:"
            ),
            self.station_panel,
        )
        self.laptop_fingerprint = FingerprintLabel("", self.station_panel)
        self.laptop_card_button = action_button(
            self.tr("Save this laptop's c&ard…"), self.station_panel
        )
        self.station_message = FieldMessage(self.station_panel)
        body = self.station_panel.body
        body.addWidget(self.station_name)
        body.addWidget(self.fingerprint)
        body.addWidget(self.fingerprint_note)
        body.addWidget(self.not_enrolled)
        body.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignLeft)
        body.addWidget(self.laptop_note)
        body.addWidget(self.laptop_fingerprint)
        body.addWidget(self.laptop_card_button, 0, Qt.AlignmentFlag.AlignLeft)
        body.addWidget(self.station_message)

    def _build_send_panel(self) -> None:
        self.send_panel = Panel(self.tr("Send to the station"), self)
        self.pending = QLabel(self.send_panel)
        self.pending.setWordWrap(True)
        self.export_button = action_button(
            self.tr("E&xport bundle…"), self.send_panel, primary=True
        )
        self.receipt_button = action_button(self.tr("&Record receipt…"), self.send_panel)
        self.send_message = FieldMessage(self.send_panel)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        body = self.send_panel.body
        body.addWidget(self.pending)
        body.addLayout(buttons)
        body.addWidget(self.send_message)

    def _build_retention_panel(self) -> None:
        self.retention_panel = Panel(self.tr("Retention"), self)
        self.retention_rule = muted_label("", self.retention_panel)
        self.due = QLabel(self.retention_panel)
        self.due.setWordWrap(True)
        self.purge_button = action_button(self.tr("&Purge due cases…"), self.retention_panel)
        self.retention_message = FieldMessage(self.retention_panel)
        body = self.retention_panel.body
        body.addWidget(self.retention_rule)
        body.addWidget(self.due)
        body.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        body.addWidget(self.retention_message)

    def _connect(self) -> None:
        self.enrol_button.clicked.connect(self._on_enrol)
        self.laptop_card_button.clicked.connect(self._on_save_laptop_card)
        self.export_button.clicked.connect(self._on_export)
        self.receipt_button.clicked.connect(self._on_receipt)
        self.purge_button.clicked.connect(self._on_purge)

    # -- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the station, what is unacknowledged and what is due, from the vault."""
        card = enrolled_station(self.session)
        enrolled = card is not None
        for widget in (
            self.station_name,
            self.fingerprint,
            self.fingerprint_note,
            self.laptop_note,
            self.laptop_fingerprint,
            self.laptop_card_button,
        ):
            widget.setVisible(enrolled)
        self.not_enrolled.setVisible(not enrolled)
        self.enrol_button.setVisible(not enrolled)
        if card is not None:
            self.station_name.setText(
                self.tr("This laptop sends to <b>{name}</b>. Fingerprint:").format(
                    name=escape_html(card.name)
                )
            )
            self.fingerprint.set_fingerprint(card.fingerprint)
            self.laptop_fingerprint.set_fingerprint(laptop_fingerprint(self.session))
        self.export_button.setEnabled(enrolled)
        self.receipt_button.setEnabled(enrolled)
        last, _ = self.session.log.head()
        acked = acked_seq(self.session)
        if not enrolled:
            self.pending.setText(self.tr("Enrol the station's card first."))
        elif last > acked:
            self.pending.setText(
                self.tr(
                    "Not yet acknowledged by the station: {count} entries (numbers {first} to "
                    "{last})."
                ).format(count=last - acked, first=acked + 1, last=last)
            )
        else:
            self.pending.setText(self.tr("The station has acknowledged everything on this laptop."))
        self._refresh_retention()

    def _refresh_retention(self) -> None:
        self.retention_rule.setText(
            self.tr(
                "A closed or handed-over case is deleted from this laptop {days} days after its "
                "last change, once the station has acknowledged it. The station keeps it."
            ).format(days=retention_days(self.session))
        )
        due = len(due_for_purge(self.session, self._clock()))
        self.due.setText(self.tr("Cases due for deletion now: {count}").format(count=due))
        self.purge_button.setEnabled(due > 0)

    def showEvent(self, event: QShowEvent) -> None:
        # Cases were recorded while another section was shown: counts are read again.
        super().showEvent(event)
        self.refresh()

    # -- actions ------------------------------------------------------------------------------

    @Slot()
    def _on_enrol(self) -> None:
        path = self.ask_card_file(self)
        if path is None:
            return
        loaded = attempt(self.station_message, lambda: StationCard.load(path), "sync enrol")
        card = loaded.value
        if card is None:
            return
        if not self.confirm_card(self, card):
            self.station_message.show_message(
                self.tr("Not enrolled: the fingerprint was not confirmed."), "hint"
            )
            return
        if attempt(
            self.station_message, lambda: enrol_station(self.session, card), "sync enrol"
        ).ok:
            self.refresh()
            self.station_message.show_message(
                self.tr("Enrolled. Bundles from this laptop are now sealed to {name}.").format(
                    name=card.name
                ),
                "ok",
            )
            self.changed.emit()

    @Slot()
    def _on_save_laptop_card(self) -> None:
        path = self.ask_laptop_card_target(self)
        if path is None:
            return
        made = attempt(
            self.station_message, lambda: make_laptop_card(self.session), "sync laptop card"
        )
        card = made.value
        if card is None:
            return
        if attempt(self.station_message, lambda: card.save(path), "sync laptop card").ok:
            self.station_message.show_message(
                self.tr(
                    "Saved {file}. Station staff register it after comparing the fingerprint."
                ).format(file=path.name),
                "ok",
            )

    @Slot()
    def _on_export(self) -> None:
        folder = self.ask_export_folder(self)
        if folder is None:
            return
        done = attempt(
            self.send_message, lambda: export_bundle(self.session, folder), "sync export"
        )
        if not done.ok:
            return
        exported = done.value
        self.last_export = exported
        if exported is None:
            self.send_message.show_message(
                self.tr("Nothing new to send: the station has acknowledged everything."), "ok"
            )
            return
        header = exported.header
        self.send_message.show_message(
            self.tr(
                "Wrote {file}: {count} entries (numbers {first} to {last}). Take it to the "
                "station and bring back the receipt."
            ).format(
                file=exported.path.name,
                count=header.count,
                first=header.from_seq,
                last=header.to_seq,
            ),
            "ok",
        )

    @Slot()
    def _on_receipt(self) -> None:
        path = self.ask_receipt_file(self)
        if path is None:
            return
        through = attempt(
            self.send_message, lambda: acknowledge(self.session, path), "sync receipt"
        ).value
        if through is None:
            return
        self.refresh()
        self.send_message.show_message(
            self.tr(
                "Receipt recorded: the station holds this laptop's entries up to {seq}."
            ).format(seq=through),
            "ok",
        )
        self.changed.emit()

    @Slot()
    def _on_purge(self) -> None:
        count = len(due_for_purge(self.session, self._clock()))
        if not count:
            return
        question = self.tr(
            "Delete {count} case(s) from this laptop? The station keeps them; this laptop "
            "will not be able to show them again."
        ).format(count=count)
        if not self.confirm_purge(self, question):
            return
        purged = attempt(
            self.retention_message, lambda: purge_due(self.session, self._clock()), "sync purge"
        ).value
        if purged is None:
            return
        self._refresh_retention()
        self.retention_message.show_message(
            self.tr("Deleted {count} case(s) from this laptop.").format(count=len(purged)), "ok"
        )
        self.changed.emit()
