"""The station's Import tab: pick bundle files, import them off the GUI thread with a
progress bar, and see one result row per file (imported, already here, held, or refused
with its reason). Each receipt is written beside its bundle."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import KnownError
from fieldapp.storage.session import Session
from ui import seams
from ui.forms import FieldMessage, muted_label
from ui.runner import Op, Outcome, Runner
from ui.sync.backend import StationBackend, station_backend
from ui.sync.media import start_folder
from ui.sync.models import ImportResultModel
from ui.sync.worker import FileResult, import_bundles
from ui.widgets import action_button, row_table

_STEPS = 1000  # progress-bar steps per file: smooth enough, whatever a bundle's size


class ImportTab(QWidget):
    """Imports bundles. While an import runs the vault belongs to the worker: ``busy``
    tells the station view to keep every other part of the page still."""

    busy_changed = Signal(bool)
    file_imported = Signal(object)  # FileResult, as each file is done
    finished = Signal()  # the whole import, every file
    progress_changed = Signal(int, int)  # the bar's value, of

    def __init__(
        self,
        station: Session | StationBackend,
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = station_backend(station)
        self.ask_bundle_files: seams.AskFiles = seams.ask_bundle_files
        # The app's runner (the main window's workspace), or one of its own when alone.
        self.runner = runner or Runner(self.backend.work, parent=self)
        self._paths: list[Path] = []
        self._busy = False
        self._files = 0
        self._current = 0
        self._build_ui()
        self._connect()

    def _build_ui(self) -> None:
        self.import_button = action_button(self.tr("Import &bundles…"), self, primary=True)
        # Its own width, not the row's (the progress bar beside it is hidden when idle).
        self.import_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(14)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.message = FieldMessage(self)
        self.model = ImportResultModel(self)
        self.table = row_table(self, self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 300), (1, 120), (2, 110)):
            self.table.setColumnWidth(column, width)
        self.hint = muted_label(
            self.tr(
                "Choose every bundle on the stick at once: the order does not matter, and a "
                "bundle already imported changes nothing. Each receipt is written beside its "
                "bundle (same name, .receipt); take it back to the laptop."
            ),
            self,
        )
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.import_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)  # holds the button left while the bar is hidden
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

    def _connect(self) -> None:
        self.import_button.clicked.connect(self._on_import_clicked)

    # -- running ------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._busy

    def import_files(self, paths: Sequence[Path]) -> None:
        """Start importing ``paths`` on the background runner; ``finished`` when all are
        done. Taken down mid-import (the vault locked), the work stops after the bundle in
        hand."""
        if self._busy or not paths:
            return
        self.message.clear_message()
        paths = list(paths)
        op = Op(
            lambda job: import_bundles(job, paths),
            on_done=self._on_done,
            on_progress=self._on_progress,
            on_step=self._on_step,
            block=self.import_button,
            whole_view=False,  # the rest of the app may be read meanwhile
            busy_cursor=False,  # the bar says it
            what="sync import",
        )
        self._paths = paths
        self.model.clear()
        self._files, self._current = len(paths), 0
        self.progress.setRange(0, self._files * _STEPS)
        self.progress.setValue(0)
        if not self.runner.run(op):
            self.message.show_message(self.tr("Wait until the work in progress is done."))
            return
        self._busy = True
        self.progress.show()
        self.busy_changed.emit(True)

    def wait(self) -> None:
        """Stop after the current bundle and wait for it (closing the window)."""
        self.runner.wait()

    @Slot()
    def _on_import_clicked(self) -> None:
        last = self.backend.last_folder()
        paths = self.ask_bundle_files(self, start_folder(last or None))
        if paths:
            self.backend.remember_folder(str(paths[0].parent))
        self.import_files(paths)

    def _on_step(self, item: object) -> None:
        if isinstance(item, FileResult):
            self._on_file_done(item)
        elif isinstance(item, tuple):
            self._on_file_started(*item)

    def _on_file_started(self, index: int, name: str) -> None:
        self._current = index
        self._set_progress(index * _STEPS)
        self.status.setText(
            self.tr("Importing {number} of {total}: {name}").format(
                number=index + 1, total=self._files, name=name
            )
        )

    def _on_progress(self, done: int, total: int) -> None:
        within = done * _STEPS // total if total else _STEPS
        self._set_progress(self._current * _STEPS + within)

    def _on_file_done(self, result: FileResult) -> None:
        self.model.add(result)
        self.table.resizeRowsToContents()
        self._set_progress((self._current + 1) * _STEPS)
        self.file_imported.emit(result)

    def _on_done(self, outcome: Outcome) -> None:
        self._busy = False
        self.progress.hide()
        done = len(self.model.results())
        if outcome.error is not None:
            # The vault could not be opened for the work (locked, disk gone), or our bug:
            # the files not yet done are untouched.
            error = outcome.error
            refusal = (
                error.to_reason() if isinstance(error, KnownError) and not outcome.bug else None
            )
            for path in self._paths[done:]:
                self.model.add(FileResult(path, refusal=refusal, bug=outcome.bug))
        results = self.model.results()
        refused = sum(1 for r in results if r.status == "refused")
        self.status.setText(
            self.tr("Done: {count} file(s), {refused} refused, {new} new entries.").format(
                count=len(results), refused=refused, new=sum(r.new_events for r in results)
            )
        )
        self.busy_changed.emit(False)
        self.finished.emit()
        self.import_button.setFocus()

    def _set_progress(self, value: int) -> None:
        value = max(self.progress.value(), min(value, self.progress.maximum()))
        self.progress.setValue(value)
        self.progress_changed.emit(value, self.progress.maximum())
