"""``python -m ui.screenshots OUTDIR`` (or ``fieldapp screenshots --out DIR``): PNGs of
every screen at 1366×768, on throwaway vaults.

Dialogs are drawn centred on a 1366×768 backdrop (or over the locked main window), so each
picture shows what the officer sees on the laptop screen the design targets (DESIGN 6a.8).
The main screens run on a demo vault (``fieldapp.demo.build_demo_vault``) with an operation
and cases in every state. Everything lives in a temporary folder and is invented.

    uv run python -m ui.screenshots OUTDIR [--lang sv|en|all] [--large-text]

``--lang all`` saves Swedish, English and Swedish with large text in sub-folders.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QPoint, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768
DEMO_OFFICER_ID = "D100001"
DEMO_OFFICER_NAME = "Dana Demosson"  # invented
_OFFSCREEN_NOISE = "does not support propagateSizeHints"
_BACKDROP = QColor("#0b0d10")
_WORDS = (
    "ekorre", "fyrtorn", "blåbär", "kompass", "vinter", "segelbåt", "lykta", "granskog",
    "havsörn", "morgon", "tegelhus", "snöflinga", "kanot", "vitsippa", "stenbro", "älv",
)  # fmt: skip


class _Clock:
    """A clock the screenshots move by hand, so the backoff countdown stands still."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def demo_passphrase() -> str:
    """Four random words: easy to read off a screenshot, accepted by the policy."""
    from fieldapp.passphrase_policy import weakness

    while True:
        candidate = "-".join(secrets.choice(_WORDS) for _ in range(4))
        if weakness(candidate, personal=(DEMO_OFFICER_ID, DEMO_OFFICER_NAME)) is None:
            return candidate


@contextmanager
def _look(app: QApplication, language: str, large_text: bool = False) -> Iterator[None]:
    """The app's language and theme for the duration, restoring what was there before."""
    from ui.i18n import Translation
    from ui.theme import apply_theme

    style, palette, font, sheet = app.style().name(), app.palette(), app.font(), app.styleSheet()
    translation = Translation(language).install()
    apply_theme(app, large_text=large_text)
    try:
        yield
    finally:
        translation.remove()
        app.setStyleSheet(sheet)
        if style:  # empty while a style sheet was set: then the style was never replaced
            app.setStyle(style)
        app.setPalette(palette)
        app.setFont(font)


@contextmanager
def _without_offscreen_noise() -> Iterator[None]:
    """Drop the offscreen platform's complaint that it cannot resize windows to their
    contents (real platforms can); pass every other Qt message on."""

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if _OFFSCREEN_NOISE in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _settle(widget: QWidget) -> None:
    widget.show()
    QApplication.processEvents()


def _on_screen(widget: QWidget, background: QPixmap | None = None) -> QPixmap:
    """``widget`` (a dialog) centred on a screen-sized backdrop, the way it appears."""
    widget.adjustSize()
    _settle(widget)
    canvas = QPixmap(SCREEN_WIDTH, SCREEN_HEIGHT)
    canvas.fill(_BACKDROP)
    painter = QPainter(canvas)
    if background is not None:
        painter.drawPixmap(0, 0, background)
        painter.fillRect(canvas.rect(), QColor(0, 0, 0, 110))  # the modal dimming
    shot = widget.grab()
    painter.drawPixmap(
        QPoint((SCREEN_WIDTH - shot.width()) // 2, (SCREEN_HEIGHT - shot.height()) // 2), shot
    )
    painter.end()
    return canvas


def save_screenshots(
    out_dir: Path,
    language: str = "sv",
    *,
    large_text: bool = False,
    dialogs: bool = True,
    observe: Callable[[str], None] | None = None,
) -> list[Path]:
    """Save PNGs of the first-run and login dialogs and of every main screen in ``out_dir``;
    return their paths. ``observe(name)`` is called as each is taken, with the screen
    showing (a test reads the visible words there)."""
    if QApplication.instance() is None:
        # Nothing is shown on a real screen, and the pictures do not depend on the desktop.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    if existing is None:  # the tour's own app: its import runs on the runner's thread
        from ui.gui_gc import collect_on_gui_thread

        collect_on_gui_thread(app)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        _without_offscreen_noise(),
        _look(app, language, large_text),
        tempfile.TemporaryDirectory(prefix="fieldapp-shots-") as tmp,
    ):
        saved = _take_dialogs(out_dir, Path(tmp) / "vault", observe) if dialogs else []
        saved += _take_screens(out_dir, Path(tmp) / "demo", observe)
        return saved


