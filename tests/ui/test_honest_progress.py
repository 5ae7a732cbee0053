"""Progress means one thing everywhere: the claims the app found, each owed a verdict;
what it set aside as not a claim is counted apart. Marking every claim of an article
reaches 100% in the library, the status bar, the PDF cover and `articles --json`."""

from __future__ import annotations

import contextlib
import io
import json
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from window_helpers import activate, import_through_window, press

from claimledger.cli import main as cli_main
from claimledger.domain.status import Status
from claimledger.resources import sample_articles
from claimledger.ui.views.library import progress_text


def articles_json(workspace) -> dict[str, dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["--db", str(workspace.path), "--reviewer", workspace.reviewer_name,
                         "articles", "--json"]) == 0
    return {row["id"]: row for row in json.loads(out.getvalue())}


def pdf_cover(workspace, article_id, tmp_path) -> str:
    path = tmp_path / f"{article_id}.pdf"
    workspace.export_pdf([article_id], path)
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def test_every_claim_marked_is_complete_everywhere(qtbot, window, workspace, tmp_path):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    window.ledger_view.setFocus()
    bar = window.review.filter_bar
    unreviewed = bar.status_chips[Status.UNREVIEWED]
    while not unreviewed.text().endswith(" 0"):  # only the claims are shown by default
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_J)
    open_one = window.ctx.summaries[window.article_id]
    assert open_one.claims > 0 and open_one.set_aside > 0
    assert open_one.complete and open_one.reviewed == open_one.claims
    assert window.progress_label.text() == (
        f"{open_one.claims} of {open_one.claims} claims reviewed · "
        f"{open_one.set_aside} set aside by the app")
    assert progress_text(open_one) == f"all {open_one.claims} reviewed"

    for summary in workspace.articles():
        for claim in workspace.claims(summary.id):
            if claim.kind == "claim" and not claim.status.is_reviewed:
                workspace.mark(claim.id, Status.SOURCED)
    listed = articles_json(workspace)
    for summary in workspace.articles():
        row = listed[summary.id]
        assert row["reviewed"] == row["claims"] == summary.claims > 0
        assert row["set_aside"] == summary.set_aside
        assert row["claims"] + row["set_aside"] == row["statements"]
        cover = pdf_cover(workspace, summary.id, tmp_path)
        found = re.search(r"(\d+) of (\d+) claims? reviewed\.", cover)
        assert found and found.groups() == (str(row["claims"]), str(row["claims"]))
        if row["set_aside"]:
            assert f"{row['set_aside']} statement" in cover
