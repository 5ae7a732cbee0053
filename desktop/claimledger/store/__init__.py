"""Persistence: sqlmodel tables, the engine and its pragmas, migrations, the event log and
its projections. The only package that speaks SQL."""

from claimledger.store.backup import BackupError, BackupInfo
from claimledger.store.database import (
    Database,
    DatabaseBusy,
    DatabaseFault,
    NotAWorkspace,
    ReadOnlyDatabase,
    SchemaTooNew,
)

__all__ = ["BackupError", "BackupInfo", "Database", "DatabaseBusy", "DatabaseFault",
           "NotAWorkspace",
           "ReadOnlyDatabase", "SchemaTooNew"]
