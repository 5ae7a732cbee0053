"""Articles nobody has read yet (a big sync, an upgrade) are analysed in the background
once the window is up; quitting never waits for that pass."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from claimledger.store import analysis
from claimledger.workspace import ANALYSIS_VERSION

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _pending(workspace) -> list[str]:
    with workspace.db.read() as conn:
        return analysis.pending_articles(conn, ANALYSIS_VERSION)


def _window(qtbot, workspace):
    from claimledger.ui.shell.app import set_up_application
    from claimledger.ui.shell.main_window import MainWindow

    set_up_application(QApplication.instance())
    win = MainWindow(workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_unread_articles_are_analysed_after_the_window_opens(qtbot, workspace):
    workspace.import_files(sorted(SAMPLES.glob("*.txt")), analyse=False)
    assert len(_pending(workspace)) == 2
    win = _window(qtbot, workspace)
    qtbot.waitUntil(lambda: not _pending(workspace), timeout=30_000)
    qtbot.waitUntil(lambda: not win.assist.catch_up_runner.busy, timeout=10_000)


def test_closing_during_the_pass_cancels_it(qtbot, workspace):
    workspace.import_files(sorted(SAMPLES.glob("*")), analyse=False)
    win = _window(qtbot, workspace)
    win.close()  # returns: the pass was told to stop and its worker has ended
    assert win.assist.catch_up_runner.wait(0)
