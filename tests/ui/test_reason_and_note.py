"""R picks a reason preset by number; N writes a note that Ctrl+Enter saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import HARBOUR, activate, import_through_window, press, settle

from claimledger.domain.status import Status


def test_r_then_1_sets_the_first_preset(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_3)
    claim_id = window.claim_id
    press(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.review.reason_picker is not None
                    and window.review.reason_picker.isVisible())
    qtbot.keyClick(window.review.reason_picker.presets, Qt.Key.Key_1)
    settle(qtbot, window)

    first = workspace.reasons_for(Status.UNVERIFIED)[0].label
    assert workspace.claim(claim_id).reason == first
    assert window.inspector.reason_combo.currentText() == first


def test_r_on_an_unreviewed_statement_explains_instead(qtbot, window):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_R)
    assert window.review.reason_picker is None
    assert "Mark the statement first" in window.statusBar().currentMessage()


def test_escape_in_the_picker_changes_nothing(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.review.reason_picker is not None
                    and window.review.reason_picker.isVisible())
    qtbot.keyClick(window.review.reason_picker.presets, Qt.Key.Key_Escape)
    assert workspace.claim(window.claim_id).reason is None


def test_n_type_ctrl_enter_saves_the_note(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_J)
    claim_id = window.claim_id
    press(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is window.inspector.note_editor
    qtbot.keyClicks(QApplication.focusWidget(), "Ask the 2019 survey's author; J K 1 2")
    assert workspace.claim(claim_id).note is None
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    view = workspace.claim(claim_id)
    assert view.note == "Ask the 2019 survey's author; J K 1 2"
    assert view.status is Status.UNREVIEWED
    assert window.actions["undo"].text().replace("&", "") == "Undo Edit note"
    assert QApplication.focusWidget() is window.ledger_view  # the next J moves, not types
    press(qtbot, Qt.Key.Key_J)
    assert window.claim_id != claim_id
    assert workspace.claim(claim_id).note == "Ask the 2019 survey's author; J K 1 2"
