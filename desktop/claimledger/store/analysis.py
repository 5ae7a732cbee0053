"""Assisted review's derived data: per-claim analysis, claim matches and their index.

None of this is a projection of the event log: it is computed from the claims' text by
the rules of a version (article_analysis.version), cached here, and thrown away and
recomputed when the rules change. Bulk writes are Core executemany; look-ups by many
keys go in chunks below SQLite's limit on bound parameters.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, bindparam, delete, insert, select, text

from claimledger.domain.records import MatchView
from claimledger.store.tables import (
    article_analysis_t,
    claim_analysis_t,
    claim_match_t,
    match_frequency_t,
    match_posting_t,
)

_CHUNK = 900
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class LiveClaim:
    id: str
    text: str
    kind: str
    role: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """One claim's cached analysis, decoded."""

    claim_id: str
    suggestion: dict
    score: float
    reasons: list[str]
    numbers: list[dict]


def _chunks(items: Iterable[_T]) -> Iterator[list[_T]]:
    items = list(items)
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- state ----------------------------------------------------------------------------------


def article_exists(conn: Connection, article_id: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM article WHERE id = :a"),
                             {"a": article_id}).first())


def is_current(conn: Connection, article_id: str, version: int) -> bool:
    """Whether the article is analysed by these rules and every live claim has its row."""
    analysed = conn.execute(
        select(article_analysis_t.c.version).where(article_analysis_t.c.article_id == article_id)
    ).scalar()
    if analysed != version:
        return False
    missing = conn.execute(
        text("SELECT 1 FROM claim c WHERE c.article_id = :a AND c.retired = 0 AND NOT EXISTS "
             "(SELECT 1 FROM claim_analysis x WHERE x.claim_id = c.id) LIMIT 1"),
        {"a": article_id},
    ).first()
    return missing is None


def pending_articles(conn: Connection, version: int) -> list[str]:
    """Live articles not analysed by these rules, or with a live claim not analysed yet,
    oldest first (so matches are found in import order)."""
    rows = conn.execute(
        text("SELECT a.id FROM article a "
             "LEFT JOIN article_analysis x ON x.article_id = a.id "
             "WHERE a.retired = 0 AND (x.version IS NULL OR x.version != :v OR EXISTS ("
             "  SELECT 1 FROM claim c WHERE c.article_id = a.id AND c.retired = 0 AND NOT EXISTS"
             "  (SELECT 1 FROM claim_analysis y WHERE y.claim_id = c.id))) "
             "ORDER BY a.retrieved, a.id"),
        {"v": version},
    )
    return [row[0] for row in rows]


_GENERATION = "analysis.generation"


def generation(conn: Connection) -> int:
    """A counter bumped whenever an article's analysis is saved, to detect a concurrent
    analysis between reading the index and writing to it."""
    value = conn.execute(text("SELECT value FROM setting WHERE key = :k"),
                         {"k": _GENERATION}).scalar()
    return int(value) if value else 0


def _bump_generation(conn: Connection) -> None:
    conn.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1') ON CONFLICT (key) "
                      "DO UPDATE SET value = CAST(value AS INTEGER) + 1"), {"k": _GENERATION})


def live_claims(conn: Connection, article_id: str) -> list[LiveClaim]:
    """The article's live statements in reading order."""
    rows = conn.execute(
        text('SELECT id, text, kind, role FROM claim WHERE article_id = :a AND retired = 0 '
             'ORDER BY start, "end" DESC'),
        {"a": article_id},
    )
    return [LiveClaim(*row) for row in rows]


def claim_article(conn: Connection, claim_id: str) -> tuple[str, bool] | None:
    """(article id, live) of a claim, or None."""
    row = conn.execute(text("SELECT article_id, retired FROM claim WHERE id = :c"),
                       {"c": claim_id}).first()
    return (row[0], not row[1]) if row else None


# --- the index --------------------------------------------------------------------------------
#
# Tokens are 32-bit integers (text.matching.token_key); claims are claim_analysis.key, and
# one article's claims have consecutive keys, so its own postings are a key range.


def claim_key_range(conn: Connection, article_id: str) -> tuple[int, int] | None:
    """(lowest, highest) key of the article's analysed claims, or None."""
    row = conn.execute(text("SELECT min(key), max(key) FROM claim_analysis "
                            "WHERE article_id = :a"), {"a": article_id}).first()
    return (row[0], row[1]) if row and row[0] is not None else None


def token_frequencies(conn: Connection, tokens: Iterable[int]) -> dict[int, int]:
    """How many analysed articles carry each token (tokens in none are left out): one
    row per token, never a count of postings."""
    query = (select(match_frequency_t.c.token, match_frequency_t.c.articles)
             .where(match_frequency_t.c.token.in_(bindparam("tokens", expanding=True))))
    found: dict[int, int] = {}
    for chunk in _chunks(tokens):
        found.update((row[0], row[1]) for row in conn.execute(query, {"tokens": chunk}))
    return found


