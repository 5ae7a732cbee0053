"""The shared folder at run time: write our ledger file there, merge the others'.

When the workspace has a sync folder, `workspace.sync_with_folder()` runs on a worker at
start, every two minutes (the fallback that always runs), and about a second after the
folder changes (QFileSystemWatcher), when `workspace.sync_folder_changes()` merges only
the files that changed (the workspace decides what changed, once). On quit our file is
written once more, synchronously (a local file write). New reviewers get the trust
dialog once per file until answered; the status bar shows "Synced 14:02" or
"Sync: 1 file refused".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QTimer

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.ledger_exchange import LedgerFilesController
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.labels import PlainLabel
from claimledger.workspace import ChangedViews, FolderSync, UnknownReviewers, WorkspaceError

POLL_MS = 2 * 60 * 1000
DEBOUNCE_MS = 1000


class FolderSyncController:
    def __init__(self, ctx: WindowContext, files: LedgerFilesController) -> None:
        self.ctx = ctx
        self.files = files
        self.workspace = ctx.workspace
        window = ctx.window
        self.folder_outcome: FolderSync | None = None
        self.folder_runner = Runner(window, "Shared folder")
        self._folder_seen: dict[str, str] = {}
        self._trust_asked: set[tuple[str, tuple[str, ...]]] = set()
        self._folder_again = False
        self.folder_timer = QTimer(window, interval=POLL_MS)
        self.folder_timer.timeout.connect(self.sync_folder_now)
        self.folder_debounce = QTimer(window, singleShot=True, interval=DEBOUNCE_MS)
        self.folder_debounce.timeout.connect(self.folder_changed)
        self.folder_watcher = QFileSystemWatcher(window)
        self.folder_watcher.directoryChanged.connect(lambda _p: self.folder_debounce.start())
        self.folder_watcher.fileChanged.connect(lambda _p: self.folder_debounce.start())
        self.sync_label = PlainLabel(objectName="syncStatus")
        self.sync_label.hide()
        window.statusBar().addPermanentWidget(self.sync_label)
        ctx.actions["sync_folder"].triggered.connect(self.sync_folder_now)
        ctx.actions["sync_folder"].setEnabled(False)

    def start(self) -> None:
        """Once the window shows (never on a read-only workspace)."""
        self.restart_folder_sync()

    def restart_folder_sync(self) -> None:
        """Follow the workspace's sync folder (Settings calls this after a change)."""
        if self.ctx.read_only or self.ctx.closing:
            return
        folder = self.workspace.sync_folder()
        watched = self.folder_watcher.directories() + self.folder_watcher.files()
        if watched:
            self.folder_watcher.removePaths(watched)
        self._folder_seen = {}
        self.ctx.actions["sync_folder"].setEnabled(folder is not None)
        if folder is None:
            self.folder_timer.stop()
            self.sync_label.hide()
            return
        if folder.is_dir():
            self.folder_watcher.addPath(str(folder))
        self.sync_label.setText("Syncing…")
        self.sync_label.setToolTip(f"Shared folder: {folder}")
        self.sync_label.show()
        self.folder_timer.start()
        self.sync_folder_now()

    def sync_folder_now(self) -> None:
        """The full sync (start, timer, F5)."""
        self._start_folder_job(lambda workspace: workspace.sync_with_folder())

    def folder_changed(self) -> None:
        """The watcher's debounced wake-up."""
        seen = dict(self._folder_seen)
        self._start_folder_job(lambda workspace: workspace.sync_folder_changes(seen))

    def _start_folder_job(self, sync) -> None:
        """Run `sync(workspace) -> FolderSync | None` on the folder's worker, and read
        what its merge changed there too."""
        if self.ctx.closing or self.workspace.sync_folder() is None:
            return
        if self.folder_runner.busy:
            self._folder_again = True
            return
        workspace, article = self.workspace, self.ctx.article_id

        def job(_progress):
            outcome = sync(workspace) or FolderSync(None, skipped=True)
            return outcome, workspace.changed_views(outcome.report.changes, article)

        self.folder_runner.start(job, self._folder_synced, self._folder_failed)

    def _folder_synced(self, result: tuple[FolderSync, ChangedViews]) -> None:
        outcome, views = result
        self.folder_outcome = outcome
        if outcome.snapshot:
            self._folder_seen = outcome.snapshot
            self._watch_files(outcome.snapshot)
        if not outcome.skipped or outcome.report.files:
            self.files.merged(outcome.report, views)
            self._show_folder_state(outcome)
            self._ask_trust_for_folder(outcome.report.unknown)
        self._run_again_if_asked()

    def _folder_failed(self, error: BaseException) -> None:
        self.sync_label.setText("Sync: failed")
        self.sync_label.setToolTip(f"The shared folder could not be synced:\n{plain(error)}")
        self.sync_label.show()
        self._run_again_if_asked()

    def _run_again_if_asked(self) -> None:
        if self._folder_again:
            self._folder_again = False
            self.folder_changed()

    def _watch_files(self, files: dict[str, str]) -> None:
        missing = [p for p in files if p not in self.folder_watcher.files()]
        if missing:
            self.folder_watcher.addPaths(missing)

    def _show_folder_state(self, outcome: FolderSync) -> None:
        report = outcome.report
        refused = len(report.failures) + len({e.path for e in report.unknown})
        when = datetime.now().strftime("%H:%M")
        lines = []
        if outcome.written:
            lines.append(f"Your file: {outcome.written}")
        lines += [f"{f.path.name}: {f.new_events} new events" for f in report.files]
        lines += [f"{Path(p).name}: refused. {why}" for p, why in report.failures]
        lines += [f"{e.path.name}: waiting for you to trust "
                  + ", ".join(c.name for c in e.cards) for e in report.unknown]
        if refused:
            self.sync_label.setText(f"Sync: {refused} file{'' if refused == 1 else 's'} "
                                    "refused")
            self.sync_label.setStyleSheet("color: #a8437f; font-weight: bold;")
        else:
            self.sync_label.setText(f"Synced {when}")
            self.sync_label.setStyleSheet("")
        self.sync_label.setToolTip("\n".join([f"Last sync {when}", *lines]))
        self.sync_label.show()
        if report.new_events:
            self.ctx.window.statusBar().showMessage("Shared folder: " + ", ".join(
                f"{f.path.name}: {f.new_events} new events" for f in report.files
                if f.new_events), 10_000)

    def _ask_trust_for_folder(self, unknown: list[UnknownReviewers]) -> None:
        fresh = []
        for error in unknown:
            key = (str(error.path), tuple(sorted(c.id for c in error.cards)))
            if key not in self._trust_asked:
                self._trust_asked.add(key)
                fresh.append(error)
        if fresh and self.files.trust_dialog is None:
            self.files.ask_trust(fresh, self._trust_folder_files)
        elif fresh:
            for error in fresh:  # a dialog is open: ask again at the next sync
                self._trust_asked.discard((str(error.path),
                                           tuple(sorted(c.id for c in error.cards))))

    def _trust_folder_files(self, paths: list[Path]) -> None:
        self.files.import_ledger_files(paths, accept=True)

    def stop(self) -> None:
        """On quit: stop the timers, let a running sync end, write our file once more."""
        self.folder_timer.stop()
        self.folder_debounce.stop()
        self.folder_runner.wait()
        own = self.workspace.own_sync_file() if self.workspace.sync_folder() else None
        if own is None:
            return
        try:
            self.workspace.export_ledger(own)
        except WorkspaceError:
            pass  # the folder went away; the next start writes it again
