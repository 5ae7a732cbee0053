"""The signing key at start-up: unlocked off the GUI thread; without a secure keyring the
reviewer is told plainly and asked before a 0600 key file is used."""

from __future__ import annotations

import stat

import keyring
import keyring.backends.null
import pytest
from exchange_helpers import shot

from claimledger.workspace import Workspace


@pytest.fixture
def no_keyring(monkeypatch):
    monkeypatch.delenv("CLAIM_LEDGER_ALLOW_FILE_KEY", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.null.Keyring())
    yield
    keyring.set_keyring(previous)


def open_window(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.shell.app import set_up_application
    from claimledger.ui.shell.main_window import MainWindow

    set_up_application(QApplication.instance())
    win = MainWindow(workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_in_memory_keyring_unlocks_at_start(qtbot, window, workspace):
    assert window.identity_ready
    assert workspace.identity is not None
    assert workspace.identity.fingerprint in window.reviewer_label.toolTip()
    assert window.statusBar().currentMessage() != "Unlocking your signing key…"


def test_no_secure_keyring_asks_then_uses_a_0600_key_file(qtbot, tmp_path, no_keyring,
                                                         artifacts):
    config = tmp_path / "config"
    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz", config_dir=config) as workspace:
        win = open_window(qtbot, workspace)
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        dialog = win.identity.key_dialog
        assert dialog.reason.text().startswith("No secure keyring is available on this system")
        assert "only your user account can read" in dialog.explanation.text()
        assert dialog.use_file.text() == "Use a key file"
        assert dialog.not_now.text() == "Not now"
        assert not win.identity_ready
        assert not win.actions["mark_sourced"].isEnabled()
        assert not win.actions["settle"].isEnabled()
        qtbot.waitExposed(dialog)
        shot(dialog, artifacts / "key_file_dialog.png")

        dialog.use_file.click()
        qtbot.waitUntil(lambda: win.identity_ready, timeout=10_000)
        identity = workspace.identity
        assert identity is not None
        key_file = config / "keys" / f"{identity.id}.key"
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert "readable only by you" in identity.key_location
        win.close()


def test_not_now_keeps_writes_off_and_offers_the_link(qtbot, tmp_path, no_keyring):
    from claimledger.domain.status import Status

    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz",
                   config_dir=tmp_path / "config") as workspace:
        win = open_window(qtbot, workspace)
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        win.identity.key_dialog.not_now.click()
        assert win.identity.key_dialog is None
        assert win.identity.key_link.isVisible()
        assert not win.identity_ready
        win.ctx.claim_id = "anything"
        win.review.mark(Status.SOURCED)  # refused on the GUI thread, never reaching the keyring
        assert "signing key" in win.statusBar().currentMessage()
        assert workspace.identity is None
        win.close()
