"""File ▸ Restore Backup… in the window.

The dialog lists the workspace's backups; after the reviewer confirms, background work
stops (analysis, exports, the shared folder), `workspace.restore_backup` replaces the
file (backing the current state up first) and the window asks to be opened again on it
(`reopen`, given by the shell, as a workspace switch does). If the restore is refused,
the window carries on as before and says why.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.dialogs.backup_dialog import BackupDialog, when_words
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.messages import shown
from claimledger.workspace import BackupInfo, NotAWorkspace, SchemaTooNew, WorkspaceError

RESTORED_MS = 10_000


class BackupController:
    """`quiet()` stops the window's background work and `resume()` starts it again;
    `reopen(window, path)` opens the restored file in a fresh window (the shell's)."""

    def __init__(self, ctx: WindowContext, quiet, resume, reopen) -> None:
        self.ctx = ctx
        self._quiet, self._resume, self._reopen = quiet, resume, reopen
        self.backup_dialog: BackupDialog | None = None
        self.runner = Runner(ctx.window, "Restore Backup")
        ctx.actions["restore_backup"].triggered.connect(self.open_backups)

    def open_backups(self) -> BackupDialog:
        dialog = BackupDialog(self.ctx.workspace.backups(), self.ctx.window)
        dialog.restoreRequested.connect(self.restore_backup)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.backup_dialog = dialog
        dialog.open()
        return dialog

    def restore_backup(self, info: BackupInfo) -> None:
        """Go back to `info`: the copy runs on a worker (a workspace can be a gigabyte);
        then a fresh window opens on it. `runner.finished` says it is over."""
        self._quiet()
        workspace = self.ctx.workspace
        self.runner.start(lambda _progress: workspace.restore_backup(info.path),
                          lambda path: self._restored(info, path), self._refused,
                          progress="Restoring the backup…")

    def _refused(self, error: BaseException) -> None:
        self._resume()
        QMessageBox.warning(self.ctx.window, "Restore Backup", shown(plain(error)))

    def _restored(self, info: BackupInfo, path):
        window = self.ctx.window
        try:
            fresh = self._reopen(window, path)
        except (WorkspaceError, SchemaTooNew, NotAWorkspace, OSError) as error:
            QMessageBox.critical(window, "Restore Backup",
                                 shown(f"The backup was restored, but the workspace could not be "
                                 f"opened again: {plain(error)}"))
            return window
        fresh.statusBar().showMessage(
            f"Restored the backup of {when_words(info.when)}. The state before it was "
            "backed up too (File ▸ Restore Backup…).", RESTORED_MS)
        return fresh
