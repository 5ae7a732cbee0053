"""Backup verbs: the automatic backups of this workspace, and going back to one.

Backups are made before every schema upgrade (store/database.py), before every ledger
import that brings new events (workspace/sync.py) and before a restore, into `backups/`
next to the workspace file; the newest ten are kept (store/backup.py).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from claimledger.store import Database, backup
from claimledger.store.backup import BackupError, BackupInfo
from claimledger.workspace.base import WorkspaceBase, _Guarded
from claimledger.workspace.errors import WorkspaceError

__all__ = ["BackupInfo", "BackupVerbs", "forget_backup", "take_backup"]


class BackupVerbs(WorkspaceBase):
    def backups(self) -> list[BackupInfo]:
        """This workspace's backups, newest first."""
        return backup.list_backups(self.path)

    def back_up(self, reason: str = "manual") -> BackupInfo:
        """Make a backup now (the automatic ones happen by themselves)."""
        return take_backup(self, reason)

    def restore_backup(self, path: Path | str) -> Path:
        """Replace this workspace's file with the backup at `path` and close the workspace.

        The backup is checked first (read-only: a Claim Ledger workspace this app can
        open, not damaged) and the current state is itself backed up ("before-restore"),
        so a restore can be undone by restoring that. Afterwards this object is closed:
        the caller opens `Workspace(returned path, ...)` again (an older backup is then
        upgraded as usual). Raises WorkspaceError, leaving everything as it was, when the
        file is refused or the workspace is open in another window.
        """
        source = Path(path)
        try:
            backup.check_workspace_file(source)
        except BackupError as error:
            raise WorkspaceError(f"Cannot restore {source.name}: {error}") from None
        if source.resolve() == self.path.resolve():
            raise WorkspaceError("That is the workspace itself, not a backup of it.")
        with self._lock:
            take_backup(self, "before-restore", even_read_only=True)
            self.db.close()
            try:
                backup.replace_database(source, self.path)
            except BackupError as error:
                self.db = _Guarded(Database(self.path, allow_newer=True))
                raise WorkspaceError(f"{error} The workspace is unchanged; close other "
                                     "windows on it and try again.") from None
            self.db = _Closed(self.path)
        return self.path


def take_backup(workspace: WorkspaceBase, reason: str, *, even_read_only: bool = False
                ) -> BackupInfo:
    """Back the workspace up now, or raise WorkspaceError saying why it could not be."""
    if workspace.read_only and not even_read_only:
        raise WorkspaceError(workspace.read_only_reason)
    try:
        return backup.make_backup(workspace.path, reason)
    except BackupError as error:
        raise WorkspaceError(f"{error} Nothing was changed.") from None


def forget_backup(info: BackupInfo | None) -> None:
    """Remove a backup the change it guarded turned out not to need (the change was
    refused, so the workspace is as the backup has it), and its folder if now empty."""
    if info is None:
        return
    with contextlib.suppress(OSError):
        info.path.unlink()
    with contextlib.suppress(OSError):  # not empty: other backups are kept
        info.path.parent.rmdir()


class _Closed:
    """Stands in for the database after a restore: every use says to reopen."""

    read_only = True

    def __init__(self, path: Path) -> None:
        self.read_only_reason = (f"{path.name} was replaced by a backup; open the "
                                 "workspace again.")

    def close(self) -> None:
        pass

    def refuse_if_read_only(self) -> None:
        raise WorkspaceError(self.read_only_reason)

    def write(self):
        self.refuse_if_read_only()

    read = rollback_only = write
