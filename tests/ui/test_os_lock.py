"""Locking when the OS locks the screen or suspends: a D-Bus signal (here sent by hand, as
there is no bus in the test environment) locks the vault; no bus means nothing connected
and nothing said; the Windows messages that mean "lock" are recognised."""

from __future__ import annotations

from typing import Any

from fieldapp.storage.vault import Vault
from tests.conftest import FIELD_ID, FIELD_PASS
from tests.ui.conftest import log_in, visible
from ui.os_lock import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    OsLockWatcher,
    windows_message_means_lock,
)


def test_the_screensaver_signal_locks_the_vault(
    qtbot: Any, make_controller: Any, two_officer_vault: Vault
) -> None:
    controller = make_controller(two_officer_vault)
    log_in(controller, FIELD_ID, FIELD_PASS)
    watcher = controller.os_lock
    assert isinstance(watcher, OsLockWatcher)
    session = controller.session

    watcher.on_screensaver(False)  # the screen saver ending never locks
    assert not session.locked
    watcher.on_screensaver(True)

    assert session.locked and controller.main_window.is_locked()
    assert visible(controller.dialog)


def test_suspend_locks_and_resume_does_not(qtbot: Any) -> None:
    watcher = OsLockWatcher()
    with qtbot.waitSignal(watcher.lock_requested, timeout=100):
        watcher.on_prepare_for_sleep(True)
    with qtbot.assertNotEmitted(watcher.lock_requested):
        watcher.on_prepare_for_sleep(False)


def test_without_a_bus_nothing_is_connected_quietly(qtbot: Any) -> None:
    watcher = OsLockWatcher()
    assert watcher.start() == []  # Qt warnings would fail this test


def test_windows_lock_and_suspend_messages() -> None:
    assert windows_message_means_lock(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert not windows_message_means_lock(WM_WTSSESSION_CHANGE, 0x8)  # unlock
    assert windows_message_means_lock(WM_POWERBROADCAST, PBT_APMSUSPEND)
    assert not windows_message_means_lock(WM_POWERBROADCAST, 0x12)  # resume
    assert not windows_message_means_lock(0x0010, 0)
