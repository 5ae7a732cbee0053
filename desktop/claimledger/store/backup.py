"""Automatic backups of a workspace file, and restoring one.

A backup is a complete, self-contained copy (SQLite's online backup API, journal mode
DELETE, so no -wal file belongs to it) in a `backups/` folder next to the database,
named `<db-stem>-YYYYmmdd-HHMMSS-<reason>.sqlite`. It is written under a temp name and
renamed, so a crash never leaves half a backup under a real name. The newest `KEEP`
backups of each workspace are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from claimledger.atomic import fsync_folder
from claimledger.store import migrate

FOLDER = "backups"
KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(RuntimeError):
    """A backup could not be made or a file cannot be restored (the message says why)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: datetime
    reason: str
    size: int


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def list_backups(db_path: Path) -> list[BackupInfo]:
    """This workspace's backups, newest first."""
    folder = backup_folder(db_path)
    pattern = re.compile(rf"{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})-"
                         r"([a-z0-9-]+?)(?:\.(\d+))?\.sqlite")
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if not match or not entry.is_file():
                continue
            when = datetime.strptime(match[1], _STAMP).astimezone()
            stat = entry.stat()
            # within one second, the order they were written in
            order = (when, stat.st_mtime_ns, int(match[3] or 1))
            found.append((order, BackupInfo(entry, when, match[2], stat.st_size)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [info for _, info in found]


def make_backup(db_path: Path, reason: str, *, keep: int = KEEP) -> BackupInfo:
    """Copy the workspace into its backups folder now; older backups beyond `keep` go."""
    db_path = Path(db_path)
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "backup"
    folder = backup_folder(db_path)
    try:
        folder.mkdir(exist_ok=True)
        target = _free_name(folder, db_path.stem, datetime.now().strftime(_STAMP), reason)
        temp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            _copy_database(db_path, temp)
            os.replace(temp, target)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
        fsync_folder(folder)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"Could not back up {db_path.name} into {folder}: "
                          f"{getattr(error, 'strerror', None) or error}.") from None
    for old in list_backups(db_path)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return BackupInfo(target, datetime.now().astimezone(), reason, target.stat().st_size)


def check_workspace_file(path: Path) -> str:
    """The schema revision of a Claim Ledger workspace file this app can open, opened
    read-only; BackupError says plainly why any other file is refused."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise BackupError(f"{path.name} cannot be opened.") from None
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{path.name} is damaged (it fails SQLite's integrity check).")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not {"alembic_version", "event", "article"} <= tables:
            raise BackupError(f"{path.name} is not a Claim Ledger workspace.")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        raise BackupError(f"{path.name} is not a Claim Ledger workspace.") from None
    finally:
        conn.close()
    if not revision or revision[0] not in migrate.KNOWN:
        raise BackupError(f"{path.name} was written by a newer version of Claim Ledger; "
                          "update the app to restore it.")
    return revision[0]


def replace_database(source: Path, db_path: Path) -> None:
    """Make `db_path` a copy of `source`, atomically. Every connection to `db_path` must
    be closed; its write-ahead log is folded in and removed first, so no stale -wal file
    can be replayed into the restored copy."""
    db_path = Path(db_path)
    temp = db_path.with_name(f".{db_path.name}.{secrets.token_hex(6)}.restore.tmp")
    try:
        _copy_database(Path(source), temp)
        if db_path.exists():
            _leave_wal_mode(db_path)
        os.replace(temp, db_path)
        fsync_folder(db_path.parent)
    except sqlite3.OperationalError as error:
        raise BackupError(f"{db_path.name} could not be replaced ({error}); is it open in "
                          "another window?") from None
    except OSError as error:
        raise BackupError(f"{db_path.name} could not be replaced: "
                          f"{error.strerror or error}.") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of `source` (even while others use it) in DELETE journal mode,
    flushed to disk."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _leave_wal_mode(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=2)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise sqlite3.OperationalError("its write-ahead log is still in use")
    finally:
        conn.close()


def _free_name(folder: Path, stem: str, stamp: str, reason: str) -> Path:
    target = folder / f"{stem}-{stamp}-{reason}.sqlite"
    counter = 2
    while target.exists():
        target = folder / f"{stem}-{stamp}-{reason}.{counter}.sqlite"
        counter += 1
    return target
