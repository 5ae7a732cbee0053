"""File ▸ Restore Backup… in the window.

The dialog lists the workspace's backups; after the reviewer confirms, background work
stops (analysis, exports, the shared folder), `workspace.restore_backup` replaces the
file (backing the current state up first) and the workspace opens again in a fresh
window, as a workspace switch does (workspaces.reopen_workspace). If the restore is
refused, the window carries on as before and says why.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from claimledger.ui.dialogs.backup_dialog import BackupDialog, when_words
from claimledger.ui.kit.background import plain
from claimledger.ui.shell.workspaces import reopen_workspace
from claimledger.workspace import BackupInfo, NotAWorkspace, SchemaTooNew, WorkspaceError

RESTORED_MS = 10_000


class BackupMixin:
    """Mixed into MainWindow."""

    backup_dialog: BackupDialog | None = None

    def install_backups(self) -> None:
        self.actions["restore_backup"].triggered.connect(self.open_backups)

    def open_backups(self) -> BackupDialog:
        dialog = BackupDialog(self.workspace.backups(), self)
        dialog.restoreRequested.connect(self.restore_backup)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.backup_dialog = dialog
        dialog.open()
        return dialog

    def restore_backup(self, info: BackupInfo):
        """Go back to `info`; the window now showing the workspace (a new one on success)."""
        self._quiet_for_restore()
        try:
            path = self.workspace.restore_backup(info.path)
        except WorkspaceError as error:
            self._resume_after_refusal()
            QMessageBox.warning(self, "Restore Backup", str(error))
            return self
        try:
            window = reopen_workspace(self, path)
        except (WorkspaceError, SchemaTooNew, NotAWorkspace, OSError) as error:
            QMessageBox.critical(self, "Restore Backup",
                                 f"The backup was restored, but the workspace could not be "
                                 f"opened again: {plain(error)}")
            return self
        window.statusBar().showMessage(
            f"Restored the backup of {when_words(info.when)}. The state before it was "
            "backed up too (File ▸ Restore Backup…).", RESTORED_MS)
        return window

    def _quiet_for_restore(self) -> None:
        """Nothing may use the workspace while its file is replaced."""
        self.inspector.note_editor.commit()
        self.assist_runner.stop()
        self.suggestion_runner.wait()
        if self.importer.busy:
            self.importer.cancel_and_wait()
        runners = (self.pdf_runner, self.ledger_export_runner, self.sync_runner)
        for runner in runners:
            runner.cancel()
        for runner in runners:
            runner.wait()
        self.finish_folder_sync()
        self.unlock_runner.wait()
        self._closing = True  # the old window closes without touching the workspace again

    def _resume_after_refusal(self) -> None:
        self._closing = False
        self.assist_runner.resume()
        self.restart_folder_sync()
