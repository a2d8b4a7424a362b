"""Input widgets for capture at the scene: the time field, code pickers, the status badge,
the grid that puts a label, its field and the field's inline message together; and the
read-only tables the lists are shown in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ui.forms import FieldMessage
from ui.theme import set_severity
from ui.words import word

# A time typed as 23:50 shortly after midnight means yesterday evening, not tonight.
FUTURE_TOLERANCE = timedelta(minutes=5)
_TIME = re.compile(r"^\s*(\d{1,2})[:.\s]?(\d{2})\s*$")
_FOLLOW_MS = 15_000
# A case's time further from now than this is another day's: the field stops following the
# clock and places typed times near the case's time instead.
REFERENCE_REACH = timedelta(hours=12)
# What a draft keeps when a day was chosen: "2026-12-04 21:40".
_DAY_AND_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (.*)$")


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
    if _machine_clock(now):
        return moment.astimezone()
    return moment.astimezone(now.tzinfo)


def local_at(day: date, hour: int, minute: int, now: datetime) -> datetime:
    """``hour:minute`` on ``day`` as the clock that gave ``now`` tells the time: in the
    machine's zone with that day's offset (a July evening is +02:00 in Sweden even when
    today is +01:00), or in the clock's own zone when it is another (a test's)."""
    wall = datetime(day.year, day.month, day.day, hour, minute)
    if _machine_clock(now):
        return wall.astimezone()  # a naive time is the machine's, with its day's offset
    return wall.replace(tzinfo=now.tzinfo)


def _machine_clock(now: datetime) -> bool:
    return now.utcoffset() == now.astimezone().utcoffset()


def follows_now(reference: datetime | None, now: datetime) -> bool:
    """Whether a time field is about now: no day of its own, or one within the half day
    around now (a raid under way, its case opened this evening or last night)."""
    return reference is None or abs(now - reference) <= REFERENCE_REACH


def nearest_clock(hour: int, minute: int, reference: datetime, now: datetime) -> datetime:
    """``hour:minute`` nearest to ``reference``: on its day, the day before or the day
    after. A raid from 20:00 to 03:00: "0015" is the night after a case opened at 23:30,
    "1900" the evening it was opened."""
    local = local_moment(reference, now)
    candidates = (local_at(local.date() + timedelta(days=d), hour, minute, now) for d in (-1, 0, 1))
    return min(candidates, key=lambda c: abs(c - reference))


def place_clock(
    hour: int,
    minute: int,
    now: datetime,
    *,
    reference: datetime | None = None,
    day: date | None = None,
) -> datetime:
    """The moment a typed ``hour:minute`` stands for: on ``day`` when one is chosen; else
    near the ``reference`` (the case's time) when that is far from now; else today or
    yesterday (``resolve_clock``), as at a raid under way."""
    if day is not None:
        return local_at(day, hour, minute, now)
    if reference is not None and not follows_now(reference, now):
        return nearest_clock(hour, minute, reference, now)
    return resolve_clock(hour, minute, now)


class TimeField(QWidget):
    """A time of day. It shows now and follows the clock until the officer edits it;
    accepts "2142", "21:42" or "21.42"; + and − (or the arrow keys) step a minute,
    with Shift ten; Page Up and Page Down (or the calendar button) choose another day.
    ``value()`` is the moment, or ``None`` while the text is not a time.

    Given the time of the case it belongs to (``reference``), a field more than half a day
    from now is that day's: empty until a time is typed, which is placed nearest the
    case's time, and its day is shown as a date."""

    edited = Signal()

    def __init__(
        self,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        reference: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._reference = reference
        self._touched = False
        # The day the officer chose (Page Up/Down, the calendar, a typed day beside it):
        # a typed time is on that day, whatever the case's time or now.
        self._day: date | None = None
        # The moment the field was set to (an existing record's time): its day is kept
        # when only the clock time is edited, and it is returned exactly if untouched.
        self._anchor: datetime | None = None
        # The stored moment itself, returned while its time is not edited: the same instant
        # written with another offset would be a change of text, recorded as a time change.
        self._stored: datetime | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("timeEdit")
        self.edit.setMaxLength(5)
        self.edit.setPlaceholderText(self.tr("hh:mm"))
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00:000") + 24)
        self.edit.setToolTip(
            self.tr(
                "Type 2142 or 21:42. + and − step a minute, Shift ten;"
                " Page Up and Page Down another day."
            )
        )
        self.minus = QToolButton(self)
        self.minus.setText("−")
        self.plus = QToolButton(self)
        self.plus.setText("+")
        for button in (self.minus, self.plus):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do this; Tab skips them
            button.setAutoRepeat(True)
        self.day_label = QLabel(self)
        self.day_label.setProperty("muted", "true")
        # Another day with the pointer; the keys (Page Up/Down) do it without leaving the
        # time, so Tab skips it like + and −.
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Another day (Page Up, Page Down)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setAutoRaise(True)
        # The button's own arrow is its text; Qt's second, smaller one is left out.
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self._calendar_menu = QMenu(self.calendar_button)
        self.calendar_button.setMenu(self._calendar_menu)
        self._calendar_menu.aboutToShow.connect(self._fill_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.minus)
        layout.addWidget(self.plus)
        layout.addWidget(self.calendar_button)  # before the day: it stays where it is
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

    def set_reference(self, reference: datetime | None) -> None:
        """The time of the case (or operation) the field belongs to; ``None``: now's."""
        self._reference = reference
        if not self._touched:
            self._show_now()

    def follows_now(self) -> bool:
        """Untouched, the field is now (not another day's, chosen or the case's)."""
        return self._day is None and follows_now(self._reference, self._clock())

    def waits(self) -> bool:
        """Empty, waiting for a time: another day's field (a case written up later) that
        nothing was typed in yet. A step opens with the cursor here, not past it."""
        return not self._touched and not self.follows_now()

    def is_now(self) -> bool:
        """Still following the clock: recording now uses the exact current second."""
        return not self._touched and self.follows_now()

    def day(self) -> date | None:
        """The day chosen by the officer, if any."""
        return self._day

    def clock(self) -> datetime:
        return self._clock()

    def value(self) -> datetime | None:
        now = self._clock()
        if not self._touched:
            return now if self.follows_now() else None
        parsed = parse_clock(self.edit.text())
        if parsed is None:
            return None
        anchor = self._anchor
        if anchor is not None and self._day in (None, anchor.date()):
            if (anchor.hour, anchor.minute) == parsed:
                return self._stored if self._stored is not None else anchor
            if self._day is None:
                # An edited time is the one nearest the time it replaces: 23:30 corrected
                # to 00:15 is the night after, not the small hours of the same day.
                return nearest_clock(*parsed, anchor, now)
            return anchor.replace(hour=parsed[0], minute=parsed[1], second=0, microsecond=0)
        return place_clock(*parsed, now, reference=self._reference, day=self._day)

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
        if self._day is not None:
            self._day = local.date()
        self.edit.setText(local.strftime("%H:%M"))
        self._show_day(local.date())

    def set_iso(self, iso: str | None) -> None:
        self.set_value(datetime.fromisoformat(iso) if iso else None)

    def set_day(self, day: date | None) -> None:
        """Typed times are on ``day`` (``None``: the case's day or now's). A field still
        following the clock keeps the time it shows, now on that day."""
        if day is not None and not self._touched and self.follows_now():
            self._touched = True
            self._follow.stop()
        self._day = day
        if self._touched:
            self._update_day()
        else:
            self._show_now()

    def step_day(self, days: int) -> None:
        base = self.value()
        if base is not None:
            start = local_moment(base, self._clock()).date()
        elif self._day is not None:
            start = self._day
        else:
            start = self._own_day()
        self.set_day(start + timedelta(days=days))
        self.edited.emit()

    def reset(self) -> None:
        """Back to now, following the clock (or to the case's day, waiting for a time)."""
        self._touched = False
        self._anchor = None
        self._stored = None
        self._day = None
        self._show_now()
        self._follow.start()

    def draft_text(self) -> str:
        """What a draft keeps: the typed text (after the chosen day, if any), or nothing
        while following the clock."""
        if not self._touched and self._day is None:
            return ""
        text = self.edit.text()
        return f"{self._day.isoformat()} {text}" if self._day is not None else text

    def restore_text(self, text: str) -> None:
        self._anchor = None
        self._stored = None
        self._day = None
        found = _DAY_AND_TIME.match(text)
        if found:
            try:
                self._day = date.fromisoformat(found[1])
                text = found[2]
            except ValueError:
                pass
        if text:
            self._touched = True
            self._follow.stop()
            self.edit.setText(text)
            self._update_day()
        elif self._day is not None:
            self._touched = False
            self._show_now()
        else:
            self.reset()

    # -- behaviour ----------------------------------------------------------------------------

    def step(self, minutes: int) -> None:
        base = self.value() or self._fallback()
        moment = base.replace(second=0, microsecond=0) + timedelta(minutes=minutes)
        if self._anchor is None and not self.follows_now():
            # Another day's time keeps its day while stepped: 08:00 a minute back is not
            # the next morning because that is nearer the case's evening.
            self._day = local_moment(moment, self._clock()).date()
        self.set_value(moment, anchor=self._anchor is not None)
        self.edited.emit()

    def _fallback(self) -> datetime:
        """What + and − step from while the field is empty: the case's time, or now."""
        now = self._clock()
        if self._day is not None:
            return local_at(self._day, now.hour, now.minute, now)
        if self._reference is not None and not follows_now(self._reference, now):
            return local_moment(self._reference, now)
        return now

    def _own_day(self) -> date:
        """The day an untouched field is about: the case's, or today."""
        now = self._clock()
        if self._reference is not None and not follows_now(self._reference, now):
            return local_moment(self._reference, now).date()
        return now.date()

    @Slot()
    def _show_now(self) -> None:
        if self._touched:
            return
        if self.follows_now():
            now = self._clock()
            self.edit.setText(now.strftime("%H:%M"))
            self.day_label.setText(self.tr("now"))
            return
        # Another day's field does not guess a time: empty (the placeholder) until typed.
        self.edit.setText("")
        self._show_day(self._day or self._own_day())

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
            self._show_day(local_moment(moment, self._clock()).date())

    def _show_day(self, day: date) -> None:
        today = self._clock().date()
        if day == today:
            self.day_label.setText(self.tr("today"))
        elif day == today - timedelta(days=1):
            self.day_label.setText(self.tr("yesterday"))
        else:
            self.day_label.setText(day_words(day, today))

    @Slot()
    def _fill_calendar(self) -> None:
        """The calendar, opened on the field's day; no day after today can be picked."""
        self._calendar_menu.clear()
        calendar = QCalendarWidget(self._calendar_menu)
        calendar.setMaximumDate(_qdate(self._clock().date()))
        moment = self.value()
        shown = local_moment(moment, self._clock()).date() if moment else self._own_day()
        calendar.setSelectedDate(_qdate(self._day or shown))
        calendar.clicked.connect(self._pick_day)
        calendar.activated.connect(self._pick_day)
        action = QWidgetAction(self._calendar_menu)
        action.setDefaultWidget(calendar)
        self._calendar_menu.addAction(action)
        calendar.setFocus()

    @Slot(QDate)
    def _pick_day(self, picked: QDate) -> None:
        self._calendar_menu.close()
        self.set_day(date(picked.year(), picked.month(), picked.day()))
        self.edited.emit()
        self.edit.setFocus()

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
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            # Ctrl+PgUp/PgDown move between steps, wherever the cursor is.
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and plain:
                self.step_day(1 if key == Qt.Key.Key_PageUp else -1)
                return True
        return super().eventFilter(watched, event)


def day_words(day: date, today: date) -> str:
    """``fre 4 dec`` (``Fri 4 Dec``) in the app's language; the year too when not this one."""
    pattern = "ddd d MMM" if day.year == today.year else "ddd d MMM yyyy"
    # Swedish abbreviates months with a point ("dec."); the label is short enough without.
    return QLocale().toString(_qdate(day), pattern).replace(".", "")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


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
