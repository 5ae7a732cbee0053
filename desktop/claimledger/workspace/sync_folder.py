"""A shared folder (Dropbox, Syncthing, a network share) as the way ledgers travel.

Each reviewer writes one file of their own there; everyone imports the others' files
when they change. The workspace database itself never lives in the shared folder: two
sync tools writing one SQLite file corrupt it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from claimledger.store import queries
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.sync import SyncReport, SyncVerbs

SUFFIX = ".cledger"
_SETTING = "sync-folder"
_SEEN = "sync-folder-seen"
_WRITTEN = "sync-folder-written"


@dataclass(frozen=True)
class FolderSync:
    written: Path
    report: SyncReport


class SyncFolderVerbs(SyncVerbs):
    def sync_folder(self) -> Path | None:
        with self.db.read() as conn:
            value = queries.setting(conn, _SETTING)
        return Path(value) if value else None

    def set_sync_folder(self, folder: Path | str | None) -> None:
        """Choose (or with None, stop using) the shared folder."""
        if folder is None:
            with self.db.write() as conn:
                queries.put_setting(conn, _SETTING, "")
            return
        folder = Path(folder).expanduser().resolve()
        if not folder.is_dir():
            raise WorkspaceError(f"{folder} is not a folder.")
        if self.path.resolve().is_relative_to(folder):
            raise WorkspaceError("The workspace database is inside that folder; a sync tool "
                                 "would corrupt it. Keep the database elsewhere and share "
                                 "only ledger files.")
        with self.db.write() as conn:
            queries.put_setting(conn, _SETTING, str(folder))

    def own_sync_file(self) -> Path | None:
        """This reviewer's file in the shared folder; None until a folder is chosen and the
        reviewer has an identity (its id is part of the name, so it must be stable)."""
        folder = self.sync_folder()
        if folder is None or self.identity is None:
            return None
        slug = re.sub(r"[^a-z0-9]+", "-", self.reviewer_name.lower()).strip("-") or "reviewer"
        return folder / f"{slug}-{self.reviewer_id[:8]}{SUFFIX}"

    def sync_with_folder(self, *, accept_new_reviewers: bool = False) -> FolderSync | None:
        """Write this reviewer's file, then import every other file that changed since the
        last time (sync tools' conflict copies included: merging them is harmless)."""
        if self.sync_folder() is None:
            return None
        self.unlock()
        own = self.own_sync_file()
        self._write_own_file(own)
        changed = self._changed_files(own)
        report = self.sync_files([p for p, _ in changed],
                                 accept_new_reviewers=accept_new_reviewers)
        failed = {p for p, _ in report.failures} | {u.path for u in report.unknown}
        self._remember([(p, sig) for p, sig in changed if p not in failed])
        return FolderSync(own, report)

    def _write_own_file(self, own: Path) -> None:
        """Rewrite our file only when the log grew, so two reviewers' apps watching the
        folder never wake each other in a loop."""
        with self.db.read() as conn:
            mark = str(queries.event_count(conn))
            written = queries.setting(conn, _WRITTEN)
        if written == f"{own.name}:{mark}" and own.exists():
            return
        self.export_ledger(own)
        with self.db.write() as conn:
            queries.put_setting(conn, _WRITTEN, f"{own.name}:{mark}")

    def _changed_files(self, own: Path) -> list[tuple[Path, str]]:
        with self.db.read() as conn:
            seen = json.loads(queries.setting(conn, _SEEN) or "{}")
        changed = []
        for path in sorted(own.parent.glob(f"*{SUFFIX}*")):
            if path == own or not path.is_file() or path.name.startswith("."):
                continue
            stat = path.stat()
            signature = f"{stat.st_size}:{stat.st_mtime_ns}"
            if seen.get(path.name) != signature:
                changed.append((path, signature))
        return changed

    def _remember(self, files: list[tuple[Path, str]]) -> None:
        if not files:
            return
        with self.db.write() as conn:
            seen = json.loads(queries.setting(conn, _SEEN) or "{}")
            seen.update({p.name: sig for p, sig in files})
            queries.put_setting(conn, _SEEN, json.dumps(seen))
