"""Settings: language, large text, the idle lock time, the completion rule, the retention
period (administrators), and who is enrolled on this laptop. Each change takes effect at
once and is kept in the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from fieldapp import settings
from fieldapp.domain.evaluation import CompletionRule
from fieldapp.errors import KnownError
from fieldapp.provisioning import COUNTY, IDLE_LOCK_MINUTES, LANGUAGE, PRINTER, STATION_CARD
from fieldapp.sync.archive import Retention, set_vault_retention, vault_retention
from ui.choices import ChoiceRows
from ui.dialogs.access_log import AccessLogDialog
from ui.dialogs.enrol_officer import EnrolOfficerDialog
from ui.forms import FieldMessage, muted_label, title_label
from ui.i18n import current_language, role_name
from ui.managed import hold, managed_text
from ui.problem_texts import coded_text
from ui.widgets import CodeCombo, FormGrid, action_button
from ui.words import COMPLETION_RULES
from ui.workspace import LANGUAGE as LANGUAGE_SETTING
from ui.workspace import LARGE_TEXT, Workspace

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


class SettingsPage(QWidget):
    language_changed = Signal(str)
    large_text_changed = Signal(bool)
    idle_timeout_changed = Signal(int)  # seconds
    rule_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.title = title_label(self.tr("Settings"), self)
        grid = FormGrid()
        self.language = CodeCombo(LANGUAGE_NAMES, self, words=LANGUAGE_NAMES.__getitem__)
        self.language.set_code(current_language())
        grid.add("language", self.tr("&Language"), self.language)
        self.large_text = QCheckBox(self.tr("Large te&xt (easier to read at arm's length)"), self)
        self.large_text.setChecked(settings.get(workspace, LARGE_TEXT))
        grid.add("large_text", "", self.large_text)
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(max(1, workspace.session.idle_timeout_seconds // 60))
        self.idle_message = grid.add("idle", self.tr("Lock after &idle"), self.idle)
        # What IT manages on this machine is shown, not changeable (fieldapp.provisioning).
        managed = workspace.managed
        if hold(self.language, managed, LANGUAGE):
            self.language.set_code(str(managed.value(LANGUAGE)))
        if hold(self.idle, managed, IDLE_LOCK_MINUTES):
            self.idle.setValue(int(managed.value(IDLE_LOCK_MINUTES)))
        self.managed_note = muted_label(self._managed_text(), self)
        self.managed_note.setWordWrap(True)
        self.managed_note.setMaximumWidth(760)
        self.managed_note.setVisible(bool(managed.values))
        # A file IT deployed that has problems manages nothing; the officer sees why, so
        # that IT hears of it (the log has the same lines).
        self.managed_problems = FieldMessage(self)
        self.managed_problems.setMaximumWidth(760)
        if managed.problems:
            self.managed_problems.show_message(self._problems_text(), "hint")
        # Rows whose words wrap: each rule is a sentence, cut off in a list's box.
        self.rule = ChoiceRows(COMPLETION_RULES, self)
        self.rule.set_code(workspace.ctx.completion_rule.value)
        self.rule_message = grid.add("rule", self.tr("Com&pleted offence when"), self.rule)
        self.retention = QSpinBox(self)
        self.retention.setRange(0, 3650)
        self.retention.setSuffix(self.tr(" days"))
        retention = vault_retention(workspace.session)
        self.retention.setValue(retention.days)
        self.retention_message = grid.add("retention", self.tr("&Retention"), self.retention)
        self.retention_note = muted_label(self._retention_text(retention), self)
        self.retention_note.setWordWrap(True)
        grid.addWidget(self.retention_note, grid.rowCount(), 1)
        # Everyone sees the period; only an administrator changes it (the core says so too).
        self.retention.setEnabled(workspace.session.officer.is_admin)
        self.officers_title = QLabel(self.tr("Officers enrolled on this computer"), self)
        self.officers_title.setProperty("role", "stepTitle")
        self.officers = QLabel(self)
        self.officers.setWordWrap(True)
        self._show_officers()
        # Administrators follow up access (brottsdatalagen); the listing is logged too.
        self.access_log_button = action_button(self.tr("Access l&og…"), self)
        self.access_log_button.setVisible(workspace.session.officer.is_admin)
        self.note = muted_label(
            self.tr(
                "Administrators enrol officers here; removing one is done on the command line "
                "(fieldapp officer remove)."
            ),
            self,
        )
        self.enrol_button = action_button(self.tr("E&nrol an officer…"), self)
        self.enrol_button.setVisible(workspace.session.officer.is_admin)
        box = QWidget(self)
        box.setMaximumWidth(760)
        box.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(box)
        layout.addWidget(self.managed_note)
        layout.addWidget(self.managed_problems)
        layout.addSpacing(12)
        layout.addWidget(self.officers_title)
        layout.addWidget(self.officers)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.access_log_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._on_language)
        self.large_text.toggled.connect(self._on_large_text)
        self.idle.editingFinished.connect(self._on_idle)
        self.rule.changed.connect(self._on_rule)
        self.retention.editingFinished.connect(self._on_retention)
        self.access_log_button.clicked.connect(self.open_access_log)
        self.enrol_button.clicked.connect(self.open_enrol)

    def _managed_text(self) -> str:
        managed = self.workspace.managed
        names = {
            LANGUAGE: self.tr("language"),
            IDLE_LOCK_MINUTES: self.tr("lock after idle"),
            COUNTY: self.tr("county of new operations"),
            STATION_CARD: self.tr("the station"),
            PRINTER: self.tr("printer ({name})").format(name=managed.value(PRINTER)),
        }
        listed = ", ".join(text for name, text in names.items() if managed.is_managed(name))
        return self.tr("Managed: {settings}.").format(settings=listed) + " " + managed_text(managed)

    def _problems_text(self) -> str:
        managed = self.workspace.managed
        lines = [
            self.tr(
                "Your IT department's settings file ({file}) has problems and is not used; "
                "this computer keeps its own settings. Tell IT:"
            ).format(file=managed.source or "")
        ]
        for problem in managed.problems:
            where = self.tr("line {line}").format(line=problem.line) if problem.line else ""
            lines.append(
                " · ".join(
                    part for part in (where, problem.setting, coded_text(problem.reason)) if part
                )
            )
        return "\n".join(lines)

    def _show_officers(self) -> None:
        officers = self.workspace.session.officers()
        self.officers.setText(
            "\n".join(f"{o.display_name} ({o.officer_id}), {role_name(o.role)}" for o in officers)
        )

    @Slot()
    def open_enrol(self) -> EnrolOfficerDialog:
        dialog = EnrolOfficerDialog(self.workspace.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._show_officers)
        dialog.open()
        return dialog

    @Slot()
    def open_access_log(self) -> AccessLogDialog:
        dialog = AccessLogDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _retention_text(self, retention: Retention) -> str:
        if retention.station:
            text = self.tr(
                "At the station: finished cases untouched this long may be purged by an "
                "administrator (fieldapp station purge); a laptop's purge removes nothing "
                "here. Default {default} days."
            )
        else:
            text = self.tr(
                "On this laptop: finished cases the station has acknowledged, untouched this "
                "long, can be purged on the Sync page. Default {default} days."
            )
        text = text.format(default=retention.default)
        if not self.workspace.session.officer.is_admin:
            text += " " + self.tr("Only an administrator can change it.")
        return text

    @Slot()
    def _on_retention(self) -> None:
        days = self.retention.value()
        if days == vault_retention(self.workspace.session).days:
            return
        try:
            set_vault_retention(self.workspace.session, days)
        except KnownError as exc:
            self._show(self.retention_message, exc)
            return
        self.retention_message.clear_message()
        self.workspace.mark_saved()

    @Slot()
    def _on_language(self) -> None:
        code = self.language.code()
        settings.put(self.workspace, LANGUAGE_SETTING, code)
        self.workspace.mark_saved()
        if code != current_language():
            self.language_changed.emit(code)

    @Slot(bool)
    def _on_large_text(self, checked: bool) -> None:
        settings.put(self.workspace, LARGE_TEXT, checked)
        self.workspace.mark_saved()
        self.large_text_changed.emit(checked)

    @Slot()
    def _on_idle(self) -> None:
        seconds = self.idle.value() * 60
        if seconds == self.workspace.session.idle_timeout_seconds:
            return
        try:
            self.workspace.session.set_idle_timeout_seconds(seconds)
        except KnownError as exc:
            self._show(self.idle_message, exc)
            return
        self.idle_message.clear_message()
        self.workspace.mark_saved()
        self.idle_timeout_changed.emit(seconds)

    @Slot()
    def _on_rule(self) -> None:
        try:
            self.workspace.ctx.set_completion_rule(CompletionRule(self.rule.code()).value)
        except KnownError as exc:
            self._show(self.rule_message, exc)
            return
        self.rule_message.clear_message()
        self.workspace.mark_saved()
        self.rule_changed.emit()

    def _show(self, message: FieldMessage, exc: KnownError) -> None:
        from ui.capture import refusal_text

        message.show_message(refusal_text(exc))
