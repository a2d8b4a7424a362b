"""What every step of the case screen shares: a title, a line saying what the step is for,
the step's small form, and the signals that move the officer on to the next step.

The keys of every step (DESIGN 6a.0, README "Keyboard"): the focus opens on the step's first
input, never on a button; a button ignores Space and typing (Enter presses it); a step moves
on only when Enter has recorded it (``done``), and the case screen then puts the focus in
the next step itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.workflow.case_view import CaseView
from ui.capture import ActForm
from ui.forms import muted_label
from ui.theme import sized_font
from ui.widgets import TimeField, action_button
from ui.workspace import Workspace

STEP_TITLE_SIZE = 15.0


@dataclass(frozen=True)
class StepKey:
    """A checklist line's key: ``item:<item>:<subject>``, ``add:<role>``, ``close``."""

    kind: str
    item: str = ""
    subject: str | None = None

    @classmethod
    def parse(cls, key: str) -> StepKey:
        kind, _, rest = key.partition(":")
        item, _, subject = rest.partition(":")
        return cls(kind, item, subject or None)

    def text(self) -> str:
        if self.kind == "item":
            return f"item:{self.item}:{self.subject or ''}"
        if self.kind in ("add", "person"):
            return f"{self.kind}:{self.item}"
        return self.kind


class ButtonGuard(QObject):
    """Keeps typing off a step's push buttons: Space (which Qt takes as a press) and any
    printable key are swallowed, so a note typed while a button has the focus can neither
    press it nor move the case on. Enter still presses it; Alt+letter still reaches it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        assert isinstance(event, QKeyEvent)
        held = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if held:
            return False
        text = event.text()
        return event.key() == Qt.Key.Key_Space or (bool(text) and text.isprintable())


class StepPanel(QWidget):
    """One step. Subclasses add their form under ``body`` and say what they print."""

    done = Signal()  # the step's act was recorded: move on to the next open step
    next_requested = Signal()  # Enter in a form with nothing to record: move on
    changed = Signal()  # something was saved that the header and checklist should show
    missing_requested = Signal()  # closing or printing was refused: show what is missing

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        title: str,
        purpose: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.title = QLabel(title, self)
        self.title.setProperty("role", "stepTitle")
        self.title.setFont(sized_font(self.title, STEP_TITLE_SIZE, bold=True))
        self.title.setWordWrap(True)
        self.purpose = muted_label(purpose, self)
        self.purpose.setVisible(bool(purpose))
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(10)
        self.body.addWidget(self.title)
        self.body.addWidget(self.purpose)

    def set_heading(self, title: str, purpose: str = "") -> None:
        self.title.setText(title)
        self.purpose.setText(purpose)
        self.purpose.setVisible(bool(purpose))

    @property
    def panel_id(self) -> str:
        """Steps with the same id are one panel (the four elements of a buyer, say)."""
        return type(self).__name__

    def show_key(self, key: StepKey) -> None:
        """Show the part of the panel for ``key`` (the same panel serves several lines)."""

    def refresh(self, view: CaseView) -> None:
        """The case changed: show the newest state."""

    def follow_case_time(self, moment: datetime | None) -> None:
        """The case's entry time changed (or was saved after this panel was built): every
        time field of the panel places typed times near the new one, as a panel built now
        would. A time already typed or stored keeps its moment."""
        for field in self.findChildren(TimeField):
            field.set_reference(moment)

    def guard_buttons(self) -> None:
        """Install the ``ButtonGuard`` on every push button of the panel."""
        self._guard = ButtonGuard(self)
        for button in self.findChildren(QPushButton):
            button.installEventFilter(self._guard)

    def first_input(self) -> QWidget | None:
        """The first field of the panel in Tab order that takes typing (not a button)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(widget, QPushButton)
                and not (isinstance(widget, QAbstractButton) and widget.inherits("QToolButton"))
            ):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def focus_first(self) -> None:
        """Put the cursor in the step's first input (subclasses name a better one)."""
        focus_input(self.first_input())

    def reveal(self, widget: QWidget) -> None:
        """Scroll ``widget`` (a message just shown, say) into view in the step's area."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            self.body.activate()
            area.ensureWidgetVisible(widget, 10, 10)

    def reveal_refusal(self, form: ActForm) -> None:
        """Enter was refused: the first reason shown in ``form`` (the highest on the
        panel) is scrolled into view, where the officer can read it. The cursor stays
        where it is: the keys typed next must not land in another field."""
        shown: list[QWidget] = [
            f.message for f in form.fields.values() if f.message.isVisibleTo(self)
        ]
        shown += [m for m in form.grid.messages.values() if m.isVisibleTo(self)]
        if form.general.isVisibleTo(self):
            shown.append(form.general)
        if shown:
            self.reveal(min(shown, key=lambda m: m.mapTo(self, QPoint(0, 0)).y()))

    def print_document(self) -> bool:
        """Print what belongs to this step (Ctrl+P); False if nothing does."""
        return False

    def flush(self) -> None:
        """Save whatever is pending in this step's forms now."""


def focus_input(widget: QWidget | None) -> None:
    """Focus ``widget``; a prefilled line is selected, so typing replaces it rather than
    being stuck onto its end ("rum 312tolk per telefon")."""
    if widget is None:
        return
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()


class ActStep(StepPanel):
    """A step around one act form (``form``): Enter in the form, or the record button,
    records the act, and the case moves on to the next open step."""

    form: ActForm

    def add_record_button(self, text: str) -> QPushButton:
        """The primary button under the form; it records, as Enter in the form does."""
        button = action_button(text, self, primary=True)
        self.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        button.clicked.connect(self._record)
        self.form.submitted.connect(self._record)
        return button

    @Slot()
    def _record(self) -> None:
        if self.form.record() is not None:
            self.changed.emit()
            self.done.emit()
        else:
            self.reveal_refusal(self.form)

    def flush(self) -> None:
        self.workspace.autosaver.flush(self.form.draft_key)
