"""The use cases: one verb per user action. ui/ and cli.py call these and nothing below.

Each writing verb runs in one transaction and returns `Changes`, so views refresh only
what changed.
"""

from __future__ import annotations

from claimledger.domain.records import Changes
from claimledger.workspace.errors import Ambiguous, NotFound, WorkspaceError
from claimledger.workspace.importing import ImportCancelled, ImportReport, ImportVerbs
from claimledger.workspace.reading import ReadVerbs
from claimledger.workspace.reviewing import ReviewVerbs

__all__ = [
    "Ambiguous",
    "Changes",
    "ImportCancelled",
    "ImportReport",
    "NotFound",
    "Workspace",
    "WorkspaceError",
]


class Workspace(ImportVerbs, ReviewVerbs, ReadVerbs):
    """One open workspace (a SQLite file) as one reviewer sees it."""
