"""After a crash the window checks the workspace (PRAGMA quick_check, on a worker) before
the reviewer trusts it: a sound file says so in the status bar, a damaged one says what
SQLite found and offers the backups. Without a crash nothing is checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from test_instance_lock import ABANDON, python
from window_helpers import shown

from claimledger.ui.shell import workspaces
from claimledger.ui.shell.instance_lock import lock_path

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"


@pytest.fixture
def switched(qtbot):
    yield workspaces._windows
    for window in list(workspaces._windows):
        window.close()
        workspaces.release(window)


def _crashed_on(db: Path) -> None:
    """A Claim Ledger that held `db` and died without letting go of it."""
    dead = python(ABANDON, lock_path(db))
    assert dead.wait(timeout=60) == 0 and lock_path(db).exists()


def _damage(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096 * 20)
        handle.write(b"\xde\xad" * 2048)


def _open_after_crash(qtbot, window, db: Path):
    new = workspaces.open_workspace(window, db)
    assert new is not None and new is not window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.crash_check.runner.busy, timeout=60_000)
    return new


def test_a_sound_workspace_after_a_crash_says_it_was_checked(qtbot, window, switched,
                                                            tmp_path):
    db = tmp_path / "desk.sqlite"
    shutil.copy(LEGACY / "v1-workspace.sqlite", db)
    _crashed_on(db)

    new = _open_after_crash(qtbot, window, db)

    assert new.statusBar().currentMessage() == (
        "Claim Ledger did not close properly last time; desk.sqlite was checked and is "
        "sound.")
    assert new.crash_check.message is None


def test_a_damaged_workspace_after_a_crash_offers_the_backups(qtbot, window, switched,
                                                              tmp_path):
    db = tmp_path / "desk.sqlite"
    shutil.copy(LEGACY / "v1-workspace.sqlite", db)
    _damage(db)
    _crashed_on(db)

    new = _open_after_crash(qtbot, window, db)

    box = new.crash_check.message
    assert box is not None and box.isVisible()
    assert box.text().startswith("Claim Ledger did not close properly last time, and "
                                 "desk.sqlite is damaged (PRAGMA quick_check: ")
    assert "\n" not in box.text()
    restore = next(b for b in box.buttons()
                   if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    assert restore.text() == "Restore Backup…"
    restore.click()
    qtbot.waitUntil(lambda: new.backups.backup_dialog is not None, timeout=10_000)
    new.backups.backup_dialog.close()


def test_no_crash_no_check(qtbot, window, switched, tmp_path):
    db = tmp_path / "desk.sqlite"
    shutil.copy(LEGACY / "v1-workspace.sqlite", db)
    assert not lock_path(db).exists()

    new = workspaces.open_workspace(window, db)
    qtbot.addWidget(new)
    shown(qtbot, new)

    assert not new.crash_check.runner.busy and new.crash_check.message is None
    assert "did not close properly" not in new.statusBar().currentMessage()

