"""Full-text search (SQLite FTS5) over statements, notes and source excerpts."""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

from claimledger.domain.records import SearchHit

_TOKEN = re.compile(r"\w+", re.UNICODE)


_SEARCH = text(
    """
    SELECT c.id, c.article_id, a.title, c.start, c."end", c.text,
           snippet(claim_fts, -1, char(57344), char(57345), '…', 12) AS snip
    FROM claim_fts
    JOIN claim c ON c.rowid = claim_fts.rowid
    JOIN article a ON a.id = c.article_id
    WHERE claim_fts MATCH :query AND c.retired = 0 AND a.retired = 0
    ORDER BY rank
    LIMIT :limit
    """
)


def fts_query(user_text: str) -> str | None:
    """A safe FTS5 query: every word must appear; the last may be a prefix."""
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(conn: Connection, user_text: str, limit: int = 200) -> list[SearchHit]:
    query = fts_query(user_text)
    if query is None:
        return []
    rows = conn.execute(_SEARCH, {"query": query, "limit": limit})
    return [SearchHit(*row) for row in rows]
