"""Forms that never lose typing.

``CaptureForm`` holds named fields (a field's name is the core's field path, so a refusal
lands beside the right field), keeps what is typed as a draft in the vault until it makes
a valid record, and shows refusals inline in the UI language.

Two kinds build on it:

- an *act* form (an offence element, a notice, a decision …) records one fact when the
  officer presses Enter; until then the typing is a draft, restored after a lock;
- a *record* form (the case's place, a person's identity) has no button at all: each field
  is saved as an event a second after the last keystroke, or at once when it loses focus,
  the vault locks or the app closes. A new record is created as soon as it is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import InvalidInput, KnownError, as_reason
from fieldapp.workflow.context import Change
from ui.errors import error_text, internal_error_text, log_bug
from ui.forms import FieldMessage, MessageBox
from ui.problem_texts import missing_value
from ui.widgets import CodeCombo, FormGrid, TimeField
from ui.words import reason_text
from ui.workspace import Workspace

Value = Any


class ValueWidget(QWidget):
    """A composite field (a set of check boxes, say) that reads and writes one value."""

    edited = Signal()

    def field_value(self) -> Value:
        raise NotImplementedError

    def set_field_value(self, value: Value) -> None:
        raise NotImplementedError


def refusal_text(exc: BaseException, where: str = "capture") -> str:
    """Any error as one line: the reasons of a refusal, or the internal-error text for a
    bug (which is logged, without its message)."""
    if isinstance(exc, InvalidInput) and exc.problems:
        return " ".join(dict.fromkeys(reason_text(r) for _, r in exc.problems))
    if isinstance(exc, KnownError):
        return error_text(exc)
    log_bug(exc, where)
    return internal_error_text()


@dataclass
class Field:
    """One input: how to read it for the core, and how to keep and restore its typing."""

    name: str
    widget: QWidget
    message: FieldMessage
    kind: str  # text, int, upper, lower, code, bool, time, box

    def read(self) -> Value:
        w = self.widget
        if isinstance(w, ValueWidget):
            return w.field_value()
        if isinstance(w, TimeField):
            return w.iso()
        if isinstance(w, CodeCombo):
            return w.code() or None
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        if isinstance(w, QLineEdit):
            text = w.text().strip()
            if not text:
                return None
            if self.kind == "int":
                cleaned = text.replace(" ", "").replace("\u00a0", "")
                return int(cleaned) if cleaned.lstrip("-").isdigit() else text
            if self.kind == "upper":
                return text.upper()
            if self.kind == "lower":
                return text.lower()
            return text
        raise TypeError(type(w).__name__)

    def raw(self) -> Value:
        w = self.widget
        if isinstance(w, ValueWidget):
            return w.field_value()
        if isinstance(w, TimeField):
            return w.draft_text()
        if isinstance(w, CodeCombo):
            return w.code()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        assert isinstance(w, QLineEdit)
        return w.text()

    def write(self, value: Value) -> None:
        w = self.widget
        if isinstance(w, ValueWidget):
            w.set_field_value(value)
        elif isinstance(w, TimeField):
            w.set_iso(value or None)
        elif isinstance(w, CodeCombo):
            w.set_code(str(value) if value is not None else "")
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("" if value is None else str(value))
        else:
            assert isinstance(w, QLineEdit)
            w.setText("" if value is None else str(value))

    def restore(self, raw: Value) -> None:
        if isinstance(self.widget, TimeField):
            self.widget.restore_text(str(raw or ""))
        else:
            self.write(raw)


class CaptureForm(QWidget):
    """Named fields with inline messages, a draft in the vault, and refusals in words."""

    recorded = Signal(object)  # the Change, once the form's act or record is saved
    submitted = Signal()  # Enter: record (act form) or move on (record form)

    def __init__(self, workspace: Workspace, draft_key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.draft_key = draft_key
        self.fields: dict[str, Field] = {}
        self._restoring = False
        self.grid = FormGrid()
        self.general = MessageBox(self)
        self.status = QLabel(self)
        self.status.setProperty("muted", "true")
        self.status.setWordWrap(True)
        self.status.hide()

    # -- building -----------------------------------------------------------------------------

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        kind: str = "text",
        *,
        grid: FormGrid | None = None,
    ) -> FieldMessage:
        """A row of ``grid`` (the form's own unless given) that is the field ``name``."""
        message = (grid or self.grid).add(name, label, widget)
        self.attach(name, widget, message, kind)
        return message

    def attach(self, name: str, widget: QWidget, message: FieldMessage, kind: str = "text") -> None:
        """Register ``widget`` as the field ``name`` (for widgets placed by hand)."""
        self.fields[name] = Field(name, widget, message, kind)
        if isinstance(widget, ValueWidget):
            widget.edited.connect(lambda n=name: self._edited(n, at_once=True))
        elif isinstance(widget, TimeField):
            widget.edited.connect(lambda n=name: self._edited(n))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, n=name: self._edited(n, at_once=True))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _c, n=name: self._edited(n, at_once=True))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda n=name: self._edited(n))
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, n=name: self._edited(n))
            widget.editingFinished.connect(lambda n=name: self._finished(n))

    def body_layout(self) -> QVBoxLayout:
        """The usual arrangement: the grid, then the status line and the message box."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.grid)
        layout.addWidget(self.status)
        layout.addWidget(self.general)
        return layout

    # -- values -------------------------------------------------------------------------------

    def value(self, name: str) -> Value:
        return self.fields[name].read()

    def values(self, *names: str) -> dict[str, Value]:
        """The fields as the core reads them; ``a.b`` names become nested dictionaries."""
        out: dict[str, Value] = {}
        for name in names or tuple(self.fields):
            value = self.fields[name].read()
            head, _, tail = name.partition(".")
            if tail:
                out.setdefault(head, {})[tail] = value
            else:
                out[name] = value
        return out

    def raw_values(self) -> dict[str, Value]:
        return {name: field.raw() for name, field in self.fields.items()}

    def restore_raw(self, raw: dict[str, Value]) -> None:
        self._restoring = True
        try:
            for name, value in raw.items():
                field = self.fields.get(name)
                if field is not None:
                    field.restore(value)
        finally:
            self._restoring = False

    def write_values(self, values: dict[str, Value]) -> None:
        self._restoring = True
        try:
            for name, value in values.items():
                field = self.fields.get(name)
                if field is not None:
                    field.write(value)
        finally:
            self._restoring = False

    # -- drafts -------------------------------------------------------------------------------

    def _edited(self, name: str, *, at_once: bool = False) -> None:
        if self._restoring:
            return
        self.on_edited(name)
        widget = self.fields[name].widget
        self.workspace.autosaver.schedule(self.save_key(name), self.save_callback(name), widget)
        if at_once:
            self.workspace.autosaver.flush(self.save_key(name))

    def _finished(self, name: str) -> None:
        self.workspace.autosaver.flush(self.save_key(name))

    def on_edited(self, name: str) -> None:
        """A field changed (live hints go here)."""

    def save_key(self, name: str) -> str:
        """The autosave key of a field; act forms save the whole draft under one key."""
        return self.draft_key

    def save_callback(self, name: str) -> Callable[[], None]:
        return self.save_draft

    def save_draft(self) -> None:
        try:
            self.workspace.save_draft(self.draft_key, self.raw_values())
        except KnownError as exc:
            self.general.show_message(error_text(exc))

    def load_draft(self) -> bool:
        """Put back what was typed before a lock; True if there was something."""
        draft = self.workspace.load_draft(self.draft_key)
        if not draft:
            return False
        self.restore_raw(draft)
        return True

    def discard_draft(self) -> None:
        self.workspace.autosaver.cancel(self.draft_key)
        self.workspace.discard_draft(self.draft_key)

    # -- refusals -----------------------------------------------------------------------------

    def clear_messages(self) -> None:
        for field in self.fields.values():
            field.message.clear_message()
        for message in self.grid.messages.values():
            message.clear_message()
        self.general.clear_message()

    def message_for(self, path: str) -> FieldMessage | None:
        """The message under the field a problem's path names (or under its parent)."""
        candidate = path.split("[")[0] if "[" in path else path
        while candidate:
            if candidate in self.grid.messages:
                return self.grid.messages[candidate]
            field = self.fields.get(candidate)
            if field is not None:
                return field.message
            candidate = candidate.rpartition(".")[0]
        return None

    def show_refusal(self, exc: KnownError, severity: str = "error") -> list[str]:
        """Each problem beside its field; returns the paths that had a field."""
        self.clear_messages()
        placed: list[str] = []
        if isinstance(exc, InvalidInput) and exc.problems:
            loose: list[str] = []
            for path, reason in exc.problems:
                message = self.message_for(path)
                text = reason_text(reason)
                if message is None:
                    loose.append(text)
                    continue
                previous = message.text() if message.isVisibleTo(self) else ""
                combined = f"{previous} {text}".strip() if previous != text else text
                message.show_message(combined, severity)
                placed.append(path)
            if loose:
                self.general.show_message("\n".join(dict.fromkeys(loose)))
        else:
            self.general.show_message(error_text(exc))
        return placed

    def attempt(self, action: Callable[[], Change]) -> Change | None:
        """Run a use case; on refusal show why inline and return None."""
        try:
            change = action()
        except KnownError as exc:
            self.show_refusal(exc)
            return None
        except Exception as exc:
            log_bug(exc, type(self).__name__)
            self.general.show_message(internal_error_text())
            return None
        self.clear_messages()
        return change

    def record_act(self, action: Callable[[], Change]) -> Change | None:
        """``attempt`` for an act form: once the act is recorded its draft is gone."""
        change = self.attempt(action)
        if change is not None:
            self.discard_draft()
        return change

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter anywhere in the form (fields pass it on) submits; Ctrl+Enter is the note.
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ActForm(CaptureForm):
    """An act form: ``record`` records its one fact (Enter), or shows why it cannot."""

    def record(self) -> Change | None:
        raise NotImplementedError


