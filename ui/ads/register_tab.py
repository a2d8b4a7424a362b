"""Registering ads: paste an ad's text and address, see what was read out of it (phones
as E.164, prices with what they are for, the place), correct it, and register it; or
import a file: a CSV of ads is registered whole, a saved web page (HTML, MHTML) is read
into the form to confirm like a pasted ad, and attached to it when it is registered.

The pasted text is a draft in the vault until it is registered, so a lock loses nothing;
a saved page being registered is kept the same way (its bytes in the vault's encrypted
drafts, never in a file), so it is still attached after the lock.
Enter reads the ad; once read, Enter registers it. An ad already registered at the same
address is recorded as seen again instead of twice. An import is all or nothing: a refused
file lists every problem with its line and reason, and nothing of it is stored.
"""

from __future__ import annotations

import binascii
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ads import importing, register
from fieldapp.ads.issues import ImportRefused
from fieldapp.ads.model import AttachmentKind, price_from_data
from fieldapp.ads.register import Attachment, Capture
from fieldapp.errors import InvalidInput, KnownError, coded
from fieldapp.storage.canonical import b64, unb64
from fieldapp.workflow.context import Change
from ui import seams
from ui.ads.texts import (
    DOUBT_MARK,
    doubt_text,
    price_text,
    problem_text,
    seen_text,
)
from ui.capture import CaptureForm, Value, ValueWidget, refusal_text
from ui.errors import error_text, internal_error_text
from ui.forms import FieldMessage, muted_label
from ui.runner import Op, Outcome
from ui.screens.case_steps import county_towns
from ui.sync.common import Panel
from ui.widgets import FormGrid, TownCombo, action_button, line_edit, text_box
from ui.workspace import Workspace

DRAFT_KEY = "ads/register"
# The saved page apart from the typing: written once when it is read, not with every key.
PAGE_DRAFT_KEY = "ads/register/page"
_SEEN = ("first_seen", "last_seen")  # when the browser saved the page, kept with it
_LIST = re.compile(r"[,;\n]+")


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST.split(text) if part.strip()]


def page_draft(page: Attachment, url: str, seen: dict[str, Any]) -> dict[str, Any]:
    """A saved page as a draft: the file (base64, in the encrypted vault), what describes
    it, the address it belongs to and when it was seen."""
    return {
        **page.descriptor(),
        "data": b64(page.data),
        "url": url,
        "seen": seen,
    }


def page_from_draft(draft: dict[str, Any]) -> tuple[Attachment, str, dict[str, Any]] | None:
    """The page, its address and seen times back from ``page_draft``; None if the draft is
    not whole (its bytes must hash to the SHA-256 taken when it was read)."""
    try:
        page = Attachment(
            AttachmentKind(draft["kind"]),
            unb64(draft["data"]),
            str(draft["media_type"]),
            name=draft.get("name"),
            captured_at=draft.get("captured_at"),
        )
    except (KeyError, ValueError, TypeError, AttributeError, binascii.Error):
        return None
    if page.sha256 != draft.get("sha256"):
        return None
    seen = draft.get("seen")
    return page, str(draft.get("url") or ""), dict(seen) if isinstance(seen, dict) else {}


