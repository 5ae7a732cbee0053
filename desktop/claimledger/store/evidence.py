"""Queries over the evidence attached to claims."""

from __future__ import annotations

from sqlalchemy import Connection, text

from claimledger.domain.records import SourceView

_SOURCES = """
    SELECT s.id, s.claim_id, s.kind, s.url, s.file, s.title, s.publisher, s.excerpt, s.stance,
           s.accessed, s.archived_url, coalesce(r.name, 'unknown reviewer') AS added_by
    FROM source s LEFT JOIN reviewer r ON r.id = s.author
    WHERE s.retired = 0 AND {where}
    ORDER BY s.hlc
"""


def sources_of_claim(conn: Connection, claim_id: str) -> list[SourceView]:
    rows = conn.execute(text(_SOURCES.format(where="s.claim_id = :c")), {"c": claim_id})
    return [SourceView(*row) for row in rows]


def source(conn: Connection, source_id: str) -> SourceView | None:
    row = conn.execute(text(_SOURCES.format(where="s.id = :s")), {"s": source_id}).first()
    return SourceView(*row) if row else None


def source_ids_with_prefix(conn: Connection, prefix: str, limit: int = 3) -> list[str]:
    rows = conn.execute(text("SELECT id FROM source WHERE id LIKE :p AND retired = 0 LIMIT :n"),
                        {"p": prefix.replace("%", "").replace("_", "") + "%", "n": limit})
    return [row[0] for row in rows]


def stance_counts_of_article(conn: Connection, article_id: str
                             ) -> dict[str, dict[str, int]]:
    """{claim_id: {stance: count}} for the live sources of an article's claims."""
    rows = conn.execute(
        text("SELECT s.claim_id, s.stance, count(*) FROM source s JOIN claim c "
             "ON c.id = s.claim_id WHERE c.article_id = :a AND s.retired = 0 "
             "GROUP BY s.claim_id, s.stance"),
        {"a": article_id},
    )
    counts: dict[str, dict[str, int]] = {}
    for claim_id, stance, count in rows:
        counts.setdefault(claim_id, {})[stance] = count
    return counts


def sources_of_article(conn: Connection, article_id: str) -> dict[str, list[SourceView]]:
    """{claim_id: [live sources]} for every claim of an article."""
    rows = conn.execute(
        text(_SOURCES.format(where="s.claim_id IN (SELECT id FROM claim WHERE article_id = :a)")),
        {"a": article_id},
    )
    found: dict[str, list[SourceView]] = {}
    for row in rows:
        view = SourceView(*row)
        found.setdefault(view.claim_id, []).append(view)
    return found