def _take_dialogs(
    out_dir: Path, vault_dir: Path, observe: Callable[[str], None] | None = None
) -> list[Path]:
    from fieldapp.composition import open_vault
    from fieldapp.errors import WrongPassphrase
    from fieldapp.storage.keyslots import KdfCost
    from ui.dialogs.first_run import FirstRunDialog
    from ui.dialogs.login import LoginDialog
    from ui.main_window import MainWindow

    saved: list[Path] = []
    save = _saver(out_dir, saved, observe)
    clock = _Clock()
    vault = open_vault(vault_dir, clock=clock)
    passphrase = demo_passphrase()

    first_run = FirstRunDialog(vault, cost=KdfCost())
    save(_on_screen(first_run), "01_first_run.png")
    first_run.officer_id.setText("D")
    first_run.display_name.setText(DEMO_OFFICER_NAME)
    first_run.passphrase.setText("dana2024dana")
    first_run.repeat.setText("dana2024dana")
    first_run.create_button.click()
    save(_on_screen(first_run), "02_first_run_errors.png")
    first_run.close()
    first_run.deleteLater()

    vault.create(DEMO_OFFICER_ID, DEMO_OFFICER_NAME, passphrase, cost=KdfCost()).lock()

    login = LoginDialog(vault, officer_id=DEMO_OFFICER_ID)
    save(_on_screen(login), "03_login.png")
    login.dismiss()
    login.deleteLater()

    demo = LoginDialog(vault, officer_id=DEMO_OFFICER_ID, demo_passphrase=passphrase)
    save(_on_screen(demo), "04_login_demo.png")
    demo.dismiss()
    demo.deleteLater()

    # Two failures straight through the core, the third through the dialog: the delay is
    # then 4 s, and the stopped clock keeps the countdown on it.
    for _ in range(2):
        try:
            vault.unlock(DEMO_OFFICER_ID, "fel lösenfras")
        except WrongPassphrase:
            clock.now += vault.backoff_remaining() + 0.5
    wrong = LoginDialog(vault, officer_id=DEMO_OFFICER_ID)
    wrong.passphrase.setText("fel lösenfras igen")
    wrong.unlock_button.click()
    save(_on_screen(wrong), "05_login_wrong_passphrase.png")
    wrong.dismiss()
    wrong.deleteLater()
    clock.now += vault.backoff_remaining() + 0.5

    session = vault.unlock(DEMO_OFFICER_ID, passphrase)
    window = MainWindow()
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    try:
        window.show_session(session, str(vault.data_dir), lambda: 299_000)
        _settle(window)
        session.lock()
        # Locked by the idle timeout: the page and the prompt say who and when.
        from datetime import datetime

        from ui.lock import LockNote, LockReason

        note = LockNote(DEMO_OFFICER_ID, datetime.now(), LockReason.IDLE, 300).text()
        window.show_locked(note)
        QApplication.processEvents()
        locked_login = LoginDialog(
            vault, officer_id=DEMO_OFFICER_ID, locked_note=note, parent=window
        )
        save(_on_screen(locked_login, window.grab()), "06_locked.png")
        locked_login.dismiss()
    finally:
        session.lock()
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    return saved


