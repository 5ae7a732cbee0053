"""What an editor reads in the verification PDF: statements, verdicts, sources, sections."""

from __future__ import annotations

from report_fixtures import _STATEMENTS, big_article, make_article, make_report
from report_pdf import build

import claimledger
from claimledger.domain.status import Status
from claimledger.report import Agreement, ReportArticle


def test_ledger_lists_statements_statuses_reasons_and_notes(sample_pdf):
    text = sample_pdf.text
    for statement, kind, status, reason, _note in _STATEMENTS:
        if kind != "claim" and not status.is_reviewed:
            continue  # an unreviewed caption is not a ledger row
        assert statement.split()[0] in text
        if reason:
            assert reason in text
    for label in ("Sourced", "Disputed", "Unverified", "Not a claim", "Unreviewed"):
        assert label in text
    assert "Budget line 14 says 5.1 million." in text
    assert "Asked Brandt’s office on Wednesday." in text


def _progress_line() -> str:
    """The cover's progress, counted as the window counts it: claims, then set aside."""
    claims = [status for _s, kind, status, *_rest in _STATEMENTS if kind == "claim"]
    reviewed = sum(1 for status in claims if status.is_reviewed)
    set_aside = len(_STATEMENTS) - len(claims)
    return (f"{reviewed} of {len(claims)} claims reviewed. {set_aside} statement"
            f"{'s' if set_aside != 1 else ''} set aside by the app")


def test_reviewed_statements_are_numbered_in_text_order(sample_pdf):
    article_page = sample_pdf.page_texts[1]
    positions = [article_page.find(f"[{n}]") for n in range(1, 8)]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    assert "[8]" not in article_page  # the unreviewed and not-a-claim ones stay plain


def test_whole_article_text_is_printed(sample_pdf):
    page = " ".join(sample_pdf.page_texts[1].split())
    assert "Harbour town votes to rebuild its flooded ferry pier" in page
    assert "Photo: the old pier in March. Credit: Harbour Archive." in page


def test_sources_print_with_clickable_safe_links(sample_pdf):
    text = sample_pdf.text
    assert "Council minutes, 14 May" in text and "Elling Ferries" in text
    assert "supports" in text and "contradicts" in text and "context" in text
    assert "Motion carried, seven votes to two." in text
    uris = sample_pdf.uris()
    assert "https://council.example.org/minutes/14-may?a=1&b=2" in uris
    assert "https://doi.org/10.1234/pier.2025" in uris
    assert "https://courier.example.net/pier?x=1&y=<2>" in uris


def test_what_the_article_cites_is_labelled_as_such(sample_pdf):
    text = " ".join(sample_pdf.text.split())
    assert "the harbour master (cited in the article), Port Elling Courier" in text
    assert "“the harbour master said”" in text


def test_page_count_footer_and_digest(sample_pdf):
    assert sample_pdf.pages == len(sample_pdf.reader.pages) == 5
    last = sample_pdf.pages
    for n, page in enumerate(sample_pdf.page_texts, start=1):
        flat = " ".join(page.split())
        assert f"Page {n} of {last}" in flat
        assert "Ledger SHA-256 9f2c4e1ab07d" in flat


def test_the_desk_signs_the_cover_and_every_page(sample_pdf):
    cover = " ".join(sample_pdf.page_text(0).split())
    assert "VERIFICATION REPORT · REGIONAL DESK — HARBOUR STORIES" in cover
    assert "Harbour town votes to rebuild its flooded ferry pier" in cover
    for page in sample_pdf.page_texts:
        assert "Regional desk — harbour stories ·" in " ".join(page.split())


def test_metadata(sample_pdf):
    meta = sample_pdf.reader.metadata
    assert meta.title == "Harbour town votes to rebuild its flooded ferry pier"
    assert meta.author == "Ana Nuñez, Ben Okafor"
    assert "Harbour town votes" in meta.subject
    assert meta.creator == f"Claim Ledger {claimledger.__version__}"


def test_outline_has_cover_article_sections(sample_pdf):
    titles = sample_pdf.outline_titles()
    assert titles[:4] == ["Cover", "Harbour town votes to rebuild its flooded ferry pier",
                          "Annotated text", "Ledger"]
    assert "Disagreements and agreement" in titles and "Audit appendix" in titles


