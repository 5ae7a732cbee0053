"""The same claim in other articles: the Elsewhere tab, "Use my verdict from there",
View ▸ Compare Articles…, and figures that clash across articles."""

from __future__ import annotations

from assist_helpers import (
    CLINIC_A,
    CLINIC_B,
    DAM_A,
    DAM_B,
    claim_with,
    import_and_analyse,
    snapshot,
    wait_for_analysis,
    write,
)
from PySide6.QtCore import Qt
from window_helpers import open_article, settle, shown

from claimledger.domain.status import Status
from claimledger.ui.dialogs.compare_dialog import CompareDialog


def open_titled(qtbot, window, title: str) -> None:
    article = next(a for a in window.workspace.articles() if a.title == title)
    open_article(qtbot, window, article.id)
    wait_for_analysis(qtbot, window)


def test_elsewhere_lists_the_paraphrase_and_copies_my_verdict(qtbot, window, workspace,
                                                              tmp_path, artifacts):
    paths = [write(tmp_path, "a.txt", DAM_A), write(tmp_path, "b.txt", DAM_B)]
    import_and_analyse(qtbot, window, paths)
    open_titled(qtbot, window, "Water board backs Kessel Dam fix")
    there = claim_with(window, "$1,000,000")
    reason = workspace.reasons_for(Status.SOURCED)[0].label
    workspace.mark(there.id, Status.SOURCED, reason=reason)

    open_titled(qtbot, window, "Dam repairs approved")
    here = claim_with(window, "one million dollars")
    window.review.select_claim(here.id)
    tabs = window.inspector.tabs
    assert tabs.tabText(window.assist.elsewhere_tab) == "Elsewhere (1)"
    tabs.setCurrentIndex(window.assist.elsewhere_tab)
    panel = window.assist.elsewhere_panel
    assert panel.list.topLevelItemCount() == 1
    row = panel.list.topLevelItem(0)
    assert row.text(0) == "Water board backs Kessel Dam fix"
    assert "$1,000,000" in row.text(1)
    assert row.text(2).endswith("% · similar")
    assert panel.copy_button.isEnabled()
    snapshot(window, artifacts / "elsewhere_tab.png")

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    saved = workspace.claim(here.id)
    assert (saved.status, saved.reason) == (Status.SOURCED, reason)
    assert not panel.copy_button.isEnabled()  # this one has a verdict now

    panel.list.itemDoubleClicked.emit(panel.list.topLevelItem(0), 0)
    shown(qtbot, window)
    assert window.article_id == there.article_id and window.claim_id == there.id


def test_compare_dialog_shows_the_pair_and_outlines_both(qtbot, window, workspace, tmp_path,
                                                          artifacts):
    paths = [write(tmp_path, "a.txt", DAM_A), write(tmp_path, "b.txt", DAM_B)]
    import_and_analyse(qtbot, window, paths)
    open_titled(qtbot, window, "Dam repairs approved")
    window.actions["compare"].trigger()
    dialog = window.assist.compare_dialog
    assert isinstance(dialog, CompareDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.combo.count() == 1
    assert dialog.combo.currentText().startswith("Water board backs Kessel Dam fix")
    assert dialog.pairs.count() == 2
    first = dialog.current_pair()
    assert first.linked and "approved the repair" in dialog.left.view.toPlainText()
    dialog.pairs.setCurrentRow(1)
    pair = dialog.current_pair()
    assert "$1,000,000" in pair.other_text
    left_span = dialog.left.view.outline_span()
    right_span = dialog.right.view.outline_span()
    left_text = dialog.left.view.toPlainText()[left_span[0]:left_span[1]]
    right_text = dialog.right.view.toPlainText()[right_span[0]:right_span[1]]
    assert "one million dollars" in left_text and "$1,000,000" in right_text
    snapshot(dialog, artifacts / "compare_dialog.png")
    dialog.close()


def test_a_number_clash_is_listed_and_jumps_to_the_other_article(qtbot, window, workspace,
                                                                  tmp_path, artifacts):
    paths = [write(tmp_path, "e.txt", CLINIC_A), write(tmp_path, "f.txt", CLINIC_B)]
    import_and_analyse(qtbot, window, paths)
    open_titled(qtbot, window, "Clinic waits grow")
    claim = claim_with(window, "1,240 patients")
    window.review.select_claim(claim.id)
    flags = window.assist.suggestion_panel.flags
    assert flags.isVisible()
    assert "Number clash: March patients: 1,240 here vs 980 in “The clinic treated 980" \
        in flags.text()
    assert "(Clinic numbers fall)" in flags.text()
    window.inspector.tabs.setCurrentIndex(window.assist.analysis_tab)
    assert window.inspector.tabs.tabText(window.assist.analysis_tab) == "Analysis ⚠1"
    snapshot(window.inspector, artifacts / "number_clash.png")
    other = workspace.suggestions(window.article_id)[claim.id].flags[0]["claim"]
    window.assist.analysis_panel.clashes.linkActivated.emit(other)
    shown(qtbot, window)
    assert window.claim_id == other
    assert window.ctx.summaries[window.article_id].title == "Clinic numbers fall"
