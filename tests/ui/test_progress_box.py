"""A job that ends before its progress box appears never leaves the box behind.

The box shows itself after a moment. A job that failed sooner used to have it appear
anyway, during the error's message box, over it, with a dead Cancel button: the window
was locked for good.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from claimledger.ui.kit.background import SHOW_PROGRESS_AFTER_MS, Runner


def test_a_quick_failure_never_shows_the_progress_box_over_its_error(qtbot, window):
    runner = Runner(window, "Import")
    seen = []

    def look_then_close() -> None:
        """Once the box would have shown itself: what is on screen, then OK."""
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen.append(shown)
        for box in [*shown, *window.findChildren(QMessageBox)]:
            box.close()

    def failed(error) -> None:
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS * 3, look_then_close)
        QMessageBox.warning(window, "Import", f"Nothing was imported. {error}")

    def fail(_progress):
        raise OSError(2, "No such file")

    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start(fail, lambda _r: None, failed, progress="Importing…")
    assert seen == [[]]
