"""Check the central promise of the event log: the projections are exactly the replay."""

from __future__ import annotations

from sqlalchemy import Connection, select

from claimledger.store.log import rebuild_projections
from claimledger.store.tables import PROJECTIONS


def snapshot(conn: Connection) -> dict[str, list[tuple]]:
    return {
        table.name: sorted(tuple(row) for row in conn.execute(select(table)))
        for table in PROJECTIONS
    }


def rebuild_equals_live(conn: Connection) -> bool:
    """Compare live tables with a replay; the caller rolls the transaction back."""
    live = snapshot(conn)
    rebuild_projections(conn)
    return snapshot(conn) == live
