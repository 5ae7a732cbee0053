"""Every shortcut is listed in Help ▸ Keyboard Shortcuts, and no two actions share one."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from claimledger.ui.shortcuts_dialog import ShortcutsDialog


def test_dialog_lists_every_action_with_a_shortcut(qtbot, window):
    with_keys = [a for a in window.actions.values() if a.shortcuts()]
    dialog = ShortcutsDialog(window.actions.values(), window)
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert listed == {a.text().replace("&", "") for a in with_keys}
    for must in ("Sourced", "Disputed", "Next Statement", "Reason…", "Keyboard Shortcuts"):
        assert must in listed


def test_no_two_actions_share_a_shortcut(window):
    seen: dict[str, str] = {}
    for action in window.actions.values():
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} is used by {seen[text]} and {action.text()}"
            seen[text] = action.text()
    assert {"J", "K", "1", "2", "3", "4", "0", "R", "N", "Ctrl+Z", "Ctrl+Shift+Z"} <= set(seen)


def test_undo_and_redo_start_disabled(window):
    assert not window.actions["undo"].isEnabled()
    assert not window.actions["redo"].isEnabled()
