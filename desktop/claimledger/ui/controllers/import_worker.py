"""Imports run on a worker thread with a cancellable progress dialog.

Files, pasted text and the sample articles all take this one path, so the window stays
responsive and reports every outcome the same way: `finished(ImportReport)` or
`cancelled()`. The thread, progress and cancel come from `background.Runner`, as for
every other long verb. Files dropped while an import runs wait for it, in order, rather
than being lost; Cancel stops the waiting ones too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from claimledger.ui.kit.background import Job, Runner, plain
from claimledger.workspace import ChangedViews, ImportReport, Workspace, WorkspaceError

PASTED = "Pasted text"


class Importer(QObject):
    """Starts imports for the window; emits finished(report) or cancelled()."""

    finished = Signal(object)
    cancelled = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = Runner(parent, "Import")
        #: What the last import changed, read in its worker for the window to apply.
        self.views: ChangedViews | None = None
        #: Imports asked for while one ran, oldest first.
        self.waiting: list[Job] = []

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def import_files(self, paths: Sequence[Path]) -> None:
        paths = [Path(p) for p in paths]
        self._start(lambda progress: self._workspace.import_files(
            paths, progress=progress, all_or_nothing=False))

    def import_text(self, text: str, title: str | None) -> None:
        def job(progress) -> ImportReport:
            progress(0, 1, PASTED)
            try:
                return ImportReport(imported=[self._workspace.import_text(text, title)])
            except WorkspaceError as error:
                return ImportReport(failures=[(PASTED, str(error))])
        self._start(job)

    def cancel_and_wait(self) -> None:
        """Stop a running import (nothing is written) and wait for its thread, on quit."""
        self.waiting.clear()
        self._runner.cancel()
        self._runner.wait()

    def _start(self, job: Job) -> None:
        if self._runner.busy:
            self.waiting.append(job)
            return
        workspace = self._workspace

        def importing(progress):
            report = job(progress)
            return report, workspace.changed_views(report.changes, None)

        self._runner.start(importing, self._done, self._failed, self._cancelled,
                           progress="Importing…",
                           label=lambda what: f"Importing {what}…" if what else "Saving…")

    def _done(self, outcome: tuple[ImportReport, ChangedViews]) -> None:
        report, self.views = outcome
        self.finished.emit(report)
        QTimer.singleShot(0, self._next)

    def _failed(self, error: BaseException) -> None:
        self.views = None
        self.finished.emit(ImportReport(failures=[("Import", plain(error))]))
        QTimer.singleShot(0, self._next)

    def _cancelled(self) -> None:
        self.waiting.clear()
        self.cancelled.emit()

    def _next(self) -> None:
        if self.waiting and not self._runner.busy:
            self._start(self.waiting.pop(0))
