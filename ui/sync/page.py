"""The Sync section's page: the laptop's view or the station's, by the vault's mode."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldapp.storage.session import Session
from fieldapp.sync.station import is_station
from ui.runner import Runner
from ui.sync.laptop import LaptopSyncView
from ui.sync.station import StationSyncView


class SyncPage(QWidget):
    """Holds ``laptop`` or ``station`` (the other is None); ``changed`` when records
    changed, so the main window can refresh its other sections."""

    changed = Signal()
    open_case = Signal(str)  # at the station: a case chosen in the review table

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self.laptop: LaptopSyncView | None = None
        self.station: StationSyncView | None = None
        view: LaptopSyncView | StationSyncView
        if is_station(session):
            view = self.station = StationSyncView(session, self, runner=runner)
        else:
            view = self.laptop = LaptopSyncView(session, self)
        view.changed.connect(self.changed)
        if self.station is not None:
            self.station.open_case.connect(self.open_case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)

    def is_busy(self) -> bool:
        """An import is running (the idle lock may wait; quitting waits for the bundle)."""
        return self.station is not None and self.station.import_tab.is_busy()

    def shutdown(self) -> None:
        """Before the window closes: stop after the bundle in hand and wait for it."""
        if self.station is not None:
            self.station.import_tab.wait()


def make_sync_page(
    session: Session, parent: QWidget | None = None, *, runner: Runner | None = None
) -> QWidget:
    """The page the main window shows for the Sync section; long work on ``runner``."""
    return SyncPage(session, parent, runner=runner)
