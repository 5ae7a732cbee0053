"""History: the claim's events newest first, with undo as an entry of its own."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from window_helpers import HARBOUR, activate, import_through_window, press, shown

from claimledger.domain.history import HistoryEntry
from claimledger.ui.views.history_panel import entry_words, local_time
from claimledger.ui.views.inspector import HISTORY_TAB

CTRL = Qt.KeyboardModifier.ControlModifier


def test_history_lists_verdicts_and_the_undo(qtbot, window, workspace, artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.inspector.tabs.setCurrentIndex(HISTORY_TAB)
    shown(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_2)
    history = window.inspector.history_panel
    assert history.lines()[0] == "status unreviewed → disputed"
    assert history.topLevelItem(0).text(1) == "Ana Ruiz"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    lines = history.lines()
    assert lines[0] == "Undo: status disputed → unreviewed"
    assert lines[1] == "status unreviewed → disputed"
    assert len(lines) == len(workspace.history(window.claim_id))
    window.inspector.grab().save(str(artifacts / "inspector_history_undo.png"))


def test_history_follows_the_selected_claim(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    window.inspector.tabs.setCurrentIndex(HISTORY_TAB)
    shown(qtbot, window)
    first = window.claim_id
    workspace.set_note(first, "Check the minutes")
    window.review.step(1)
    shown(qtbot, window)
    assert window.inspector.history_panel.lines() == []
    window.review.step(-1)
    shown(qtbot, window)
    assert window.claim_id == first
    assert window.inspector.history_panel.lines() == ["note “Check the minutes”"]


def test_times_are_local_and_source_events_read_as_words():
    when = 1_795_239_350_970
    assert local_time(when) == datetime.fromtimestamp(when / 1000).strftime("%Y-%m-%d %H:%M")
    raw = HistoryEntry(event_id="e", kind="source.added", when_ms=when, who="Ana",
                       what="source.added")
    assert entry_words(raw) == "Added a source"
