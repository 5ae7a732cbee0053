"""The page tail: a slim banner over the article offers to cut it; Ctrl+Z brings it back."""

from __future__ import annotations

from assist_helpers import import_and_analyse, snapshot
from PySide6.QtCore import Qt
from window_helpers import HARBOUR, activate, press, settle

CTRL = Qt.KeyboardModifier.ControlModifier


def tail_of(workspace, article_id) -> list:
    return [c for c in workspace.claims(article_id) if c.kind == "outside-body"]


def test_cut_it_retires_the_tail_and_undo_restores_it(qtbot, window, workspace, artifacts):
    import_and_analyse(qtbot, window, [HARBOUR])
    article_id = window.article_id
    tail = tail_of(workspace, article_id)
    assert [c.text for c in tail][:2] == ["Related Articles",
                                          "Harbour authority names new director after "
                                          "six-month search"]
    banner = window.assist.tail_banner
    assert banner.isVisible()
    assert banner.label.text() == ("This text ends with a web-page tail "
                                   "(Related Articles…).")
    assert window.actions["cut_tail"].isEnabled()
    snapshot(window, artifacts / "page_tail_banner.png")

    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert tail_of(workspace, article_id) == []
    remaining = {c.id for c in workspace.claims(article_id)}
    assert not remaining & {c.id for c in tail}
    assert not banner.isVisible()
    assert not window.actions["cut_tail"].isEnabled()
    assert window.ledger_model.statement_count() == len(remaining)

    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [c.id for c in tail_of(workspace, article_id)] == [c.id for c in tail]
    assert banner.isVisible()
    assert window.ledger_model.find(tail[0].id) is not None
