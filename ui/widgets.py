"""Input widgets for capture at the scene: the time field, code pickers, the status badge,
the grid that puts a label, its field and the field's inline message together; and the
read-only tables the lists are shown in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from ui.forms import FieldMessage
from ui.theme import set_severity
from ui.words import word

# A time typed as 23:50 shortly after midnight means yesterday evening, not tonight.
FUTURE_TOLERANCE = timedelta(minutes=5)
_TIME = re.compile(r"^\s*(\d{1,2})[:.\s]?(\d{2})\s*$")
_FOLLOW_MS = 15_000


def parse_clock(text: str) -> tuple[int, int] | None:
    """``2142``, ``21:42``, ``21.42``, ``942`` → (hour, minute); anything else → None."""
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def resolve_clock(hour: int, minute: int, now: datetime) -> datetime:
    """Today at that time, or yesterday if that would be more than a few minutes ahead."""
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment > now + FUTURE_TOLERANCE:
        moment -= timedelta(days=1)
    return moment


def local_moment(moment: datetime, now: datetime) -> datetime:
    """``moment`` as the clock that gave ``now`` tells the time.

    The app's clock is the machine's (``datetime.now().astimezone()``): a fixed offset, the
    one of today. Applied to another season it is wrong by an hour (a May raid at 21:30
    shown as 20:30 in a Swedish winter), so a clock in the machine's zone shows a moment in
    that zone as it was on the moment's day, as the lists do. A clock in another zone (a
    test's, a fixed offset) shows it in that zone."""
    if now.utcoffset() == now.astimezone().utcoffset():
        return moment.astimezone()
    return moment.astimezone(now.tzinfo)


class TimeField(QWidget):
    """A time of day. It shows now and follows the clock until the officer edits it;
    accepts "2142", "21:42" or "21.42"; + and − (or the arrow keys) step a minute,
    with Shift ten. ``value()`` is the moment, or ``None`` while the text is not a time."""

    edited = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._touched = False
        # The moment the field was set to (an existing record's time): its day is kept
        # when only the clock time is edited, and it is returned exactly if untouched.
        self._anchor: datetime | None = None
        # The stored moment itself, returned while its time is not edited: the same instant
        # written with another offset would be a change of text, recorded as a time change.
        self._stored: datetime | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("timeEdit")
        self.edit.setMaxLength(5)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00:000") + 24)
        self.edit.setToolTip(self.tr("Type 2142 or 21:42. + and − step a minute, Shift ten."))
        self.minus = QToolButton(self)
        self.minus.setText("−")
        self.plus = QToolButton(self)
        self.plus.setText("+")
        for button in (self.minus, self.plus):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do this; Tab skips them
            button.setAutoRepeat(True)
        self.day_label = QLabel(self)
        self.day_label.setProperty("muted", "true")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.minus)
        layout.addWidget(self.plus)
        layout.addWidget(self.day_label)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self._follow = QTimer(self)
        self._follow.setInterval(_FOLLOW_MS)
        self._follow.timeout.connect(self._show_now)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_edited)
        self.minus.clicked.connect(lambda: self.step(-1))
        self.plus.clicked.connect(lambda: self.step(1))
        self.reset()

    # -- value --------------------------------------------------------------------------------

    def is_now(self) -> bool:
        """Still following the clock: recording now uses the exact current second."""
        return not self._touched

    def value(self) -> datetime | None:
        now = self._clock()
        if not self._touched:
            return now
        parsed = parse_clock(self.edit.text())
        if parsed is None:
            return None
        anchor = self._anchor
        if anchor is not None:
            if (anchor.hour, anchor.minute) == parsed:
                return self._stored if self._stored is not None else anchor
            return anchor.replace(hour=parsed[0], minute=parsed[1], second=0, microsecond=0)
        return resolve_clock(*parsed, now)

    def iso(self) -> str | None:
        moment = self.value()
        return moment.isoformat() if moment else None

    def set_value(self, moment: datetime | None, *, anchor: bool = True) -> None:
        """Show ``moment``; with ``anchor`` (a stored time) its day is kept on edits."""
        if moment is None:
            self.reset()
            return
        self._touched = True
        self._follow.stop()
        local = local_moment(moment, self._clock())
        self._anchor = local if anchor else None
        self._stored = moment if anchor else None
        self.edit.setText(local.strftime("%H:%M"))
        self._show_day(local)

    def set_iso(self, iso: str | None) -> None:
        self.set_value(datetime.fromisoformat(iso) if iso else None)

    def reset(self) -> None:
        """Back to now, following the clock."""
        self._touched = False
        self._anchor = None
        self._stored = None
        self._show_now()
        self._follow.start()

    def draft_text(self) -> str:
        """What a draft keeps: the typed text, or nothing while following the clock."""
        return self.edit.text() if self._touched else ""

    def restore_text(self, text: str) -> None:
        self._anchor = None
        self._stored = None
        if text:
            self._touched = True
            self._follow.stop()
            self.edit.setText(text)
            self._update_day()
        else:
            self.reset()

    # -- behaviour ----------------------------------------------------------------------------

    def step(self, minutes: int) -> None:
        base = self.value() or self._clock()
        moment = base.replace(second=0, microsecond=0) + timedelta(minutes=minutes)
        self.set_value(moment, anchor=self._anchor is not None)
        self.edited.emit()

    @Slot()
    def _show_now(self) -> None:
        if self._touched:
            return
        now = self._clock()
        self.edit.setText(now.strftime("%H:%M"))
        self.day_label.setText(self.tr("now"))

    @Slot(str)
    def _on_edited(self, _text: str) -> None:
        self._touched = True
        self._follow.stop()
        self._update_day()
        self.edited.emit()

    def _update_day(self) -> None:
        moment = self.value()
        if moment is None:
            self.day_label.setText("")
        else:
            self._show_day(moment)

    def _show_day(self, moment: datetime) -> None:
        today = self._clock().date()
        if moment.date() == today:
            self.day_label.setText(self.tr("today"))
        elif moment.date() == today - timedelta(days=1):
            self.day_label.setText(self.tr("yesterday"))
        else:
            self.day_label.setText(moment.strftime("%Y-%m-%d"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            big = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Up):
                self.step(10 if big else 1)
                return True
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Down):
                self.step(-10 if big else -1)
                return True
        return super().eventFilter(watched, event)