def _saver(
    out_dir: Path, saved: list[Path], observe: Callable[[str], None] | None = None
) -> Callable[[QPixmap, str], None]:
    def save(pixmap: QPixmap, name: str) -> None:
        if observe is not None:
            observe(name)
        path = out_dir / name
        if not pixmap.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        saved.append(path)

    return save


def _take_screens(
    out_dir: Path, demo_dir: Path, observe: Callable[[str], None] | None = None
) -> list[Path]:
    """Each main screen on the demo vault, the way an officer reaches it."""
    from fieldapp.composition import open_vault
    from fieldapp.demo import DEMO_OFFICER_ID as DEMO_ID
    from fieldapp.demo import build_demo_vault
    from fieldapp.domain.case import CASE_ENTITY
    from fieldapp.workflow import persons
    from ui.main_window import (
        CASES,
        DASHBOARD,
        DOCUMENTS,
        OPERATIONS,
        SETTINGS,
        SYNC,
        MainWindow,
    )
    from ui.screens.operations import NEW_TAB
    from ui.screens.procedure import DecisionStep

    saved: list[Path] = []
    save = _saver(out_dir, saved, observe)
    passphrase = build_demo_vault(demo_dir)
    session = open_vault(demo_dir).unlock(DEMO_ID, passphrase)
    window = MainWindow()
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    try:
        window.show_session(session, str(demo_dir), lambda: 299_000)
        _settle(window)
        view = window.session_view()
        assert view is not None
        records = view.workspace.ctx.records
        by_place = {str(c.get("place_name")): c.entity_id for c in records.find(CASE_ENTITY)}

        def shot(name: str) -> None:
            QApplication.processEvents()
            save(window.grab(), name)

        view.go_to(OPERATIONS)
        shot("10_operations.png")
        view.operations.tabs.setCurrentIndex(NEW_TAB)
        shot("10b_operations_new.png")
        view.operations.tabs.setCurrentIndex(0)
        view.go_to(DASHBOARD)
        shot("11_dashboard.png")
        view.go_to(CASES)
        view.cases.show_list()
        shot("12_cases.png")
        view.cases.new_case()
        shot("13_new_case.png")
        screen = view.cases.case_screen
        completed = by_place["Stadshotellet Exempel"]
        view.open_case(completed, "item:entry:")
        shot("14_case_entry.png")
        attempt = by_place["Hotell Påhittat"]
        view.open_case(attempt)
        shot("15_case_elements.png")
        screen.toggle_explanation()
        shot("16_case_explanation.png")
        screen.toggle_explanation()
        screen.toggle_missing()
        shot("16b_case_missing_f4.png")
        screen.toggle_missing()
        view.open_case(attempt, "add:buyer")
        panel = screen.panel
        form = getattr(panel, "form", None)
        if form is not None and hasattr(form, "personal_id"):
            form.name.setText("Kalle Påhittsson")
            form.personal_id.setText("19811218-9875")
            form.on_edited("personal_id")
        shot("17_case_new_buyer.png")
        if form is not None:
            form.discard_draft()
        view.open_case(attempt, "add:witness")
        shot("17b_case_new_witness.png")
        trafficking = by_place["Motell Låtsas"]
        view.open_case(trafficking)
        seller = next(iter(screen.view.sellers)) if screen.view else None
        if seller is not None:
            view.open_case(trafficking, f"item:seller_age_assessed:{seller.entity_id}")
            screen.step_area.verticalScrollBar().setValue(10_000)
        shot("18_case_seller_trafficking.png")
        if seller is not None:
            view.open_case(trafficking, f"item:seller_support:{seller.entity_id}")
        shot("19_case_support_leaflet.png")
        child = by_place["Hotell Fiktiva Ängen"]
        view.open_case(child)
        shot("20_case_child.png")
        view.open_case(attempt)
        attempt_buyer = screen.view.buyers[0] if screen.view else None
        if attempt_buyer is not None:
            view.open_case(attempt, f"item:decision:{attempt_buyer.id}")
        shot("21_case_decision.png")
        decision_step = screen.panel
        if isinstance(decision_step, DecisionStep):
            decision_step.print_document()  # Ctrl+P before the decision: refused, why shown
            QApplication.processEvents()  # the message's room, before scrolling to it
            screen.step_area.ensureWidgetVisible(decision_step.message)
        shot("21b_case_decision_refused.png")
        view.open_case(completed)
        completed_buyer = screen.view.buyers[0] if screen.view else None
        if completed_buyer is not None:
            view.open_case(completed, f"item:decision:{completed_buyer.id}")
        shot("22_case_decision_recorded.png")
        if completed_buyer is not None:
            # A correction after the first entry, as the timeline words it.
            view.workspace.run(
                persons.amend_person,
                completed_buyer.id,
                {
                    "identity_method": "id_card",
                    "language": "ro",
                    "interpreter_needed": True,
                    "interpreter_language": "ro",
                },
            )
            view.open_case(completed)
        shot("22b_case_timeline_correction.png")
        screen.focus_quick_note()
        screen.note.setText("Köparen visade körkort; pengarna låg på nattduksbordet.")
        shot("23_case_quick_note.png")
        screen.note.clear()
        view.toggle_contacts()
        shot("24_contacts_f2.png")
        view.hide_contacts()
        view.go_to(DOCUMENTS)
        shot("25_documents.png")
        _ads_shots(view, shot, save, attempt, Path(demo_dir).parent)
        view.go_to(SETTINGS)
        shot("27_settings.png")
        view.go_to(SYNC)
        shot("28_sync.png")
        # The small laptop: the case header and six checklist rows still in view.
        view.go_to(CASES)
        window.resize(1024, 600)
        view.open_case(attempt)
        QApplication.processEvents()
        small = QPixmap(SCREEN_WIDTH, SCREEN_HEIGHT)  # the small screen, top left
        small.fill(_BACKDROP)
        painter = QPainter(small)
        painter.drawPixmap(0, 0, window.grab())
        painter.end()
        save(small, "29_case_1024x600.png")
        window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    finally:
        view = window.session_view()
        if view is not None:
            view.workspace.autosaver.stop()
        session.lock()
        window.show_locked()
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    return saved


