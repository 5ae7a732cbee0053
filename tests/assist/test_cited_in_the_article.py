"""Sourced is not attributed: accepting a suggestion records what the article itself cites
(or whom it quotes) as a source "cited in the article", in the same undoable step, and a
colleague receives it with the verdict."""

from __future__ import annotations

from pathlib import Path

from claimledger.domain.status import Status

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
MEASLES = DEVSET / "measles-elsmere.txt"
ATTRIBUTED = "Most of the cases were in children under 10"
CITED = "Vaccination coverage among five-year-olds"


def _claim(ws, article_id: str, words: str):
    return next(c for c in ws.claims(article_id) if words in c.text)


def test_an_attributed_statement_is_accepted_as_unverified_with_its_speaker(open_ws):
    ws = open_ws()
    article = ws.import_files([MEASLES]).imported[0].id
    claim = _claim(ws, article, ATTRIBUTED)
    suggestion = ws.suggestions(article)[claim.id].suggestion
    assert (suggestion["status"], suggestion["reason"], suggestion["basis"]) == (
        "unverified", "Attributed, not yet checked", "attributed")

    changes = ws.accept(claim.id)

    saved = ws.claim(claim.id)
    assert (saved.status, saved.reason) == (Status.UNVERIFIED, "Attributed, not yet checked")
    [source] = ws.sources(claim.id)
    assert (source.kind, source.title, source.stance) == ("article", "the department",
                                                         "context")
    assert source.excerpt and source.excerpt in claim.text and "said" in source.excerpt
    assert source.url is None and source.file is None  # it points at the article itself
    assert changes.claims == {claim.id}

    ws.undo()
    assert ws.claim(claim.id).status is Status.UNREVIEWED
    assert ws.sources(claim.id) == []
    ws.redo()
    assert [s.title for s in ws.sources(claim.id)] == ["the department"]


def test_a_cited_statement_is_accepted_as_sourced_with_what_it_cites(open_ws):
    ws = open_ws()
    article = ws.import_files([MEASLES]).imported[0].id
    claim = _claim(ws, article, CITED)

    ws.accept(claim.id)

    saved = ws.claim(claim.id)
    assert (saved.status, saved.reason, saved.source_count) == (
        Status.SOURCED, "Official statistics", 1)
    [source] = ws.sources(claim.id)
    assert (source.kind, source.title, source.stance) == (
        "article", "the national Public Health Agency", "supports")
    assert source.excerpt == "figures from the national Public Health Agency"


def test_a_colleague_receives_the_cited_source_with_the_verdict(open_ws, tmp_path):
    ana = open_ws("Ana Ruiz", tmp_path / "ana.sqlite")
    article = ana.import_files([MEASLES]).imported[0].id
    claim = _claim(ana, article, CITED)
    ana.accept(claim.id)
    path = tmp_path / "ana.cledger"
    ana.export_ledger(path)

    ben = open_ws("Ben Ode", tmp_path / "ben.sqlite")
    ben.sync_files([path], accept_new_reviewers=True)

    [source] = ben.sources(claim.id)
    assert (source.kind, source.title) == ("article", "the national Public Health Agency")
