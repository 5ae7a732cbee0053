"""The event log: append (with projections, in the caller's transaction), read, rebuild."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.sqlite import insert

from claimledger.domain.events import Event
from claimledger.store import projections
from claimledger.store.eventrows import events_of_kind, from_row, to_row
from claimledger.store.tables import PROJECTIONS, claim_t, event_t

__all__ = ["append", "claim_events_of_article", "events_of_kind", "iter_events", "latest_hlc",
           "rebuild_projections"]


def append(conn: Connection, events: Iterable[Event]) -> list[Event]:
    """Store the events not already in the log and project them; return the new ones."""
    added = []
    for event in events:
        row = to_row(event)
        result = conn.execute(insert(event_t).values(row).on_conflict_do_nothing())
        if result.rowcount:
            projections.apply(conn, event)
            added.append(event)
    return added


def latest_hlc(conn: Connection) -> str | None:
    return conn.execute(text("SELECT max(hlc) FROM event")).scalar()


def iter_events(conn: Connection, *, claim_id: str | None = None) -> Iterator[Event]:
    query = select(event_t).order_by(event_t.c.seq)
    if claim_id is not None:
        query = query.where(event_t.c.claim_id == claim_id)
    for row in conn.execute(query):
        yield from_row(row)


def claim_events_of_article(conn: Connection, article_id: str) -> Iterator[Event]:
    """The events of every claim of an article, in log order."""
    query = (
        select(event_t)
        .where(event_t.c.claim_id.in_(select(claim_t.c.id).where(claim_t.c.article_id
                                                                  == article_id)))
        .order_by(event_t.c.seq)
    )
    for row in conn.execute(query):
        yield from_row(row)


def rebuild_projections(conn: Connection) -> None:
    """Throw the projections away and replay the whole log, in log order."""
    for table in reversed(PROJECTIONS):
        conn.execute(table.delete())
    for event in list(iter_events(conn)):
        projections.apply(conn, event)
