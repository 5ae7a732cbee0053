"""A shared folder (Dropbox, Syncthing, a network share) as the way ledgers travel.

Each reviewer writes one file of their own there; everyone imports the others' files
when they change. The workspace database itself never lives in the shared folder: two
sync tools writing one SQLite file corrupt it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.exchange.ledgerfile import SUFFIX
from claimledger.store import queries
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.sync import SyncReport, SyncVerbs

_SETTING = "sync-folder"
_SEEN = "sync-folder-seen"
_WRITTEN = "sync-folder-written"


@dataclass(frozen=True)
class FolderSync:
    """One pass over the shared folder: our file (None when it was not rewritten), what
    merging the others brought, and the others' signatures ('size:mtime') afterwards, so
    a watcher can tell the next real change from its own echo."""

    written: Path | None
    report: SyncReport = field(default_factory=SyncReport)
    snapshot: dict[str, str] = field(default_factory=dict)
    skipped: bool = False


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
        return FolderSync(own, report, _signatures(own))

    def sync_folder_changes(self, seen: dict[str, str]) -> FolderSync:
        """After the folder changed: merge only the other files whose signature differs
        from `seen`; only if that brought new events, run the full sync (which rewrites
        our file), so two reviewers' apps never wake each other in a loop."""
        own = self.own_sync_file()
        if own is None:
            return FolderSync(None, skipped=True)
        now = _signatures(own)
        changed = [Path(p) for p, sig in now.items() if seen.get(p) != sig]
        if not changed:
            return FolderSync(None, snapshot=now, skipped=True)
        report = self.sync_files(changed)
        if not report.new_events:
            return FolderSync(None, report, now)
        full = self.sync_with_folder()
        full.report.files[:0] = report.files
        return full

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
        return [(Path(path), signature) for path, signature in _signatures(own).items()
                if seen.get(Path(path).name) != signature]

    def _remember(self, files: list[tuple[Path, str]]) -> None:
        if not files:
            return
        with self.db.write() as conn:
            seen = json.loads(queries.setting(conn, _SEEN) or "{}")
            seen.update({p.name: sig for p, sig in files})
            queries.put_setting(conn, _SEEN, json.dumps(seen))


def _signatures(own: Path) -> dict[str, str]:
    """'size:mtime' of every other ledger file in the folder (what a change looks like)."""
    found = {}
    for path in sorted(own.parent.glob(f"*{SUFFIX}*")):
        if path == own or path.name.startswith(".") or not path.is_file():
            continue
        stat = path.stat()
        found[str(path)] = f"{stat.st_size}:{stat.st_mtime_ns}"
    return found
