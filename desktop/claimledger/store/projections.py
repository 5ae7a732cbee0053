"""Projections: how each event changes the current-state tables.

Every function here is idempotent and order-independent where sync needs it: replaying
the log in any order that keeps an article before its claims gives the same tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, text, update
from sqlalchemy.dialects.sqlite import insert

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.domain.ids import claim_id_for
from claimledger.store.tables import article_t, claim_t, reviewer_t

_ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published", "retrieved", "filename",
                   "encoding")
EDITABLE_ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published", "retired")


def apply(conn: Connection, event: Event) -> None:
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(conn, event)


def _article_imported(conn: Connection, event: Event) -> None:
    p = event.payload
    article_id = p["article"]
    row = {field: p.get(field) for field in _ARTICLE_FIELDS}
    row.update(id=article_id, text=p["text"], retired=0)
    conn.execute(insert(article_t).values(row).on_conflict_do_nothing())
    body = p["text"]
    claims = [
        {
            "id": claim_id_for(article_id, start, end),
            "article_id": article_id,
            "start": start,
            "end": end,
            "text": body[start:end],
            "kind": kind,
            "role": role,
            "origin": "auto",
            "retired": 0,
        }
        for start, end, kind, role in p["statements"]
    ]
    if claims:
        conn.execute(insert(claim_t).on_conflict_do_nothing(), claims)


def _article_edited(conn: Connection, event: Event) -> None:
    fields = {k: v for k, v in event.payload["fields"].items() if k in EDITABLE_ARTICLE_FIELDS}
    if fields:
        conn.execute(update(article_t).where(article_t.c.id == event.payload["article"])
                     .values(fields))


def _claim_created(conn: Connection, event: Event) -> None:
    p = event.payload
    body = conn.execute(
        text("SELECT text FROM article WHERE id = :id"), {"id": p["article"]}
    ).scalar_one()
    conn.execute(
        insert(claim_t)
        .values(
            id=p["claim"], article_id=p["article"], start=p["start"], end=p["end"],
            text=body[p["start"]:p["end"]], kind=p.get("kind", "claim"),
            role=p.get("role", "body"), origin=p.get("origin", "manual"), retired=0,
        )
        .on_conflict_do_nothing()
    )


def _claim_retired(conn: Connection, event: Event) -> None:
    retired = 1 if event.payload.get("retired", True) else 0
    conn.execute(update(claim_t).where(claim_t.c.id == event.payload["claim"])
                 .values(retired=retired))


_VERDICT_UPSERT = text(
    """
    INSERT INTO verdict (claim_id, reviewer_id, status, reason, note, event_id, hlc, author)
    VALUES (:claim, :reviewer, :status, :reason, :note, :event_id, :hlc, :author)
    ON CONFLICT (claim_id, reviewer_id) DO UPDATE SET
        status = excluded.status, reason = excluded.reason, note = excluded.note,
        event_id = excluded.event_id, hlc = excluded.hlc, author = excluded.author
    WHERE (excluded.hlc, excluded.author, excluded.event_id)
        > (verdict.hlc, verdict.author, verdict.event_id)
    """
)


def _verdict_set(conn: Connection, event: Event) -> None:
    """Last writer wins per (claim, reviewer); the reviewer is always the event's author."""
    p = event.payload
    conn.execute(
        _VERDICT_UPSERT,
        {
            "claim": p["claim"], "reviewer": event.author, "status": p["status"],
            "reason": p.get("reason"), "note": p.get("note"), "event_id": event.id,
            "hlc": event.hlc, "author": event.author,
        },
    )


def _reviewer_joined(conn: Connection, event: Event) -> None:
    conn.execute(
        insert(reviewer_t)
        .values(id=event.author, name=event.payload["name"], joined_hlc=event.hlc)
        .on_conflict_do_nothing()
    )


_HANDLERS: dict[str, Callable[[Connection, Event], Any]] = {
    ev.ARTICLE_IMPORTED: _article_imported,
    ev.ARTICLE_EDITED: _article_edited,
    ev.CLAIM_CREATED: _claim_created,
    ev.CLAIM_RETIRED: _claim_retired,
    ev.VERDICT_SET: _verdict_set,
    ev.REVIEWER_JOINED: _reviewer_joined,
}
