"""The use cases: one verb per user action. ui/ and cli.py call these and nothing below.

Each writing verb runs in one transaction and returns `Changes`, so views refresh only
what changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimledger.domain.records import Changes, Kind
from claimledger.exchange.ledgerfile import SUFFIX as LEDGER_SUFFIX
from claimledger.store import NotAWorkspace, SchemaTooNew
from claimledger.store.footprint import Footprint
from claimledger.workspace.assist import ANALYSIS_VERSION, AssistVerbs
from claimledger.workspace.backups import BackupInfo, BackupVerbs
from claimledger.workspace.claims import ClaimVerbs
from claimledger.workspace.consensus import (
    AgreementReport,
    Consensus,
    ConsensusVerbs,
    ReviewerVerdict,
)
from claimledger.workspace.desk import DeskVerbs, KeyRotation, ReviewerInfo
from claimledger.workspace.errors import (
    Ambiguous,
    KeyStorageRefused,
    NotFound,
    WorkspaceBusy,
    WorkspaceError,
)
from claimledger.workspace.evidence import EvidenceVerbs
from claimledger.workspace.exporting import PAPERS, ExportCancelled, ExportVerbs, PdfExport
from claimledger.workspace.hub import HubError, HubOffline, HubStatus, HubSync, HubVerbs
from claimledger.workspace.importing import ImportCancelled, ImportReport, ImportVerbs
from claimledger.workspace.library import LibraryVerbs
from claimledger.workspace.publishing import AnnotationImport, FormatExport, PublishingVerbs
from claimledger.workspace.reading import ReadVerbs
from claimledger.workspace.reasons import ReasonVerbs
from claimledger.workspace.refresh import ChangedViews, OpenLedger, RefreshVerbs
from claimledger.workspace.reviewing import ReviewVerbs
from claimledger.workspace.revisions import (
    ChangedWording,
    ClaimAnchoring,
    RevisionReport,
    RevisionVerbs,
)
from claimledger.workspace.stored_evidence import StoredEvidenceVerbs, StoredFile
from claimledger.workspace.sync import SyncReport, UnknownReviewers
from claimledger.workspace.sync_folder import FolderSync, SyncFolderVerbs

__all__ = [
    "ANALYSIS_VERSION",
    "AnnotationImport",
    "ChangedWording",
    "KeyRotation",
    "ReviewerInfo",
    "ClaimAnchoring",
    "RevisionReport",
    "StoredFile",
    "FormatExport",
    "AgreementReport",
    "BackupInfo",
    "Consensus",
    "ReviewerVerdict",
    "FolderSync",
    "HubError",
    "HubOffline",
    "HubStatus",
    "HubSync",
    "KeyStorageRefused",
    "SyncReport",
    "UnknownReviewers",
    "Ambiguous",
    "Changes",
    "ExportCancelled",
    "ImportCancelled",
    "ImportReport",
    "NotAWorkspace",
    "NotFound",
    "PAPERS",
    "PdfExport",
    "SchemaTooNew",
    "Workspace",
    "opened_for_one_command",
    "WorkspaceBusy",
    "WorkspaceError",
    "Kind",
    "LEDGER_SUFFIX",
    "ChangedViews",
    "OpenLedger",
]


class Workspace(RevisionVerbs, ImportVerbs, AssistVerbs, ConsensusVerbs, ReviewVerbs, ClaimVerbs,
                StoredEvidenceVerbs, EvidenceVerbs, LibraryVerbs, SyncFolderVerbs, HubVerbs,
                PublishingVerbs, ExportVerbs, ReasonVerbs, ReadVerbs, BackupVerbs,
                RefreshVerbs, DeskVerbs):
    """One open workspace (a SQLite file) as one reviewer sees it."""


@contextmanager
def opened_for_one_command(path: Path, reviewer_name: str, **options) -> Iterator[Workspace]:
    """The workspace at `path` for one command, created if it does not exist yet.

    A workspace this creates is taken away again (file, -wal, -shm, backups, the folders
    made for it) if the command leaves no event in it, refused or not: a refused first
    import or sync leaves the disk as it found it.
    """
    footprint = None if Path(path).exists() else Footprint.before_creating(path)
    unused = footprint is not None
    try:
        with Workspace(path, reviewer_name, **options) as workspace:
            try:
                yield workspace
            finally:
                unused = unused and not _holds_events(workspace)
    finally:
        if unused:
            footprint.remove()


def _holds_events(workspace: Workspace) -> bool:
    try:
        return workspace.holds_events()
    except Exception:  # cannot tell: keep the file, it may hold someone's work
        return True