# Invented: the fiction range of numbers, a made-up site, made-up hotels.
_PASTED_AD = (
    "Sofia – ny i Köping\nHej! Jag tar emot på Hotell Fiktiva Ängen, diskret.\n"
    "30 min 1 500:-, 1 h 2 500 kr, hel natt 8000 kr.\nSms:a 070-174 06 66 eller +46 70 174 06 67."
)
_BROKEN_CSV = (
    "rubrik;text;telefon;kommun\n"
    "Ny i stan;Ring mig;070-174 06 68;Västerås\n"
    "Trasig rad;bara två fält\n"
    "Utan text;;070-174 06 69;Sala\n"
    "Ny i Sala;Hembesök;inget nummer;Sala\n"
)


def _ads_shots(
    view: Any,
    shot: Callable[[str], None],
    save: Callable[[QPixmap, str], None],
    case_id: str,
    tmp: Path,
) -> None:
    """The Ads section's tabs and the case screen's linked ads, on the demo vault."""
    from ui.ads.page import OUTREACH_TAB, PROPOSALS_TAB, REGISTER_TAB, SEARCH_TAB, TIPS_TAB
    from ui.main_window import ADS

    view.go_to(ADS)
    page = view.ads
    page.tabs.setCurrentIndex(SEARCH_TAB)
    shot("26_ads_search.png")
    page.search.query.setText("0701740655")
    page.search.run_search()
    shot("26b_ads_search_phone.png")
    _ad_files_shots(page, view, shot, save)
    page.tabs.setCurrentIndex(REGISTER_TAB)
    form = page.register.form
    form.url.setText("https://annonser.example/a/2001")
    form.text.setPlainText(_PASTED_AD)
    form.read()
    shot("26c_ads_register_read.png")
    form.clear_form()
    csv_file = tmp / "annonser.csv"
    csv_file.write_text(_BROKEN_CSV, "utf-8")
    ended: list[bool] = []
    page.register.importer.import_ended.connect(lambda: ended.append(True))
    page.register.importer.import_path(csv_file)
    while not ended:  # the import runs on the background runner
        QApplication.processEvents()
        time.sleep(0.01)
    shot("26d_ads_import_refused.png")
    page.register.importer.problems.hide()
    page.register.importer.result.clear_message()
    page.tabs.setCurrentIndex(PROPOSALS_TAB)
    shot("26e_ads_same_advertiser.png")
    page.tabs.setCurrentIndex(OUTREACH_TAB)
    shot("26f_ads_hotels_taxis.png")
    page.tabs.setCurrentIndex(TIPS_TAB)
    shot("26g_ads_tips.png")
    _directory_edit_shots(page, view, save)
    page.tabs.setCurrentIndex(SEARCH_TAB)
    view.open_case(case_id)
    screen = view.cases.case_screen
    shot("26h_case_linked_ads.png")
    screen.open_link_dialog()
    dialog = screen.link_dialog.current
    if dialog is not None:
        save(_on_screen(dialog, view.window().grab()), "26i_case_link_dialog.png")
        dialog.reject()
    view.cases.show_list()


