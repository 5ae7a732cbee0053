"""Two reviewers for the exchange tests: Ana in the window, Ben in a workspace of his own
(his own database and config folder; the suite's in-memory keyring serves both)."""

from __future__ import annotations

from pathlib import Path

from window_helpers import HARBOUR, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.workspace import Workspace


def ben_workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ben.sqlite", "Ben Ode", config_dir=tmp_path / "ben-config")


def real_claims(window, count: int = 2) -> list[str]:
    """The ids of the first `count` statements that are claims (not captions, credits)."""
    claims = [c.id for c in window.ledger_model.all_claims() if c.kind == "claim"]
    return claims[:count]


def ana_and_ben(qtbot, window, tmp_path) -> tuple[Workspace, list[str], Path]:
    """Ana (the window) marks two claims sourced; Ben marks the first disputed with a
    reason and a note, the second sourced, and exports his ledger to ben.cledger."""
    import_through_window(qtbot, window, [HARBOUR])
    first, second = real_claims(window)
    for claim_id in (first, second):
        window.review.select_claim(claim_id)
        window.review.mark(Status.SOURCED)
        settle(qtbot, window)
    ben = ben_workspace(tmp_path)
    ben.import_files([HARBOUR])
    ben.mark(first, Status.DISPUTED, reason="Contradicted by the record",
             note="The inspection report says 4.2, not 5.1.")
    ben.mark(second, Status.SOURCED)
    path = tmp_path / "ben.cledger"
    ben.export_ledger(path)
    return ben, [first, second], path


def open_files_returning(monkeypatch, paths) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def save_file_returning(monkeypatch, path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def shot(widget, path: Path) -> None:
    """Let pending layouts settle, then save a screenshot of `widget`."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    widget.grab().save(str(path))