_POSTINGS = text("SELECT claim FROM match_posting WHERE token = :t "
                 "AND claim NOT BETWEEN :lo AND :hi ORDER BY claim DESC LIMIT :cap")


def postings(conn: Connection, tokens: Iterable[int], *, cap: int,
             exclude: tuple[int, int] | None = None) -> dict[int, list[int]]:
    """{token: [claim key, ...]}: at most ``cap`` claims per token, the newest first,
    leaving out the ``exclude`` range of keys (the article's own claims)."""
    lo, hi = exclude or (0, -1)
    found: dict[int, list[int]] = {}
    for token in tokens:
        keys = [row[0] for row in conn.execute(_POSTINGS, {"t": token, "lo": lo, "hi": hi,
                                                           "cap": cap})]
        if keys:
            found[token] = keys
    return found


def live_texts(conn: Connection, keys: Iterable[int]) -> dict[int, tuple[str, str, str]]:
    """{claim key: (claim id, article id, text)} of those claims that are live, in live
    articles."""
    query = text("SELECT x.key, c.id, c.article_id, c.text FROM claim_analysis x "
                 "JOIN claim c ON c.id = x.claim_id JOIN article a ON a.id = c.article_id "
                 "WHERE x.key IN :keys AND c.retired = 0 AND a.retired = 0"
                 ).bindparams(bindparam("keys", expanding=True))
    found: dict[int, tuple[str, str, str]] = {}
    for chunk in _chunks(keys):
        found.update((row[0], (row[1], row[2], row[3]))
                     for row in conn.execute(query, {"keys": chunk}))
    return found


def _pack(tokens: Iterable[int]) -> bytes:
    return array("i", sorted(set(tokens))).tobytes()


def _unpack(blob: bytes | None) -> list[int]:
    found = array("i")
    found.frombytes(blob or b"")
    return list(found)


# --- saving -----------------------------------------------------------------------------------


def drop_article(conn: Connection, article_id: str) -> None:
    """Forget an article's analysis, its index entries and its matches (both ways)."""
    mirrors = [{"c": other, "o": mine} for mine, other in conn.execute(
        select(claim_match_t.c.claim_id, claim_match_t.c.other_claim_id)
        .where(claim_match_t.c.article_id == article_id))]
    if mirrors:
        conn.execute(delete(claim_match_t).where(
            (claim_match_t.c.claim_id == bindparam("c"))
            & (claim_match_t.c.other_claim_id == bindparam("o"))), mirrors)
    keys = claim_key_range(conn, article_id)
    blob = conn.execute(select(article_analysis_t.c.tokens)
                        .where(article_analysis_t.c.article_id == article_id)).scalar()
    tokens = [{"t": token} for token in _unpack(blob)]
    if keys and tokens:
        conn.execute(text("DELETE FROM match_posting WHERE token = :t "
                          "AND claim BETWEEN :lo AND :hi"),
                     [dict(row, lo=keys[0], hi=keys[1]) for row in tokens])
    if tokens:
        conn.execute(text("UPDATE match_frequency SET articles = articles - 1 "
                          "WHERE token = :t"), tokens)
        conn.execute(text("DELETE FROM match_frequency WHERE token = :t AND articles <= 0"),
                     tokens)
    for table in (claim_match_t, claim_analysis_t, article_analysis_t):
        conn.execute(delete(table).where(table.c.article_id == article_id))


def save_article(
    conn: Connection,
    article_id: str,
    version: int,
    analyses: Sequence[Analysis],
    tokens: Sequence[tuple[int, str | None]],
    matches: Sequence[tuple[str, str, str, float, bool]],
) -> None:
    """Replace an article's analysis in bulk.

    ``tokens`` are (token key, claim id) of the article's claims, every token counted in
    match_frequency and posted unless its claim id is None; ``matches`` are
    (claim id, other article id, other claim id, similarity, linked), stored both ways.
    The claims get the next free keys, in order, so they are newer than every other.
    """
    drop_article(conn, article_id)
    first = int(conn.execute(text("SELECT coalesce(max(key), 0) + 1 FROM claim_analysis")
                             ).scalar())
    keys = {a.claim_id: first + i for i, a in enumerate(analyses)}
    if analyses:
        conn.execute(insert(claim_analysis_t), [
            {"key": keys[a.claim_id], "claim_id": a.claim_id, "article_id": article_id,
             "suggestion": _dumps(a.suggestion), "score": a.score,
             "reasons": _dumps(a.reasons), "numbers": _dumps(a.numbers)}
            for a in analyses])
    postings = sorted({(token, keys[claim_id]) for token, claim_id in tokens
                       if claim_id in keys})
    if postings:
        conn.execute(insert(match_posting_t),
                     [{"token": token, "claim": key} for token, key in postings])
    distinct = sorted({token for token, _claim in tokens})
    if distinct:
        conn.execute(text("INSERT INTO match_frequency (token, articles) VALUES (:t, 1) "
                          "ON CONFLICT (token) DO UPDATE SET articles = articles + 1"),
                     [{"t": token} for token in distinct])
    rows = []
    for claim_id, other_article, other_claim, similarity, linked in matches:
        rows.append({"claim_id": claim_id, "other_claim_id": other_claim,
                     "article_id": article_id, "other_article_id": other_article,
                     "similarity": similarity, "linked": int(linked)})
        rows.append({"claim_id": other_claim, "other_claim_id": claim_id,
                     "article_id": other_article, "other_article_id": article_id,
                     "similarity": similarity, "linked": int(linked)})
    if rows:
        conn.execute(insert(claim_match_t).prefix_with("OR REPLACE"), rows)
    conn.execute(insert(article_analysis_t).prefix_with("OR REPLACE"),
                 {"article_id": article_id, "version": version, "tokens": _pack(distinct)})
    _bump_generation(conn)


