"""The station's register of laptops, as a tab of its Sync section: register a laptop card
(after comparing its fingerprint by eye), see who is registered, and revoke a lost, stolen
or retired laptop with a reason. Every change is an event in the station's log
(``fieldapp.sync.register``); the same checks as ``fieldapp station register|revoke``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fieldapp.storage.session import Session
from fieldapp.sync.laptop_card import LaptopCard
from fieldapp.sync.register import (
    RegisteredLaptop,
    RevokeReason,
    registered_laptops,
    revoke_laptop,
)
from ui import seams
from ui.forms import FieldMessage, muted_label
from ui.models import county_name
from ui.sync import fingerprint
from ui.sync.backend import StationBackend, station_backend
from ui.sync.common import attempt
from ui.sync.texts import revoke_reason_text, short_device
from ui.table_model import ID_ROLE, AnyIndex, ColumnTableModel, brush
from ui.theme import MUTED_COLOR
from ui.widgets import CodeCombo, action_button, fitted_table

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


class RegisteredLaptopModel(ColumnTableModel):
    """One row per registered laptop: device, fingerprint, officers, (at a station with
    counties) its county, state."""

    COLUMNS: tuple[str, ...] = ("device", "fingerprint", "officers", "state")

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        county_of: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._laptops: list[RegisteredLaptop] = []
        self._county_of = county_of
        self._counties: dict[str, str | None] = {}
        if county_of is not None:
            self.COLUMNS = ("device", "fingerprint", "officers", "county", "state")

    def load(self, laptops: list[RegisteredLaptop]) -> None:
        self.beginResetModel()
        self._laptops = list(laptops)
        # Read once here, not at each paint: a PostgreSQL station answers over the network.
        county_of = self._county_of
        self._counties = (
            {laptop.device_id: county_of(laptop.device_id) for laptop in laptops}
            if county_of is not None
            else {}
        )
        self.endResetModel()

    def laptop(self, row: int) -> RegisteredLaptop | None:
        return self._laptops[row] if 0 <= row < len(self._laptops) else None

    def row_total(self) -> int:
        return len(self._laptops)

    def headers(self) -> tuple[str, ...]:
        words = {
            "device": self.tr("Laptop"),
            "fingerprint": self.tr("Fingerprint"),
            "officers": self.tr("Officers"),
            "county": self.tr("County"),
            "state": self.tr("State"),
        }
        return tuple(words[column] for column in self.COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        laptop = self.laptop(index.row()) if index.isValid() else None
        if laptop is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return laptop.device_id
        if role == _FOREGROUND and laptop.revoked:
            return brush(MUTED_COLOR)
        if role != _DISPLAY:
            return None
        if column == "device":
            return short_device(laptop.device_id)
        if column == "fingerprint":
            return laptop.fingerprint
        if column == "officers":
            return ", ".join(sorted(laptop.officers))
        if column == "county":
            county = self._counties.get(laptop.device_id)
            return county_name(county) if county else "—"
        if laptop.revoked:
            return self.tr("Revoked: {reason}").format(
                reason=revoke_reason_text(laptop.revoke_reason)
            )
        return self.tr("Registered")


class LaptopsTab(QWidget):
    """Register, list, revoke."""

    changed = Signal()  # the register changed

    def __init__(self, station: Session | StationBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self.ask_laptop_card_file: seams.AskFile = seams.ask_laptop_card_file
        self.confirm_laptop_card: Callable[[QWidget, LaptopCard], bool] = (
            fingerprint.confirm_laptop_card
        )
        self.confirm: seams.Confirm = seams.confirm
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.intro = muted_label(
            self.tr(
                "Only registered laptops' bundles are imported. Each laptop writes its card "
                "when it enrols this station's card; register it here after comparing the "
                "fingerprint with the laptop's."
            ),
            self,
        )
        self.register_button = action_button(self.tr("Regis&ter a laptop card…"), self)
        # The county a laptop is registered for (a PostgreSQL station's: its rows are then
        # seen by that county's staff only); a station vault is one county's, and has none.
        counties = self.backend.counties
        self.county_label = QLabel(self.tr("For co&unty:"), self)
        self.county = CodeCombo(
            {},
            self,
            codes=counties or [],
            empty=self.tr("— choose —"),
            words=county_name,
        )
        self.county.set_code(self.backend.preset_county)
        self.county_label.setBuddy(self.county)
        # Level with the combo and the button beside it (the row is aligned to its top).
        self.county_label.setMinimumHeight(self.county.sizeHint().height())
        for widget in (self.county_label, self.county):
            widget.setVisible(counties is not None)
        self.message = FieldMessage(self)
        self.model = RegisteredLaptopModel(
            self, county_of=self.backend.laptop_county if counties is not None else None
        )
        self.table = fitted_table(self.model, self, stretch=2)  # the officers take the room
        self.table.setObjectName("registeredLaptops")
        self.reason_label = QLabel(self.tr("Re&ason:"), self)
        self.reason = QComboBox(self)
        for reason in RevokeReason:
            self.reason.addItem(revoke_reason_text(reason.value), reason.value)
        self.reason_label.setBuddy(self.reason)
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("What happened (no personal data)"))
        self.revoke_button = action_button(self.tr("Re&voke the chosen laptop"), self)
        self.revoke_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.county_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.county, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        revoke = QHBoxLayout()
        revoke.setSpacing(8)
        revoke.addWidget(self.reason_label)
        revoke.addWidget(self.reason)
        revoke.addWidget(self.note, 1)
        revoke.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(revoke)

    def _connect(self) -> None:
        self.register_button.clicked.connect(self._on_register)
        self.revoke_button.clicked.connect(self._on_revoke)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def reload(self) -> None:
        self.model.load(registered_laptops(self.backend.book))
        self._on_current(self.table.currentIndex(), QModelIndex())

    def chosen(self) -> RegisteredLaptop | None:
        return self.model.laptop(self.table.currentIndex().row())

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        laptop = self.model.laptop(current.row()) if current.isValid() else None
        self.revoke_button.setEnabled(laptop is not None and not laptop.revoked)

    @Slot()
    def _on_register(self) -> None:
        path = self.ask_laptop_card_file(self)
        if path is None:
            return
        loaded = attempt(self.message, lambda: LaptopCard.load(path), "sync laptop card")
        if not loaded.ok or loaded.value is None:
            return
        card = loaded.value
        if not self.confirm_laptop_card(self, card):
            self.message.show_message(self.tr("Not registered: the fingerprint was not confirmed."))
            return
        county = self.county.code() or None
        if attempt(self.message, lambda: self.backend.register(card, county), "sync register").ok:
            self.message.show_message(
                self.tr("Registered laptop {device}: its bundles are accepted.").format(
                    device=short_device(card.device_id)
                ),
                "ok",
            )
            self.reload()
            self.changed.emit()

    @Slot()
    def _on_revoke(self) -> None:
        laptop = self.chosen()
        if laptop is None or laptop.revoked:
            return
        reason = str(self.reason.currentData())
        question = self.tr(
            "Revoke laptop {device} as {reason}? Its bundles with anything recorded after "
            "what the station holds now will be refused. This cannot be undone."
        ).format(device=short_device(laptop.device_id), reason=revoke_reason_text(reason))
        if not self.confirm(self, question):
            return
        done = attempt(
            self.message,
            lambda: revoke_laptop(self.backend.book, laptop.device_id, reason, self.note.text()),
            "sync revoke",
        )
        if done.ok:
            self.message.show_message(
                self.tr("Revoked laptop {device}.").format(device=short_device(laptop.device_id)),
                "ok",
            )
            self.note.clear()
            self.reload()
            self.changed.emit()
