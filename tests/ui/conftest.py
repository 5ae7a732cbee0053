"""Fixtures for the window tests: a temporary workspace and the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.workspace import Workspace

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path_factory):
    """Each test starts with empty QSettings (theme, recent workspaces, reviewer name)."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(tmp_path / "workspace.sqlite", "Ana Ruiz")
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.shell.app import set_up_application
    from claimledger.ui.shell.main_window import MainWindow

    set_up_application(QApplication.instance())
    win = MainWindow(workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    # The signing key is unlocked on a worker once the window shows; writes wait for it.
    qtbot.waitUntil(lambda: win.identity_ready, timeout=10_000)
    # The article it reopens is read on a worker too.
    qtbot.waitUntil(lambda: not win.reads.busy, timeout=10_000)
    yield win
    win.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
