"""File ▸ Export ClaimReview / Annotations / Table: the menu, the save dialog, the file
written off the GUI thread, the status bar."""

from __future__ import annotations

import csv
import json

import openpyxl
from exchange_helpers import real_claims, save_file_returning
from window_helpers import HARBOUR, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.kit import preferences


def _reviewed(qtbot, window):
    import_through_window(qtbot, window, [HARBOUR])
    claim_id = real_claims(window, 1)[0]
    window.review.select_claim(claim_id)
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)
    return claim_id


def _export(qtbot, window, monkeypatch, name, path):
    save_file_returning(monkeypatch, path)
    with qtbot.waitSignal(window.formats.runner.finished, timeout=60_000):
        window.actions[name].trigger()


def test_the_file_menu_offers_the_three_exports(window):
    from PySide6.QtWidgets import QMenu

    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    at = texts.index("Export &Verification PDF…")
    assert texts[at + 1:at + 4] == ["Export &ClaimReview…", "Export &Annotations…",
                                    "Export &Table…"]


def test_claimreview_is_signed_by_the_desk_of_settings(qtbot, window, workspace, tmp_path,
                                                        monkeypatch):
    preferences.save_desk("Metro desk, The Examiner")
    claim_id = _reviewed(qtbot, window)
    out = tmp_path / "reviews.json"
    _export(qtbot, window, monkeypatch, "export_claimreview", out)
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["author"]["name"] for r in reviews] == ["Metro desk, The Examiner"]
    assert reviews[0]["claimReviewed"].split()[:3] == workspace.claim(claim_id).text.split()[:3]
    assert window.statusBar().currentMessage() == "Exported reviews.json: 1 ClaimReview(s)"


def test_annotations_and_tables_are_written(qtbot, window, tmp_path, monkeypatch):
    _reviewed(qtbot, window)
    notes = tmp_path / "notes"
    _export(qtbot, window, monkeypatch, "export_annotations", notes)
    doc = json.loads((tmp_path / "notes.jsonld").read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection" and doc["total"] > 1
    table = tmp_path / "ledger.csv"
    _export(qtbot, window, monkeypatch, "export_table", table)
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Status"] for r in rows].count("disputed") == 1
    _export(qtbot, window, monkeypatch, "export_table", tmp_path / "ledger.xlsx")
    assert openpyxl.load_workbook(tmp_path / "ledger.xlsx").active.freeze_panes == "A2"


def test_a_failed_export_says_so(qtbot, window, tmp_path, monkeypatch):
    _reviewed(qtbot, window)
    told = []
    monkeypatch.setattr("claimledger.ui.controllers.format_export.tell",
                        lambda _window, title, text, details="": told.append((title, details)))
    _export(qtbot, window, monkeypatch, "export_table", tmp_path / "missing" / "t.csv")
    assert told and told[0][0] == "Export Table" and "could not be written" in told[0][1]


def test_without_an_article_nothing_is_asked(window, monkeypatch):
    asked = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: asked.append(a) or ("", ""))
    window.actions["export_table"].trigger()
    assert not asked and "Open an article first" in window.statusBar().currentMessage()
