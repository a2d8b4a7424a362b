"""Settings: language, large text, the idle lock time, the completion rule, and who is
enrolled on this laptop. Each change takes effect at once and is kept in the vault."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from fieldapp.domain.evaluation import CompletionRule
from fieldapp.errors import KnownError
from ui.choices import ChoiceRows
from ui.forms import FieldMessage, muted_label, title_label
from ui.i18n import current_language, role_name
from ui.widgets import CodeCombo, FormGrid
from ui.words import COMPLETION_RULES
from ui.workspace import LANGUAGE_SETTING, LARGE_TEXT_SETTING, Workspace

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
        self.large_text = QCheckBox(self.tr("&Large text (easier to read at arm's length)"), self)
        self.large_text.setChecked(workspace.setting(LARGE_TEXT_SETTING, "0") == "1")
        grid.add("large_text", "", self.large_text)
        self.idle = QSpinBox(self)
        self.idle.setRange(1, 60)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(max(1, workspace.session.idle_timeout_seconds // 60))
        self.idle_message = grid.add("idle", self.tr("Lock after &idle"), self.idle)
        # Rows whose words wrap: each rule is a sentence, cut off in a list's box.
        self.rule = ChoiceRows(COMPLETION_RULES, self)
        self.rule.set_code(workspace.ctx.completion_rule.value)
        self.rule_message = grid.add("rule", self.tr("&Completed offence when"), self.rule)
        self.officers_title = QLabel(self.tr("Officers enrolled on this computer"), self)
        self.officers_title.setProperty("role", "stepTitle")
        self.officers = QLabel(self)
        self.officers.setWordWrap(True)
        officers = workspace.session.officers()
        self.officers.setText(
            "\n".join(f"{o.display_name} ({o.officer_id}), {role_name(o.role)}" for o in officers)
        )
        self.note = muted_label(
            self.tr(
                "Officers are enrolled and removed from the command line (fieldapp officer …) "
                "by an administrator."
            ),
            self,
        )
        box = QWidget(self)
        box.setMaximumWidth(760)
        box.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(box)
        layout.addSpacing(12)
        layout.addWidget(self.officers_title)
        layout.addWidget(self.officers)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._on_language)
        self.large_text.toggled.connect(self._on_large_text)
        self.idle.editingFinished.connect(self._on_idle)
        self.rule.changed.connect(self._on_rule)

    @Slot()
    def _on_language(self) -> None:
        code = self.language.code()
        self.workspace.set_setting(LANGUAGE_SETTING, code)
        self.workspace.mark_saved()
        if code != current_language():
            self.language_changed.emit(code)

    @Slot(bool)
    def _on_large_text(self, checked: bool) -> None:
        self.workspace.set_setting(LARGE_TEXT_SETTING, "1" if checked else "0")
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
