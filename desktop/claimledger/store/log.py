"""The event log: append (with projections, in the caller's transaction), read, rebuild."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.sqlite import insert

from claimledger.domain.events import Event
from claimledger.store import projections
from claimledger.store.tables import PROJECTIONS, event_t


def append(conn: Connection, events: Iterable[Event]) -> list[Event]:
    """Store the events not already in the log and project them; return the new ones."""
    added = []
    for event in events:
        row = _to_row(event)
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
        yield _from_row(row)


def rebuild_projections(conn: Connection) -> None:
    """Throw the projections away and replay the whole log, in log order."""
    for table in reversed(PROJECTIONS):
        conn.execute(table.delete())
    for event in list(iter_events(conn)):
        projections.apply(conn, event)


def _to_row(event: Event) -> dict:
    payload = event.payload
    return {
        "id": event.id,
        "kind": event.kind,
        "author": event.author,
        "hlc": event.hlc,
        "article_id": payload.get("article"),
        "claim_id": payload.get("claim"),
        "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        "signature": event.signature,
    }


def _from_row(row) -> Event:
    return Event(
        id=row.id, kind=row.kind, author=row.author, hlc=row.hlc,
        payload=json.loads(row.payload), signature=row.signature,
    )
