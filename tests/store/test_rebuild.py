"""A rebuild of the projections from the log equals the live tables."""

from __future__ import annotations

import random
import sqlite3

import pytest
from sqlalchemy import text

from claimledger.domain import events as ev
from claimledger.store import log, projections, verify


@pytest.fixture
def busy_workspace(open_workspace, article_files):
    """Two reviewers, three articles: marks, reasons, notes, sources, finer claims,
    article edits, a settled disagreement, undo and redo."""
    ana = open_workspace("Ana")
    report = ana.import_files(list(article_files.values()))
    ids = [a.id for a in report.imported]
    claims = {article: [c.id for c in ana.claims(article)] for article in ids}
    first = claims[ids[0]]
    ana.mark(first[0], "disputed", reason="Contradicted by records", note="See minutes.")
    ana.mark(first[1], "sourced", reason="Official statistics")
    ana.set_note(first[1], "Ministry table 4 — “depth survey” 📏")
    ana.mark(first[2], "unverified", reason="Declined to comment")
    ana.undo()
    ana.undo()
    ana.redo()
    ana.mark(claims[ids[1]][0], "not-a-claim", reason="Headline or heading")
    ana.set_reason(claims[ids[1]][0], None)
    ana.mark(claims[ids[2]][-1], "unverified", reason="Anonymous sourcing")
    kept, _ = ana.add_source(first[0], url="https://eastmoor.example/minutes.pdf",
                             kind="document", title="Council minutes", excerpt="Carried 7-2.",
                             publisher="Eastmoor council")
    ana.edit_source(kept, excerpt="Motion carried, 7 votes to 2.")
    dropped, _ = ana.add_source(claims[ids[1]][1], url="https://blog.example/post",
                                title="A blog post", excerpt="Rumour.", stance="contradicts")
    ana.retire_source(dropped)
    body = ana.article(ids[1]).text
    start = body.index("19 days")
    ana.add_claim(ids[1], start, start + len("19 days"))
    ana.retire_claim(claims[ids[2]][0])
    ana.undo()
    ana.edit_article(ids[0], title="Eastmoor harbour dredging approved", outlet="The Gazette")

    ben = open_workspace("Ben", path=ana.path)
    ben.mark(first[0], "sourced", reason="Primary document", note="Ben disagrees.")
    ben.mark(first[1], "disputed")
    ben.undo()
    ben.settle(first[0], "disputed", reason="Contradicted by records")
    declined = next(c.id for c in ana.claims(ids[0]) if "declined to comment" in c.text)
    ben.dismiss(declined)
    ben.undo()
    ben.redo()
    ana.accept(declined)
    return ana, ben


def _search_index(conn) -> list[tuple] | None:
    """The full-text index by claim id (claim rowids may change in a rebuild)."""
    has_fts = conn.execute(text(
        "SELECT 1 FROM sqlite_master WHERE name = 'claim_fts'")).first()
    if not has_fts:
        return None
    return sorted(tuple(row) for row in conn.execute(text(
        "SELECT c.id, f.statement, f.notes, f.excerpts FROM claim_fts f "
        "JOIN claim c ON c.rowid = f.rowid")))


def _rebuilt(ws):
    with ws.db.rollback_only() as conn:
        live = verify.snapshot(conn), _search_index(conn)
        log.rebuild_projections(conn)
        once = verify.snapshot(conn), _search_index(conn)
        log.rebuild_projections(conn)
        twice = verify.snapshot(conn), _search_index(conn)
    return live, once, twice


def test_rebuild_equals_the_live_tables(busy_workspace):
    ana, ben = busy_workspace
    assert ana.projections_match_log()
    assert ben.projections_match_log()
    (live, index), once, twice = _rebuilt(ana)
    assert once == (live, index)
    assert twice == (live, index)
    assert len(live["article"]) == 3
    assert len(live["reviewer"]) == 2
    assert len(live["verdict"]) >= 6
    assert all(len(rows) for rows in live.values())
    assert len(live["source"]) == 2
    assert len(live["consensus"]) == 1
    assert len(live["dismissal"]) == 1
    if index is not None:
        assert len(index) == len(live["claim"])
        assert any("Ben disagrees." in row[2] for row in index)
        assert any("7 votes to 2" in row[3] for row in index)
        assert not any("Rumour" in row[3] for row in index)  # retired source


def test_the_check_keeps_nothing(busy_workspace):
    ana, _ = busy_workspace
    with ana.db.read() as conn:
        before = verify.snapshot(conn), list(log.iter_events(conn))
    assert ana.projections_match_log()
    with ana.db.read() as conn:
        assert (verify.snapshot(conn), list(log.iter_events(conn))) == before


def test_a_tampered_table_is_detected(busy_workspace):
    ana, _ = busy_workspace
    raw = sqlite3.connect(ana.path)
    with raw:
        raw.execute("UPDATE verdict SET note = 'edited behind the log' "
                    "WHERE rowid = (SELECT min(rowid) FROM verdict)")
    raw.close()
    assert not ana.projections_match_log()


def test_replay_in_another_order_gives_the_same_tables(busy_workspace):
    """Sync merges logs in any order; articles come before what refers to them."""
    ana, _ = busy_workspace
    with ana.db.rollback_only() as conn:
        live, index = verify.snapshot(conn), _search_index(conn)
        events = list(log.iter_events(conn))
        for seed in range(5):
            shuffled = events[:]
            random.Random(seed).shuffle(shuffled)
            shuffled.sort(key=lambda e: e.kind != ev.ARTICLE_IMPORTED)  # stable
            for table in reversed(verify.PROJECTIONS):
                conn.execute(table.delete())
            for event in shuffled:
                projections.apply(conn, event)
            assert verify.snapshot(conn) == live, f"seed {seed}"
            assert _search_index(conn) == index, f"seed {seed}"


def test_a_reviewer_is_as_their_earliest_join_in_any_order_of_arrival(tmp_path):
    """Two joins of one reviewer (two devices, or a rejoin under a new name) arriving in
    either order leave the same row, the one a replay in clock order makes."""
    from claimledger.store import Database
    from claimledger.store.tables import reviewer_t

    key = "A" * 43 + "="
    early = ev.Event.new(ev.REVIEWER_JOINED, "r-1", "0001700000000000.000001",
                         {"name": "Ana Ruiz", "public_key": key})
    late = ev.Event.new(ev.REVIEWER_JOINED, "r-1", "0001700000000999.000001",
                        {"name": "Ana R.", "public_key": key})
    rows = []
    for order, name in (([early, late], "first.sqlite"), ([late, early], "second.sqlite")):
        database = Database(tmp_path / name)
        try:
            for event in order:
                with database.write() as conn:
                    log.merge(conn, [event])
            with database.read() as conn:
                rows.append(conn.execute(reviewer_t.select()).all())
                assert verify.rebuild_equals_live(conn)
        finally:
            database.close()
    assert rows[0] == rows[1]
    assert [(r.name, r.joined_hlc) for r in rows[0]] == [("Ana Ruiz", early.hlc)]