class RecordForm(CaptureForm):
    """A record edited in place with no Save button.

    While ``record_id`` is None the form is a new record: its typing is a draft, and the
    record is created as soon as the core accepts it. After that each top-level field is
    its own autosave unit: a valid value becomes an amend event, an invalid one stays in the
    draft with a hint beside the field, and comes back after a lock.
    """

    created = Signal(str)  # the new record's id

    def __init__(
        self,
        workspace: Workspace,
        draft_key: str,
        record_id: str | None,
        parent: QWidget | None = None,
    ):
        super().__init__(workspace, draft_key, parent)
        self.record_id = record_id

    # -- what subclasses provide --------------------------------------------------------------

    def create_record(self, data: dict[str, Value]) -> Change:
        raise NotImplementedError

    def amend_record(self, changes: dict[str, Value]) -> Change:
        raise NotImplementedError

    def record_values(self) -> dict[str, Value]:
        """The stored record as field values (``a.b`` names for nested ones)."""
        raise NotImplementedError

    def missing_text(self, missing: list[str]) -> str:
        """The status line of a new record that is not yet valid."""
        return ""

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the fields from the record (if any), then put back unsaved typing."""
        if self.record_id is not None:
            self.write_values(self.record_values())
        draft = self.workspace.load_draft(self.draft_key)
        if draft:
            self.restore_raw(draft)
            if self.record_id is not None:
                for name in draft:
                    field = self.fields.get(name)
                    if field is not None:
                        field.message.show_message(
                            self.tr("Not saved yet: the value was not accepted."), "hint"
                        )
        self.after_load()

    def after_load(self) -> None:
        """Live hints that depend on the loaded values."""

    def keep_live_hints(self, refused: set[str]) -> None:
        """Show again the live hints (checked as you type) that a save cleared with the
        form's messages: a save runs a second after the last keystroke, and the answer
        the officer has just read must not vanish then, nor change colour. ``refused``:
        the fields the core's refusal now speaks for (a subclass lets those stand when its
        own check finds nothing wrong)."""

    # -- saving -------------------------------------------------------------------------------

    def _top(self, name: str) -> str:
        return name.partition(".")[0]

    def save_key(self, name: str) -> str:
        if self.record_id is None:
            return self.draft_key
        return f"{self.draft_key}#{self._top(name)}"

    def save_callback(self, name: str) -> Callable[[], None]:
        if self.record_id is None:
            return self.save_new
        top = self._top(name)
        return lambda: self.save_field(top)

    def _names_under(self, top: str) -> list[str]:
        return [n for n in self.fields if self._top(n) == top]

    def save_field(self, top: str) -> None:
        """Save one field, together with any field still waiting in the draft (a tick
        that needed another field first, say); what is still refused stays waiting."""
        if self.record_id is None:
            self.save_new()
            return
        waiting = [t for t in self._unsaved_tops() if t != top and t in self._tops()]
        tops = [top, *waiting]
        for name in (n for t in tops for n in self._names_under(t)):
            self.fields[name].message.clear_message()
        try:
            change = self.amend_record(self._changes(tops))
        except InvalidInput as exc:
            refused = {path.split(".")[0].split("[")[0] for path, _ in exc.problems}
            accepted = [t for t in tops if t not in refused]
            change = None
            if accepted and len(accepted) < len(tops):
                try:
                    change = self.amend_record(self._changes(accepted))
                except KnownError:
                    accepted = []
            else:
                accepted = []
            self._forget_unsaved([n for t in accepted for n in self._names_under(t)])
            self._keep_unsaved(
                [n for t in tops if t not in accepted for n in self._names_under(t)], exc
            )
            if change is not None and change.events:
                self.recorded.emit(change)
            return
        except KnownError as exc:
            self._keep_unsaved([n for t in tops for n in self._names_under(t)], exc)
            return
        except Exception as exc:
            log_bug(exc, type(self).__name__)
            self.general.show_message(internal_error_text())
            return
        self._forget_unsaved([n for t in tops for n in self._names_under(t)])
        self.general.clear_message()
        self.keep_live_hints(set())
        if change is not None and change.events:
            self.recorded.emit(change)

    def _tops(self) -> set[str]:
        return {self._top(n) for n in self.fields}

    def _unsaved_tops(self) -> list[str]:
        draft = self.workspace.load_draft(self.draft_key) or {}
        return list(dict.fromkeys(self._top(n) for n in draft))

    def _changes(self, tops: list[str]) -> dict[str, Value]:
        names = [n for t in tops for n in self._names_under(t)]
        values = self.values(*names)
        return {t: values.get(t) for t in tops}

    def _keep_unsaved(self, names: list[str], exc: KnownError) -> None:
        draft = self.workspace.load_draft(self.draft_key) or {}
        draft.update({n: self.fields[n].raw() for n in names})
        self.workspace.save_draft(self.draft_key, draft)
        refused: set[str] = set()
        if isinstance(exc, InvalidInput):
            for path, reason in exc.problems:
                message = self.message_for(path)
                if message is not None:
                    message.show_message(reason_text(reason), "hint")
                    refused.add(self._top(path))
                else:
                    self.general.show_message(reason_text(reason))
        else:
            self.general.show_message(error_text(exc))
        self.keep_live_hints(refused)

    def _forget_unsaved(self, names: list[str]) -> None:
        draft = self.workspace.load_draft(self.draft_key)
        if draft and any(n in draft for n in names):
            for n in names:
                draft.pop(n, None)
            self.workspace.save_draft(self.draft_key, draft)

    def save_new(self) -> None:
        data = self.values()
        try:
            change = self.create_record(data)
        except InvalidInput as exc:
            self.save_draft()
            self._hint_new(exc)
            return
        except KnownError as exc:
            self.save_draft()
            self.general.show_message(error_text(exc))
            return
        except Exception as exc:
            log_bug(exc, type(self).__name__)
            self.save_draft()
            self.general.show_message(internal_error_text())
            return
        self.workspace.autosaver.cancel_prefix(self.draft_key)
        self.workspace.discard_draft(self.draft_key)
        self.record_id = change.entity_id
        self.clear_messages()
        self.keep_live_hints(set())
        self.status.hide()
        self.created.emit(change.entity_id)
        self.recorded.emit(change)

    def _hint_new(self, exc: InvalidInput) -> None:
        """A new record still incomplete: problems of filled fields beside them, the
        missing ones listed once in the status line (no red wall while typing)."""
        self.clear_messages()
        missing: list[str] = []
        refused: set[str] = set()
        for path, reason in exc.problems:
            field = self.fields.get(path)
            empty = field is not None and field.read() in (None, "", False)
            if missing_value(reason) and (empty or as_reason(reason).code == "required"):
                missing.append(path)
                continue
            message = self.message_for(path)
            if message is not None:
                message.show_message(reason_text(reason), "hint")
                refused.add(self._top(path))
            else:
                self.general.show_message(reason_text(reason))
        self.keep_live_hints(refused)
        text = self.missing_text(missing)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def flush(self) -> None:
        """Save every pending field of this form now."""
        for key in self.workspace.autosaver.pending():
            if key == self.draft_key or key.startswith(self.draft_key + "#"):
                self.workspace.autosaver.flush(key)
