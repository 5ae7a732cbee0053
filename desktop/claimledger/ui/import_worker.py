"""Imports run on a worker thread with a cancellable progress dialog.

Files, pasted text and the sample articles all take this one path, so the window stays
responsive and reports every outcome the same way: `finished(ImportReport)`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from claimledger.workspace import ImportCancelled, ImportReport, Workspace, WorkspaceError

SHOW_PROGRESS_AFTER_MS = 300
PASTED = "Pasted text"

Job = Callable[[Callable[[int, int, str], bool]], ImportReport]


class _Signals(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object)
    cancelled = Signal()


class ImportTask(QRunnable):
    """Runs one import job; `cancel()` stops it before anything is written."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._job = job
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            report = self._job(self._progress)
        except ImportCancelled:
            self.signals.cancelled.emit()
            return
        except Exception as error:  # noqa: BLE001 - any failure must reach the user
            report = ImportReport(failures=[("Import", _plain(error))])
        self.signals.done.emit(report)

    def _progress(self, done: int, total: int, what: str) -> bool:
        self.signals.progressed.emit(done, total, what)
        return not self._stop.is_set()


def _plain(error: Exception) -> str:
    if isinstance(error, WorkspaceError):
        return str(error)
    return f"Unexpected error: {error}"


class Importer(QObject):
    """Starts imports for the window; emits finished(report) or cancelled()."""

    finished = Signal(object)
    cancelled = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._window = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._task: ImportTask | None = None
        self._dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def import_files(self, paths: Sequence[Path]) -> None:
        paths = [Path(p) for p in paths]
        self._start(lambda progress: self._workspace.import_files(
            paths, progress=progress, all_or_nothing=False), len(paths))

    def import_text(self, text: str, title: str | None) -> None:
        def job(progress) -> ImportReport:
            progress(0, 1, PASTED)
            try:
                return ImportReport(imported=[self._workspace.import_text(text, title)])
            except WorkspaceError as error:
                return ImportReport(failures=[(PASTED, str(error))])
        self._start(job, 1)

    def cancel_and_wait(self) -> None:
        """Stop a running import (nothing is written) and wait for its thread, on quit."""
        if self._task is not None:
            self._task.cancel()
        self._pool.waitForDone()

    def _start(self, job: Job, total: int) -> None:
        if self.busy:
            return
        self._task = task = ImportTask(job)
        self._dialog = self._progress_dialog(total)
        task.signals.progressed.connect(self._on_progress)
        task.signals.done.connect(self._on_done)
        task.signals.cancelled.connect(self._on_cancelled)
        self._dialog.canceled.connect(task.cancel)
        self._pool.start(task)

    def _progress_dialog(self, total: int) -> QProgressDialog:
        dialog = QProgressDialog("Importing…", "Cancel", 0, max(total, 1), self._window)
        dialog.setWindowTitle("Import")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 1))
        self._dialog.setLabelText(f"Importing {what}…" if what else "Saving…")
        self._dialog.setValue(done)

    def _close(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None
        self._task = None

    def _on_done(self, report: ImportReport) -> None:
        self._close()
        self.finished.emit(report)

    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()
