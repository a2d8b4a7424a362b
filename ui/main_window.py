"""The main window: navigation on the left, the current section in the middle, and a status
bar saying who is logged in, which vault is open, when it locks and when it last saved.

Global actions (new case, lock, contacts, quick note, print, search …) are declared once in
``ui.actions`` and live here, so their keys work from every screen.

On lock everything that could show personal data is taken down at once: the central widget
is replaced by a neutral "locked" page and the status-bar labels are emptied. Where the
officer was (section, case, step) is remembered, without any data: a successful unlock
builds the pages again and returns there, with unsaved typing restored from its draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp import APP_NAME
from fieldapp.provisioning import Managed
from fieldapp.storage.session import Session
from ui.actions import (
    CASE_ACTIONS,
    CHECKLIST,
    CONTACTS,
    COPY_DIAGNOSTICS,
    EXPLAIN,
    LINK_AD,
    LOCK,
    MISSING,
    NEW_CASE,
    NEXT_STEP,
    PREVIOUS_STEP,
    PRINT,
    QUICK_NOTE,
    QUIT,
    SEARCH,
    SECTIONS,
    SectionSpec,
    make_action,
)
from ui.forms import muted_label, title_label
from ui.i18n import role_name
from ui.locked_page import LockedPage

if TYPE_CHECKING:
    from ui.ads.page import AdsPage
    from ui.screens.case_screen import CaseScreen
    from ui.screens.documents_page import DocumentsPage
    from ui.sync import SyncPage

_NAV_WIDTH = 200
_PAGE_TEXT_WIDTH = 720  # a readable line length on a 1366-pixel-wide screen
OPERATIONS, DASHBOARD, CASES, ADS, DOCUMENTS, SYNC, SETTINGS = range(7)


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
            self.tr("Keys: Ctrl+1 to Ctrl+7 switch section, Ctrl+L locks the vault."), self
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.coming)
        layout.addStretch(1)
        layout.addWidget(self.keys)


@dataclass(frozen=True)
class Location:
    """Where the officer was when the vault locked: ids only, never data."""

    section: int
    case_id: str | None
    step: str | None


class SessionView(QWidget):
    """The central widget while unlocked: the navigation list and the section pages.

    The pages the officer starts on (operations, dashboard, cases, settings) are built at
    once; ads, documents and sync (the larger half of building them, with their imports)
    after the first page has been painted, one per turn of the event loop, or as soon as
    anything asks for them: the main window shows a second sooner after the passphrase."""

    def __init__(
        self,
        session: Session,
        section_actions: list[QAction],
        parent: QWidget | None = None,
        managed: Managed | None = None,
    ) -> None:
        super().__init__(parent)
        from fieldapp.sync.station import is_station
        from ui.first_paint import FirstPaint
        from ui.screens.cases_page import CasesPage
        from ui.screens.dashboard import DashboardPage
        from ui.screens.operations import OperationsPage
        from ui.screens.panels import PANEL_WIDTH, ContactsPanel
        from ui.screens.settings_page import SettingsPage
        from ui.workspace import Workspace

        self.workspace = Workspace(session, parent=self)
        self.workspace.managed = managed or Managed()
        # An op that writes for seconds blocks every page, so nothing here touches the vault.
        self.workspace.runner.view = self
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(_NAV_WIDTH)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget(self)
        self.operations = OperationsPage(self.workspace, self.pages)
        self.dashboard = DashboardPage(self.workspace, self.pages)
        self.cases = CasesPage(self.workspace, self.pages)
        self.settings = SettingsPage(self.workspace, self.pages)
        self._built: dict[int, QWidget] = {
            OPERATIONS: self.operations,
            DASHBOARD: self.dashboard,
            CASES: self.cases,
            SETTINGS: self.settings,
        }
        self._later = (ADS, DOCUMENTS, SYNC)  # built by ``_page``, placeholders till then
        for index, (section, action) in enumerate(zip(SECTIONS, section_actions, strict=True)):
            item = QListWidgetItem(section.action.translated_text())
            item.setToolTip(action.shortcut().toString(action.shortcut().SequenceFormat.NativeText))
            self.navigation.addItem(item)
            page = self._built.get(index)
            if page is None:
                page = (
                    QWidget(self.pages)
                    if index in self._later
                    else PlaceholderPage(section, self.pages)
                )
            self.pages.addWidget(page)
        self.contacts = ContactsPanel(self.workspace, self)
        self.contacts.setFixedWidth(PANEL_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        # Over the page, not beside it: nothing moves under the officer's hands.
        self.navigation.currentRowChanged.connect(self._on_section)
        self.dashboard.case_requested.connect(self.open_case)
        self.operations.operation_chosen.connect(lambda _op: self.go_to(DASHBOARD))
        self.cases.case_opened.connect(self._on_case_opened)
        self.contacts.close_requested.connect(self.hide_contacts)
        self._build_timer = QTimer(self)  # dies with the view: never fires after a lock
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_next)
        start = DASHBOARD if self.workspace.operation_id else OPERATIONS
        if is_station(session):
            start = SYNC  # station staff's work starts with the laptops' bundles
        self.navigation.setCurrentRow(start)
        FirstPaint(self.pages.currentWidget() or self.pages, self._build_timer.start)

    # -- pages built after the first paint ---------------------------------------------------

    @property
    def ads(self) -> AdsPage:
        return cast("AdsPage", self._page(ADS))

    @property
    def documents(self) -> DocumentsPage:
        return cast("DocumentsPage", self._page(DOCUMENTS))

    @property
    def sync(self) -> SyncPage | None:
        return cast("SyncPage", self._page(SYNC))

    def _page(self, index: int) -> QWidget:
        page = self._built.get(index)
        if page is None:
            page = self._build(index)
            placeholder = self.pages.widget(index)
            assert placeholder is not None
            current = self.pages.currentIndex()
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages.setCurrentIndex(current)
            self._built[index] = page
        return page

    def _build(self, index: int) -> QWidget:
        if index == ADS:
            from ui.ads.page import AdsPage

            ads = AdsPage(self.workspace, self.pages)
            ads.case_requested.connect(self.open_case)
            return ads
        if index == DOCUMENTS:
            from ui.screens.documents_page import DocumentsPage

            documents = DocumentsPage(self.workspace, self.pages)
            documents.set_case(self.cases.case_screen.case_id)
            return documents
        from ui.sync import make_sync_page

        sync = make_sync_page(self.workspace.session, self.pages, runner=self.workspace.runner)
        sync.changed.connect(self._on_synced)  # type: ignore[attr-defined]
        sync.open_case.connect(self.open_case)  # type: ignore[attr-defined]
        return sync

    @Slot()
    def _build_next(self) -> None:
        """One page not built yet, then the next on the next turn (input is handled between)."""
        pending = [i for i in self._later if i not in self._built]
        if pending and self.workspace.active:
            self._page(pending[0])
            if len(pending) > 1:
                self._build_timer.start()

    @Slot(str)
    def _on_case_opened(self, case_id: str) -> None:
        documents = self._built.get(DOCUMENTS)
        if documents is not None:
            cast("DocumentsPage", documents).set_case(case_id)

    @Slot()
    def _on_synced(self) -> None:
        """Records came in or went away (import, purge, a resolved conflict): the other
        sections show them afresh."""
        self.cases.reload()
        self.operations.reload()
        self.dashboard.reload()
        if ADS in self._built:
            self.ads.mark_stale()
        screen = self.cases.case_screen
        if screen.case_id is not None:
            if self.workspace.ctx.records.get("case", screen.case_id) is None:
                self.cases.show_list()  # purged from this laptop
            else:
                screen.open_case(screen.case_id, screen.current_step())

    @Slot(int)
    def _on_section(self, index: int) -> None:
        if self.pages.currentIndex() == CASES and index != CASES:
            self.cases.flush()
        if self.pages.currentIndex() == ADS and index != ADS:
            self.ads.flush()
        self._page(index)
        self.pages.setCurrentIndex(index)

    def go_to(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def section(self) -> int:
        return self.pages.currentIndex()

    @Slot(str)
    def open_case(self, case_id: str, step: str | None = None) -> None:
        # The case first, then the section: shown first, the section would show the case
        # screen as it was left, the case before, with its field taking the focus.
        self.cases.open_case(case_id, step)
        self.go_to(CASES)
        self.cases.case_screen.focus_step()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_contacts()

    def _place_contacts(self) -> None:
        width = min(self.contacts.width(), self.width() - _NAV_WIDTH)
        self.contacts.setGeometry(self.width() - width, 0, width, self.height())

    def toggle_contacts(self) -> None:
        if self.contacts.isVisible():
            self.hide_contacts()
        else:
            self._focus_before = QApplication.focusWidget()
            self.contacts.load()
            self._place_contacts()
            self.contacts.show()
            self.contacts.raise_()
            self.contacts.setFocus()

    @Slot()
    def hide_contacts(self) -> None:
        self.contacts.hide()
        previous = getattr(self, "_focus_before", None)
        if previous is not None:
            previous.setFocus()

    def location(self) -> Location:
        case_id = self.cases.case_screen.case_id
        step = self.cases.case_screen.current_step()
        return Location(self.section(), case_id, step)

    def restore(self, location: Location) -> None:
        if location.case_id is not None and self.workspace.ctx.records.get(
            "case", location.case_id
        ):
            if location.section == CASES:
                self.open_case(location.case_id, location.step)
                return
            self.cases.open_case(location.case_id, location.step)
            self.cases.show_list()
        self.go_to(location.section)

    def flush(self) -> None:
        """Let the op in hand finish (a station import: its bundle), then save what is
        pending (the vault is about to lock or the app to close)."""
        self.workspace.runner.wait()
        self.cases.flush()
        if ADS in self._built:
            self.ads.flush()
        self.workspace.autosaver.flush_all()
        if SYNC in self._built and self.sync is not None:
            self.sync.shutdown()

    def print_here(self) -> None:
        page = self.section()
        if page == CASES:
            self.cases.print_here()
        elif page == DASHBOARD:
            self.dashboard.print_here()
        elif page == DOCUMENTS:
            self.documents.print_here()


class MainWindow(QMainWindow):
    """The application window. The controller (``ui.app``) decides when it is locked."""

    lock_requested = Signal()
    unlock_requested = Signal()
    close_requested = Signal()
    language_changed = Signal(str)
    large_text_changed = Signal(bool)
    idle_timeout_changed = Signal(int)
    diagnostics_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lock_remaining: Callable[[], int] | None = None
        self._session: Session | None = None
        self._location: Location | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        # The print dialog; tests set a function that prints to a PDF file instead.
        self._ask_printer: Callable[..., bool] | None = None
        self.managed = Managed()  # IT's managed settings; the controller sets this machine's
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
        self.new_case_action = make_action(NEW_CASE, self)
        self.contacts_action = make_action(CONTACTS, self)
        self.print_action = make_action(PRINT, self)
        self.search_action = make_action(SEARCH, self)
        self.diagnostics_action = make_action(COPY_DIAGNOSTICS, self)
        self.case_actions = {spec.id: make_action(spec, self) for spec in CASE_ACTIONS}
        self.section_actions = [make_action(s.action, self) for s in SECTIONS]

        file_menu = self.menuBar().addMenu("")
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        # In the File menu, not a Help menu of its own: a new menu title would take an
        # Alt-letter from the pages' fields (tests/ui/test_mnemonics.py).
        file_menu.addAction(self.diagnostics_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = self.menuBar().addMenu("")
        case_menu.addAction(self.new_case_action)
        case_menu.addAction(self.search_action)
        case_menu.addSeparator()
        for action in self.case_actions.values():
            case_menu.addAction(action)
        go_menu = self.menuBar().addMenu("")
        for action in self.section_actions:
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.contacts_action)
        self._menus = (file_menu, case_menu, go_menu)
        self._retranslate()

        status = self.statusBar()
        self.officer_label = QLabel(status)
        self.role_label = QLabel(status)
        self.vault_label = QLabel(status)
        self.vault_label.setProperty("muted", "true")
        self.vault_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label = QLabel(status)
        self.saved_label.setObjectName("savedIndicator")
        self.saved_label.setProperty("severity", "ok")
        self.lock_label = QLabel(status)
        # Work on the background runner: a bar while it runs (moving if the total is unknown).
        self.work_bar = QProgressBar(status)
        self.work_bar.setTextVisible(False)
        self.work_bar.setMaximumWidth(160)
        self.work_bar.setMaximumHeight(12)
        self.work_bar.setAccessibleName(self.tr("Work in progress"))
        self.work_bar.hide()
        self.hint_label = QLabel(status)
        self.hint_label.setProperty("severity", "hint")
        status.addWidget(self.officer_label)
        status.addWidget(self.role_label)
        status.addWidget(self.vault_label, 1)
        status.addPermanentWidget(self.work_bar)
        status.addPermanentWidget(self.hint_label)
        status.addPermanentWidget(self.saved_label)
        status.addPermanentWidget(self.lock_label)

    def _connect(self) -> None:
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action.triggered.connect(self.close)
        for index, action in enumerate(self.section_actions):
            action.triggered.connect(lambda _checked=False, i=index: self._go_to(i))
        self.new_case_action.triggered.connect(self.new_case)
        self.contacts_action.triggered.connect(self.toggle_contacts)
        self.print_action.triggered.connect(self.print_here)
        self.search_action.triggered.connect(self.search)
        self.diagnostics_action.triggered.connect(self.diagnostics_requested)
        self.case_actions[QUICK_NOTE.id].triggered.connect(self.quick_note)
        self.case_actions[EXPLAIN.id].triggered.connect(self._explain)
        self.case_actions[NEXT_STEP.id].triggered.connect(self._next_step)
        self.case_actions[PREVIOUS_STEP.id].triggered.connect(self._previous_step)
        self.case_actions[CHECKLIST.id].triggered.connect(self._checklist)
        self.case_actions[MISSING.id].triggered.connect(self._missing)
        self.case_actions[LINK_AD.id].triggered.connect(self._link_ad)
        self._status_timer.timeout.connect(self._update_lock_countdown)

    def _retranslate(self) -> None:
        """Menu titles and action texts in the current language (it can change at unlock
        or in Settings; the actions live as long as the window)."""
        titles = (self.tr("&File"), self.tr("&Case"), self.tr("&Go"))
        for menu, title in zip(self._menus, titles, strict=True):
            menu.setTitle(title)
        specs = (LOCK, QUIT, NEW_CASE, CONTACTS, PRINT, SEARCH, COPY_DIAGNOSTICS, *CASE_ACTIONS)
        actions = (
            self.lock_action,
            self.quit_action,
            self.new_case_action,
            self.contacts_action,
            self.print_action,
            self.search_action,
            self.diagnostics_action,
            *self.case_actions.values(),
        )
        for action, spec in zip(actions, specs, strict=True):
            action.setText(spec.translated_text())
        for action, section in zip(self.section_actions, SECTIONS, strict=True):
            action.setText(section.action.translated_text())

    @property
    def ask_printer(self) -> Callable[..., bool] | None:
        return self._ask_printer

    @ask_printer.setter
    def ask_printer(self, ask: Callable[..., bool] | None) -> None:
        self._ask_printer = ask
        view = self.session_view()
        if view is not None:
            view.workspace.ask_printer = ask

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
        self, session: Session, vault_folder: str, lock_remaining: Callable[[], int]
    ) -> None:
        """Build the pages for the session's officer; ``lock_remaining`` gives ms until the
        idle lock. Returns to where the officer was when the vault locked."""
        officer = session.officer
        self._session = session
        self._retranslate()
        view = SessionView(session, self.section_actions, self, managed=self.managed)
        view.workspace.ask_printer = self.ask_printer
        view.workspace.saved.connect(self._on_saved)
        view.workspace.runner.busy_changed.connect(self._on_work_busy)
        view.workspace.runner.progressed.connect(self._on_work_progress)
        view.settings.language_changed.connect(self.language_changed)
        view.settings.large_text_changed.connect(self.large_text_changed)
        view.settings.idle_timeout_changed.connect(self.idle_timeout_changed)
        view.settings.rule_changed.connect(self.rebuild)
        self.setCentralWidget(view)
        self.officer_label.setText(officer.display_name)
        self.role_label.setText(role_name(officer.role))
        self.vault_label.setText(self.tr("Vault: {folder}").format(folder=vault_folder))
        self.vault_label.setToolTip(vault_folder)
        self.saved_label.clear()
        self.hint_label.clear()
        self._lock_remaining = lock_remaining
        self._update_lock_countdown()
        self._status_timer.start()
        self._set_session_actions_enabled(True)
        if self._location is not None:
            view.restore(self._location)
            self._location = None
        if view.section() != CASES or not view.cases.showing_case():
            view.navigation.setFocus()  # arrow keys move between sections at once

    def set_lock_remaining(self, lock_remaining: Callable[[], int]) -> None:
        self._lock_remaining = lock_remaining
        self._update_lock_countdown()

    def rebuild(self) -> None:
        """Build the pages again (a new language or text size), keeping where we are."""
        view = self.session_view()
        if view is None or self._session is None:
            return
        view.flush()
        self._location = view.location()
        remaining = self._lock_remaining or (lambda: 0)
        self._take_down()
        self.show_session(self._session, self.vault_label.toolTip(), remaining)

    def show_locked(self, note: str = "") -> None:
        """Take down everything that could show personal data, now; ``note`` says who
        locked and when."""
        self._status_timer.stop()
        self._lock_remaining = None
        view = self.session_view()
        if view is not None:
            self._location = view.location()
        self._session = None
        self._take_down()
        locked = LockedPage(self.tr("The vault is locked"), note, self)
        locked.unlock_requested.connect(self.unlock_requested)
        self.setCentralWidget(locked)
        for label in (
            self.officer_label,
            self.role_label,
            self.vault_label,
            self.lock_label,
            self.saved_label,
            self.hint_label,
        ):
            label.clear()
            label.setToolTip("")
        self._set_session_actions_enabled(False)

    def _take_down(self) -> None:
        old = self.takeCentralWidget()
        if old is not None:
            if isinstance(old, SessionView):
                old.workspace.autosaver.stop()
            # Hidden at once; deleted when control returns to the event loop (deleting it
            # here could pull the rug from under the slot that called us).
            old.hide()
            old.deleteLater()

    def flush_pending(self) -> None:
        """Save every pending field now (before a lock or a close)."""
        view = self.session_view()
        if view is not None:
            view.flush()

    def is_locked(self) -> bool:
        return isinstance(self.centralWidget(), LockedPage)

    def session_view(self) -> SessionView | None:
        central = self.centralWidget()
        return central if isinstance(central, SessionView) else None

    @Slot(bool)
    def _on_work_busy(self, busy: bool) -> None:
        self.work_bar.setVisible(busy)
        view = self.session_view()
        if view is not None and view.isEnabled() == busy:
            return  # an op that blocks only its own page: the rest stays usable
        # The pages are blocked: so are the keys that would reach them (not Lock, Quit).
        for action in (
            self.new_case_action,
            self.contacts_action,
            self.print_action,
            self.search_action,
            *self.case_actions.values(),
            *self.section_actions,
        ):
            action.setEnabled(not busy)

    @Slot(int, int)
    def _on_work_progress(self, done: int, total: int) -> None:
        self.work_bar.setRange(0, total)  # 0, 0: the moving bar of unknown progress
        self.work_bar.setValue(done)

    def _set_session_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.lock_action,
            self.new_case_action,
            self.contacts_action,
            self.print_action,
            self.search_action,
            *self.case_actions.values(),
            *self.section_actions,
        ):
            action.setEnabled(enabled)

    # -- handlers ----------------------------------------------------------------------------

    def _go_to(self, index: int) -> None:
        view = self.session_view()
        if view is not None:
            view.go_to(index)
            view.navigation.setFocus()

    @Slot(str)
    def _on_saved(self, at: str) -> None:
        self.saved_label.setText(self.tr("saved {time}").format(time=at))

    def show_hint(self, text: str) -> None:
        """A short message in the status line (gone after a few seconds)."""
        self._hint(text)

    def _hint(self, text: str) -> None:
        self.hint_label.setText(text)
        QTimer.singleShot(4000, self.hint_label.clear)

    @Slot()
    def new_case(self) -> None:
        view = self.session_view()
        if view is None:
            return
        view.go_to(CASES)
        view.cases.new_case()

    @Slot()
    def toggle_contacts(self) -> None:
        view = self.session_view()
        if view is not None:
            view.toggle_contacts()

    @Slot()
    def print_here(self) -> None:
        view = self.session_view()
        if view is not None:
            view.print_here()

    @Slot()
    def search(self) -> None:
        view = self.session_view()
        if view is None:
            return
        if view.section() == ADS:  # the search of the page in hand: ads here, else cases
            view.ads.focus_search()
            return
        view.go_to(CASES)
        view.cases.focus_search()

    @Slot()
    def quick_note(self) -> None:
        """Ctrl+Enter: the quick-note bar of the case in hand, from anywhere."""
        view = self.session_view()
        if view is None:
            return
        screen = view.cases.case_screen
        if screen.case_id is None:
            self._hint(self.tr("Open a case first: the note goes on its timeline."))
            return
        if view.section() != CASES or not view.cases.showing_case():
            view.go_to(CASES)
            view.cases.stack.setCurrentWidget(screen)
        screen.focus_quick_note()

    def _case_screen(self) -> CaseScreen | None:
        view = self.session_view()
        if view is None or not view.cases.showing_case() or view.section() != CASES:
            return None
        return view.cases.case_screen

    @Slot()
    def _explain(self) -> None:
        screen = self._case_screen()
        if screen is not None:
            screen.toggle_explanation()

    @Slot()
    def _next_step(self) -> None:
        screen = self._case_screen()
        if screen is not None:
            screen.next_step()

    @Slot()
    def _previous_step(self) -> None:
        screen = self._case_screen()
        if screen is not None:
            screen.previous_step()

    @Slot()
    def _missing(self) -> None:
        screen = self._case_screen()
        if screen is not None:
            screen.toggle_missing()

    @Slot()
    def _checklist(self) -> None:
        screen = self._case_screen()
        if screen is not None:
            screen.focus_checklist()

    @Slot()
    def _link_ad(self) -> None:
        """Ctrl+K: link the case in hand to an ad (from the case screen only)."""
        screen = self._case_screen()
        if screen is None:
            self._hint(self.tr("Open a case first: the ad is linked to it."))
            return
        screen.open_link_dialog()

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
        # The controller saves what is pending, locks the vault and quits.
        self.close_requested.emit()
        super().closeEvent(event)
