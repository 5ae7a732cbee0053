"""A reviewer's keyboard walk: J J 2, undo, redo; screen and database agree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import HARBOUR, activate, import_through_window, open_article, press

from claimledger.domain.status import Status
from claimledger.ui.views.ledger_model import STATUS

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def background_at(window, claim) -> str:
    start = window.article_view.offsets.to_utf16(claim.start)
    brush = window.article_view.format_at(start).background()
    return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else "none"


def shown_status(window, claim_id) -> str:
    model = window.ledger_model
    return model.data(model.index(model.row_of(claim_id), STATUS))


def test_j_j_2_marks_the_third_statement_disputed_and_undo_redo(qtbot, window, workspace,
                                                                  artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    assert QApplication.focusWidget() is window.ledger_view
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_2)

    claim = window.ledger_model.claim_at(2)
    assert window.ledger_view.current_claim_id() == claim.id
    assert shown_status(window, claim.id) == "D Disputed"
    assert background_at(window, claim) == Status.DISPUTED.style.tint
    assert workspace.claim(claim.id).status is Status.DISPUTED
    assert window.actions["undo"].text().replace("&", "") == "Undo Mark disputed"
    assert window.progress_label.text().startswith("1 of ")

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert shown_status(window, claim.id) == "· Unreviewed"
    assert background_at(window, claim) == "none"
    assert workspace.claim(claim.id).status is Status.UNREVIEWED
    assert not window.actions["undo"].isEnabled()
    assert window.actions["redo"].text().replace("&", "") == "Redo Mark disputed"

    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown_status(window, claim.id) == "D Disputed"
    assert background_at(window, claim) == Status.DISPUTED.style.tint
    assert workspace.claim(claim.id).status is Status.DISPUTED

    window.grab().save(str(artifacts / "review_flow.png"))


def test_shortcuts_also_work_when_the_article_has_focus(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.article_view.setFocus()
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_1)
    claim = window.ledger_model.claim_at(1)
    assert workspace.claim(claim.id).status is Status.SOURCED
    press(qtbot, Qt.Key.Key_K)
    press(qtbot, Qt.Key.Key_4)
    first = window.ledger_model.claim_at(0)
    assert workspace.claim(first.id).status is Status.NOT_A_CLAIM
    press(qtbot, Qt.Key.Key_0)
    assert workspace.claim(first.id).status is Status.UNREVIEWED


def test_a_verdict_is_there_after_quitting_and_reopening(qtbot, window, workspace):
    from claimledger.ui.shell.main_window import MainWindow
    from claimledger.workspace import Workspace

    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    for key in (Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_3):
        press(qtbot, key)
    claim = window.ledger_model.claim_at(4)
    window.close()

    with Workspace(workspace.path, "Ana Ruiz") as reopened:
        again = MainWindow(reopened)
        again.persist_settings = False
        qtbot.addWidget(again)
        again.show()
        open_article(qtbot, again, claim.article_id)
        assert shown_status(again, claim.id) == "U Unverified"
        assert again.progress_label.text().startswith("1 of ")
        again.close()
