"""Assisted review in the window: statements that are not claims are hidden until asked
for, a suggestion shows in the inspector, A accepts it, Shift+A dismisses it, Ctrl+Z
undoes; screen and database agree."""

from __future__ import annotations

from assist_helpers import (
    claim_with,
    import_and_analyse,
    shown_claims,
    snapshot,
    wait_for_analysis,
)
from PySide6.QtCore import Qt
from window_helpers import HARBOUR, activate, press

from claimledger.domain.status import Status
from claimledger.ui.views.ledger_model import STATUS
from claimledger.ui.views.suggestion_panel import READING

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WITHOUT_EVIDENCE = "claimed without evidence"


def status_cell(window, claim_id) -> str:
    model = window.ledger_model
    return model.data(model.index(model.row_of(claim_id), STATUS))


def test_not_claims_are_hidden_until_the_chip_shows_them(qtbot, window, workspace, artifacts):
    import_and_analyse(qtbot, window, [HARBOUR])
    everything = workspace.claims(window.article_id)
    furniture = [c for c in everything if c.kind != "claim"]
    texts = {c.text for c in furniture}
    assert {"ADVERTISEMENT", "By Marguerite Oyelaran-Hale",
            "Kofi Mensah/Northgate Press via Getty Images"} <= texts
    shown = shown_claims(window)
    assert all(c.kind == "claim" for c in shown)
    assert len(shown) == len(everything) - len(furniture)
    chip = window.review.filter_bar.flag_chips["not_claims"]
    assert chip.text() == f"Not claims  {len(furniture)}"
    assert window.review.filter_bar.shown_label.text() == f"{len(shown)} shown"

    chip.click()
    assert [c.id for c in shown_claims(window)] == [c.id for c in everything]
    assert window.ledger_model.claim_at(0).text.startswith("Port Averill council splits")
    chip.click()
    assert window.ledger_model.claim_at(0).kind == "claim"

    activate(qtbot, window)
    window.ledger_view.setFocus()
    window.review.select_claim(shown[0].id)
    press(qtbot, Qt.Key.Key_J)  # the byline and the captions are skipped
    assert window.claim_id == shown[1].id


def test_a_suggestion_shows_and_a_accepts_it_and_ctrl_z_undoes(qtbot, window, workspace,
                                                                 artifacts):
    import_and_analyse(qtbot, window, [HARBOUR])
    claim = claim_with(window, WITHOUT_EVIDENCE)
    assert status_cell(window, claim.id) == "→ U suggested"
    activate(qtbot, window)
    window.ledger_view.setFocus()
    window.review.select_claim(claim.id)

    panel = window.assist.suggestion_panel
    assert panel.isVisible()
    assert "Suggested:" in panel.headline.text()
    assert "Unverified · Claimed without evidence" in panel.headline.text()
    assert panel.badge.text() == "U"
    assert "Suggested because: 'without evidence'" in panel.detail.text()
    assert panel.detail.text().count("Check with: ") == 1
    assert panel.accept_button.text() == "Accept (A)"
    assert panel.dismiss_button.text() == "Dismiss (Shift+A)"
    snapshot(window, artifacts / "assist_suggestion_window.png")
    snapshot(window.inspector, artifacts / "assist_suggestion_inspector.png")

    press(qtbot, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: workspace.claim(claim.id).status is Status.UNVERIFIED)
    wait_for_analysis(qtbot, window)
    saved = workspace.claim(claim.id)
    assert saved.reason == "Claimed without evidence"
    assert status_cell(window, claim.id) == "U Unverified"
    assert "Accepted:" in panel.headline.text()
    assert not panel.accept_button.isVisible()
    assert workspace.suggestions(window.article_id)[claim.id].accepted

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert workspace.claim(claim.id).status is Status.UNREVIEWED
    assert status_cell(window, claim.id) == "→ U suggested"
    wait_for_analysis(qtbot, window)
    assert "Suggested:" in panel.headline.text() and panel.accept_button.isVisible()


def test_shift_a_dismisses_and_the_suggestion_folds(qtbot, window, workspace, artifacts):
    import_and_analyse(qtbot, window, [HARBOUR])
    claim = claim_with(window, WITHOUT_EVIDENCE)
    activate(qtbot, window)
    window.ledger_view.setFocus()
    window.review.select_claim(claim.id)

    press(qtbot, Qt.Key.Key_A, SHIFT)
    qtbot.waitUntil(lambda: workspace.suggestions(window.article_id)[claim.id].dismissed)
    wait_for_analysis(qtbot, window)
    panel = window.assist.suggestion_panel
    assert panel.folded.isVisible() and "Suggestion dismissed" in panel.folded.text()
    assert not panel.accept_button.isVisible()
    assert status_cell(window, claim.id) == "· Unreviewed"  # no hint once dismissed
    assert workspace.claim(claim.id).status is Status.UNREVIEWED
    snapshot(window.inspector, artifacts / "assist_dismissed.png")

    panel.folded.linkActivated.emit("show")
    assert "Dismissed:" in panel.headline.text() and panel.accept_button.isVisible()
    assert not panel.dismiss_button.isEnabled()

    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not workspace.suggestions(window.article_id)[claim.id].dismissed)
    wait_for_analysis(qtbot, window)
    assert status_cell(window, claim.id) == "→ U suggested"


def test_reading_shows_until_the_analysis_arrives(qtbot, window, workspace):
    import_and_analyse(qtbot, window, [HARBOUR])
    article_id = window.article_id
    window.assist.runner.forget(article_id)
    window.review.refresh_inspector()
    assert window.assist.suggestion_panel.folded.text() == f"<i>{READING}</i>"
    window.assist.runner.request(article_id)
    wait_for_analysis(qtbot, window)
    assert READING not in window.assist.suggestion_panel.folded.text() \
        or not window.assist.suggestion_panel.folded.isVisible()
