"""Reading article revisions back from the log (the article.revised events)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.store.eventrows import events_of_kind, from_row
from claimledger.store.tables import event_t


def revision_into(conn: Connection, article_id: str) -> Event | None:
    """The revision event that made `article_id` a revision of an earlier article (the
    first by clock, should two reviewers have recorded it)."""
    found = events_of_kind(conn, ev.ARTICLE_REVISED, article_id=article_id)
    return min(found, key=lambda e: e.order_key) if found else None


def all_revisions(conn: Connection) -> list[Event]:
    rows = conn.execute(event_t.select().where(event_t.c.kind == ev.ARTICLE_REVISED))
    return sorted(map(from_row, rows), key=lambda e: e.order_key)


def revisions_of(conn: Connection, article_id: str) -> list[Event]:
    """The revision events that took `article_id` as their earlier article."""
    return [e for e in all_revisions(conn) if e.payload.get("revision_of") == article_id]


def claims_have_events(conn: Connection, article_id: str) -> bool:
    """Whether anyone has recorded anything about a statement of this article."""
    return conn.exec_driver_sql(
        "SELECT 1 FROM event WHERE claim_id IN (SELECT id FROM claim WHERE article_id = ?) "
        "LIMIT 1", (article_id,)).first() is not None


def revision_families(conn: Connection, article_ids: Iterable[str] | None
                      ) -> list[str] | None:
    """These articles with every earlier and later revision of each (None stays None:
    the whole workspace), so a ledger file of one revision carries what its claims need."""
    if article_ids is None:
        return None
    links = [(e.payload.get("revision_of"), e.payload.get("article"))
             for e in all_revisions(conn)]
    family, grew = set(article_ids), True
    while grew:
        grew = False
        for earlier, later in links:
            if (earlier in family) != (later in family):
                family.update((earlier, later))
                grew = True
    return sorted(family)


def verdict_clocks(conn: Connection, claim_ids: Iterable[str], reviewer: str
                   ) -> dict[str, str]:
    """The clock of this reviewer's current verdict on each of these claims."""
    ids = list(claim_ids)
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = conn.exec_driver_sql(f"SELECT claim_id, hlc FROM verdict WHERE reviewer_id = ? "
                                f"AND claim_id IN ({marks})", (reviewer, *ids))
    return dict(rows.fetchall())
