"""The use cases: one verb per user action. ui/ and cli.py call these and nothing below.

Each writing verb runs in one transaction and returns `Changes`, so views refresh only
what changed.
"""

from __future__ import annotations

from claimledger.domain.records import Changes, Kind
from claimledger.exchange.ledgerfile import SUFFIX as LEDGER_SUFFIX
from claimledger.store import NotAWorkspace, SchemaTooNew
from claimledger.workspace.assist import ANALYSIS_VERSION, AssistVerbs
from claimledger.workspace.backups import BackupInfo, BackupVerbs
from claimledger.workspace.claims import ClaimVerbs
from claimledger.workspace.consensus import (
    AgreementReport,
    Consensus,
    ConsensusVerbs,
    ReviewerVerdict,
)
from claimledger.workspace.errors import (
    Ambiguous,
    KeyStorageRefused,
    NotFound,
    WorkspaceBusy,
    WorkspaceError,
)
from claimledger.workspace.evidence import EvidenceVerbs
from claimledger.workspace.exporting import PAPERS, ExportCancelled, ExportVerbs, PdfExport
from claimledger.workspace.importing import ImportCancelled, ImportReport, ImportVerbs
from claimledger.workspace.library import LibraryVerbs
from claimledger.workspace.reading import ReadVerbs
from claimledger.workspace.reasons import ReasonVerbs
from claimledger.workspace.refresh import ChangedViews, RefreshVerbs
from claimledger.workspace.reviewing import ReviewVerbs
from claimledger.workspace.sync import SyncReport, UnknownReviewers
from claimledger.workspace.sync_folder import FolderSync, SyncFolderVerbs

__all__ = [
    "ANALYSIS_VERSION",
    "AgreementReport",
    "BackupInfo",
    "Consensus",
    "ReviewerVerdict",
    "FolderSync",
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
    "WorkspaceBusy",
    "WorkspaceError",
    "Kind",
    "LEDGER_SUFFIX",
    "ChangedViews",
]


class Workspace(ImportVerbs, AssistVerbs, ConsensusVerbs, ReviewVerbs, ClaimVerbs,
                EvidenceVerbs, LibraryVerbs, SyncFolderVerbs, ExportVerbs, ReasonVerbs, ReadVerbs,
                BackupVerbs, RefreshVerbs):
    """One open workspace (a SQLite file) as one reviewer sees it."""
