"""What the window reads from the workspace, read off the GUI thread.

Opening an article reads its text and its whole ledger (seconds for an article of
100,000 statements); the Sources, History and Reviewers tabs read the current claim's
rows. The window asks here and shows the answer when it arrives, so it never waits on
the disk. Requests are kept per slot ("article", "tab"): a newer request replaces one
that has not started yet, and an answer that is no longer the newest for its slot is
dropped. Pressing J fifty times while the History tab shows reads it for the claim the
reviewer stopped on, not fifty times in a row behind the keypresses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from claimledger.ui.kit.background import Runner

LIBRARY_SLOT = "library"  # every article's row (and the retired ones, when shown)
ARTICLE_SLOT = "article"  # the article being opened, with its whole ledger
TAB_SLOT = "tab"  # the inspector tab showing (Sources, History, Reviewers)
DIALOG_SLOT = "dialog"  # what a dialog shows when it opens (Settle, Agreement)
TIP_SLOT = "tip"  # what a tooltip lists (a claim's sources, in the ledger)
COMPARE_SLOT = "compare"  # the texts View ▸ Compare Articles shows
COLLEAGUES_SLOT = "colleagues"  # the reviewers Settings ▸ Colleagues lists


@dataclass
class _Read:
    serial: int
    job: Callable[[], object]
    done: Callable[[object], None]
    failed: Callable[[BaseException], None]


class ReadRunner(QObject):
    """Emits `idle` when the last answer has been shown (tests wait on it)."""

    idle = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self._runner = Runner(window, "Reading")
        self._waiting: dict[str, _Read] = {}
        self._latest: dict[str, int] = {}
        self._serial = 0
        self._stopped = False
        self._running: str | None = None

    @property
    def busy(self) -> bool:
        return self._runner.busy or bool(self._waiting)

    def pending(self, slot: str) -> bool:
        """A read for `slot` is waiting or running."""
        return slot in self._waiting or self._running == slot

    def read(self, slot: str, job: Callable[[], object], done: Callable[[object], None],
             failed: Callable[[BaseException], None]) -> None:
        """Run `job` on the worker, then `done(result)` (or `failed(error)`) on the GUI
        thread, unless a newer read for `slot` was asked for meanwhile."""
        self._serial += 1
        self._latest[slot] = self._serial
        self._waiting.pop(slot, None)
        self._waiting[slot] = _Read(self._serial, job, done, failed)
        self._next()

    def forget(self, slot: str) -> None:
        """Drop the slot's waiting read, and its answer if it is running."""
        self._waiting.pop(slot, None)
        self._latest.pop(slot, None)

    def stop(self) -> None:
        """No more reads; wait for the running one (before the workspace closes)."""
        self._stopped = True
        self._waiting.clear()
        self._runner.wait()

    def resume(self) -> None:
        self._stopped = False

    def _next(self) -> None:
        if self._stopped or self._runner.busy:
            return
        if not self._waiting:
            self.idle.emit()
            return
        slot = next(iter(self._waiting))
        read = self._waiting.pop(slot)
        self._running = slot
        self._runner.start(lambda _progress: read.job(),
                           lambda result: self._answer(slot, read, read.done, result),
                           lambda error: self._answer(slot, read, read.failed, error))

    def _answer(self, slot: str, read: _Read, callback, payload) -> None:
        self._running = None
        try:
            if not self._stopped and self._latest.get(slot) == read.serial:
                del self._latest[slot]
                callback(payload)
        finally:
            self._next()
