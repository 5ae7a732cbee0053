"""The event log: append (with projections, in the caller's transaction), read, rebuild."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, select, text
from sqlalchemy.dialects.sqlite import insert

from claimledger.domain.events import Event
from claimledger.store import projections
from claimledger.store.eventrows import events_of_kind, from_row, same_payload, to_row
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


_RANK = {"reviewer.joined": 0, "article.imported": 1, "article.edited": 2, "claim.created": 3,
         "claim.retired": 4, "source.added": 5, "source.edited": 6, "source.retired": 6}
_INSERT_EVENT = ("INSERT INTO event (id, kind, author, hlc, article_id, claim_id, payload, "
                 "signature) VALUES (:id, :kind, :author, :hlc, :article_id, :claim_id, "
                 ":payload, :signature)")
_BATCHED = {"verdict.set": projections.VERDICT_UPSERT,
            "consensus.set": projections.CONSENSUS_UPSERT}


def merge(conn: Connection, events: Iterable[Event]) -> list[Event]:
    """Append events from elsewhere in bulk; return those that were new.

    Events are applied so that what others depend on comes first (articles before their
    claims, claims before verdicts). Verdicts and consensus are last-writer-wins upserts,
    which give the same result in any order, so they go in one executemany each.
    """
    fresh: dict[str, Event] = {}
    for event in events:
        fresh.setdefault(event.id, event)
    for known in known_event_ids(conn, list(fresh)):
        del fresh[known]
    ordered = sorted(fresh.values(), key=lambda e: (_RANK.get(e.kind, 9), e.order_key))
    if ordered:  # straight to the driver's executemany: SQLAlchemy's per-row work is ~3x
        conn.exec_driver_sql(_INSERT_EVENT, [to_row(e) for e in ordered])
    batches: dict[str, list[dict]] = {kind: [] for kind in _BATCHED}
    for event in ordered:
        if event.kind in _BATCHED:
            batches[event.kind].append(projections.upsert_params(event))
        else:
            projections.apply(conn, event)
    for kind, params in batches.items():
        if params:
            conn.exec_driver_sql(_BATCHED[kind].text, params)
    return ordered


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


def events_for_articles(conn: Connection, article_ids: Iterable[str] | None) -> list[Event]:
    """Every event a ledger file needs for these articles (None: the whole workspace):
    the articles' own events, their claims' events, and the reviewers who wrote them
    (their joins and key rotations)."""
    if article_ids is None:
        return list(iter_events(conn))
    ids = list(article_ids)
    claims = select(claim_t.c.id).where(claim_t.c.article_id.in_(ids))
    query = (select(event_t)
             .where(event_t.c.article_id.in_(ids) | event_t.c.claim_id.in_(claims))
             .order_by(event_t.c.seq))
    events = [from_row(row) for row in conn.execute(query)]
    authors = {e.author for e in events}
    joined = select(event_t).where(
        event_t.c.kind.in_(("reviewer.joined", "reviewer.key_rotated"))
        & event_t.c.author.in_(authors)).order_by(event_t.c.seq)
    return [from_row(row) for row in conn.execute(joined)] + events


def known_event_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of these event ids the log already holds (checked in chunks)."""
    ids = list(ids)
    found: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        found.update(r[0] for r in conn.execute(select(event_t.c.id)
                                                .where(event_t.c.id.in_(chunk))))
    return found


def held_copies(conn: Connection, events: list[Event]
                ) -> tuple[set[str], list[tuple[Event, str]]]:
    """Which of these events the log holds already (by id), and those among them whose
    stored content differs, each with the stored event's author. An honest copy has the
    stored payload text exactly; any other text is compared as JSON before it counts."""
    held: set[str] = set()
    altered: list[tuple[Event, str]] = []
    by_id = {e.id: e for e in events}
    ids = list(by_id)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql("SELECT id, kind, author, hlc, payload, signature FROM "
                                    f"event WHERE id IN ({marks})", tuple(chunk))
        for event_id, kind, author, hlc, payload, signature in rows:
            event = by_id[event_id]
            held.add(event_id)
            if (kind, author, hlc, signature) != (event.kind, event.author, event.hlc,
                                                  event.signature) or \
                    not same_payload(payload, event.payload):
                altered.append((event, author))
    return held, altered


def references(conn: Connection, articles: Iterable[str], claims: Iterable[str],
               sources: Iterable[str]) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """What the workspace holds of these ids, in a few chunked queries: article id -> text
    length (in characters), claim id -> article id, source id -> claim id."""
    return (_lookup(conn, "SELECT id, length(text) FROM article WHERE id IN ", articles),
            _lookup(conn, "SELECT id, article_id FROM claim WHERE id IN ", claims),
            _lookup(conn, "SELECT id, claim_id FROM source WHERE id IN ", sources))


def author_counts(conn: Connection, authors: Iterable[str]) -> dict[str, int]:
    """How many events of each author the log holds (one query per author of a file)."""
    return {author: conn.exec_driver_sql("SELECT count(*) FROM event WHERE author = ?",
                                         (author,)).scalar()
            for author in authors}


def author_heads(conn: Connection, authors: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Per author: how many events the log holds, and the id of the latest by clock."""
    out = {}
    for author in authors:
        count = conn.exec_driver_sql("SELECT count(*) FROM event WHERE author = ?",
                                     (author,)).scalar()
        head = conn.exec_driver_sql("SELECT id FROM event WHERE author = ? ORDER BY hlc DESC, "
                                    "id DESC LIMIT 1", (author,)).scalar()
        if head is not None:
            out[author] = (count, head)
    return out


_CHUNK = 500


def _lookup(conn: Connection, sql: str, ids: Iterable[str]) -> dict:
    ids = list(ids)
    found: dict = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(conn.exec_driver_sql(f"{sql}({marks})", tuple(chunk)).fetchall())
    return found
