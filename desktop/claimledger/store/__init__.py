"""Persistence: sqlmodel tables, the engine and its pragmas, migrations, the event log and
its projections. The only package that speaks SQL."""

from claimledger.store.database import Database, SchemaTooNew

__all__ = ["Database", "SchemaTooNew"]
