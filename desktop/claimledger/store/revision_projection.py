"""How an article.revised event changes the claim table.

Each placed claim moves onto the new text, keeping its id, so its verdicts, sources,
consensus and history come with it; the new text's own statement over the same words
gives way (it is removed: nothing refers to it). Should someone have reviewed that
statement already, it stays and the earlier claim stays behind with the orphans.
Orphans stay on the earlier article, and so does any claim that is not the earlier
article's: a revision never takes a claim from another story.

Two reviewers may each record a different revision of one article before they sync.
The first by clock (order key) wins everywhere, whatever order the events arrive in:
a revision that loses is undone (its claims go back, its own statements come back)
and its text stays an article of its own.
"""

from __future__ import annotations

from sqlalchemy import Connection, text, update
from sqlalchemy.dialects.sqlite import insert

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.domain.ids import claim_id_for
from claimledger.store.analysis import drop_article as drop_analysis
from claimledger.store.eventrows import events_of_kind
from claimledger.store.revisions import revisions_competing
from claimledger.store.tables import claim_t


def apply_revision(conn: Connection, event: Event) -> None:
    rivals = revisions_competing(conn, event.payload["revision_of"])
    if rivals and rivals[0].id != event.id:
        return  # an earlier revision of the same article holds its claims
    for loser in rivals[1:]:
        _undo(conn, loser)
    _move(conn, event)


def _move(conn: Connection, event: Event) -> None:
    p = event.payload
    article_id, earlier = p["article"], p["revision_of"]
    body = _text_of(conn, article_id)
    drop_analysis(conn, earlier)  # a cache: both are analysed again when shown
    drop_analysis(conn, article_id)
    for claim_id, _, _, _, start, end in p["placements"]:
        if start is None or _home(conn, claim_id) != earlier:
            continue
        duplicate = claim_id_for(article_id, start, end)
        if duplicate != claim_id:
            if conn.execute(text("SELECT 1 FROM event WHERE claim_id = :id LIMIT 1"),
                            {"id": duplicate}).first():
                continue
            conn.execute(claim_t.delete().where(claim_t.c.id == duplicate))
        _place(conn, claim_id, article_id, start, end, body)


def _undo(conn: Connection, event: Event) -> None:
    """Put back what `event` moved (if it moved anything): its claims on the earlier
    text, and the new text's own statements."""
    p = event.payload
    article_id, earlier = p["article"], p["revision_of"]
    if conn.execute(text("SELECT 1 FROM article WHERE id = :id"), {"id": article_id}).first() \
            is None:
        return  # not here yet (a replay meets the winner first): nothing to put back
    body = _text_of(conn, earlier)
    for claim_id, old_start, old_end, _, start, _ in p["placements"]:
        if start is not None and _home(conn, claim_id) == article_id:
            _place(conn, claim_id, earlier, old_start, old_end, body)
    imports = events_of_kind(conn, ev.ARTICLE_IMPORTED, article_id=article_id)
    if not imports:
        return
    own = {(s, e): (kind, role) for s, e, kind, role in imports[0].payload["statements"]}
    new_body = _text_of(conn, article_id)
    rows = [{"id": claim_id_for(article_id, s, e), "article_id": article_id, "start": s,
             "end": e, "text": new_body[s:e], "kind": own[(s, e)][0], "role": own[(s, e)][1],
             "origin": "auto", "retired": 0}
            for _, _, _, _, s, e in p["placements"] if s is not None and (s, e) in own]
    if rows:
        conn.execute(insert(claim_t).on_conflict_do_nothing(), rows)
    drop_analysis(conn, earlier)
    drop_analysis(conn, article_id)


def _place(conn: Connection, claim_id: str, article_id: str, start: int, end: int,
           body: str) -> None:
    conn.execute(update(claim_t).where(claim_t.c.id == claim_id).values(
        article_id=article_id, start=start, end=end, text=body[start:end]))
    conn.execute(text("UPDATE claim_fts SET statement = :body WHERE rowid = "
                      "(SELECT rowid FROM claim WHERE id = :id)"),
                 {"body": body[start:end], "id": claim_id})


def _home(conn: Connection, claim_id: str) -> str | None:
    return conn.execute(text("SELECT article_id FROM claim WHERE id = :id"),
                        {"id": claim_id}).scalar()


def _text_of(conn: Connection, article_id: str) -> str:
    return conn.execute(text("SELECT text FROM article WHERE id = :id"),
                        {"id": article_id}).scalar_one()
