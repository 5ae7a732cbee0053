"""What creating a workspace file puts on the disk, so that it can be taken away again.

A command that would create a workspace (a first import or sync) but stores nothing in
it, because it was refused, must leave the disk as it found it: no empty SQLite file,
no -wal or -shm beside it, no backups folder, no folders made to hold it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from claimledger.store.backup import backup_folder

#: The files SQLite keeps beside a database while it is open (or after a crash).
SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Footprint:
    """The disk around a workspace file before it existed: taken by `before_creating`,
    restored by `remove`. Nothing that existed before is ever removed."""

    db_path: Path
    missing_folders: tuple[Path, ...]  # the folders creating it will make, deepest first
    existing: frozenset[Path]          # files that were there already
    had_backups: bool                  # the backups folder beside it existed

    @classmethod
    def before_creating(cls, db_path: Path) -> Footprint:
        db_path = Path(db_path).absolute()
        missing = []
        folder = db_path.parent
        while not folder.exists() and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        existing = {path for path in _own_files(db_path) if path.exists()}
        backups = backup_folder(db_path)
        with contextlib.suppress(OSError):
            existing.update(backups.iterdir())
        return cls(db_path, tuple(missing), frozenset(existing), backups.is_dir())

    def remove(self) -> None:
        """Remove what was made since `before_creating`; call it once the file is closed."""
        backups = backup_folder(self.db_path)
        made = [path for path in _own_files(self.db_path) if path not in self.existing]
        with contextlib.suppress(OSError):
            made += [path for path in backups.iterdir() if path not in self.existing
                     and path.name.lstrip(".").startswith(f"{self.db_path.stem}-")]
        for path in made:
            with contextlib.suppress(OSError):  # gone already, or never made
                path.unlink()
        folders = self.missing_folders if self.had_backups else (backups, *self.missing_folders)
        for folder in folders:
            with contextlib.suppress(OSError):  # not empty: someone else's files are there
                folder.rmdir()


def _own_files(db_path: Path) -> list[Path]:
    return [db_path, *(db_path.with_name(db_path.name + suffix) for suffix in SIDECARS)]