# --- reading ----------------------------------------------------------------------------------


def _analysis(row) -> Analysis:
    return Analysis(row.claim_id, json.loads(row.suggestion), row.score,
                    json.loads(row.reasons), json.loads(row.numbers))


def analyses_of_article(conn: Connection, article_id: str) -> dict[str, Analysis]:
    rows = conn.execute(select(claim_analysis_t)
                        .where(claim_analysis_t.c.article_id == article_id))
    return {row.claim_id: _analysis(row) for row in rows}


def clash_candidates(conn: Connection, keys: Iterable[int], *, cap: int,
                     exclude: tuple[int, int] | None = None,
                     ) -> list[tuple[str, str, str, list[dict]]]:
    """(claim id, article id, text, numbers) of live claims of other live articles whose
    figures fall in one of the groups ``keys`` name: at most ``cap`` per group, newest
    first."""
    found = {key for keys_ in postings(conn, keys, cap=cap, exclude=exclude).values()
             for key in keys_}
    query = text(
        "SELECT c.id, c.article_id, c.text, x.numbers FROM claim_analysis x "
        "JOIN claim c ON c.id = x.claim_id JOIN article a ON a.id = c.article_id "
        "WHERE x.key IN :keys AND c.retired = 0 AND a.retired = 0 ORDER BY x.key DESC"
    ).bindparams(bindparam("keys", expanding=True))
    out = []
    for chunk in _chunks(sorted(found)):
        out += [(row[0], row[1], row[2], json.loads(row[3]))
                for row in conn.execute(query, {"keys": chunk})]
    return out


def matches_of_article(conn: Connection, article_id: str) -> list[MatchView]:
    """The article's live claims said again in other live articles, best first."""
    rows = conn.execute(
        text("SELECT m.claim_id, m.other_article_id, a.title, m.other_claim_id, o.text, "
             "m.similarity, m.linked FROM claim_match m "
             "JOIN claim mine ON mine.id = m.claim_id "
             "JOIN claim o ON o.id = m.other_claim_id "
             "JOIN article a ON a.id = m.other_article_id "
             "WHERE m.article_id = :a AND mine.retired = 0 AND o.retired = 0 "
             "AND a.retired = 0 "
             "ORDER BY m.similarity DESC, mine.start, m.claim_id, m.other_claim_id"),
        {"a": article_id},
    )
    return [MatchView(row[0], row[1], row[2], row[3], row[4], float(row[5]), bool(row[6]))
            for row in rows]


def dismissed_claims(conn: Connection, article_id: str, reviewer: str) -> set[str]:
    rows = conn.execute(
        text("SELECT d.claim_id FROM claim c CROSS JOIN dismissal d ON d.claim_id = c.id "
             "WHERE c.article_id = :a AND d.reviewer_id = :r AND d.dismissed = 1"),
        {"a": article_id, "r": reviewer},
    )
    return {row[0] for row in rows}


def is_dismissed(conn: Connection, claim_id: str, reviewer: str) -> bool:
    return bool(conn.execute(
        text("SELECT 1 FROM dismissal WHERE claim_id = :c AND reviewer_id = :r "
             "AND dismissed = 1"), {"c": claim_id, "r": reviewer}).first())


def accepted_claims(conn: Connection, article_id: str, reviewer: str) -> set[str]:
    """Claims whose current verdict by this reviewer is an accepted suggestion."""
    # CROSS JOIN keeps SQLite from starting at the reviewer's every verdict
    rows = conn.execute(
        text("SELECT v.claim_id FROM claim c CROSS JOIN verdict v ON v.claim_id = c.id "
             "AND v.reviewer_id = :r CROSS JOIN event e ON e.id = v.event_id "
             "WHERE c.article_id = :a "
             "AND json_extract(e.payload, '$.accepted_suggestion') = 1"),
        {"a": article_id, "r": reviewer},
    )
    return {row[0] for row in rows}
