"""Fixtures for the window tests: a temporary workspace and the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.workspace import Workspace

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(tmp_path / "workspace.sqlite", "Ana Ruiz")
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.app import set_up_application
    from claimledger.ui.main_window import MainWindow

    set_up_application(QApplication.instance())
    win = MainWindow(workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
