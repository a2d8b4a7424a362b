"""Every action of the main window, declared once: id, text, default shortcut.

Menus, the navigation and (later) a shortcut settings page are built from this list, so a
shortcut is never defined in two places. Texts are marked for translation here and
translated when the ``QAction`` is made.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    """One action: a stable ``id``, its English ``text`` and its default ``shortcut``."""

    id: str
    text: str
    shortcut: str = ""  # portable text form ("Ctrl+L"); Ctrl is Cmd on macOS
    alternates: tuple[str, ...] = ()  # further keys for the same action (keypad Enter)

    def translated_text(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.text)


@dataclass(frozen=True)
class SectionSpec:
    """A section of the navigation: its action, and the text of its (placeholder) page."""

    action: ActionSpec
    description: str

    def translated_description(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.description)


LOCK = ActionSpec("lock", QT_TRANSLATE_NOOP("Actions", "&Lock"), "Ctrl+L")
QUIT = ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "Ctrl+Q")
NEW_CASE = ActionSpec("new_case", QT_TRANSLATE_NOOP("Actions", "&New case"), "Ctrl+N")
CONTACTS = ActionSpec("contacts", QT_TRANSLATE_NOOP("Actions", "&Contacts on duty"), "F2")
QUICK_NOTE = ActionSpec(
    "quick_note", QT_TRANSLATE_NOOP("Actions", "&Quick note"), "Ctrl+Return", ("Ctrl+Enter",)
)
PRINT = ActionSpec("print", QT_TRANSLATE_NOOP("Actions", "&Print…"), "Ctrl+P")
SEARCH = ActionSpec("search", QT_TRANSLATE_NOOP("Actions", "&Search"), "Ctrl+F")
EXPLAIN = ActionSpec("explain", QT_TRANSLATE_NOOP("Actions", "&Why this status?"), "F1")
NEXT_STEP = ActionSpec("next_step", QT_TRANSLATE_NOOP("Actions", "Ne&xt open step"), "Ctrl+PgDown")
PREVIOUS_STEP = ActionSpec(
    "previous_step", QT_TRANSLATE_NOOP("Actions", "P&revious step"), "Ctrl+PgUp"
)
CHECKLIST = ActionSpec("checklist", QT_TRANSLATE_NOOP("Actions", "C&hecklist"), "F6")
MISSING = ActionSpec("missing", QT_TRANSLATE_NOOP("Actions", "What is still &missing"), "F4")
# K for "koppla": the case's ads, linked by phone number or text from the open case.
LINK_AD = ActionSpec("link_ad", QT_TRANSLATE_NOOP("Actions", "&Link an ad…"), "Ctrl+K")
# For support: versions and formats, never data (fieldapp.diagnostics.report).
COPY_DIAGNOSTICS = ActionSpec("copy_diagnostics", QT_TRANSLATE_NOOP("Actions", "Copy &diagnostics"))

# Shown in the Case menu and live whenever a case is open.
CASE_ACTIONS: tuple[ActionSpec, ...] = (
    QUICK_NOTE,
    EXPLAIN,
    NEXT_STEP,
    PREVIOUS_STEP,
    CHECKLIST,
    MISSING,
    LINK_AD,
)

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        ActionSpec("go_operations", QT_TRANSLATE_NOOP("Actions", "Operations"), "Ctrl+1"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Set up and follow an operation: the team, the contacts on duty and the ads "
            "mapped beforehand.",
        ),
    ),
    SectionSpec(
        ActionSpec("go_dashboard", QT_TRANSLATE_NOOP("Actions", "Dashboard"), "Ctrl+2"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "The operation in use: its cases with their status, the contacts on duty and "
            "the figures so far.",
        ),
    ),
    SectionSpec(
        ActionSpec("go_cases", QT_TRANSLATE_NOOP("Actions", "Cases"), "Ctrl+3"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "One case per raid location, with the checklist as its spine: the persons, "
            "agreement, stated price and payment, support offered and the prosecutor's "
            "decision.",
        ),
    ),
    SectionSpec(
        ActionSpec("go_ads", QT_TRANSLATE_NOOP("Actions", "Ads"), "Ctrl+4"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Ads found online before the operation, and the case each one led to.",
        ),
    ),
    SectionSpec(
        ActionSpec("go_documents", QT_TRANSLATE_NOOP("Actions", "Documents"), "Ctrl+5"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Forms and leaflets to print on the spot: the advance approval of a summary "
            "penalty order and the support leaflets.",
        ),
    ),
    SectionSpec(
        ActionSpec("go_sync", QT_TRANSLATE_NOOP("Actions", "Sync"), "Ctrl+6"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Send this computer's records to the station and see what it has received.",
        ),
    ),
    SectionSpec(
        ActionSpec("go_settings", QT_TRANSLATE_NOOP("Actions", "Settings"), "Ctrl+7"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "The officers enrolled on this computer, the lock time, language and text size.",
        ),
    ),
)
SECTION_IDS = tuple(s.action.id for s in SECTIONS)

ACTIONS: tuple[ActionSpec, ...] = (
    LOCK,
    QUIT,
    NEW_CASE,
    CONTACTS,
    PRINT,
    SEARCH,
    COPY_DIAGNOSTICS,
    *CASE_ACTIONS,
    *(s.action for s in SECTIONS),
)


def make_action(spec: ActionSpec, parent: QWidget) -> QAction:
    """A ``QAction`` for ``spec``, its shortcut live whenever ``parent``'s window is active."""
    action = QAction(spec.translated_text(), parent)
    action.setObjectName(spec.id)
    if spec.shortcut:
        keys = [QKeySequence(k) for k in (spec.shortcut, *spec.alternates)]
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(
            f"{spec.translated_text().replace('&', '')} "
            f"({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        )
    return action
