"""A card's fingerprint, big enough to compare group by group at arm's length or to read
aloud over the phone, and the one confirmation dialog of the Sync section: a laptop enrols
a station card, and station staff register a laptop card, only after comparing the
fingerprint by eye."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.sync.laptop_card import LaptopCard
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
    """Shows a card's name and fingerprint; accepted only by the explicit "they match"
    button (Enter alone cancels: the default is the safe answer). A station card by
    default; ``LaptopFingerprintDialog`` is the station's side of the same comparison."""

    def __init__(self, card: StationCard | LaptopCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._card = card
        self._build_ui()
        self._connect()

    def texts(self) -> tuple[str, str, str, str]:
        """Heading, instruction, warning and the accepting button's text."""
        assert isinstance(self._card, StationCard)
        return (
            self.tr("Station: {name}").format(name=self._card.name),
            self.tr(
                "Compare every group with the fingerprint the station shows (or that station "
                "staff read out to you). Enrol only if all five groups are the same."
            ),
            self.tr(
                "If any group differs, this card is not your station's: cancel, and tell "
                "station staff. Bundles from this laptop will be readable only by this station."
            ),
            self.tr("&All groups match: enrol"),
        )

    def _build_ui(self) -> None:
        heading, instruction, warning, accept = self.texts()
        self.setWindowTitle(self.tr("Compare the fingerprint"))
        self.heading = title_label(heading, self)
        self.instruction = QLabel(instruction, self)
        self.instruction.setWordWrap(True)
        self.fingerprint = FingerprintLabel(self._card.fingerprint, self)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = muted_label(warning, self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setDefault(True)
        self.match_button = QPushButton(accept, self)
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
        # Wide enough for the five groups whatever the text size, and as tall as the
        # wrapped texts need at that width (a top-level window does not ask its labels).
        self.setMinimumWidth(max(640, self.fingerprint.sizeHint().width() + 48))
        self.setMinimumHeight(self.sizeHint().height())
        self.adjustSize()
        self.cancel_button.setFocus()

    def _connect(self) -> None:
        self.cancel_button.clicked.connect(self.reject)
        self.match_button.clicked.connect(self.accept)


class LaptopFingerprintDialog(FingerprintDialog):
    """At the station: a laptop card's device and officers, and its fingerprint to compare
    with the one the laptop shows (``fieldapp station laptop-card`` or its Sync page)."""

    def texts(self) -> tuple[str, str, str, str]:
        assert isinstance(self._card, LaptopCard)
        return (
            self.tr("Laptop {device}, officers {officers}").format(
                device=self._card.device_id[:8], officers=", ".join(self._card.officers)
            ),
            self.tr(
                "Compare every group with the fingerprint the laptop shows (or that its "
                "administrator reads out to you). Register only if all five groups are the same."
            ),
            self.tr(
                "If any group differs, this card is not that laptop's: cancel, and find out "
                "where it came from. A registered laptop's bundles are accepted here."
            ),
            self.tr("&All groups match: register"),
        )


def confirm_card(parent: QWidget, card: StationCard) -> bool:
    """The default: the dialog, modal. Tests replace it with an answer."""
    return _confirmed(FingerprintDialog(card, parent))


def confirm_laptop_card(parent: QWidget, card: LaptopCard) -> bool:
    return _confirmed(LaptopFingerprintDialog(card, parent))


def _confirmed(dialog: FingerprintDialog) -> bool:
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
