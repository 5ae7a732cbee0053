"""A workspace written by a newer app opens read-only: a yellow banner says why, every
writing action is off, and reading still works."""

from __future__ import annotations

import sqlite3

import pytest
from assist_helpers import snapshot
from PySide6.QtCore import Qt
from window_helpers import HARBOUR, activate, press

from claimledger.domain.status import Status
from claimledger.ui.controllers.context import READ_ONLY_OFF
from claimledger.workspace import Workspace


@pytest.fixture
def newer_workspace(tmp_path):
    path = tmp_path / "newer.sqlite"
    with Workspace(path, "Ana Ruiz") as ws:
        ws.import_files([HARBOUR])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    ws = Workspace(path, "Ana Ruiz")
    assert ws.read_only
    yield ws
    ws.close()


@pytest.fixture
def read_only_window(qtbot, newer_workspace):
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.shell.app import set_up_application
    from claimledger.ui.shell.main_window import MainWindow

    set_up_application(QApplication.instance())
    win = MainWindow(newer_workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.identity_ready, timeout=10_000)
    yield win
    win.close()


def test_banner_and_no_writes_but_reading_works(qtbot, read_only_window, newer_workspace,
                                                artifacts):
    window = read_only_window
    banner = window.read_only.read_only_banner
    assert banner.isVisible()
    assert "Read-only." in banner.label.text()
    assert "newer version of Claim Ledger" in banner.label.text()
    for name in READ_ONLY_OFF:
        assert not window.actions[name].isEnabled(), name
    assert not window.inspector.verdict_page.isEnabled()

    claims = [c for c in newer_workspace.claims(window.article_id) if c.kind == "claim"]
    assert window.ledger_model.total_rows() == len(claims)
    activate(qtbot, window)
    window.ledger_view.setFocus()
    window.review.select_claim(claims[0].id)
    press(qtbot, Qt.Key.Key_J)
    assert window.claim_id == claims[1].id
    press(qtbot, Qt.Key.Key_1)
    assert newer_workspace.claim(claims[1].id).status is Status.UNREVIEWED
    qtbot.waitUntil(lambda: window.assist.assist_ready(), timeout=20_000)
    snapshot(window, artifacts / "read_only_banner.png")
