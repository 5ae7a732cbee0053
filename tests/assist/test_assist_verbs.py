"""Assisted review verbs: suggestions, accept, dismiss, cut the page tail, figures that clash."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.domain.status import Status
from claimledger.store import analysis
from claimledger.workspace import ANALYSIS_VERSION, WorkspaceError
from claimledger.workspace import assist as assist_module

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
MEASLES = DEVSET / "measles-elsmere.txt"


def _import(ws, path=MEASLES, **options) -> str:
    report = ws.import_files([path], **options)
    return report.imported[0].id


def _claim(ws, article_id: str, words: str):
    return next(c for c in ws.claims(article_id) if words in c.text)


def test_suggestions_carry_status_reason_markers_and_checkworthiness(open_ws):
    ws = open_ws()
    article = _import(ws)
    found = ws.suggestions(article)
    assert set(found) == {c.id for c in ws.claims(article)}
    unverified = found[_claim(ws, article, "without providing evidence").id]
    assert unverified.suggestion["status"] == "unverified"
    assert unverified.suggestion["reason"] == "Claimed without evidence"
    assert unverified.suggestion["markers"] == ["without providing evidence"]
    assert unverified.suggestion["because"].startswith("suggested because:")
    assert unverified.checkworthiness["score"] > 0
    assert unverified.checkworthiness["reasons"]
    sourced = found[_claim(ws, article, "Vaccination coverage among").id]
    assert sourced.suggestion["status"] == "sourced"
    assert sourced.suggestion["source_hint"]
    assert {84.0, 93.0} <= {n["value"] for n in sourced.numbers}
    headline = found[_claim(ws, article, "climb for third month").id]
    assert headline.kind == "not-a-claim"
    assert headline.suggestion["status"] == "not-a-claim"
    assert headline.checkworthiness == {"score": 0.0, "reasons": []}
    assert not any(a.dismissed or a.accepted for a in found.values())


def test_figures_that_clash_name_the_other_claim(open_ws):
    ws = open_ws()
    article = _import(ws)
    found = ws.suggestions(article)
    national = _claim(ws, article, "The agency counted 1,150 cases").id
    state = _claim(ws, article, "put the state's own March count").id
    assert [f["claim"] for f in found[national].flags] == [state]
    assert [f["claim"] for f in found[state].flags] == [national]
    assert "exceeds the national" in found[national].flags[0]["explanation"]


def test_a_clash_with_another_article_is_flagged(open_ws):
    ws = open_ws()
    elsmere = _import(ws)
    national = _import(ws, DEVSET / "measles-national.md")
    here = _claim(ws, elsmere, "recorded 1,240 measles cases in April").id
    there = _claim(ws, national, "reported 980 cases in April").id
    assert [f["claim"] for f in ws.suggestions(elsmere)[here].flags] == [there]
    assert [f["claim"] for f in ws.suggestions(national)[there].flags] == [here]
    assert "980" in ws.suggestions(national)[there].flags[0]["explanation"].split("vs")[0]


def test_accept_marks_with_the_suggestion_and_is_undoable(open_ws):
    ws = open_ws()
    article = _import(ws)
    claim = _claim(ws, article, "without providing evidence").id
    changes = ws.accept(claim)
    assert changes.claims == {claim} and changes.label == "Accept suggestion"
    view = ws.claim(claim)
    assert (view.status, view.reason) == (Status.UNVERIFIED, "Claimed without evidence")
    assert ws.suggestions(article)[claim].accepted
    history = ws.history(claim)
    assert history[0].kind == "verdict.set"
    assert ws.undo_label == "Accept suggestion"
    ws.undo()
    assert ws.claim(claim).status is Status.UNREVIEWED
    assert not ws.suggestions(article)[claim].accepted
    ws.redo()
    assert ws.claim(claim).status is Status.UNVERIFIED
    assert ws.suggestions(article)[claim].accepted
    ws.mark(claim, Status.DISPUTED)
    assert not ws.suggestions(article)[claim].accepted
    assert ws.projections_match_log()


def test_accept_payload_says_it_was_a_suggestion(open_ws):
    ws = open_ws()
    article = _import(ws)
    claim = _claim(ws, article, "on condition of anonymity").id
    ws.accept(claim)
    from claimledger.store import log

    with ws.db.read() as conn:
        events = [e for e in log.iter_events(conn, claim_id=claim)]
    assert events[-1].payload == {"claim": claim, "status": "unverified",
                                  "reason": "Anonymous sourcing", "note": None,
                                  "accepted_suggestion": True}


def test_accept_without_a_suggestion_is_refused(open_ws):
    ws = open_ws()
    article = _import(ws)
    claim = _claim(ws, article, "put the state's own March count").id
    assert ws.suggestions(article)[claim].suggestion["status"] is None
    with pytest.raises(WorkspaceError, match="^There is no suggestion to accept for this "
                                             "statement.$"):
        ws.accept(claim)
    with pytest.raises(WorkspaceError, match="no suggestion to dismiss"):
        ws.dismiss(claim)
    assert ws.claim(claim).status is Status.UNREVIEWED


def test_dismiss_is_an_event_per_reviewer_that_survives_reopening(open_ws, tmp_path):
    ws = open_ws()
    article = _import(ws)
    claim = _claim(ws, article, "did not respond").id
    changes = ws.dismiss(claim)
    assert changes.claims == {claim}
    assert ws.suggestions(article)[claim].dismissed
    assert ws.dismiss(claim).empty  # already dismissed: nothing to do
    assert ws.history(claim)[0].kind == "suggestion.dismissed"
    assert ws.claim(claim).status is Status.UNREVIEWED  # a dismissal sets no verdict
    ws.close()
    again = open_ws()
    assert again.suggestions(article)[claim].dismissed
    other = open_ws("Ben")
    assert not other.suggestions(article)[claim].dismissed
    assert again.projections_match_log()


def test_undo_of_dismiss_takes_it_back(open_ws):
    ws = open_ws()
    article = _import(ws)
    claim = _claim(ws, article, "did not respond").id
    ws.dismiss(claim)
    ws.undo()
    assert not ws.suggestions(article)[claim].dismissed
    ws.redo()
    assert ws.suggestions(article)[claim].dismissed
    assert ws.projections_match_log()


def test_cut_tail_retires_the_page_tail_in_one_undo_step(open_ws):
    ws = open_ws()
    article = _import(ws)
    tail = {c.id for c in ws.claims(article) if c.kind == "outside-body"}
    assert len(tail) == 4
    before = len(ws.claims(article))
    changes = ws.cut_tail(article)
    assert changes.claims == tail
    assert len(ws.claims(article)) == before - 4
    assert not tail & set(ws.suggestions(article))
    with pytest.raises(WorkspaceError, match="no page tail"):
        ws.cut_tail(article)
    ws.undo()
    assert {c.id for c in ws.claims(article) if c.kind == "outside-body"} == tail
    assert ws.projections_match_log()


def test_verbs_refuse_unknown_and_retired_claims(open_ws):
    ws = open_ws()
    article = _import(ws)
    with pytest.raises(WorkspaceError, match="No claim with id nope"):
        ws.accept("nope")
    with pytest.raises(WorkspaceError, match="No article"):
        ws.suggestions("nope")
    claim = _claim(ws, article, "did not respond").id
    ws.retire_claim(claim)
    with pytest.raises(WorkspaceError, match="retired"):
        ws.dismiss(claim)


def test_analysis_is_cached_and_redone_for_new_rules_or_new_claims(open_ws, monkeypatch):
    ws = open_ws()
    article = _import(ws, analyse=False)
    with ws.db.read() as conn:
        assert not analysis.is_current(conn, article, ANALYSIS_VERSION)
    ws.analyse(article)
    with ws.db.read() as conn:
        assert analysis.is_current(conn, article, ANALYSIS_VERSION)
        seen = analysis.generation(conn)
    ws.analyse(article)
    ws.suggestions(article)
    with ws.db.read() as conn:
        assert analysis.generation(conn) == seen  # nothing recomputed
    claim = _claim(ws, article, "did not respond")
    new_ids, _changes = ws.split_claim(claim.id, claim.start + 5)
    assert set(new_ids) <= set(ws.suggestions(article))
    monkeypatch.setattr(assist_module, "ANALYSIS_VERSION", ANALYSIS_VERSION + 1)
    ws.suggestions(article)
    with ws.db.read() as conn:
        assert analysis.is_current(conn, article, ANALYSIS_VERSION + 1)


def test_rebuilding_projections_leaves_the_analysis_alone(open_ws):
    ws = open_ws()
    article = _import(ws)
    ws.dismiss(_claim(ws, article, "did not respond").id)
    ws.accept(_claim(ws, article, "without providing evidence").id)
    before = ws.suggestions(article)
    assert ws.projections_match_log()
    with ws.db.write() as conn:
        from claimledger.store import log

        log.rebuild_projections(conn)
    assert ws.suggestions(article) == before


STATE_REMOVALS = """Border state reports record month of removals

