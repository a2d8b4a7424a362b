"""Linking the open case to ads (Ctrl+K from the case screen): the ads the case is linked
to, with the link undone by Delete; the ads that may belong to it (a phone number of one
of its persons, its hotel), and a box to find others by phone number or words. Enter links
the ad chosen and closes; Esc closes.

A linked ad is tied to one of the case's persons (typically the seller it advertises)
under the list: the person is chosen from the case's own, never searched for by name.
Undoing an ad's link to the case undoes its links to the case's persons too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ads import links, search
from fieldapp.ads.model import AD_ENTITY, AdView
from fieldapp.ads.search import Hit
from fieldapp.domain.persons import BUYER, PERSON_ENTITY, SELLER
from fieldapp.storage.records import Record
from fieldapp.workflow.context import Change
from ui.ads.models import AdsModel, ListTableModel, hit_text, one_line
from ui.ads.texts import person_label, suggestion_text
from ui.capture import refusal_text
from ui.forms import FieldMessage, muted_label
from ui.widgets import CodeCombo, action_button, fitted_table
from ui.workspace import Workspace

# The seller first: an ad is most often hers; the buyer's own ads are rarer.
_ROLE_ORDER = {SELLER: 0, BUYER: 1}


class CandidatesModel(ListTableModel[tuple[Hit, str]]):
    """Ads to link: why each is offered, its place, its title and snippet."""

    COLUMNS = ("why", "place", "text")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Why"), self.tr("Place"), self.tr("Ad"))

    def key(self, item: tuple[Hit, str]) -> str:
        return item[0].entity_id

    def cells(self, item: tuple[Hit, str]) -> tuple[str, ...]:
        hit, why = item
        place = ", ".join(x for x in (hit.municipality, hit.hotel) if x)
        return (why, place, hit_text(hit))


class LinkedAdsModel(AdsModel):
    """The ads linked to the case, with the persons each is tied to."""

    COLUMNS = (*AdsModel.COLUMNS, "persons")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, str] = {}  # person id → label, set with the items

    def headers(self) -> tuple[str, ...]:
        return (*super().headers(), self.tr("Persons"))

    def cells(self, item: AdView) -> tuple[str, ...]:
        persons = ", ".join(self.labels[p] for p in item.person_ids if p in self.labels)
        return (*super().cells(item), persons)


class LinkAdDialog(QDialog):
    """Link ads to ``case_id``; ``linked_changed`` after each link or unlink."""

    linked_changed = Signal()

    def __init__(self, workspace: Workspace, case_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.setWindowTitle(self.tr("Link an ad to the case"))
        self.setMinimumWidth(820)
        self._build_ui()
        self._connect()
        self.load_linked()
        self.show_suggestions()

    def _build_ui(self) -> None:
        self.linked_title = QLabel(self.tr("Linked to this case (Delete undoes a link)"), self)
        self.linked_title.setProperty("role", "stepTitle")
        self.linked_model = LinkedAdsModel(self)
        self.linked = fitted_table(self.linked_model, self, 2)
        # Title, prices and persons share the width (cut ones read in full in the tooltip):
        # a sideways scroll bar would hide the one row shown.
        for column in (LinkedAdsModel.COLUMNS.index("prices"),
                       LinkedAdsModel.COLUMNS.index("persons")):  # fmt: skip
            self.linked.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.linked.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.linked.setAccessibleName(self.tr("Linked ads"))
        self.unlink_button = action_button(self.tr("&Undo the link"), self)
        self.none_linked = muted_label(self.tr("No ad is linked yet."), self)
        self.person = CodeCombo({}, self, codes=())
        self.person.setAccessibleName(self.tr("Person in the ad"))
        self.person.setMinimumContentsLength(22)
        self.person_caption = QLabel(self.tr("Pe&rson in the ad"), self)
        self.person_caption.setBuddy(self.person)
        self.link_person_button = action_button(self.tr("Link the &person"), self)
        self.unlink_person_button = action_button(self.tr("Un&do the person link"), self)
        self.person_row = QWidget(self)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("A phone number in any format, or words of the ad"))
        self.query.setClearButtonEnabled(True)
        self.query.setMaxLength(300)
        query_label = QLabel(self.tr("&Find"), self)
        query_label.setBuddy(self.query)
        self.hint = muted_label("", self)
        self.model = CandidatesModel(self)
        self.candidates = fitted_table(self.model, self, 2)
        self.candidates.setAccessibleName(self.tr("Ads to link"))
        self.message = FieldMessage(self)
        self.link_button = action_button(self.tr("&Link (Enter)"), self, primary=True)
        self.link_button.setDefault(True)
        self.close_button = action_button(self.tr("Close (Esc)"), self)

        linked_row = QHBoxLayout()
        linked_row.addWidget(self.linked_title, 1)
        linked_row.addWidget(self.unlink_button)
        person_layout = QHBoxLayout(self.person_row)
        person_layout.setContentsMargins(0, 0, 0, 0)
        person_layout.addWidget(self.person_caption)
        person_layout.addWidget(self.person)
        person_layout.addWidget(self.link_person_button)
        person_layout.addWidget(self.unlink_person_button)
        person_layout.addStretch(1)
        find_row = QHBoxLayout()
        find_row.addWidget(query_label)
        find_row.addWidget(self.query, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addLayout(linked_row)
        layout.addWidget(self.linked)
        layout.addWidget(self.none_linked)
        layout.addWidget(self.person_row)
        layout.addSpacing(6)
        layout.addLayout(find_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.candidates, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1000, 600)
        for first, second in ((self.query, self.candidates), (self.candidates, self.link_button),
                              (self.link_button, self.close_button),
                              (self.close_button, self.linked),
                              (self.linked, self.unlink_button),
                              (self.unlink_button, self.person),
                              (self.person, self.link_person_button),
                              (self.link_person_button, self.unlink_person_button)):  # fmt: skip
            QWidget.setTabOrder(first, second)
        self.query.setFocus()

    def _connect(self) -> None:
        self.query.textChanged.connect(self._on_query)
        self.query.installEventFilter(self)
        # Enter is the dialog's (keyPressEvent); the mouse links with a double click.
        self.candidates.doubleClicked.connect(lambda _i: self.link_current())
        self.link_button.clicked.connect(self.link_current)
        self.close_button.clicked.connect(self.reject)
        self.unlink_button.clicked.connect(self.unlink_current)
        self.linked.installEventFilter(self)
        self.linked.selectionModel().currentRowChanged.connect(lambda *_: self._person_buttons())
        self.person.currentIndexChanged.connect(lambda _i: self._person_buttons())
        self.link_person_button.clicked.connect(lambda: self.link_person(self.person.code()))
        self.unlink_person_button.clicked.connect(lambda: self.unlink_person(self.person.code()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            # Up and down in the search box move in the list: the cursor stays in the box.
            if watched is self.query and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.candidates.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.model.rowCount():
                    self.candidates.selectRow(row)
                return True
            if watched is self.linked and key == Qt.Key.Key_Delete:
                self.unlink_current()
                return True
        return super().eventFilter(watched, event)

    # -- lists --------------------------------------------------------------------------------

    def load_linked(self) -> None:
        chosen = self.current_linked()
        try:
            ads = links.ads_for_case(self.workspace.ctx, self.case_id)
            persons = self.case_persons()
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "linked ads"))
            ads, persons = [], []
        self.linked_model.labels = {p.entity_id: person_label(p) for p in persons}
        self.linked_model.set_items(ads)
        person = self.person.code()
        self.person.blockSignals(True)
        self.person.clear()
        for record in persons:
            self.person.addItem(person_label(record), record.entity_id)
        self.person.set_code(person)
        self.person.blockSignals(False)
        if ads:
            row = self.linked_model.row_of_key(chosen.id) if chosen else -1
            self.linked.selectRow(max(row, 0))
        self.linked.setVisible(bool(ads))
        self.unlink_button.setVisible(bool(ads))
        self.none_linked.setVisible(not ads)
        self.person_row.setVisible(bool(ads) and bool(persons))
        self._person_buttons()
        rows = max(1, min(len(ads), 3))
        self.linked.setFixedHeight(
            self.linked.horizontalHeader().sizeHint().height()
            + self.linked.verticalHeader().defaultSectionSize() * rows
            + 4
        )

    def case_persons(self) -> list[Record]:
        """The case's own persons, the sellers first (the only persons offered)."""
        found = self.workspace.ctx.records.find(PERSON_ENTITY, case_id=self.case_id)
        return sorted(found, key=lambda p: _ROLE_ORDER.get(str(p.get("role")), 2))

    def current_linked(self) -> AdView | None:
        return self.linked_model.item(self.linked.currentIndex().row())

    def _person_buttons(self) -> None:
        """Link or undo, whichever the chosen ad and person allow."""
        ad = self.current_linked()
        person = self.person.code()
        linked = ad is not None and person in ad.person_ids
        self.link_person_button.setEnabled(ad is not None and bool(person) and not linked)
        self.unlink_person_button.setEnabled(linked)

    def show_suggestions(self) -> None:
        try:
            found = search.suggest_for_case(self.workspace.ctx, self.case_id)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "suggestions"))
            found = []
        self._show([(s.hit, suggestion_text(s.reason, s.detail)) for s in found])
        self.hint.setText(
            self.tr(
                "Suggested: ads with a phone number of a person in the case, or naming its hotel."
            )
            if found
            else self.tr("No suggestion: type a phone number or words of the ad.")
        )

    @Slot(str)
    def _on_query(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.show_suggestions()
            return
        query = search.parse_query(text, kinds=(AD_ENTITY,), limit=50)
        try:
            result = search.search(self.workspace.ctx, query)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "ad search"))
            return
        self.message.clear_message()
        linked = {ad.id for ad in self.linked_model.items()}
        hits = [h for h in result.hits if h.entity_id not in linked]
        why = self.tr("phone {number}").format(number=result.phone) if result.phone else ""
        self._show([(h, why or self.tr("words")) for h in hits])
        if result.problems:
            self.hint.setText(self.tr("Not a phone number, nor four or more of its last digits."))
        else:
            self.hint.setText(self.tr("{count} ad(s) found.").format(count=len(hits)))

    def _show(self, items: list[tuple[Hit, str]]) -> None:
        self.model.set_items(items)
        if items:
            self.candidates.selectRow(0)
        self.link_button.setEnabled(bool(items))

    # -- linking ------------------------------------------------------------------------------

    @Slot()
    def link_current(self) -> None:
        """Link the chosen ad and close: the case shows its phones and prices."""
        item = self.model.item(self.candidates.currentIndex().row())
        if item is None:
            self.message.show_message(self.tr("Choose an ad in the list first."))
            return
        ad_id = item[0].entity_id
        try:
            self.workspace.run(links.link_case, ad_id, self.case_id)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "link ad"))
            return
        self.linked_changed.emit()
        self.accept()

    @Slot()
    def unlink_current(self) -> None:
        ad = self.current_linked()
        if ad is None:
            self.message.show_message(self.tr("Choose a linked ad first."))
            return
        try:
            self.workspace.run(links.unlink_case, ad.id, self.case_id)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "unlink ad"))
            return
        self.message.show_message(
            self.tr("Link undone: {ad}").format(ad=one_line(ad.heading)), "ok"
        )
        self.load_linked()
        self.linked_changed.emit()
        self._on_query(self.query.text())

    def link_person(self, person_id: str) -> bool:
        """Tie the linked ad chosen to ``person_id``, one of the case's persons; a refusal
        (another case's person, a closed case) is said under the lists."""
        done = self.tr("{ad} is linked to {person}.")
        return self._person_link(links.link_person, person_id, done, "link person")

    def unlink_person(self, person_id: str) -> bool:
        """Undo the chosen ad's link to ``person_id``; a refusal is said as for linking."""
        done = self.tr("Link to {person} undone: {ad}")
        return self._person_link(links.unlink_person, person_id, done, "unlink person")

    def _person_link(
        self, use_case: Callable[..., Change], person_id: str, done: str, where: str
    ) -> bool:
        ad = self.current_linked()
        if ad is None:
            self.message.show_message(self.tr("Choose a linked ad first."))
            return False
        if not person_id:
            self.message.show_message(self.tr("Choose the person in the ad first."))
            return False
        try:
            self.workspace.run(use_case, ad.id, self.case_id, person_id)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, where))
            return False
        label = self.linked_model.labels.get(person_id, "")
        self.message.show_message(done.format(ad=one_line(ad.heading), person=label), "ok")
        self.load_linked()
        self.linked_changed.emit()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.query.setFocus()  # type at once: a phone number or words

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter anywhere but on a button or the linked list links the chosen candidate.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is self.person:
                self.link_person(self.person.code())  # the person row's own Enter
            elif self.focusWidget() is not self.linked:
                self.link_current()
            return
        super().keyPressEvent(event)
