"""The signing key at start-up: unlocked off the GUI thread; without a secure keyring the
reviewer is told plainly and asked before a 0600 key file is used."""

from __future__ import annotations

import stat

import keyring
import keyring.backends.null
import pytest
from exchange_helpers import shot
from PySide6.QtWidgets import QLabel
from window_helpers import HARBOUR, shown

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
        assert "only your user account can read" in dialog.explanation.text()
        assert dialog.where.text() == str(config / "keys")
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "keyring.backends" not in texts and "--allow-file-key" not in texts
        assert dialog.use_file.text() == "Keep the key in a file"
        assert dialog.read_only.text() == "Continue read-only"
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


def test_read_only_keeps_writes_off_and_offers_the_link(qtbot, tmp_path, no_keyring):
    from claimledger.domain.status import Status

    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz",
                   config_dir=tmp_path / "config") as workspace:
        win = open_window(qtbot, workspace)
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        win.identity.key_dialog.read_only.click()
        assert win.identity.key_dialog is None
        assert win.identity.key_link.isVisible()
        assert not win.identity_ready
        win.ctx.claim_id = "anything"
        win.review.mark(Status.SOURCED)  # refused on the GUI thread, never reaching the keyring
        assert "signing key" in win.statusBar().currentMessage()
        assert workspace.identity is None
        win.close()


def test_the_answer_is_remembered_for_the_window_and_the_command_line(qtbot, tmp_path,
                                                                       no_keyring):
    """Read-only is remembered: the next start asks nothing and says why writing is off.
    A key file, once chosen, is what the command line uses too, for the same reviewer."""
    config = tmp_path / "config"
    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz", config_dir=config) as workspace:
        win = open_window(qtbot, workspace)
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        win.identity.key_dialog.read_only.click()
        qtbot.waitUntil(lambda: workspace.key_storage_choice == "read-only", timeout=10_000)
        win.close()
    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz", config_dir=config) as workspace:
        win = open_window(qtbot, workspace)
        qtbot.waitUntil(lambda: win.identity.key_link.isVisible(), timeout=10_000)
        assert win.identity.key_dialog is None
        assert win.statusBar().currentMessage().startswith("Read only: you chose")
        win.identity.key_link.linkActivated.emit("unlock")
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        win.identity.key_dialog.use_file.click()
        qtbot.waitUntil(lambda: win.identity_ready, timeout=10_000)
        assert workspace.key_storage_choice == "file"
        fingerprint = workspace.identity.fingerprint
        win.close()
    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz", config_dir=config) as again:
        assert again.unlock().fingerprint == fingerprint


def test_importing_without_a_key_asks_once_then_imports(qtbot, tmp_path, no_keyring):
    """Read-only at first; an import then asks for the key in words (never a stuck
    progress box or a command-line flag), and carries on once it is there."""
    config = tmp_path / "config"
    with Workspace(tmp_path / "ws.sqlite", "Ana Ruiz", config_dir=config) as workspace:
        win = open_window(qtbot, workspace)
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        win.identity.key_dialog.read_only.click()
        qtbot.waitUntil(lambda: win.identity.key_dialog is None, timeout=10_000)

        win.import_paths([HARBOUR])
        qtbot.waitUntil(lambda: win.identity.key_dialog is not None, timeout=10_000)
        dialog = win.identity.key_dialog
        purpose = dialog.findChild(QLabel, "purpose")
        assert purpose is not None and purpose.text().startswith("To import")
        assert not win.importer.busy and workspace.articles() == []
        with qtbot.waitSignal(win.importer.finished, timeout=20_000):
            dialog.use_file.click()
        shown(qtbot, win)
        assert [a.title for a in workspace.articles()] != []
        assert win.article_id == workspace.articles()[0].id
        win.close()
