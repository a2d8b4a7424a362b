"""The persons of a case: the buyer (a suspect, with identity), the seller (never a suspect;
her age and the trafficking indicators), witnesses. Each is a record form: no Save button,
created when valid, every field saved as you go, the identity number checked as you type.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from fieldapp.domain.identity import age_on, parse_swedish_id
from fieldapp.domain.persons import BUYER, PERSON_ENTITY, SELLER, WITNESS
from fieldapp.errors import InvalidInput
from fieldapp.storage.records import Record
from fieldapp.workflow import persons
from fieldapp.workflow.context import Change
from ui.capture import RecordForm, Value
from ui.choices import ChoiceRows
from ui.problem_texts import date_hint
from ui.screens.step import StepKey, StepPanel, focus_input
from ui.widgets import check_box, line_edit, set_hint
from ui.words import (
    ANSWERS,
    CIVIL_STATUS,
    IDENTITY_METHODS,
    INDICATORS,
    PERSON_ROLES,
    reason_text,
    word,
)
from ui.workspace import Workspace


class PersonForm(RecordForm):
    """A person of one role in one case."""

    role = ""
    name: QLineEdit

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        person_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        key = f"case/{case_id}/person/{person_id or 'new-' + self.role}"
        super().__init__(workspace, key, person_id, parent)
        self.case_id = case_id
        self.record: Record | None = None
        self._build()
        self.body_layout()

    def _build(self) -> None:
        raise NotImplementedError

    def create_record(self, data: dict[str, Value]) -> Change:
        adders = {
            BUYER: persons.add_buyer,
            SELLER: persons.add_seller,
            WITNESS: persons.add_witness,
        }
        return self.workspace.run(adders[self.role], self.case_id, _clean(data))

    def amend_record(self, changes: dict[str, Value]) -> Change:
        assert self.record_id is not None
        return self.workspace.run(persons.amend_person, self.record_id, _clean(changes))

    def record_values(self) -> dict[str, Value]:
        assert self.record_id is not None
        record = self.workspace.ctx.records.get(PERSON_ENTITY, self.record_id)
        self.record = record
        return _flatten(record.data if record else {}, self.fields)

    def _show_interpreter(self) -> None:
        """The interpreter's language is always shown, right after the box: a row that
        appeared on ticking it would take the Tab meant for the next field (the phone
        number went into it). Typing a language there ticks the box."""
        if "interpreter_needed" in self.fields and not self._restoring:
            typed = bool(str(self.fields["interpreter_language"].raw() or "").strip())
            box = self.fields["interpreter_needed"].widget
            if typed and isinstance(box, QCheckBox) and not box.isChecked():
                box.setChecked(True)

    def missing_text(self, missing: list[str]) -> str:
        if not missing:
            return self.tr("Kept as a draft until it is accepted.")
        names = ", ".join(self._label(m) for m in missing)
        return self.tr("Kept as a draft; still needed: {fields}.").format(fields=names)

    def _label(self, name: str) -> str:
        caption = self.grid.captions.get(name)
        if caption is not None and caption.text():
            return caption.text().replace("&", "").lower()
        field = self.fields.get(name)
        if field is not None and isinstance(field.widget, QCheckBox):
            return field.widget.text().replace("&", "").lower()
        return name.rpartition(".")[2].replace("_", " ")


def _clean(data: dict[str, Value]) -> dict[str, Value]:
    """Nested groups with nothing in them are left out (no empty foreign id or income)."""
    out: dict[str, Value] = {}
    for key, value in data.items():
        if isinstance(value, dict) and key != "indicators":
            kept = {k: v for k, v in value.items() if v not in (None, "", False)}
            out[key] = kept or None
        else:
            out[key] = value
    return out


def _flatten(data: dict[str, Any], fields: dict[str, Any]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for name in fields:
        head, _, tail = name.partition(".")
        value = data.get(head)
        if tail:
            value = value.get(tail) if isinstance(value, dict) else None
        out[name] = value
    return out


class BuyerForm(PersonForm):
    role = BUYER

    def _build(self) -> None:
        self.name = line_edit(self, max_length=120)
        self.add_field("name", self.tr("&Name"), self.name)
        self.personal_id = line_edit(self, self.tr("YYYYMMDD-NNNN"), max_length=20)
        self.id_message = self.add_field(
            "personal_id", self.tr("&Identity number"), self.personal_id
        )
        self.method = ChoiceRows(IDENTITY_METHODS, self, columns=2)
        self.add_field("identity_method", self.tr("Identity established &by"), self.method)
        self.identity_note = line_edit(self, self.tr("only if 'other way'"), 300)
        self.add_field("identity_note", self.tr("How, if ot&her"), self.identity_note)
        self.born = line_edit(self, self.tr("YYYY-MM-DD, without a Swedish number"), 10)
        self.add_field("date_of_birth", self.tr("Date of bi&rth"), self.born)
        self.document = line_edit(self, self.tr("passport, ID card …"), 60)
        self.add_field("foreign_id.document", self.tr("Foreign &document"), self.document)
        self.document_number = line_edit(self, "", 60)
        self.add_field("foreign_id.number", self.tr("Document n&umber"), self.document_number)
        self.document_country = line_edit(self, "NO, RO …", 2)
        self.add_field(
            "foreign_id.country", self.tr("Issuing countr&y"), self.document_country, "upper"
        )
        self.phone = line_edit(self, "070-…", 40)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.address = line_edit(self, "", 300)
        self.add_field("address", self.tr("&Address"), self.address)
        self.language = line_edit(self, self.tr("sv, or several: ro, en"), 40)
        self.add_field("language", self.tr("&Language"), self.language, "lower")
        self.interpreter = check_box(self.tr("Needs an interpre&ter"), self)
        self.add_field("interpreter_needed", "", self.interpreter)
        self.interpreter_language = line_edit(self, self.tr("one language, e.g. ro"), 40)
        self.add_field(
            "interpreter_language", self.tr("Interpreter langua&ge"), self.interpreter_language,
            "lower",
        )  # fmt: skip
        self.civil = ChoiceRows(CIVIL_STATUS, self, columns=2)
        self.add_field("civil_status", self.tr("Ci&vil status"), self.civil)
        self.children_under_18 = line_edit(self, "", 2)
        self.add_field(
            "children_under_18", self.tr("Childr&en under 18"), self.children_under_18, "int"
        )

    def on_edited(self, name: str) -> None:
        if name == "personal_id":
            self._check_identity()
        if name == "interpreter_language":
            self._show_interpreter()

    def after_load(self) -> None:
        self._check_identity()

    def keep_live_hints(self, refused: set[str]) -> None:
        # The core's word on a number this check finds well-formed (taken by another
        # person, say) stands; otherwise the check's own answer, in its own colour.
        if "personal_id" in refused and self._identity_hint()[1] == "ok":
            return
        self._check_identity()

    @Slot()
    def _check_identity(self) -> None:
        """The identity number checked on every keystroke: kind and age, or what is wrong."""
        text = self.personal_id.text().strip()
        # With a Swedish number the date of birth is in it; the foreign fields go away.
        for name in ("date_of_birth", "foreign_id.document", "foreign_id.number",
                     "foreign_id.country"):  # fmt: skip
            self.grid.set_row_visible(name, not text)
        set_hint(self.id_message, *self._identity_hint())

    def _identity_hint(self) -> tuple[str, str]:
        """What the check says of the number typed, and its severity ("" if empty)."""
        text = self.personal_id.text().strip()
        if not text:
            return "", ""
        today = self.workspace.now().date()
        try:
            parsed = parse_swedish_id(text, today=today)
        except InvalidInput as exc:
            digits = sum(c.isdigit() for c in text)
            return reason_text(exc.problems[0][1]), "hint" if digits < 10 else "error"
        kind = (
            self.tr("personnummer")
            if parsed.kind.value == "personnummer"
            else self.tr("samordningsnummer")
        )
        hint = self.tr("✓ {kind}, born {born} ({age} years)").format(
            kind=kind, born=parsed.birth_date.isoformat(), age=age_on(parsed.birth_date, today)
        )
        return hint, "ok"


class SellerForm(PersonForm):
    role = SELLER

    def _build(self) -> None:
        self.name = line_edit(self, self.tr("a name or an alias"), 120)
        self.add_field("name", self.tr("&Name or alias"), self.name)
        # At the scene her age is usually an estimate; a date of birth comes later, if ever.
        self.estimated_age = line_edit(self, self.tr("years"), 2)
        self.add_field("estimated_age", self.tr("&Estimated age"), self.estimated_age, "int")
        self.possibly_minor = check_box(self.tr("&May be under 18"), self)
        self.add_field("possibly_minor", "", self.possibly_minor)
        self.born = line_edit(self, date_hint(), 10)
        self.add_field("date_of_birth", self.tr("Date of &birth"), self.born)
        self.nationality = line_edit(self, "SE, RO, TH …", 2)
        self.add_field("nationality", self.tr("Nationalit&y"), self.nationality, "upper")
        self.language = line_edit(self, self.tr("sv, or several: ro, en"), 40)
        self.add_field("language", self.tr("&Language"), self.language, "lower")
        self.interpreter = check_box(self.tr("Needs an interpre&ter"), self)
        self.add_field("interpreter_needed", "", self.interpreter)
        self.interpreter_language = line_edit(self, self.tr("one language, e.g. ro"), 40)
        self.add_field(
            "interpreter_language", self.tr("Interpreter langua&ge"), self.interpreter_language,
            "lower",
        )  # fmt: skip
        self.phone = line_edit(self, "070-…", 40)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.indicator_title = QLabel(self.tr("Signs of trafficking (none decides alone)"), self)
        self.indicator_title.setProperty("role", "stepTitle")
        self.grid.add_wide(self.indicator_title)
        self.indicators: dict[str, ChoiceRows] = {}
        for code in INDICATORS:
            combo = ChoiceRows(ANSWERS, self, columns=3)
            self.indicators[code] = combo
            self.add_field(f"indicators.{code}", word(INDICATORS, code), combo)
        self.note = line_edit(self, "", 2000)
        self.add_field("note", self.tr("N&ote"), self.note)

    def values(self, *names: str) -> dict[str, Value]:
        out = super().values(*names)
        raw = out.get("indicators")
        if isinstance(raw, dict):
            # Answered indicators only; an unanswered one is simply not recorded.
            out["indicators"] = {k: v for k, v in raw.items() if v}
        return out

    def record_values(self) -> dict[str, Value]:
        values = super().record_values()
        stored = (self.record.data if self.record else {}).get("indicators") or {}
        for code in INDICATORS:
            entry = stored.get(code)
            values[f"indicators.{code}"] = entry.get("answer") if isinstance(entry, dict) else None
        return values

    def on_edited(self, name: str) -> None:
        if name == "interpreter_language":
            self._show_interpreter()

    def missing_text(self, missing: list[str]) -> str:
        if "name" in missing:
            return self.tr("Kept as a draft until there is a name or an alias.")
        return super().missing_text(missing)


class WitnessForm(PersonForm):
    role = WITNESS

    def _build(self) -> None:
        self.name = line_edit(self, "", 120)
        self.add_field("name", self.tr("&Name"), self.name)
        self.relation = line_edit(self, self.tr("e.g. night porter"), 120)
        self.add_field("relation", self.tr("&Relation"), self.relation)
        self.phone = line_edit(self, "070-…", 40)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.personal_id = line_edit(self, self.tr("YYYYMMDD-NNNN"), 20)
        self.add_field("personal_id", self.tr("&Identity number"), self.personal_id)
        self.address = line_edit(self, "", 300)
        self.add_field("address", self.tr("&Address"), self.address)
        self.note = line_edit(self, "", 2000)
        self.add_field("note", self.tr("N&ote"), self.note)


FORMS: dict[str, type[PersonForm]] = {BUYER: BuyerForm, SELLER: SellerForm, WITNESS: WitnessForm}


class PersonStep(StepPanel):
    """Add or edit a person; opening an existing person's record is logged."""

    person_created = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        role: str,
        person_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, case_id, "", parent=parent)
        self.role = role
        self.form = FORMS[role](workspace, case_id, person_id, self)
        self.body.addWidget(self.form)
        self.body.addStretch(1)
        self.form.created.connect(self._on_created)
        self.form.recorded.connect(lambda _change: self.changed.emit())
        self.form.submitted.connect(self._on_submitted)
        if person_id is not None:
            persons.open_person(workspace.ctx, person_id)  # brottsdatalagen: access is logged
        self.form.load()
        self._set_title()

    @property
    def panel_id(self) -> str:
        return f"person:{self.form.record_id or 'new-' + self.role}"

    @property
    def person_id(self) -> str | None:
        return self.form.record_id

    def _set_title(self) -> None:
        role = word(PERSON_ROLES, self.role)
        if self.form.record_id is None:
            # One title per role: Swedish inflects "new" by the noun's gender (nytt vittne).
            titles = {
                BUYER: self.tr("New buyer"),
                SELLER: self.tr("New seller"),
                WITNESS: self.tr("New witness"),
            }
            self.title.setText(titles.get(self.role, role))
            purposes = {
                BUYER: self.tr(
                    "Name, identity number (or date of birth and document) and how the "
                    "identity was established. Saved as you type."
                ),
                SELLER: self.tr(
                    "Never a suspect. A name or an alias and her age (date of birth or an "
                    "estimate). Saved as you type."
                ),
                WITNESS: self.tr("Saved as you type."),
            }
            self.purpose.setText(purposes[self.role])
        else:
            self.title.setText(f"{role}: {self.form.name.text()}")
            self.purpose.setText(self.tr("Every change is saved within a second."))
        self.purpose.show()

    @Slot(str)
    def _on_created(self, person_id: str) -> None:
        self._set_title()
        self.changed.emit()
        self.person_created.emit(person_id)

    @Slot()
    def _on_submitted(self) -> None:
        self.form.flush()
        if self.form.record_id is None or self.workspace.load_draft(self.form.draft_key):
            # Not saved (still a draft, or a field refused with its reason beside it):
            # Enter stays in this step, so nothing typed next can land in another one.
            return
        self.done.emit()

    def focus_first(self) -> None:
        focus_input(self.form.name)

    def flush(self) -> None:
        self.form.flush()

    def show_key(self, key: StepKey) -> None:
        pass
