"""Read queries over the projections. Each returns domain records, never rows."""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from claimledger.domain.numbering import NumberedSpan
from claimledger.domain.records import ArticleDetail, ArticleSummary, ClaimView, Verdict
from claimledger.domain.status import Status
from claimledger.store import changed
from claimledger.store.changed import claim_view_of_row as _claim_view

_SUMMARY = text(
    """
    SELECT a.id, a.title, a.outlet, a.author, a.url, a.published, a.retrieved,
           coalesce(n.total, 0) AS statements, coalesce(r.done, 0) AS reviewed,
           coalesce(r.sourced, 0), coalesce(r.disputed, 0), coalesce(r.unverified, 0),
           coalesce(r.not_a_claim, 0), coalesce(n.claims, 0) AS claims,
           coalesce(n.total, 0) - coalesce(n.claims, 0) AS set_aside
    FROM article a
    LEFT JOIN (SELECT article_id, count(*) AS total, sum(kind = 'claim') AS claims
               FROM claim WHERE retired = 0 GROUP BY article_id) n ON n.article_id = a.id
    LEFT JOIN (SELECT c.article_id, count(*) AS done,
                      sum(v.status = 'sourced') AS sourced,
                      sum(v.status = 'disputed') AS disputed,
                      sum(v.status = 'unverified') AS unverified,
                      sum(v.status = 'not-a-claim') AS not_a_claim
               FROM verdict v
               JOIN claim c ON c.id = v.claim_id
               WHERE v.reviewer_id = :reviewer AND v.status != 'unreviewed' AND c.retired = 0
                 AND c.kind = 'claim'
               GROUP BY c.article_id) r ON r.article_id = a.id
    WHERE a.retired = :retired {where}
    ORDER BY a.retrieved DESC, a.title
    """
)

_CLAIMS = """
    SELECT c.id, c.article_id, c.start, c."end", c.text, c.kind, c.role, c.origin,
           coalesce(v.status, 'unreviewed') AS status, v.reason, v.note,
           coalesce(s.supports, 0) AS supports, coalesce(s.contradicts, 0) AS contradicts,
           coalesce(s.context, 0) AS context
    FROM claim c
    LEFT JOIN verdict v ON v.claim_id = c.id AND v.reviewer_id = :reviewer
    LEFT JOIN (SELECT claim_id, sum(stance = 'supports') AS supports,
                      sum(stance = 'contradicts') AS contradicts,
                      sum(stance = 'context') AS context
               FROM source WHERE retired = 0 GROUP BY claim_id) s ON s.claim_id = c.id
    WHERE c.retired = 0 AND {where}
    ORDER BY c.start, c."end" DESC
"""


def article_summaries(conn: Connection, reviewer: str, article_id: str | None = None, *,
                      retired: bool = False) -> list[ArticleSummary]:
    if article_id:
        found = changed.article_summary(conn, article_id, reviewer, retired)
        return [found] if found else []
    where = ""
    rows = conn.execute(text(_SUMMARY.text.format(where=where)),
                        {"reviewer": reviewer, "article": article_id, "retired": int(retired)})
    return [ArticleSummary(*row) for row in rows]


def article_retired(conn: Connection, article_id: str) -> int | None:
    return conn.execute(text("SELECT retired FROM article WHERE id = :id"),
                        {"id": article_id}).scalar()


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


def statement_spans(conn: Connection, article_id: str) -> list[NumberedSpan]:
    """Every statement of the article, retired ones too, for its stable numbers."""
    rows = conn.execute(text('SELECT id, start, "end", origin FROM claim '
                             "WHERE article_id = :article"), {"article": article_id})
    return [NumberedSpan(id_, start, end, origin == "auto") for id_, start, end, origin in rows]


def claim(conn: Connection, claim_id: str, reviewer: str) -> ClaimView | None:
    """One live claim, read by its own rows only (see store/changed.py)."""
    return changed.claims_by_id(conn, [claim_id], reviewer).get(claim_id)


def claim_is_live(conn: Connection, claim_id: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM claim WHERE id = :id AND retired = 0"),
                             {"id": claim_id}).first())


def verdict(conn: Connection, claim_id: str, reviewer: str) -> Verdict:
    row = conn.execute(
        text("SELECT status, reason, note FROM verdict WHERE claim_id = :c AND reviewer_id = :r"),
        {"c": claim_id, "r": reviewer},
    ).first()
    return Verdict(Status(row.status), row.reason, row.note) if row else Verdict()


