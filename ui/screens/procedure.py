"""The procedure with a buyer: notice of suspicion with his rights, the hearing, and the
decision step (income and the day-fine calculator with its explanation, the prosecutor's
decision and sanction, the buyer's answer, and the approval form printed from here)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from fieldapp.documents import service
from fieldapp.domain.common import first_language
from fieldapp.domain.dayfines import DayFineResult
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.domain.procedure import DECISION_ENTITY, DecisionKind
from fieldapp.errors import KnownError
from fieldapp.storage.records import Record
from fieldapp.workflow import persons, procedure
from fieldapp.workflow.case_view import BuyerView, CaseView
from fieldapp.workflow.context import Change
from ui.capture import ActForm, RecordForm, Value, refusal_text
from ui.choices import ChoiceRows
from ui.forms import MessageBox, muted_label
from ui.screens.step import ActStep, StepKey, focus_input
from ui.widgets import CodeCombo, TimeField, action_button, check_box, line_edit, text_box
from ui.words import (
    BUYER_ANSWERS,
    DAY_FINE_LINES,
    DECIDER_ROLES,
    DECISION_HOW,
    DECISION_KINDS,
    clock,
    kr,
    short_name,
    word,
)
from ui.workspace import Workspace


def _officer_combo(workspace: Workspace, parent: QWidget) -> CodeCombo:
    combo = CodeCombo(dict(workspace.officers()), parent, words=workspace.officer_name)
    combo.set_code(workspace.officer_id)
    return combo


# -- notice of suspicion ---------------------------------------------------------------------


class NoticeForm(ActForm):
    def __init__(self, workspace: Workspace, case_id: str, buyer: BuyerView, parent: QWidget):
        super().__init__(workspace, f"case/{case_id}/notice/{buyer.id}", parent)
        self.case_id = case_id
        self.buyer_id = buyer.id
        self.at = TimeField(workspace.now, self, reference=workspace.case_time(case_id))
        self.add_field("at", self.tr("&Time"), self.at, "time")
        self.all_rights = check_box(self.tr("&All rights explained (tick the three below)"), self)
        self.grid.add("all_rights", "", self.all_rights)
        self.lawyer = check_box(self.tr("Right to a &lawyer (defence counsel)"), self)
        self.add_field("rights_given.lawyer", "", self.lawyer, "bool")
        self.silence = check_box(self.tr("Right to stay &silent"), self)
        self.add_field("rights_given.silence", "", self.silence, "bool")
        self.information = check_box(self.tr("Right to &information about the suspicion"), self)
        self.add_field("rights_given.information", "", self.information, "bool")
        self.interpreter_right = check_box(self.tr("Right to an i&nterpreter"), self)
        self.add_field("rights_given.interpreter", "", self.interpreter_right, "bool")
        self.language = line_edit(self, "sv, en …", 3)
        self.add_field("language", self.tr("In the lan&guage"), self.language, "lower")
        self.interpreter_used = check_box(self.tr("An interpreter was &used"), self)
        self.add_field("interpreter_used", "", self.interpreter_used, "bool")
        self.interpreter = line_edit(self, self.tr("interpreter's name or number"), 160)
        self.add_field("interpreter", self.tr("Interpret&er"), self.interpreter)
        self.lawyer_requested = check_box(self.tr("He asks for a la&wyer"), self)
        self.add_field("lawyer_requested", "", self.lawyer_requested, "bool")
        self.suspicion = line_edit(self, "", 500)
        self.add_field("suspicion", self.tr("Sus&picion"), self.suspicion)
        self.by = _officer_combo(workspace, self)
        self.add_field("by", self.tr("Gi&ven by"), self.by)
        self.body_layout()
        self.all_rights.toggled.connect(self._tick_all)
        self._defaults(buyer)
        self.load_draft()

    def _defaults(self, buyer: BuyerView) -> None:
        self._restoring = True
        try:
            # The notice is given in one language: the first he speaks ("ro, en": ro).
            self.language.setText(first_language(buyer.person.get("language")) or "sv")
            self.suspicion.setText(buyer.offence.name_sv)
            self.interpreter_used.setChecked(bool(buyer.person.get("interpreter_needed")))
        finally:
            self._restoring = False

    @Slot(bool)
    def _tick_all(self, checked: bool) -> None:
        for box in (self.lawyer, self.silence, self.information):
            box.setChecked(checked)

    def record(self) -> Change | None:
        data = self.values()
        return self.record_act(
            lambda: self.workspace.run(procedure.record_notice, self.case_id, self.buyer_id, data)
        )


class NoticeStep(ActStep):
    form: NoticeForm

    def __init__(
        self, workspace: Workspace, case_id: str, buyer: BuyerView, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, case_id, "", "", parent)
        self.set_heading(
            self.tr("Notice of suspicion: {name}").format(
                name=short_name(str(buyer.person.get("name", "")))
            ),
            self.tr(
                "Tell him what he is suspected of and his rights, in a language he "
                "understands (RB 23:18)."
            ),
        )
        self.buyer_id = buyer.id
        self.form = NoticeForm(workspace, case_id, buyer, self)
        self.body.addWidget(self.form)
        self.record_button = self.add_record_button(self.tr("&Record the notice (Enter)"))
        self.given = muted_label("", self)
        self.body.addWidget(self.given)
        self.body.addStretch(1)
        self._show_given(buyer)

    @property
    def panel_id(self) -> str:
        return f"notice:{self.buyer_id}"

    def refresh(self, view: CaseView) -> None:
        buyer = view.buyer(self.buyer_id)
        if buyer is not None:
            self._show_given(buyer)

    def _show_given(self, buyer: BuyerView) -> None:
        lines = [
            self.tr("Given {time} by {officer} (language {language})").format(
                time=clock(n.get("at")),
                officer=self.workspace.officer_name(n.get("by")),
                language=n.get("language"),
            )
            for n in buyer.notices
        ]
        self.given.setText("\n".join(lines))
        self.given.setVisible(bool(lines))

    def focus_first(self) -> None:
        at = self.form.at  # a case written up later: its time first (TimeField.waits)
        if at.waits():
            focus_input(at.edit)
        else:
            self.form.all_rights.setFocus()


# -- hearing ---------------------------------------------------------------------------------


class HearingForm(ActForm):
    def __init__(
        self, workspace: Workspace, case_id: str, person_id: str, where: str, parent: QWidget
    ) -> None:
        super().__init__(workspace, f"case/{case_id}/hearing/{person_id}", parent)
        self.case_id = case_id
        self.person_id = person_id
        self.at = TimeField(workspace.now, self, reference=workspace.case_time(case_id))
        self.add_field("at", self.tr("&Time"), self.at, "time")
        self.where = line_edit(self, "", 160)
        self.add_field("where", self.tr("&Where"), self.where)
        self.note = line_edit(self, self.tr("the main points; the record is written later"))
        self.add_field("note", self.tr("&Note"), self.note)
        self.by = _officer_combo(workspace, self)
        self.add_field("by", self.tr("&Held by"), self.by)
        self.body_layout()
        self._restoring = True
        self.where.setText(where)
        self._restoring = False
        self.load_draft()

    def record(self) -> Change | None:
        data = self.values()
        return self.record_act(
            lambda: self.workspace.run(procedure.record_hearing, self.case_id, self.person_id, data)
        )


class HearingStep(ActStep):
    form: HearingForm

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        person: Record,
        view: CaseView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, case_id, "", "", parent)
        self.set_heading(
            self.tr("Hearing: {name}").format(name=short_name(str(person.get("name", ""))))
        )
        self.person_id = person.entity_id
        case = view.case
        parts = [str(case.get("place_name") or case.get("address") or "")]
        if case.get("room"):
            parts.append(self.tr("room {room}").format(room=case.get("room")))
        where = ", ".join(p for p in parts if p)
        self.form = HearingForm(workspace, case_id, person.entity_id, where, self)
        self.body.addWidget(self.form)
        self.record_button = self.add_record_button(self.tr("&Record the hearing (Enter)"))
        self.held = muted_label("", self)
        self.body.addWidget(self.held)
        self.body.addStretch(1)
        self.refresh(view)

    @property
    def panel_id(self) -> str:
        return f"hearing:{self.person_id}"

    def refresh(self, view: CaseView) -> None:
        held = [h for h in view.hearings if h.get("person_id") == self.person_id]
        self.held.setText(
            "\n".join(
                self.tr("Held {time} ({where})").format(
                    time=clock(h.get("at")), where=h.get("where")
                )
                for h in held
            )
        )
        self.held.setVisible(bool(held))

    def focus_first(self) -> None:
        at = self.form.at  # a case written up later: its time first (TimeField.waits)
        focus_input(at.edit if at.waits() else self.form.where)


# -- decision: income, day-fines, decision, answer, approval form ---------------------------


class IncomeForm(RecordForm):
    """The buyer's income as he states it: saved on his record as you type."""

    def __init__(self, workspace: Workspace, case_id: str, buyer_id: str, parent: QWidget):
        super().__init__(workspace, f"case/{case_id}/person/{buyer_id}/income", buyer_id, parent)
        self.annual = line_edit(self, self.tr("kronor per year, before tax"), 9)
        self.add_field("income.annual_income_sek", self.tr("Annual &income"), self.annual, "int")
        self.supported = line_edit(self, "0", 2)
        self.add_field(
            "income.children_supported", self.tr("Children he &supports"), self.supported, "int"
        )
        self.spouse = check_box(self.tr("Spouse without income"), self)
        self.add_field("income.spouse_without_income", "", self.spouse, "bool")
        self.costs = line_edit(self, "0", 9)
        self.add_field("income.costs_sek", self.tr("Costs of earning it"), self.costs, "int")
        self.wealth = line_edit(self, "0", 11)
        self.add_field("income.net_wealth_sek", self.tr("Net &wealth"), self.wealth, "int")
        self.restructuring = check_box(self.tr("Under debt restructuring"), self)
        self.add_field("income.debt_restructuring", "", self.restructuring, "bool")
        self.payment_free = line_edit(self, self.tr("kronor per year"), 9)
        self.add_field(
            "income.payment_free_amount_sek", self.tr("Payment-free amount"), self.payment_free,
            "int",
        )  # fmt: skip
        self.body_layout()

    def amend_record(self, changes: dict[str, Value]) -> Change:
        income = changes.get("income") or {}
        kept = {k: v for k, v in income.items() if v not in (None, "", False)}
        return self.workspace.run(persons.amend_person, self.record_id, {"income": kept or None})

    def record_values(self) -> dict[str, Value]:
        record = self.workspace.ctx.records.get(PERSON_ENTITY, str(self.record_id))
        income = (record.data.get("income") if record else None) or {}
        return {name: income.get(name.partition(".")[2]) for name in self.fields}


