"""Another program holds the workspace's write lock: the window keeps answering.

A second connection (as another process would) takes `BEGIN IMMEDIATE` and holds it.
A mark pressed meanwhile waits on the window's write worker, never on the GUI thread:
J still moves, the status bar says what it waits for, and the mark lands once the lock
is released; held past the deadline, the mark is refused in one sentence and nothing
changes.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from window_helpers import HARBOUR, activate, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.controllers.writes import WAITING
from claimledger.ui.kit.messages import as_text


def hold_write_lock(path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_mark_waits_for_the_lock_while_the_window_keeps_answering(qtbot, window,
                                                                      workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    first = window.claim_id
    other = hold_write_lock(workspace.path)
    try:
        qtbot.keyClick(window.ledger_view, Qt.Key.Key_2)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == WAITING,
                        timeout=10_000)
        assert window.writes.busy
        qtbot.keyClick(window.ledger_view, Qt.Key.Key_J)
        assert window.claim_id != first  # the window answered while the write waited
        assert workspace.claim(first).status is Status.UNREVIEWED
    finally:
        other.rollback()
        other.close()
    settle(qtbot, window)
    assert workspace.claim(first).status is Status.DISPUTED
    assert window.ledger_model.find(first).status is Status.DISPUTED
    assert window.statusBar().currentMessage() != WAITING


def test_a_lock_held_past_the_deadline_refuses_the_mark_in_one_sentence(qtbot, window,
                                                                        workspace,
                                                                        monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    first = window.claim_id
    said = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: said.append(as_text(text)))
    window.writes.give_up_after = 0.0
    other = hold_write_lock(workspace.path)
    try:
        qtbot.keyClick(window.ledger_view, Qt.Key.Key_2)
        settle(qtbot, window)
    finally:
        other.rollback()
        other.close()
    assert said == ["The workspace is busy: another program kept it locked for writing; "
                    "nothing was changed, try again in a moment."]
    assert workspace.claim(first).status is Status.UNREVIEWED
    assert window.ledger_model.find(first).status is Status.UNREVIEWED
