"""Documents: everything the app prints, previewed as it will print. On the left what the
open case needs (its forms, its leaflets in the language chosen here); on the right the
material that needs no case (``ui.documents.material``): stacks of leaflets in several
languages, the hotel and taxi sheet and the report of any operation. A leaflet whose
translation has not been reviewed carries a warning."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.documents import service
from fieldapp.documents.leaflet_texts import Audience, leaflet_languages
from fieldapp.workflow import cases
from ui.capture import refusal_text
from ui.documents.material import Background, MaterialPanel
from ui.documents.preview import leaflet_warning
from ui.forms import MessageBox, muted_label, title_label
from ui.widgets import CodeCombo, action_button
from ui.words import short_name
from ui.workspace import Workspace

Build = Callable[[], tuple[bytes, str, str, str | None]]  # pdf, title, file name, warning


class DocumentsPage(QWidget):
    """Pick a document, Enter: the preview, which prints what it shows."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id: str | None = None
        self._builds: list[Build] = []
        self.title = title_label(self.tr("Documents"), self)
        self.hint = muted_label("", self)
        self.list = QListWidget(self)
        self.list.setObjectName("documents")
        languages = leaflet_languages()
        self.language = CodeCombo(
            {lang.code: lang.name for lang in languages},
            self,
            words=lambda code: next(
                lang.name
                if lang.reviewed
                else self.tr("{name} (not reviewed)").format(name=lang.name)
                for lang in languages
                if lang.code == code
            ),
        )
        self.language.set_code("sv")
        language_label = QLabel(self.tr("&Leaflet language"), self)
        language_label.setBuddy(self.language)
        self.open_button = action_button(self.tr("&Preview and print (Enter)"), self, primary=True)
        self.message = MessageBox(self)
        self.material = MaterialPanel(workspace, self)
        case_heading = QLabel(self.tr("For the open case"), self)
        case_heading.setProperty("role", "stepTitle")
        row = QHBoxLayout()
        row.addWidget(language_label)
        row.addWidget(self.language, 1)
        case_part = QVBoxLayout()
        case_part.addWidget(case_heading)
        case_part.addWidget(self.hint)
        case_part.addLayout(row)
        case_part.addWidget(self.list, 100)
        case_part.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        case_part.addStretch(1)  # with no case the list is hidden: the rest stays on top
        parts = QHBoxLayout()
        parts.setSpacing(24)
        parts.addLayout(case_part, 2)
        parts.addWidget(self.material, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(parts, 1)
        layout.addWidget(self.message)
        self.list.itemActivated.connect(lambda _item: self.print_here())
        self.open_button.clicked.connect(self.print_here)
        self.material.wanted.connect(self._preview)

    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self._builds = []
        ctx = self.workspace.ctx
        case_id = self.case_id
        if case_id is not None and ctx.records.get("case", case_id) is None:
            case_id = None
        if case_id is not None:
            view = cases.case_view(ctx, case_id)
            place = str(view.case.get("place_name") or view.case.get("address") or "")
            room = view.case.get("room")
            self.hint.setText(
                self.tr("For the case {place}{room}.").format(
                    place=place, room=f", {room}" if room else ""
                )
            )
            for buyer in view.buyers:
                if buyer.decision is not None:
                    name = short_name(str(buyer.person.get("name", "")))
                    self._add(
                        self.tr("Approval form: {name}").format(name=name),
                        self._approval(case_id, buyer.id, name),
                    )
            self._add(self.tr("Leaflet for the seller"), lambda: self._leaflet(Audience.SELLER))
            self._add(self.tr("Leaflet for the buyer"), lambda: self._leaflet(Audience.BUYER))
            self._add(
                self.tr("Case summary"),
                lambda: (
                    service.case_summary_pdf(ctx, case_id),
                    self.tr("Case summary"),
                    "arendesammanfattning.pdf",
                    None,
                ),
            )
        else:
            self.hint.setText(
                self.tr(
                    "No case is open: open one (Cases, Ctrl+3) for its forms and leaflets. "
                    "The material on the right needs no case."
                )
            )
        has_documents = self.list.count() > 0
        self.list.setVisible(has_documents)
        self.language.setEnabled(case_id is not None)
        self.open_button.setEnabled(has_documents)
        if has_documents:
            self.list.setCurrentRow(0)
        self.material.reload()

    def _approval(self, case_id: str, buyer_id: str, name: str) -> Build:
        def build() -> tuple[bytes, str, str, str | None]:
            pdf = service.approval_pdf(self.workspace.ctx, case_id, buyer_id)
            title = self.tr("Approval form: {name}").format(name=name)
            return pdf, title, "godkannande.pdf", None

        return build

    def _leaflet(self, audience: Audience) -> tuple[bytes, str, str, str | None]:
        assert self.case_id is not None
        language = self.language.code() or "sv"
        pdf = service.leaflet_pdf(self.workspace.ctx, self.case_id, audience, language)
        title = (
            self.tr("Leaflet for the seller")
            if audience is Audience.SELLER
            else self.tr("Leaflet for the buyer")
        )
        return pdf, title, f"stodblad-{audience.value}-{language}.pdf", leaflet_warning(language)

    def _add(self, text: str, build: Build) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, len(self._builds))
        self.list.addItem(item)
        self._builds.append(build)

    @Slot()
    def print_here(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._preview(self._builds[int(item.data(Qt.ItemDataRole.UserRole))])

    @Slot(object)
    def _preview(self, build: Build | Background) -> None:
        if isinstance(build, Background):  # large: built on the runner, then previewed
            self.message.clear_message()
            self.workspace.show_document_built(
                self,
                build.build,
                build.title,
                refused=self.message.show_message,
                suggested_name=build.file_name,
            )
            return
        try:
            pdf, title, name, warning = build()
        except Exception as exc:
            self.message.show_message(refusal_text(exc, "document"))
            return
        self.message.clear_message()
        self.workspace.show_document(self, pdf, title, warning=warning, suggested_name=name)
