"""Every write of the window goes through here, off the GUI thread (Anki's CollectionOp).

A write is a workspace verb returning `Changes` (or a tuple ending in them). The runner
queues writes and runs them one at a time, in order, on one worker; in the same worker it
reads the rows the change names (`workspace.changed_views`), so the GUI thread only
applies them. While another program holds the workspace's write lock the window stays
responsive: after a moment the status bar says what it waits for, the verb is retried
until a deadline, and then refused in one sentence with nothing changed.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from claimledger.domain.records import Changes
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.kit.background import Runner, plain
from claimledger.workspace import ChangedViews, WorkspaceBusy

WAITING_AFTER_MS = 400
GIVE_UP_AFTER_S = 30.0
WAITING = "Waiting for the workspace: another program is writing to it…"


@dataclass
class _Write:
    verb: Callable[[], object]
    done: Callable[[object, ChangedViews], None] | None
    failed: Callable[[BaseException], None] | None
    initiator: object


class WriteRunner(QObject):
    """`busy` while a write runs or waits its turn (tests and the bench wait on it)."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._runner = Runner(ctx.window, "Saving")
        self._queue: deque[_Write] = deque()
        self._slow = QTimer(self, singleShot=True, interval=WAITING_AFTER_MS)
        self._slow.timeout.connect(lambda: self._ctx.say(WAITING, 0))
        self.give_up_after = GIVE_UP_AFTER_S

    @property
    def busy(self) -> bool:
        return self._runner.busy or bool(self._queue)

    def run(self, verb: Callable[[], object],
            done: Callable[[object, ChangedViews], None] | None = None,
            failed: Callable[[BaseException], None] | None = None,
            initiator: object = None) -> bool:
        """Queue `verb`; False (after saying why) when writing is not possible now."""
        if self._ctx.writes_locked():
            return False
        self._queue.append(_Write(verb, done, failed, initiator))
        self._next()
        return True

    def finish(self) -> None:
        """On quit or restore: let the running write end, then make the queued ones here
        (the window is going; nothing of the reviewer's may be lost)."""
        self._runner.wait()
        while self._queue:
            write = self._queue.popleft()
            try:
                write.verb()
            except Exception as error:  # noqa: BLE001 - reported, the rest still saved
                self._ctx.say(plain(error), 8000)

    def _next(self) -> None:
        if self._runner.busy or not self._queue:
            return
        write = self._queue.popleft()
        workspace, article = self._ctx.workspace, self._ctx.article_id
        deadline = time.monotonic() + self.give_up_after

        def job(_progress):
            result = _retrying(write.verb, deadline)
            changes = _changes_of(result).started_by(write.initiator)
            return result, workspace.changed_views(changes, article)

        self._slow.start()
        self._runner.start(job, lambda outcome: self._finish(write, *outcome),
                           lambda error: self._fail(write, error))

    def _finish(self, write: _Write, result: object, views: ChangedViews) -> None:
        self._settle()
        if not views.changes.empty:
            self._ctx.changed.emit(views)
        if write.done is not None:
            write.done(result, views)
        self._ctx.update_write_actions()
        self._next()

    def _fail(self, write: _Write, error: BaseException) -> None:
        self._settle()
        if write.failed is not None:
            write.failed(error)
        else:
            self._ctx.say(plain(error), 8000)
        self._ctx.update_write_actions()
        self._next()

    def _settle(self) -> None:
        self._slow.stop()
        if self._ctx.window.statusBar().currentMessage() == WAITING:
            self._ctx.window.statusBar().clearMessage()



def _retrying(verb: Callable[[], object], deadline: float) -> object:
    """Call `verb`, again while the workspace stays busy, until `deadline`."""
    while True:
        try:
            return verb()
        except WorkspaceBusy:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _changes_of(result: object) -> Changes:
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple) and result and isinstance(result[-1], Changes):
        return result[-1]
    return Changes()
