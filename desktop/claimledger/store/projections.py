"""Projections: how each event changes the current-state tables.

Every function here is idempotent and order-independent where sync needs it: replaying
the log in any order that keeps an article before its claims gives the same tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select, text, update
from sqlalchemy.dialects.sqlite import insert

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.domain.ids import claim_id_for
from claimledger.store.eventrows import events_of_kind
from claimledger.store.revision_projection import apply_revision
from claimledger.store.tables import article_t, claim_t, reviewer_key_t, reviewer_t, source_t

_ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published", "retrieved", "filename",
                   "encoding")
EDITABLE_ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published", "retired")


def apply(conn: Connection, event: Event) -> None:
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(conn, event)


def _article_imported(conn: Connection, event: Event) -> None:
    """The article and its automatic statements. Several reviewers may import the same
    text: the row then folds the earliest import and every later edit, so it is the same
    whatever order the imports arrive in."""
    p = event.payload
    article_id = p["article"]
    row = {field: p.get(field) for field in _ARTICLE_FIELDS}
    row.update(id=article_id, text=p["text"], retired=0)
    inserted = conn.execute(insert(article_t).values(row).on_conflict_do_nothing()).rowcount
    if not inserted:
        _refold_article(conn, article_id)
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
    _refold_article(conn, event.payload["article"])


def _refold_article(conn: Connection, article_id: str) -> None:
    """Metadata from the earliest import, then every edit in event order."""
    imports = events_of_kind(conn, ev.ARTICLE_IMPORTED, article_id=article_id)
    fields: dict[str, Any] = {}
    if imports:
        first = min(imports, key=_order).payload
        fields.update({field: first.get(field) for field in _ARTICLE_FIELDS}, retired=0)
    for edit in sorted(events_of_kind(conn, ev.ARTICLE_EDITED, article_id=article_id),
                       key=_order):
        fields.update((k, v) for k, v in edit.payload["fields"].items()
                      if k in EDITABLE_ARTICLE_FIELDS)
    if fields:
        conn.execute(update(article_t).where(article_t.c.id == article_id).values(fields))


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
    claim_id = event.payload["claim"]
    latest = max(events_of_kind(conn, ev.CLAIM_RETIRED, claim_id=claim_id), key=_order)
    retired = 1 if latest.payload.get("retired", True) else 0
    conn.execute(update(claim_t).where(claim_t.c.id == claim_id).values(retired=retired))


_SOURCE_FIELDS = ("kind", "url", "file", "title", "publisher", "excerpt", "stance",
                  "accessed", "archived_url")


def _source_changed(conn: Connection, event: Event) -> None:
    """Fold the source's added/edited/retired events in order into its row."""
    source_id = event.payload["source"]
    history = sorted(
        (e for kind in (ev.SOURCE_ADDED, ev.SOURCE_EDITED, ev.SOURCE_RETIRED)
         for e in events_of_kind(conn, kind, claim_id=event.payload["claim"])
         if e.payload.get("source") == source_id),
        key=_order,
    )
    added = next((e for e in history if e.kind == ev.SOURCE_ADDED), None)
    if added is None:
        return
    row = {f: added.payload.get(f) for f in _SOURCE_FIELDS}
    row.update(id=source_id, claim_id=added.payload["claim"], retired=0,
               author=added.author, hlc=added.hlc)
    for later in history:
        if later.kind == ev.SOURCE_EDITED:
            row.update((k, v) for k, v in later.payload["fields"].items() if k in _SOURCE_FIELDS)
        elif later.kind == ev.SOURCE_RETIRED:
            row["retired"] = 1 if later.payload.get("retired", True) else 0
    conn.execute(insert(source_t).values(row).on_conflict_do_update(
        index_elements=["id"], set_={k: v for k, v in row.items() if k != "id"}))


def _order(event: Event) -> tuple[str, str, str]:
    return event.order_key




_LWW_WHERE = """
    WHERE (excluded.hlc, excluded.author, excluded.event_id)
        > ({table}.hlc, {table}.author, {table}.event_id)
"""

VERDICT_UPSERT = text(
    """
    INSERT INTO verdict (claim_id, reviewer_id, status, reason, note, event_id, hlc, author)
    VALUES (:claim, :reviewer, :status, :reason, :note, :event_id, :hlc, :author)
    ON CONFLICT (claim_id, reviewer_id) DO UPDATE SET
        status = excluded.status, reason = excluded.reason, note = excluded.note,
        event_id = excluded.event_id, hlc = excluded.hlc, author = excluded.author
    """ + _LWW_WHERE.format(table="verdict")
)

