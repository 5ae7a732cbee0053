"""Read queries over the projections. Each returns domain records, never rows."""

from __future__ import annotations

from sqlalchemy import Connection, text

from claimledger.domain.records import ArticleDetail, ArticleSummary, ClaimView, Verdict
from claimledger.domain.status import Status

_SUMMARY = text(
    """
    SELECT a.id, a.title, a.outlet, a.author, a.url, a.published, a.retrieved,
           coalesce(n.total, 0) AS statements, coalesce(r.done, 0) AS reviewed
    FROM article a
    LEFT JOIN (SELECT article_id, count(*) AS total FROM claim WHERE retired = 0
               GROUP BY article_id) n ON n.article_id = a.id
    LEFT JOIN (SELECT c.article_id, count(*) AS done FROM verdict v
               JOIN claim c ON c.id = v.claim_id
               WHERE v.reviewer_id = :reviewer AND v.status != 'unreviewed' AND c.retired = 0
               GROUP BY c.article_id) r ON r.article_id = a.id
    WHERE a.retired = 0 {where}
    ORDER BY a.retrieved DESC, a.title
    """
)

_CLAIMS = """
    SELECT c.id, c.article_id, c.start, c."end", c.text, c.kind, c.role, c.origin,
           coalesce(v.status, 'unreviewed') AS status, v.reason, v.note
    FROM claim c
    LEFT JOIN verdict v ON v.claim_id = c.id AND v.reviewer_id = :reviewer
    WHERE c.retired = 0 AND {where}
    ORDER BY c.start, c."end" DESC
"""


def article_summaries(conn: Connection, reviewer: str, article_id: str | None = None
                      ) -> list[ArticleSummary]:
    where = "AND a.id = :article" if article_id else ""
    rows = conn.execute(text(_SUMMARY.text.format(where=where)),
                        {"reviewer": reviewer, "article": article_id})
    return [ArticleSummary(*row) for row in rows]


def article_detail(conn: Connection, article_id: str) -> ArticleDetail | None:
    row = conn.execute(
        text("SELECT id, title, outlet, author, url, published, retrieved, filename, encoding,"
             " text FROM article WHERE id = :id"),
        {"id": article_id},
    ).first()
    return ArticleDetail(*row) if row else None


def claims_of_article(conn: Connection, article_id: str, reviewer: str) -> list[ClaimView]:
    rows = conn.execute(text(_CLAIMS.format(where="c.article_id = :article")),
                        {"article": article_id, "reviewer": reviewer})
    return [_claim_view(row) for row in rows]


def claim(conn: Connection, claim_id: str, reviewer: str) -> ClaimView | None:
    row = conn.execute(text(_CLAIMS.format(where="c.id = :claim")),
                       {"claim": claim_id, "reviewer": reviewer}).first()
    return _claim_view(row) if row else None


def claim_is_live(conn: Connection, claim_id: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM claim WHERE id = :id AND retired = 0"),
                             {"id": claim_id}).first())


def verdict(conn: Connection, claim_id: str, reviewer: str) -> Verdict:
    row = conn.execute(
        text("SELECT status, reason, note FROM verdict WHERE claim_id = :c AND reviewer_id = :r"),
        {"c": claim_id, "r": reviewer},
    ).first()
    return Verdict(Status(row.status), row.reason, row.note) if row else Verdict()


def ids_with_prefix(conn: Connection, table: str, prefix: str, limit: int = 3) -> list[str]:
    """Ids in `table` ('article' or 'claim') starting with `prefix`; at most `limit`."""
    if table not in ("article", "claim"):
        raise ValueError(table)
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        text(f"SELECT id FROM {table} WHERE id LIKE :p ESCAPE '\\' AND retired = 0 LIMIT :n"),
        {"p": like, "n": limit},
    )
    return [row[0] for row in rows]


def setting(conn: Connection, key: str) -> str | None:
    return conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": key}).scalar()


def put_setting(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        text("INSERT INTO setting (key, value) VALUES (:k, :v) "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {"k": key, "v": value},
    )


def reviewer_names(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(text("SELECT id, name FROM reviewer")).all())


def _claim_view(row) -> ClaimView:
    return ClaimView(
        id=row.id, article_id=row.article_id, start=row.start, end=row.end, text=row.text,
        kind=row.kind, role=row.role, origin=row.origin, status=Status(row.status),
        reason=row.reason, note=row.note,
    )