By Ines Varga, Harlow Ledger

Published July 9, 2026

Texas alone carried out 18,250 removals in June, state officials said on Tuesday.

Of the 1,200 removals from the Harlow county jail in June, 700 were of people from \
Brenovia and 650 of people from Ostland, the sheriff's office said.
"""

NATIONAL_ORDERS = """Immigration courts slow down in June

By Tomas Reyes, Capitol Courier

Published July 10, 2026

Nationwide, immigration judges saw 1,520 people ordered removed in June, court records show.

The backlog of pending cases grew again, the court administrator said.
"""


def test_removals_in_one_state_above_the_nations_orders_are_flagged_across_articles(
        open_ws, tmp_path):
    ws = open_ws()
    (tmp_path / "state.txt").write_text(STATE_REMOVALS, encoding="utf-8")
    (tmp_path / "national.txt").write_text(NATIONAL_ORDERS, encoding="utf-8")
    state = _import(ws, tmp_path / "state.txt")
    national = _import(ws, tmp_path / "national.txt")
    part = _claim(ws, state, "Texas alone").id
    whole = _claim(ws, national, "people ordered removed").id
    (flag,) = ws.suggestions(national)[whole].flags
    assert flag["claim"] == part
    assert "a part exceeds the whole" in flag["explanation"]
    assert [f["claim"] for f in ws.suggestions(state)[part].flags] == [whole]


def test_parts_that_exceed_their_total_flag_the_statement_itself(open_ws, tmp_path):
    ws = open_ws()
    (tmp_path / "state.txt").write_text(STATE_REMOVALS, encoding="utf-8")
    state = _import(ws, tmp_path / "state.txt")
    jail = _claim(ws, state, "county jail").id
    (flag,) = ws.suggestions(state)[jail].flags
    assert flag["claim"] == jail
    assert "700 + 650 = 1,350" in flag["explanation"]


OFFICIALS = """Deportation drive falls short of its goal

