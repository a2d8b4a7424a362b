"""The main window: navigation on the left, the current section in the middle, and a status
bar saying who is logged in, which vault is open and when it locks.

On lock everything that could show personal data is taken down at once: the central widget
is replaced by a neutral "locked" page and the status-bar labels are emptied. A successful
unlock builds the pages again for whoever logged in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp import APP_NAME
from fieldapp.officers import Officer
from ui.actions import LOCK, QUIT, SECTIONS, SectionSpec, make_action
from ui.forms import muted_label, title_label
from ui.i18n import role_name

_NAV_WIDTH = 220
_PAGE_TEXT_WIDTH = 720  # a readable line length on a 1366-pixel-wide screen


class PlaceholderPage(QWidget):
    """A section that is not built yet: its name and what it will hold."""

    def __init__(self, section: SectionSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label(section.action.translated_text(), self)
        self.description = QLabel(section.translated_description(), self)
        self.description.setWordWrap(True)
        self.description.setMaximumWidth(_PAGE_TEXT_WIDTH)
        self.coming = muted_label(self.tr("Coming in a later version."), self)
        self.keys = muted_label(
            self.tr("Keys: Ctrl+1 to Ctrl+6 switch section, Ctrl+L locks the vault."), self
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.coming)
        layout.addStretch(1)
        layout.addWidget(self.keys)


class SessionView(QWidget):
    """The central widget while unlocked: the navigation list and the section pages."""

    def __init__(self, section_actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(_NAV_WIDTH)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget(self)
        for section, action in zip(SECTIONS, section_actions, strict=True):
            item = QListWidgetItem(section.action.translated_text())
            item.setToolTip(action.shortcut().toString(action.shortcut().SequenceFormat.NativeText))
            self.navigation.addItem(item)
            self.pages.addWidget(PlaceholderPage(section, self.pages))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)


class LockedPage(QWidget):
    """The central widget while locked: nothing about anyone, and a way back in."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label(self.tr("The vault is locked"), self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("&Unlock…"), self)
        self.unlock_button.clicked.connect(self.unlock_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    """The application window. The controller (``ui.app``) decides when it is locked."""

    lock_requested = Signal()
    unlock_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock_remaining: Callable[[], int] | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._build_ui()
        self._connect()
        self.show_locked()

    # -- building ----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(900, 560)
        self.resize(1280, 720)

        self.lock_action = make_action(LOCK, self)
        self.quit_action = make_action(QUIT, self)
        self.section_actions = [make_action(s.action, self) for s in SECTIONS]

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for action in self.section_actions:
            go_menu.addAction(action)

        status = self.statusBar()
        self.officer_label = QLabel(status)
        self.role_label = QLabel(status)
        self.vault_label = QLabel(status)
        self.vault_label.setProperty("muted", "true")
        self.vault_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lock_label = QLabel(status)
        status.addWidget(self.officer_label)
        status.addWidget(self.role_label)
        status.addWidget(self.vault_label, 1)
        status.addPermanentWidget(self.lock_label)

    def _connect(self) -> None:
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action.triggered.connect(self.close)
        for index, action in enumerate(self.section_actions):
            action.triggered.connect(lambda _checked=False, i=index: self._go_to(i))
        self._status_timer.timeout.connect(self._update_lock_countdown)

    # -- state -------------------------------------------------------------------------------

    def show_fitted(self) -> None:
        """Maximised on a laptop-sized screen (the field case), a roomy window otherwise."""
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        if available is None or available.width() <= 1440 or available.height() <= 900:
            self.showMaximized()
        else:
            self.resize(1280, 800)
            self.show()

    def show_session(
        self, officer: Officer, vault_folder: str, lock_remaining: Callable[[], int]
    ) -> None:
        """Build the pages for ``officer``; ``lock_remaining`` gives ms until the idle lock."""
        self.setCentralWidget(SessionView(self.section_actions, self))
        self.officer_label.setText(officer.display_name)
        self.role_label.setText(role_name(officer.role))
        self.vault_label.setText(self.tr("Vault: {folder}").format(folder=vault_folder))
        self.vault_label.setToolTip(vault_folder)
        self._lock_remaining = lock_remaining
        self._update_lock_countdown()
        self._status_timer.start()
        self._set_session_actions_enabled(True)
        view = self.session_view()
        if view is not None:
            view.navigation.setFocus()  # arrow keys move between sections at once

    def show_locked(self) -> None:
        """Take down everything that could show personal data, now."""
        self._status_timer.stop()
        self._lock_remaining = None
        old = self.takeCentralWidget()
        if old is not None:
            # Hidden at once; deleted when control returns to the event loop (deleting it
            # here could pull the rug from under the slot that called us).
            old.hide()
            old.deleteLater()
        locked = LockedPage(self)
        locked.unlock_requested.connect(self.unlock_requested)
        self.setCentralWidget(locked)
        for label in (self.officer_label, self.role_label, self.vault_label, self.lock_label):
            label.clear()
            label.setToolTip("")
        self._set_session_actions_enabled(False)

    def is_locked(self) -> bool:
        return isinstance(self.centralWidget(), LockedPage)

    def session_view(self) -> SessionView | None:
        central = self.centralWidget()
        return central if isinstance(central, SessionView) else None

    def _set_session_actions_enabled(self, enabled: bool) -> None:
        self.lock_action.setEnabled(enabled)
        for action in self.section_actions:
            action.setEnabled(enabled)

    # -- handlers ----------------------------------------------------------------------------

    def _go_to(self, index: int) -> None:
        view = self.session_view()
        if view is not None:
            view.navigation.setCurrentRow(index)
            view.navigation.setFocus()

    @Slot()
    def _update_lock_countdown(self) -> None:
        if self._lock_remaining is None:
            self.lock_label.clear()
            return
        seconds = (self._lock_remaining() + 999) // 1000
        self.lock_label.setText(
            self.tr("Locks in {time}").format(time=f"{seconds // 60}:{seconds % 60:02d}")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # The controller locks the vault and quits; the window itself only reports it.
        self.close_requested.emit()
        super().closeEvent(event)
