"""One ad (or a free observation) found by a search, as the officer reads it: site, address,
title, phones as E.164, prices and what they are for, place, first and last seen, status,
the cases and the persons it is linked to, its files; the text in full.

A file opens inside the app (Enter in the list): a screenshot in an image viewer, a saved
page as its text (``attachment_view``); the opening is logged. An open same-advertiser
proposal that includes the ad is named, one key from the proposal itself. What can be
done with the ad sits under it: seen again, gone, correct its fields (``correct_dialog``),
add screenshots from files, withdraw (with a reason typed in place, Enter withdraws).
Every refusal is said in the line under the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ads import corrections, duplicates, links, register
from fieldapp.ads.duplicates import Proposal
from fieldapp.ads.extract import read_phones
from fieldapp.ads.model import AdStatus, AdView, AttachmentInfo
from fieldapp.domain.case import CASE_ENTITY
from fieldapp.storage.records import Record
from fieldapp.workflow.context import Change
from ui import seams
from ui.ads.attachment_view import NotViewable, file_line, fitted_size, open_viewer
from ui.ads.correct_dialog import CorrectAdDialog
from ui.ads.texts import (
    doubt_text,
    doubtful_text,
    person_label,
    price_text,
    prices_text,
    seen_text,
    status_text,
)
from ui.capture import refusal_text
from ui.dialog_slot import DialogSlot
from ui.forms import FieldMessage, muted_label
from ui.screens.step import STEP_TITLE_SIZE
from ui.theme import sized_font
from ui.widgets import action_button, line_edit
from ui.words import day_and_clock
from ui.workspace import Workspace

ROWS = ("site", "url", "phones", "emails", "prices", "place", "seen", "status", "proposal",
        "cases", "persons", "registered")  # fmt: skip
MAX_FILE_ROWS = 4  # more scroll within the list; the ad's text keeps its room


def case_name(workspace: Workspace, case_id: str | None) -> str:
    """A case as the officers know it: its place and room."""
    if not case_id:
        return ""
    case = workspace.ctx.records.get(CASE_ENTITY, case_id)
    if case is None:
        return case_id[:8]
    room = f" {case.get('room')}" if case.get("room") else ""
    return f"{case.get('place_name') or case.get('address') or ''}{room}".strip()


class AdDetail(QWidget):
    """The ad or observation opened last; ``changed`` after seen again, gone or withdrawn."""

    changed = Signal(str)  # the ad's id
    case_requested = Signal(str)
    proposal_requested = Signal(str)  # the key of the open proposal that includes the ad
    viewer_shown = Signal(object)  # the file's viewer (a QDialog), just opened
    correct_shown = Signal(object)  # the correction dialog, just opened

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ad: AdView | None = None
        self.observation: Record | None = None
        self.viewer: DialogSlot[QDialog] = DialogSlot()
        self.correct_dialog: DialogSlot[CorrectAdDialog] = DialogSlot()
        self.proposal: Proposal | None = None
        self.ask_screenshot_files: seams.AskPaths = seams.ask_screenshot_files
        self._build_ui()
        self._connect()
        self.show_nothing()

    def _build_ui(self) -> None:
        self.heading = QLabel(self)
        self.heading.setFont(sized_font(self.heading, STEP_TITLE_SIZE, bold=True))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = muted_label(
            self.tr("Choose a hit in the list (arrow keys) to see it here."), self
        )
        captions = {
            "site": self.tr("Site"),
            "url": self.tr("Address"),
            "phones": self.tr("Phones"),
            "emails": self.tr("E-mail"),
            "prices": self.tr("Prices"),
            "place": self.tr("Place"),
            "seen": self.tr("Seen"),
            "status": self.tr("Status"),
            "proposal": self.tr("Same advertiser?"),
            "cases": self.tr("Cases"),
            "persons": self.tr("Persons"),
            "registered": self.tr("Registered"),
        }
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, name in enumerate(ROWS):
            caption = muted_label(captions[name], self)
            caption.setWordWrap(False)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            # Selectable: an officer copies a number into the phone or a search.
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(caption, row, 0)
            if name != "proposal":
                self.grid.addWidget(value, row, 1)
            self.captions[name] = caption
            self.values[name] = value
        # The proposal's button beside what it says: one key from the ad to the proposal.
        self.proposal_button = action_button(self.tr("&View the proposal"), self)
        self.proposal_box = QWidget(self)
        proposal_layout = QHBoxLayout(self.proposal_box)
        proposal_layout.setContentsMargins(0, 0, 0, 0)
        proposal_layout.addWidget(self.values["proposal"], 1)
        proposal_layout.addWidget(self.proposal_button, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.proposal_box, ROWS.index("proposal"), 1)
        self.files_caption = muted_label(self.tr("Fi&les"), self)
        self.files_caption.setWordWrap(False)
        self.files_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Files of the ad"))
        # A long file name is cut in the middle (whole in its tooltip) rather than widen
        # the pane past its edge, where the other rows would be cut off.
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setMinimumWidth(120)
        self.files_caption.setBuddy(self.files)
        self.open_file_button = action_button(self.tr("Show the file (Enter)"), self)
        self.files_box = QWidget(self)
        files_layout = QVBoxLayout(self.files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.setSpacing(4)
        files_layout.addWidget(self.files)
        files_layout.addWidget(self.open_file_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.grid.addWidget(self.files_caption, len(ROWS), 0)
        self.grid.addWidget(self.files_box, len(ROWS), 1)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Ad text"))
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 4 + 16)

        self.seen_button = action_button(self.tr("Seen again to&day"), self)
        self.gone_button = action_button(self.tr("Ta&ken down"), self)
        self.withdraw_button = action_button(self.tr("&Withdraw…"), self)
        self.open_case_button = action_button(self.tr("&Open the case"), self)
        self.correct_button = action_button(self.tr("Correct deta&ils…"), self)
        self.add_files_button = action_button(self.tr("Add &pictures…"), self)
        self.add_files_button.setToolTip(self.tr("Add screenshots of the ad (PNG, JPEG …)"))
        self.reason = line_edit(self, self.tr("why: e.g. registered twice by mistake"), 300)
        self.reason_label = QLabel(self.tr("Wh&y"), self)
        self.reason_label.setBuddy(self.reason)
        self.confirm_withdraw = action_button(self.tr("Withdraw the ad (Enter)"), self)
        self.message = FieldMessage(self)

        # Two a row: four in one row are wider than the pane beside the hits at 1366 px,
        # and the pane cannot scroll sideways (the rows above would be cut off).
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(8)
        buttons.setVerticalSpacing(6)
        for index, button in enumerate(self._buttons()):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        self.reason_row = QWidget(self)
        reason_layout = QHBoxLayout(self.reason_row)
        reason_layout.setContentsMargins(0, 0, 0, 0)
        reason_layout.addWidget(self.reason_label)
        reason_layout.addWidget(self.reason, 1)
        reason_layout.addWidget(self.confirm_withdraw)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.reason_row)
        layout.addWidget(self.message)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.seen_button, self.gone_button, self.correct_button, self.add_files_button,
                self.withdraw_button, self.open_case_button)  # fmt: skip

    def _connect(self) -> None:
        self.correct_button.clicked.connect(self.open_correction)
        self.add_files_button.clicked.connect(self.add_screenshots)
        self.proposal_button.clicked.connect(self._show_proposal)
        self.seen_button.clicked.connect(self._seen_again)
        self.gone_button.clicked.connect(self._gone)
        self.withdraw_button.clicked.connect(self._ask_reason)
        self.confirm_withdraw.clicked.connect(self._withdraw)
        self.reason.returnPressed.connect(self._withdraw)
        self.open_case_button.clicked.connect(self._open_case)
        self.files.itemActivated.connect(lambda _item: self.open_current_file())
        self.open_file_button.clicked.connect(self.open_current_file)

    # -- showing ------------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.ad = None
        self.observation = None
        self.heading.setText(self.tr("Nothing chosen"))
        self.empty.show()
        self._set_rows(())
        self._set_files(())
        self.text.hide()
        self.proposal = None
        for button in self._buttons():
            button.hide()
        self.reason_row.hide()
        self.message.clear_message()

    def _mark_doubts(self, ad: AdView, phone_doubts: dict[str, str]) -> None:
        """The tooltips of the phones and prices marked "⚠": why each is to be checked."""
        phones = [f"{p}: {doubt_text(phone_doubts[p])}" for p in ad.phones if p in phone_doubts]
        prices = [f"{price_text(p)}: {doubt_text(p.doubt)}" for p in ad.prices if p.doubt]
        self.values["phones"].setToolTip("\n".join(phones))
        self.values["prices"].setToolTip("\n".join(prices))

    def show_ad(self, ad: AdView) -> None:
        """``ad`` as opened (the caller went through the access log)."""
        self.ad, self.observation = ad, None
        self.heading.setText(ad.heading or ad.site)
        self.empty.hide()
        # Numbers read with low confidence, worked out again from the text (not stored).
        phone_doubts = read_phones(ad.text or "")[2] if ad.text else {}
        values = {
            "site": ad.site,
            "url": ad.url or "",
            "phones": "\n".join(doubtful_text(p, phone_doubts.get(p)) for p in ad.phones),
            "emails": ", ".join(ad.emails),
            "prices": "\n".join(prices_text([p]) for p in ad.prices),
            "place": ", ".join(x for x in (ad.municipality, ad.hotel) if x),
            "seen": self.tr("first {first}, last {last}").format(
                first=seen_text(ad.first_seen), last=seen_text(ad.last_seen)
            ),
            "status": status_text(ad.status) + self._advertiser_note(ad),
            "proposal": self._proposal_text(ad),
            "cases": "\n".join(case_name(self.workspace, c) for c in ad.case_ids),
            "persons": self._persons_text(ad),
            "registered": f"{day_and_clock(ad.registered_at)}, "
            f"{self.workspace.officer_name(ad.registered_by)}",
        }
        self._set_rows(values)
        self._mark_doubts(ad, phone_doubts)
        self._set_files(ad.attachments)
        self.text.setPlainText(ad.text or "")
        self.text.setVisible(bool(ad.text))
        self.seen_button.show()
        self.gone_button.setVisible(ad.status is not AdStatus.GONE)
        self.correct_button.show()
        self.add_files_button.show()
        self.withdraw_button.show()
        self.open_case_button.setVisible(len(ad.case_ids) == 1)
        self.proposal_button.setVisible(self.proposal is not None)
        self.reason_row.hide()
        self.message.clear_message()

    def show_observation(self, record: Record) -> None:
        """A free observation (a note on a case's timeline) found by its words."""
        self.ad, self.observation = None, record
        self.heading.setText(self.tr("Note in a case"))
        self.empty.hide()
        self._set_rows(
            {
                "cases": case_name(self.workspace, record.case_id),
                "registered": f"{day_and_clock(record.created_at)}, "
                f"{self.workspace.officer_name(record.created_by)}",
            }
        )
        self._set_files(())
        self.text.setPlainText(str(record.get("text") or ""))
        self.text.show()
        self.proposal = None
        for button in self._buttons():
            button.hide()
        self.open_case_button.setVisible(record.case_id is not None)
        self.reason_row.hide()
        self.message.clear_message()

    def _advertiser_note(self, ad: AdView) -> str:
        """Confirmed as one advertiser's with other ads: say so (never merged)."""
        try:
            same = duplicates.advertiser_of(self.workspace.ctx, ad.id)
        except Exception:  # a hint only: the ad shows without it
            return ""
        others = len(same) - 1
        if others <= 0:
            return ""
        return " · " + self.tr("confirmed as one advertiser with {count} other(s)").format(
            count=others
        )

    def _proposal_text(self, ad: AdView) -> str:
        """The open same-advertiser proposal that includes the ad, if any: how many other
        ads, and what joins them (kept in ``proposal`` for the button that opens it)."""
        try:
            self.proposal = duplicates.proposal_for(self.workspace.ctx, ad.id)
        except Exception:  # a hint only: the ad shows without it
            self.proposal = None
        proposal = self.proposal
        if proposal is None:
            return ""
        why = []
        if proposal.phones:
            why.append(self.tr("same phone {numbers}").format(numbers=", ".join(proposal.phones)))
        if proposal.similar_texts:
            why.append(self.tr("near-identical text"))
        return self.tr("proposed with {count} other ad(s): {why}").format(
            count=len(proposal.ad_ids) - 1, why="; ".join(why)
        )

    def _persons_text(self, ad: AdView) -> str:
        """Each linked person as the case screen names them; the case too when the ad is
        linked to more than one."""
        try:
            found = links.persons_of_ad(self.workspace.ctx, ad.id)
        except Exception as exc:  # the ad shows without them, and says why
            return refusal_text(exc, "ad persons")
        lines = []
        for person in found:
            label = person_label(person)
            if len(ad.case_ids) > 1 and person.case_id:
                label += f"  ({case_name(self.workspace, person.case_id)})"
            lines.append(label)
        return "\n".join(lines)

    def _set_files(self, files: tuple[AttachmentInfo, ...] | tuple[()]) -> None:
        self.files.clear()
        for info in files:
            item = QListWidgetItem(file_line(info), self.files)
            item.setToolTip(f"{file_line(info)}\nSHA-256 {info.sha256}")
        if files:
            self.files.setCurrentRow(0)
            rows = min(len(files), MAX_FILE_ROWS)
            self.files.setFixedHeight(
                self.files.sizeHintForRow(0) * rows + 2 * self.files.frameWidth() + 2
            )
        self.files_box.setVisible(bool(files))
        self.files_caption.setVisible(bool(files))

    def _set_rows(self, values: dict[str, str] | tuple[()]) -> None:
        shown = dict(values)
        for name in ROWS:
            text = shown.get(name, "")
            self.values[name].setText(text)
            self.values[name].setVisible(bool(text))
            self.captions[name].setVisible(bool(text))
        self.proposal_box.setVisible(bool(shown.get("proposal")))

    # -- acting -------------------------------------------------------------------------------

    def _run(self, action: Callable[[], Change], where: str) -> bool:
        try:
            action()
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, where))
            return False
        return True

    def _reload(self, ad_id: str, done: str) -> None:
        try:
            self.show_ad(register.get_ad(self.workspace.ctx, ad_id))
        except Exception:
            self.show_nothing()
        self.message.show_message(done, "ok")
        self.changed.emit(ad_id)

    @Slot()
    def _seen_again(self) -> None:
        if self.ad is None:
            return
        ad_id = self.ad.id
        if self._run(lambda: self.workspace.run(register.seen_again, ad_id), "ad seen again"):
            self._reload(ad_id, self.tr("Recorded as seen again."))

    @Slot()
    def _gone(self) -> None:
        if self.ad is None:
            return
        ad_id = self.ad.id
        if self._run(lambda: self.workspace.run(register.mark_gone, ad_id), "ad gone"):
            self._reload(ad_id, self.tr("Recorded as taken down."))

    @Slot()
    def _ask_reason(self) -> None:
        self.reason_row.show()
        self.reason.setFocus()

    @Slot()
    def _withdraw(self) -> None:
        if self.ad is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.message.show_message(self.tr("Reason: say why the ad is withdrawn."))
            self.reason.setFocus()
            return
        ad_id = self.ad.id
        if self._run(lambda: self.workspace.run(register.withdraw_ad, ad_id, reason), "withdraw"):
            self.reason.clear()
            self.show_nothing()
            self.message.show_message(self.tr("The ad was withdrawn (it stays in the log)."), "ok")
            self.changed.emit(ad_id)

    @Slot()
    def _show_proposal(self) -> None:
        if self.proposal is not None:
            self.proposal_requested.emit(self.proposal.key)

    @Slot()
    def open_correction(self) -> CorrectAdDialog | None:
        """The correction of the ad shown (window-modal; the event loop keeps running)."""
        if self.ad is None:
            return None
        # The one open keeps its typing as a draft when it closes: closed before the new one
        # reads the draft.
        self.correct_dialog.close()
        try:
            dialog = CorrectAdDialog(self.workspace, self.ad, self)
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "correct ad"))
            return None
        dialog.resize(fitted_size(self, QSize(1180, 700)))
        self.message.clear_message()
        self.correct_dialog.open(dialog, self._correction_closed)
        self.correct_shown.emit(dialog)
        return dialog

    def _correction_closed(self, dialog: CorrectAdDialog) -> None:
        change = dialog.change
        if change is None or not self.workspace.active:
            return
        if change.events:
            self._reload(
                change.entity_id, self.tr("Corrected. What it said before stays in its history.")
            )
        else:
            self.message.show_message(self.tr("Nothing differed: nothing was changed."), "ok")
        self.correct_button.setFocus()

    @Slot()
    def add_screenshots(self) -> None:
        """Screenshots chosen as files, hashed as they are read, added to the ad in one
        event (a file it already has is not added twice)."""
        if self.ad is None:
            return
        paths = self.ask_screenshot_files(self)
        if not paths:
            return
        ad_id, known = self.ad.id, {a.sha256 for a in self.ad.attachments}
        now = self.workspace.now().isoformat()

        try:  # each file checked (a picture, under the cap) before anything is stored
            shots = [corrections.screenshot_file(Path(p), now) for p in paths]
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "add screenshots"))
            return
        added = len({s.sha256 for s in shots} - known)
        if not self._run(
            lambda: self.workspace.run(register.add_attachments, ad_id, shots), "add screenshots"
        ):
            return
        if added:
            done = self.tr("{count} screenshot(s) added to the ad.").format(count=added)
        else:
            done = self.tr("The ad already has these files: nothing was added.")
        self._reload(ad_id, done)

    @Slot()
    def open_current_file(self) -> None:
        row = self.files.currentRow()
        if self.ad is not None and 0 <= row < len(self.ad.attachments):
            self.open_file(self.ad.attachments[row])

    def open_file(self, info: AttachmentInfo) -> QDialog | None:
        """Show one file of the ad in its viewer (the opening is logged); a refusal or a
        file that cannot be shown is said under the buttons."""
        if self.ad is None:
            return None
        self.viewer.close()
        try:
            viewer = open_viewer(self.workspace, self.ad.id, info, self)
        except NotViewable as exc:
            self.message.show_message(str(exc))
            return None
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.message.show_message(refusal_text(exc, "open file"))
            return None
        self.message.clear_message()
        self.viewer.open(viewer, self._viewer_closed)
        self.viewer_shown.emit(viewer)
        return viewer

    def _viewer_closed(self, _viewer: QDialog) -> None:
        if self.workspace.active and self.files.isVisible():
            self.files.setFocus()  # back where the officer was: the next file is one key away

    @Slot()
    def _open_case(self) -> None:
        if self.ad is not None and len(self.ad.case_ids) == 1:
            self.case_requested.emit(self.ad.case_ids[0])
        elif self.observation is not None and self.observation.case_id:
            self.case_requested.emit(self.observation.case_id)
