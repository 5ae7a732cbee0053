"""The shared folder at run time: write our ledger file there, merge the others'.

When the workspace has a sync folder, `workspace.sync_with_folder()` runs on a worker at
start, every two minutes (the fallback that always runs), and about a second after the
folder changes (QFileSystemWatcher). A watcher wake-up first merges only the other
files that changed, and writes our own file only when that brought new events, so two
reviewers' apps never wake each other in a loop. On quit our file is written once more,
synchronously (a local file write). New reviewers get the trust dialog once per file
until answered; the status bar shows "Synced 14:02" or "Sync: 1 file refused".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QTimer
from PySide6.QtWidgets import QLabel

from claimledger.ui.controllers.ledger_exchange import sync_keeping_cards
from claimledger.ui.kit.background import Runner, plain
from claimledger.workspace import SyncReport, UnknownReviewers, WorkspaceError

POLL_MS = 2 * 60 * 1000
DEBOUNCE_MS = 1000
SUFFIX = ".cledger"


@dataclass
class FolderOutcome:
    written: Path | None = None
    report: SyncReport = field(default_factory=SyncReport)
    unknown: list[UnknownReviewers] = field(default_factory=list)
    snapshot: dict[str, str] = field(default_factory=dict)
    skipped: bool = False


def snapshot(own: Path) -> dict[str, str]:
    """'size:mtime' of every other ledger file in the folder (what a change looks like)."""
    found = {}
    for path in sorted(own.parent.glob(f"*{SUFFIX}*")):
        if path == own or path.name.startswith(".") or not path.is_file():
            continue
        stat = path.stat()
        found[str(path)] = f"{stat.st_size}:{stat.st_mtime_ns}"
    return found


def full_sync(workspace) -> FolderOutcome:
    """sync_with_folder; files waiting for new reviewers to be trusted come back whole."""
    done = workspace.sync_with_folder()
    if done is None:
        return FolderOutcome(skipped=True)
    return FolderOutcome(done.written, done.report, done.report.unknown,
                         snapshot(done.written))


def changed_sync(workspace, before: dict[str, str]) -> FolderOutcome:
    """After a folder change: merge the other files that changed; only if that brought new
    events, run the full sync (which rewrites our file for the others)."""
    own = workspace.own_sync_file()
    if own is None:
        return FolderOutcome(skipped=True)
    now = snapshot(own)
    changed = [Path(p) for p, sig in now.items() if before.get(p) != sig]
    if not changed:
        return FolderOutcome(snapshot=now, skipped=True)
    report, unknown = sync_keeping_cards(workspace, changed, False)
    if report.new_events:
        outcome = full_sync(workspace)
        outcome.report.files[:0] = report.files
        return outcome
    return FolderOutcome(None, report, unknown, now)


class FolderSyncMixin:
    """Mixed into MainWindow."""

    folder_outcome: FolderOutcome | None = None

    def _install_folder_sync(self) -> None:
        self.folder_runner = Runner(self, "Shared folder")
        self._folder_seen: dict[str, str] = {}
        self._trust_asked: set[tuple[str, tuple[str, ...]]] = set()
        self._folder_again = False
        self.folder_timer = QTimer(self, interval=POLL_MS)
        self.folder_timer.timeout.connect(self.sync_folder_now)
        self.folder_debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.folder_debounce.timeout.connect(self.folder_changed)
        self.folder_watcher = QFileSystemWatcher(self)
        self.folder_watcher.directoryChanged.connect(lambda _p: self.folder_debounce.start())
        self.folder_watcher.fileChanged.connect(lambda _p: self.folder_debounce.start())
        self.sync_label = QLabel(objectName="syncStatus")
        self.sync_label.hide()
        self.statusBar().addPermanentWidget(self.sync_label)
        self.actions["sync_folder"].triggered.connect(self.sync_folder_now)
        self.actions["sync_folder"].setEnabled(False)

    def restart_folder_sync(self) -> None:
        """Follow the workspace's sync folder (Settings calls this after a change)."""
        folder = self.workspace.sync_folder()
        watched = self.folder_watcher.directories() + self.folder_watcher.files()
        if watched:
            self.folder_watcher.removePaths(watched)
        self._folder_seen = {}
        self.actions["sync_folder"].setEnabled(folder is not None)
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
        self._start_folder_job(lambda _p, ws=self.workspace: full_sync(ws))

    def folder_changed(self) -> None:
        """The watcher's debounced wake-up."""
        seen = dict(self._folder_seen)
        self._start_folder_job(lambda _p, ws=self.workspace: changed_sync(ws, seen))

    def _start_folder_job(self, job) -> None:
        if getattr(self, "_closing", False) or self.workspace.sync_folder() is None:
            return
        if self.folder_runner.busy:
            self._folder_again = True
            return
        self.folder_runner.start(job, self._folder_synced, self._folder_failed)

    def _folder_synced(self, outcome: FolderOutcome) -> None:
        self.folder_outcome = outcome
        if outcome.snapshot:
            self._folder_seen = outcome.snapshot
            self._watch_files(outcome.snapshot)
        if not outcome.skipped or outcome.report.files:
            if outcome.report.new_events:
                self.reload_after_merge()
            self._show_folder_state(outcome)
            self._ask_trust_for_folder(outcome.unknown)
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

    def _show_folder_state(self, outcome: FolderOutcome) -> None:
        report = outcome.report
        refused = len(report.failures) + len({e.path for e in outcome.unknown})
        when = datetime.now().strftime("%H:%M")
        lines = []
        if outcome.written:
            lines.append(f"Your file: {outcome.written}")
        lines += [f"{f.path.name}: {f.new_events} new events" for f in report.files]
        lines += [f"{Path(p).name}: refused. {why}" for p, why in report.failures]
        lines += [f"{e.path.name}: waiting for you to trust "
                  + ", ".join(c.name for c in e.cards) for e in outcome.unknown]
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
            self.statusBar().showMessage("Shared folder: " + ", ".join(
                f"{f.path.name}: {f.new_events} new events" for f in report.files
                if f.new_events), 10_000)

    def _ask_trust_for_folder(self, unknown: list[UnknownReviewers]) -> None:
        fresh = []
        for error in unknown:
            key = (str(error.path), tuple(sorted(c.id for c in error.cards)))
            if key not in self._trust_asked:
                self._trust_asked.add(key)
                fresh.append(error)
        if fresh and self.trust_dialog is None:
            self.ask_trust(fresh, self._trust_folder_files)
        elif fresh:
            for error in fresh:  # a dialog is open: ask again at the next sync
                self._trust_asked.discard((str(error.path),
                                           tuple(sorted(c.id for c in error.cards))))

    def _trust_folder_files(self, paths: list[Path]) -> None:
        self.import_ledger_files(paths, accept=True)

    def finish_folder_sync(self) -> None:
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