def ids_with_prefix(conn: Connection, table: str, prefix: str, limit: int = 3, *,
                    include_retired: bool = False) -> list[str]:
    """Ids in `table` ('article' or 'claim') starting with `prefix`; at most `limit`."""
    if table not in ("article", "claim"):
        raise ValueError(table)
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    live = "" if include_retired else "AND retired = 0"
    rows = conn.execute(
        text(f"SELECT id FROM {table} WHERE id LIKE :p ESCAPE '\\' {live} LIMIT :n"),
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


ALIAS_PREFIX = "reviewer-alias:"


def reviewer_aliases(conn: Connection) -> dict[str, str]:
    """Reviewer id -> the name this workspace gives them locally (never exported)."""
    rows = conn.execute(text("SELECT key, value FROM setting WHERE key LIKE :p"),
                        {"p": ALIAS_PREFIX + "%"})
    return {key.removeprefix(ALIAS_PREFIX): value for key, value in rows}


def put_reviewer_alias(conn: Connection, reviewer_id: str, name: str | None) -> None:
    """Give a reviewer a local name, or (None) take it away."""
    if name is None:
        conn.execute(text("DELETE FROM setting WHERE key = :k"),
                     {"k": ALIAS_PREFIX + reviewer_id})
    else:
        put_setting(conn, ALIAS_PREFIX + reviewer_id, name)


def reviewers_as_named_here(conn: Connection) -> list[tuple[str, str, str | None]]:
    """(id, name, public_key) of every reviewer, the name given here (an alias) taking
    the place of the signed one. One driver-level query: it runs on every change that
    names a claim, to label its verdicts."""
    rows = conn.exec_driver_sql(
        "SELECT r.id, coalesce(s.value, r.name), r.public_key FROM reviewer r "
        "LEFT JOIN setting s ON s.key = ? || r.id", (ALIAS_PREFIX,))
    return [tuple(row) for row in rows]


CHAIN_PREFIX = "chain-seen:"


def chains_seen(conn: Connection) -> dict[str, tuple[int, str, str]]:
    """Author id -> (events of theirs a ledger file's exporter held, the id of their
    latest event there, that file's name): the most any file has claimed so far."""
    rows = conn.execute(text("SELECT key, value FROM setting WHERE key LIKE :p"),
                        {"p": CHAIN_PREFIX + "%"})
    found = {}
    for key, value in rows:
        held, head, source = json.loads(value)
        found[key.removeprefix(CHAIN_PREFIX)] = (int(held), str(head), str(source))
    return found


def put_chain_seen(conn: Connection, author: str, seen: tuple[int, str, str] | None) -> None:
    """Remember (or, with None, forget) the most a file claimed of an author's events."""
    if seen is None:
        conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": CHAIN_PREFIX + author})
    else:
        put_setting(conn, CHAIN_PREFIX + author, json.dumps(list(seen)))


def key_histories(conn: Connection, authors) -> dict[str, list[tuple[str, str]]]:
    """Per author known here: [(from_hlc, key), ...] by clock, the key they joined with
    first (from_hlc "")."""
    found: dict[str, list[tuple[str, str]]] = {}
    for author in set(authors):
        rows = conn.exec_driver_sql(
            "SELECT from_hlc, public_key FROM reviewer_key WHERE reviewer_id = ? "
            "ORDER BY from_hlc", (author,)).fetchall()
        if rows:
            found[author] = [tuple(row) for row in rows]
    return found


def reviewer_names(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(text("SELECT id, name FROM reviewer")).all())


def verdicts_of_article(conn: Connection, article_id: str) -> dict[str, list[tuple[str, Verdict]]]:
    """Every reviewer's verdict per claim of an article: {claim_id: [(reviewer_id, v)]}."""
    rows = conn.execute(
        text("SELECT v.claim_id, v.reviewer_id, v.status, v.reason, v.note FROM verdict v "
             "JOIN claim c ON c.id = v.claim_id WHERE c.article_id = :a "
             "ORDER BY v.claim_id, v.reviewer_id"),
        {"a": article_id},
    )
    found: dict[str, list[tuple[str, Verdict]]] = {}
    for row in rows:
        verdict = Verdict(Status(row.status), row.reason, row.note)
        found.setdefault(row.claim_id, []).append((row.reviewer_id, verdict))
    return found


def claim_exists(conn: Connection, claim_id: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM claim WHERE id = :id"), {"id": claim_id}).first())


def claim_span(conn: Connection, claim_id: str) -> tuple[str, int, int, int] | None:
    """(article_id, start, end, retired) of any claim, live or retired."""
    row = conn.execute(text('SELECT article_id, start, "end", retired FROM claim WHERE id = :id'),
                       {"id": claim_id}).first()
    return tuple(row) if row else None


def reviewer_key(conn: Connection, reviewer_id: str) -> str | None:
    """The pinned public key of a reviewer who has joined this workspace."""
    return conn.execute(text("SELECT public_key FROM reviewer WHERE id = :id"),
                        {"id": reviewer_id}).scalar()


def pinned_keys(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(text("SELECT id, public_key FROM reviewer "
                                  "WHERE public_key IS NOT NULL")).all())


def reviewers(conn: Connection) -> list[tuple[str, str, str | None]]:
    """(id, name, public_key) of every reviewer who has joined, by name."""
    rows = conn.execute(text("SELECT id, name, public_key FROM reviewer ORDER BY name"))
    return [tuple(row) for row in rows]


def consensus_of_article(conn: Connection, article_id: str) -> dict[str, tuple]:
    """{claim_id: (status, reason, note, author_name)} for settled claims of an article."""
    rows = conn.execute(
        text("SELECT k.claim_id, k.status, k.reason, k.note, coalesce(r.name, '?') "
             "FROM consensus k JOIN claim c ON c.id = k.claim_id "
             "LEFT JOIN reviewer r ON r.id = k.author WHERE c.article_id = :a"),
        {"a": article_id},
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def all_reviewed_verdicts(conn: Connection, article_id: str | None = None
                          ) -> list[tuple[str, str, str, str]]:
    """(article_id, claim_id, reviewer_id, status) of every reviewed, live verdict."""
    where = "AND c.article_id = :a" if article_id else ""
    rows = conn.execute(
        text("SELECT c.article_id, v.claim_id, v.reviewer_id, v.status FROM verdict v "
             "JOIN claim c ON c.id = v.claim_id JOIN article a ON a.id = c.article_id "
             f"WHERE v.status != 'unreviewed' AND c.retired = 0 AND a.retired = 0 {where}"),
        {"a": article_id},
    )
    return [tuple(row) for row in rows]


def event_count(conn: Connection) -> int:
    return conn.execute(text("SELECT count(*) FROM event")).scalar_one()
