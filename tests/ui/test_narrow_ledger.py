"""A narrow ledger (1366×768, 150% scaling) keeps its Statement column readable: Reason
and Note give up width first, and get it back when the pane widens."""

from __future__ import annotations

from window_helpers import import_through_window

from claimledger.resources import sample_articles
from claimledger.ui.views.ledger_model import NOTE, REASON, STATEMENT
from claimledger.ui.views.ledger_view import STATEMENT_SHARE


def test_reason_and_note_give_way_to_the_statement(qtbot, window):
    import_through_window(qtbot, window, sample_articles())
    view = window.ledger_view
    view.setColumnHidden(NOTE, False)
    window.resize(2400, 900)
    qtbot.waitUntil(lambda: view.viewport().width() > 1000)
    view.fit_columns()
    wide = {c: view.columnWidth(c) for c in (REASON, NOTE)}

    window.resize(1000, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 500)
    qtbot.waitUntil(lambda: view.columnWidth(REASON) < wide[REASON])
    header = view.horizontalHeader()
    assert view.columnWidth(STATEMENT) >= min(
        view.viewport().width() * STATEMENT_SHARE,
        view.viewport().width() - sum(view.columnWidth(c) for c in range(9)
                                      if c != STATEMENT and not view.isColumnHidden(c)))
    for column in (REASON, NOTE):  # never narrower than its header's word
        assert view.columnWidth(column) >= header.sectionSizeFromContents(column).width()

    window.resize(2400, 900)
    qtbot.waitUntil(lambda: view.columnWidth(REASON) == wide[REASON])
    assert view.columnWidth(NOTE) == wide[NOTE]
