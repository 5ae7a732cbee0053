"""Work off the GUI thread: one job at a time per runner, with progress and cancel.

A job is a plain callable taking a `progress(done, total, label) -> bool` callback (False
means "stop"); its result, its error or its cancellation comes back to the GUI thread as
a signal. The runner owns the optional progress dialog, so every long verb (the PDF,
ledger files, sync, unlocking the key) reports the same way the article import does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from claimledger.workspace import ExportCancelled, ImportCancelled, WorkspaceError

SHOW_PROGRESS_AFTER_MS = 300
Progress = Callable[[int, int, str], bool]
Job = Callable[[Progress], object]
CANCELLED = (ExportCancelled, ImportCancelled)


class _Signals(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._job = job
        self._stop = threading.Event()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except CANCELLED:
            self.signals.cancelled.emit()
            return
        except Exception as error:  # noqa: BLE001 - every failure must reach the user
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(result)

    def _progress(self, done: int, total: int, label: str = "") -> bool:
        self.signals.progressed.emit(done, total, label)
        return not self._stop.is_set()


class Runner(QObject):
    """Runs one job at a time and calls back on the GUI thread; emits finished() after
    the callback, whatever the outcome (tests wait on it)."""

    finished = Signal()

    def __init__(self, window: QWidget, title: str = "") -> None:
        super().__init__(window)
        self._window = window
        self.title = title
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None
        self.was_cancelled = False
        self._callbacks: tuple = (None, None, None)
        self._label: Callable[[str], str] = lambda label: label

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, job: Job, on_done: Callable[[object], None],
              on_failed: Callable[[BaseException], None] | None = None,
              on_cancelled: Callable[[], None] | None = None, *,
              progress: str | None = None,
              label: Callable[[str], str] | None = None) -> bool:
        """Run `job`; with `progress`, show a cancellable dialog with that text. A job that
        returns after Cancel still reaches `on_done` (with `was_cancelled` set). False if a
        job is already running."""
        if self.busy:
            return False
        self.task = task = Task(job)
        self.was_cancelled = False
        self._label = label or (lambda text: text)
        if progress is not None:
            self.dialog = self._progress_dialog(progress)
            self.dialog.canceled.connect(self.cancel)
        self._callbacks = (on_done, on_failed, on_cancelled)
        task.signals.progressed.connect(self._on_progress)
        task.signals.done.connect(self._on_done)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        self._pool.start(task)
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.was_cancelled = True
            self.task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the running job ends (on quit); True if it did."""
        return self._pool.waitForDone(msecs)

    def _progress_dialog(self, text: str) -> QProgressDialog:
        dialog = QProgressDialog(text, "Cancel", 0, 0, self._window)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setMinimumWidth(380)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog

    def _on_progress(self, done: int, total: int, label: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))  # a modal dialog runs events here,
        if label and self.dialog is dialog:  # where the job may have finished
            dialog.setLabelText(self._label(label))

    def _on_done(self, result: object) -> None:
        self._finish(self._callbacks[0], result)

    def _on_failed(self, error: BaseException) -> None:
        self._finish(self._callbacks[1], error)

    def _on_cancelled(self) -> None:
        self._finish(self._callbacks[2])

    def _finish(self, callback, *payload) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            # reset() stops the dialog's show-after-a-moment timer: a job that ends before
            # the dialog appeared must never have it appear later, over the answer.
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.task = None
        try:
            if callback is not None:
                callback(*payload)
        finally:
            self.finished.emit()


def plain(error: BaseException) -> str:
    """A message for the reviewer: a workspace error as it is, anything else labelled."""
    if isinstance(error, WorkspaceError):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.strerror or error}."
    return f"Unexpected error: {error}"
