"""Every shortcut is listed in Help ▸ Keyboard Shortcuts, and no two actions share one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from claimledger.ui.dialogs.shortcuts_dialog import ShortcutsDialog


def test_dialog_lists_every_action_with_a_shortcut(qtbot, window):
    window.actions["undo"].setText("&Undo Add claim")  # as after making a claim
    with_keys = [a for a in window.actions.values() if a.shortcuts()]
    dialog = ShortcutsDialog(window.actions.values(), window)
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert len(listed) == len(with_keys) and "Undo Add claim" not in listed
    for must in ("Sourced", "Disputed", "Next Statement", "Reason…", "Keyboard Shortcuts",
                 "Undo"):
        assert must in listed


def test_no_two_actions_share_a_shortcut(window):
    seen: dict[str, str] = {}
    for action in window.actions.values():
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} is used by {seen[text]} and {action.text()}"
            seen[text] = action.text()
    assert {"J", "K", "1", "2", "3", "4", "0", "R", "N", "Ctrl+Z", "Ctrl+Shift+Z"} <= set(seen)
    assert {"C", "E", "Ctrl+Shift+F", "Ctrl+F", "Ctrl+Shift+L", "Ctrl+Shift+S",
            "Ctrl+Shift+M", "Ctrl+Del"} <= set(seen)


def test_review_depth_actions_are_listed_in_the_shortcuts_dialog(qtbot, window):
    dialog = ShortcutsDialog(window.actions.values(), window)
    qtbot.addWidget(dialog)
    rows = {(menu, action): keys for menu, action, keys in dialog.rows}
    assert rows[("Review", "Make a Claim from Selection")] == "C"
    assert rows[("Review", "Add Source…")] == "E"
    assert rows[("Edit", "Find in All Articles…")] == "Ctrl+Shift+F"
    assert ("Review", "Split Statement at Cursor") in rows
    assert ("Review", "Merge with Next Statement") in rows
    assert ("Review", "Retire Claim") in rows
    assert ("Edit", "Filter Ledger") in rows


def test_custom_widgets_have_accessible_names(window):
    assert window.article_view.accessibleName() == "Article text"
    assert window.ledger_view.accessibleName() == "Ledger"
    assert window.library.accessibleName() == "Library of articles"
    for chip in window.review.filter_bar.chips():
        assert chip.accessibleName().startswith("Filter: ")
        assert chip.focusPolicy() & Qt.FocusPolicy.TabFocus
    for button in window.inspector.status_buttons.values():
        assert button.accessibleName()
    assert window.catalogue.tools.sort.accessibleName() == "Sort the library"
    assert window.inspector.sources_panel.list.accessibleName()
    assert window.inspector.history_panel.accessibleName()


def test_tab_walks_library_article_filter_chips_ledger_inspector(qtbot, window):
    from window_helpers import HARBOUR, activate, import_through_window

    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    tools, bar = window.catalogue.tools, window.review.filter_bar
    tools.filter.setFocus()
    expected = [tools.sort, tools.show_retired, window.library, window.article_view,
                bar.text, *[c for c in bar.chips() if c.isVisible()], window.ledger_view]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget, widget.accessibleName()
    qtbot.keyClick(window.ledger_view, Qt.Key.Key_Tab)
    assert window.inspector.isAncestorOf(QApplication.focusWidget())
