"""Undo and redo through the workspace: new events that restore values, never deletions."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claimledger.domain.records import Changes
from claimledger.domain.status import Status
from claimledger.store import log


def _event_ids(ws) -> list[str]:
    with ws.db.read() as conn:
        return [e.id for e in log.iter_events(conn)]


def _state(ws, claim_id):
    view = ws.claim(claim_id)
    return view.status, view.reason, view.note


@pytest.fixture
def setup(open_workspace, article_files):
    ws = open_workspace()
    report = ws.import_files([article_files["harbour.txt"]])
    article_id = report.imported[0].id
    claims = ws.claims(article_id)
    assert len(claims) >= 3
    return ws, article_id, [c.id for c in claims]


def test_undo_restores_the_previous_verdict_as_a_new_event(setup):
    ws, article_id, (claim, *_) = setup
    ws.mark(claim, "disputed", reason="Misquoted", note="Council minutes say 7-2.")
    ws.mark(claim, Status.UNVERIFIED, reason="claimed-without-evidence", note="Asked twice.")
    assert _state(ws, claim) == (Status.UNVERIFIED, "Claimed without evidence", "Asked twice.")
    before = _event_ids(ws)

    changes = ws.undo()

    after = _event_ids(ws)
    assert after[:len(before)] == before  # nothing deleted or rewritten
    assert len(after) == len(before) + 1
    assert _state(ws, claim) == (Status.DISPUTED, "Misquoted", "Council minutes say 7-2.")
    assert changes.claims == frozenset({claim})
    assert changes.articles == frozenset({article_id})
    assert changes.label == "Mark unverified"

    with ws.db.read() as conn:
        undo_event = list(log.iter_events(conn, claim_id=claim))[-1]
        marked = list(log.iter_events(conn, claim_id=claim))[-2]
    assert undo_event.id == after[-1]
    assert undo_event.payload["undo_of"] == marked.id
    assert undo_event.payload["status"] == "disputed"

    ws.undo()
    assert _state(ws, claim) == (Status.UNREVIEWED, None, None)
    assert len(_event_ids(ws)) == len(before) + 2


def test_redo_reapplies_in_order(setup):
    ws, _, (first, second, *_) = setup
    ws.mark(first, "sourced", reason="Official statistics")
    ws.set_note(first, "Port authority survey, p. 4")
    ws.mark(second, "not-a-claim", reason="Opinion")
    assert ws.undo_label == "Mark not a claim"

    for _ in range(3):
        ws.undo()
    assert _state(ws, first) == (Status.UNREVIEWED, None, None)
    assert _state(ws, second) == (Status.UNREVIEWED, None, None)
    assert ws.undo_label is None and ws.redo_label == "Mark sourced"

    count = len(_event_ids(ws))
    ws.redo()
    assert _state(ws, first) == (Status.SOURCED, "Official statistics", None)
    ws.redo()
    assert _state(ws, first) == (Status.SOURCED, "Official statistics",
                                 "Port authority survey, p. 4")
    ws.redo()
    assert _state(ws, second) == (Status.NOT_A_CLAIM, "Opinion", None)
    assert len(_event_ids(ws)) == count + 3
    with ws.db.read() as conn:
        last = list(log.iter_events(conn, claim_id=second))[-1]
    assert "redo_of" in last.payload
    assert ws.redo() == Changes()
    assert ws.redo_label is None


def test_a_new_mark_clears_redo(setup):
    ws, _, (first, second, *_) = setup
    ws.mark(first, "disputed")
    ws.undo()
    assert ws.redo_label == "Mark disputed"
    ws.mark(second, "sourced")
    assert ws.redo_label is None
    count = len(_event_ids(ws))
    assert ws.redo().empty
    assert len(_event_ids(ws)) == count
    assert _state(ws, first)[0] is Status.UNREVIEWED


def test_undo_with_an_empty_stack_changes_nothing(setup):
    ws, *_ = setup
    count = len(_event_ids(ws))
    changes = ws.undo()
    assert changes == Changes()
    assert changes.empty
    assert len(_event_ids(ws)) == count


def test_a_mark_that_changes_nothing_is_not_an_undo_step(setup):
    ws, _, (claim, *_) = setup
    ws.mark(claim, "disputed", reason="Misquoted")
    count = len(_event_ids(ws))
    assert ws.mark(claim, "disputed", reason="misquoted").empty  # same preset, by id/label
    assert len(_event_ids(ws)) == count
    ws.undo()
    assert _state(ws, claim) == (Status.UNREVIEWED, None, None)


def test_undo_after_reopen_starts_empty(open_workspace, setup):
    ws, _, (claim, *_) = setup
    ws.mark(claim, "sourced")
    ws.close()
    again = open_workspace(path=ws.path)
    assert again.undo_label is None
    assert again.undo().empty
    assert _state(again, claim)[0] is Status.SOURCED


def test_events_are_never_deleted(setup):
    ws, _, claims = setup
    for claim in claims[:3]:
        ws.mark(claim, "unverified", reason="Declined to comment")
    for _ in range(3):
        ws.undo()
    for _ in range(2):
        ws.redo()
    with ws.db.read() as conn:
        seqs = [row[0] for row in conn.execute(text("SELECT seq FROM event ORDER BY seq"))]
        verdicts = conn.execute(
            text("SELECT count(*) FROM event WHERE kind = 'verdict.set'")).scalar_one()
    assert seqs == list(range(1, len(seqs) + 1))
    assert verdicts == 3 + 3 + 2