class DecisionForm(ActForm):
    def __init__(self, workspace: Workspace, case_id: str, buyer: BuyerView, parent: QWidget):
        super().__init__(workspace, f"case/{case_id}/decision/{buyer.id}", parent)
        self.case_id = case_id
        self.buyer_id = buyer.id
        # The order the officer fills them in on the phone: who, how many day-fines (the
        # amount is calculated), then what usually stays as it is.
        self.decided_by = line_edit(self, self.tr("the prosecutor's name"), 120)
        self.add_field("decided_by", self.tr("Decided &by"), self.decided_by)
        self.day_fines = line_edit(self, "30–150", 3)
        self.add_field("sanction.day_fines", self.tr("Number of da&y-fines"), self.day_fines, "int")
        self.amount = line_edit(self, self.tr("kronor per day-fine"), 5)
        self.add_field(
            "sanction.day_fine_amount_sek", self.tr("&Amount per day-fine"), self.amount, "int"
        )
        self.conditional = check_box(self.tr("&Conditional sentence (villkorlig dom)"), self)
        self.add_field("sanction.conditional_sentence", "", self.conditional, "bool")
        self.decision = ChoiceRows(DECISION_KINDS, self, columns=2)
        self.add_field("decision", self.tr("&Decision"), self.decision)
        self.decider_role = ChoiceRows(DECIDER_ROLES, self, columns=2)
        self.add_field("decider_role", self.tr("&Role"), self.decider_role)
        self.how = ChoiceRows(DECISION_HOW, self, columns=3)
        self.add_field("how", self.tr("&How"), self.how)
        self.at = TimeField(workspace.now, self, reference=workspace.case_time(case_id))
        self.add_field("at", self.tr("&Time"), self.at, "time")
        self.forfeiture = line_edit(self, "0", 9)
        self.add_field(
            "sanction.forfeiture_sek", self.tr("&Forfeiture (kronor)"), self.forfeiture, "int"
        )
        self.note = line_edit(self, "", 1000)
        self.add_field("note", self.tr("N&ote"), self.note)
        self.body_layout()
        self.decision.changed.connect(self._show_sanction)
        self._defaults(buyer)
        self.load_draft()
        self._show_sanction()

    def _defaults(self, buyer: BuyerView) -> None:
        rules = buyer.rules
        self._restoring = True
        try:
            self.decider_role.set_code("prosecutor")
            self.how.set_code("phone")
            self.decision.set_code(
                DecisionKind.ADVANCE_APPROVAL.value
                if rules.advance_approval
                else DecisionKind.SUMMARY_ORDER.value
            )
            # When day-fines alone are not allowed, a summary penalty is a conditional
            # sentence (with or without day-fines): the box starts ticked.
            self.conditional.setChecked(not rules.summary_order.day_fines_alone)
            seized = sum(
                int((e.get("seizure") or {}).get("amount", 0))
                for e in buyer.elements
                if e.get("seized")
            )
            if seized:
                self.forfeiture.setText(str(seized))
            self.decided_by.setText(self._last_decider())
        finally:
            self._restoring = False

    def _last_decider(self) -> str:
        """The prosecutor of the operation's latest decision: usually on duty all night."""
        operation_id = self.workspace.operation_id
        if operation_id is None:
            return ""
        found = self.workspace.ctx.records.find(DECISION_ENTITY, operation_id=operation_id)
        latest = max(found, key=lambda d: str(d.get("at", "")), default=None)
        return str(latest.get("decided_by", "")) if latest else ""

    @Slot()
    def _show_sanction(self) -> None:
        summary = self.decision.code() in (
            DecisionKind.ADVANCE_APPROVAL.value,
            DecisionKind.SUMMARY_ORDER.value,
        )
        for name in (
            "sanction.conditional_sentence",
            "sanction.day_fines",
            "sanction.day_fine_amount_sek",
            "sanction.forfeiture_sek",
        ):
            self.grid.set_row_visible(name, summary)

    def suggest_amount(self, amount: int, previous: int | None) -> None:
        """Fill in the calculated amount unless the officer typed another one."""
        current = self.amount.text().strip()
        if not current or (previous is not None and current == str(previous)):
            self._restoring = True
            self.amount.setText(str(amount))
            self._restoring = False

    def record(self) -> Change | None:
        names = ["decided_by", "decider_role", "how", "at", "decision", "note"]
        if self.decision.code() in ("advance_approval", "summary_order"):
            names += [n for n in self.fields if n.startswith("sanction.")]
        data = self.values(*names)
        return self.record_act(
            lambda: self.workspace.run(procedure.record_decision, self.case_id, self.buyer_id, data)
        )


