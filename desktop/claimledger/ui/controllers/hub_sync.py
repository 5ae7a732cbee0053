"""The desk hub at run time: a worker thread keeps this workspace and the hub in step.

The worker (never the GUI thread) runs `workspace.sync_hub()` at start, then waits for a
reason to run it again: the hub's doorbell (LISTEN/NOTIFY, rung by every push), a write
here (ctx.changed wakes it), or POLL_S going by (the pull that catches up any missed
ring). When the hub does not answer it waits BACKOFF_FIRST_S, doubling up to
BACKOFF_MAX_S, and keeps counting what waits to be sent. What a pull merged reaches the
views as every merge does (ctx.changed); a new reviewer gets the trust dialog once.

The status bar says "Desk hub: up to date", "Desk hub: 3 events to send" or
"Desk hub: offline, 37 events to send".
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.ledger_exchange import LedgerFilesController
from claimledger.ui.kit.labels import PlainLabel
from claimledger.workspace import HubOffline, HubSync, WorkspaceError

POLL_S = 30.0
SLICE_S = 0.05
BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 60.0
STOP_WAIT_S = 10.0


class HubWorker(QObject):
    """The loop on its own thread; its signals reach the GUI thread queued."""

    connecting = Signal(str)      # the hub's address, before the first sync
    synced = Signal(object)       # (HubSync, ChangedViews)
    offline = Signal(str, int)    # the one line, events to send
    failed = Signal(str)

    def __init__(self, workspace, article_of) -> None:
        super().__init__()
        self.workspace = workspace
        self._article_of = article_of
        self._wake = threading.Event()
        self._stop = threading.Event()
        self.accept_next = False
        self._thread = threading.Thread(target=self._run, name="claim-ledger-desk-hub",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, *, wait: bool) -> None:
        """Ask the loop to end; with `wait` (on quit, before the workspace closes) let
        a sync under way finish. Without, its last word is not listened to."""
        self._stop.set()
        self._wake.set()
        if wait and self._thread.is_alive():
            self._thread.join(STOP_WAIT_S)

    def _run(self) -> None:
        try:
            address = self.workspace.hub_address()
        except WorkspaceError as error:
            self.failed.emit(str(error))
            return
        if address is None:
            return  # no hub here: nothing to show
        self.connecting.emit(address)
        backoff, bell = BACKOFF_FIRST_S, None
        while not self._stop.is_set():
            try:
                self._sync_once()
                backoff = BACKOFF_FIRST_S
                bell = bell or self.workspace.hub_doorbell()
                self._wait_for_news(bell)
                continue
            except HubOffline as error:
                self.offline.emit(str(error), error.pending)
            except WorkspaceError as error:
                self.failed.emit(str(error))
            except Exception as error:  # noqa: BLE001 - every failure must reach the user
                self.failed.emit(f"Unexpected error: {error}")
            if bell is not None:
                bell.close()
                bell = None
            self._back_off(backoff)
            backoff = min(backoff * 2, BACKOFF_MAX_S)
        if bell is not None:
            bell.close()

    def _sync_once(self) -> None:
        accept, self.accept_next = self.accept_next, False
        self._wake.clear()
        done = self.workspace.sync_hub(accept_new_reviewers=accept)
        views = self.workspace.changed_views(done.changes, self._article_of())
        self.synced.emit((done, views))

    def _wait_for_news(self, bell) -> None:
        """Until the doorbell rings, a write here wakes us, or POLL_S have passed."""
        waited = 0.0
        while waited < POLL_S and not self._stop.is_set() and not self._wake.is_set():
            if bell.wait(SLICE_S):
                return
            waited += SLICE_S

    def _back_off(self, seconds: float) -> None:
        """Wait before trying the hub again; a write here meanwhile only updates the
        count of events to send (it does not hammer a server that is away)."""
        remaining = seconds
        while remaining > 0 and not self._stop.is_set():
            if self._wake.wait(min(remaining, SLICE_S)):
                self._wake.clear()
                try:
                    pending = self.workspace.hub_pending()
                except WorkspaceError:
                    continue
                self.offline.emit("", pending)
            remaining -= SLICE_S


class HubSyncController:
    def __init__(self, ctx: WindowContext, files: LedgerFilesController) -> None:
        self.ctx = ctx
        self.files = files
        self.workspace = ctx.workspace
        self.worker: HubWorker | None = None
        self.last: HubSync | None = None
        self.address: str | None = None
        self._trust_asked: set[tuple[str, ...]] = set()
        self._emitting = False
        self._offline_line = ""
        self.label = PlainLabel(objectName="hubStatus")
        self.label.hide()
        ctx.window.statusBar().addPermanentWidget(self.label)
        ctx.changed.connect(self._wrote_here)

    def start(self) -> None:
        """Once the window shows (never on a read-only workspace)."""
        self.restart()

    def restart(self) -> None:
        """Follow the workspace's hub (Settings calls this after connect or disconnect);
        the worker reads which hub it is, and ends at once if there is none."""
        self._let_go(wait=False)
        self.address = None
        self.label.hide()
        if self.ctx.read_only or self.ctx.closing:
            return
        self.worker = HubWorker(self.workspace, lambda: self.ctx.article_id)
        self.worker.connecting.connect(self._connecting)
        self.worker.synced.connect(self._synced)
        self.worker.offline.connect(self._offline)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def stop(self) -> None:
        """On quit: the worker ends (a sync under way may finish) before the workspace
        closes."""
        self._let_go(wait=True)

    def _let_go(self, *, wait: bool) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        for signal in (worker.connecting, worker.synced, worker.offline, worker.failed):
            signal.disconnect()
        worker.stop(wait=wait)

    def _connecting(self, address: str) -> None:
        self.address = address
        self.label.setText("Desk hub: connecting…")
        self.label.setToolTip(f"Desk hub: {address}")
        self.label.show()

    def _wrote_here(self, _views) -> None:
        if self.worker is not None and not self._emitting:
            self.worker.wake()

    def _synced(self, result) -> None:
        done, views = result
        self.last = done
        if views is not None and not views.changes.empty:
            self._emitting = True
            try:
                self.ctx.changed.emit(views)
            finally:
                self._emitting = False
        self._show(done)
        if done.unknown is not None:
            self._ask_trust(done)

    def _show(self, done: HubSync) -> None:
        self.label.setStyleSheet("")
        tip = [f"Desk hub: {self.address}",
               f"Last sync: {done.pushed:,} sent, {done.pulled:,} merged"] + done.flags
        if done.refused:
            self.label.setText("Desk hub: refused what it served")
            self.label.setStyleSheet("color: #a8437f; font-weight: bold;")
            tip.append(done.refused)
        elif done.unknown is not None:
            names = ", ".join(c.name for c in done.unknown.cards)
            self.label.setText(f"Desk hub: waiting for you to trust {names}")
            tip.append(str(done.unknown))
        elif done.read_only:
            self.label.setText(f"Desk hub: read only (a newer hub), {done.pending:,} events "
                               "to send")
        elif done.pending:
            self.label.setText(f"Desk hub: {done.pending:,} events to send")
        else:
            self.label.setText("Desk hub: up to date")
        self.label.setToolTip("\n".join(tip))
        self.label.show()

    def _offline(self, line: str, pending: int) -> None:
        self._offline_line = line or self._offline_line
        self.label.setText(f"Desk hub: offline, {pending:,} events to send")
        self.label.setStyleSheet("")
        self.label.setToolTip(self._offline_line)
        self.label.show()

    def _failed(self, line: str) -> None:
        self.label.setText("Desk hub: failed")
        self.label.setToolTip(line)
        self.label.show()

    def _ask_trust(self, done: HubSync) -> None:
        key = tuple(sorted(c.id for c in done.unknown.cards))
        if key in self._trust_asked or self.files.trust_dialog is not None:
            return
        self._trust_asked.add(key)
        self.files.ask_trust([done.unknown], lambda _paths: self._trusted())

    def _trusted(self) -> None:
        if self.worker is not None:
            self.worker.accept_next = True
            self.worker.wake()