def _directory_edit_shots(page: Any, view: Any, save: Callable[[QPixmap, str], None]) -> None:
    """Correcting and removing a directory company, withdrawing a tip: each dialog over
    its tab, on the first row (and left without a change)."""
    from ui.ads.page import OUTREACH_TAB, TIPS_TAB

    page.tabs.setCurrentIndex(OUTREACH_TAB)
    outreach = page.outreach
    outreach.companies.selectRow(0)
    backdrop = view.window().grab()
    for button, name in (
        (outreach.company_actions.edit_button, "26m_directory_correct.png"),
        (outreach.company_actions.remove_button, "26n_directory_remove.png"),
    ):
        button.click()
        dialog = outreach.company_actions.dialog.current
        if dialog is not None:
            save(_on_screen(dialog, backdrop), name)
            dialog.reject()
    page.tabs.setCurrentIndex(TIPS_TAB)
    page.tips.table.selectRow(0)
    page.tips.tip_actions.withdraw_button.click()
    dialog = page.tips.tip_actions.dialog.current
    if dialog is not None:
        save(_on_screen(dialog, view.window().grab()), "26o_tip_withdraw.png")
        dialog.reject()


def _ad_files_shots(
    page: Any, view: Any, shot: Callable[[str], None], save: Callable[[QPixmap, str], None]
) -> None:
    """The demo ad with its saved page: the detail listing its files, and the page opened
    as text."""
    page.search.query.setText("Maja, ny i Västerås")
    page.search.run_search()
    detail = page.search.detail
    shot("26j_ads_detail_files.png")
    if detail.ad is not None and detail.ad.attachments:
        viewer = detail.open_file(detail.ad.attachments[0])
        if viewer is not None:
            save(_on_screen(viewer, view.window().grab()), "26k_ads_saved_page.png")
            viewer.close()
    page.search.query.setText("")
    page.search.run_search()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ui.screenshots", description="PNGs of every screen at 1366×768."
    )
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--lang", choices=("sv", "en", "all"), default="sv")
    parser.add_argument("--large-text", action="store_true")
    args = parser.parse_args(argv)
    variants = (
        [("sv", False, "sv"), ("en", False, "en"), ("sv", True, "sv-large")]
        if args.lang == "all"
        else [(args.lang, args.large_text, "")]
    )
    total = 0
    for language, large, folder in variants:
        target = args.out / folder if folder else args.out
        total += len(save_screenshots(target, language, large_text=large))
    print(f"Saved {total} screenshots in {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
