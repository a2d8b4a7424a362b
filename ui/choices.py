"""Short choices as numbered rows: how the identity was established, the source of an
element, what came of a support offer, the decision …

A drop-down list hides its rows, and its popup follows the mouse: Enter picked a row the
officer had not highlighted (DESIGN 6a.0). Here every row is always in view, numbered like
the offence-element buttons; the row chosen is ticked and bold. With the focus on the rows:

- a digit picks that row (0 the "none" row, where there is one);
- a letter picks the next row whose words begin with it (pressed again, the next one);
- the arrow keys move the choice; Backspace or Delete clears it;
- Space does nothing (it never moves on), Enter goes to the form (records the step).

The rows themselves never take the focus: the whole group is one stop of the Tab order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QRadioButton, QWidget

from ui.capture import Value, ValueWidget
from ui.words import word


class ChoiceRows(ValueWidget):
    """One code among a few, as numbered radio rows (``columns`` side by side)."""

    changed = Signal()  # the chosen code changed, by key, click or ``set_code``

    def __init__(
        self,
        table: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        codes: Iterable[str] | None = None,
        empty: str | None = None,
        words: Callable[[str], str] | None = None,
        columns: int = 1,
        context: str = "Words",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choiceRows")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._table = table
        self._words = words
        self._context = context
        self._columns = max(1, columns)
        self._empty = empty
        self._codes: list[str] = []
        self._texts: list[str] = []
        self._chosen = ""  # the code chosen ("" for none)
        self._placed = 0  # columns the rows are laid out in now
        self._buttons: list[QRadioButton] = []
        self.labels: list[QLabel] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so that "nothing chosen" can be shown again
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 2, 4, 2)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.group.idClicked.connect(self._clicked)
        self.set_choices(
            (code, words(code) if words else word(table, code, context))
            for code in (codes if codes is not None else table)
        )

    # -- rows ---------------------------------------------------------------------------------

    def set_choices(self, choices: Iterable[tuple[str, str]], *, keep: bool = True) -> None:
        """(code, words) rows under the ``empty`` one; the chosen code is kept if it is
        still there. No signal: the officer chose nothing."""
        current = self.code() if keep else ""
        for button in self.group.buttons():
            self.group.removeButton(button)
        for widget in (*self.group.buttons(), *self._buttons, *self.labels):
            widget.hide()
            widget.deleteLater()
        self._codes, self._texts, self._buttons, self.labels = [], [], [], []
        rows = list(choices)
        if self._empty is not None:
            rows.insert(0, ("", self._empty))
        first = 0 if self._empty is not None else 1
        for index, (code, text) in enumerate(rows):
            number = index + first
            # The number on the mark, the words beside it in a label that wraps: a long
            # organisation name takes two lines rather than being cut off.
            button = QRadioButton(str(number) if number <= 9 else "", self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the group is the Tab stop
            button.setAutoExclusive(False)
            label = _RowLabel(text, self, partial(self._clicked, index))
            self.group.addButton(button, index)
            self._buttons.append(button)
            self.labels.append(label)
            self._codes.append(code)
            self._texts.append(text)
        self._placed = 0
        self._place(self._fitting_columns(self.width()))
        self._show(current if current in self._codes else "")

    # -- layout -------------------------------------------------------------------------------

    def _widest(self) -> int:
        mark = max((b.sizeHint().width() for b in self._buttons), default=0)
        words = max(
            (label.fontMetrics().horizontalAdvance(label.text()) for label in self.labels),
            default=0,
        )
        return mark + 6 + words

    def _fitting_columns(self, width: int) -> int:
        """As many of the asked-for columns as fit side by side; one row each when the
        words are long (nothing is cut, and the step never scrolls sideways)."""
        widest = self._widest() + self.grid.horizontalSpacing()
        if width <= 0 or widest <= 0:
            return 1
        return max(1, min(self._columns, width // widest))

    def _place(self, columns: int) -> None:
        if columns == self._placed:
            return
        self._placed = columns
        for widget in (*self._buttons, *self.labels):
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for index, (button, label) in enumerate(zip(self._buttons, self.labels, strict=True)):
            row, column = index // columns, 2 * (index % columns)
            self.grid.addWidget(button, row, column)
            self.grid.addWidget(label, row, column + 1)
            self.grid.setColumnStretch(column + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self._fitting_columns(event.size().width() - 8))

    def codes(self) -> list[str]:
        return [c for c in self._codes if c]

    def texts(self) -> list[str]:
        """The rows' words as shown (for tests and the screenshots)."""
        return list(self._texts)

    # -- value --------------------------------------------------------------------------------

    def code(self) -> str:
        return self._chosen

    def current_text(self) -> str:
        index = self._index()
        return self._texts[index] if index is not None else ""

    def set_code(self, code: str | None) -> None:
        """Choose ``code`` as a key would (a form saves it, as a combo's change would be)."""
        if self._show(code or ""):
            self.changed.emit()
            self.edited.emit()

    def field_value(self) -> Value:
        return self.code() or None

    def set_field_value(self, value: Value) -> None:
        self.blockSignals(True)
        self._show("" if value is None else str(value))
        self.blockSignals(False)

    def _show(self, code: str) -> bool:
        """Tick the row of ``code`` (none if it has no row); True if that changed."""
        before = self._chosen
        self._chosen = code if code in self._codes else ""
        for index, (button, label) in enumerate(zip(self._buttons, self.labels, strict=True)):
            chosen = self._codes[index] == self._chosen and (
                bool(self._chosen) or self._empty is not None
            )
            button.setChecked(chosen)
            for widget in (button, label):
                if widget.property("chosen") != chosen:
                    widget.setProperty("chosen", chosen)
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
        return self._chosen != before

    def _pick(self, index: int) -> None:
        if 0 <= index < len(self._codes) and self._show(self._codes[index]):
            self.changed.emit()
            self.edited.emit()

    def _clicked(self, index: int) -> None:
        # A click on the ticked row unticks it (the group is not exclusive): tick it again.
        self._show(self._chosen)
        self._pick(index)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)  # Alt+letter, Ctrl+…: shortcuts and mnemonics
            return
        current = self._index()
        text = event.text()
        if key == Qt.Key.Key_Space:
            event.accept()  # never moves on, never changes the choice
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._pick(0 if current is None else min(current + 1, len(self._codes) - 1))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._pick(0 if current is None else max(current - 1, 0))
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_code("")
        elif text.isdigit() and len(text) == 1:
            number = int(text)
            self._pick(number if self._empty is not None else number - 1)
        elif text and text.isprintable() and not text.isspace():
            self._pick_letter(text.casefold(), current)
        else:
            super().keyPressEvent(event)  # Enter, Tab, Esc: the form's and the window's
            return
        event.accept()

    def _index(self) -> int | None:
        if self._chosen in self._codes and (self._chosen or self._empty is not None):
            return self._codes.index(self._chosen)
        return None

    def _pick_letter(self, letter: str, current: int | None) -> None:
        matches = [i for i, t in enumerate(self._texts) if t.casefold().startswith(letter)]
        if not matches:
            return  # no such row: the choice stays as it is
        later = [i for i in matches if current is not None and i > current]
        self._pick(later[0] if later and current in matches else matches[0])


class _RowLabel(QLabel):
    """A row's words: they wrap, and a click on them picks the row as the mark does."""

    def __init__(self, text: str, parent: QWidget, pick: Callable[[], None]) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._pick = pick

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pick()
        event.accept()
