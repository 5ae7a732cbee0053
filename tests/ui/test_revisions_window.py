"""Article ▸ Import Revision of This Article… and View ▸ Revisions…: the new version
takes over the claims, the dialog shows both texts and what changed, and a changed
statement's verdict is confirmed from there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.views.ledger_model import STATEMENT

OLD = ("Tunnel toll to rise in April\n\nBy Mira Castell\n\n"
       "The harbour tunnel toll will rise to $4.50 in April, the authority said on Monday. "
       "Traffic grew 12 percent last year to 31,000 vehicles a day 📈, the authority said.\n\n"
       "Councillor Ruth Ambler said drivers had already paid for the tunnel twice. "
       "The authority did not say how much new ventilation fans would cost.\n")
NEW = ("Tunnel toll to rise in April\n\nBy Mira Castell\n\n"
       "The harbour tunnel toll will rise to $4.50 in April, the authority said on Monday. "
       "Traffic grew 14 percent last year to 31,500 vehicles a day 📈, the authority said.\n\n"
       "The authority did not say how much new ventilation fans would cost. "
       "The new toll takes effect on April 1 🚗.\n")


def _open_file_returning(monkeypatch, path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def test_a_revision_through_the_window(qtbot, window, workspace, tmp_path, monkeypatch):
    old, new = tmp_path / "toll.txt", tmp_path / "toll-2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    import_through_window(qtbot, window, [old])
    old_id = window.article_id
    traffic = next(c for c in workspace.claims(old_id) if "Traffic grew" in c.text)
    window.review.select_claim(traffic.id)
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)

    _open_file_returning(monkeypatch, new)
    window.actions["import_revision"].trigger()
    qtbot.waitUntil(lambda: window.revisions.dialog is not None, timeout=20_000)
    settle(qtbot, window)
    dialog = window.revisions.dialog
    assert window.article_id != old_id and dialog.isVisible()
    assert window.ledger_model.row_of(traffic.id) is not None  # the claim moved here
    kinds = {row.claim_id: row.anchoring for row in dialog.rows}
    assert kinds[traffic.id] == "changed" and "orphaned" in kinds.values()
    assert "added" in kinds.values()
    assert "1 changed, 1 removed and kept" in dialog.note.text()
    assert "31,500" in dialog.current.view.toPlainText()
    assert "31,000" in dialog.earlier.view.toPlainText()

    dialog.list.setCurrentRow(list(kinds).index(traffic.id))
    text = dialog.list.currentItem().text()
    assert "text changed since your verdict" in text
    assert "was: Traffic grew ⟦12⟧ percent" in text and "now: Traffic grew ⟦14⟧" in text
    assert dialog.confirm.isEnabled()
    dialog.confirm.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "confirmed" in window.revisions.dialog.list.currentItem().text())
    assert not window.revisions.dialog.confirm.isEnabled()
    assert workspace.claim(traffic.id).status is Status.DISPUTED


def test_revisions_without_an_earlier_one_says_so(qtbot, window, tmp_path):
    old = tmp_path / "toll.txt"
    old.write_text(OLD, encoding="utf-8")
    import_through_window(qtbot, window, [old])
    settle(qtbot, window)
    window.actions["revisions"].trigger()
    qtbot.waitUntil(lambda: "no earlier revision" in window.statusBar().currentMessage())
    assert window.revisions.dialog is None


def test_a_refused_revision_is_one_message(qtbot, window, tmp_path, monkeypatch):
    old = tmp_path / "toll.txt"
    old.write_text(OLD, encoding="utf-8")
    import_through_window(qtbot, window, [old])
    _open_file_returning(monkeypatch, old)
    window.actions["import_revision"].trigger()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "same text" in window.statusBar().currentMessage())
    assert window.revisions.dialog is None


def _both_imported(qtbot, window, tmp_path):
    old, new = tmp_path / "toll.txt", tmp_path / "toll-2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    import_through_window(qtbot, window, [old])
    old_id = window.article_id
    import_through_window(qtbot, window, [new])
    qtbot.waitUntil(lambda: window.revisions.proposal is not None)
    return old_id, window.revisions.proposal


def test_an_import_with_the_same_headline_is_proposed_as_a_revision(qtbot, window,
                                                                     workspace, tmp_path):
    old_id, box = _both_imported(qtbot, window, tmp_path)
    assert "Tunnel toll to rise in April" in box.text()
    revise = next(b for b in box.buttons() if "Revision" in b.text())
    revise.click()
    qtbot.waitUntil(lambda: window.revisions.dialog is not None, timeout=20_000)
    settle(qtbot, window)
    new_id = window.article_id
    assert new_id != old_id and workspace.earlier_revision(new_id) == old_id
    assert workspace.revision_number(new_id) == 2
    assert workspace.projections_match_log()


def test_keep_separate_leaves_two_articles(qtbot, window, workspace, tmp_path):
    old_id, box = _both_imported(qtbot, window, tmp_path)
    keep = next(b for b in box.buttons() if "Separate" in b.text())
    keep.click()
    qtbot.waitUntil(lambda: window.revisions.proposal is None)
    settle(qtbot, window)
    assert window.revisions.dialog is None
    assert all(workspace.earlier_revision(a.id) is None for a in workspace.articles())
    assert len(workspace.articles()) == 2


def test_the_ledger_flags_a_statement_whose_words_changed_since_the_verdict(
        qtbot, window, workspace, tmp_path, monkeypatch):
    """In the ledger itself, not only in the Revisions view: the statement is marked,
    counted by its own chip, explained in the inspector with its earlier words, and
    clears once the reviewer confirms (or marks it again); its history names the
    revision that carried it on."""
    old, new = tmp_path / "toll.txt", tmp_path / "toll-2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    import_through_window(qtbot, window, [old])
    old_id = window.article_id
    claims = workspace.claims(old_id)
    traffic = next(c for c in claims if "Traffic grew" in c.text)
    toll = next(c for c in claims if "toll will rise" in c.text)
    gone = next(c for c in claims if "Councillor Ruth Ambler" in c.text)
    for claim, status in ((traffic, Status.DISPUTED), (toll, Status.SOURCED)):
        window.review.select_claim(claim.id)
        window.review.mark(status)
        settle(qtbot, window)
    _open_file_returning(monkeypatch, new)
    window.actions["import_revision"].trigger()
    qtbot.waitUntil(lambda: window.revisions.dialog is not None, timeout=20_000)
    settle(qtbot, window)
    window.revisions.dialog.close()

    model, bar, inspector = window.ledger_model, window.review.filter_bar, window.inspector
    chip = bar.flag_chips["text_changed"]
    statement = model.index(model.row_of(traffic.id), STATEMENT)
    assert model.data(statement).startswith("✎ Traffic grew 14 percent")
    tip = model.data(statement, Qt.ItemDataRole.ToolTipRole)
    assert "revision 2 since your verdict" in tip and "Before: Traffic grew 12 percent" in tip
    assert not model.data(model.index(model.row_of(toll.id), STATEMENT)).startswith("✎")
    assert chip.isVisibleTo(bar) and chip.text().endswith(" 1")
    chip.click()
    assert model.total_rows() == 1 and model.claim_at(0).id == traffic.id

    window.review.select_claim(traffic.id)
    banner = inspector.wording_banner
    assert banner.isVisibleTo(inspector)
    assert "Before: “Traffic grew 12 percent" in banner.label.text()
    window.review.select_claim(toll.id)
    assert not banner.isVisibleTo(inspector)
    window.review.select_claim(traffic.id)
    banner.button.click()
    settle(qtbot, window)

    assert not model.data(model.index(model.row_of(traffic.id), STATEMENT)).startswith("✎")
    assert not banner.isVisibleTo(inspector)
    assert chip.text().endswith(" 0")  # still on, so it can be turned off
    chip.click()
    assert not chip.isVisibleTo(bar)
    assert workspace.claim(traffic.id).status is Status.DISPUTED
    assert workspace.anchorings(window.article_id)[traffic.id].confirmed
    carried = [e.what for e in workspace.history(traffic.id)]
    assert "Carried into revision 2 of the article: its words changed; verdicts given " \
        "before need a look" in carried
    left = [e.what for e in workspace.history(gone.id)]
    assert left[0].startswith("Not found in revision 2 of the article")
