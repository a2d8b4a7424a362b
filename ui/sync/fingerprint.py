"""The station's fingerprint, big enough to compare group by group at arm's length or to
read aloud over the phone, and the one confirmation dialog of the Sync section: enrolling a
station card only after the officer has compared the fingerprint by eye."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.sync.station import StationCard
from ui.forms import muted_label, title_label
from ui.theme import sized_font

FINGERPRINT_POINT_SIZE = 24.0


def spaced(fingerprint: str) -> str:
    """``ABCD-EF01-…`` as ``ABCD  EF01  …``: the dashes read as minus signs aloud."""
    return "  ".join(fingerprint.split("-"))


class FingerprintLabel(QLabel):
    """Five groups of four characters in a large fixed-width font: 0 and O, 1 and I
    stay apart, and the groups line up with the station's screen."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprint")
        self.setTextFormat(Qt.TextFormat.PlainText)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(sized_font(self, FINGERPRINT_POINT_SIZE).pointSizeF())
        font.setBold(True)
        font.setLetterSpacing(font.SpacingType.PercentageSpacing, 108)
        self.setFont(font)
        # Selectable: staff may paste it into a message to the laptop's officer.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.setText(spaced(fingerprint))
        self.setAccessibleName(fingerprint)


class FingerprintDialog(QDialog):
    """Shows a card's station name and fingerprint; accepted only by the explicit
    "they match" button (Enter alone cancels: the default is the safe answer)."""

    def __init__(self, card: StationCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._card = card
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Compare the fingerprint"))
        self.heading = title_label(self.tr("Station: {name}").format(name=self._card.name), self)
        self.instruction = QLabel(
            self.tr(
                "Compare every group with the fingerprint the station shows (or that station "
                "staff read out to you). Enrol only if all five groups are the same."
            ),
            self,
        )
        self.instruction.setWordWrap(True)
        self.fingerprint = FingerprintLabel(self._card.fingerprint, self)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = muted_label(
            self.tr(
                "If any group differs, this card is not your station's: cancel, and tell "
                "station staff. Bundles from this laptop will be readable only by this station."
            ),
            self,
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setDefault(True)
        self.match_button = QPushButton(self.tr("&All groups match: enrol"), self)
        self.match_button.setProperty("primary", "true")
        self.match_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.match_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.instruction)
        layout.addSpacing(6)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(6)
        layout.addWidget(self.warning)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        self.cancel_button.setFocus()

    def _connect(self) -> None:
        self.cancel_button.clicked.connect(self.reject)
        self.match_button.clicked.connect(self.accept)


def confirm_card(parent: QWidget, card: StationCard) -> bool:
    """The default: the dialog, modal. Tests replace it with an answer."""
    dialog = FingerprintDialog(card, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
