"""One window per workspace: a lock file next to the database (`<db>.lock`).

A second Claim Ledger on the same workspace is refused with the other process named. A
lock left by a process that is gone (a crash, a power cut) is taken over: Qt checks the
recorded process id, and `setStaleLockTime(0)` means age alone never makes a lock stale.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger("claimledger.lock")


class WorkspaceInUse(Exception):
    """Another process holds the workspace; str() is one sentence for the reviewer."""

    def __init__(self, message: str, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid


def lock_path(db: Path) -> Path:
    return Path(str(Path(db)) + ".lock")


def lock_left_behind(db: Path) -> bool:
    """A lock file is there. Asked before `lock_workspace`: if that then succeeds, the
    lock was left by a process that is gone, and the workspace is checked."""
    return lock_path(db).exists()


def lock_workspace(db: Path) -> QLockFile | None:
    """Hold the workspace's lock (keep the returned object; `unlock()` it on close).

    Raises WorkspaceInUse when a live process holds it. Returns None, without a lock,
    when no lock file can be written there (a read-only folder): opening the workspace
    then says what is wrong, or works read-only as before.
    """
    lock = QLockFile(str(lock_path(db)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        log.info("locked %s", lock_path(db))
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        raise WorkspaceInUse(_in_use_message(db, lock), _holder_pid(lock))
    log.warning("no lock for %s (%s)", db, lock.error().name)
    return None


def _holder(lock: QLockFile) -> tuple[int, str, str] | None:
    info = lock.getLockInfo()
    if isinstance(info, tuple) and len(info) == 3:
        return int(info[0]), str(info[1]), str(info[2])
    return None


def _holder_pid(lock: QLockFile) -> int | None:
    holder = _holder(lock)
    return holder[0] if holder else None


def _in_use_message(db: Path, lock: QLockFile) -> str:
    holder = _holder(lock)
    if holder is None:
        who = "another Claim Ledger"
    else:
        pid, host, app = holder
        who = f"another Claim Ledger (process {pid}"
        who += f", {app}" if app else ""
        who += f" on {host})" if host else ")"
    return (f"{Path(db).name} is already open in {who}. Switch to that window, or close it "
            f"and try again.")