class CodeCombo(QComboBox):
    """A choice among codes, shown in words (``table``'s, translated in ``context``, unless
    ``words`` is given); type the first letters to pick."""

    def __init__(
        self,
        table: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        codes: Iterable[str] | None = None,
        empty: str | None = None,
        words: Callable[[str], str] | None = None,
        context: str = "Words",
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Long entries (an organisation's full name) must not widen the whole form.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        # The popup's current row follows the keys only: a pointer resting where the list
        # opens must not move it, or Enter picks a row the officer never highlighted.
        self.view().viewport().installEventFilter(self)
        if empty is not None:
            self.addItem(empty, "")
        for code in codes if codes is not None else table:
            self.addItem(words(code) if words else word(table, code, context), code)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_code(self, code: str | None) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(index, 0))

    def set_choices(self, choices: Iterable[tuple[str, str]], empty: str) -> None:
        """(code, text) choices under a first ``empty`` one, keeping the one chosen if it
        is still there; no signal, since the officer chose nothing."""
        current = self.code()
        self.blockSignals(True)
        self.clear()
        self.addItem(empty, "")
        for code, text in choices:
            self.addItem(text, code)
        self.set_code(current)
        self.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and event.buttons() == Qt.MouseButton.NoButton
        ):
            return True  # hovering: swallowed (a click still picks the row clicked)
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # A fresh first-letter search in every field: what was typed in the field before
        # ("h" for hört) must not join the letter typed here ("a" for annonsen).
        if not self.isEditable():
            self.view().keyboardSearch("")
        super().focusInEvent(event)


class TownCombo(CodeCombo):
    """The municipality: picked from the county's list (first letters), or typed when the
    operation has no county profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__({}, parent)
        self.set_towns(())

    def set_towns(self, towns: Iterable[str]) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        towns = tuple(towns)
        self.setEditable(not towns)
        if towns:
            self.addItem("—", "")
            for town in towns:
                self.addItem(town, town)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str:
        if self.isEditable():
            return self.currentText().strip()
        return super().code()

    def set_code(self, code: str | None) -> None:
        if self.isEditable():
            self.setEditText(code or "")
        else:
            super().set_code(code)


class Badge(QLabel):
    """The case's status as a coloured pill: ``kind`` picks the colour in the theme."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("badge")
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_badge(self, text: str, kind: str) -> None:
        self.setText(text)
        if self.property("badge") != kind:
            self.setProperty("badge", kind)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setVisible(bool(text))


