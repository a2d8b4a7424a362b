"""Support offered to the seller or a buyer: which organisation, what came of it, and the
leaflet printed on the spot in the language chosen (with a warning when no native speaker
has reviewed that translation)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QWidget

from fieldapp.documents import service
from fieldapp.documents.leaflet_texts import Audience, LeafletLanguage, leaflet_languages
from fieldapp.domain.operation import CONTACT_ENTITY
from fieldapp.domain.persons import BUYER, SELLER
from fieldapp.storage.records import Record
from fieldapp.workflow import support
from fieldapp.workflow.case_view import CaseView
from fieldapp.workflow.context import Change
from ui.capture import ActForm, refusal_text
from ui.choices import ChoiceRows
from ui.documents.preview import leaflet_warning
from ui.forms import FieldMessage, MessageBox, muted_label
from ui.screens.step import ActStep
from ui.widgets import CodeCombo, TimeField, action_button, line_edit, set_hint
from ui.words import CONTACT_ROLES, SUPPORT_CHOICES, SUPPORT_OUTCOMES, clock, short_name, word
from ui.workspace import Workspace

# The contact offered by default: the support organisation for each side.
DEFAULT_CONTACT = {SELLER: "seller_support", BUYER: "buyer_support"}


class SupportForm(ActForm):
    def __init__(self, workspace: Workspace, case_id: str, person: Record, parent: QWidget) -> None:
        super().__init__(workspace, f"case/{case_id}/support/{person.entity_id}", parent)
        self.case_id = case_id
        self.person = person
        contacts = self._contacts()
        self.contact = ChoiceRows(
            {c.entity_id: self._contact_text(c) for c in contacts},
            self,
            words=lambda entity_id: next(
                self._contact_text(c) for c in contacts if c.entity_id == entity_id
            ),
            empty=self.tr("another organisation (type it below)"),
        )
        self.add_field("contact_id", self.tr("&Offered"), self.contact)
        self.organisation = line_edit(self, self.tr("only if not in the list"), 160)
        self.add_field("organisation", self.tr("Or&ganisation"), self.organisation)
        self.outcome = ChoiceRows(SUPPORT_CHOICES, self, columns=2)
        self.add_field("outcome", self.tr("O&utcome"), self.outcome)
        languages = leaflet_languages()
        self.leaflet_language = CodeCombo(
            {lang.code: lang.name for lang in languages},
            self,
            words=lambda code: self._language_text(code, languages),
        )
        self.language_message = self.add_field(
            "leaflet_language", self.tr("&Leaflet in"), self.leaflet_language
        )
        self.at = TimeField(workspace.now, self, reference=workspace.case_time(case_id))
        self.add_field("offered_at", self.tr("&Time"), self.at, "time")
        self.note = line_edit(self, "", 1000)
        self.add_field("note", self.tr("Not&e"), self.note)
        self.body_layout()
        self._defaults(contacts)
        self.load_draft()
        self.leaflet_language.currentIndexChanged.connect(self._warn_unreviewed)
        self._warn_unreviewed()

    def _contacts(self) -> list[Record]:
        operation_id = self.workspace.operation_id
        case = self.workspace.ctx.records.get("case", self.case_id)
        if case is not None and case.operation_id:
            operation_id = case.operation_id
        if operation_id is None:
            return []
        return self.workspace.ctx.records.find(CONTACT_ENTITY, operation_id=operation_id)

    def _contact_text(self, contact: Record) -> str:
        return f"{word(CONTACT_ROLES, contact.get('role'))}: {contact.get('organisation')}"

    def _language_text(self, code: str, languages: list[LeafletLanguage]) -> str:
        language = next(lang for lang in languages if lang.code == code)
        if language.reviewed:
            return str(language.name)
        return self.tr("{name} (not reviewed)").format(name=language.name)

    def _defaults(self, contacts: list[Record]) -> None:
        role = str(self.person.get("role"))
        wanted = DEFAULT_CONTACT.get(role)
        default = next((c for c in contacts if c.get("role") == wanted), None)
        self._restoring = True
        try:
            if default is not None:
                self.contact.set_code(default.entity_id)
            # The first language she speaks that there is a leaflet in ("ro, en": ro).
            spoken = re.split(r"[,\s]+", str(self.person.get("language") or ""))
            found = [c for c in spoken if c and self.leaflet_language.findData(c) >= 0]
            self.leaflet_language.set_code(found[0] if found else "sv")
        finally:
            self._restoring = False

    @Slot()
    def _warn_unreviewed(self) -> None:
        warning = leaflet_warning(self.leaflet_language.code() or "sv")
        set_hint(self.language_message, warning or "", "hint")

    def record(self) -> Change | None:
        data = self.values()
        change = self.record_act(
            lambda: self.workspace.run(
                support.record_support_offer, self.case_id, self.person.entity_id, data
            )
        )
        if change is not None:
            self._warn_unreviewed()
        return change


class SupportStep(ActStep):
    """Offer support, print the leaflet (Ctrl+P), record the outcome (Enter)."""

    form: SupportForm

    def __init__(
        self,
        workspace: Workspace,
        case_id: str,
        person: Record,
        view: CaseView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, case_id, "", "", parent)
        self.person_id = person.entity_id
        self.role = str(person.get("role"))
        name = short_name(str(person.get("name", "")))
        if self.role == SELLER:
            self.set_heading(
                self.tr("Support for the seller: {name}").format(name=name),
                self.tr(
                    "She is not suspected of anything. Offer contact with the support "
                    "organisation, and give her the leaflet in a language she reads."
                ),
            )
        else:
            self.set_heading(
                self.tr("Support for the buyer: {name}").format(name=name),
                self.tr("Offer contact with the support for buyers (e.g. KAST), with the leaflet."),
            )
        self.form = SupportForm(workspace, case_id, person, self)
        self.body.addWidget(self.form)
        self.print_button = action_button(self.tr("&Print the leaflet (Ctrl+P)"), self)
        self.record_button = self.add_record_button(self.tr("&Record the offer (Enter)"))
        self.body.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = MessageBox(self)
        self.body.insertWidget(2, self.message)  # near the top, seen at once
        self.offered = muted_label("", self)
        self.body.addWidget(self.offered)
        self.print_message = FieldMessage(self)
        self.body.addWidget(self.print_message)
        self.body.addStretch(1)
        self.print_button.clicked.connect(self.print_document)
        self.refresh(view)

    @property
    def panel_id(self) -> str:
        return f"support:{self.person_id}"

    def refresh(self, view: CaseView) -> None:
        offers = view.support_for(self.person_id)
        self.offered.setText(
            "\n".join(
                self.tr("Offered {time}: {outcome}").format(
                    time=clock(o.get("offered_at")),
                    outcome=word(SUPPORT_OUTCOMES, o.get("outcome")),
                )
                for o in offers
            )
        )
        self.offered.setVisible(bool(offers))

    def print_document(self) -> bool:
        language = self.form.leaflet_language.code() or "sv"
        audience = Audience.SELLER if self.role == SELLER else Audience.BUYER
        try:
            pdf = service.leaflet_pdf(self.workspace.ctx, self.case_id, audience, language)
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "leaflet"))
            self.reveal(self.message)
            return True
        self.message.clear_message()
        title = (
            self.tr("Leaflet for the seller")
            if audience is Audience.SELLER
            else self.tr("Leaflet for the buyer")
        )
        self.workspace.show_document(
            self, pdf, title, warning=leaflet_warning(language),
            suggested_name=f"stodblad-{audience.value}-{language}.pdf",
        )  # fmt: skip
        return True

    def focus_first(self) -> None:
        self.form.outcome.setFocus()
