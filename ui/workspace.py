"""The unlocked session as the screens see it: the use cases' context, the current
operation, drafts of unfinished typing, and one signal for every change.

Screens call the ``fieldapp`` use cases through ``run``: it passes the context, announces
the returned ``Change`` (so every screen that shows the entity refreshes from it) and moves
the "saved" indicator. Refusals (``KnownError``) go back to the caller, which shows them
inline beside the field; nothing here decides a business rule.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from fieldapp import settings
from fieldapp.domain.case import CASE_ENTITY, OBSERVATION_ENTITY
from fieldapp.domain.elements import ELEMENT_ENTITY
from fieldapp.domain.operation import OPERATION_ENTITY
from fieldapp.domain.persons import PERSON_ENTITY
from fieldapp.domain.photos import PHOTO_ENTITY
from fieldapp.domain.procedure import ANSWER_ENTITY, DECISION_ENTITY, HEARING_ENTITY, NOTICE_ENTITY
from fieldapp.domain.support import SUPPORT_ENTITY
from fieldapp.officers import Officer
from fieldapp.provisioning import Managed
from fieldapp.settings import Scope, Setting
from fieldapp.storage.drafts import Drafts
from fieldapp.storage.events import Event, read_events
from fieldapp.storage.records import PURGE_ENTITY, Record
from fieldapp.storage.session import Session
from fieldapp.workflow.case_view import TICK_ENTITY
from fieldapp.workflow.context import Change, Context, local_now
from ui.autosave import Autosaver
from ui.documents.preview_slot import PreviewSlot
from ui.runner import Runner

if TYPE_CHECKING:
    from ui.documents.preview import AskPrinter, DocumentPreview

OPERATION = Setting("ui.operation", str, "", Scope.PERSIST)
LANGUAGE = Setting("ui.language", str, "", managed=True)  # "" follows the system
LARGE_TEXT = Setting("ui.large_text", bool, False)
CASE_ENTITY_TYPES = (
    PERSON_ENTITY,
    ELEMENT_ENTITY,
    OBSERVATION_ENTITY,
    SUPPORT_ENTITY,
    NOTICE_ENTITY,
    HEARING_ENTITY,
    DECISION_ENTITY,
    ANSWER_ENTITY,
    TICK_ENTITY,
    PHOTO_ENTITY,
)


class Workspace(QObject):
    """One per unlocked session; dropped (with every screen) when the vault locks."""

    changed = Signal(object)  # the use case's Change
    saved = Signal(str)  # the local time of the last save, "21:42:05"
    operation_changed = Signal(str)
    document_shown = Signal(object)  # the DocumentPreview now open

    def __init__(
        self,
        session: Session,
        *,
        clock: Callable[[], datetime] = local_now,
        autosave_delay_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        # IT's managed settings (fieldapp.provisioning); the controller sets this machine's.
        self.managed = Managed()
        self.ctx = Context(session, clock)
        self.drafts = Drafts(session.conn)
        self.autosaver = Autosaver(autosave_delay_ms, self)
        # Long work (imports, big reports) off the GUI thread; what it changed is announced
        # like a use case's. Pending autosaves are written before an op starts.
        self.runner = Runner(
            session, clock=clock, before_start=self.autosaver.flush_all, parent=self
        )
        self.runner.changed.connect(self.changed)
        self.officer: Officer = session.officer
        self._names = {o.officer_id: o.display_name for o in session.officers()}
        self._operation_id = self._initial_operation()
        # The print dialog: a seam that tests replace with printing to a PDF file.
        self.ask_printer: AskPrinter | None = None
        self.previews = PreviewSlot()

    @property
    def active(self) -> bool:
        """False once the vault locked: widgets waiting to be deleted must do nothing."""
        return not self.session.locked

    # -- who and where ------------------------------------------------------------------------

    @property
    def officer_id(self) -> str:
        return self.officer.officer_id

    def officer_name(self, officer_id: str | None) -> str:
        """The display name of an officer of this vault, or the bare id (another laptop's)."""
        if not officer_id:
            return ""
        return self._names.get(officer_id, officer_id)

    def officers(self) -> list[tuple[str, str]]:
        """(service id, name) of every officer enrolled here, the logged-in one first."""
        others = sorted((i, n) for i, n in self._names.items() if i != self.officer_id)
        return [(self.officer_id, self.officer.display_name), *others]

    def now(self) -> datetime:
        return self.ctx.now()

    def case_time(self, case_id: str) -> datetime | None:
        """When the case happened (its entry time): the day its time fields are about."""
        record = self.ctx.records.get(CASE_ENTITY, case_id)
        start = record.get("start") if record else None
        return datetime.fromisoformat(str(start)) if start else None

    @property
    def operation_id(self) -> str | None:
        return self._operation_id

    @property
    def operation(self) -> Record | None:
        if self._operation_id is None:
            return None
        return self.ctx.records.get(OPERATION_ENTITY, self._operation_id)

    def set_operation(self, operation_id: str) -> None:
        if operation_id == self._operation_id:
            return
        self._operation_id = operation_id
        settings.put(self.session, OPERATION, operation_id)
        self.operation_changed.emit(operation_id)

    def _initial_operation(self) -> str | None:
        operations = self.ctx.records.find(OPERATION_ENTITY)
        ids = {o.entity_id for o in operations}
        chosen = settings.get(self.session, OPERATION)
        if chosen in ids:
            return chosen
        # The latest operation by start date: the one running now, on a field laptop.
        latest = max(operations, key=lambda o: str(o.get("start", "")), default=None)
        return latest.entity_id if latest else None

    # -- changing things ----------------------------------------------------------------------

    def run(self, use_case: Callable[..., Change], *args: Any, **kwargs: Any) -> Change:
        """Call ``use_case(ctx, *args, **kwargs)``; announce what changed. Refusals propagate."""
        change = use_case(self.ctx, *args, **kwargs)
        if change.events:
            self.changed.emit(change)
        self.mark_saved()
        return change

    def mark_saved(self) -> None:
        self.saved.emit(self.now().astimezone().strftime("%H:%M:%S"))

    def show_document(
        self,
        parent: QWidget,
        pdf: bytes,
        title: str,
        *,
        warning: str | None = None,
        suggested_name: str = "dokument.pdf",
    ) -> DocumentPreview:
        """The preview that prints exactly what it shows (not modal: the case stays usable)."""
        from ui.documents.preview import DocumentPreview

        if self.ask_printer is not None:
            preview = DocumentPreview(
                pdf,
                title,
                suggested_name=suggested_name,
                warning=warning,
                ask_printer=self.ask_printer,
                parent=parent,
            )
        else:
            preview = DocumentPreview(
                pdf, title, suggested_name=suggested_name, warning=warning, parent=parent
            )
        self.previews.show(parent, preview)
        self.document_shown.emit(preview)
        return preview

    def show_document_built(
        self,
        parent: QWidget,
        build: Callable[[Context], bytes],
        title: str,
        *,
        refused: Callable[[str], None],
        suggested_name: str = "dokument.pdf",
    ) -> bool:
        """Build a large document (the operation report) on the background runner, then
        preview it; a refusal or our bug goes to ``refused`` in words. False if the
        runner is busy (nothing started)."""
        from ui.capture import refusal_text
        from ui.errors import internal_error_text
        from ui.runner import Op, Outcome

        def done(outcome: Outcome) -> None:
            if outcome.bug:
                refused(internal_error_text())  # the runner logged it
            elif outcome.error is not None:
                refused(refusal_text(outcome.error, "document"))
            else:  # delivered only while the session's pages stand (a lock drops it)
                self.show_document(parent, outcome.value, title, suggested_name=suggested_name)

        return self.runner.run(Op(lambda job: build(job.ctx), on_done=done, what="document"))

    @property
    def preview(self) -> DocumentPreview | None:
        """The preview open now, if any (one at a time)."""
        return self.previews.preview

    # -- drafts: typing that is not yet a valid record ---------------------------------------

    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        if any(v not in (None, "", False, [], {}) for v in data.values()):
            if self.drafts.load(key) != json.loads(json.dumps(data)):
                self.drafts.save(key, data)
        else:
            self.drafts.discard(key)
        self.mark_saved()

    def load_draft(self, key: str) -> dict[str, Any] | None:
        return self.drafts.load(key)

    def discard_draft(self, key: str) -> None:
        self.drafts.discard(key)

    # -- settings -----------------------------------------------------------------------------

    def setting(self, key: str, default: str) -> str:
        return self.session.setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.session.set_setting(key, value)

    # -- reading the log ---------------------------------------------------------------------

    def case_records(self, case_id: str, *, include_voided: bool = True) -> list[Record]:
        """Every record of a case, withdrawn ones too (the timeline shows withdrawals)."""
        records = self.ctx.records
        found: list[Record] = []
        for entity_type in CASE_ENTITY_TYPES:
            found += records.find(entity_type, case_id=case_id, include_voided=include_voided)
        return found

    def case_events(self, case_id: str) -> list[Event]:
        """Every event of the case and of the records in it (accesses included)."""
        conn = self.session.conn
        entities: Iterable[tuple[str, str]] = [
            (CASE_ENTITY, case_id),
            (PURGE_ENTITY, case_id),  # at the station: a laptop purged its copy
            *((r.entity_type, r.entity_id) for r in self.case_records(case_id)),
        ]
        events: list[Event] = []
        for entity in entities:
            events += read_events(conn, entity=entity)
        return events