CONSENSUS_UPSERT = text(
    """
    INSERT INTO consensus (claim_id, status, reason, note, event_id, hlc, author)
    VALUES (:claim, :status, :reason, :note, :event_id, :hlc, :author)
    ON CONFLICT (claim_id) DO UPDATE SET
        status = excluded.status, reason = excluded.reason, note = excluded.note,
        event_id = excluded.event_id, hlc = excluded.hlc, author = excluded.author
    """ + _LWW_WHERE.format(table="consensus")
)


def upsert_params(event: Event) -> dict:
    """Parameters for VERDICT_UPSERT / CONSENSUS_UPSERT. A verdict's reviewer is always
    the event's author: nobody can set another reviewer's verdict."""
    p = event.payload
    return {"claim": p["claim"], "reviewer": event.author, "status": p["status"],
            "reason": p.get("reason"), "note": p.get("note"), "event_id": event.id,
            "hlc": event.hlc, "author": event.author}


DISMISSAL_UPSERT = text(
    """
    INSERT INTO dismissal (claim_id, reviewer_id, dismissed, hlc, author, event_id)
    VALUES (:claim, :reviewer, :dismissed, :hlc, :author, :event_id)
    ON CONFLICT (claim_id, reviewer_id) DO UPDATE SET
        dismissed = excluded.dismissed, hlc = excluded.hlc, author = excluded.author,
        event_id = excluded.event_id
    """ + _LWW_WHERE.format(table="dismissal")
)


def _suggestion_dismissed(conn: Connection, event: Event) -> None:
    """Last writer wins per (claim, reviewer); the reviewer is the event's author."""
    conn.execute(DISMISSAL_UPSERT, {
        "claim": event.payload["claim"], "reviewer": event.author,
        "dismissed": 1 if event.payload.get("dismissed", True) else 0,
        "hlc": event.hlc, "author": event.author, "event_id": event.id})


def _verdict_set(conn: Connection, event: Event) -> None:
    """Last writer wins per (claim, reviewer)."""
    conn.execute(VERDICT_UPSERT, upsert_params(event))


def _consensus_set(conn: Connection, event: Event) -> None:
    """Last writer wins per claim across reviewers: settling is a desk-wide decision."""
    conn.execute(CONSENSUS_UPSERT, upsert_params(event))


def _reviewer_joined(conn: Connection, event: Event) -> None:
    """A reviewer is as their earliest join (by clock) says, whatever order the joins
    arrived in, so every workspace (and a replay) agrees; the trust check has made sure
    a later join brings a key of theirs. The key they joined with is their first."""
    stmt = insert(reviewer_t).values(id=event.author, name=event.payload["name"],
                                     joined_hlc=event.hlc,
                                     public_key=event.payload.get("public_key"))
    conn.execute(stmt.on_conflict_do_update(
        index_elements=[reviewer_t.c.id],
        set_={"name": stmt.excluded.name, "joined_hlc": stmt.excluded.joined_hlc},
        where=stmt.excluded.joined_hlc < reviewer_t.c.joined_hlc))
    if event.payload.get("public_key"):
        _add_key(conn, event.author, "", event.payload["public_key"])


def _reviewer_key_rotated(conn: Connection, event: Event) -> None:
    """From this clock on the reviewer signs with the new key (the trust check has
    verified the rotation with the key they held before it)."""
    _add_key(conn, event.author, event.hlc, event.payload["public_key"])


def _add_key(conn: Connection, reviewer_id: str, from_hlc: str, public_key: str) -> None:
    """Record a key of the reviewer's and make their latest key the current one, in
    whatever order joins and rotations arrive."""
    conn.execute(insert(reviewer_key_t).values(reviewer_id=reviewer_id, from_hlc=from_hlc,
                                               public_key=public_key)
                 .on_conflict_do_nothing())
    latest = (select(reviewer_key_t.c.public_key)
              .where(reviewer_key_t.c.reviewer_id == reviewer_id)
              .order_by(reviewer_key_t.c.from_hlc.desc()).limit(1).scalar_subquery())
    conn.execute(update(reviewer_t).where(reviewer_t.c.id == reviewer_id)
                 .values(public_key=latest))


_HANDLERS: dict[str, Callable[[Connection, Event], Any]] = {
    ev.ARTICLE_IMPORTED: _article_imported,
    ev.ARTICLE_EDITED: _article_edited,
    ev.CLAIM_CREATED: _claim_created,
    ev.CLAIM_RETIRED: _claim_retired,
    ev.VERDICT_SET: _verdict_set,
    ev.SOURCE_ADDED: _source_changed,
    ev.SOURCE_EDITED: _source_changed,
    ev.SOURCE_RETIRED: _source_changed,
    ev.REVIEWER_JOINED: _reviewer_joined,
    ev.REVIEWER_KEY_ROTATED: _reviewer_key_rotated,
    ev.CONSENSUS_SET: _consensus_set,
    ev.SUGGESTION_DISMISSED: _suggestion_dismissed,
    ev.ARTICLE_REVISED: apply_revision,
}
