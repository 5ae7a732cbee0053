"""Reading article revisions back from the log (the article.revised events)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.store.eventrows import events_of_kind, from_row
from claimledger.store.tables import event_t

#: How far back a chain of revisions is followed (a loop in a peer's events ends here).
MAX_REVISIONS = 1000


def revision_into(conn: Connection, article_id: str) -> Event | None:
    """The revision event that made `article_id` a revision of an earlier article: the
    first by clock among those of that earlier article (store.revision_projection)."""
    for event in sorted(events_of_kind(conn, ev.ARTICLE_REVISED, article_id=article_id),
                        key=lambda e: e.order_key):
        rivals = revisions_competing(conn, event.payload["revision_of"])
        if rivals and rivals[0].id == event.id:
            return event
    return None


def revisions_competing(conn: Connection, earlier_id: str) -> list[Event]:
    """Every revision recorded of one article, first by clock first (the first wins)."""
    return [e for e in all_revisions(conn) if e.payload.get("revision_of") == earlier_id]


def all_revisions(conn: Connection) -> list[Event]:
    rows = conn.execute(event_t.select().where(event_t.c.kind == ev.ARTICLE_REVISED))
    return sorted(map(from_row, rows), key=lambda e: e.order_key)


def revisions_of(conn: Connection, article_id: str) -> list[Event]:
    """The revision that took `article_id` as its earlier article (the winner), if any."""
    return revisions_competing(conn, article_id)[:1]


def revision_number(conn: Connection, article_id: str) -> int:
    """1 for an article first imported as it is, 2 for its first revision, ..."""
    number, seen = 1, {article_id}
    event = revision_into(conn, article_id)
    while event is not None and number < MAX_REVISIONS:
        earlier = event.payload["revision_of"]
        if earlier in seen:
            break
        seen.add(earlier)
        number += 1
        event = revision_into(conn, earlier)
    return number


def revisions_placing(conn: Connection, claim_id: str) -> list[Event]:
    """The revisions (the winning one of each article) that carried this claim on, or
    left it behind, oldest first."""
    placing = [e for e in all_revisions(conn)
               if any(item[0] == claim_id for item in e.payload.get("placements", []))]
    return [e for e in placing
            if revisions_competing(conn, e.payload["revision_of"])[0].id == e.id]


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
