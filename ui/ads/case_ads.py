"""The ads linked to the open case, under its header: each ad's title, its phones (E.164)
and its prices with what they are for, so the stated price can be compared with the ad's
at a glance. Ctrl+K links another or undoes a link (``LinkAdDialog``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.ads import links
from fieldapp.ads.model import AdView
from ui.ads.models import one_line
from ui.ads.texts import prices_text
from ui.capture import refusal_text
from ui.forms import muted_label
from ui.widgets import action_button
from ui.workspace import Workspace

MAX_SHOWN = 3  # more would push the checklist down; the rest are counted


def ad_line(ad: AdView) -> str:
    """ "Maja, ny i Västerås · +46701740655 · 1 500 kr / 30 min, 2 500 kr / 1 h"."""
    parts = [one_line(ad.heading)[:60] or ad.site, ", ".join(ad.phones), prices_text(ad.prices)]
    return "  ·  ".join(p for p in parts if p)


class LinkedAdsStrip(QFrame):
    """One line per linked ad, and the way to link another (Ctrl+K)."""

    link_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkedAds")
        self.workspace = workspace
        self.ads: list[AdView] = []
        self.caption = muted_label(self.tr("Ads:"), self)
        self.caption.setWordWrap(False)
        self.lines: list[QLabel] = []
        self.none = muted_label(self.tr("none linked"), self)
        self.link_button = action_button(self.tr("Link an ad… (Ctrl+K)"), self)
        # The key does it; Tab stays on the checklist, the step and the note.
        self.link_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._lines_box = QVBoxLayout()
        self._lines_box.setContentsMargins(0, 0, 0, 0)
        self._lines_box.setSpacing(0)
        self._lines_box.addWidget(self.none)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 2, 14, 2)
        layout.setSpacing(10)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(self._lines_box, 1)
        layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.link_button.clicked.connect(self.link_requested)

    def load(self, case_id: str) -> None:
        try:
            self.ads = links.ads_for_case(self.workspace.ctx, case_id)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.ads = []
            self.none.setText(refusal_text(exc, "linked ads"))
        else:
            self.none.setText(self.tr("none linked"))
        texts = [ad_line(ad) for ad in self.ads[:MAX_SHOWN]]
        if len(self.ads) > MAX_SHOWN:
            texts.append(
                self.tr("and {count} more (Ctrl+K lists them)").format(
                    count=len(self.ads) - MAX_SHOWN
                )
            )
        while len(self.lines) < len(texts):
            label = QLabel(self)
            label.setWordWrap(True)  # many prices wrap rather than widen the case screen
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._lines_box.addWidget(label)
            self.lines.append(label)
        for label, text in zip(self.lines, texts + [""] * len(self.lines), strict=False):
            label.setText(text)
            label.setToolTip(text)
            label.setVisible(bool(text))
        self.none.setVisible(not texts)

    def shown_text(self) -> str:
        """What the strip says, line by line (for tests and the accessibility tree)."""
        return "\n".join(label.text() for label in self.lines if label.isVisibleTo(self))