class PriceChecks(ValueWidget):
    """The prices read out of the ad, one check box each: untick what is not a price."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[tuple[QCheckBox, dict[str, Any]]] = []
        self.none = muted_label(self.tr("No price found in the text."), self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.none)

    def field_value(self) -> list[dict[str, Any]]:
        return [data for box, data in self.boxes if box.isChecked()]

    def set_field_value(self, value: Value) -> None:
        for box, _ in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        for data in value or []:
            price = price_from_data(data)
            box = QCheckBox(price_text(price), self)
            if price.doubt:  # marked "⚠": the officer confirms it by leaving it ticked
                box.setToolTip(doubt_text(price.doubt))
            box.setChecked(True)
            box.toggled.connect(lambda _c: self.edited.emit())
            self._layout.addWidget(box)
            self.boxes.append((box, dict(data)))
        self.none.setVisible(not self.boxes)
        self.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if not self.boxes else Qt.FocusPolicy.NoFocus
        )

    def focus_widgets(self) -> list[QWidget]:
        return [box for box, _ in self.boxes]


class RegisterForm(CaptureForm):
    """The ad pasted (left) and what was read out of it, to confirm (right)."""

    registered = Signal(str)  # the ad's id (new, or the one seen again)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, DRAFT_KEY, parent)
        self.capture: Capture | None = None
        self._read_from: tuple[str, str] | None = None
        self.page: Attachment | None = None  # a saved page being registered, attached to it
        self._page_seen: dict[str, Any] = {}  # when the page says it was saved
        self._build_ui()
        self.submitted.connect(self.submit)
        self.read_button.clicked.connect(self.read)
        self.register_button.clicked.connect(self.register)
        self.reload_places()
        if self.load_draft():
            self._restore_page()
            if self.text.toPlainText().strip():
                self._recapture()
        else:
            self.workspace.discard_draft(PAGE_DRAFT_KEY)  # a page without its ad: left over

    def _build_ui(self) -> None:
        self.paste_grid = FormGrid()
        self.url = line_edit(self, "https://…", 2000)
        self.add_field("url", self.tr("&Web address"), self.url, grid=self.paste_grid)
        self.site = line_edit(self, self.tr("from the address if left empty"), 120)
        self.add_field("site", self.tr("Sit&e"), self.site, grid=self.paste_grid)
        self.text = text_box(self, self.tr("Paste the ad's text here (Ctrl+V)"), lines=9)
        # As tall as the panel allows, and never taller (the import's problems need room).
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 4 + 16)
        self.text.setMaximumHeight(16_777_215)
        self.add_field("text", self.tr("Ad te&xt"), self.text, grid=self.paste_grid)
        self.paste_grid.setRowStretch(4, 1)  # the text's row (rows: field, message, ...)
        self.read_button = action_button(self.tr("Rea&d the ad (Enter)"), self)

        self.confirm_grid = FormGrid()
        self.title = line_edit(self, "", 300)
        self.add_field("title", self.tr("Tit&le"), self.title, grid=self.confirm_grid)
        self.phones = line_edit(self, self.tr("commas between numbers"), 600)
        self.add_field("phones", self.tr("&Phones"), self.phones, grid=self.confirm_grid)
        self.emails = line_edit(self, "", 600)
        self.add_field("emails", self.tr("E-&mail"), self.emails, grid=self.confirm_grid)
        self.prices = PriceChecks(self)
        self.add_field("prices", self.tr("Prices"), self.prices, grid=self.confirm_grid)
        self.municipality = TownCombo(self)
        self.add_field(
            "municipality", self.tr("M&unicipality"), self.municipality, grid=self.confirm_grid
        )
        self.hotel = line_edit(self, "", 160)
        self.add_field("hotel", self.tr("H&otel"), self.hotel, grid=self.confirm_grid)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setProperty("severity", "hint")
        self.notice.hide()
        self.register_button = action_button(
            self.tr("Register the ad (E&nter)"), self, primary=True
        )
        self.register_button.setEnabled(False)
        self.done = FieldMessage(self)

        self.paste_panel = Panel(self.tr("1. Paste the ad"), self)
        self.paste_panel.body.addLayout(self.paste_grid, 1)
        self.paste_panel.body.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.confirm_panel = Panel(self.tr("2. Check what was read, then register"), self)
        self.confirm_panel.body.addLayout(self.confirm_grid)
        self.confirm_panel.body.addWidget(self.notice)
        self.confirm_panel.body.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.confirm_panel.body.addWidget(self.general)
        self.confirm_panel.body.addWidget(self.done)
        self.confirm_panel.body.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.paste_panel, 1)
        layout.addWidget(self.confirm_panel, 1)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Tab follows the page as shown: the paste fields, Read, then the confirmation
        (the price boxes are made anew with each ad)."""
        chain: list[QWidget] = [self.url, self.site, self.text, self.read_button, self.title,
                                self.phones, self.emails, *self.prices.focus_widgets(),
                                self.municipality, self.hotel, self.register_button]  # fmt: skip
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def reload_places(self) -> None:
        self.municipality.set_towns(county_towns(self.workspace))

    # -- reading ------------------------------------------------------------------------------

    def _source(self) -> tuple[str, str]:
        return self.text.toPlainText().strip(), self.url.text().strip()

    def is_read(self) -> bool:
        """The confirmation shows what the text now in the box says."""
        return self.capture is not None and self._read_from == self._source()

    @Slot()
    def submit(self) -> None:
        """Enter: read the ad if it is not read yet (or changed since), else register it."""
        if self.is_read():
            self.register()
        else:
            self.read()

    def _capture(self) -> Capture | None:
        self._drop_page_if_moved()
        text, url = self._source()
        if not text:
            self.show_refusal(InvalidInput(coded("required", "Text: required."), field="text"))
            self.text.setFocus()
            return None
        operation_id = self.workspace.operation_id
        if operation_id is None:
            self.general.show_message(
                self.tr("Choose or create an operation first (Ctrl+1): ads belong to one.")
            )
            return None
        try:
            found = register.capture(
                self.workspace.ctx, operation_id, text, url=url or None,
                site=self.site.text().strip() or None,
            )  # fmt: skip
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.general.show_message(refusal_text(exc, "ad capture"))
            return None
        if self.page is not None:
            found.fields.update(self._page_seen)  # seen when the page was saved, not now
        self.capture = found
        self._read_from = (text, url)
        return found

    @Slot()
    def read(self) -> None:
        """Read the pasted text: what it says fills the confirmation, to correct."""
        self.clear_messages()
        self.done.clear_message()
        found = self._capture()
        if found is None:
            return
        self._show_read(found)
        self.save_draft()

    def _drop_page_if_moved(self) -> None:
        """A saved page stays attached only to the ad at its own address."""
        moved = self._read_from is not None and self.url.text().strip() != self._read_from[1]
        if moved:
            self._set_page(None)

    def _set_page(self, page: Attachment | None, seen: dict[str, Any] | None = None) -> None:
        """Attach ``page`` to the ad being registered, kept in the vault's drafts until it
        is registered (or dropped), so that a lock does not lose it."""
        self.page = page
        self._page_seen = dict(seen or {})
        if page is None:
            self.workspace.discard_draft(PAGE_DRAFT_KEY)
            return
        try:
            self.workspace.save_draft(
                PAGE_DRAFT_KEY, page_draft(page, self.url.text().strip(), self._page_seen)
            )
        except KnownError as exc:  # the page stays attached in this session; say it is unsaved
            self.general.show_message(error_text(exc))

    def _restore_page(self) -> None:
        """After a lock: the saved page is attached again if the typing is still about the
        page's own address."""
        draft = self.workspace.load_draft(PAGE_DRAFT_KEY)
        if not draft:
            return
        restored = page_from_draft(draft)
        if restored is None or restored[1] != self.url.text().strip():
            self.workspace.discard_draft(PAGE_DRAFT_KEY)
            if restored is None:
                self.general.show_message(
                    self.tr("The saved page could not be kept over the lock: import it again.")
                )
            return
        self.page, _url, self._page_seen = restored

    def load_page(self, found: Capture, page: Attachment) -> None:
        """A saved web page, read: its address, site and text in the paste fields, what was
        read out of it to confirm, and the page itself attached when the ad is registered."""
        self.clear_form()
        fields = found.fields
        self.url.setText(str(fields.get("url") or ""))
        self.site.setText(str(fields.get("site") or ""))
        self.text.setPlainText(str(fields.get("text") or ""))
        self.capture = found
        self._read_from = self._source()
        self._set_page(page, {k: fields[k] for k in _SEEN if k in fields})
        self._show_read(found)

    def _show_read(self, found: Capture) -> None:
        fields = found.fields
        extraction = found.extraction
        self.write_values(
            {
                "title": fields.get("title"),
                "phones": ", ".join(extraction.phones),
                "emails": ", ".join(extraction.emails),
                "prices": [p.as_data() for p in extraction.prices],
                "municipality": fields.get("municipality"),
                "hotel": fields.get("hotel"),
            }
        )
        self._after_read(found)
        self.title.setFocus()
        self.title.selectAll()

    def _recapture(self) -> None:
        """After a lock: the draft is back; read it again without overwriting corrections
        (a saved page's own seen times included)."""
        found = self._capture()
        if found is not None:
            self._after_read(found)

    def _after_read(self, found: Capture) -> None:
        self._fix_tab_order()
        self.register_button.setEnabled(True)
        lines = []
        if found.existing is not None:
            lines.append(
                self.tr(
                    "Already registered at this address (first seen {first}): registering "
                    "records it as seen again."
                ).format(first=seen_text(found.existing.first_seen))
            )
            self.register_button.setText(self.tr("Re&gister as seen again (Enter)"))
        else:
            self.register_button.setText(self.tr("Register the ad (E&nter)"))
        if self.page is not None:
            lines.append(
                self.tr("The saved page {file} is attached when the ad is registered.").format(
                    file=self.page.name or ""
                )
            )
        shared = [r for r in found.related if r.phones]
        similar = [r for r in found.related if r.similarity and not r.phones]
        if shared:
            lines.append(
                self.tr("{count} registered ad(s) share a phone number with this one.").format(
                    count=len(shared)
                )
            )
        if similar:
            lines.append(
                self.tr("{count} registered ad(s) have a near-identical text.").format(
                    count=len(similar)
                )
            )
        if shared or similar:
            lines.append(
                self.tr("They are proposed as one advertiser, never merged by themselves.")
            )
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))
        self._mark_doubtful_phones(found)

    def _mark_doubtful_phones(self, found: Capture) -> None:
        """Numbers read with low confidence (an O for a zero, across a line break): named
        under the phones, marked "⚠", for the officer to check against the ad."""
        doubts = found.extraction.phone_doubts
        lines = [
            self.tr("{mark} Check {number}: {why}").format(
                mark=DOUBT_MARK, number=number, why=doubt_text(why)
            )
            for number, why in doubts
        ]
        self.fields["phones"].message.show_message("\n".join(lines), "hint")
        self.phones.setToolTip("\n".join(lines))

    # -- registering --------------------------------------------------------------------------

    def record_fields(self) -> dict[str, Any]:
        """The ad as confirmed: the proposal, with the officer's corrections."""
        assert self.capture is not None
        fields = dict(self.capture.fields)
        text, url = self._source()
        values = {
            "url": url or None,
            "site": self.site.text().strip() or None,
            "text": text,
            "title": self.value("title"),
            "phones": split_list(self.phones.text()),
            "emails": split_list(self.emails.text()),
            "prices": self.prices.field_value(),
            "municipality": self.value("municipality"),
            "hotel": self.value("hotel"),
        }
        fields.update(values)
        return {k: v for k, v in fields.items() if v not in (None, "", [])}

    @Slot()
    def register(self) -> None:
        if not self.is_read():
            self.read()
            return
        assert self.capture is not None
        existing = self.capture.existing
        operation_id = str(self.workspace.operation_id)
        fields = self.record_fields()

        attachments = [self.page] if self.page is not None else []

        def act() -> Change:
            if existing is not None:
                at = fields.get("last_seen") if attachments else None
                return self.workspace.run(register.seen_again, existing.id, at, attachments)
            return self.workspace.run(register.register_ad, operation_id, fields, attachments)

        change = self.attempt(act)
        if change is None:
            return
        heading = str(fields.get("title") or fields.get("site") or "")
        self.clear_form()
        if existing is not None:
            self.done.show_message(self.tr("Seen again: {ad}").format(ad=heading), "ok")
        else:
            self.done.show_message(self.tr("Registered: {ad}").format(ad=heading), "ok")
        self.registered.emit(change.entity_id)
        self.url.setFocus()

    def clear_form(self) -> None:
        self.discard_draft()
        self.write_values({name: None for name in self.fields})
        self.prices.set_field_value([])
        self.capture = None
        self._read_from = None
        self._set_page(None)
        self.notice.hide()
        self.register_button.setEnabled(False)
        self.clear_messages()


