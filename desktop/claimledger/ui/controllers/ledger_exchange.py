"""Ledger files in and out: File ▸ Export Ledger…, Import Ledger…, and dropped .cledger files.

Export and import run on a worker with a cancellable progress dialog. A file from a
reviewer never seen here opens the trust dialog (name and key fingerprint) and nothing
of it is merged unless the user trusts them; a damaged, tampered or re-keyed file is
refused whole, with one message naming it and why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QVBoxLayout,
)

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.pdf_export import file_stem
from claimledger.ui.dialogs.export_pdf_dialog import ScopeBox
from claimledger.ui.dialogs.trust_dialog import TrustDialog, reviewer_rows
from claimledger.ui.kit import preferences
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.messages import tell
from claimledger.workspace import LEDGER_SUFFIX as SUFFIX
from claimledger.workspace import ChangedViews, SyncReport, UnknownReviewers

LEDGER_FILTER = "Ledger files (*.cledger);;All files (*)"
FOLDER_KEY = "ledger/folder"
SUMMARY_MS = 15_000


#: Who takes a merge's refused files, (path, why) each, instead of a message box.
Refusals = Callable[[list[tuple[Path, str]]], None]


def is_ledger_file(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX


def progress_words(label: str) -> str:
    if label.startswith("checking "):
        return f"Checking the signatures in {label.removeprefix('checking ')}…"
    return f"Merging {label}…"


def summary_line(report: SyncReport) -> str:
    """'ben.cledger: 42 new events; cy.cledger: nothing new'."""
    parts = []
    for item in report.files:
        count = item.new_events
        news = f"{count} new event{'' if count == 1 else 's'}" if count else "nothing new"
        trusted = "".join(f", trusted {name}" for name, _print in item.new_reviewers)
        parts.append(f"{item.path.name}: {news}{trusted}")
    return "; ".join(parts)


def reason(path: Path, why: str) -> str:
    """Why a file was refused, without its name (a ledger file's error names it first)."""
    return why.removeprefix(f"{path.name}: ")


def failure_text(failures: list[tuple[Path, str]]) -> tuple[str, str]:
    """(headline, details) for the one message box about refused files."""
    failures = [(Path(path).name, reason(Path(path), why)) for path, why in failures]
    if len(failures) == 1:
        name, why = failures[0]
        return f"Nothing was imported from {name}.", why
    names = ", ".join(name for name, _ in failures)
    return (f"Nothing was imported from {names}.",
            "\n\n".join(f"{name}: {why}" for name, why in failures))


class LedgerScopeDialog(QDialog):
    def __init__(self, current_title: str | None, article_count: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Ledger")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(PlainLabel("A ledger file carries your verdicts, notes and sources, "
                                    "signed with your key, for a colleague to merge.",
                                    wordWrap=True))
        self.scope = ScopeBox(current_title, article_count, "article")
        layout.addWidget(self.scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


class LedgerFilesController:
    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx
        self.window = window = ctx.window
        self.trust_dialog: TrustDialog | None = None
        self.ledger_scope_dialog: LedgerScopeDialog | None = None
        self.sync_runner = Runner(window, "Import Ledger")
        #: Ledger files given while a merge ran: (paths, reviewers trusted, then).
        self.waiting: list[tuple[list[Path], bool, Refusals | None]] = []
        self.ledger_export_runner = Runner(window, "Export Ledger")
        ctx.actions["import_ledger"].triggered.connect(self.choose_ledger_files)
        ctx.actions["export_ledger"].triggered.connect(self.export_ledger)

    def stop(self) -> None:
        """On quit or restore: cancel running imports and exports and let them end."""
        for runner in (self.ledger_export_runner, self.sync_runner):
            runner.cancel()
        for runner in (self.ledger_export_runner, self.sync_runner):
            runner.wait()

    def merged(self, report: SyncReport, views: ChangedViews | None) -> None:
        """Other reviewers' events arrived (here or through the shared folder)."""
        if views is not None and not views.changes.empty:
            self.ctx.changed.emit(views)

    # -- export -------------------------------------------------------------------------

    def export_ledger(self) -> None:
        if not self.ctx.summaries:
            self.window.statusBar().showMessage("Import an article first; there is nothing to "
                                         "export yet.", 5000)
            return
        current = self.ctx.summaries.get(self.ctx.article_id or "")
        dialog = LedgerScopeDialog(current.title if current else None, len(self.ctx.summaries),
                                   self.window)
        dialog.accepted.connect(lambda: self._choose_ledger_file(dialog.scope.whole_workspace))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.ledger_scope_dialog = dialog
        dialog.open()

    def _choose_ledger_file(self, whole: bool) -> None:
        ids = None if whole or not self.ctx.article_id else [self.ctx.article_id]
        stem = file_stem(self.ctx.workspace.reviewer_name, "ledger")
        if ids:
            stem += "-" + file_stem(self.ctx.summaries[ids[0]].title, "article", 40)
        store = preferences.store()
        folder = Path(store.value(FOLDER_KEY, str(Path.home()), str))
        chosen, _ = QFileDialog.getSaveFileName(self.window, "Export Ledger",
                                                str(folder / f"{stem}{SUFFIX}"), LEDGER_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        store.setValue(FOLDER_KEY, str(path.parent))
        self.start_ledger_export(path, ids)

    def start_ledger_export(self, path: Path, article_ids: list[str] | None) -> None:
        workspace = self.ctx.workspace
        self.ledger_export_runner.start(
            lambda _progress: workspace.export_ledger(path, article_ids),
            self._ledger_written,
            lambda error: tell(self.window, "Export Ledger", f"{path.name} could not be written.",
                               details=plain(error)),
            progress=f"Writing {path.name}…")

    def _ledger_written(self, done) -> None:
        events = f"{done.events} event{'' if done.events == 1 else 's'}"
        people = f"{done.reviewers} reviewer{'' if done.reviewers == 1 else 's'}"
        self.window.statusBar().showMessage(f"Exported {done.path.name}: {events} by {people}.",
                                     SUMMARY_MS)

    # -- import -------------------------------------------------------------------------

    def choose_ledger_files(self) -> None:
        store = preferences.store()
        folder = store.value(FOLDER_KEY, str(Path.home()), str)
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import Ledger", folder, LEDGER_FILTER)
        if paths:
            store.setValue(FOLDER_KEY, str(Path(paths[0]).parent))
            self.import_ledger_files([Path(p) for p in paths])

    def import_ledger_files(self, paths: list[Path], accept: bool = False,
                            then: Refusals | None = None) -> bool:
        """Merge ledger files on a worker; files given while a merge runs wait for it
        (False then), and are merged next, in order. `then(refusals)`, when given, takes
        the refused files instead of a message box of their own (a drop of articles and
        ledger files says it all in one message)."""
        if self.sync_runner.busy:
            self.waiting.append((paths, accept, then))
            names = ", ".join(p.name for p in paths)
            self.window.statusBar().showMessage(
                f"{names} will be merged when the ledger import running now ends.", 5000)
            return False
        workspace, article = self.ctx.workspace, self.ctx.article_id

        def merge(progress):
            report = workspace.sync_files(paths, accept_new_reviewers=accept,
                                          progress=progress)
            return report, workspace.changed_views(report.changes, article)

        return self.sync_runner.start(
            merge, lambda outcome: self._ledgers_merged(outcome, then),
            lambda error: self._merge_failed(paths, error, then),
            progress="Importing ledger files…", label=progress_words)

    def _merge_failed(self, paths: list[Path], error: BaseException,
                      then: Refusals | None) -> None:
        QTimer.singleShot(0, self._merge_next)
        if then is not None:
            then([(path, plain(error)) for path in paths])
            return
        tell(self.window, "Import Ledger", "The ledger files could not be imported.",
             details=plain(error))

    def _merge_next(self) -> None:
        if self.waiting and not self.sync_runner.busy:
            self.import_ledger_files(*self.waiting.pop(0))

    def _ledgers_merged(self, outcome: tuple[SyncReport, ChangedViews],
                        then: Refusals | None = None) -> None:
        QTimer.singleShot(0, self._merge_next)
        report, views = outcome
        unknown = report.unknown
        cancelled = self.sync_runner.was_cancelled
        self.merged(report, views)
        self.report_merge(report, cancelled, then)
        if unknown and not cancelled:
            self.ask_trust(unknown, lambda paths: self.import_ledger_files(paths, accept=True))

    def report_merge(self, report: SyncReport, cancelled: bool = False,
                     then: Refusals | None = None) -> None:
        """After files were merged: status summary, clock warnings, refusals (to `then`,
        when given)."""
        line = summary_line(report)
        if cancelled:
            line = ("Import cancelled" + (f" after {line}" if line else "; nothing was "
                                          "imported") + ".")
        if line:
            self.window.statusBar().showMessage(line, SUMMARY_MS)
        flags = [flag for item in report.files for flag in item.flags]
        failures = [(p, why) for p, why in report.failures
                    if not (cancelled and "cancelled" in why)]
        if then is not None:
            then(failures)
            failures = []
        if failures:
            headline, details = failure_text(failures)
            tell(self.window, "Import Ledger", headline, details=details)
        elif flags:
            tell(self.window, "Import Ledger", "Imported, with warnings.",
                 QMessageBox.Icon.Information, details="\n".join(flags), modal=False)

    # -- trust --------------------------------------------------------------------------

    def ask_trust(self, unknown: list[UnknownReviewers], on_trust) -> TrustDialog:
        """One dialog for every new reviewer of these files; `on_trust(paths)` merges
        them again with acceptance."""
        rows: dict[str, tuple[str, str]] = {}
        for error in unknown:
            for name, print_ in reviewer_rows(error.cards):
                rows.setdefault(print_, (name, print_))
        paths = list(dict.fromkeys(error.path for error in unknown))
        warnings = list(dict.fromkeys(w for error in unknown for w in error.clashes))
        dialog = TrustDialog(paths, list(rows.values()), self.window, warnings)
        dialog.accepted.connect(lambda: on_trust(paths))
        dialog.rejected.connect(lambda: self.window.statusBar().showMessage(
            "Not imported: " + ", ".join(p.name for p in paths) + " (reviewer not trusted).",
            SUMMARY_MS))
        dialog.finished.connect(lambda _result: self._forget_trust_dialog(dialog))
        self.trust_dialog = dialog
        dialog.open()
        return dialog

    def _forget_trust_dialog(self, dialog: TrustDialog) -> None:
        if self.trust_dialog is dialog:
            self.trust_dialog = None
        dialog.deleteLater()
