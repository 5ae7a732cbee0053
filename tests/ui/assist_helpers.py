"""Helpers for the assisted-review window tests (imported by name, like window_helpers)."""

from __future__ import annotations

from pathlib import Path

from window_helpers import import_through_window

DAM_A = """Dam repairs approved

The regional water board approved the repair of the Kessel Dam on Monday.

The board said the repairs will cost one million dollars and take two years.

Residents downstream welcomed the decision.
"""

DAM_B = """Water board backs Kessel Dam fix

Repairs to the Kessel Dam were approved by the regional water board on Monday.

According to the board, fixing the dam will cost $1,000,000 over two years.

Some farmers said the work was long overdue.
"""

CLINIC_A = """Clinic waits grow

The clinic treated 1,240 patients in March, the health board said.
"""

CLINIC_B = """Clinic numbers fall

The clinic treated 980 patients in March, according to the health board.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def wait_for_analysis(qtbot, window, timeout: int = 20_000) -> None:
    """Until the open article's suggestions and matches arrived and no job is left."""
    qtbot.waitUntil(lambda: window.assist.assist_ready() and not window.assist.runner.pending(),
                    timeout=timeout)


def import_and_analyse(qtbot, window, paths) -> None:
    import_through_window(qtbot, window, paths)
    wait_for_analysis(qtbot, window)


def claim_with(window, words: str):
    return next(c for c in window.ledger_model.all_claims() if words in c.text)


def shown_claims(window) -> list:
    model = window.ledger_model
    model.ensure_loaded(model.total_rows())
    return [model.claim_at(r) for r in range(model.total_rows())]


def snapshot(widget, path: Path) -> None:
    """Save a screenshot once pending layout requests have been handled."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    widget.grab().save(str(path))