By Mara Quist, Harlow Ledger

Published July 11, 2026

Varga and Hollis set an ambitious target of 1 million deportations a year, according to \
people familiar with the plan.

Immigration courts in Harlow remain closed on Fridays, the court administrator said.
"""

PRESIDENT = """A year of removals

By Ilan Broek, Capitol Courier

Published July 12, 2026

The president has said his goal is to remove one million people from the country each \
year of his term.

Immigration lawyers in Harlow say the city's shelters are full.
"""


def test_the_same_target_in_two_articles_is_linked_and_says_why(open_ws, tmp_path):
    ws = open_ws()
    (tmp_path / "officials.txt").write_text(OFFICIALS, encoding="utf-8")
    (tmp_path / "president.txt").write_text(PRESIDENT, encoding="utf-8")
    officials = _import(ws, tmp_path / "officials.txt")
    president = _import(ws, tmp_path / "president.txt")
    target = _claim(ws, officials, "ambitious target").id
    goal = _claim(ws, president, "his goal").id
    (match,) = ws.matches(president)
    assert (match.claim_id, match.other_claim_id, match.linked) == (goal, target, True)
    assert "the same figure (1,000,000 removals per year)" in match.because
    assert "the same predicate (target/goal)" in match.because
    # a city's name and the word "immigration" in common are not a match
    assert [m.other_claim_id for m in ws.matches(officials)] == [goal]
