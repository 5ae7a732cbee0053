"""Content-derived ids: the same text gets the same ids in every workspace."""

from __future__ import annotations

import shutil

from claimledger.domain.ids import article_id_for, claim_id_for


def test_two_workspaces_give_the_same_ids(open_workspace, article_files, tmp_path):
    ana = open_workspace("Ana", path=tmp_path / "ana.sqlite")
    ben = open_workspace("Ben", path=tmp_path / "ben.sqlite")
    files = list(article_files.values())
    from_ana = ana.import_files(files).imported
    from_ben = ben.import_files(list(reversed(files))).imported
    assert sorted(a.id for a in from_ana) == sorted(a.id for a in from_ben)
    for article in from_ana:
        ana_claims = [(c.id, c.start, c.end, c.text) for c in ana.claims(article.id)]
        ben_claims = [(c.id, c.start, c.end, c.text) for c in ben.claims(article.id)]
        assert ana_claims == ben_claims
        assert ana_claims


def test_ids_are_derived_from_the_stored_text(open_workspace, article_files):
    ws = open_workspace()
    article = ws.import_files([article_files["emoji.txt"]]).imported[0]
    body = ws.article(article.id).text
    assert article.id == article_id_for(body)
    for claim in ws.claims(article.id):
        assert claim.id == claim_id_for(article.id, claim.start, claim.end)
        assert claim.text == body[claim.start:claim.end]


def test_the_same_text_twice_is_one_article(open_workspace, article_files, tmp_path):
    ws = open_workspace()
    path = article_files["harbour.txt"]
    copy = tmp_path / "harbour-copy.txt"
    shutil.copy(path, copy)
    first = ws.import_files([path]).imported[0]
    second = ws.import_files([path]).imported[0]
    third = ws.import_files([copy]).imported[0]
    assert first.created and not second.created and not third.created
    assert first.id == second.id == third.id
    assert first.statements == second.statements == third.statements
    assert len(ws.articles()) == 1
    report = ws.import_files([path, copy])
    assert [a.created for a in report.imported] == [False, False]
    assert report.changes.empty


def test_a_different_text_is_a_different_article(open_workspace, article_files, tmp_path):
    ws = open_workspace()
    path = article_files["clinic.txt"]
    edited = tmp_path / "clinic-corrected.txt"
    edited.write_text(path.read_text(encoding="utf-8").replace("19 days", "21 days"),
                      encoding="utf-8")
    one = ws.import_files([path]).imported[0]
    two = ws.import_files([edited]).imported[0]
    assert two.created and one.id != two.id
    assert len(ws.articles()) == 2


def test_reimporting_a_retired_article_restores_it(open_workspace, article_files):
    ws = open_workspace()
    path = article_files["clinic.txt"]
    article = ws.import_files([path]).imported[0]
    ws.retire_article(article.id)
    assert ws.articles() == []
    again = ws.import_files([path]).imported[0]
    assert again.id == article.id and not again.created
    assert [a.id for a in ws.articles()] == [article.id]
    with ws.db.read() as conn:
        imported = conn.exec_driver_sql(
            "SELECT count(*) FROM event WHERE kind = 'article.imported'").scalar_one()
    assert imported == 1
    assert ws.projections_match_log()