class FormGrid(QGridLayout):
    """Label, field and inline message in two columns: the label's mnemonic focuses the
    field, and the message sits right under the field it concerns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(6)
        self.setColumnStretch(1, 1)
        self._row = 0
        self.messages: dict[str, FieldMessage] = {}
        self.captions: dict[str, QLabel] = {}
        self._last: QWidget | None = None

    def add(
        self, name: str, label: str, field: QWidget, *, buddy: QWidget | None = None
    ) -> FieldMessage:
        owner = self.parentWidget()
        caption = QLabel(label, owner)
        # A long caption wraps instead of pushing the fields off a narrow panel.
        caption.setWordWrap(len(label) > 28)
        caption.setBuddy(buddy or field.focusProxy() or field)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        message = FieldMessage(owner)
        self.addWidget(caption, self._row, 0)
        self.addWidget(field, self._row, 1)
        self.addWidget(message, self._row + 1, 1)
        self._row += 2
        self.messages[name] = message
        self.captions[name] = caption
        if not label:
            caption.hide()
        # Tab follows the rows as shown, whatever order the widgets were made in.
        first, last = _focus_ends(field)
        if self._last is not None and first is not None:
            QWidget.setTabOrder(self._last, first)
        self._last = last or self._last
        return message

    def set_row_visible(self, name: str, visible: bool) -> None:
        """Show or hide a field's row (caption, field and message)."""
        caption = self.captions.get(name)
        if caption is None:
            return
        position: tuple[int, int, int, int] = self.getItemPosition(self.indexOf(caption))  # type: ignore[assignment]
        row = position[0]
        for r in (row, row + 1):
            for c in (0, 1):
                item = self.itemAtPosition(r, c)
                widget = item.widget() if item is not None else None
                if widget is None:
                    continue
                if r == row + 1 or (c == 0 and not caption.text()):
                    if not visible:
                        widget.hide()  # a message or an empty caption: shown when needed
                    continue
                widget.setVisible(visible)

    def add_wide(self, widget: QWidget) -> None:
        self.addWidget(widget, self._row, 0, 1, 2)
        self._row += 1


def _focus_ends(widget: QWidget) -> tuple[QWidget | None, QWidget | None]:
    """The first and last widget Tab stops at inside ``widget`` (itself if it takes focus)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
        return widget, widget
    inner = [
        w
        for w in widget.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
    ]
    if not inner:
        proxy = widget.focusProxy()
        return proxy, proxy
    return inner[0], inner[-1]


def open_file(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """One file chosen in the platform's open dialog, or None if the officer cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(path) if path else None


def action_button(text: str, parent: QWidget, *, primary: bool = False) -> QPushButton:
    """A button that Enter presses when it has the focus (outside dialogs Qt only does
    that for "auto default" buttons), Space too."""
    button = QPushButton(text, parent)
    button.setAutoDefault(True)
    if primary:
        button.setProperty("primary", "true")
    return button


def line_edit(parent: QWidget, placeholder: str = "", max_length: int = 0) -> QLineEdit:
    """A one-line field. ``max_length`` is the core's limit, and the core says when it is
    passed ("at most 3 characters"): the field itself never cuts what is typed silently
    ("ro, en" is not left as "ro,", a phone number typed into the wrong field is not
    left as "073"). It only stops a runaway paste, far above the limit."""
    edit = QLineEdit(parent)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if max_length:
        edit.setMaxLength(max(2 * max_length, 300))
    return edit


def text_box(parent: QWidget, placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    height = box.fontMetrics().lineSpacing() * lines + 16
    box.setFixedHeight(height)
    return box


def check_box(text: str, parent: QWidget) -> QCheckBox:
    return QCheckBox(text, parent)


def set_hint(message: FieldMessage, text: str, severity: str) -> None:
    """Show a live hint (amber), a confirmation (green) or an error under a field."""
    if not text:
        message.clear_message()
        return
    message.show_message(text, severity)
    set_severity(message, severity)


def row_table(parent: QWidget, model: QAbstractItemModel | None = None) -> QTableView:
    """A read-only table, one whole row chosen at a time; Tab leaves it, the arrows move
    within it, and there are no row numbers."""
    table = QTableView(parent)
    if model is not None:
        table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    return table


def fitted_table(model: QAbstractItemModel, parent: QWidget, stretch: int) -> QTableView:
    """A ``row_table`` of one-line rows in alternating colours, each column as wide as its
    contents and column ``stretch`` taking the room left."""
    table = row_table(parent, model)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