class ImportPanel(Panel):
    """A file of ads: CSV, or a saved web page (HTML, MHTML). All or nothing."""

    imported = Signal()
    import_ended = Signal()  # a CSV import ended, imported or not
    page_read = Signal(object, object)  # Capture, Attachment: a saved page, to confirm

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Import a file"), parent)
        self.workspace = workspace
        self.ask_import_file: seams.AskFile = seams.ask_import_file
        self.hint = muted_label(
            self.tr(
                "A CSV with a header row (rubrik/title, text, telefon, kommun …), or a web "
                "page saved as HTML or MHTML. A file with any problem is not imported at all."
            ),
            self,
        )
        self.import_button = action_button(self.tr("&Import a file…"), self)
        self.result = FieldMessage(self)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Problems in the file"))
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(self.problems.fontMetrics().lineSpacing() * 6 + 12)
        self.problems.hide()
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.hint, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.result)
        self.body.addWidget(self.problems)
        self.import_button.clicked.connect(self.choose_and_import)

    @Slot()
    def choose_and_import(self) -> None:
        path = self.ask_import_file(self)
        if path is None:
            return
        self.import_path(path)

    def import_path(self, path: Path) -> None:
        """A saved page is read here; a CSV is imported on the background runner (a
        10,000-row file takes seconds): ``import_ended`` when it is done, however."""
        self.problems.clear()
        self.problems.hide()
        operation_id = self.workspace.operation_id
        if operation_id is None:
            self.result.show_message(
                self.tr("Choose or create an operation first (Ctrl+1): ads belong to one.")
            )
            return
        try:
            kind = importing.kind_of(path.name)
            if kind is not importing.FileKind.CSV:
                self._read_page(path, kind, operation_id)
                return
        except Exception as exc:  # a refusal in words; a bug logged and said so
            self.result.show_message(refusal_text(exc, "ad import"))
            return
        op = Op(
            lambda job: importing.import_file(job.ctx, operation_id, path),
            on_done=lambda outcome: self._on_imported(path, outcome),
            block=self,
            what="ad import",
        )
        if not self.workspace.runner.run(op):
            self.result.show_message(self.tr("Wait until the work in progress is done."))
            return
        self.result.show_message(self.tr("Importing {file}…").format(file=path.name), "hint")

    def is_busy(self) -> bool:
        return self.workspace.runner.is_busy()

    def _on_imported(self, path: Path, outcome: Outcome) -> None:
        try:
            self._show_import(path, outcome)
        finally:
            self.import_ended.emit()

    def _show_import(self, path: Path, outcome: Outcome) -> None:
        refused = outcome.error
        if isinstance(refused, ImportRefused):
            self.result.show_message(
                self.tr("{file}: nothing was imported. {count} problem(s) to fix:").format(
                    file=path.name, count=len(refused.rows)
                )
            )
            self.problems.addItems([problem_text(p) for p in refused.rows])
            self.problems.show()
            self.problems.setCurrentRow(0)
            self.problems.setFocus()
            return
        if outcome.bug:
            self.result.show_message(internal_error_text())  # the runner logged it
            return
        if refused is not None:
            self.result.show_message(refusal_text(refused, "ad import"))
            return
        report = outcome.value
        self.workspace.mark_saved()
        text = self.tr(
            "{file}: {created} ad(s) registered, {seen} already registered recorded as seen again."
        ).format(file=path.name, created=len(report.created), seen=len(report.seen_again))
        if report.ignored_columns:
            text += " " + self.tr("Columns ignored: {columns}.").format(
                columns=", ".join(report.ignored_columns)
            )
        self.result.show_message(text, "ok")
        self.imported.emit()

    def _read_page(self, path: Path, kind: importing.FileKind, operation_id: str) -> None:
        """A saved page is one ad: read, then shown above to confirm like a pasted one."""
        data = importing.read_file(path, kind)  # a refusal is shown as any import's
        found, page = importing.capture_page(
            self.workspace.ctx, operation_id, data, kind=kind, name=path.name
        )
        self.result.show_message(
            self.tr("{file}: read. Check what was read above, then register it (Enter).").format(
                file=path.name
            ),
            "ok",
        )
        self.page_read.emit(found, page)


class RegisterTab(QWidget):
    """Paste and confirm above, import a file below."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = RegisterForm(workspace, self)
        self.importer = ImportPanel(workspace, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.importer)
        QWidget.setTabOrder(self.form.register_button, self.importer.import_button)
        self.importer.page_read.connect(self.form.load_page)

    def flush(self) -> None:
        """Save the pasted ad's draft now (the vault locks, or the section changes)."""
        self.form.workspace.autosaver.flush(DRAFT_KEY)