class DecisionStep(ActStep):
    """From the buyer's income to the signed form: one panel, one key to print."""

    form: DecisionForm

    def __init__(
        self, workspace: Workspace, case_id: str, buyer: BuyerView, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, case_id, "", "", parent)
        self.set_heading(
            self.tr("Decision and sanction: {name}").format(
                name=short_name(str(buyer.person.get("name", "")))
            ),
            self.tr(
                "Call the prosecutor on duty (F2 shows the number). Record the decision; "
                "print the form with Ctrl+P; record his answer."
            ),
        )
        self.buyer_id = buyer.id
        self._buyer = buyer
        self._suggested: int | None = None
        self.income_title = QLabel(
            self.tr("Income, as he states it (for the day-fine amount)"), self
        )
        self.income_title.setProperty("role", "stepTitle")
        self.body.addWidget(self.income_title)
        self.income = IncomeForm(workspace, case_id, buyer.id, self)
        self.body.addWidget(self.income)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("dayFineExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.explanation)
        self.decision_title = QLabel(self.tr("The decision"), self)
        self.decision_title.setProperty("role", "stepTitle")
        self.body.addWidget(self.decision_title)
        self.form = DecisionForm(workspace, case_id, buyer, self)
        self.body.addWidget(self.form)
        self.record_button = self.add_record_button(self.tr("Record the decisio&n (Enter)"))
        self.recorded = QLabel(self)
        self.recorded.setWordWrap(True)
        self.body.addWidget(self.recorded)
        self.again_button = action_button(self.tr("Record a &new decision…"), self)
        self.body.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._editing = False
        self.description = text_box(self, self.tr("the description of the act"), lines=4)
        self.description_label = QLabel(self.tr("Description of the act on the form"), self)
        self.description_label.setBuddy(self.description)
        self.body.addWidget(self.description_label)
        self.body.addWidget(self.description)
        self.print_button = action_button(
            self.tr("&Print the approval form (Ctrl+P)"), self, primary=True
        )
        self.body.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        answer_row = QHBoxLayout()
        self.accepts_button = action_button(self.tr("&Yes – he accepts"), self)
        self.declines_button = action_button(self.tr("N&o – he declines"), self)
        answer_row.addWidget(self.accepts_button)
        answer_row.addWidget(self.declines_button)
        answer_row.addStretch(1)
        self.body.addLayout(answer_row)
        # Near the top: Ctrl+P before the decision is recorded says why at once, where it is
        # seen, not under the fold of a long panel.
        self.message = MessageBox(self)
        self.body.insertWidget(2, self.message)
        self.body.addStretch(1)
        self.income.recorded.connect(self._on_income_saved)
        self.income.recorded.connect(lambda _c: self.changed.emit())
        # Enter in the income: on to the decision, its prefilled prosecutor selected so
        # that a name typed replaces it ("…Påhittsdotteråsa åklagare" was seen).
        self.income.submitted.connect(lambda: focus_input(self.form.decided_by))
        self.print_button.clicked.connect(self.print_document)
        self.again_button.clicked.connect(self._record_again)
        self.accepts_button.clicked.connect(lambda: self._answer("accepts"))
        self.declines_button.clicked.connect(lambda: self._answer("declines"))
        self.description.textChanged.connect(self._description_edited)
        self.income.load()
        self._calculate()
        self._show_decision(buyer)

    @property
    def panel_id(self) -> str:
        return f"decision:{self.buyer_id}"

    def show_key(self, key: StepKey) -> None:
        pass  # the focus is the case screen's to set (focus_first), never set here

    def refresh(self, view: CaseView) -> None:
        buyer = view.buyer(self.buyer_id)
        if buyer is not None:
            self._buyer = buyer
            self._show_decision(buyer)

    # -- day-fines ----------------------------------------------------------------------------

    @Slot(object)
    def _on_income_saved(self, _change: Change) -> None:
        self._calculate()

    def _calculate(self) -> None:
        try:
            result = procedure.suggest_day_fine(self.workspace.ctx, self.case_id, self.buyer_id)
        except KnownError as exc:
            self.explanation.setText(refusal_text(exc))
            self.explanation.setProperty("muted", "true")
            return
        self.explanation.setText(self._explain(result))
        self.form.suggest_amount(result.amount_sek, self._suggested)
        self._suggested = result.amount_sek

    def _explain(self, result: DayFineResult) -> str:
        locale = QLocale()

        def number(value: Decimal) -> str:
            return locale.toString(int(value)) if value == int(value) else f"{value:.2f}"

        lines = []
        for line in result.lines:
            template = DAY_FINE_LINES.get(line.code.value)
            if template is None:
                lines.append(line.text)
                continue
            values = {name: number(value) for name, value in line.values}
            lines.append(word(DAY_FINE_LINES, line.code.value).format(**values))
        return "\n".join(lines)

    # -- decision and answer ------------------------------------------------------------------

    def _show_decision(self, buyer: BuyerView) -> None:
        decision = buyer.decision
        has_decision = decision is not None
        if has_decision:
            self.message.clear_message()  # "record the decision first" no longer holds
        if decision is not None:
            text = self.tr("Recorded {time}: {kind}, {who}.").format(
                time=clock(decision.get("at")),
                kind=word(DECISION_KINDS, decision.get("decision")),
                who=decision.get("decided_by"),
            )
            sanction = decision.get("sanction") or {}
            if sanction.get("day_fines"):
                text += " " + self.tr("{count} day-fines of {amount}.").format(
                    count=sanction["day_fines"], amount=kr(sanction.get("day_fine_amount_sek"))
                )
            if sanction.get("conditional_sentence"):
                text += " " + self.tr("Conditional sentence.")
            answer = buyer.answer
            if answer is not None:
                text += " " + self.tr("He {answer} ({time}).").format(
                    answer=word(BUYER_ANSWERS, answer.get("answer")), time=clock(answer.get("at"))
                )
            self.recorded.setText(text)
        summary = has_decision and str(decision.get("decision") if decision else "") in (
            "advance_approval",
            "summary_order",
        )
        self.recorded.setVisible(has_decision)
        # Once decided, the form folds away: what was decided, the form to print, the answer.
        capture = not has_decision or self._editing
        capturing: tuple[QWidget, ...] = (
            self.income_title,
            self.income,
            self.explanation,
            self.decision_title,
            self.form,
            self.record_button,
        )
        for widget in capturing:
            widget.setVisible(capture)
        self.again_button.setVisible(not capture)
        printing: tuple[QWidget, ...] = (
            self.description_label,
            self.description,
            self.print_button,
        )
        for widget in printing:
            widget.setVisible(summary)
        for button in (self.accepts_button, self.declines_button):
            button.setVisible(summary and buyer.answer is None)
        if summary and not self.description.toPlainText():
            self._fill_description()

    def _fill_description(self) -> None:
        key = self._description_key()
        draft = self.workspace.load_draft(key)
        if draft and draft.get("text"):
            text = str(draft["text"])
        else:
            try:
                text = service.act_description(self.workspace.ctx, self.case_id, self.buyer_id)
            except KnownError:
                text = ""
        self.description.blockSignals(True)
        self.description.setPlainText(text)
        self.description.blockSignals(False)

    def _description_key(self) -> str:
        return f"case/{self.case_id}/description/{self.buyer_id}"

    @Slot()
    def _description_edited(self) -> None:
        key = self._description_key()
        self.workspace.autosaver.schedule(
            key,
            lambda: self.workspace.save_draft(key, {"text": self.description.toPlainText()}),
            self.description,
        )

    @Slot()
    def _record(self) -> None:
        self._editing = False
        if self.form.record() is not None:
            self.changed.emit()
            if self.description.isVisible():
                focus_input(self.description)  # the next input: the act on the form
            else:
                self.done.emit()  # nothing to print or answer: the step is done
        else:
            self._editing = True
            self.reveal_refusal(self.form)

    @Slot()
    def _record_again(self) -> None:
        self._editing = True
        self._show_decision(self._buyer)
        focus_input(self.form.decided_by)

    def _answer(self, answer: str) -> None:
        decision = self._buyer.decision
        if decision is None:
            return
        try:
            self.workspace.run(procedure.record_answer, self.case_id, decision.entity_id, answer)
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "answer"))
            return
        self.message.clear_message()
        self.changed.emit()
        self.done.emit()

    def print_document(self) -> bool:
        self.workspace.autosaver.flush(self._description_key())
        text = self.description.toPlainText().strip() or None
        try:
            pdf = service.approval_pdf(
                self.workspace.ctx, self.case_id, self.buyer_id, description=text
            )
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "approval form"))
            self.reveal(self.message)
            self.missing_requested.emit()
            return True
        self.message.clear_message()
        name = short_name(str(self._buyer.person.get("name", "")))
        if self._buyer.answer is None and self.accepts_button.isVisible():
            # Printed, what follows is his answer: the preview gives the focus back to "yes"
            # (Enter), not to the description just printed, where the Enter meant for his
            # answer was a new line stored in the form's text.
            self.accepts_button.setFocus()
        self.workspace.show_document(
            self, pdf, self.tr("Approval form: {name}").format(name=name),
            suggested_name="godkannande.pdf",
        )  # fmt: skip
        return True

    def focus_first(self) -> None:
        if self._buyer.decision is None:
            if self.income.annual.text():
                focus_input(self.form.decided_by)
            else:
                focus_input(self.income.annual)
        elif self._buyer.answer is None and self.accepts_button.isVisible():
            # His answer: Enter (or Alt+J) on "yes", Alt+O for "no"; the button is
            # guarded, so Space and letters do nothing here.
            self.accepts_button.setFocus()
        elif self.description.isVisible():
            focus_input(self.description)
        else:
            focus_input(self.first_input())

    def flush(self) -> None:
        self.income.flush()
        super().flush()
        self.workspace.autosaver.flush(self._description_key())


__all__ = ["DecisionStep", "HearingStep", "NoticeStep", "Record"]
