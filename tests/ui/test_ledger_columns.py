"""The ledger's optional columns: notes hidden at first, a header menu toggles any of
them, and the choice survives a restart."""

from __future__ import annotations

from claimledger.ui.views.ledger_columns import column_menu
from claimledger.ui.views.ledger_model import COLUMNS, NOTE, REASON, STATEMENT


def _action(view, name):
    return next(a for a in column_menu(view).actions() if a.text() == name)


def test_notes_start_hidden_and_the_statement_gets_the_room(window):
    view = window.ledger_view
    assert view.isColumnHidden(NOTE)
    assert not view.isColumnHidden(STATEMENT) and not view.isColumnHidden(REASON)


def test_the_header_menu_toggles_a_column_and_remembers_it(window, qtbot, workspace):
    from claimledger.ui.shell.main_window import MainWindow

    view = window.ledger_view
    _action(view, COLUMNS[NOTE]).toggle()
    _action(view, COLUMNS[REASON]).toggle()
    assert not view.isColumnHidden(NOTE) and view.isColumnHidden(REASON)
    again = MainWindow(workspace)
    again.persist_settings = False
    qtbot.addWidget(again)
    assert not again.ledger_view.isColumnHidden(NOTE)
    assert again.ledger_view.isColumnHidden(REASON)