def test_cover_names_article_reviewers_and_counts(sample_pdf):
    cover = " ".join(sample_pdf.page_texts[0].split())
    for expected in ("The Elling Courier", "Sofia Łukasiewicz", "2025-05-14",
                     "2025-05-15 09:30", "SHA256:3xAmPlEfInGeRpRiNt", "Ben Okafor",
                     "Generated 2025-05-15 11:00 UTC", _progress_line()):
        assert expected in cover
    assert "Sourced (S) 3" in cover and "Disputed (D) 2" in cover


def test_unicode_names_extract(sample_pdf):
    for name in ("Nuñez", "Łukasz", "Erdoğan", "Nguyễn Thị Mai", "Антон Петров",
                 "“long overdue”"):
        assert name in sample_pdf.text


def test_disagreement_shows_each_reviewers_verdict(sample_pdf):
    page = " ".join(sample_pdf.page_texts[3].split())
    assert "Disagreements and agreement" in page
    assert "Ana Nuñez" in page and "Ben Okafor" in page
    assert "Mayor's press release" in page
    assert "Cohen's kappa, Ana / Ben" in page and "0.71" in page


def test_audit_appendix_only_when_asked(tmp_path, sample_pdf):
    assert "verdict.set disputed" in sample_pdf.text
    without = build(tmp_path, make_report())
    assert "Audit appendix" not in without.text
    assert "Audit appendix" not in without.outline_titles()


def test_empty_article_makes_a_valid_pdf_without_empty_sections(tmp_path):
    empty = ReportArticle("e", "Nothing checked yet", None, None, None, None, None,
                          "Just one line of text.\n", ())
    pdf = build(tmp_path, make_report([empty], agreement=(), include_audit=True))
    assert pdf.pages == 2
    assert "Just one line of text." in pdf.text
    assert "No statements recorded." in pdf.text
    for absent in ("Ledger", "Disagreements", "Audit appendix", "Statement"):
        assert absent not in pdf.outline_titles()
    assert "Disagreements" not in pdf.text and "Audit appendix" not in pdf.text


def test_agreement_alone_makes_the_section(tmp_path):
    article = make_article()
    calm = article.__class__(**{**article.__dict__, "claims": tuple(
        c.__class__(**{**c.__dict__, "verdicts": (), "consensus_state": None})
        for c in article.claims)})
    pdf = build(tmp_path, make_report([calm], agreement=(Agreement("Fleiss' kappa", None),)))
    assert "Agreement between reviewers" in pdf.text and "not enough data" in pdf.text
    assert "Statements on which reviewers gave different verdicts" not in pdf.text
    nothing = build(tmp_path, make_report([calm], agreement=()), name="b.pdf")
    assert "Disagreements and agreement" not in nothing.text


def test_one_statement_article(tmp_path):
    text = "The ferry carried 310 passengers on Sunday."
    from claimledger.report import ReportClaim
    claim = ReportClaim("c1", 0, len(text), text, "claim", Status.SOURCED, "Operator log",
                        None, ("Ana Nuñez",))
    pdf = build(tmp_path, make_report([ReportArticle("a", "Ferry", None, None, None, None,
                                                     None, text, (claim,))], agreement=()))
    assert pdf.pages == 3
    assert "[1]" in pdf.page_texts[1] and "Operator log" in pdf.text
    assert "1 of 1 claim reviewed." in pdf.text


def test_five_thousand_statements(tmp_path):
    calls: list[tuple[int, int]] = []
    pdf = build(tmp_path, make_report([big_article(5000)], agreement=()),
                progress=lambda done, total: calls.append((done, total)) or True)
    assert pdf.pages == len(pdf.reader.pages) > 300
    assert "Statement 1 says" in pdf.page_text(1)
    last = " ".join(pdf.page_text(-1).split())
    assert "Statement 5000 says" in last
    # 3 in 4 statements are highlighted, so the last reviewed one is numbered 3750
    assert "3750 Statement 4999 says" in last
    assert f"Page {pdf.pages} of {pdf.pages}" in last
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_letter_paper(tmp_path):
    pdf = build(tmp_path, make_report(paper="Letter"))
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    wide = pdf.reader.pages[2].mediabox  # the ledger is landscape
    assert (round(float(wide.width)), round(float(wide.height))) == (792, 612)


def test_a_note_longer_than_a_page_is_split_not_refused(tmp_path):
    import dataclasses

    article = make_article()
    claims = list(article.claims)
    claims[1] = dataclasses.replace(claims[1], note="A very long note. " * 900 + "THE END")
    pdf = build(tmp_path, make_report([dataclasses.replace(article, claims=tuple(claims))]))
    assert "THE END" in pdf.text
    assert pdf.text.count("No. Statement Status Reason Note Sources Reviewers") == pdf.pages - 3
