"""The Worth column: sortable (most worth first), J/K follow the sorted order, and the
Check-worthy chip keeps the statements scoring 50 or more."""

from __future__ import annotations

from assist_helpers import import_and_analyse, shown_claims, snapshot
from PySide6.QtCore import QPoint, Qt
from window_helpers import HARBOUR, activate, press

from claimledger.ui.kit.assist_look import score_of
from claimledger.ui.views.ledger_model import NUMBER, WORTH


def worth(window, claim) -> float:
    return score_of(window.ledger_model.assist(claim.id))


def test_sorting_by_worth_then_j_walks_the_visible_order(qtbot, window, workspace, artifacts):
    import_and_analyse(qtbot, window, [HARBOUR])
    header = window.ledger_view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(WORTH) + 10, 10))
    assert window.ledger_model.sort_order == (WORTH, Qt.SortOrder.DescendingOrder)
    shown = shown_claims(window)
    scores = [worth(window, c) for c in shown]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    model = window.ledger_model
    assert model.data(model.index(0, WORTH)) == str(round(scores[0] * 100))
    snapshot(window, artifacts / "worth_sorted_window.png")

    activate(qtbot, window)
    window.ledger_view.setFocus()
    window.review.select_claim(shown[0].id)
    for expected in shown[1:4]:
        press(qtbot, Qt.Key.Key_J)
        assert window.claim_id == expected.id
        assert window.ledger_view.currentIndex().row() == shown.index(expected)
    press(qtbot, Qt.Key.Key_K)
    assert window.claim_id == shown[2].id

    window.ledger_view.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
    assert [c.id for c in shown_claims(window)] == [
        c.id for c in workspace.claims(window.article_id) if c.kind == "claim"]
    assert window.claim_id == shown[2].id  # the selection stays on the same statement
    assert window.ledger_view.current_claim_id() == shown[2].id


def test_check_worthy_chip_and_the_reasons_in_the_inspector(qtbot, window, workspace,
                                                            artifacts):
    import_and_analyse(qtbot, window, [HARBOUR])
    chip = window.review.filter_bar.flag_chips["check_worthy"]
    worthy = [c for c in shown_claims(window) if worth(window, c) >= 0.5]
    assert chip.text() == f"Check-worthy  {len(worthy)}"
    chip.click()
    assert [c.id for c in shown_claims(window)] == [c.id for c in worthy]
    claim = next(c for c in worthy if "38,400 vehicles" in c.text)
    window.review.select_claim(claim.id)
    window.inspector.tabs.setCurrentIndex(window.assist.analysis_tab)
    panel = window.assist.analysis_panel
    assert f"Worth checking: {round(worth(window, claim) * 100)} / 100" in \
        panel.worth_label.text()
    reasons = workspace.suggestions(window.article_id)[claim.id].checkworthiness["reasons"]
    assert reasons and all(reason in panel.reasons.text() for reason in reasons)
    figures = [tuple(panel.figures.topLevelItem(n).text(c) for c in range(3))
               for n in range(panel.figures.topLevelItemCount())]
    assert ("38,400", "", "vehicles a day") in figures
    assert ("4.5", "percent", "—") in figures
    snapshot(window, artifacts / "worth_chip_and_analysis.png")
