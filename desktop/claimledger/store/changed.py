"""Reads bounded by what changed: a few claims, one article's row.

A keypress in the window refreshes only what its verb changed, so these queries take
ids and touch only their rows (correlated subqueries on indexed keys), never a GROUP BY
over a whole table: their cost is the same at 10 articles and at 5,000.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, text

from claimledger.domain.records import ArticleSummary, ClaimView, Verdict
from claimledger.domain.status import Status

_STANCE = ("(SELECT count(*) FROM source s WHERE s.claim_id = c.id AND s.retired = 0 "
           "AND s.stance = '{stance}')")

_CLAIMS_BY_ID = f"""
    SELECT c.id, c.article_id, c.start, c."end", c.text, c.kind, c.role, c.origin,
           coalesce(v.status, 'unreviewed') AS status, v.reason, v.note,
           {_STANCE.format(stance='supports')} AS supports,
           {_STANCE.format(stance='contradicts')} AS contradicts,
           {_STANCE.format(stance='context')} AS context
    FROM claim c
    LEFT JOIN verdict v ON v.claim_id = c.id AND v.reviewer_id = :reviewer
    WHERE c.id IN ({{ids}}) AND c.retired = 0
"""

_ONE_SUMMARY = text("""
    SELECT a.id, a.title, a.outlet, a.author, a.url, a.published, a.retrieved,
           (SELECT count(*) FROM claim c WHERE c.article_id = a.id AND c.retired = 0),
           coalesce(r.done, 0), coalesce(r.sourced, 0), coalesce(r.disputed, 0),
           coalesce(r.unverified, 0), coalesce(r.not_a_claim, 0),
           (SELECT count(*) FROM claim c WHERE c.article_id = a.id AND c.retired = 0
              AND c.kind = 'claim'),
           (SELECT count(*) FROM claim c WHERE c.article_id = a.id AND c.retired = 0
              AND c.kind != 'claim')
    FROM article a
    LEFT JOIN (SELECT count(*) AS done, sum(v.status = 'sourced') AS sourced,
                      sum(v.status = 'disputed') AS disputed,
                      sum(v.status = 'unverified') AS unverified,
                      sum(v.status = 'not-a-claim') AS not_a_claim
               FROM claim c JOIN verdict v ON v.claim_id = c.id
               WHERE c.article_id = :article AND c.retired = 0 AND c.kind = 'claim'
                 AND v.reviewer_id = :reviewer AND v.status != 'unreviewed') r ON 1
    WHERE a.id = :article AND a.retired = :retired
""")


def claim_view_of_row(row) -> ClaimView:
    return ClaimView(
        id=row.id, article_id=row.article_id, start=row.start, end=row.end, text=row.text,
        kind=row.kind, role=row.role, origin=row.origin, status=Status(row.status),
        reason=row.reason, note=row.note, supports=row.supports,
        contradicts=row.contradicts, context=row.context,
    )


def _driver_rows(conn: Connection, sql: str, claim_ids: Collection[str], **params):
    """Rows of `sql`, whose `{ids}` becomes one placeholder per claim id, run on the
    driver's cursor: these reads follow every keypress, and SQLAlchemy's per-statement
    work (compiling an expanding IN, building result metadata) cost more than SQLite's.
    Still inside `conn`'s transaction."""
    names = [f"id{n}" for n in range(len(claim_ids))]
    sql = sql.format(ids=", ".join(f":{name}" for name in names))
    cursor = conn.connection.driver_connection.cursor()
    try:
        return cursor.execute(sql, dict(zip(names, claim_ids, strict=True)) | params
                              ).fetchall()
    finally:
        cursor.close()


def claims_by_id(conn: Connection, claim_ids: Collection[str],
                 reviewer: str) -> dict[str, ClaimView]:
    """The live claims among `claim_ids` (retired or unknown ones are absent)."""
    if not claim_ids:
        return {}
    rows = _driver_rows(conn, _CLAIMS_BY_ID, list(claim_ids), reviewer=reviewer)
    return {row[0]: ClaimView(*row[:8], Status(row[8]), *row[9:]) for row in rows}


def article_summary(conn: Connection, article_id: str, reviewer: str,
                    retired: bool = False) -> ArticleSummary | None:
    """One library row, counted over that article's claims only."""
    row = conn.execute(_ONE_SUMMARY, {"article": article_id, "reviewer": reviewer,
                                      "retired": int(retired)}).first()
    return ArticleSummary(*row) if row else None


def verdicts_of_claims(conn: Connection, claim_ids: Collection[str]
                       ) -> dict[str, list[tuple[str, Verdict]]]:
    """Every reviewer's verdict on each of `claim_ids`: {claim_id: [(reviewer_id, v)]}."""
    if not claim_ids:
        return {}
    found: dict[str, list[tuple[str, Verdict]]] = {}
    for claim_id, reviewer_id, status, reason, note in _driver_rows(
            conn, "SELECT claim_id, reviewer_id, status, reason, note FROM verdict "
                  "WHERE claim_id IN ({ids}) ORDER BY claim_id, reviewer_id",
            list(claim_ids)):
        found.setdefault(claim_id, []).append(
            (reviewer_id, Verdict(Status(status), reason, note)))
    return found


def settled_of_claims(conn: Connection, claim_ids: Collection[str]) -> dict[str, tuple]:
    """{claim_id: (status, reason, note, author_name)} for the settled ones."""
    if not claim_ids:
        return {}
    rows = _driver_rows(
        conn, "SELECT k.claim_id, k.status, k.reason, k.note, coalesce(r.name, '?') "
              "FROM consensus k LEFT JOIN reviewer r ON r.id = k.author "
              "WHERE k.claim_id IN ({ids})", list(claim_ids))
    return {row[0]: tuple(row[1:]) for row in rows}


def suggestion_states(conn: Connection, claim_ids: Collection[str],
                      reviewer: str) -> dict[str, tuple[bool, bool]]:
    """{claim_id: (accepted, dismissed)}: is this reviewer's verdict an accepted
    suggestion, and did they dismiss the suggestion."""
    if not claim_ids:
        return {}
    rows = _driver_rows(conn, """
        SELECT c.id,
               coalesce((SELECT json_extract(e.payload, '$.accepted_suggestion') = 1
                         FROM verdict v JOIN event e ON e.id = v.event_id
                         WHERE v.claim_id = c.id AND v.reviewer_id = :r), 0),
               coalesce((SELECT d.dismissed = 1 FROM dismissal d
                         WHERE d.claim_id = c.id AND d.reviewer_id = :r), 0)
        FROM claim c WHERE c.id IN ({ids})
    """, list(claim_ids), r=reviewer)
    return {row[0]: (bool(row[1]), bool(row[2])) for row in rows}

