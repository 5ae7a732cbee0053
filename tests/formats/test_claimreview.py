"""ClaimReview JSON-LD: one review per published verdict, valid against Google's fields."""

from __future__ import annotations

import json

import extruct
from formats_kit import claims_with, reviewed_sample

from claimledger.domain.status import Status
from sync_desk import ROOT, SAMPLE

URL = "https://desk.example.org/checks/grain"
SAMPLES = ROOT / "resources" / "samples"


def _reviews(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_review_passes_the_schema_and_says_the_verdict_in_words(
        desk, tmp_path, claimreview_schema):
    ana = desk.reviewer("Ana Ruiz")
    article_id = reviewed_sample(ana, SAMPLE)
    ana.edit_article(article_id, url="https://wire.example.com/grain-exports")
    out = tmp_path / "reviews.json"
    done = ana.export_claimreview([article_id], out, review_url=URL,
                                  desk="Metro desk, The Examiner")
    reviews = _reviews(out)
    assert done.items == len(reviews) == 3
    for review in reviews:
        assert not list(claimreview_schema.iter_errors(review)), review
    words = [r["reviewRating"]["alternateName"] for r in reviews]
    assert "Disputed: Figure contradicted by official data" in words
    assert {r["author"]["name"] for r in reviews} == {"Metro desk, The Examiner"}
    assert {r["author"]["@type"] for r in reviews} == {"Organization"}
    assert {r["itemReviewed"]["appearance"]["url"] for r in reviews} == {
        "https://wire.example.com/grain-exports"}
    assert len({r["url"] for r in reviews}) == 3
    assert all(r["url"].startswith(URL + "#claim-") for r in reviews)


def test_a_long_statement_is_shortened_at_a_word(desk, tmp_path, claimreview_schema):
    ana = desk.reviewer("Ana Ruiz")
    article_id = ana.import_files([SAMPLE]).imported[0].id
    longest = max(ana.claims(article_id), key=lambda c: len(c.text))
    assert len(longest.text) > 200
    ana.mark(longest.id, Status.SOURCED)
    out = tmp_path / "r.json"
    ana.export_claimreview([article_id], out)
    (review,) = _reviews(out)
    assert not list(claimreview_schema.iter_errors(review))
    short = review["claimReviewed"]
    assert short.endswith("…") and len(short) <= 200
    assert " ".join(longest.text.split()).startswith(short[:-1])


def test_the_person_quoted_is_the_claims_author(desk, tmp_path):
    ana = desk.reviewer("Ana Ruiz")
    article_id = ana.import_files([SAMPLE]).imported[0].id
    (claim,) = claims_with(ana, article_id, "Kalvoria is winning on volume")
    ana.mark(claim, Status.DISPUTED)
    out = tmp_path / "r.json"
    ana.export_claimreview([article_id], out)
    assert _reviews(out)[0]["itemReviewed"]["author"]["name"] == "Dr. Beatriz Nuñez-Hallström"


def test_an_open_disagreement_is_not_published_until_settled(desk, tmp_path):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    article_id = ana.import_files([SAMPLE]).imported[0].id
    ben.import_files([SAMPLE])
    (claim,) = claims_with(ana, article_id, "deliberately held back bids")
    ana.mark(claim, Status.DISPUTED)
    ben.mark(claim, Status.SOURCED)
    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    out = tmp_path / "r.json"
    assert ana.export_claimreview([article_id], out).items == 0
    assert ana.export_claimreview([article_id], out, own=True).items == 1
    assert _reviews(out)[0]["reviewRating"]["name"] == "Disputed"
    ana.settle(claim, Status.UNVERIFIED, reason="No evidence either way")
    ana.export_claimreview([article_id], out)
    assert [r["reviewRating"]["alternateName"] for r in _reviews(out)] == [
        "Unverified: No evidence either way"]


def test_the_html_page_reads_back_with_extruct(desk, tmp_path, claimreview_schema):
    ana = desk.reviewer("Ana Ruiz")
    article_id = reviewed_sample(ana, SAMPLE)
    page, data = tmp_path / "reviews.html", tmp_path / "reviews.json"
    ana.export_claimreview([article_id], page, page=True, review_url=URL)
    ana.export_claimreview([article_id], data, review_url=URL)
    html = page.read_text(encoding="utf-8")
    found = extruct.extract(html, base_url=URL, syntaxes=["json-ld"], uniform=True)
    embedded = found["json-ld"]
    embedded = embedded[0] if len(embedded) == 1 and isinstance(embedded[0], list) \
        else embedded
    assert embedded == _reviews(data)
    for review in embedded:
        assert not list(claimreview_schema.iter_errors(review))
        assert f'id="{review["url"].split("#")[1]}"' in html


def test_the_command_line_writes_reviews_and_refuses_a_bad_url(cli, tmp_path):
    cli("import", SAMPLE)
    out = tmp_path / "reviews.json"
    done = cli("export-claimreview", "grain", "-o", out)
    assert done.returncode == 1 and b"No article" in done.stderr
    article = cli("articles").stdout.decode().split()[0]
    done = cli("export-claimreview", article, "-o", out, "--review-url", "javascript:alert(1)")
    assert done.returncode == 1 and not out.exists()
    assert done.stderr.decode().count("\n") == 1 and b"review URL" in done.stderr
    done = cli("export-claimreview", article, "-o", out, "--html", "--review-url", URL)
    assert done.returncode == 0, done.stderr
    assert b"0 ClaimReview(s)" in done.stdout and out.exists()


def _every_sample_reviewed(ws) -> list[str]:
    """Import the bundled samples and give every claim of each a verdict in turn."""
    ids = [a.id for a in ws.import_files(sorted(SAMPLES.iterdir())).imported]
    statuses = [Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED]
    for article_id in ids:
        claims = [c for c in ws.claims(article_id) if c.kind == "claim"]
        for index, claim in enumerate(claims):
            ws.mark(claim.id, statuses[index % 3],
                    reason="Claimed without evidence" if index % 3 == 1 else None)
    return ids


def test_the_exports_of_every_sample_article_validate(desk, tmp_path, claimreview_schema,
                                                      annotation_schema):
    ana = desk.reviewer("Ana Ruiz")
    for article_id in _every_sample_reviewed(ana):
        reviews = tmp_path / f"{article_id}.json"
        done = ana.export_claimreview([article_id], reviews, review_url=URL, desk="Desk")
        found = _reviews(reviews)
        assert done.items == len(found) > 0
        for review in found:
            assert not list(claimreview_schema.iter_errors(review)), review
        notes = tmp_path / f"{article_id}.jsonld"
        ana.export_annotations(article_id, notes)
        assert not list(annotation_schema.iter_errors(
            json.loads(notes.read_text(encoding="utf-8"))))
        table = ana.export_table([article_id], tmp_path / f"{article_id}.csv")
        assert table.items >= len(found)
