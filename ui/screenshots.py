"""``fieldapp screenshots``: PNGs of every screen at 1366×768, on a throwaway demo vault.

Dialogs are drawn centred on a 1366×768 backdrop (or over the locked main window), so each
picture shows what the officer sees on the laptop screen the design targets (DESIGN 6a.8).
The vault lives in a temporary folder and holds invented data only.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
def _look(app: QApplication, language: str) -> Iterator[None]:
    """The app's language and theme for the duration, restoring what was there before."""
    from ui.i18n import Translation
    from ui.theme import apply_theme

    style, palette, font, sheet = app.style().name(), app.palette(), app.font(), app.styleSheet()
    translation = Translation(language).install()
    apply_theme(app)
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


def save_screenshots(out_dir: Path, language: str = "sv") -> list[Path]:
    """Save PNGs of the first-run, login and main screens in ``out_dir``; return their paths."""
    if QApplication.instance() is None:
        # Nothing is shown on a real screen, and the pictures do not depend on the desktop.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (
        _without_offscreen_noise(),
        _look(app, language),
        tempfile.TemporaryDirectory(prefix="fieldapp-shots-") as tmp,
    ):
        return _take_all(out_dir, Path(tmp) / "vault")


def _take_all(out_dir: Path, vault_dir: Path) -> list[Path]:
    from fieldapp.errors import WrongPassphrase
    from fieldapp.storage.keyslots import KdfCost
    from fieldapp.storage.vault import Vault
    from ui.dialogs.first_run import FirstRunDialog
    from ui.dialogs.login import LoginDialog
    from ui.main_window import MainWindow

    saved: list[Path] = []

    def save(pixmap: QPixmap, name: str) -> None:
        path = out_dir / name
        if not pixmap.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        saved.append(path)

    clock = _Clock()
    vault = Vault(vault_dir, clock=clock)
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
    login.close()
    login.deleteLater()

    demo = LoginDialog(vault, officer_id=DEMO_OFFICER_ID, demo_passphrase=passphrase)
    save(_on_screen(demo), "04_login_demo.png")
    demo.close()
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
    wrong.close()
    wrong.deleteLater()
    clock.now += vault.backoff_remaining() + 0.5

    session = vault.unlock(DEMO_OFFICER_ID, passphrase)
    window = MainWindow()
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    try:
        window.show_session(session.officer, str(vault.data_dir), lambda: 299_000)
        _settle(window)
        save(window.grab(), "06_main_window.png")
        session.lock()
        window.show_locked()
        QApplication.processEvents()
        locked_login = LoginDialog(vault, officer_id=DEMO_OFFICER_ID, parent=window)
        save(_on_screen(locked_login, window.grab()), "07_locked.png")
        locked_login.close()
    finally:
        session.lock()
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    return saved
