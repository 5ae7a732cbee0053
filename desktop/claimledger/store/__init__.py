"""Persistence: sqlmodel tables, the engine and its pragmas, migrations, the event log and
its projections. The only package that speaks SQL."""

from claimledger.store.database import Database, NotAWorkspace, SchemaTooNew

__all__ = ["Database", "NotAWorkspace", "SchemaTooNew"]
